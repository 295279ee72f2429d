/** The own styles of `<shipment-detail>` (tokens come first). */
import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
    --_width: var(--od-shipment-detail-width, min(40rem, calc(100vw - 2rem)));
  }

  dialog {
    box-sizing: border-box;
    inline-size: var(--_width);
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }

  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog::backdrop {
    background: var(--_backdrop);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding: var(--_space-4) var(--_space-4) var(--_space-3);
    border-block-end: 1px solid var(--_border);
  }

  h2 {
    margin: 0;
    font-size: var(--_font-size-lg);
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  h3 {
    margin: var(--_space-2) 0 0;
    font-size: var(--_font-size);
    font-weight: 600;
  }

  .body {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-4);
    overflow-y: auto;
    min-block-size: 0;
  }

  .pairs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
  }

  .pairs dt {
    color: var(--_text-muted);
    font-size: var(--_font-size-sm);
  }

  .pairs dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  li + li {
    margin-block-start: var(--_space-1);
  }

  .event-status {
    font-weight: 600;
    margin-inline-end: var(--_space-2);
  }

  .note {
    font-size: var(--_font-size-sm);
  }

  .mono {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    overflow-wrap: anywhere;
  }

  .muted {
    color: var(--_text-muted);
  }

  .num {
    font-variant-numeric: tabular-nums;
  }

  a {
    color: var(--_accent);
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

  .failure {
    padding: var(--_space-3);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }

  .failure p {
    margin: var(--_space-1) 0;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space-2);
    padding: var(--_space-3) var(--_space-4);
    border-block-start: 1px solid var(--_border);
  }

  .button {
    min-block-size: 34px;
    padding: 0 var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  .button:hover {
    background: var(--_surface-hover);
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .badge,
    .failure {
      border: 1px solid CanvasText;
    }
  }
`;
