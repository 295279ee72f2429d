import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_side: var(--od-order-detail-side-width, 20rem);
    --_gap: var(--od-order-detail-gap, var(--_space-4));
    --_card-bg: var(--od-order-detail-card-background, var(--_surface));
    --_card-pad: var(--od-order-detail-card-padding, var(--_space-4));
    line-height: 1.45;
  }

  :host([hidden]) {
    display: none;
  }

  .sr-only {
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

  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
    overflow-wrap: anywhere;
  }

  .error-text {
    color: var(--_danger);
  }

  /* Header */

  .header {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_card-pad);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_card-bg);
  }

  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
  }

  h2 {
    margin: 0;
    font-size: calc(var(--_font-size-lg) * 1.25);
    font-weight: 650;
    overflow-wrap: anywhere;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 1px var(--_space-2);
    border: 1px solid color-mix(in srgb, var(--_tone) 40%, var(--_surface));
    border-radius: var(--_radius-pill);
    background: color-mix(in srgb, var(--_tone) 9%, var(--_surface));
    color: color-mix(in srgb, var(--_tone) 85%, var(--_text));
    font-size: var(--_font-size-sm);
    font-weight: 600;
    white-space: nowrap;
  }

  .status-description {
    margin: 0;
    color: var(--_text-muted);
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-6);
    margin: 0;
  }

  .meta div {
    display: flex;
    gap: var(--_space-1);
  }

  .meta dt {
    color: var(--_text-muted);
  }

  .meta dt::after {
    content: ':';
  }

  .meta dd {
    margin: 0;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .tags li {
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
    font-size: var(--_font-size-sm);
  }

  /* Actions */

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding-block-start: var(--_space-2);
  }

  .actions.empty {
    display: none;
  }

  button {
    font: inherit;
  }

  .actions button,
  .problem-actions button,
  .note-form button,
  .state button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-height: 36px;
    padding: 0 var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 500;
    cursor: pointer;
  }

  .actions button:hover,
  .problem-actions button:hover,
  .note-form button:hover {
    background: var(--_surface-hover);
  }

  .actions button.primary,
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .actions button.primary:hover,
  button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }

  .actions button.destructive {
    border-color: color-mix(in srgb, var(--_danger) 50%, var(--_surface));
    color: var(--_danger);
  }

  .actions button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .menu-wrap {
    position: relative;
  }

  [part~='menu'] {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    display: grid;
    min-inline-size: 14rem;
    padding: var(--_space-1);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  [part~='menu'][hidden] {
    display: none;
  }

  [role='menuitem'] {
    min-height: 36px;
    padding: 0 var(--_space-3);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }

  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--_surface-hover);
  }

  [role='menuitem'].destructive {
    color: var(--_danger);
  }

  .busy {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .announcement {
    margin: var(--_space-2) 0 0;
    min-height: 1em;
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .announcement:empty {
    margin: 0;
    min-height: 0;
  }

  /* Failures */

  .problems {
    display: grid;
    gap: var(--_space-2);
    margin-block-start: var(--_space-3);
  }

  .problem {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid color-mix(in srgb, var(--_danger) 50%, var(--_surface));
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 5%, var(--_surface));
  }

  .problem.conflict {
    border-color: color-mix(in srgb, var(--_warning) 50%, var(--_surface));
    border-inline-start-color: var(--_warning);
    background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
  }

  .problem p {
    margin: 0 0 var(--_space-2);
  }

  .problem-title {
    color: var(--_text);
  }

  .problem .changes {
    margin: 0 0 var(--_space-2);
    padding-inline-start: var(--_space-4);
  }

  .problem-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }

  .problem-actions p {
    margin: 0;
  }

  /* Layout */

  /* Two columns when the element is wide enough (about 56rem), one otherwise: flex-wrap follows the
     element's own width, wherever the host puts it. */
  .layout {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_gap);
    margin-block-start: var(--_gap);
  }

  .main,
  .side {
    display: grid;
    gap: var(--_gap);
    align-content: start;
    min-inline-size: 0;
  }

  .main {
    flex: 999 1 34rem;
  }

  .layout.narrow {
    display: grid;
  }

  .line-list {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .line-list li {
    display: grid;
    gap: var(--_space-2);
    padding-block: var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  .line-list li:last-child {
    border-block-end: 0;
  }

  .line-figures {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_space-2);
  }

  .line-figures .num {
    display: grid;
    justify-items: end;
  }

  li[part~='rejected-line'] .line-name {
    text-decoration: line-through;
    color: var(--_text-muted);
  }

  .side {
    flex: 1 1 var(--_side);
  }

  .card {
    padding: var(--_card-pad);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_card-bg);
    min-inline-size: 0;
  }

  .card.notice {
    border-inline-start: 4px solid var(--_warning);
  }

  h3 {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size-lg);
    font-weight: 600;
  }

  h4 {
    margin: 0;
    font-size: var(--_font-size);
    font-weight: 600;
  }

  .empty {
    margin: 0;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  th,
  td {
    padding: var(--_space-2);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  th {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-weight: 600;
    white-space: nowrap;
  }

  tbody tr:last-child td {
    border-block-end: 0;
  }

  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .item {
    display: flex;
    gap: var(--_space-3);
    align-items: flex-start;
  }

  .item img,
  .no-image {
    flex: none;
    inline-size: 48px;
    block-size: 48px;
    border-radius: var(--_radius);
    object-fit: cover;
    background: var(--_surface-sunken);
    border: 1px solid var(--_border);
  }

  .line-name {
    font-weight: 500;
    overflow-wrap: anywhere;
  }

  tr[part~='rejected-line'] .line-name {
    text-decoration: line-through;
    color: var(--_text-muted);
  }

  .qty {
    white-space: nowrap;
  }

  .chip {
    display: inline-block;
    margin-block: 2px;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_surface-sunken);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    white-space: nowrap;
  }

  [part~='counter-rejected'] {
    color: var(--_danger);
  }

  /* Totals */

  .totals {
    display: grid;
    gap: var(--_space-1);
    margin: 0 0 var(--_space-2);
  }

  .totals .row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .totals dt {
    color: var(--_text-muted);
  }

  .totals dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .totals .strong dt,
  .totals .strong dd {
    color: var(--_text);
    font-weight: 650;
  }

  .totals .sep {
    margin-block-start: var(--_space-2);
    padding-block-start: var(--_space-2);
    border-block-start: 1px solid var(--_border);
  }

  .totals .due dd {
    color: var(--_danger);
  }

  /* Customer */

  .customer-name {
    margin: 0 0 var(--_space-1);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .contact {
    display: grid;
    gap: var(--_space-1);
    margin: 0 0 var(--_space-3);
    padding: 0;
    list-style: none;
  }

  .contact li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    overflow-wrap: anywhere;
  }

  a {
    color: var(--_accent);
  }

  button.copy {
    min-height: 28px;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    cursor: pointer;
  }

  button.copy:hover {
    color: var(--_text);
    background: var(--_surface-hover);
  }

  .pairs {
    display: grid;
    gap: var(--_space-1);
    margin: 0 0 var(--_space-3);
  }

  .pairs div {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
  }

  .pairs .pairs-row {
    display: contents;
  }

  .pairs dt {
    color: var(--_text-muted);
    min-inline-size: 8rem;
  }

  .pairs dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    overflow-wrap: anywhere;
  }

  .order-note {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_surface-sunken);
    overflow-wrap: anywhere;
  }

  .addresses {
    display: grid;
    gap: var(--_space-3);
  }

  .address {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
  }

  address {
    font-style: normal;
    overflow-wrap: anywhere;
  }

  .contact-line {
    margin: 0;
  }

  /* Shipments */

  .shipment {
    padding-block: var(--_space-3);
    border-block-start: 1px solid var(--_border);
  }

  .shipment:first-of-type {
    padding-block-start: 0;
    border-block-start: 0;
  }

  .shipment-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block-end: var(--_space-2);
  }

  .events summary {
    cursor: pointer;
    color: var(--_accent);
  }

  .events ol,
  .history {
    display: grid;
    gap: var(--_space-1);
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-4);
  }

  .events li,
  .history li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
  }

  .event-status {
    font-weight: 500;
  }

  .posting-state {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
  }

  .request {
    display: grid;
    gap: var(--_space-1);
    justify-items: start;
    margin-block-end: var(--_space-2);
  }

  .request p {
    margin: 0;
  }

  /* Timeline */

  .note-form {
    display: grid;
    gap: var(--_space-1);
    margin-block-end: var(--_space-4);
  }

  .note-form label {
    font-weight: 500;
  }

  .note-form textarea {
    box-sizing: border-box;
    inline-size: 100%;
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    resize: vertical;
  }

  .note-form textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .note-form p {
    margin: 0;
  }

  .timeline {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .entry {
    position: relative;
    padding: 0 0 var(--_space-3) var(--_space-4);
    border-inline-start: 2px solid var(--_border);
  }

  .entry::before {
    content: '';
    position: absolute;
    inset-inline-start: -5px;
    inset-block-start: 5px;
    inline-size: 8px;
    block-size: 8px;
    border-radius: 50%;
    background: var(--_border);
  }

  .entry.kind-status::before {
    background: var(--_accent);
  }

  .entry.kind-note::before {
    background: var(--_attention);
  }

  .entry[part~='pending-entry'] {
    opacity: 0.7;
  }

  .entry-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-2);
    align-items: baseline;
  }

  .kind {
    font-weight: 600;
  }

  .transition {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }

  .message {
    margin: var(--_space-1) 0 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  /* States */

  .state {
    padding: var(--_space-6);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_card-bg);
    color: var(--_text-muted);
  }

  .state h2 {
    color: var(--_text);
    font-size: var(--_font-size-lg);
  }

  .icon {
    flex: none;
  }

  @media (forced-colors: active) {
    .badge,
    .chip {
      border: 1px solid CanvasText;
    }
    .actions button.primary {
      border: 2px solid ButtonText;
    }
  }
`;
