import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { columnsFor, DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, OrderCsvWriter, type ExportColumnKey } from '../../../src/model/csv/columns.js';
import { FORMULA_TRIGGERS, unneutralise } from '../../../src/model/csv/encode.js';
import { parseCsv } from '../../../src/model/csv/parse.js';
import { generateOrders } from '../../../src/model/generate.js';
import { money, parseMajor } from '../../../src/model/money.js';
import { getPreset } from '../../../src/model/presets/index.js';
import { HOSTILE, hostileDraft, labelWorkflow, orderOf, stores } from './fixtures.js';

const ALL = EXPORT_COLUMNS.map((c) => c.key);

/** Writes orders and reads the file back as objects keyed by header. */
function roundTrip(writer: OrderCsvWriter, orders: Parameters<OrderCsvWriter['write']>[0]): Record<string, string>[] {
  const text = writer.start() + writer.write(orders).text;
  const { rows, errors } = parseCsv(text);
  expect(errors).to.deep.equal([]);
  const [header, ...data] = rows;
  return data.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('CSV export columns', () => {
  it('writes one row per order with the chosen columns in registry order', () => {
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 30, seed: 4 });
    const writer = new OrderCsvWriter(['total', 'number', 'sku', 'currency'], 'order');
    // Line columns do not exist per order; the order of keys given does not matter.
    expect(writer.columns.map((c) => c.key)).to.deep.equal(['number', 'currency', 'total']);
    const { text, rows } = writer.write(orders);
    expect(rows).to.equal(30);
    expect(text.split('\r\n')).to.have.length(31);
    const parsed = roundTrip(writer, orders);
    expect(parsed.map((r) => r['Order number'])).to.deep.equal(orders.map((o) => o.number));
    // Exact money: the text parses back to the same minor units.
    parsed.forEach((r, i) => expect(parseMajor(r.Total!, r.Currency!)).to.deep.equal(orders[i]!.totals.total));
  });

  it('writes one row per line item, repeating the order columns', () => {
    const orders = generateOrders({ preset: 'marketplace', count: 20, seed: 9 });
    const writer = new OrderCsvWriter(['number', 'sku', 'quantity', 'unitPrice', 'lineTotal'], 'line');
    const lines = orders.flatMap((o) => o.lines.map((l) => ({ o, l })));
    expect(writer.write(orders).rows).to.equal(lines.length);
    const parsed = roundTrip(writer, orders);
    parsed.forEach((r, i) => {
      const { o, l } = lines[i]!;
      expect(r['Order number']).to.equal(o.number);
      expect(r.SKU).to.equal(l.sku);
      expect(r.Quantity).to.equal(String(l.quantity.ordered));
      expect(parseMajor(r['Unit price']!, o.currency)).to.deep.equal(l.unitPrice);
    });
  });

  it('writes money exactly in major units: IDR without decimals, MYR with two, KWD with three', () => {
    const idr = orderOf({ ...hostileDraft('A-1'), lines: [{ sku: 'X', name: 'x', unitPrice: money(1234567, 'IDR'), quantity: 3 }] });
    const myr = orderOf({
      number: 'B-1',
      channel: 'online',
      storeId: 'st_kul',
      customer: { name: 'Nur' },
      currency: 'MYR',
      lines: [{ sku: 'X', name: 'x', unitPrice: money(1999, 'MYR'), quantity: 3, discount: money(1, 'MYR') }],
      deliveryFee: money(5, 'MYR'),
    });
    const kwd = orderOf({
      number: 'C-1',
      channel: 'online',
      storeId: 'st_kwi',
      customer: { name: 'Fahad' },
      currency: 'KWD',
      lines: [{ sku: 'X', name: 'x', unitPrice: money(1005, 'KWD'), quantity: 1 }],
      tax: money(1, 'KWD'),
    });
    const writer = new OrderCsvWriter(['number', 'currency', 'subtotal', 'deliveryFee', 'tax', 'total', 'unitPrice', 'itemDiscount'], 'line');
    const [a, b, c] = roundTrip(writer, [idr, myr, kwd]);
    expect(a).to.include({ Currency: 'IDR', 'Unit price': '1234567', Subtotal: '3703701', 'Delivery fee': '18000' });
    expect(b).to.include({ Currency: 'MYR', 'Unit price': '19.99', 'Item discount': '0.01', Subtotal: '59.96', 'Delivery fee': '0.05', Total: '60.01' });
    expect(c).to.include({ Currency: 'KWD', 'Unit price': '1.005', Tax: '0.001', Total: '1.006' });
  });

  it('writes negative generated amounts as bare numbers', () => {
    const base = orderOf({ ...hostileDraft('N-1') });
    // Expenses above the total make the expected remittance negative.
    const order = {
      ...base,
      totals: { ...base.totals, expectedRemittance: money(-1250, 'IDR') },
    };
    const writer = new OrderCsvWriter(['number', 'expectedRemittance'], 'order');
    const text = writer.write([order]).text;
    expect(text).to.equal('N-1,-1250\r\n');
  });

  it('writes dates as ISO 8601 UTC with Z, status labels in the locale, store names', () => {
    const order = orderOf(hostileDraft('D-1'));
    const writer = new OrderCsvWriter(['createdAt', 'scheduledAt', 'status', 'storeId', 'storeName'], 'order', {
      workflow: labelWorkflow,
      stores,
      locale: 'id-ID',
    });
    const [row] = roundTrip(writer, [order]);
    expect(row).to.deep.equal({
      'Created at': '2026-11-20T01:02:03.004Z',
      'Scheduled at': '2026-12-01T03:00:00.000Z',
      Status: 'Baru',
      'Store ID': 'st_jkt',
      Store: 'Kopi Senja Jakarta',
    });
  });

  it('neutralises hostile order text, and the text comes back exactly', () => {
    const order = orderOf(hostileDraft('H-1'));
    const writer = new OrderCsvWriter(ALL, 'line', { stores }, true);
    const text = writer.start() + writer.write([order]).text;
    const { rows } = parseCsv(text);
    for (const cells of rows) {
      for (const cell of cells) expect(FORMULA_TRIGGERS.includes(cell[0] ?? ''), cell).to.equal(false);
    }
    const parsed = roundTrip(writer, [order]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unneutralise(v)])));
    expect(parsed[0]).to.include({
      'Customer name': HOSTILE.name,
      'Customer phone': HOSTILE.phone,
      'Customer email': HOSTILE.email,
      Note: HOSTILE.note,
      'Shipping address line 1': HOSTILE.line1,
      'Shipping city': HOSTILE.city,
      'Shipping region': HOSTILE.region,
      'Item name': HOSTILE.itemName,
      Variant: HOSTILE.variant,
      Tags: HOSTILE.tags.join(', '),
    });
    expect(parsed[1]).to.include({ SKU: 'KOP-CB-1L', Variant: '' });
  });

  it('every default column exists, and columnsFor drops unknown and line columns per order', () => {
    expect(DEFAULT_EXPORT_COLUMNS.every((k) => ALL.includes(k))).to.equal(true);
    expect(columnsFor(['sku', 'nope' as ExportColumnKey], 'order')).to.deep.equal([]);
    expect(new Set(EXPORT_COLUMNS.map((c) => c.header)).size).to.equal(EXPORT_COLUMNS.length);
  });

  it('money columns of generated orders of every preset parse back exactly (property)', () => {
    const presets = ['confirm-first', 'online-store', 'payment-fulfillment', 'marketplace', 'cod-delivery'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...presets), fc.integer({ min: 1, max: 1000 }), (preset, seed) => {
        void getPreset(preset);
        const orders = generateOrders({ preset, count: 5, seed });
        const writer = new OrderCsvWriter(['currency', 'subtotal', 'total', 'paid', 'refunded', 'outstanding', 'expectedRemittance'], 'order');
        roundTrip(writer, orders).forEach((r, i) => {
          const t = orders[i]!.totals;
          expect(parseMajor(r.Paid!, r.Currency!)).to.deep.equal(t.paid);
          expect(parseMajor(r.Refunded!, r.Currency!)).to.deep.equal(t.refunded);
          expect(parseMajor(r.Outstanding!, r.Currency!)).to.deep.equal(t.outstanding);
          expect(parseMajor(r['Expected remittance']!, r.Currency!)).to.deep.equal(t.expectedRemittance);
        });
      }),
      { numRuns: 20 },
    );
  });
});
