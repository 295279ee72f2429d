/** Issue 12, rule 3: how the table's columns share its width (`fitColumns`). */
import { expect } from '@open-wc/testing';
import { fitColumns, type FitInput } from '../../../src/components/order-table/fit.js';

const col = (key: string, fixed: number | undefined, min = 0, priority = 2, grow = 1): FitInput => ({ key, fixed, min, grow, priority });

describe('fitColumns', () => {
  const columns = [col('number', 200, 0, 0), col('date', 120, 0, 1), col('customer', undefined, 90, 1), col('items', undefined, 90, 3), col('status', 180, 0, 0)];

  it('keeps every column when the fixed widths and minimums fit, flexing the rest', () => {
    const fit = fitColumns(columns, 1000, 44);
    expect(fit.keys).to.deep.equal(['number', 'date', 'customer', 'items', 'status']);
    expect(fit.tracks).to.deep.equal(['200px', '120px', 'minmax(90px, 1fr)', 'minmax(90px, 1fr)', '180px']);
    expect(fit.width).to.equal(1000);
  });

  it('drops the highest priority number first, never a priority-0 column, when the minimums do not fit', () => {
    expect(fitColumns(columns, 700, 44).keys).to.deep.equal(['number', 'date', 'customer', 'status']);
    expect(fitColumns(columns, 500, 44).keys).to.deep.equal(['number', 'status']);
    // Still too narrow: what cannot go stays, and the rows are as wide as it needs (the grid scrolls).
    const tight = fitColumns(columns, 300, 44);
    expect(tight.keys).to.deep.equal(['number', 'status']);
    expect(tight.width).to.equal(424);
  });
});
