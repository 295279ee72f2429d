import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
    --_width: var(--od-order-action-dialog-width, min(36rem, calc(100vw - 2rem)));
    --_dialog-backdrop: var(--od-order-action-dialog-backdrop, var(--_backdrop));
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

  dialog::backdrop {
    background: var(--_dialog-backdrop);
  }

  form,
  .shipping {
    display: flex;
    flex-direction: column;
    max-height: calc(100dvh - 2rem);
  }

  .head {
    padding: var(--_space-4) var(--_space-4) var(--_space-2);
    border-block-end: 1px solid var(--_border);
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-lg);
    font-weight: 600;
  }

  .head p {
    margin: var(--_space-1) 0 var(--_space-2);
    color: var(--_text-muted);
  }

  .body {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    overflow-y: auto;
  }

  .field {
    display: grid;
    gap: var(--_space-1);
  }

  .field.check {
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--_space-2);
  }

  .field.check .hint {
    grid-column: 2;
  }

  label,
  legend {
    font-weight: 500;
  }

  .optional,
  .muted {
    color: var(--_text-muted);
    font-weight: 400;
  }

  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 36px;
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  textarea {
    resize: vertical;
  }

  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 18px;
    block-size: 18px;
    margin: 0;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }

  .affix {
    display: flex;
    align-items: stretch;
  }

  .affix .prefix {
    display: inline-flex;
    align-items: center;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-inline-end: 0;
    border-radius: var(--_radius) 0 0 var(--_radius);
    background: var(--_surface-sunken);
    color: var(--_text-muted);
  }

  .affix input {
    border-start-start-radius: 0 !important;
    border-end-start-radius: 0 !important;
  }

  .hint,
  .note {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .note {
    font-size: var(--_font-size);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
    color: var(--_text);
  }

  .error,
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-size: var(--_font-size-sm);
    font-weight: 500;
  }

  .form-error {
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    font-size: var(--_font-size);
  }

  fieldset {
    margin: 0;
    padding: var(--_space-2) var(--_space-3) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  .radios {
    display: grid;
    gap: var(--_space-2);
  }

  .radio {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: var(--_space-2);
  }

  .radio .hint {
    grid-column: 2;
  }

  .lines {
    display: grid;
    gap: var(--_space-2);
  }

  .line {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto minmax(6.5rem, auto);
    grid-template-areas: 'check name stepper of amount';
    align-items: center;
    gap: var(--_space-2);
    padding-block: var(--_space-1);
    border-block-start: 1px solid var(--_border);
  }

  .line > input[type='checkbox'] {
    grid-area: check;
  }

  .line > label {
    grid-area: name;
    overflow-wrap: anywhere;
  }

  .line > .stepper {
    grid-area: stepper;
  }

  .line > .of {
    grid-area: of;
  }

  .line > .amount {
    grid-area: amount;
  }

  /* A phone: the name gets the whole row, the quantity and amount go below it. */
  @media (max-width: 32rem) {
    .line {
      grid-template-columns: auto auto auto minmax(0, 1fr);
      grid-template-areas:
        'check name name name'
        '. stepper of amount';
      row-gap: var(--_space-1);
    }
  }

  .line.off label {
    color: var(--_text-muted);
    text-decoration: line-through;
  }

  .line .amount {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .line .sku {
    font-size: var(--_font-size-sm);
  }

  .stepper {
    display: inline-flex;
    align-items: stretch;
  }

  .stepper button {
    inline-size: 32px;
    min-height: 32px;
    border: 1px solid var(--_border);
    background: var(--_surface-sunken);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .stepper button:first-child {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }

  .stepper button:last-child {
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }

  .stepper button:disabled {
    cursor: default;
    color: var(--_text-muted);
    opacity: 0.6;
  }

  .stepper input[type='number'] {
    inline-size: 3.5rem;
    min-height: 32px;
    border-radius: 0;
    border-inline: 0;
    text-align: center;
    -moz-appearance: textfield;
  }

  .stepper input::-webkit-inner-spin-button,
  .stepper input::-webkit-outer-spin-button {
    -webkit-appearance: none;
    margin: 0;
  }

  .preview {
    padding: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_accent-soft);
  }

  .preview h3 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size);
  }

  .preview dl {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
  }

  .preview .row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .preview dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .preview .strong {
    font-weight: 600;
  }

  .preview s {
    color: var(--_text-muted);
    font-weight: 400;
  }

  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .footer {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border-block-start: 1px solid var(--_border);
    background: var(--_surface-sunken);
    border-radius: 0 0 calc(var(--_radius) * 2) calc(var(--_radius) * 2);
  }

  .footer button {
    min-height: 36px;
    padding: 0 var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }

  .footer button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .footer button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_danger-contrast);
  }

  @media (forced-colors: active) {
    .footer button.primary,
    .footer button.danger {
      border: 2px solid ButtonText;
    }
    [aria-invalid='true'] {
      outline: 2px solid Mark;
    }
  }
`;
