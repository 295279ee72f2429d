import { css } from 'lit';

/** `<order-print>`'s own rules: options row, the preview at paper size, the hidden print frame. */
export const styles = css`
  :host {
    --_width: var(--od-print-panel-width, min(64rem, calc(100vw - 2rem)));
    --_preview-height: var(--od-print-preview-height, 60dvh);
  }

  .options {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space-3) var(--_space-6);
    padding: var(--_space-3) var(--_space-4);
    border-block-end: 1px solid var(--_border);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    font-weight: 500;
  }

  .papers {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
    margin: 0;
    padding: 0;
    border: 0;
  }

  .papers legend {
    padding: 0;
    margin-block-end: var(--_space-1);
    font-weight: 500;
  }

  input.copies {
    box-sizing: border-box;
    inline-size: 6rem;
    min-height: 34px;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    min-height: 0;
  }

  .preview-wrap {
    block-size: var(--_preview-height);
    overflow: auto;
    padding: var(--_space-4);
    background: var(--_surface-sunken);
    border-radius: var(--_radius);
  }

  .preview.sheet {
    background: transparent;
  }

  .preview .page-slot {
    box-sizing: border-box;
    margin: 0 auto var(--_space-4);
    background: #fff;
    box-shadow: var(--_shadow);
    overflow: hidden;
  }

  .paper-a4 .page-slot {
    inline-size: 210mm;
    min-block-size: 297mm;
    padding: 12mm;
  }

  .paper-letter .page-slot {
    inline-size: 8.5in;
    min-block-size: 11in;
    padding: 0.5in;
  }

  .paper-label .page-slot {
    inline-size: 100mm;
    min-block-size: 150mm;
    padding: 3mm;
  }

  .confirm {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_warning);
    border-radius: var(--_radius);
    color: var(--_text);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
    font-weight: 500;
  }

  .print-frame {
    position: fixed;
    inset-inline-end: 0;
    inset-block-end: 0;
    inline-size: 0;
    block-size: 0;
    border: 0;
    visibility: hidden;
  }

  .footer {
    flex-wrap: wrap;
  }

  @media (forced-colors: active) {
    .preview .page-slot {
      border: 1px solid CanvasText;
    }
  }
`;
