/**
 * The Self Deliver tab on the local engine: its count and list match a brute-force filter over the
 * stored orders, bulk self-delivery moves orders into it, and bulk Mark as Delivered empties it.
 */
import { expect } from '@open-wc/testing';
import { createLocalApi, type LocalOrderApi } from '../../src/api/index.js';
import type { OrderApi } from '../../src/api/types.js';
import { matchesFilter } from '../../src/model/filter.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';

const workflow = getPreset('marketplace');
const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };
const agent = { id: 'agt_id_2', name: 'Eko Prasetyo' };

async function all(api: OrderApi): Promise<Order[]> {
  return [...(await api.listOrders({ archived: 'any' }, { offset: 0, limit: 5000 })).items];
}

describe('Self Deliver tab (local engine)', function () {
  this.timeout(60000);
  let api: LocalOrderApi;
  const dbName = `orderdeck-self-delivery-${crypto.randomUUID()}`;

  before(async () => {
    api = await createLocalApi({ workflow, viewer: admin, dbName });
    await api.seed({ preset: 'marketplace', count: 400, seed: 9 });
  });

  after(async () => {
    api.close();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  const brute = async (): Promise<string[]> =>
    (await all(api)).filter((o) => matchesFilter(o, { selfDelivery: true })).map((o) => o.id).sort();
  const listed = async (): Promise<string[]> =>
    [...(await api.listOrders({ tab: 'self-deliver' }, { offset: 0, limit: 5000 })).items].map((o) => o.id).sort();

  it('counts and lists self-deliveries, bulk self-deliver adds them, bulk Mark as Delivered clears them', async () => {
    const start = await brute();
    expect(await listed()).to.deep.equal(start);
    expect((await api.countTabs({}))['self-deliver']).to.equal(start.length);

    const packed = [...(await api.listOrders({ tab: 'to-process' }, { offset: 0, limit: 4 })).items];
    expect(packed.length).to.equal(4);
    const sent = await api.runBulkAction({ orderIds: packed.map((o) => o.id), action: 'self-deliver', input: { agent } }, { idempotencyKey: crypto.randomUUID() });
    expect(sent.every((r) => r.ok)).to.equal(true);
    const after = await brute();
    expect(after).to.deep.equal([...start, ...packed.map((o) => o.id)].sort());
    expect(await listed()).to.deep.equal(after);
    const counts = await api.countTabs({});
    expect(counts['self-deliver']).to.equal(after.length);
    const shown = [...(await api.listOrders({ tab: 'self-deliver' }, { offset: 0, limit: 5000 })).items].filter((o) => packed.some((p) => p.id === o.id));
    expect(shown.map((o) => o.assignees.agent?.name)).to.deep.equal(['Eko Prasetyo', 'Eko Prasetyo', 'Eko Prasetyo', 'Eko Prasetyo']);

    const delivered = await api.runBulkAction({ query: { tab: 'self-deliver' }, action: 'mark-delivered' }, { idempotencyKey: crypto.randomUUID() });
    expect(delivered.length).to.equal(after.length);
    expect(delivered.filter((r) => !r.ok)).to.deep.equal([]);
    expect(await brute()).to.deep.equal([]);
    expect((await api.countTabs({}))['self-deliver']).to.equal(0);
    for (const p of packed) expect((await api.getOrder(p.id)).status).to.equal('delivered');
  });

  it('finds orders by code after changes: a new tracking number at once, the old one no more', async () => {
    const shipped = [...(await api.listOrders({ tab: 'shipped' }, { offset: 0, limit: 50 })).items].find(
      (o) => o.shipments.filter((x) => x.status !== 'cancelled' && x.status !== 'failed').length === 1 && o.shipments.some((x) => x.trackingNumber),
    )!;
    const old = shipped.shipments.find((x) => x.trackingNumber)!.trackingNumber!;
    expect((await api.findOrdersByCode(old)).map((o) => o.id)).to.deep.equal([shipped.id]);
    expect((await api.findOrdersByCode(`#${shipped.number}`)).map((o) => o.id)).to.include(shipped.id);
    await api.runAction(
      { orderId: shipped.id, action: 'update-tracking', input: { trackingNumber: 'NEWTRACK-0001' }, expectedVersion: shipped.version },
      { idempotencyKey: crypto.randomUUID() },
    );
    expect((await api.findOrdersByCode('newtrack-0001')).map((o) => o.id)).to.deep.equal([shipped.id]);
    expect(await api.findOrdersByCode(old)).to.deep.equal([]);
  });
});
