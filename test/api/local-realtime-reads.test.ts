import { expect } from '@open-wc/testing';
import type { LocalOrderApi } from '../../src/api/local/index.js';
import type { ChangeEvent } from '../../src/api/types.js';
import { demoStores, generateOrders } from '../../src/model/generate.js';
import { money } from '../../src/model/money.js';
import type { Order } from '../../src/model/types.js';
import { cleanup, expectApiError, openApi, uniqueDbName } from './helpers.js';

function nextEvent(api: LocalOrderApi, accept: (e: ChangeEvent) => boolean = () => true, ms = 5000): Promise<ChangeEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('no change event arrived'));
    }, ms);
    const off = api.subscribe((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });
}

describe('local engine: realtime between tabs', () => {
  afterEach(cleanup);

  it('shows a change made in one instance to another instance on the same database', async () => {
    const dbName = uniqueDbName('tabs');
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 600, seed: 4 });
    const a = await openApi({ preset: 'payment-fulfillment', dbName });
    await a.seed({ orders });
    const b = await openApi({ preset: 'payment-fulfillment', dbName });
    const target = orders.find((o) => o.status === 'open' && !o.deletedAt) as Order;
    const own: ChangeEvent[] = [];
    a.subscribe((e) => own.push(e));
    const seen = nextEvent(b);
    const updated = await a.runAction(
      { orderId: target.id, action: 'add-note', input: { text: 'from tab A' }, expectedVersion: target.version },
      { idempotencyKey: 'ta' },
    );
    const event = await seen;
    expect(event).to.include({ type: 'order-updated', orderId: target.id, version: updated.version, origin: 'other-tab' });
    expect(event.type === 'order-updated' && event.order).to.deep.equal(updated);
    expect(own.map((e) => e.origin)).to.deep.equal(['self']);
    expect(await b.getOrder(target.id)).to.deep.equal(updated);
    const page = await b.listOrders({ tab: 'open', sort: { field: 'updatedAt', direction: 'desc' } }, { offset: 0, limit: 1 });
    expect(page.items[0]?.id).to.equal(target.id);

    // B writes from a stale mirror? No: it sees A's version and conflicts on the old one.
    await expectApiError(
      b.runAction({ orderId: target.id, action: 'add-note', input: { text: 'stale' }, expectedVersion: target.version }, { idempotencyKey: 'tb' }),
      'conflict',
    );

    const created = nextEvent(b, (e) => e.type === 'order-created');
    const order = await a.createOrder(
      {
        channel: 'manual',
        storeId: demoStores[0]?.id as string,
        customer: { name: 'New Tab Customer' },
        currency: 'IDR',
        lines: [{ sku: 'S', name: 'Sambal', unitPrice: money(12000, 'IDR'), quantity: 1 }],
      },
      { idempotencyKey: 'tc' },
    );
    const createdEvent = await created;
    expect(createdEvent).to.include({ type: 'order-created', orderId: order.id, origin: 'other-tab' });
    expect((await b.getOrder(order.id)).number).to.equal(order.number);
    expect(await b.size()).to.equal(601);
  });

  it('lets one instance act on an order another instance created before its message arrived', async () => {
    const dbName = uniqueDbName('race');
    const a = await openApi({ preset: 'payment-fulfillment', dbName });
    await a.seed({ preset: 'payment-fulfillment', count: 100, seed: 2 });
    const b = await openApi({ preset: 'payment-fulfillment', dbName });
    const order = await a.createOrder(
      {
        channel: 'manual',
        storeId: demoStores[0]?.id as string,
        customer: { name: 'Racer' },
        currency: 'IDR',
        lines: [{ sku: 'S', name: 'Sambal', unitPrice: money(12000, 'IDR'), quantity: 1 }],
      },
      { idempotencyKey: 'r1' },
    );
    // Synchronously after the write, before B handled the broadcast: B reads the chunk from IndexedDB.
    const noted = await b.runAction(
      { orderId: order.id, action: 'add-note', input: { text: 'seen' }, expectedVersion: 1 },
      { idempotencyKey: 'r2' },
    );
    expect(noted.version).to.equal(2);
  });

  it('resets other instances when one reseeds, and close() leaves no listener behind', async () => {
    const dbName = uniqueDbName('reset');
    const a = await openApi({ preset: 'marketplace', dbName });
    await a.seed({ preset: 'marketplace', count: 200, seed: 1 });
    const b = await openApi({ preset: 'marketplace', dbName });
    const reset = nextEvent(b, (e) => e.type === 'reset');
    const own = nextEvent(a, (e) => e.type === 'reset');
    await a.seed({ preset: 'marketplace', count: 350, seed: 2 });
    expect(await own).to.deep.equal({ type: 'reset', origin: 'self' });
    expect(await reset).to.deep.equal({ type: 'reset', origin: 'other-tab' });
    expect(await b.size()).to.equal(350);
    const events: ChangeEvent[] = [];
    b.subscribe((e) => events.push(e));
    b.close();
    const page = await a.listOrders({}, { offset: 0, limit: 1 });
    const first = page.items[0] as Order;
    await a.runAction({ orderId: first.id, action: 'add-note', input: { text: 'x' }, expectedVersion: first.version }, { idempotencyKey: 'c' });
    await new Promise((r) => setTimeout(r, 100));
    expect(events).to.deep.equal([]);
  });
});

