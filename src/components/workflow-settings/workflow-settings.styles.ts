/** The own styles of `<workflow-settings>` (tokens and the shared list-view controls come first). */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_max: var(--od-workflow-settings-max-width, 72rem);
  }

  [part~='view'] {
    max-inline-size: var(--_max);
    gap: var(--_space-6);
  }

  h2,
  h3,
  h4 {
    margin: 0 0 var(--_space-2);
  }

  h2 {
    font-size: 1.35em;
  }

  h3 {
    font-size: 1.1em;
  }

  h4 {
    font-size: 1em;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .header p {
    margin: 0;
  }

  .actions,
  .row-actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }

  .confirm {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }

  .confirm p {
    flex-basis: 100%;
  }

  /* The shared hover would paint a primary button's white text on a light background. */
  .control.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 86%, black);
  }

  .control.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--_danger-contrast);
  }

  .message {
    flex-basis: 100%;
    min-block-size: 1.4em;
    margin: 0;
    color: var(--_text-muted);
  }

  .message.ok {
    color: var(--_success);
  }

  .message.error,
  .error {
    color: var(--_danger);
  }

  .error {
    font-size: var(--_font-size-sm);
    margin-block-start: var(--_space-1);
    font-weight: normal;
  }

  .notice {
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .summary {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 5%, var(--_surface));
  }

  .summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  section {
    display: grid;
    gap: var(--_space-2);
    min-inline-size: 0;
  }

  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    background: var(--_surface-sunken);
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
    font-weight: 600;
  }

  tbody th {
    font-weight: normal;
  }

  tr:last-child > * {
    border-block-end: 0;
  }

  [part~='hidden-row'] .badge {
    opacity: 0.6;
    text-decoration: line-through;
  }

  .key {
    display: block;
    margin-block-start: var(--_space-1);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    overflow-wrap: anywhere;
  }

  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  }

  .hidden-note {
    display: inline-block;
    margin-inline-start: var(--_space-2);
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
    font-style: italic;
  }

  .description {
    max-inline-size: 24rem;
    overflow-wrap: anywhere;
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .muted {
    color: var(--_text-muted);
  }

  .small {
    font-size: var(--_font-size-sm);
  }

  .tone-neutral {
    --_tone: var(--_text-muted);
  }
  .tone-info {
    --_tone: var(--_info);
  }
  .tone-attention {
    --_tone: var(--_attention);
  }
  .tone-warning {
    --_tone: var(--_warning);
  }
  .tone-success {
    --_tone: var(--_success);
  }
  .tone-danger {
    --_tone: var(--_danger);
  }

  form.grid {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-2) var(--_space-3) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }

  legend {
    padding: 0 var(--_space-1);
    font-weight: 600;
  }

  fieldset > p {
    flex-basis: 100%;
    margin: 0;
  }

  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: flex-end;
  }

  .field {
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 12rem;
    flex: 1 1 14rem;
    max-inline-size: 24rem;
  }

  .field > span {
    font-size: var(--_font-size-sm);
    font-weight: 600;
  }

  input[type='text'] {
    box-sizing: border-box;
    block-size: var(--_control-height);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    inline-size: 100%;
  }

  .field select {
    max-inline-size: none;
    inline-size: 100%;
  }

  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }

  .check-field {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: 28px;
    cursor: pointer;
  }

  .rename {
    display: grid;
    gap: var(--_space-2);
  }

  .tab-list {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .tab-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  .tab-list li:last-child {
    border-block-end: 0;
  }

  .tab-name {
    font-weight: 600;
    min-inline-size: 8rem;
  }

  .tab-list .row-actions {
    margin-inline-start: auto;
  }

  .tab-list .error {
    flex-basis: 100%;
  }

  @media (forced-colors: active) {
    .summary,
    .confirm,
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
