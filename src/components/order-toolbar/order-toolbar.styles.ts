import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_control-height: var(--od-order-toolbar-control-height, 34px);
    --_search-width: var(--od-order-toolbar-search-width, 26rem);
    --_popover-width: var(--od-order-toolbar-popover-width, 300px);
  }

  :host([hidden]) {
    display: none;
  }

  [part~='toolbar'] {
    display: grid;
    gap: var(--_space-2);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
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

  /* The view's time zone, named at the end of the filters. */
  .zone {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    margin-inline-start: auto;
    color: var(--_text-muted);
    font-size: var(--_font-size-sm, 0.875em);
    white-space: nowrap;
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

  .select:has(select.filtered) .icon {
    color: var(--_accent);
  }

  select {
    padding-inline-end: calc(var(--_space-3) + 16px);
    appearance: none;
    max-inline-size: 13rem;
    text-overflow: ellipsis;
  }

  .control:hover,
  select:hover {
    background-color: var(--_surface-hover);
  }

  .control[aria-pressed='true'],
  .control[aria-pressed='mixed'],
  .control.filtered,
  select.filtered {
    border-color: var(--_accent);
    background-color: var(--_accent-soft);
    color: var(--_accent);
  }

  .quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
  }

  [part~='search'] {
    position: relative;
    flex: 0 1 var(--_search-width);
    min-inline-size: 10rem;
    display: flex;
    align-items: center;
  }

  [part~='search'] .icon {
    position: absolute;
    inset-inline-start: var(--_space-3);
    color: var(--_text-muted);
    pointer-events: none;
  }

  [part~='search-input'] {
    box-sizing: border-box;
    inline-size: 100%;
    block-size: var(--_control-height);
    padding-block: 0;
    padding-inline: calc(var(--_space-3) + 22px) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part~='search-input']::placeholder {
    color: var(--_text-muted);
  }

  .menu {
    position: relative;
  }

  #views-menu {
    inline-size: min(var(--_popover-width), calc(100vw - 2 * var(--_space-4)));
  }

  [part~='popover'] {
    position: absolute;
    z-index: 10;
    inset-block-start: calc(100% + var(--_space-1));
    inset-inline-start: 0;
    box-sizing: border-box;
    inline-size: max-content;
    min-inline-size: 12rem;
    max-inline-size: min(var(--_popover-width), calc(100vw - 2 * var(--_space-4)));
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  [part~='popover'][data-align-end] {
    inset-inline-start: auto;
    inset-inline-end: 0;
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
    gap: var(--_space-2);
    margin-block-start: var(--_space-2);
    padding-block-start: var(--_space-2);
    border-block-start: 1px solid var(--_border);
  }

  [part~='custom-range'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-inline-end: var(--_space-2);
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

  .note {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .views {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }

  .views li {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
  }

  .view-apply {
    flex: 1;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: var(--_space-1) var(--_space-2);
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
  }

  .view-apply:hover,
  .icon-button:hover {
    background: var(--_surface-hover);
  }

  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 28px;
    block-size: 28px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }

  .empty {
    margin: 0;
    padding: var(--_space-1) var(--_space-2);
    color: var(--_text-muted);
  }

  [part~='save-form'] {
    display: grid;
    gap: var(--_space-1);
    margin-block-start: var(--_space-2);
    padding-block-start: var(--_space-2);
    border-block-start: 1px solid var(--_border);
  }

  [part~='save-form'] label {
    font-size: var(--_font-size-sm);
    color: var(--_text-muted);
  }

  .save-row {
    display: flex;
    gap: var(--_space-2);
  }

  .save-row input {
    flex: 1;
    min-inline-size: 0;
    block-size: var(--_control-height);
    box-sizing: border-box;
    padding: 0 var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .primary:hover {
    background: var(--_accent);
    filter: brightness(1.1);
  }

  [part~='actions'] {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }

  @media (max-width: 640px) {
    [part~='search'] {
      flex-basis: 100%;
    }
    [part~='actions'] {
      margin-inline-start: 0;
    }
  }

  @media (forced-colors: active) {
    .control[aria-pressed='true'],
    .control.filtered,
    select.filtered {
      border-width: 2px;
    }
  }
`;
