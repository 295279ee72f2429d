import { expect } from '@open-wc/testing';
import {
  buyerCancellationActions,
  simulatedDraft,
  startCancellationRequests,
  startSimulation,
  type CancellationSimulationApi,
} from '../../src/api/local/simulate.js';
import { OrderApiError, type ChangeEvent } from '../../src/api/types.js';
import { checkDraft } from '../../src/api/validate.js';
import { demoStores, generateOrders } from '../../src/model/generate.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../../src/model/presets/index.js';
import type { Order } from '../../src/model/types.js';
import { createOrderStore } from '../../src/state/store.js';
import { eventually, until } from '../state/backend.js';
import { admin, cleanup, openApi, staff, superadmin, uniqueDbName } from './helpers.js';

describe('local engine: new-order simulation', () => {
  afterEach(cleanup);

  it('draws valid, varied, repeatable drafts from the generator', () => {
    const drafts = Array.from({ length: 12 }, (_, n) => simulatedDraft('confirm-first', 7, n));
    for (const draft of drafts) {
      expect(checkDraft(draft)).to.deep.equal([]);
      expect(draft.number).to.equal(undefined);
      expect(draft.lines.length).to.be.greaterThan(0);
      expect(draft.lines.every((l) => l.quantity > 0)).to.be.true;
      expect(demoStores.map((s) => s.id)).to.include(draft.storeId);
    }
    expect(new Set(drafts.map((d) => `${d.customer.name}|${d.storeId}|${d.lines[0]!.sku}`)).size).to.be.greaterThan(6);
    expect(simulatedDraft('confirm-first', 7, 3)).to.deep.equal(drafts[3]);
    expect(simulatedDraft('confirm-first', 8, 3)).not.to.deep.equal(drafts[3]);
  });

  it('creates orders on its own instance that reach another instance as other-tab, until stopped', async () => {
    const dbName = uniqueDbName('simulate');
    const watched = await openApi({ preset: 'confirm-first', dbName, viewer: admin });
    const shop = await openApi({ preset: 'confirm-first', dbName, viewer: superadmin });
    const arrived: ChangeEvent[] = [];
    watched.subscribe((e) => arrived.push(e));
    const created: Order[] = [];

    const stop = startSimulation(shop, { preset: 'confirm-first', every: 30, seed: 3, onCreate: (o) => created.push(o) });
    await eventually(() => created.length >= 3);
    stop();
    stop(); // twice is harmless
    const count = created.length;
    await eventually(() => arrived.filter((e) => e.type === 'order-created').length >= count);

    const events = arrived.filter((e) => e.type === 'order-created');
    expect(events.every((e) => e.origin === 'other-tab')).to.be.true;
    expect(events.map((e) => (e.type === 'order-created' ? e.orderId : ''))).to.deep.equal(created.map((o) => o.id));
    const first = created[0]!;
    expect(first.status).to.equal('new');
    expect(first.version).to.equal(1);
    expect(Date.now() - Date.parse(first.createdAt)).to.be.lessThan(60_000);

    // Nothing more after stop: the database holds exactly what was reported.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(created.length).to.equal(count);
    expect(await watched.size()).to.equal(count);
  });

  it('raises store notifications for the admin, and none for staff of other stores', async () => {
    const dbName = uniqueDbName('simulate-store');
    const workflow = getPreset('confirm-first');
    const adminApi = await openApi({ preset: 'confirm-first', dbName, viewer: admin });
    const staffApi = await openApi({ preset: 'confirm-first', dbName, viewer: staff });
    const shop = await openApi({ preset: 'confirm-first', dbName, viewer: superadmin });
    const adminStore = createOrderStore({ api: adminApi, workflow, viewer: admin });
    const staffStore = createOrderStore({ api: staffApi, workflow, viewer: staff });
    const created: Order[] = [];
    const stop = startSimulation(shop, { preset: 'confirm-first', every: 20, seed: 5, onCreate: (o) => created.push(o) });
    try {
      await eventually(() => created.some((o) => o.storeId === staff.storeIds[0]) && created.some((o) => o.storeId !== staff.storeIds[0]));
      stop();
      const all = created.length;
      const state = await until(adminStore, (s) => s.notifications.length === all);
      expect(state.notifications.map((n) => n.orderId).sort()).to.deep.equal(created.map((o) => o.id).sort());
      const mine = created.filter((o) => o.storeId === staff.storeIds[0]).map((o) => o.id).sort();
      const staffState = await until(staffStore, (s) => s.notifications.length === mine.length);
      expect(staffState.notifications.map((n) => n.orderId).sort()).to.deep.equal(mine);
    } finally {
      stop();
      adminStore.dispose();
      staffStore.dispose();
    }
  });

  it('waits one interval before the first order when startNow is false', async () => {
    const shop = await openApi({ preset: 'online-store', viewer: superadmin });
    const created: Order[] = [];
    const stop = startSimulation(shop, { preset: 'online-store', every: 300, startNow: false, onCreate: (o) => created.push(o) });
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(created.length).to.equal(0);
      expect(await shop.size()).to.equal(0);
      await eventually(() => created.length === 1);
    } finally {
      stop();
    }
  });

  it('stops by itself after repeated failures, reporting each', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const failing = {
      createOrder: (): Promise<Order> => {
        calls++;
        return Promise.reject(new Error('disk full'));
      },
    };
    startSimulation(failing, { preset: 'marketplace', every: 10, onError: (e) => errors.push(e) });
    await eventually(() => errors.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(errors.length).to.equal(3);
    expect(calls).to.equal(3);
  });
});

