/**
 * Styles of `<order-calendar>`. The host is a size container: the layout follows the element's own
 * width (a side panel beside the grid from 1080 px, dots and totals in month cells below 640 px).
 */
import { css, unsafeCSS } from 'lit';

const base = css`
  :host {
    display: block;
    --_cell-height: var(--od-order-calendar-cell-height, 104px);
    --_panel-width: var(--od-order-calendar-panel-width, 360px);
    --_today: var(--od-order-calendar-today-color, var(--_accent));
    --_outside: var(--od-order-calendar-outside-background, var(--_surface-sunken));
    --_control-height: 34px;
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

  .muted {
    color: var(--_text-muted);
  }

  .small {
    font-size: var(--_font-size-sm);
  }

  .icon {
    flex: none;
  }

  button,
  input {
    font: inherit;
    color: inherit;
    margin: 0;
  }

  /* ── Header ─────────────────────────────────────────────────────────────────────────────── */

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
    margin-block-end: var(--_space-3);
  }

  .nav,
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  .nav {
    flex: 1 1 auto;
  }

  .controls {
    gap: var(--_space-3);
  }

  .steps {
    display: inline-flex;
  }

  h2 {
    margin: 0 0 0 var(--_space-2);
    font-size: var(--_font-size-lg);
    font-weight: 600;
    white-space: nowrap;
  }

  .zone {
    flex-basis: 100%;
    margin: 0;
  }

  .control {
    box-sizing: border-box;
    min-block-size: var(--_control-height);
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    white-space: nowrap;
    cursor: pointer;
  }

  .control:hover:not(:disabled) {
    background-color: var(--_surface-hover);
  }

  .control:disabled {
    cursor: default;
    opacity: 0.6;
  }

  .control.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .control.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }

  .icon-button {
    inline-size: var(--_control-height);
    padding: 0;
  }

  .steps .icon-button:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }

  .steps .icon-button:last-child {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    margin-inline-start: -1px;
  }

  .segmented {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_surface);
  }

  .segmented button {
    min-block-size: calc(var(--_control-height) - 2px);
    padding: 0 var(--_space-3);
    border: 0;
    border-inline-start: 1px solid var(--_border);
    background: transparent;
    cursor: pointer;
  }

  .segmented button:first-child {
    border-inline-start: 0;
  }

  .segmented button:hover {
    background: var(--_surface-hover);
  }

  .segmented button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .segmented button:focus-visible {
    outline-offset: -3px;
  }

  .kinds,
  .kind-tabs {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-block-size: 30px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    background: var(--_surface);
    color: var(--_text-muted);
    cursor: pointer;
  }

  .chip:hover {
    background: var(--_surface-hover);
  }

  .chip[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent-soft);
    color: var(--_accent);
  }

  .chip[aria-pressed='false'] .icon {
    opacity: 0.6;
  }

  .chip-count {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }

  /* ── States ─────────────────────────────────────────────────────────────────────────────── */

  .empty,
  .loading {
    margin: 0 0 var(--_space-2);
  }

  .empty {
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
    color: var(--_text-muted);
  }

  .problem {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
    margin-block-end: var(--_space-3);
    padding: var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }

  .problem p {
    margin: 0;
  }

  /* ── Layout ─────────────────────────────────────────────────────────────────────────────── */

  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-4);
    align-items: start;
  }

  

  

  /* ── Grid ───────────────────────────────────────────────────────────────────────────────── */

  .grid {
    display: grid;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_border);
    gap: 1px;
  }

  .grid[aria-busy='true'] .counts {
    opacity: 0.55;
  }

  .weekdays,
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: 1px;
  }

  .view-day .week {
    grid-template-columns: minmax(0, 1fr);
  }

  .weekday {
    padding: var(--_space-1) var(--_space-2);
    background: var(--_surface-sunken);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    text-align: start;
  }

  .narrow-only {
    display: none;
  }

  .day {
    position: relative;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    min-block-size: var(--_cell-height);
    min-inline-size: 0;
    padding: var(--_space-1) var(--_space-2) var(--_space-2);
    background: var(--_surface);
    cursor: pointer;
  }

  .view-week .day {
    min-block-size: 220px;
  }

  .view-day .day {
    min-block-size: 0;
    padding: var(--_space-3);
    cursor: default;
  }

  .day:hover {
    background: var(--_surface-hover);
  }

  .day:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    z-index: 1;
  }

  .day[part~='outside'] {
    background: var(--_outside);
  }

  .day[part~='outside'] .day-number {
    color: var(--_text-muted);
  }

  .day[aria-selected='true'] {
    box-shadow: inset 0 0 0 2px var(--_accent);
    background: color-mix(in srgb, var(--_accent-soft) 55%, var(--_surface));
  }

  .day[part~='drop-target'] {
    box-shadow: inset 0 0 0 2px var(--_accent);
    background: var(--_accent-soft);
  }

  .day-head {
    display: flex;
    align-items: center;
  }

  .day-number {
    display: inline-grid;
    place-items: center;
    min-inline-size: 1.75em;
    block-size: 1.75em;
    padding: 0 var(--_space-1);
    box-sizing: border-box;
    border-radius: var(--_radius-pill);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .view-day .day-number {
    block-size: auto;
    padding: 0;
    font-size: var(--_font-size);
  }

  .day[aria-current='date'] .day-number {
    background: var(--_today);
    color: var(--_accent-contrast);
  }

  .view-day .day[aria-current='date'] .day-number {
    padding: 0 var(--_space-2);
  }

  .counts {
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 0;
  }

  .count {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }

  .count-line {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
    min-inline-size: 0;
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
  }

  .count-n {
    color: var(--_text);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .count-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .bar {
    display: flex;
    gap: 1px;
    block-size: 4px;
    border-radius: 2px;
    overflow: hidden;
    background: var(--_surface-sunken);
  }

  .seg {
    flex: 1 1 0;
    min-inline-size: 2px;
    background: var(--_tone);
  }

  .statuses {
    display: flex;
    flex-wrap: wrap;
    gap: 2px var(--_space-2);
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
  }

  .status-chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    white-space: nowrap;
  }

  .dot {
    display: inline-block;
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: var(--_tone);
  }

  .compact {
    display: none;
  }

  .placeholder {
    display: block;
    inline-size: 60%;
    block-size: 10px;
    margin-block-start: var(--_space-1);
    border-radius: 4px;
    background: var(--_surface-sunken);
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

  /* Narrow containers: month cells show status dots and the day's total. */
  

  /* ── Day panel ──────────────────────────────────────────────────────────────────────────── */

  .panel {
    display: grid;
    gap: var(--_space-2);
    align-content: start;
    min-inline-size: 0;
    padding: var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }

  .panel-head .icon-button {
    inline-size: 30px;
    block-size: 30px;
    display: inline-grid;
    place-items: center;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }

  .panel-head .icon-button:hover {
    background: var(--_surface-hover);
  }

  h3 {
    margin: 0;
    font-size: var(--_font-size);
    font-weight: 600;
  }

  .panel p {
    margin: 0;
  }

  .items {
    display: grid;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    padding: var(--_space-1);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .item[draggable='true'] {
    cursor: grab;
  }

  .item[part~='busy'] {
    opacity: 0.6;
  }

  .item-open {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
    padding: var(--_space-1) var(--_space-2);
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }

  .item-open:hover {
    background: var(--_surface-hover);
  }

  .item-line {
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
    min-inline-size: 0;
  }

  .number {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }

  .time {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
  }

  .total {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .customer {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_text-muted);
  }

  .status {
    margin-inline-start: auto;
    padding: 1px var(--_space-2);
    border-radius: var(--_radius-pill);
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 12%, transparent);
    font-size: var(--_font-size-sm);
    white-space: nowrap;
  }

  .small-control {
    inline-size: 32px;
    min-block-size: 32px;
  }

  .move-form {
    grid-column: 1 / -1;
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-2);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
  }

  .move-form label {
    font-size: var(--_font-size-sm);
    font-weight: 600;
  }

  .move-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .move-row input {
    box-sizing: border-box;
    min-block-size: var(--_control-height);
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .move-row input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .field-problem {
    color: var(--_danger);
    font-size: var(--_font-size-sm);
  }

  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
  }

  /* ── Notice ─────────────────────────────────────────────────────────────────────────────── */

  /* Sticks to the bottom of the viewport while the calendar is in view, like a toast. */
  .notice {
    position: sticky;
    inset-block-end: var(--_space-3);
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block-start: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  .notice.failed {
    border-inline-start-color: var(--_danger);
  }

  .notice p {
    flex: 1 1 16rem;
    margin: 0;
  }

  
`;

