import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    position: relative;
    --_badge-bg: var(--od-order-notifications-badge-background, var(--_danger));
    --_badge-fg: var(--od-order-notifications-badge-color, #ffffff);
    --_popover-width: var(--od-order-notifications-popover-width, 340px);
    --_toast-offset: var(--od-order-notifications-toast-offset, var(--_space-4));
  }

  :host([hidden]) {
    display: none;
  }

  button {
    font: inherit;
    color: inherit;
    margin: 0;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [part~='bell'] {
    position: relative;
    display: inline-grid;
    place-items: center;
    inline-size: 36px;
    block-size: 36px;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-pill);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }

  [part~='bell']:hover {
    background: var(--_surface-hover);
  }

  [part~='bell'] .icon {
    inline-size: 20px;
    block-size: 20px;
  }

  [part~='badge'] {
    position: absolute;
    inset-block-start: -4px;
    inset-inline-end: -6px;
    box-sizing: border-box;
    min-inline-size: 20px;
    block-size: 20px;
    padding: 0 5px;
    border: 2px solid var(--_surface);
    border-radius: var(--_radius-pill);
    background: var(--_badge-bg);
    color: var(--_badge-fg);
    font-size: 11px;
    font-weight: 700;
    line-height: 16px;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  [part~='popover'] {
    position: absolute;
    z-index: 20;
    inset-block-start: calc(100% + var(--_space-2));
    inset-inline-end: 0;
    box-sizing: border-box;
    inline-size: min(var(--_popover-width), calc(100vw - 2 * var(--_space-4)));
    max-block-size: min(480px, 70vh);
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    overflow: hidden;
  }

  [part~='popover']:focus {
    outline: none;
  }

  [part~='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  .title {
    font-weight: 600;
  }

  [part~='mark-all'] {
    padding: var(--_space-1) var(--_space-2);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
  }

  [part~='mark-all']:hover {
    background: var(--_accent-soft);
  }

  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: var(--_space-1);
    overflow-y: auto;
  }

  [part~='item'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px var(--_space-3);
    inline-size: 100%;
    padding: var(--_space-2) var(--_space-3);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }

  [part~='item']:hover {
    background: var(--_surface-hover);
  }

  [part~='item']:focus-visible {
    outline-offset: -2px;
  }

  .number {
    font-weight: 600;
  }

  .time,
  .meta {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .time {
    text-align: end;
  }

  .total {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .customer {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='empty'] {
    margin: 0;
    padding: var(--_space-4) var(--_space-3);
    color: var(--_text-muted);
    text-align: center;
  }

  .toast-region {
    position: fixed;
    z-index: 30;
    inset-block-end: var(--_toast-offset);
    inset-inline-end: var(--_toast-offset);
    max-inline-size: min(380px, calc(100vw - 2 * var(--_toast-offset)));
  }

  [part~='toast'] {
    display: flex;
    align-items: stretch;
    border-radius: var(--_radius);
    background: var(--od-order-notifications-toast-background, var(--_text));
    color: var(--od-order-notifications-toast-color, var(--_surface));
    box-shadow: var(--_shadow);
    animation: toast-in 160ms ease-out;
  }

  .toast-open {
    flex: 1;
    display: grid;
    gap: 2px;
    padding: var(--_space-3) var(--_space-4);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }

  .toast-title {
    font-weight: 600;
  }

  .toast-detail {
    opacity: 0.9;
  }

  .toast-close {
    display: grid;
    place-items: center;
    padding: 0 var(--_space-3);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }

  [part~='toast'] :focus-visible {
    outline-color: var(--od-order-notifications-toast-color, var(--_surface));
    outline-offset: -4px;
  }

  @keyframes toast-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='toast'] {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    [part~='badge'],
    [part~='toast'] {
      border: 1px solid CanvasText;
    }
  }
`;