describe('local engine: buyer cancellation simulation', () => {
  afterEach(cleanup);

  /** An admin's instance and a separate "marketplace" instance on one database seeded with `preset`'s demo orders. */
  async function twoInstances(preset: PresetKey, count = 300) {
    const dbName = uniqueDbName(`cancel-${preset}`);
    const watched = await openApi({ preset, dbName, viewer: admin });
    await watched.seed({ orders: generateOrders({ preset, count, seed: 11 }) });
    const shop = await openApi({ preset, dbName, viewer: superadmin });
    return { watched, shop };
  }

  it('knows which actions a buyer cancels with, per preset', () => {
    const keys = Object.fromEntries(PRESET_KEYS.map((k) => [k, buyerCancellationActions(getPreset(k)).map((a) => a.key)]));
    expect(keys).to.deep.equal({
      'confirm-first': ['customer-cancel'],
      'online-store': [],
      'payment-fulfillment': [],
      marketplace: ['request-cancellation'],
      'cod-delivery': [],
    });
    for (const key of PRESET_KEYS) expect(buyerCancellationActions(getPreset(key)).every((a) => a.system)).to.be.true;
  });

  it('marketplace: moves recent eligible orders to To Cancel with a buyer reason, seen by the admin as other-tab', async () => {
    const { watched, shop } = await twoInstances('marketplace');
    const eligible = new Set(getPreset('marketplace').actions.find((a) => a.key === 'request-cancellation')!.from as readonly string[]);
    const toCancelBefore = (await watched.countTabs({}))['to-cancel']!;
    const heard: ChangeEvent[] = [];
    watched.subscribe((e) => heard.push(e));
    const requested: { order: Order; action: string }[] = [];
    const reasons = ['Too slow', 'Found it cheaper'];

    const stop = startCancellationRequests(shop, { every: 25, seed: 4, recent: 20, reasons, onRequest: (order, action) => requested.push({ order, action }) });
    await eventually(() => requested.length >= 3);
    stop();
    stop(); // twice is harmless
    const done = requested.length;

    for (const { order, action } of requested) {
      expect(action).to.equal('request-cancellation');
      expect(order.status).to.equal('to-cancel');
      expect(order.cancellation?.status).to.equal('requested');
      expect(reasons).to.include(order.cancellation?.reason);
      expect(eligible.has(order.cancellation!.previousStatus)).to.be.true;
      const last = order.timeline.filter((e) => e.action === 'request-cancellation').at(-1);
      expect(last?.actor.id).to.equal('system');
    }
    // Each request is a different order (a requested one is no longer eligible), stored as reported.
    expect(new Set(requested.map((r) => r.order.id)).size).to.equal(done);
    await eventually(() => heard.filter((e) => e.type === 'order-updated' && e.cause === 'request-cancellation').length >= done);
    const updates = heard.filter((e) => e.type === 'order-updated' && e.cause === 'request-cancellation');
    expect(updates.every((e) => e.origin === 'other-tab')).to.be.true;
    // Once the admin's instance has heard of them (other instances learn by broadcast), it reads them as stored.
    for (const { order } of requested) expect((await watched.getOrder(order.id)).status).to.equal('to-cancel');

    // Nothing more after stop, and the To Cancel tab grew by exactly what was reported.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(requested.length).to.equal(done);
    expect((await watched.countTabs({}))['to-cancel']).to.equal(toCancelBefore + done);
  });

  it('picks among the newest eligible orders only', async () => {
    const { watched, shop } = await twoInstances('marketplace');
    const query = { archived: false, statuses: ['new', 'to-process', 'to-ship'], sort: { field: 'createdAt', direction: 'desc' } } as const;
    const before = await watched.listOrders(query, { offset: 0, limit: 10 });
    expect(before.total).to.be.greaterThan(40);
    const picked: string[] = [];
    const stop = startCancellationRequests(shop, { every: 15, seed: 9, recent: 5, onRequest: (o) => picked.push(o.id) });
    await eventually(() => picked.length >= 2);
    stop();
    // The k-th pick (from 0) is among the 5 newest still eligible, so among the 5 + k newest before it started.
    const newest = before.items.map((o) => o.id);
    picked.forEach((id, k) => expect(newest.slice(0, 5 + k), `pick ${k}`).to.include(id));
  });

  it('confirm-first: the customer cancels a new or unpaid order at once', async () => {
    const { watched, shop } = await twoInstances('confirm-first');
    const heard = new Set<string>();
    watched.subscribe((e) => {
      if (e.type === 'order-updated' && e.cause === 'customer-cancel') heard.add(e.orderId);
    });
    const requested: Order[] = [];
    const stop = startCancellationRequests(shop, { every: 25, seed: 2, onRequest: (o) => requested.push(o) });
    await eventually(() => requested.length >= 2);
    stop();
    await eventually(() => requested.every((o) => heard.has(o.id)));
    for (const order of requested) {
      expect(order.status).to.equal('cancelled');
      const stored = await watched.getOrder(order.id);
      expect(stored.status).to.equal('cancelled');
      expect(stored.timeline.some((e) => e.action === 'customer-cancel' && e.actor.id === 'system')).to.be.true;
    }
  });

  it('does nothing for a workflow where buyers cannot cancel, or when no order is eligible', async () => {
    const calls: string[] = [];
    const spy = (workflow: CancellationSimulationApi['workflow']): CancellationSimulationApi => ({
      workflow,
      listOrders: (query) => {
        calls.push(`list:${(query.statuses ?? []).join('|')}`);
        return Promise.resolve({ items: [], total: 0, offset: 0 });
      },
      runSystemAction: () => {
        calls.push('write');
        return Promise.reject(new Error('not expected'));
      },
    });
    const errors: unknown[] = [];
    const none = startCancellationRequests(spy(getPreset('online-store')), { every: 10, onError: (e) => errors.push(e) });
    const empty = startCancellationRequests(spy(getPreset('marketplace')), { every: 10, onError: (e) => errors.push(e) });
    await eventually(() => calls.length >= 3);
    none();
    empty();
    expect(calls.every((c) => c === 'list:new|to-process|to-ship')).to.be.true;
    expect(errors).to.deep.equal([]);
  });

  it('skips a beat on a race (conflict, refusal), and stops after three real failures in a row', async () => {
    const workflow = getPreset('marketplace');
    const [order] = generateOrders({ preset: 'marketplace', count: 40, seed: 3 }).filter((o) => o.status === 'new');
    const outcomes: (OrderApiError | Error)[] = [
      new OrderApiError({ code: 'conflict', message: 'stale' }),
      new OrderApiError({ code: 'refused', message: 'moved on' }),
      new Error('disk full'),
      new Error('disk full'),
      new Error('disk full'),
      new Error('never reached'),
    ];
    let writes = 0;
    const errors: unknown[] = [];
    const api: CancellationSimulationApi = {
      workflow,
      listOrders: () => Promise.resolve({ items: order ? [order] : [], total: 1, offset: 0 }),
      runSystemAction: () => Promise.reject(outcomes[writes++]!),
    };
    expect(order, 'a new order in the generated data').to.exist;
    startCancellationRequests(api, { every: 10, onError: (e) => errors.push(e) });
    await eventually(() => errors.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(writes).to.equal(5);
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['disk full', 'disk full', 'disk full']);
  });
});
