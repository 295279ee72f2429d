import { expect } from '@open-wc/testing';
import { simulatedDraft, startSimulation } from '../../src/api/local/simulate.js';
import type { ChangeEvent } from '../../src/api/types.js';
import { checkDraft } from '../../src/api/validate.js';
import { demoStores } from '../../src/model/generate.js';
import { getPreset } from '../../src/model/presets/index.js';
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
