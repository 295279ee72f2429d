import { expect } from '@open-wc/testing';
import { OrderApiError, type ImportResult, type OrderApi, type OrderQuery, type RequestOptions } from '../../src/api/types.js';
import { money } from '../../src/model/money.js';
import type { Order, OrderDraft } from '../../src/model/types.js';
import { withoutTab } from '../../src/state/query.js';
import { createOrderStore } from '../../src/state/store.js';
import type { ActionCompletion, OrderStore, StoreState } from '../../src/state/types.js';
import { eventually, openBackend, settledList, until, type Backend } from './backend.js';

const PAGE = 10;

describe('order store', () => {
  let backend: Backend;
  let store: OrderStore;
  const stores: OrderStore[] = [];

  function makeStore(query: OrderQuery = { tab: 'all' }): OrderStore {
    const made = createOrderStore({
      api: backend.spy,
      workflow: backend.workflow,
      viewer: backend.viewer,
      pageSize: PAGE,
      query,
      refreshDelayMs: 20,
    });
    stores.push(made);
    return made;
  }

  /** Rows 0..n-1 of the window, in order. */
  function rows(state: StoreState): (string | undefined)[] {
    return Array.from({ length: state.list.total ?? 0 }, (_, i) => state.list.rows.get(i));
  }

  /** The part of the state an action must restore exactly on failure. */
  function observed(s: StoreState, id: string): unknown {
    return { order: s.orders.get(id), rows: new Map(s.list.rows), total: s.list.total, counts: s.counts.values };
  }

  async function firstNewOrder(target: OrderStore): Promise<Order> {
    target.requestRange(0, PAGE);
    const state = await settledList(target);
    const id = state.list.rows.get(0);
    expect(id, 'a "new" order to act on').to.be.a('string');
    return state.orders.get(id as string) as Order;
  }

  beforeEach(async () => {
    backend = await openBackend(80);
  });

  afterEach(async () => {
    for (const s of stores.splice(0)) s.dispose();
    await backend?.close();
  });

  describe('windowed list', () => {
    it('fetches only the pages covering the requested range, once each', async () => {
      store = makeStore();
      store.requestRange(0, 5);
      store.requestRange(2, 8); // same page, already loading: nothing more
      let state = await settledList(store);
      expect(backend.spy.count('listOrders')).to.equal(1);
      const { total } = await backend.spy.inner.listOrders({ tab: 'all' }, { offset: 0, limit: 1 });
      expect(total).to.be.greaterThan(40);
      expect(state.list.total).to.equal(total);
      expect(rows(state).slice(0, PAGE).every((id) => typeof id === 'string')).to.be.true;
      expect(state.list.rows.has(PAGE)).to.be.false;

      store.requestRange(0, PAGE); // loaded already
      expect(backend.spy.count('listOrders')).to.equal(1);

      store.requestRange(25, 35); // pages 2 and 3
      state = await settledList(store);
      const offsets = backend.spy.calls.listOrders.map((args) => (args[1] as { offset: number }).offset);
      expect(offsets).to.deep.equal([0, 20, 30]);
      expect(state.list.rows.has(25) && state.list.rows.has(39)).to.be.true;
      expect(state.list.rows.has(15)).to.be.false;
      // Loaded orders are in the entity cache.
      const id = state.list.rows.get(31) as string;
      expect(store.getCached(id)?.id).to.equal(id);
    });

    it('aborts a stale load when the query changes, and its answer never lands', async () => {
      store = makeStore();
      const gate = backend.spy.hold('listOrders');
      store.requestRange(0, PAGE);
      await gate.entered;
      const signal = (backend.spy.calls.listOrders[0]?.[2] as RequestOptions).signal as AbortSignal;
      expect(store.snapshot.list.loading).to.be.true;

      store.setTab('new');
      expect(signal.aborted).to.be.true;
      expect(store.snapshot.list.loading).to.be.false;

      gate.release();
      await backend.spy.results.listOrders[0];
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(store.snapshot.list.total).to.equal(undefined);
      expect(store.snapshot.list.rows.size).to.equal(0);

      store.requestRange(0, PAGE);
      const state = await settledList(store);
      const answer = await backend.spy.listOrders({ tab: 'new' }, { offset: 0, limit: PAGE });
      expect(state.list.total).to.equal(answer.total);
      expect(rows(state).slice(0, answer.items.length)).to.deep.equal(answer.items.map((o) => o.id));
    });

    it('after a failed page load waits for retry() instead of looping', async () => {
      store = makeStore();
      backend.spy.failNext('listOrders', new OrderApiError({ code: 'network', message: 'offline' }));
      store.requestRange(0, PAGE);
      let state = await until(store, (s) => s.list.error !== undefined);
      expect(state.list.error?.code).to.equal('network');
      store.requestRange(0, PAGE);
      expect(backend.spy.count('listOrders')).to.equal(1);
      store.retry();
      state = await until(store, (s) => s.list.total !== undefined && !s.list.loading);
      expect(state.list.error).to.equal(undefined);
      expect(backend.spy.count('listOrders')).to.equal(2);
    });

    it('keeps at most maxPages pages, the nearest to the last range, and forgets the orders of the rest', async () => {
      store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer, pageSize: PAGE, maxPages: 2 });
      stores.push(store);
      store.setTab('all');
      store.requestRange(0, PAGE);
      const first = await settledList(store);
      const early = first.list.rows.get(3) as string;
      store.requestRange(30, 40);
      await until(store, (s) => s.list.rows.has(30) && !s.list.loading);
      store.requestRange(50, 60);
      const state = await until(store, (s) => s.list.rows.has(50) && !s.list.loading);
      expect([...new Set([...state.list.rows.keys()].map((i) => Math.floor(i / PAGE)))].sort()).to.deep.equal([3, 5]);
      expect(store.getCached(early)).to.equal(undefined);
      expect(store.getCached(state.list.rows.get(55) as string)).to.exist;
    });
  });

  describe('tab counts', () => {
    it('equal what the api says, and follow an action', async () => {
      store = makeStore({ tab: 'new' });
      let state = await until(store, (s) => s.counts.values !== undefined);
      const expected = await backend.spy.countTabs(withoutTab(store.snapshot.query));
      expect(state.counts.values).to.deep.equal(expected);

      const order = await firstNewOrder(store);
      await store.runAction(order.id, 'accept-all');
      const after = await backend.spy.countTabs({});
      expect(after['new']).to.equal((expected['new'] ?? 0) - 1);
      expect(after['awaiting-payment']).to.equal((expected['awaiting-payment'] ?? 0) + 1);
      state = await until(store, (s) => JSON.stringify(s.counts.values) === JSON.stringify(after) && !s.counts.loading);
      expect(state.counts.values).to.deep.equal(after);
    });
  });

  describe('selection', () => {
    it('toggles, selects a range of loaded rows, and selects all matching with exceptions', async () => {
      store = makeStore();
      store.requestRange(0, 20);
      const state = await until(store, (s) => s.list.rows.size === 20 && !s.list.loading);
      const at = (i: number): string => state.list.rows.get(i) as string;
      const counts: number[] = [];
      const sub = store.selectionCount$.subscribe((n) => counts.push(n));

      store.toggle(at(0));
      store.toggle(at(1));
      store.toggle(at(0));
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set([at(1)]) });

      store.selectRange(5, 3); // either direction, inclusive
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set([at(1), at(3), at(4), at(5)]) });

      store.selectAllMatching();
      store.toggle(at(2));
      expect(store.snapshot.selection).to.deep.equal({ mode: 'all', except: new Set([at(2)]) });
      store.selectRange(0, 3);
      expect(store.snapshot.selection).to.deep.equal({ mode: 'all', except: new Set() });
      store.toggle(at(7));

      store.setTab('new'); // a query change clears the selection
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set() });
      sub.unsubscribe();
      const n = state.list.total as number;
      expect(counts).to.deep.equal([0, 1, 2, 1, 4, n, n - 1, n, n - 1, 0]);
    });
  });

  describe('import and read-throughs', () => {
    const draft = (number: string): OrderDraft => ({
      number,
      channel: 'manual',
      storeId: 'st_jkt',
      customer: { name: 'Sari', phone: '+62811000111' },
      currency: 'IDR',
      lines: [{ sku: 'SKU-1', name: 'Batik shirt', unitPrice: money(150_000, 'IDR'), quantity: 2 }],
    });

    it('imports once per intent: a retry after a network failure reuses the key and creates nothing twice', async () => {
      store = makeStore();
      store.requestRange(0, PAGE);
      await settledList(store);
      const changes: string[] = [];
      const sub = store.changes$.subscribe((e) => changes.push(e.type));
      backend.spy.failNext('importOrders', new OrderApiError({ code: 'network', message: 'offline' }));
      let failed: unknown;
      try {
        await store.importOrders([draft('IMP-1'), draft('IMP-2')]);
      } catch (error) {
        failed = error;
      }
      expect((failed as OrderApiError).code).to.equal('network');
      const entry = store.snapshot.errors.find((e) => e.kind === 'import');
      expect(entry?.retry, 'a network failure offers retry').to.be.a('function');
      const result = (await entry?.retry?.()) as ImportResult;
      expect(result.created.map((o) => o.number)).to.deep.equal(['IMP-1', 'IMP-2']);
      const again = (await entry?.retry?.()) as ImportResult;
      expect(again.created.map((o) => o.number), 'a replay returns the first result').to.deep.equal(['IMP-1', 'IMP-2']);
      const keys = backend.spy.calls.importOrders.map((args) => (args[1] as { idempotencyKey: string }).idempotencyKey);
      expect(new Set(keys).size).to.equal(1);
      const page = await store.listOrders({ search: 'IMP-' }, { offset: 0, limit: 10 });
      expect(page.total).to.equal(2);
      await eventually(() => changes.includes('order-created'));
      sub.unsubscribe();
    });

    it('normalises read failures and honours abort', async () => {
      store = makeStore();
      const controller = new AbortController();
      controller.abort();
      let failed: unknown;
      try {
        await store.calendar({ from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', timeZone: 'Asia/Jakarta' }, controller.signal);
      } catch (error) {
        failed = error;
      }
      expect((failed as OrderApiError).code).to.equal('aborted');
      failed = undefined;
      try {
        await store.calendar({ from: '2020-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z', timeZone: 'Mars/Olympus' });
      } catch (error) {
        failed = error;
      }
      expect((failed as OrderApiError).code).to.equal('invalid-input');
      const buckets = await store.calendar({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z', timeZone: 'Asia/Jakarta' });
      expect(buckets.filter((b) => b.kind === 'created').reduce((n, b) => n + b.count, 0)).to.equal(80);
    });
  });

  describe('commands with the version a view saw', () => {
    it('reports a conflict when the stored order moved on since the view listed it, even if the store never cached it', async () => {
      store = makeStore();
      const seen = (await store.listOrders({ tab: 'all' }, { offset: 0, limit: 1 })).items[0] as Order;
      expect(store.getCached(seen.id), 'only listed, not cached').to.equal(undefined);
      const other = await backend.peer();
      await other.runAction(
        { orderId: seen.id, action: 'add-note', input: { text: 'someone else' }, expectedVersion: seen.version },
        { idempotencyKey: crypto.randomUUID() },
      );
      let failed: unknown;
      try {
        await store.runAction(seen.id, 'add-note', { text: 'mine' }, { expectedVersion: seen.version });
      } catch (error) {
        failed = error;
      }
      expect((failed as OrderApiError).code).to.equal('conflict');
      const stored = await other.getOrder(seen.id);
      expect(stored.version).to.equal(seen.version + 1);
      expect(stored.timeline.some((e) => e.message === 'mine'), 'nothing overwritten').to.equal(false);
      // Without the option the store acts on the version it loads.
      const ok = await store.runAction(seen.id, 'add-note', { text: 'mine, on the new version' });
      expect(ok.version).to.equal(seen.version + 2);
    });
  });

  describe('commands', () => {
    it('applies an action optimistically before the adapter answers, then takes the server order', async () => {
      store = makeStore({ tab: 'new' });
      await until(store, (s) => s.counts.values !== undefined);
      const before = await firstNewOrder(store);
      const prior = store.snapshot;
      const gate = backend.spy.hold('runAction');

      const pending = store.runAction(before.id, 'accept-all');
      // Synchronously: the cache, the window and the counts already show the result.
      const now = store.snapshot;
      expect(now.orders.get(before.id)?.status).to.equal('awaiting-payment');
      expect(now.inFlight.get(before.id)).to.equal('accept-all');
      expect([...now.list.rows.values()]).not.to.include(before.id);
      expect(now.list.total).to.equal((prior.list.total as number) - 1);
      expect(now.counts.values?.['new']).to.equal((prior.counts.values?.['new'] ?? 0) - 1);
      expect(now.counts.values?.['awaiting-payment']).to.equal((prior.counts.values?.['awaiting-payment'] ?? 0) + 1);
      expect(now.counts.values?.['all']).to.equal(prior.counts.values?.['all']);

      await gate.entered;
      expect(backend.spy.count('runAction')).to.equal(1);
      const [request, options] = backend.spy.calls.runAction[0] as [{ expectedVersion: number }, { idempotencyKey: string }];
      expect(request.expectedVersion).to.equal(before.version);
      expect(options.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      gate.release();
      const server = await pending;
      expect(server.version).to.equal(before.version + 1);
      expect(store.getCached(before.id)).to.deep.equal(server);
      expect(store.snapshot.inFlight.size).to.equal(0);
    });

    it('restores the exact previous state when the adapter fails mid-action', async () => {
      store = makeStore({ tab: 'new' });
      await until(store, (s) => s.counts.values !== undefined);
      const order = await firstNewOrder(store);
      const prior = observed(store.snapshot, order.id);
      backend.spy.failNext('runAction', new OrderApiError({ code: 'unavailable', message: 'Backend down' }));

      const start = store.snapshot;
      const pending = store.runAction(order.id, 'accept-all');
      // Every part moved optimistically, so the rollback below has something to undo in each.
      const mid = store.snapshot;
      expect(mid.orders.get(order.id)?.status).to.equal('awaiting-payment');
      expect([...mid.list.rows.values()]).not.to.include(order.id);
      expect(mid.list.total).to.equal((start.list.total as number) - 1);
      expect(mid.counts.values?.['new']).to.equal((start.counts.values?.['new'] ?? 0) - 1);
      let failure: unknown;
      try {
        await pending;
      } catch (error) {
        failure = error;
      }
      expect((failure as OrderApiError).code).to.equal('unavailable');
      expect(observed(store.snapshot, order.id)).to.deep.equal(prior);
      expect(store.snapshot.inFlight.size).to.equal(0);
      const [entry] = store.snapshot.errors;
      expect(entry).to.include({ kind: 'action', orderId: order.id, action: 'accept-all' });
      expect(entry?.error.code).to.equal('unavailable');
      expect(entry?.retry).to.be.a('function');
      expect((await backend.spy.getOrder(order.id)).version).to.equal(order.version);

      // Retrying sends the same intent: same idempotency key, same expected version.
      const retried = (await entry?.retry?.()) as Order;
      expect(retried.status).to.equal('awaiting-payment');
      const [first, second] = backend.spy.calls.runAction as [unknown[], unknown[]];
      expect((second[1] as { idempotencyKey: string }).idempotencyKey).to.equal((first[1] as { idempotencyKey: string }).idempotencyKey);
      expect(second[0]).to.deep.equal(first[0]);
      expect(store.snapshot.errors).to.have.length(0);
    });

    it('reports a stale version as a conflict and ends with the server order', async () => {
      store = makeStore({ tab: 'new' });
      const order = await firstNewOrder(store);
      const peer = await backend.peer();
      backend.spy.pauseEvents(); // the other tab's broadcast has not arrived yet
      const changed = await peer.runAction(
        { orderId: order.id, action: 'add-note', input: { text: 'Called the customer' }, expectedVersion: order.version },
        { idempotencyKey: crypto.randomUUID() },
      );
      expect(store.getCached(order.id)?.version).to.equal(order.version);

      let failure: unknown;
      try {
        await store.runAction(order.id, 'accept-all');
      } catch (error) {
        failure = error;
      }
      const conflict = failure as OrderApiError;
      expect(conflict.code).to.equal('conflict');
      expect(conflict.current?.version).to.equal(changed.version);
      const entry = store.snapshot.errors.find((e) => e.orderId === order.id);
      expect(entry?.error.code).to.equal('conflict');
      expect(entry?.error.current?.version).to.equal(changed.version);
      expect(entry?.retry).to.equal(undefined);
      const state = await until(store, (s) => s.orders.get(order.id)?.version === changed.version);
      expect(state.orders.get(order.id)).to.deep.equal(changed);
      expect(state.orders.get(order.id)?.status).to.equal('new');
      backend.spy.resumeEvents();
    });

    it('sends nothing for a second action on an order while one is in flight', async () => {
      store = makeStore({ tab: 'new' });
      const order = await firstNewOrder(store);
      const gate = backend.spy.hold('runAction');
      const first = store.runAction(order.id, 'accept-all');
      const second = store.runAction(order.id, 'accept-all');
      const third = store.runAction(order.id, 'cancel', { reason: 'double click' });
      expect(second).to.equal(first);
      expect(third).to.equal(first);
      gate.release();
      await first;
      expect(backend.spy.count('runAction')).to.equal(1);
    });

    it('refuses locally without calling the adapter', async () => {
      store = makeStore({ tab: 'new' });
      const order = await firstNewOrder(store);
      const prior = observed(store.snapshot, order.id);
      let failure: unknown;
      try {
        await store.runAction(order.id, 'book-courier');
      } catch (error) {
        failure = error;
      }
      expect((failure as OrderApiError).code).to.equal('refused');
      expect((failure as OrderApiError).refusal?.code).to.equal('wrong-status');
      expect(backend.spy.count('runAction')).to.equal(0);
      expect(observed(store.snapshot, order.id)).to.deep.equal(prior);
    });

    it('runs a bulk action over the selection and reports each order', async () => {
      store = makeStore({ tab: 'new' });
      store.requestRange(0, PAGE);
      const state = await settledList(store);
      const ids = [0, 1, 2].flatMap((i) => state.list.rows.get(i) ?? []);
      expect(ids.length, 'orders in the "new" tab').to.be.greaterThan(1);
      store.selectIds(ids);
      const completions: ActionCompletion[] = [];
      const watching = store.completions$.subscribe((c) => completions.push(c));
      const results = await store.runBulkAction('cancel', { reason: 'Out of stock' });
      watching.unsubscribe();
      expect(results.map((r) => [r.orderId, r.ok])).to.deep.equal(ids.map((id) => [id, true]));
      expect(store.snapshot.bulk).to.deep.include({ action: 'cancel', running: false });
      expect(store.snapshot.bulk?.results).to.equal(results);
      // Issue 12, rule 5: the selection survives the bulk action, and the run is published as completed.
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set(ids) });
      expect(completions.map((c) => [c.kind, c.action, c.changed.map((o) => o.after.id), c.failed])).to.deep.equal([['bulk', 'cancel', ids, []]]);
      for (const id of ids) expect(store.getCached(id)?.status).to.equal('cancelled');
      const [request] = backend.spy.calls.runBulkAction[0] as [{ orderIds: string[] }];
      expect(request.orderIds).to.deep.equal(ids);
    });

    it('resolves "all matching except" for a bulk action and keeps failed orders selected', async () => {
      store = makeStore({ tab: 'new' });
      store.requestRange(0, PAGE);
      const state = await settledList(store);
      const skipped = state.list.rows.get(0) as string;
      const all = (await backend.spy.inner.listOrders({ tab: 'new' }, { offset: 0, limit: 1000 })).items.map((o) => o.id);
      store.selectAllMatching();
      store.toggle(skipped);
      const results = await store.runBulkAction('cancel', { reason: 'Closed for the holidays' });
      const [request] = backend.spy.calls.runBulkAction[0] as [{ orderIds: string[] }];
      expect(request.orderIds).to.deep.equal(all.filter((id) => id !== skipped));
      expect(results.every((r) => r.ok)).to.be.true;

      // "All matching" became the orders the run reached: the query may no longer match them.
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set(all.filter((id) => id !== skipped)) });

      // A partial failure: the completed order cannot be cancelled; both stay selected.
      const done = (await backend.spy.inner.listOrders({ tab: 'completed' }, { offset: 0, limit: 1 })).items[0] as Order;
      store.selectIds([skipped, done.id]);
      const mixed = await store.runBulkAction('cancel', { reason: 'Closed for the holidays' });
      expect(mixed.map((r) => [r.orderId, r.ok])).to.deep.equal([[skipped, true], [done.id, false]]);
      const failed = mixed[1];
      expect(failed && !failed.ok && failed.error.code).to.equal('refused');
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set([skipped, done.id]) });
    });
  });

  describe('realtime', () => {
    it('holds a remote change back while an action on the order is in flight, then applies it', async () => {
      store = makeStore({ tab: 'new' });
      const order = await firstNewOrder(store);
      const gate = backend.spy.hold('runAction');
      const pending = store.runAction(order.id, 'accept-all');
      const optimistic = store.getCached(order.id);
      const peer = await backend.peer();
      const changed = await peer.runAction(
        { orderId: order.id, action: 'add-note', input: { text: 'Customer called' }, expectedVersion: order.version },
        { idempotencyKey: crypto.randomUUID() },
      );
      await eventually(() => backend.spy.events.some((e) => e.type === 'order-updated' && e.orderId === order.id));
      expect(store.getCached(order.id)).to.equal(optimistic);

      gate.release();
      let failure: unknown;
      try {
        await pending;
      } catch (error) {
        failure = error;
      }
      expect((failure as OrderApiError).code).to.equal('conflict');
      const state = await until(store, (s) => s.orders.get(order.id)?.version === changed.version);
      expect(state.orders.get(order.id)).to.deep.equal(changed);
    });

    it('shows a change made in another tab', async () => {
      store = makeStore({ tab: 'new' });
      const order = await firstNewOrder(store);
      const seen: (number | undefined)[] = [];
      const sub = store.order$(order.id).subscribe((o) => seen.push(o?.version));
      const peer = await backend.peer();
      const changed = await peer.runAction(
        { orderId: order.id, action: 'accept-all', expectedVersion: order.version },
        { idempotencyKey: crypto.randomUUID() },
      );
      const state = await until(store, (s) => s.orders.get(order.id)?.version === changed.version);
      expect(state.orders.get(order.id)?.status).to.equal('awaiting-payment');
      expect(seen).to.deep.equal([order.version, changed.version]);
      // It left the "new" tab: the window is refetched without it.
      await until(store, (s) => ![...s.list.rows.values()].includes(order.id) && !s.list.loading);
      sub.unsubscribe();
    });

    it('loads an order asked for by id', async () => {
      store = makeStore();
      const peerApi: OrderApi = await backend.peer();
      const page = await peerApi.listOrders({}, { offset: 40, limit: 1 });
      const id = (page.items[0] as Order).id;
      const seen: (Order | undefined)[] = [];
      const sub = store.order$(id).subscribe((o) => seen.push(o));
      await until(store, (s) => s.orders.has(id));
      expect(seen.at(-1)).to.deep.equal(page.items[0]);
      expect(backend.spy.count('getOrder')).to.equal(1);
      sub.unsubscribe();
    });

    it('turns a new order from another tab into an unread notification until read', async () => {
      store = makeStore();
      const peer = await backend.peer();
      const created = await peer.createOrder(
        {
          channel: 'online',
          storeId: (await backend.spy.inner.listOrders({}, { offset: 0, limit: 1 })).items[0]?.storeId as string,
          customer: { name: 'Budi Santoso' },
          currency: 'IDR',
          lines: [{ sku: 'KOPI-1', name: 'Kopi', unitPrice: money(25000, 'IDR'), quantity: 2 }],
        },
        { idempotencyKey: crypto.randomUUID() },
      );
      const state = await until(store, (s) => s.notifications.length > 0);
      expect(state.notifications).to.deep.equal([
        {
          orderId: created.id,
          number: created.number,
          storeId: created.storeId,
          customerName: 'Budi Santoso',
          total: created.totals.total,
          createdAt: created.createdAt,
        },
      ]);
      store.markRead(created.id);
      expect(store.snapshot.notifications).to.deep.equal([]);

      // The store's own new orders are not announced to itself.
      await store.createOrder({
        channel: 'phone',
        storeId: created.storeId,
        customer: { name: 'Citra' },
        currency: 'IDR',
        lines: [{ sku: 'TEH-1', name: 'Teh', unitPrice: money(15000, 'IDR'), quantity: 1 }],
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(store.snapshot.notifications).to.deep.equal([]);
    });
  });

  describe('selectors and disposal', () => {
    it('emits only on change and completes on dispose', async () => {
      store = makeStore();
      const emitted: unknown[] = [];
      const sub = store.counts$.subscribe((c) => emitted.push(c));
      await until(store, (s) => s.counts.values !== undefined);
      store.toggle('x'); // unrelated change
      store.toggle('x');
      expect(emitted).to.have.length(2); // initial loading, then values
      expect(store.query$).to.equal(store.query$);
      let completed = false;
      store.list$.subscribe({ complete: () => (completed = true) });
      const gate = backend.spy.hold('listOrders');
      store.requestRange(0, PAGE);
      await gate.entered;
      const signal = (backend.spy.calls.listOrders.at(-1)?.[2] as RequestOptions).signal as AbortSignal;
      store.dispose();
      gate.release();
      expect(signal.aborted).to.be.true;
      expect(completed).to.be.true;
      expect(backend.spy.listeners).to.equal(0);
      sub.unsubscribe();
    });
  });
});
