import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_gap: var(--od-shipment-form-gap, var(--_space-4));
    --_field-width: var(--od-shipment-form-field-width, 16rem);
    --_error: var(--od-shipment-form-error-color, var(--_danger));
    --_control-height: var(--od-shipment-form-control-height, 36px);
    line-height: 1.4;
  }

  :host([hidden]) {
    display: none;
  }

  .empty {
    margin: 0;
  }

  form {
    display: grid;
    gap: var(--_gap);
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_field-width)), 1fr));
    gap: var(--_gap);
    align-items: start;
  }

  .wide {
    grid-column: 1 / -1;
  }

  [part~='field'] {
    display: grid;
    gap: var(--_space-1);
    min-width: 0;
  }

  [part~='label'] {
    font-weight: 600;
  }

  [part~='optional'] {
    font-weight: 400;
    color: var(--_text-muted);
  }

  [part~='control']:not([type='checkbox']) {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--_control-height);
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  [part~='control']:disabled {
    background: var(--_surface-sunken);
    cursor: not-allowed;
  }

  [part~='control'][aria-invalid='true'] {
    border-color: var(--_error);
    box-shadow: inset 0 0 0 1px var(--_error);
  }

  [part~='hint'] {
    margin: 0;
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  [part~='error'] {
    display: flex;
    align-items: baseline;
    gap: var(--_space-1);
    margin: 0;
    color: var(--_error);
    font-size: var(--_font-size-sm);
    font-weight: 600;
  }

  /* A round "!" so the message does not rely on colour alone. */
  [part~='error']::before {
    content: '!';
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    background: var(--_error);
    color: var(--_surface);
    font-size: 0.85em;
    line-height: 1;
  }

  [part~='form-error'] {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    color: var(--_error);
    background: var(--_surface);
    font-weight: 600;
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    font-weight: 600;
    cursor: pointer;
  }

  .check input {
    width: 18px;
    height: 18px;
    margin: 0;
  }

  [part~='lines'] {
    display: grid;
    gap: var(--_space-2);
    min-width: 0;
    margin: 0;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='lines'] legend {
    padding: 0 var(--_space-1);
  }

  [part~='line'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    padding-block: var(--_space-1);
  }

  [part~='line'] + [part~='line'] {
    border-block-start: 1px solid var(--_surface-sunken);
    padding-block-start: var(--_space-2);
  }

  [part~='line'] [part~='error'] {
    grid-column: 1 / -1;
  }

  [part~='line-name'] {
    display: grid;
    min-width: 0;
    cursor: pointer;
  }

  [part~='line-name'] .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='line-name'] .meta {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }

  .qty {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    white-space: nowrap;
  }

  .qty input {
    width: 5.5em;
    text-align: end;
  }

  .of {
    color: var(--_text-muted);
  }

  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  [part~='button'] {
    min-height: var(--_control-height);
    padding: var(--_space-1) var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  [part~='button']:hover:not(:disabled) {
    background: var(--_surface-hover);
  }

  [part~='submit'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  [part~='submit']:hover:not(:disabled) {
    background: var(--_accent);
    filter: brightness(1.1);
  }

  [part~='button']:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }

  @media (forced-colors: active) {
    [part~='control'][aria-invalid='true'],
    [part~='form-error'] {
      border-color: Mark;
    }
    [part~='error'],
    [part~='form-error'] {
      color: CanvasText;
    }
    [part~='error']::before {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
