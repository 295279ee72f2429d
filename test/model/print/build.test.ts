/**
 * Printed documents against the orders they come from: every line, quantity and money figure, checked
 * by independent sums over the orders (not by the builders' own helpers), on seeded orders of every
 * preset and on random subsets of them (fast-check). Also: chunked building equals building at once.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { demoStores, generateOrders } from '../../../src/model/generate.js';
import { getPreset, PRESET_KEYS } from '../../../src/model/presets/index.js';
import { BUILDERS, buildDocument, type PrintContext } from '../../../src/model/print/index.js';
import { newOrder } from '../../../src/model/order.js';
import type { Order, PrintDocumentKind } from '../../../src/model/types.js';
import { PRINT_DOCUMENT_KINDS } from '../../../src/model/types.js';

const ctx: PrintContext = { stores: new Map(demoStores.map((s) => [s.id, s])), now: '2026-11-22T10:00:00.000Z' };
// Marketplace orders plus payment-fulfillment ones (the preset whose seed has cash-on-delivery orders still owing).
const all = [
  ...generateOrders({ preset: 'marketplace', count: 300, seed: 7 }),
  ...generateOrders({ preset: 'payment-fulfillment', count: 200, seed: 7 }).map((o) => ({ ...o, id: `pf_${o.id}` })),
];
const pickable = (o: Order): number => o.lines.reduce((n, l) => n + Math.max(0, l.quantity.ordered - l.quantity.rejected - l.quantity.shipped), 0);

const subset = fc.uniqueArray(fc.integer({ min: 0, max: all.length - 1 }), { minLength: 0, maxLength: 60 }).map((ix) => ix.map((i) => all[i] as Order));

describe('print documents: picking', () => {
  it('the seed has orders with something to pick, with nothing, with shipments and COD', () => {
    expect(all.filter((o) => pickable(o) > 0).length).to.be.greaterThan(20);
    expect(all.filter((o) => pickable(o) === 0).length).to.be.greaterThan(20);
    expect(all.filter((o) => o.shipments.length > 0).length).to.be.greaterThan(20);
    expect(all.filter((o) => o.paymentMethod === 'cod' && o.totals.outstanding.amount > 0).length).to.be.greaterThan(0);
  });

  it('summary: per SKU/variant the units to pick of every order, each order referenced with its units, sorted by SKU', () => {
    fc.assert(
      fc.property(subset, (orders) => {
        const doc = buildDocument('picking-summary', orders, ctx);
        // Independent expectation: walk every line of every order.
        const want = new Map<string, Map<string, number>>();
        for (const o of orders) {
          for (const l of o.lines) {
            const q = l.quantity.ordered - l.quantity.rejected - l.quantity.shipped;
            if (q <= 0) continue;
            const key = `${l.sku}|${l.variant ?? ''}`;
            const per = want.get(key) ?? new Map<string, number>();
            per.set(o.number, (per.get(o.number) ?? 0) + q);
            want.set(key, per);
          }
        }
        expect(doc.rows.length).to.equal(want.size);
        for (const row of doc.rows) {
          const per = want.get(`${row.sku}|${row.variant ?? ''}`);
          expect(per, row.key).to.exist;
          expect(Object.fromEntries(row.orders.map((r) => [r.number, r.quantity]))).to.deep.equal(Object.fromEntries(per as Map<string, number>));
          expect(row.quantity).to.equal([...(per as Map<string, number>).values()].reduce((a, b) => a + b, 0));
        }
        expect(doc.units).to.equal(orders.reduce((n, o) => n + pickable(o), 0));
        expect(doc.orderCount).to.equal(orders.filter((o) => pickable(o) > 0).length);
        expect(doc.skipped.map((s) => s.number)).to.deep.equal(orders.filter((o) => pickable(o) === 0).map((o) => o.number));
        const skus = doc.rows.map((r) => r.sku);
        const sorted = [...skus].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        expect(skus).to.deep.equal(sorted);
      }),
      { numRuns: 40 },
    );
  });

  it('per-order list: one page per order with units, its lines exactly, nothing invented', () => {
    fc.assert(
      fc.property(subset, (orders) => {
        const doc = buildDocument('picking-list', orders, ctx);
        const withUnits = orders.filter((o) => pickable(o) > 0);
        expect(doc.pages.map((p) => p.orderId)).to.deep.equal(withUnits.map((o) => o.id));
        for (const page of doc.pages) {
          const o = withUnits.find((x) => x.id === page.orderId) as Order;
          expect(page.number).to.equal(o.number);
          expect(page.storeName).to.equal(demoStores.find((s) => s.id === o.storeId)?.name);
          expect(page.customer.name).to.equal(o.customer.name);
          expect(page.channel).to.equal(o.channel);
          const want = o.lines
            .map((l) => ({ sku: l.sku, variant: l.variant, quantity: l.quantity.ordered - l.quantity.rejected - l.quantity.shipped }))
            .filter((l) => l.quantity > 0);
          expect(page.lines.map((l) => ({ sku: l.sku, variant: l.variant, quantity: l.quantity }))).to.deep.equal(want);
          expect(page.units).to.equal(pickable(o));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('print documents: shipping', () => {
  it('AWB: a label per live shipment (else per order with units left), COD = outstanding once per order', () => {
    fc.assert(
      fc.property(subset, (orders) => {
        const doc = buildDocument('awb', orders, ctx);
        const liveStatuses = new Set(['booked', 'searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery']);
        let expected = 0;
        for (const o of orders) {
          const labels = doc.labels.filter((l) => l.orderId === o.id);
          const live = o.shipments.filter((s) => liveStatuses.has(s.status));
          expected += labels.length;
          if (live.length > 0) {
            expect(labels.map((l) => l.shipmentId)).to.deep.equal(live.map((s) => s.id));
            expect(labels.map((l) => l.trackingNumber)).to.deep.equal(live.map((s) => s.trackingNumber));
            expect(labels.map((l) => l.courier?.name)).to.deep.equal(live.map((s) => (s.courier.code === 'auto' ? undefined : s.courier.name)));
            expect(labels.map((l) => l.pieces)).to.deep.equal(live.map((s) => s.lines.reduce((n, x) => n + x.quantity, 0)));
          } else if (pickable(o) > 0) {
            expect(labels.length).to.equal(1);
            expect(labels[0]?.courier).to.equal(undefined);
            expect(labels[0]?.pieces).to.equal(pickable(o));
          } else {
            expect(labels.length).to.equal(0);
            expect(doc.skipped.map((s) => s.orderId)).to.include(o.id);
          }
          const cod = labels.filter((l) => l.cod !== undefined);
          if (labels.length > 0 && o.paymentMethod === 'cod' && o.totals.outstanding.amount > 0) {
            expect(cod.length).to.equal(1);
            expect(cod[0]?.cod).to.deep.equal(o.totals.outstanding);
          } else {
            expect(cod.length).to.equal(0);
          }
          for (const l of labels) {
            expect(l.orderNumber).to.equal(o.number);
            expect(l.recipient.name).to.equal(o.shippingAddress?.name ?? o.customer.name);
            expect(l.sender.name).to.equal(demoStores.find((s) => s.id === o.storeId)?.name);
          }
        }
        expect(doc.labels.length).to.equal(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('manifest: the AWB parcels grouped per courier, pieces and COD totalled per currency', () => {
    fc.assert(
      fc.property(subset, (orders) => {
        const labels = buildDocument('awb', orders, ctx).labels;
        const doc = buildDocument('manifest', orders, ctx);
        expect(doc.date).to.equal(ctx.now);
        expect(doc.groups.reduce((n, g) => n + g.parcels, 0)).to.equal(labels.length);
        for (const g of doc.groups) {
          const mine = labels.filter((l) => (l.courier?.code ?? '') === (g.courier?.code ?? '') && (l.courier?.name ?? '') === (g.courier?.name ?? ''));
          expect(g.rows.map((r) => [r.orderNumber, r.trackingNumber, r.pieces, r.cod?.amount])).to.deep.equal(
            mine.map((l) => [l.orderNumber, l.trackingNumber, l.pieces, l.cod?.amount]),
          );
          expect(g.parcels).to.equal(mine.length);
          expect(g.pieces).to.equal(mine.reduce((n, l) => n + l.pieces, 0));
          const byCurrency: Record<string, number> = {};
          for (const l of mine) if (l.cod) byCurrency[l.cod.currency] = (byCurrency[l.cod.currency] ?? 0) + l.cod.amount;
          expect(Object.fromEntries(g.cod.map((m) => [m.currency, m.amount]))).to.deep.equal(byCurrency);
        }
        expect(new Set(doc.groups.map((g) => `${g.courier?.code}|${g.courier?.name}`)).size, 'one group per courier').to.equal(doc.groups.length);
      }),
      { numRuns: 40 },
    );
  });
});

describe('print documents: packing slip and invoice', () => {
  for (const preset of PRESET_KEYS) {
    it(`${preset}: every accepted line, quantity and money figure; Σ lines = subtotal, exact`, () => {
      const orders = generateOrders({ preset, count: 120, seed: 3 });
      for (const kind of ['invoice', 'packing-slip'] as const) {
        const doc = buildDocument(kind, orders, ctx);
        expect(doc.kind).to.equal(kind);
        expect(doc.pages.length).to.equal(orders.length);
        for (const [i, page] of doc.pages.entries()) {
          const o = orders[i] as Order;
          const accepted = o.lines.filter((l) => l.quantity.ordered - l.quantity.rejected > 0);
          expect(page.lines.map((l) => [l.sku, l.variant, l.quantity, l.unitPrice.amount])).to.deep.equal(
            accepted.map((l) => [l.sku, l.variant, l.quantity.ordered - l.quantity.rejected, l.unitPrice.amount]),
          );
          for (const l of page.lines) {
            expect(Number.isSafeInteger(l.total.amount) && Number.isSafeInteger(l.discount.amount)).to.equal(true);
            expect(l.total.amount).to.equal(l.unitPrice.amount * l.quantity - l.discount.amount);
            expect(l.discount.amount).to.be.at.least(0);
            expect(l.total.currency).to.equal(o.currency);
          }
          expect(page.lines.reduce((n, l) => n + l.total.amount, 0)).to.equal(o.totals.subtotal.amount);
          const t = page.totals;
          expect(t).to.deep.include({ subtotal: o.totals.subtotal, discount: o.totals.discount, deliveryFee: o.totals.deliveryFee, tax: o.totals.tax, total: o.totals.total, outstanding: o.totals.outstanding });
          expect(t.total.amount).to.equal(Math.max(0, t.subtotal.amount - t.discount.amount + t.deliveryFee.amount + t.tax.amount));
        }
      }
    });
  }

  it('a line discount is scaled to accepted units and never exceeds the line', () => {
    const order = newOrder(
      getPreset('marketplace'),
      {
        channel: 'online',
        storeId: 'st_jkt',
        customer: { name: '<img src=x onerror=alert(1)>' },
        currency: 'IDR',
        lines: [{ sku: 'A', name: 'A', unitPrice: { amount: 10_000, currency: 'IDR' }, discount: { amount: 1_000, currency: 'IDR' }, quantity: 3 }],
        deliveryFee: { amount: 9_000, currency: 'IDR' },
        tax: { amount: 1_100, currency: 'IDR' },
        discount: { amount: 500, currency: 'IDR' },
      },
      { id: 'ord_1', number: 'INV/1', now: ctx.now, actor: { id: 'u', name: 'U' }, newId: (p) => `${p}_1` },
    );
    const rejected: Order = { ...order, lines: order.lines.map((l) => ({ ...l, quantity: { ...l.quantity, rejected: 1 } })) };
    const [line] = buildDocument('invoice', [rejected], ctx).pages[0]?.lines ?? [];
    expect(line?.quantity).to.equal(2);
    expect(line?.discount.amount).to.equal(666);
    expect(line?.total.amount).to.equal(19_334);
  });
});

describe('print documents: chunked building', () => {
  it('parts built in any chunking and combined equal the document built at once', () => {
    fc.assert(
      fc.property(subset, fc.integer({ min: 1, max: 17 }), fc.constantFrom<PrintDocumentKind>(...PRINT_DOCUMENT_KINDS), (orders, size, kind) => {
        const builder = BUILDERS[kind];
        const parts: unknown[] = [];
        for (let i = 0; i < orders.length; i += size) parts.push(...orders.slice(i, i + size).map((o) => builder.part(o, ctx)));
        expect(builder.combine(parts, ctx)).to.deep.equal(buildDocument(kind, orders, ctx));
      }),
      { numRuns: 40 },
    );
  });
});
