/** Styles of `<bulk-action-bar>`: the bar, its buttons, and the two modal dialogs. */
import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      --_bar-bg: var(--od-bulk-action-bar-background, var(--_accent-soft));
      --_bar-color: var(--od-bulk-action-bar-color, var(--_text));
      --_bar-border: var(--od-bulk-action-bar-border, 1px solid var(--_border));
      --_dialog-width: var(--od-bulk-action-bar-dialog-width, 32rem);
    }

    :host(:focus) {
      outline: none;
    }

    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-2) var(--_space-3);
      padding: var(--_space-2) var(--_space-3);
      background: var(--_bar-bg);
      color: var(--_bar-color);
      border: var(--_bar-border);
      border-radius: var(--_radius);
    }

    .count {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
    }

    .spacer {
      flex: 1 1 0;
    }

    /* "12 of 20" inside an action button: the action applies to only some selected orders. */
    .applies {
      font-size: var(--_font-size-sm, 0.8125rem);
      font-weight: normal;
      opacity: 0.8;
      white-space: nowrap;
    }

    .muted {
      color: var(--_text-muted);
    }

    .progress {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-2);
      color: var(--_text-muted);
    }

    progress {
      inline-size: 6rem;
    }

    button {
      font: inherit;
      min-block-size: 32px;
      padding: 4px 12px;
      border-radius: var(--_radius);
      border: 1px solid var(--_accent);
      background: var(--_surface);
      color: var(--_accent);
      cursor: pointer;
    }

    button:hover:not([disabled]) {
      background: var(--_surface-hover);
    }

    button[disabled] {
      opacity: 0.55;
      cursor: not-allowed;
    }

    button.destructive {
      border-color: var(--_danger);
      color: var(--_danger);
    }

    button.primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
    }

    button.primary.destructive {
      background: var(--_danger);
      border-color: var(--_danger);
      color: var(--_danger-contrast);
    }

    button.primary:hover:not([disabled]) {
      filter: brightness(1.1);
      background: var(--_accent);
    }

    button.primary.destructive:hover:not([disabled]) {
      background: var(--_danger);
    }

    button.secondary {
      border-color: var(--_border);
      color: var(--_text);
    }

    button.clear {
      border-color: transparent;
      background: transparent;
      text-decoration: underline;
      color: var(--_text);
    }

    button.link {
      border-color: transparent;
      background: transparent;
      padding-inline: 4px;
      text-decoration: underline;
    }

    dialog {
      inline-size: min(var(--_dialog-width), calc(100vw - 32px));
      max-block-size: calc(100vh - 64px);
      box-sizing: border-box;
      padding: var(--_space-4) var(--_space-6);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: var(--_shadow);
      font-family: var(--_font);
      font-size: var(--_font-size);
    }

    dialog::backdrop {
      background: var(--_backdrop);
    }

    h2 {
      font-size: var(--_font-size-lg);
      margin: 0 0 var(--_space-2);
    }

    h2:focus {
      outline: none;
    }

    h2:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }

    h3 {
      font-size: var(--_font-size);
      margin: var(--_space-3) 0 var(--_space-1);
    }

    p {
      margin: 0 0 var(--_space-3);
    }

    .field {
      display: grid;
      gap: var(--_space-1);
      margin-block-end: var(--_space-3);
    }

    .field > span:first-child {
      font-weight: 600;
    }

    textarea,
    select {
      font: inherit;
      color: inherit;
      background: var(--_surface);
      padding: 6px 8px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    [aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .field-error,
    .error {
      color: var(--_danger);
    }

    .warning {
      color: var(--_danger);
      font-weight: 600;
    }

    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--_space-2);
      margin-block-start: var(--_space-4);
    }

    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-3);
      font-variant-numeric: tabular-nums;
    }

    .summary .ok {
      color: var(--_success);
      font-weight: 600;
    }

    .summary .failed {
      color: var(--_danger);
      font-weight: 600;
    }

    .failures {
      list-style: none;
      margin: 0;
      padding: 0;
      max-block-size: 40vh;
      overflow: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .failures li {
      display: grid;
      grid-template-columns: 11rem 1fr;
      gap: 0 var(--_space-3);
      padding: var(--_space-2) var(--_space-3);
      border-block-end: 1px solid var(--_border);
    }

    .failures li:last-child {
      border-block-end: none;
    }

    .failures .number {
      font-weight: 600;
      overflow-wrap: anywhere;
      font-variant-numeric: tabular-nums;
      grid-row: span 2;
    }

    .failures .message {
      color: var(--_text-muted);
      font-size: var(--_font-size-sm);
      overflow-wrap: anywhere;
    }

    @media (forced-colors: active) {
      .bar,
      dialog {
        border: 1px solid CanvasText;
      }

      button.destructive,
      .warning,
      .field-error,
      .error {
        color: CanvasText;
      }
    }
  `,
];
