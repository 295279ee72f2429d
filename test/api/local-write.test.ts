import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { ChangeEvent } from '../../src/api/types.js';
import { demoStores, generateOrders } from '../../src/model/generate.js';
import { money } from '../../src/model/money.js';
import type { Order, OrderDraft } from '../../src/model/types.js';
import { admin, cleanup, expectApiError, openApi, staff, uniqueDbName } from './helpers.js';

const STORE = demoStores[0]?.id as string;
const FOREIGN = demoStores.find((s) => !staff.storeIds.includes(s.id))?.id as string;

const draft = (over: Partial<OrderDraft> = {}): OrderDraft => ({
  channel: 'phone',
  storeId: STORE,
  customer: { name: 'Siti Rahma', phone: '+6281234567890' },
  currency: 'IDR',
  lines: [
    { sku: 'TEA-1', name: 'Teh Melati', unitPrice: money(25000, 'IDR'), quantity: 2 },
    { sku: 'CUP-2', name: 'Cangkir', unitPrice: money(40000, 'IDR'), quantity: 1 },
  ],
  deliveryFee: money(10000, 'IDR'),
  ...over,
});

async function seeded(count = 400, options: Parameters<typeof openApi>[0] = {}) {
  const orders = generateOrders({ preset: 'payment-fulfillment', count, seed: 42 });
  const api = await openApi({ preset: 'payment-fulfillment', ...options });
  await api.seed({ orders });
  return { api, orders };
}

const openOrder = (orders: readonly Order[], storeId?: string): Order =>
  orders.find((o) => o.status === 'open' && !o.archived && !o.deletedAt && (!storeId || o.storeId === storeId)) as Order;