/**
 * Container queries and forced-colors rules, kept as plain CSS text: lit-analyzer 2's CSS check
 * predates @container and forced-color-adjust and would flag valid CSS.
 */
const responsive = unsafeCSS(String.raw`
  :host {
    container: order-calendar / inline-size;
  }

  @container order-calendar (min-width: 1080px) {
    .body.with-panel:not(.view-day) {
      grid-template-columns: minmax(0, 1fr) var(--_panel-width);
    }
  }

@container order-calendar (min-width: 720px) {
    .body.view-day {
      grid-template-columns: minmax(0, 16rem) minmax(0, 1fr);
    }
  }

@container order-calendar (max-width: 640px) {
    h2 {
      font-size: var(--_font-size);
    }

    .view-month .day,
    .view-week .day {
      min-block-size: 56px;
      padding: 2px;
      align-items: center;
      gap: 2px;
    }

    .view-week .day {
      min-block-size: 72px;
    }

    .view-month .counts,
    .view-week .counts {
      display: none;
    }

    .view-month .compact,
    .view-week .compact {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 2px;
    }

    .dots {
      display: flex;
      gap: 2px;
    }

    .dot {
      inline-size: 6px;
      block-size: 6px;
    }

    .compact-total {
      font-size: var(--_font-size-sm);
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }

    .weekday {
      padding: var(--_space-1) 0;
      text-align: center;
    }

    .wide-only {
      display: none;
    }

    .narrow-only {
      display: inline;
    }
  }

@media (forced-colors: active) {
    .day[aria-selected='true'],
    .day[part~='drop-target'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }

    .day[aria-current='date'] .day-number {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
      forced-color-adjust: none;
    }

    .seg,
    .dot {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }

    .segmented button[aria-pressed='true'],
    .chip[aria-pressed='true'] {
      border: 2px solid Highlight;
    }

    .grid {
      background: CanvasText;
    }
  }
`);

export const styles = [base, responsive];
