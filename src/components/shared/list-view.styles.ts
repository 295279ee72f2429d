/**
 * Styles shared by the paged list views (`<order-shipments>`, `<order-payments>`): the filter row,
 * controls and menus, the data table with its sticky header, the pager, the loading / empty / error
 * states and the status badges. Below 720 px of the element's own width, rows become stacked cards
 * (each cell with its column name). Logical properties throughout, so right-to-left layouts mirror.
 * Per-view private tokens: `--_height` (the table's scroll height) and `--_header-bg`.
 */
import { css, unsafeCSS } from 'lit';

const base = css`
  :host {
    display: block;
      --_control-height: 34px;
    --_line: var(--_border);
  }

  :host([hidden]) {
    display: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .icon {
    flex: none;
  }

  button,
  select,
  input {
    font: inherit;
    color: inherit;
    margin: 0;
  }

  [part~='view'] {
    display: grid;
    gap: var(--_space-3);
  }

  /* ── Filters ─────────────────────────────────────────────────────────── */

  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  .control,
  select {
    box-sizing: border-box;
    block-size: var(--_control-height);
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    white-space: nowrap;
    cursor: pointer;
  }

  .control:hover:not(:disabled),
  select:hover {
    background-color: var(--_surface-hover);
  }

  .control:disabled {
    cursor: default;
    opacity: 0.55;
  }

  .control.filtered,
  select.filtered {
    border-color: var(--_accent);
    background-color: var(--_accent-soft);
    color: var(--_accent);
  }

  .control.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .control.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
  }

  .control .label {
    color: var(--_text-muted);
  }

  .control.filtered .label {
    color: inherit;
  }

  .select {
    position: relative;
    display: inline-flex;
    align-items: center;
  }

  .select .icon {
    position: absolute;
    inset-inline-end: var(--_space-2);
    pointer-events: none;
  }

  select {
    padding-inline-end: calc(var(--_space-3) + 16px);
    appearance: none;
    max-inline-size: 14rem;
    text-overflow: ellipsis;
  }

  .menu {
    position: relative;
  }

  [part~='popover'] {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + var(--_space-1));
    inset-inline-start: 0;
    box-sizing: border-box;
    inline-size: max-content;
    min-inline-size: 12rem;
    max-inline-size: min(20rem, calc(100vw - 2 * var(--_space-4)));
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  [part~='popover'][hidden] {
    display: none;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    display: grid;
    gap: 2px;
  }

  legend {
    padding: var(--_space-1) var(--_space-2);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    padding: var(--_space-1) var(--_space-2);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .check:hover {
    background: var(--_surface-hover);
  }

  .check input {
    inline-size: 16px;
    block-size: 16px;
  }

  .menu-footer {
    display: flex;
    justify-content: flex-end;
    margin-block-start: var(--_space-2);
    padding-block-start: var(--_space-2);
    border-block-start: 1px solid var(--_border);
  }

  [part~='custom-range'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  [part~='custom-range'] label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_text-muted);
  }

  [part~='date-input'] {
    box-sizing: border-box;
    block-size: var(--_control-height);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  [part~='date-input'][aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .error {
    color: var(--_danger);
  }

  /* ── Table ───────────────────────────────────────────────────────────── */

  [part~='table-wrap'] {
    position: relative;
    max-block-size: var(--_height);
    overflow: auto;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    overscroll-behavior: contain;
  }

  [part~='table'] {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 0;
  }

  caption {
    padding: var(--_space-2) var(--_space-3);
    text-align: start;
    font-weight: 600;
    caption-side: top;
  }

  [part~='header-cell'] {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_line);
    background: var(--_header-bg);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    text-align: start;
    white-space: nowrap;
  }

  [part~='cell'] {
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_line);
    vertical-align: middle;
    text-align: start;
  }

  [part~='row']:last-child [part~='cell'] {
    border-block-end: 0;
  }

  [part~='row']:hover [part~='cell'] {
    background: var(--_surface-hover);
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  [part~='header-cell'].num {
    text-align: end;
  }

  .nowrap {
    white-space: nowrap;
  }

  .muted {
    color: var(--_text-muted);
  }

  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
    overflow-wrap: anywhere;
  }

  .order-link {
    padding: 2px 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 2px;
    cursor: pointer;
    white-space: nowrap;
  }

  .order-link:hover {
    text-decoration-thickness: 2px;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    padding: 1px var(--_space-2);
    border: 1px solid color-mix(in srgb, var(--_tone) 40%, var(--_surface));
    border-radius: var(--_radius-pill);
    background: color-mix(in srgb, var(--_tone) 9%, var(--_surface));
    color: color-mix(in srgb, var(--_tone) 85%, var(--_text));
    font-size: var(--_font-size-sm);
    font-weight: 600;
    white-space: nowrap;
  }

  /* ── States ──────────────────────────────────────────────────────────── */

  [part~='table'][aria-busy='true'] tbody {
    opacity: 0.6;
    transition: opacity 0.2s 0.15s;
  }

  [part~='empty-state'],
  [part~='loading-state'] {
    display: grid;
    justify-items: center;
    gap: var(--_space-2);
    padding: var(--_space-6) var(--_space-4);
    color: var(--_text-muted);
    text-align: center;
  }

  [part~='empty-state'] strong {
    color: var(--_text);
    font-size: var(--_font-size-lg);
  }

  [part~='error-state'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid color-mix(in srgb, var(--_danger) 45%, var(--_surface));
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
  }

  [part~='error-state'] p {
    flex: 1 1 16rem;
    margin: 0;
  }

  [part~='error-state'] strong {
    color: var(--_danger);
  }

  /* ── Pager ───────────────────────────────────────────────────────────── */

  [part~='pagination'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space-2);
  }

  [part~='pagination'] .range {
    margin-inline-end: var(--_space-2);
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }

  @media (forced-colors: active) {
    .badge,
    [part~='error-state'],
    [part~='row'] {
      border: 1px solid CanvasText;
    }
    .control.filtered,
    select.filtered {
      border: 2px solid Highlight;
    }
    .order-link {
      color: LinkText;
    }
  }
`;

/**
 * Below 720 px of the element's own width, rows become stacked cards. A raw string: lit-analyzer 2
 * predates container queries and would flag this valid CSS.
 */
const narrow = unsafeCSS(String.raw`
  :host {
    container-type: inline-size;
  }

  @container (max-width: 720px) {
    [part~='table-wrap'] {
      max-block-size: none;
      overflow: visible;
      border: 0;
      background: transparent;
    }

    [part~='table'],
    [part~='table'] tbody {
      display: block;
    }

    [part~='table'] thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    caption {
      display: block;
      padding-inline: 0;
    }

    [part~='row'] {
      display: grid;
      grid-template-columns: minmax(7rem, auto) 1fr;
      margin-block-end: var(--_space-2);
      padding: var(--_space-2) var(--_space-3);
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    [part~='cell'] {
      display: grid;
      grid-column: 1 / -1;
      grid-template-columns: subgrid;
      align-items: baseline;
      justify-items: start;
      padding: var(--_space-1) 0;
      border: 0;
      text-align: start;
    }

    [part~='cell']::before {
      content: attr(data-label) / '';
      color: var(--_text-muted);
      font-size: var(--_font-size-sm);
    }

    [part~='row']:hover [part~='cell'] {
      background: transparent;
    }

    /* A card leaves out what a row would show as a dash. */
    [part~='cell'].blank {
      display: none;
    }

    .num {
      text-align: start;
    }

    [part~='pagination'] {
      justify-content: space-between;
    }
  }
`);

/** The styles both list views include after the tokens. */
export const listViewStyles = [base, narrow];
