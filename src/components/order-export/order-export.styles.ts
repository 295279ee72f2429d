import { css } from 'lit';

/**
 * Shared look of the CSV panels (`<order-export>`, `<order-import>`): a card inline, or a native
 * modal dialog, with a head, a scrolling body and a footer of buttons.
 */
export const panelStyles = css`
  :host {
    display: block;
    --_width: var(--od-csv-panel-width, min(44rem, calc(100vw - 2rem)));
    --_backdrop: var(--od-csv-panel-backdrop, rgb(16 24 40 / 45%));
    line-height: 1.45;
  }

  :host([hidden]) {
    display: none;
  }

  :host([modal]) {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    width: var(--_width);
    max-height: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog::backdrop {
    background: var(--_backdrop);
  }

  section[part~='panel'] {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
  }

  .head {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-3);
    padding: var(--_space-4) var(--_space-4) var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  .head > div {
    flex: 1;
    min-width: 0;
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-lg);
    font-weight: 600;
  }

  .head p {
    margin: var(--_space-1) 0 0;
    color: var(--_text-muted);
  }

  .body {
    display: grid;
    gap: var(--_space-4);
    padding: var(--_space-4);
    overflow-y: auto;
    min-height: 0;
  }

  .footer {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4) var(--_space-4);
    border-block-start: 1px solid var(--_border);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend,
  .label {
    padding: 0;
    margin-block-end: var(--_space-2);
    font-weight: 600;
  }

  .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }

  label.choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    cursor: pointer;
  }

  label.choice.disabled {
    color: var(--_text-muted);
    cursor: default;
  }

  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 16px;
    block-size: 16px;
    margin: 0;
  }

  input[type='date'],
  input[type='file'],
  select {
    box-sizing: border-box;
    min-height: 34px;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-height: 34px;
    padding: 0 var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }

  button:hover:not(:disabled) {
    background: var(--_surface-hover);
  }

  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  button.primary:hover:not(:disabled) {
    background: var(--_accent);
    filter: brightness(1.1);
  }

  button.link {
    min-height: auto;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
  }

  button.link:hover:not(:disabled) {
    background: none;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  button.icon {
    inline-size: 32px;
    min-height: 32px;
    padding: 0;
    border-color: transparent;
    background: transparent;
  }

  .muted,
  .hint {
    color: var(--_text-muted);
  }

  .hint {
    margin: 0;
    font-size: var(--_font-size-sm);
  }

  .error {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }

  .notice {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
  }

  .success {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_success);
    border-radius: var(--_radius);
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 6%, var(--_surface));
  }

  .progress {
    display: grid;
    gap: var(--_space-1);
  }

  progress {
    inline-size: 100%;
    block-size: 10px;
  }

  .progress-text {
    font-variant-numeric: tabular-nums;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    dialog,
    section[part~='panel'] {
      border: 1px solid CanvasText;
    }
    button.primary {
      border: 1px solid ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    .error,
    .success {
      border-color: CanvasText;
      color: CanvasText;
    }
  }
`;

/** The export form's own pieces. */
export const styles = css`
  .columns {
    display: grid;
    gap: var(--_space-3);
  }

  .column-actions {
    display: flex;
    gap: var(--_space-3);
    align-items: baseline;
  }

  .group legend {
    margin-block-end: var(--_space-1);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .group .options {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: var(--_space-1) var(--_space-3);
  }

  .range {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    align-items: center;
    margin-block-start: var(--_space-2);
    padding-inline-start: calc(16px + var(--_space-2));
  }

  .range label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }

  .stack {
    display: grid;
    gap: var(--_space-2);
  }
`;
