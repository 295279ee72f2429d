/** `<posting-history>`'s own styles; tokens come from the shared layer. */
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_in-progress: var(--od-posting-history-in-progress, var(--_info));
    --_completed: var(--od-posting-history-completed, var(--_success));
    --_failed: var(--od-posting-history-failed, var(--_danger));
  }

  :host([hidden]) {
    display: none;
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }

  .heading {
    font-size: var(--_font-size-lg);
    margin: 0 0 var(--_space-3);
    display: flex;
    align-items: baseline;
    gap: var(--_space-2);
  }

  .system {
    font-size: var(--_font-size-sm);
    font-weight: normal;
    color: var(--_text-muted);
  }

  .muted {
    color: var(--_text-muted);
  }

  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: var(--_font-size-sm);
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }

  .batch {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_state);
    border-radius: var(--_radius);
    padding: var(--_space-2) var(--_space-3);
    background: var(--_surface);
    display: grid;
    gap: var(--_space-1);
  }

  .in-progress {
    --_state: var(--_in-progress);
  }

  .completed {
    --_state: var(--_completed);
  }

  .failed {
    --_state: var(--_failed);
  }

  .batch-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
  }

  .state,
  .order-state {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    color: var(--_state);
    font-weight: 600;
  }

  .state {
    border: 1px solid currentColor;
    border-radius: var(--_radius-pill);
    padding: 0 var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .in-progress > .batch-head .icon,
  .order.in-progress .icon {
    animation: spin 1.2s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .icon {
      animation: none !important;
    }
  }

  .by,
  .summary-line {
    font-size: var(--_font-size-sm);
  }

  .summary-line {
    margin: 0;
  }

  .batch-error,
  .order-error,
  .retry-error {
    color: var(--_failed);
  }

  .orders summary {
    cursor: pointer;
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
  }

  .orders ul {
    list-style: none;
    margin: var(--_space-1) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_space-1);
  }

  .order {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    font-size: var(--_font-size-sm);
  }

  .order-error {
    flex-basis: 100%;
    padding-inline-start: var(--_space-2);
  }

  .link {
    background: none;
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    font-weight: 600;
  }

  .stale {
    color: var(--_warning);
    border: 1px solid currentColor;
    border-radius: var(--_radius-pill);
    padding: 0 var(--_space-2);
  }

  .retry,
  .more,
  .load-error button {
    justify-self: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space-1) var(--_space-3);
    min-block-size: 32px;
  }

  .retry {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }

  .more {
    margin-block-start: var(--_space-3);
  }

  .retry[disabled],
  .more[disabled] {
    opacity: 0.6;
    cursor: default;
  }

  .empty {
    color: var(--_text-muted);
  }

  @media (forced-colors: active) {
    .batch {
      border-inline-start-color: CanvasText;
    }
  }
`;
