import { css } from 'lit';

/** `<order-shipments>` beyond the shared list-view styles: the tracking cell and its editor. */
export const styles = css`
  :host {
    --_height: var(--od-order-shipments-height, 70vh);
    --_header-bg: var(--od-order-shipments-header-background, var(--_surface-sunken));
  }

  .control.small {
    block-size: 28px;
    padding: 0 var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .courier {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
  }

  .tracking {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    min-inline-size: 12rem;
  }

  [part~='tracking-link'] {
    color: var(--_accent);
    text-underline-offset: 2px;
  }

  .saving {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-style: italic;
  }

  [part~='pending-row'] [part~='tracking-number'] {
    color: var(--_text-muted);
  }

  .tracking-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    max-inline-size: 24rem;
    margin: 0;
  }

  [part~='tracking-input'] {
    box-sizing: border-box;
    inline-size: 13rem;
    max-inline-size: 100%;
    block-size: 28px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  }

  [part~='tracking-input'][aria-invalid='true'] {
    border-color: var(--_danger);
    outline-color: var(--_danger);
  }

  [part~='field-error'] {
    flex-basis: 100%;
    margin: 0;
    font-size: var(--_font-size-sm);
  }

  .row-error {
    display: grid;
    gap: var(--_space-1);
    margin-block-start: var(--_space-2);
    padding: var(--_space-2);
    max-inline-size: 24rem;
    border-inline-start: 3px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
    font-size: var(--_font-size-sm);
  }

  .row-error p {
    margin: 0;
  }

  .row-error strong {
    color: var(--_danger);
  }

  .row-error-actions {
    display: flex;
    gap: var(--_space-2);
  }

  @media (forced-colors: active) {
    .row-error {
      border: 1px solid CanvasText;
      border-inline-start-width: 3px;
    }
    [part~='tracking-link'] {
      color: LinkText;
    }
  }
`;
