import { css } from 'lit';

/** The import wizard's own pieces (the panel, buttons and messages come from `panelStyles`). */
export const styles = css`
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-4);
    margin: var(--_space-2) 0 0;
    padding: 0;
    list-style: none;
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .steps li {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .step-number {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border: 1px solid var(--_border);
    border-radius: 50%;
    font-variant-numeric: tabular-nums;
  }

  .steps li.done .step-number {
    border-color: var(--_success);
    color: var(--_success);
  }

  [part~='current-step'] {
    color: var(--_text);
    font-weight: 600;
  }

  [part~='current-step'] .step-number {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  h3 {
    margin: 0;
    font-size: var(--_font-size);
    font-weight: 600;
  }

  /* The step heading takes focus when a step opens (so keyboard and screen reader users land on it);
     it is not a control, so it shows no focus ring. */
  h3:focus,
  h3:focus-visible {
    outline: none;
  }

  .body > p {
    margin: 0;
  }

  .error-text {
    color: var(--_danger);
    font-weight: 500;
  }

  .drop-zone {
    display: grid;
    justify-items: center;
    gap: var(--_space-3);
    padding: var(--_space-6) var(--_space-4);
    border: 2px dashed var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface-sunken);
    text-align: center;
  }

  .drop-zone.dragging {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }

  .drop-zone label {
    font-weight: 500;
  }

  .table-wrap {
    overflow: auto;
    max-block-size: 22rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-sm);
  }

  caption {
    padding: var(--_space-2) var(--_space-3);
    font-weight: 600;
    text-align: start;
    background: var(--_surface-sunken);
    border-block-end: 1px solid var(--_border);
  }

  th,
  td {
    padding: var(--_space-1) var(--_space-3);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface);
    color: var(--_text-muted);
    font-weight: 600;
    z-index: 1;
  }

  tbody tr:last-child > * {
    border-block-end: 0;
  }

  tbody th {
    font-weight: 500;
  }

  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  td.example {
    max-inline-size: 16rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_text-muted);
  }

  .required {
    color: var(--_danger);
    font-weight: 400;
    font-size: var(--_font-size-sm);
  }

  [part~='mapping'] select {
    inline-size: 100%;
    max-inline-size: 18rem;
  }

  [part~='mapping'] th,
  [part~='mapping'] td {
    vertical-align: middle;
  }

  .table-wrap.mapping {
    max-block-size: none;
  }

  .footer.empty {
    padding: 0;
    border: 0;
  }

  [part~='problems'] tr.is-error td:first-child {
    box-shadow: inset 3px 0 0 var(--_danger);
  }

  [part~='problems'] tr.is-notice td:first-child {
    box-shadow: inset 3px 0 0 var(--_warning);
  }

  [part~='results'] tr.ok td:last-child {
    color: var(--_success);
  }

  [part~='results'] tr.bad td:last-child {
    color: var(--_danger);
  }

  [part~='results'] tr.pending td:last-child,
  [part~='results'] tr.same td:last-child {
    color: var(--_text-muted);
  }

  .why {
    margin-inline-end: auto;
    align-self: center;
  }

  @media (forced-colors: active) {
    .drop-zone {
      border-color: CanvasText;
    }
    [part~='current-step'] .step-number {
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    [part~='problems'] tr.is-error td:first-child,
    [part~='problems'] tr.is-notice td:first-child {
      box-shadow: none;
      border-inline-start: 3px solid CanvasText;
    }
  }
`;
