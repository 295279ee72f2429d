import { css } from 'lit';

/** `<order-form>` beyond the shared list-view styles: sections, the field grid, lines, totals, notices. */
export const styles = css`
  :host {
    display: block;
    max-inline-size: var(--od-order-form-max-width, 64rem);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
  }

  form {
    display: grid;
    gap: var(--_space-4);
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-lg);
  }

  h3 {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size);
  }

  fieldset {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-3) var(--_space-4) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-inline-size: 0;
  }

  fieldset.nested {
    padding: var(--_space-2) var(--_space-3) var(--_space-3);
    background: var(--_surface-sunken);
  }

  legend {
    padding: 0 var(--_space-1);
    font-weight: 600;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: var(--_space-3);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3);
  }

  .field {
    display: grid;
    gap: var(--_space-1);
    align-content: start;
    min-inline-size: 0;
  }

  .field.wide,
  .grid .field.wide {
    grid-column: 1 / -1;
  }

  .grow {
    flex: 1 1 16rem;
  }

  label {
    font-weight: 500;
  }

  input:not([type='checkbox']):not([type='radio']),
  textarea,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: none;
    min-block-size: var(--_control-height);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  select {
    appearance: auto;
    padding-inline-end: var(--_space-2);
  }

  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }

  input:focus-visible,
  textarea:focus-visible,
  select:focus-visible,
  button:focus-visible,
  a:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }

  input:disabled,
  textarea:disabled,
  select:disabled {
    background: var(--_surface-sunken);
    color: var(--_text-muted);
  }

  .hint {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .error {
    color: var(--_danger);
    font-size: var(--_font-size-sm);
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    font-weight: 400;
  }

  .results {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: 16rem;
    overflow: auto;
  }

  .control.result {
    inline-size: 100%;
    block-size: auto;
    min-block-size: var(--_control-height);
    justify-content: space-between;
    flex-wrap: wrap;
    white-space: normal;
    text-align: start;
    padding-block: var(--_space-1);
  }

  .lines {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .line {
    display: grid;
    grid-template-columns: minmax(12rem, 2fr) repeat(auto-fit, minmax(8rem, 1fr));
    align-items: end;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .line-title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2);
    align-self: center;
    overflow-wrap: anywhere;
  }

  .line-total {
    align-self: center;
    text-align: end;
  }

  .totals {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    justify-self: end;
    min-inline-size: min(100%, 20rem);
  }

  .totals div {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-4);
  }

  .totals dd {
    margin: 0;
  }

  .totals .grand {
    padding-block-start: var(--_space-1);
    border-block-start: 1px solid var(--_border);
    font-weight: 600;
  }

  .refund-due {
    color: var(--_danger);
    font-weight: 600;
  }

  .notice,
  .conflict,
  .error-summary {
    margin: 0;
    padding: var(--_space-3);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface-sunken);
  }

  .conflict,
  .error-summary {
    border-color: var(--_danger);
  }

  .error-summary ul,
  .conflict ul {
    margin: 0;
    padding-inline-start: var(--_space-6);
  }

  .error-summary a {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }

  .conflict .actions {
    margin-block-start: var(--_space-3);
  }

  @media (forced-colors: active) {
    input[aria-invalid='true'],
    select[aria-invalid='true'],
    .conflict,
    .error-summary {
      border-color: Mark;
    }
  }
`;
