import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    block-size: var(--od-order-table-height, 600px);
    min-block-size: 12rem;
    --_row-height: var(--od-order-table-row-height, 40px);
    --_header-bg: var(--od-order-table-header-background, var(--_surface-sunken));
    --_hover-bg: var(--od-order-table-row-hover-background, var(--_surface-hover));
    --_selected-bg: var(--od-order-table-selected-background, var(--_accent-soft));
    --_line: var(--od-order-table-border-color, var(--_border));
    --_select-width: 44px;
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

  button {
    font: inherit;
    color: inherit;
  }

  /* ── Toolbar ─────────────────────────────────────────────────────────────── */

  .toolbar {
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: 36px;
    padding-block-end: var(--_space-2);
  }

  .spacer {
    flex: 1 1 auto;
  }

  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
    min-block-size: 28px;
  }

  .selection-bar .count {
    font-weight: 600;
  }

  .link {
    border: 0;
    background: none;
    padding: 2px 4px;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }

  .columns-button,
  .primary {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 5px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  .columns-button:hover {
    background: var(--_surface-hover);
  }

  .primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  /* ── Grid ────────────────────────────────────────────────────────────────── */

  .frame {
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: hidden;
  }

  .scroller {
    position: absolute;
    inset: 0;
    overflow: auto;
    overscroll-behavior: contain;
    /* Keyboard focus scrolls a cell into view clear of the sticky header and columns. */
    scroll-padding-block-start: var(--_row-height);
    scroll-padding-inline-start: var(--_sticky, var(--_select-width));
  }

  /* The rows are as wide as the fitted columns need (--_table-width: the view's width, or the
     columns' minimums when those are wider); without a fit, as wide as their content. */
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    inline-size: var(--_table-width, max-content);
    min-inline-size: 100%;
  }

  .body {
    position: relative;
    inline-size: var(--_table-width, max-content);
    min-inline-size: 100%;
  }

  .row {
    display: grid;
    grid-template-columns: var(--_cols);
    box-sizing: border-box;
    block-size: var(--_row-height);
    inline-size: var(--_table-width, max-content);
    min-inline-size: 100%;
    border-block-end: 1px solid var(--_line);
    background: var(--_row-bg, var(--_surface));
  }

  .body > .row {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    contain: layout style;
    cursor: pointer;
  }

  .body.stale {
    opacity: 0.55;
    transition: opacity 0s 0.15s;
  }

  .body > [hidden] {
    display: none;
  }

  .body > .row:hover {
    --_row-bg: var(--_hover-bg);
  }

  .body > .row[aria-selected='true'] {
    --_row-bg: var(--_selected-bg);
  }

  .header-row {
    --_row-bg: var(--_header-bg);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    color: var(--_text-muted);
  }

  .cell {
    box-sizing: border-box;
    min-inline-size: 0;
    /* Dense enough for every default column at 1280 px; the fitting in fit.ts counts on 10 px. */
    padding-inline: 10px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    line-height: calc(var(--_row-height) - 1px);
  }

  .cell:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .row > .cell:nth-child(2) {
    font-weight: 600;
  }

  /* The checkbox and the order number stay in view while the row scrolls sideways. */
  .row > .cell.select,
  .row > .cell:nth-child(2) {
    position: sticky;
    z-index: 1;
    background: var(--_row-bg, var(--_surface));
  }

  .row > .cell.select {
    inset-inline-start: 0;
  }

  .row > .cell:nth-child(2) {
    inset-inline-start: var(--_select-width);
    border-inline-end: 1px solid var(--_line);
  }

  /* Too narrow to pin the first column beside the widest other one: it scrolls with the row. */
  .frame.unpinned .row > .cell:nth-child(2) {
    position: static;
  }

  .row > .cell.loading {
    position: static;
  }

  .cell.select {
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 0;
  }

  .cell.select input {
    inline-size: 16px;
    block-size: 16px;
    margin: 0;
    cursor: pointer;
  }

  .cell.end {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .cell.center {
    text-align: center;
  }

  .header-row .cell.sortable {
    padding: 0;
  }

  .sort {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
    inline-size: 100%;
    block-size: 100%;
    padding: 0 var(--_space-3);
    border: 0;
    background: none;
    font-weight: inherit;
    cursor: pointer;
  }

  .cell.end .sort {
    justify-content: flex-end;
  }

  .sort:hover {
    color: var(--_text);
  }

  .sort-mark {
    font-size: 10px;
    opacity: 0.7;
  }

  [aria-sort='none'] .sort-mark {
    opacity: 0.35;
  }

  .cell a {
    color: var(--_accent);
  }

  /* ── Placeholder rows ────────────────────────────────────────────────────── */

  .row.placeholder {
    cursor: default;
  }

  .cell.loading {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
  }

  .cell.loading .bar {
    display: block;
    inline-size: min(60%, 720px);
    block-size: 10px;
    border-radius: var(--_radius-pill);
    background: linear-gradient(90deg, var(--_surface-sunken), var(--_border) 50%, var(--_surface-sunken));
  }

  /* ── Status cell ─────────────────────────────────────────────────────────── */

  /* The status pill is never cut: its column is as wide as the workflow's longest label. */
  .status {
    display: inline-block;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius-pill);
    line-height: 22px;
    font-size: var(--_font-size-sm);
    font-weight: 600;
    /* The tone moved towards the text colour (darker in light themes, lighter in dark ones), so every tone reads at 4.5:1 on its tinted pill. */
    color: color-mix(in srgb, var(--_tone) 80%, var(--_text));
    background: color-mix(in srgb, var(--_tone) 12%, transparent);
    vertical-align: middle;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .posting-mark {
    margin-inline-start: var(--_space-1);
    font-weight: 500;
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

  .menu-button {
    display: inline-grid;
    place-items: center;
    inline-size: 24px;
    block-size: 24px;
    margin-inline-start: var(--_space-1);
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: var(--_text-muted);
    vertical-align: middle;
    cursor: pointer;
  }

  .menu-button[hidden] {
    display: none;
  }

  .menu-button:hover {
    border-color: var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }

  .busy {
    margin-inline-start: var(--_space-2);
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
  }

  .spinner {
    display: inline-block;
    inline-size: 10px;
    block-size: 10px;
    margin-inline-end: var(--_space-1);
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -1px;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }

  .row[aria-busy='true'] .status {
    opacity: 0.6;
  }

  .row-error {
    margin-inline-start: var(--_space-2);
    font-size: var(--_font-size-sm);
    color: var(--_danger);
  }

  .row-error::before {
    content: '⚠ ';
  }

  /* ── Empty and error states ──────────────────────────────────────────────── */

  .state {
    position: absolute;
    inset: var(--_row-height) 0 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: var(--_space-2);
    padding: var(--_space-6);
    text-align: center;
    color: var(--_text-muted);
  }

  .state p {
    margin: 0;
  }

  .state .title,
  ::slotted([slot='empty']) {
    color: var(--_text);
    font-size: var(--_font-size-lg);
    font-weight: 600;
  }

  [part~='error-state'] .title {
    color: var(--_danger);
  }

  /* ── Popups ──────────────────────────────────────────────────────────────── */

  .popup {
    position: absolute;
    z-index: 10;
    box-sizing: border-box;
    min-inline-size: 240px;
    max-block-size: 360px;
    overflow: auto;
    padding: var(--_space-1);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  .column-menu {
    inset-block-start: 100%;
    inset-inline-end: 0;
    max-block-size: min(520px, 75vh);
  }

  .column-menu ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .column-menu li {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 2px var(--_space-1);
    border-radius: var(--_radius);
  }

  .column-menu li:hover {
    background: var(--_surface-hover);
  }

  .column-menu label {
    flex: 1 1 auto;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: 28px;
    cursor: pointer;
  }

  .column-menu .icon {
    inline-size: 28px;
    block-size: 28px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    cursor: pointer;
  }

  .column-menu .icon:hover:not(:disabled) {
    border-color: var(--_border);
  }

  .column-menu .icon:disabled {
    opacity: 0.3;
    cursor: default;
  }

  .popup-actions {
    display: flex;
    justify-content: space-between;
    padding: var(--_space-1);
    border-block-start: 1px solid var(--_border);
    margin-block-start: var(--_space-1);
  }

  .status-menu [role='menuitem'] {
    display: block;
    inline-size: 100%;
    padding: var(--_space-2) var(--_space-3);
    border: 0;
    border-radius: var(--_radius);
    background: none;
    text-align: start;
    cursor: pointer;
  }

  .status-menu [role='menuitem']:hover,
  .status-menu [role='menuitem']:focus-visible {
    background: var(--_surface-hover);
  }

  .status-menu .destructive {
    color: var(--_danger);
  }

  .status-menu .empty {
    color: var(--_text-muted);
    cursor: default;
  }

  .probe {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: 1px;
    block-size: var(--_row-height);
    visibility: hidden;
    pointer-events: none;
  }

  /* ── Card mode (layout="cards", or "auto" below card-breakpoint) ───────────────
     One card per order, all of the same height (--_card-height) so the windowing stays exact: the
     checkbox, the order number and the status on the first line (never truncated; the status goes
     on its own line under the number when both do not fit: .stack), then one labelled line per
     other visible column, ellipsized (whole on hover). Nothing is wider than the table. */

  .frame.cards {
    --_card-pad: 8px;
    --_card-first: 32px;
    --_card-line: 22px;
    --_card-height: var(
      --od-order-table-card-height,
      calc(2 * var(--_card-pad) + var(--_card-first) + var(--_card-lines, 0) * var(--_card-line) + 1px)
    );
  }

  .frame.cards .scroller {
    overflow-x: hidden;
    scroll-padding-inline-start: 0;
  }

  .frame.cards .head,
  .frame.cards .body,
  .frame.cards .row {
    inline-size: 100%;
    min-inline-size: 0;
  }

  .frame.cards .header-row {
    grid-template-columns: var(--_select-width) minmax(0, 1fr);
  }

  .frame.cards .header-row > .cell:not(.select) {
    display: none;
  }

  /* The header's one control, the checkbox, with its words beside it (the checkbox has the same name). */
  .frame.cards .row.header-row > .cell.select {
    grid-column: 1 / -1;
    grid-row: 1;
    align-self: stretch;
    block-size: auto;
    justify-content: start;
    gap: var(--_space-2);
    padding-inline: 14px 6px;
  }

  .select-all-text {
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 400;
    cursor: pointer;
  }

  .frame.cards .body > .row {
    grid-template-columns: var(--_select-width) minmax(0, 1fr);
    grid-template-rows: var(--_card-first);
    grid-auto-rows: var(--_card-line);
    align-content: start;
    block-size: var(--_card-height);
    padding-block: var(--_card-pad);
    padding-inline-end: var(--_space-2);
    overflow: hidden;
  }

  .frame.cards.wide .body > .row {
    grid-template-columns: var(--_select-width) minmax(0, 1fr) minmax(0, 1fr);
  }

  .frame.cards .row > .cell {
    position: static;
    grid-column: 2 / -1;
    padding-inline: 6px;
    border: 0;
    font-weight: 400;
    line-height: var(--_card-line);
  }

  .frame.cards.wide .row > .field {
    grid-column: auto / span 1;
  }

  /* The checkbox holds the first column all the way down, so the fields only flow into the others. */
  .frame.cards .row > .cell.select {
    padding: 0;
    grid-column: 1;
    grid-row: 1 / span 40;
    align-self: start;
    block-size: var(--_card-first);
  }

  .frame.cards .row > .cell.loading {
    grid-column: 1 / -1;
    grid-row: 1;
  }

  /* The number and the status share the first line: one at its start, the other at its end, each
     as wide as its content (fitCards() stacks them when both do not fit). */
  .frame.cards .row > .col-number,
  .frame.cards .row > .col-status {
    grid-row: 1;
    max-inline-size: 100%;
    line-height: var(--_card-first);
  }

  .frame.cards .row > .col-number {
    justify-self: start;
    font-weight: 600;
    text-overflow: clip;
  }

  .frame.cards .row > .col-status {
    justify-self: end;
  }

  .frame.cards.stack .row > .col-status {
    grid-row: 2;
    justify-self: start;
    line-height: var(--_card-line);
  }

  .frame.cards .row > .field {
    display: flex;
    text-align: start;
    gap: var(--_space-2);
  }

  .card-label {
    flex: none;
    max-inline-size: 40%;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .card-label::before {
    content: attr(data-label) ':';
  }

  .card-value {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .frame.cards .probe {
    block-size: var(--_card-height);
  }

  @media (forced-colors: active) {
    .body > .row[aria-selected='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
    .status {
      border: 1px solid CanvasText;
    }
  }

  .printed {
    display: inline-flex;
    vertical-align: -3px;
    margin-inline-end: var(--_space-1);
    color: var(--_success);
  }
`;
