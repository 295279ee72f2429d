import { css } from 'lit';

/** `<order-payments>` beyond the shared list-view styles: the strip of totals per currency. */
export const styles = css`
  :host {
    --_height: var(--od-order-payments-height, 70vh);
    --_header-bg: var(--od-order-payments-header-background, var(--_surface-sunken));
    --_totals-bg: var(--od-order-payments-totals-background, var(--_surface-sunken));
  }

  .totals {
    display: grid;
    gap: var(--_space-2);
  }

  .totals-heading {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-2);
    margin: 0;
    font-size: var(--_font-size);
    font-weight: 600;
  }

  .totals-heading .muted {
    font-weight: 400;
    font-size: var(--_font-size-sm);
  }

  .none {
    margin: 0;
  }

  .currency-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
    gap: var(--_space-2);
  }

  .currency {
    display: grid;
    align-content: start;
    gap: 2px;
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_totals-bg);
  }

  .currency > div {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space-3);
  }

  .currency dt {
    color: var(--_text-muted);
  }

  .currency dd {
    margin: 0;
    white-space: nowrap;
  }

  .grand {
    padding-block-end: var(--_space-1);
    margin-block-end: var(--_space-1);
    border-block-end: 1px solid var(--_border);
  }

  .grand dt {
    color: var(--_text);
    font-weight: 600;
  }

  .grand dd {
    font-size: var(--_font-size-lg);
    font-weight: 700;
  }

  [part~='reference-cell'] {
    max-inline-size: 16rem;
  }

  @media (forced-colors: active) {
    .currency {
      border: 1px solid CanvasText;
    }
  }
`;
