import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_tab-gap: var(--od-status-tabs-gap, var(--_space-1));
    --_indicator: var(--od-status-tabs-indicator-color, var(--_accent));
    --_indicator-size: var(--od-status-tabs-indicator-size, 3px);
    --_count-bg: var(--od-status-tabs-count-background, var(--_surface-sunken));
  }

  :host([hidden]) {
    display: none;
  }

  [part~='tablist'] {
    display: flex;
    gap: var(--_tab-gap);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: thin;
    border-block-end: 1px solid var(--_border);
    /* Room for the focus ring inside the scroll container. */
    padding: 4px 4px 0;
    scroll-padding-inline: var(--_space-6);
  }

  [part~='tab'] {
    flex: 0 0 auto;
    display: inline-flex;
    align-items: baseline;
    gap: var(--_space-2);
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    color: var(--_text-muted);
    font: inherit;
    font-weight: 500;
    white-space: nowrap;
    cursor: pointer;
    position: relative;
  }

  [part~='tab']:hover {
    color: var(--_text);
    background: var(--_surface-hover);
  }

  [part~='tab']:focus-visible {
    outline-offset: -2px;
  }

  [part~='active'] {
    color: var(--_accent);
  }

  [part~='active']::after {
    content: '';
    position: absolute;
    inset-inline: var(--_space-2);
    inset-block-end: 0;
    block-size: var(--_indicator-size);
    border-radius: var(--_indicator-size) var(--_indicator-size) 0 0;
    background: var(--_indicator);
  }

  [part~='count'] {
    display: inline-grid;
    place-items: center;
    box-sizing: border-box;
    min-inline-size: 1.75em;
    block-size: 1.5em;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_count-bg);
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
    font-variant-numeric: tabular-nums;
    line-height: 1;
  }

  [part~='active'] [part~='count'] {
    background: var(--_accent-soft);
    color: var(--_accent);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .unknown {
    display: inline-block;
    inline-size: 1.75em;
    block-size: 0.6em;
    border-radius: var(--_radius-pill);
    background: var(--_border);
    opacity: 0.6;
  }

  @media (forced-colors: active) {
    [part~='active']::after {
      background: Highlight;
    }
    [part~='count'] {
      border: 1px solid CanvasText;
    }
    .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .unknown {
      background: GrayText;
    }
  }
`;
