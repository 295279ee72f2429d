import { css } from 'lit';

export const styles = css`
  :host {
    --_width: var(--od-order-toasts-width, min(28rem, calc(100vw - 2rem)));
    --_toast-background: var(--od-order-toasts-background, var(--_text));
    --_toast-color: var(--od-order-toasts-color, var(--_surface));
    position: fixed;
    inset-block-end: var(--_space-4, 16px);
    inset-inline-start: 50%;
    translate: -50% 0;
    z-index: var(--od-order-toasts-z-index, 1000);
    inline-size: var(--_width);
    pointer-events: none;
  }

  :host([hidden]) {
    display: none;
  }

  [part~='region'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2, 8px);
  }

  [part~='toast'] {
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: var(--_space-3, 12px);
    padding: var(--_space-3, 12px) var(--_space-4, 16px);
    border-radius: var(--_radius, 6px);
    background: var(--_toast-background);
    color: var(--_toast-color);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
    border-inline-start: 4px solid var(--_success, #1f7a3a);
    font-size: var(--_font-size, 14px);
    line-height: 1.4;
  }

  [part~='warning'] {
    border-inline-start-color: var(--_warning, #b45309);
  }

  .message {
    flex: 1;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  button {
    font: inherit;
    flex: none;
    border: 1px solid currentColor;
    border-radius: var(--_radius, 6px);
    background: transparent;
    color: inherit;
    padding: 2px var(--_space-3, 12px);
    cursor: pointer;
    min-block-size: 28px;
  }

  [part~='undo-button'] {
    font-weight: 600;
  }

  [part~='dismiss-button'] {
    border-color: transparent;
    padding-inline: var(--_space-2, 8px);
  }

  button:focus-visible {
    outline: 2px solid var(--_toast-color);
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: no-preference) {
    [part~='toast'] {
      animation: toast-in 160ms ease-out;
    }
    @keyframes toast-in {
      from {
        opacity: 0;
        translate: 0 8px;
      }
    }
  }

  @media (forced-colors: active) {
    [part~='toast'] {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
