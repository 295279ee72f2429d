import { css } from 'lit';

/** `<scan-to-ship>` beyond the shared list-view styles: the big field, the result banner, the round. */
export const styles = css`
  :host {
    display: block;
    --_height: var(--od-scan-to-ship-height, 60vh);
    --_header-bg: var(--_surface-sunken);
  }

  h2,
  h3 {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
  }

  h3 {
    font-size: var(--_font-size-lg);
  }

  [part~='header'] {
    display: grid;
    gap: var(--_space-1);
  }

  [part~='header'] p {
    margin: 0;
    max-inline-size: 70ch;
  }

  [part~='scan-form'] {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
  }

  [part~='scan-form'] > label {
    font-weight: 600;
  }

  .field-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  [part~='scan-input'] {
    box-sizing: border-box;
    flex: 1 1 18rem;
    min-inline-size: 0;
    max-inline-size: 32rem;
    block-size: 48px;
    padding: 0 var(--_space-3);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: var(--od-scan-to-ship-input-size, 1.25rem);
    letter-spacing: 0.02em;
  }

  [part~='scan-button'] {
    block-size: 48px;
    padding: 0 var(--_space-4);
    font-weight: 600;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    cursor: pointer;
  }

  .control.small {
    block-size: 28px;
    margin-inline-start: var(--_space-2);
    padding: 0 var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .working {
    margin: 0;
    font-size: var(--_font-size-sm);
  }

  [part~='feedback'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    min-block-size: 2.75rem;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_border);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
    font-size: var(--_font-size-lg);
    overflow-wrap: anywhere;
  }

  [part~='feedback'].idle {
    border-style: dashed;
    border-inline-start-width: 1px;
    font-size: var(--_font-size);
  }

  [part~='feedback'] .live:empty {
    display: none;
  }

  [part~='feedback'] .live {
    flex: 1 1 20rem;
  }

  [part~='feedback'].success {
    border-color: var(--_success);
    background: color-mix(in srgb, var(--_success) 10%, var(--_surface));
  }

  [part~='feedback'].success strong {
    color: color-mix(in srgb, var(--_success) 80%, var(--_text));
  }

  [part~='feedback'].error {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }

  [part~='feedback'].error strong {
    color: color-mix(in srgb, var(--_danger) 85%, var(--_text));
  }

  [part~='camera'] {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }

  [part~='camera'] video {
    inline-size: min(100%, 28rem);
    border-radius: var(--_radius);
    background: #000;
  }

  [part~='camera'] p {
    margin: 0;
  }

  .round {
    display: grid;
    gap: var(--_space-2);
  }

  .round-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
  }

  [part~='summary'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    margin: 0;
    color: var(--_text-muted);
  }

  [part~='summary'] strong {
    color: var(--_text);
  }

  .problems strong {
    color: var(--_danger);
  }

  [part~='round-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  [part~='empty-state'] {
    margin: 0;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }

  .tone-success {
    --_tone: var(--_success);
  }

  .tone-warning {
    --_tone: var(--_warning);
  }

  .tone-danger {
    --_tone: var(--_danger);
  }

  @media (forced-colors: active) {
    [part~='feedback'],
    [part~='scan-input'] {
      border-color: CanvasText;
    }
  }
`;
