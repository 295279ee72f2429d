/** Styles of `<order-admin>`: the regions' layout. The elements inside style themselves. */
import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    padding: var(--od-order-admin-padding, 0);
    background: var(--od-order-admin-background, transparent);
    min-inline-size: 0;
    --_gap: var(--od-order-admin-gap, 12px);
  }

  [hidden] {
    display: none !important;
  }

  .topbar {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  nav {
    flex: 1 1 auto;
    min-inline-size: 0;
    overflow-x: auto;
  }

  nav ul {
    display: flex;
    gap: var(--_space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  nav a,
  nav button {
    display: inline-block;
    padding: var(--_space-2) var(--_space-3);
    border: none;
    border-block-end: 3px solid transparent;
    background: none;
    font: inherit;
    font-weight: 600;
    color: var(--_text-muted);
    text-decoration: none;
    cursor: pointer;
    white-space: nowrap;
  }

  nav a:hover,
  nav button:hover {
    color: var(--_text);
    background: var(--_surface-hover);
  }

  nav [aria-current='page'] {
    color: var(--_accent);
    border-block-end-color: var(--_accent);
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-inline-size: 0;
  }

  /* The bulk-action bar above the table shows the selection (count, select all, clear) with the
     actions for it; the table's own summary of it would say the same twice. */
  order-table::part(selection-bar) {
    display: none;
  }

  .view-loading {
    margin: 0;
    color: var(--_text-muted);
  }

  .view-error {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: center;
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }

  .view-error p {
    margin: 0;
  }

  .admin-actions {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }

  .admin-actions > button {
    min-block-size: 32px;
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .admin-actions > button:hover {
    background: var(--_surface-hover);
  }

  /* Accounting posting (posting-controls.ts): state colour always with an icon and a word. */
  .admin-actions > .post-button {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
  }

  .admin-actions > .post-button:hover {
    background: var(--_accent);
    filter: brightness(1.1);
  }

  .admin-actions > .post-button[disabled] {
    opacity: 0.6;
    cursor: default;
  }

  .admin-actions > .posting-status {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .posting-status.in-progress {
    color: var(--_info);
    border-color: var(--_info);
  }

  .posting-status.in-progress .icon {
    animation: od-admin-spin 1.2s linear infinite;
  }

  .posting-status.completed {
    color: var(--_success);
    border-color: var(--_success);
  }

  .posting-status.failed {
    color: var(--_danger);
    border-color: var(--_danger);
  }

  @keyframes od-admin-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .posting-status .icon {
      animation: none;
    }
  }

  .posting-message:empty {
    display: none;
  }

  .posting-message {
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
  }

  .posting-dialog[open] {
    display: flex;
    flex-direction: column;
  }

  .posting-dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: min(85vh, 52rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }

  .posting-dialog::backdrop {
    background: var(--_backdrop);
  }

  .posting-dialog-body {
    flex: 1 1 auto;
    min-block-size: 0;
    padding: var(--_space-4);
    overflow: auto;
  }

  .posting-dialog-buttons {
    display: flex;
    justify-content: flex-end;
    padding: var(--_space-2) var(--_space-4) var(--_space-3);
    border-block-start: 1px solid var(--_border);
  }

  .posting-close {
    min-block-size: 32px;
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .detail,
  .view,
  .placeholder {
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
    align-items: stretch;
  }

  .detail:focus {
    outline: none;
  }

  .back {
    align-self: flex-start;
    padding: var(--_space-1) var(--_space-2);
    /* The text lines up with the content; the padding only widens the target and the focus ring. */
    margin-inline-start: calc(-1 * var(--_space-2));
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    font: inherit;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }

  .summary,
  .placeholder {
    padding: var(--_space-4) var(--_space-6);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  h2 {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size-lg);
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-1) var(--_space-4);
    margin: 0;
  }

  dt {
    color: var(--_text-muted);
  }

  dd {
    margin: 0;
  }

  .placeholder p {
    margin: 0;
    color: var(--_text-muted);
  }

  @media (forced-colors: active) {
    nav [aria-current='page'] {
      border-block-end-color: Highlight;
    }
  }
`;