describe('local engine: writes', () => {
  afterEach(cleanup);

  it('runs an action: version + 1 once, one timeline event, an order-updated event from self', async () => {
    const { api, orders } = await seeded();
    const target = openOrder(orders);
    const events: ChangeEvent[] = [];
    api.subscribe((e) => events.push(e));
    const updated = await api.runAction(
      { orderId: target.id, action: 'add-note', input: { text: 'Call before delivery' }, expectedVersion: target.version },
      { idempotencyKey: 'note-1' },
    );
    expect(updated.version).to.equal(target.version + 1);
    expect(updated.timeline.length).to.equal(target.timeline.length + 1);
    expect(updated.timeline.at(-1)?.message).to.equal('Call before delivery');
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ type: 'order-updated', orderId: target.id, version: target.version + 1, origin: 'self', cause: 'add-note' });
    expect((await api.getOrder(target.id)).version).to.equal(target.version + 1);
  });

  it('replays a repeated idempotency key: same result, applied once', async () => {
    const { api, orders } = await seeded();
    const target = openOrder(orders);
    const request = { orderId: target.id, action: 'add-note', input: { text: 'once' }, expectedVersion: target.version };
    const events: ChangeEvent[] = [];
    api.subscribe((e) => events.push(e));
    const first = await api.runAction(request, { idempotencyKey: 'same-key' });
    const second = await api.runAction(request, { idempotencyKey: 'same-key' });
    expect(second).to.deep.equal(first);
    const stored = await api.getOrder(target.id);
    expect(stored.version).to.equal(target.version + 1);
    expect(stored.timeline.filter((e) => e.message === 'once')).to.have.length(1);
    expect(events).to.have.length(1);
    // A refusal is remembered too: the replay returns the same error and applies nothing.
    const bad = { orderId: target.id, action: 'complete', expectedVersion: stored.version };
    const e1 = await expectApiError(api.runAction(bad, { idempotencyKey: 'refused-key' }), 'refused');
    const e2 = await expectApiError(api.runAction(bad, { idempotencyKey: 'refused-key' }), 'refused');
    expect(e2.toJSON()).to.deep.equal(e1.toJSON());
    // The same key for another request is an error, not a silent replay.
    const other = await expectApiError(
      api.runAction({ ...request, action: 'archive', expectedVersion: stored.version }, { idempotencyKey: 'same-key' }),
      'invalid-input',
    );
    expect(other.fields?.[0]?.field).to.equal('idempotencyKey');
    expect((await api.getOrder(target.id)).version).to.equal(stored.version);
  });

  it('refuses a stale expected version with a conflict carrying the current order', async () => {
    const { api, orders } = await seeded();
    const target = openOrder(orders);
    await api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'a' }, expectedVersion: target.version }, { idempotencyKey: 'a' });
    const err = await expectApiError(
      api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'b' }, expectedVersion: target.version }, { idempotencyKey: 'b' }),
      'conflict',
    );
    expect(err.current?.id).to.equal(target.id);
    expect(err.current?.version).to.equal(target.version + 1);
    expect((await api.getOrder(target.id)).timeline.some((e) => e.message === 'b')).to.equal(false);
  });

  it('maps refusals: missing input field → invalid-input naming it, wrong status → refused, permission → forbidden', async () => {
    const { api, orders } = await seeded();
    const target = openOrder(orders);
    const missing = await expectApiError(
      api.runAction({ orderId: target.id, action: 'add-note', input: {}, expectedVersion: target.version }, { idempotencyKey: 'm' }),
      'invalid-input',
    );
    expect(missing.fields).to.deep.equal([{ field: 'text', message: missing.refusal?.message }]);
    const closed = orders.find((o) => o.status === 'closed' && !o.deletedAt) as Order;
    const refused = await expectApiError(
      api.runAction({ orderId: closed.id, action: 'cancel', input: { reason: 'x' }, expectedVersion: closed.version }, { idempotencyKey: 'r' }),
      'refused',
    );
    expect(refused.refusal?.code).to.equal('wrong-status');
    const staffApi = await openApi({ preset: 'payment-fulfillment', viewer: staff });
    await staffApi.seed({ orders });
    const mine = openOrder(orders, STORE);
    const denied = await expectApiError(
      staffApi.runAction({ orderId: mine.id, action: 'archive', expectedVersion: mine.version }, { idempotencyKey: 'p' }),
      'forbidden',
    );
    expect(denied.refusal?.code).to.equal('not-permitted');
    expect((await api.getOrder(target.id)).version).to.equal(target.version);
  });

  it('validates requests at the boundary, naming the field', async () => {
    const { api, orders } = await seeded(50);
    const target = orders[0] as Order;
    const err = await expectApiError(
      api.runAction({ orderId: target.id, action: 'add-note', expectedVersion: '1' as unknown as number }, { idempotencyKey: 'v' }),
      'invalid-input',
    );
    expect(err.fields?.map((f) => f.field)).to.deep.equal(['expectedVersion']);
    const noKey = await expectApiError(
      api.runAction({ orderId: target.id, action: 'add-note', expectedVersion: 1 }, { idempotencyKey: '' }),
      'invalid-input',
    );
    expect(noKey.fields?.[0]?.field).to.equal('idempotencyKey');
    const bad = draft({
      lines: [
        { sku: 'A', name: 'A', unitPrice: money(100, 'IDR'), quantity: 1 },
        { sku: 'B', name: 'B', unitPrice: { amount: 1.5, currency: 'IDR' }, quantity: 1 },
        { sku: 'C', name: 'C', unitPrice: money(100, 'MYR'), quantity: 0 },
      ],
    });
    const invalid = await expectApiError(api.createOrder(bad, { idempotencyKey: 'c' }), 'invalid-input');
    expect(invalid.fields).to.deep.equal([
      { field: 'lines[1].unitPrice.amount', message: 'must be an integer' },
      { field: 'lines[2].unitPrice.currency', message: "must be IDR, the order's currency" },
      { field: 'lines[2].quantity', message: 'must be at least 1' },
    ]);
  });

  it('enforces store scope for staff on reads and writes, even by id', async () => {
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 400, seed: 42 });
    const api = await openApi({ preset: 'payment-fulfillment', viewer: staff });
    await api.seed({ orders });
    const foreign = openOrder(orders, FOREIGN);
    const mine = openOrder(orders, STORE);
    await expectApiError(api.getOrder(foreign.id), 'forbidden');
    expect((await api.getOrder(mine.id)).id).to.equal(mine.id);
    await expectApiError(
      api.runAction({ orderId: foreign.id, action: 'add-note', input: { text: 'x' }, expectedVersion: foreign.version }, { idempotencyKey: 's1' }),
      'forbidden',
    );
    await expectApiError(
      api.updateOrder({ orderId: foreign.id, patch: { note: 'x' }, expectedVersion: foreign.version }, { idempotencyKey: 's2' }),
      'forbidden',
    );
    const results = await api.runBulkAction(
      { orderIds: [mine.id, foreign.id], action: 'cancel', input: { reason: 'stock' } },
      { idempotencyKey: 's3' },
    );
    expect(results.map((r) => [r.orderId, r.ok])).to.deep.equal([[mine.id, true], [foreign.id, false]]);
    const failed = results[1];
    expect(failed && !failed.ok && failed.error.code).to.equal('forbidden');
    await expectApiError(api.createOrder(draft({ storeId: FOREIGN, currency: 'IDR' }), { idempotencyKey: 's4' }), 'forbidden');
    await expectApiError(api.getOrder('no-such-order'), 'not-found');
  });

  it('runs a bulk action with partial success, one result per order, idempotent as a whole', async () => {
    const { api, orders } = await seeded(600);
    const open = orders.filter((o) => o.status === 'open' && o.fulfillmentStatus === 'unfulfilled' && !o.deletedAt).slice(0, 5);
    const closed = orders.filter((o) => o.status !== 'open' && !o.deletedAt).slice(0, 3);
    const ids = [open[0], closed[0], open[1], 'missing-id', closed[1], ...open.slice(2), closed[2]].map((o) =>
      typeof o === 'string' ? o : (o as Order).id,
    );
    const events: ChangeEvent[] = [];
    api.subscribe((e) => events.push(e));
    const request = { orderIds: ids, action: 'cancel', input: { reason: 'Out of stock' } };
    const results = await api.runBulkAction(request, { idempotencyKey: 'bulk-1' });
    expect(results.map((r) => r.orderId)).to.deep.equal(ids);
    const okIds = results.filter((r) => r.ok).map((r) => r.orderId);
    expect(okIds).to.deep.equal(open.map((o) => o.id));
    for (const r of results) {
      if (r.ok) {
        expect(r.order.status).to.equal('cancelled');
        expect(r.order.version).to.equal((orders.find((o) => o.id === r.orderId) as Order).version + 1);
      } else {
        expect(r.error.code).to.equal(r.orderId === 'missing-id' ? 'not-found' : 'refused');
      }
    }
    expect(events.filter((e) => e.type === 'order-updated')).to.have.length(open.length);
    const again = await api.runBulkAction(request, { idempotencyKey: 'bulk-1' });
    expect(again).to.deep.equal(results);
    expect((await api.getOrder(open[0]?.id as string)).version).to.equal((open[0] as Order).version + 1);
    await expectApiError(api.runBulkAction({ orderIds: ids, action: 'add-note', input: { text: 'x' } }, { idempotencyKey: 'b2' }), 'refused');
  });

  it('runs a bulk action over every order matching a query', async () => {
    const { api } = await seeded(500);
    const before = await api.countTabs({});
    const results = await api.runBulkAction({ query: { tab: 'unpaid' }, action: 'archive' }, { idempotencyKey: 'bq' });
    expect(results.length).to.equal(before.unpaid);
    expect(results.every((r) => r.ok)).to.equal(true);
    const after = await api.countTabs({});
    expect(after.unpaid).to.equal(0);
    expect(after.archived).to.equal((before.archived ?? 0) + (before.unpaid ?? 0));
  });

  it('creates orders with generated ids and numbers; a duplicate number in any store is invalid', async () => {
    const { api } = await seeded(100);
    const events: ChangeEvent[] = [];
    api.subscribe((e) => events.push(e));
    const a = await api.createOrder(draft(), { idempotencyKey: 'c1' });
    const b = await api.createOrder(draft(), { idempotencyKey: 'c2' });
    const replay = await api.createOrder(draft(), { idempotencyKey: 'c1' });
    expect(replay).to.deep.equal(a);
    expect(a.id).not.to.equal(b.id);
    expect(a.number).to.match(/^#\d+$/);
    expect(a.number).not.to.equal(b.number);
    expect(a.version).to.equal(1);
    expect(a.totals.total).to.deep.equal(money(100000, 'IDR'));
    expect(events.map((e) => e.type)).to.deep.equal(['order-created', 'order-created']);
    expect(await api.size()).to.equal(102);
    const dup = await expectApiError(api.createOrder(draft({ number: a.number }), { idempotencyKey: 'c3' }), 'invalid-input');
    expect(dup.fields?.[0]?.field).to.equal('number');
    // Numbers are unique per merchant: another store may not reuse it either.
    const other = await expectApiError(api.createOrder(draft({ number: a.number, storeId: demoStores[1]?.id as string }), { idempotencyKey: 'c4' }), 'invalid-input');
    expect(other.fields?.[0]?.field).to.equal('number');
    const page = await api.listOrders({ search: a.number }, { offset: 0, limit: 10 });
    expect(page.items.map((o) => o.id)).to.include(a.id);
  });

  it('updates editable fields with a version check and an edit event; fulfilled lines stay', async () => {
    const { api, orders } = await seeded(300);
    const created = await api.createOrder(draft(), { idempotencyKey: 'u0' });
    const updated = await api.updateOrder(
      {
        orderId: created.id,
        patch: { deliveryFee: money(15000, 'IDR'), lines: [{ sku: 'TEA-1', name: 'Teh Melati', unitPrice: money(25000, 'IDR'), quantity: 4 }] },
        expectedVersion: 1,
      },
      { idempotencyKey: 'u1' },
    );
    expect(updated.version).to.equal(2);
    expect(updated.totals.total).to.deep.equal(money(115000, 'IDR'));
    expect(updated.lines[0]?.id).to.equal(created.lines[0]?.id);
    expect(updated.timeline.at(-1)).to.include({ kind: 'edit' });
    await expectApiError(api.updateOrder({ orderId: created.id, patch: { note: 'x' }, expectedVersion: 1 }, { idempotencyKey: 'u2' }), 'conflict');
    const wrongCurrency = await expectApiError(
      api.updateOrder({ orderId: created.id, patch: { tax: money(5, 'MYR') }, expectedVersion: 2 }, { idempotencyKey: 'u3' }),
      'invalid-input',
    );
    expect(wrongCurrency.fields?.[0]?.field).to.equal('patch.tax.currency');
    const open = new Set(api.workflow.statuses.filter((st) => st.category === 'open').map((st) => st.key));
    const shipped = orders.find((o) => !o.deletedAt && open.has(o.status) && o.lines.some((l) => l.quantity.shipped > 0)) as Order;
    const refused = await expectApiError(
      api.updateOrder(
        { orderId: shipped.id, patch: { lines: [{ sku: 'X', name: 'X', unitPrice: money(1, shipped.currency), quantity: 1 }] }, expectedVersion: shipped.version },
        { idempotencyKey: 'u4' },
      ),
      'invalid-input',
    );
    expect(refused.fields?.[0]?.field).to.equal('patch.lines');
    const noted = await api.updateOrder({ orderId: shipped.id, patch: { note: 'Leave at door' }, expectedVersion: shipped.version }, { idempotencyKey: 'u5' });
    expect(noted.note).to.equal('Leave at door');
    expect(noted.version).to.equal(shipped.version + 1);
  });

  it('imports all or nothing, and a re-import creates nothing', async () => {
    const { api } = await seeded(100);
    const rows = [draft({ number: 'IMP-1' }), draft({ number: 'IMP-2' }), draft({ number: 'IMP-3', storeId: demoStores[1]?.id as string })];
    const first = await api.importOrders(rows, { idempotencyKey: 'i1' });
    expect(first.created.map((o) => o.number)).to.deep.equal(['IMP-1', 'IMP-2', 'IMP-3']);
    expect(first.skipped).to.deep.equal([]);
    expect(await api.size()).to.equal(103);
    const again = await api.importOrders([...rows, draft({ number: 'IMP-1' })], { idempotencyKey: 'i2' });
    expect(again.created).to.deep.equal([]);
    expect(again.skipped.map((s) => s.orderId)).to.deep.equal([...first.created.map((o) => o.id), first.created[0]?.id]);
    expect(await api.size()).to.equal(103);
    const broken = [draft({ number: 'IMP-4' }), draft({ number: 'IMP-5', customer: { name: '' } })];
    const err = await expectApiError(api.importOrders(broken, { idempotencyKey: 'i3' }), 'invalid-input');
    expect(err.fields?.[0]?.field).to.equal('[1].customer.name');
    expect(await api.size()).to.equal(103);
    expect((await api.listOrders({ search: 'IMP-4' }, { offset: 0, limit: 5 })).total).to.equal(0);
    // A storage failure on the last row (a value IndexedDB cannot store) rolls back the rows before it.
    const poisoned = [draft({ number: 'IMP-6' }), draft({ number: 'IMP-7', customer: { name: 'X', hook: () => 1 } as unknown as OrderDraft['customer'] })];
    await expectApiError(api.importOrders(poisoned, { idempotencyKey: 'i5' }), 'unavailable');
    expect(await api.size()).to.equal(103);
    expect((await api.listOrders({ search: 'IMP-6' }, { offset: 0, limit: 5 })).total).to.equal(0);
    // So does an abort while the transaction runs.
    const controller = new AbortController();
    const aborted = api.importOrders([draft({ number: 'IMP-8' })], { idempotencyKey: 'i6', signal: controller.signal });
    controller.abort();
    await expectApiError(aborted, 'aborted');
    expect(await api.size()).to.equal(103);
    const staffApi = await openApi({ preset: 'payment-fulfillment', viewer: staff });
    await expectApiError(staffApi.importOrders(rows, { idempotencyKey: 'i4' }), 'forbidden');
  });

  it('respects an AbortSignal: before the call, and while the transaction runs', async () => {
    const { api, orders } = await seeded(200);
    const target = openOrder(orders);
    const aborted = AbortSignal.abort();
    await expectApiError(api.listOrders({}, { offset: 0, limit: 5 }, { signal: aborted }), 'aborted');
    const request = { orderId: target.id, action: 'add-note', input: { text: 'late' }, expectedVersion: target.version };
    await expectApiError(api.runAction(request, { idempotencyKey: 'x1', signal: aborted }), 'aborted');
    const controller = new AbortController();
    const running = api.runAction(request, { idempotencyKey: 'x2', signal: controller.signal });
    controller.abort();
    await expectApiError(running, 'aborted');
    expect((await api.getOrder(target.id)).version).to.equal(target.version);
    // Nothing was remembered under the key either: the same key now applies.
    const done = await api.runAction(request, { idempotencyKey: 'x2' });
    expect(done.version).to.equal(target.version + 1);
  });

  it('skips and reports malformed stored orders and summaries; the list still works', async () => {
    const dbName = uniqueDbName('corrupt');
    const { api, orders } = await seeded(300, { dbName });
    const listed = await api.listOrders({ archived: 'any' }, { offset: 0, limit: 1000 });
    const [victim, other] = listed.items as Order[];
    api.close();
    // Tamper with storage the way a bug or another program could: a float amount in a full order, a
    // string total in a summary row.
    const db = await openDB(dbName);
    const tx = db.transaction(['orders', 'summaries'], 'readwrite');
    const stored = (await tx.objectStore('orders').get(victim?.id as string)) as Order;
    const lines = stored.lines.map((l, i) => (i === 0 ? { ...l, unitPrice: { amount: 12.5, currency: stored.currency } } : l));
    await tx.objectStore('orders').put({ ...stored, lines });
    let tampered = false;
    for (const chunk of (await tx.objectStore('summaries').getAll()) as { id: number; rows: string }[]) {
      const rows = JSON.parse(chunk.rows) as unknown[][];
      const row = rows.find((r) => r[0] === other?.id);
      if (!row) continue;
      row[19] = 'lots';
      await tx.objectStore('summaries').put({ ...chunk, rows: JSON.stringify(rows) });
      tampered = true;
    }
    await tx.done;
    db.close();
    expect(tampered).to.equal(true);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const reopened = await openApi({ preset: 'payment-fulfillment', dbName });
      // The summary is checked on open; the full order when it is first read.
      expect(reopened.problems).to.deep.equal([{ orderId: other?.id, fields: [{ field: 'summary.total', message: 'must be an integer' }] }]);
      const page = await reopened.listOrders({ archived: 'any' }, { offset: 0, limit: 1000 });
      expect(page.total).to.equal(listed.total - 2);
      expect(page.items.length).to.equal(listed.total - 2);
      expect(page.items.map((o) => o.id)).not.to.include.members([victim?.id, other?.id]);
      expect(reopened.problems[1]).to.deep.equal({
        orderId: victim?.id,
        fields: [{ field: 'lines[0].unitPrice.amount', message: 'must be an integer' }],
      });
      expect(warnings.some((w) => w.includes(victim?.id as string) && w.includes('lines[0].unitPrice.amount'))).to.equal(true);
      await expectApiError(reopened.getOrder(victim?.id as string), 'not-found');
      const write = await expectApiError(
        reopened.runAction({ orderId: victim?.id as string, action: 'add-note', input: { text: 'x' }, expectedVersion: victim?.version as number }, { idempotencyKey: 'w' }),
        'unavailable',
      );
      expect(write.fields?.[0]?.field).to.equal('lines[0].unitPrice.amount');
      expect(await reopened.size()).to.equal(orders.length);
      // The payment-fulfillment “all” tab shows archived orders too: the same set as the list above.
      expect((await reopened.countTabs({})).all).to.equal(listed.total - 2);
    } finally {
      console.warn = warn;
    }
  });

  it('sees the same data after closing and reopening the database', async () => {
    const dbName = uniqueDbName('reopen');
    const { api, orders } = await seeded(700, { dbName });
    const target = openOrder(orders);
    const changed = await api.runAction(
      { orderId: target.id, action: 'add-note', input: { text: 'persisted' }, expectedVersion: target.version },
      { idempotencyKey: 'p1' },
    );
    const created = await api.createOrder(draft(), { idempotencyKey: 'p2' });
    const before = await api.listOrders({ tab: 'all', sort: { field: 'total', direction: 'desc' } }, { offset: 0, limit: 800 });
    api.close();
    await expectApiError(api.listOrders({}, { offset: 0, limit: 1 }), 'unavailable');
    const again = await openApi({ preset: 'payment-fulfillment', dbName });
    expect(await again.size()).to.equal(701);
    expect(await again.getOrder(target.id)).to.deep.equal(changed);
    expect(await again.getOrder(created.id)).to.deep.equal(created);
    const after = await again.listOrders({ tab: 'all', sort: { field: 'total', direction: 'desc' } }, { offset: 0, limit: 800 });
    expect(after).to.deep.equal(before);
    // The idempotency log survives too.
    const replay = await again.runAction(
      { orderId: target.id, action: 'add-note', input: { text: 'persisted' }, expectedVersion: target.version },
      { idempotencyKey: 'p1' },
    );
    expect(replay).to.deep.equal(changed);
    const next = await again.createOrder(draft(), { idempotencyKey: 'p3' });
    expect(next.id).not.to.equal(created.id);
    expect(next.number).not.to.equal(created.number);
  });

  it('seeds deterministically: same preset and seed, same ids', async () => {
    const a = await openApi({ preset: 'marketplace' });
    const b = await openApi({ preset: 'marketplace' });
    await a.seed({ preset: 'marketplace', count: 300, seed: 99 });
    await b.seed({ preset: 'marketplace', count: 300, seed: 99 });
    const pa = await a.listOrders({ archived: 'any' }, { offset: 0, limit: 300 });
    const pb = await b.listOrders({ archived: 'any' }, { offset: 0, limit: 300 });
    expect(pa.items.map((o) => o.id)).to.deep.equal(pb.items.map((o) => o.id));
    expect(new Set(pa.items.map((o) => o.id)).size).to.equal(pa.items.length);
    expect(await a.size()).to.equal(300);
  });

  it('reports a database it cannot use as unavailable, with a clear message', async () => {
    const dbName = uniqueDbName('foreign');
    const foreign = await openDB(dbName, 1, { upgrade: (db) => void db.createObjectStore('something-else') });
    foreign.close();
    const err = await expectApiError(openApi({ dbName }), 'unavailable');
    expect(err.message).to.match(/order database failed/);
  });

  it('declares every capability', async () => {
    const api = await openApi();
    expect(api.capabilities).to.deep.equal({ concurrency: true, idempotency: true, realtime: true, bulk: true, import: true, calendar: true, orderEntry: true, workflows: true });
  });

  it('gives admins every store', async () => {
    const { api, orders } = await seeded(200, { viewer: admin });
    const page = await api.listOrders({ archived: 'any' }, { offset: 0, limit: 1000 });
    expect(new Set(page.items.map((o) => o.storeId)).size).to.equal(new Set(orders.filter((o) => !o.deletedAt).map((o) => o.storeId)).size);
  });
});
