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

  .strip {
    position: relative;
    display: flex;
    align-items: stretch;
    border-block-end: 1px solid var(--_border);
  }

  /* A fade over the tabs cut at an end says there is more; the scroll button there shows them. */
  .strip.more-start::before,
  .strip.more-end::after {
    content: '';
    position: absolute;
    inset-block: 0;
    inline-size: var(--_space-6);
    pointer-events: none;
    z-index: 1;
  }

  .strip.more-start::before {
    inset-inline-start: 28px;
    background: linear-gradient(to var(--_fade-to-start, left), transparent, var(--_surface-page, var(--_surface)));
  }

  .strip.more-end::after {
    inset-inline-end: 28px;
    background: linear-gradient(to var(--_fade-to-end, right), transparent, var(--_surface-page, var(--_surface)));
  }

  :host(:dir(rtl)) {
    --_fade-to-start: right;
    --_fade-to-end: left;
  }

  .scroll {
    flex: none;
    inline-size: 28px;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-size: 1.4em;
    line-height: 1;
    cursor: pointer;
  }

  .scroll:hover {
    background: var(--_surface-hover);
  }

  .scroll[hidden] {
    display: none;
  }

  [part~='tablist'] {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    gap: var(--_tab-gap);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: none;
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