describe('local engine: shipments, payments, calendar', () => {
  afterEach(cleanup);

  it('lists shipments and payments with exact per-method totals', async () => {
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 500, seed: 8 });
    const api = await openApi({ preset: 'payment-fulfillment' });
    await api.seed({ orders });
    const live = orders.filter((o) => !o.deletedAt);
    const shipments = await api.listShipments({}, { offset: 0, limit: 20 });
    expect(shipments.total).to.equal(live.reduce((n, o) => n + o.shipments.length, 0));
    expect(shipments.total).to.be.greaterThan(0);
    const times = shipments.items.map((r) => Date.parse(r.shipment.createdAt));
    expect([...times].sort((x, y) => y - x)).to.deep.equal(times);
    const courier = shipments.items[0]?.shipment.courier.code as string;
    const byCourier = await api.listShipments({ courier }, { offset: 0, limit: 10000 });
    expect(byCourier.items.every((r) => r.shipment.courier.code === courier)).to.equal(true);

    const payments = await api.listPayments({}, { offset: 0, limit: 10 });
    const all = live.flatMap((o) => o.payments);
    expect(payments.total).to.equal(all.length);
    const currencies = new Set(all.filter((p) => p.status === 'succeeded').map((p) => p.amount.currency));
    const expected: Record<string, { amount: number; currency: string }> = {};
    for (const p of all) {
      if (p.status !== 'succeeded') continue;
      const key = currencies.size > 1 ? `${p.method}:${p.amount.currency}` : p.method;
      const sum = expected[key] ?? { amount: 0, currency: p.amount.currency };
      sum.amount += p.amount.amount;
      expected[key] = sum;
    }
    expect(payments.totals.byMethod).to.deep.equal(expected);
    const cod = await api.listPayments({ method: ['cod'] }, { offset: 0, limit: 10000 });
    expect(cod.items.every((r) => r.payment.method === 'cod')).to.equal(true);
  });

  it('buckets the calendar per day in the requested time zone', async () => {
    const api = await openApi({ preset: 'payment-fulfillment' });
    await api.seed({ preset: 'payment-fulfillment', count: 10 });
    // A known order: created late on 1 Dec UTC, which is already 2 Dec in Jakarta.
    const made = await openApi({ preset: 'payment-fulfillment', now: () => new Date('2026-12-01T20:00:00.000Z') });
    await made.seed({ orders: [] });
    const order = await made.createOrder(
      {
        channel: 'manual',
        storeId: demoStores[0]?.id as string,
        customer: { name: 'Calendar' },
        currency: 'IDR',
        lines: [{ sku: 'S', name: 'S', unitPrice: money(1000, 'IDR'), quantity: 1 }],
        scheduledAt: '2026-12-05T03:00:00.000Z',
      },
      { idempotencyKey: 'cal' },
    );
    const range = { from: '2026-11-30T00:00:00.000Z', to: '2026-12-10T00:00:00.000Z' };
    const jakarta = await made.calendar({ ...range, timeZone: 'Asia/Jakarta' });
    expect(jakarta).to.deep.equal([
      { day: '2026-12-02', kind: 'created', count: 1, byStatus: { [order.status]: 1 } },
      { day: '2026-12-05', kind: 'scheduled', count: 1, byStatus: { [order.status]: 1 } },
    ]);
    const utc = await made.calendar({ ...range, timeZone: 'UTC' });
    expect(utc.map((b) => b.day)).to.deep.equal(['2026-12-01', '2026-12-05']);
    const bad = await expectApiError(made.calendar({ ...range, timeZone: 'Mars/Olympus' }), 'invalid-input');
    expect(bad.fields?.[0]?.field).to.equal('timeZone');
    const buckets = await api.calendar({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', timeZone: 'UTC' });
    expect(buckets.filter((b) => b.kind === 'created').reduce((n, b) => n + b.count, 0)).to.equal(
      (await api.listOrders({ archived: 'any' }, { offset: 0, limit: 0 })).total,
    );
  });
});
