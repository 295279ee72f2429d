import { expect } from '@open-wc/testing';
import type { OrderQuery, SortField } from '../../src/api/types.js';
import { demoStores, generateOrders } from '../../src/model/generate.js';
import { getPreset, type PresetKey } from '../../src/model/presets/index.js';
import type { Order } from '../../src/model/types.js';
import { allIds, bruteKey, bruteMatch, cleanup, compareKeys, openApi, staff } from './helpers.js';

const NUMERIC: readonly SortField[] = ['createdAt', 'updatedAt', 'scheduledAt', 'total', 'status'];
const TEXT: readonly SortField[] = ['number', 'customer', 'store'];

function expectedIds(orders: readonly Order[], preset: PresetKey, query: OrderQuery, scope?: readonly string[]): string[] {
  const workflow = getPreset(preset);
  const sort = query.sort ?? { field: 'createdAt', direction: 'desc' };
  const matched = orders.filter((o) => bruteMatch(o, query, workflow, scope));
  const keyed = matched.filter((o) => bruteKey(o, sort.field, workflow) !== undefined);
  const unkeyed = matched.filter((o) => bruteKey(o, sort.field, workflow) === undefined);
  const byId = (a: Order, b: Order): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  keyed.sort((a, b) => compareKeys(bruteKey(a, sort.field, workflow) as number, bruteKey(b, sort.field, workflow) as number) || byId(a, b));
  unkeyed.sort(byId);
  if (sort.direction === 'desc') {
    keyed.reverse();
    unkeyed.reverse();
  }
  return [...keyed, ...unkeyed].map((o) => o.id);
}

describe('local engine: queries', () => {
  afterEach(cleanup);

  for (const preset of ['payment-fulfillment', 'marketplace', 'cod-delivery'] as const) {
    it(`lists every tab, filter and search of ${preset} exactly like a brute-force filter`, async () => {
      const orders = generateOrders({ preset, count: 1200, seed: 7 });
      const api = await openApi({ preset });
      await api.seed({ orders, stores: demoStores });
      const workflow = getPreset(preset);
      const sample = orders[17] as Order;
      const queries: OrderQuery[] = [
        {},
        ...workflow.tabs.map((t) => ({ tab: t.key })),
        { search: sample.customer.name.slice(0, 4) },
        { search: sample.number },
        { search: `  ${sample.number.toUpperCase()} ` },
        { search: demoStores[1]?.name.slice(0, 6) ?? 'x' },
        { storeIds: [demoStores[0]?.id ?? '', demoStores[2]?.id ?? ''] },
        { channels: [sample.channel] },
        { statuses: [sample.status] },
        { paymentStatus: ['paid'] },
        { fulfillmentStatus: ['unfulfilled'] },
        { archived: true },
        { archived: 'any' },
        { deleted: true },
        { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
        { from: '2026-11-01T00:00:00+07:00', dateField: 'updatedAt' },
        { to: '2026-12-31T00:00:00.000Z', dateField: 'scheduledAt' },
        { tab: workflow.tabs[1]?.key, search: 'a', storeIds: [sample.storeId] },
        { assigneeId: orders.find((o) => o.assignees.agent)?.assignees.agent?.id ?? 'nobody' },
      ];
      for (const query of queries) {
        const { ids, total } = await allIds(api, query);
        const expected = expectedIds(orders, preset, query);
        expect(total, JSON.stringify(query)).to.equal(expected.length);
        expect(ids, JSON.stringify(query)).to.deep.equal(expected);
      }
      // Something must actually be narrowed, or the comparison proves little.
      const totals = await Promise.all(queries.map((q) => api.listOrders(q, { offset: 0, limit: 1 }).then((p) => p.total)));
      expect(new Set(totals).size).to.be.greaterThan(5);
    });
  }

  it('sorts by every field in both directions, ties broken by id, orders without a key last', async () => {
    const preset = 'payment-fulfillment';
    const orders = generateOrders({ preset, count: 900, seed: 3 });
    const api = await openApi({ preset });
    await api.seed({ orders, stores: demoStores });
    for (const field of NUMERIC) {
      for (const direction of ['asc', 'desc'] as const) {
        const query: OrderQuery = { tab: 'all', sort: { field, direction } };
        const { ids } = await allIds(api, query, 250);
        expect(ids, `${field} ${direction}`).to.deep.equal(expectedIds(orders, preset, query));
      }
    }
    const workflow = getPreset(preset);
    const byId = new Map(orders.map((o) => [o.id, o]));
    for (const field of TEXT) {
      for (const direction of ['asc', 'desc'] as const) {
        const query: OrderQuery = { tab: 'all', sort: { field, direction } };
        const { ids } = await allIds(api, query, 250);
        expect(new Set(ids)).to.deep.equal(new Set(expectedIds(orders, preset, query)));
        for (let i = 1; i < ids.length; i++) {
          const a = bruteKey(byId.get(ids[i - 1] as string) as Order, field, workflow) as string;
          const b = bruteKey(byId.get(ids[i] as string) as Order, field, workflow) as string;
          const c = compareKeys(a, b);
          expect(direction === 'asc' ? c <= 0 : c >= 0, `${field} ${direction}: “${a}” then “${b}”`).to.equal(true);
        }
      }
    }
  });

  it('counts per tab equal brute-force counts, for the query without its tab', async () => {
    const preset = 'marketplace';
    const orders = generateOrders({ preset, count: 1500, seed: 11 });
    const api = await openApi({ preset });
    await api.seed({ orders, stores: demoStores });
    const workflow = getPreset(preset);
    const queries: OrderQuery[] = [
      {},
      { tab: workflow.tabs[2]?.key },
      { search: 'an' },
      { storeIds: [demoStores[3]?.id ?? ''], channels: ['shopee', 'lazada'] },
      { from: '2026-11-01T00:00:00.000Z' },
      { archived: 'any' },
    ];
    for (const query of queries) {
      const counts = await api.countTabs(query);
      const { tab: _tab, ...rest } = query;
      for (const tab of workflow.tabs) {
        const expected = orders.filter((o) => bruteMatch(o, rest, workflow, undefined, tab.key)).length;
        expect(counts[tab.key], `${tab.key} for ${JSON.stringify(query)}`).to.equal(expected);
      }
    }
    const counts = await api.countTabs({});
    expect(Object.values(counts).some((c) => c > 0 && c < orders.length)).to.equal(true);
  });

  it('pages the cached result consistently and reflects a write in the next query', async () => {
    const api = await openApi();
    await api.seed({ preset: 'payment-fulfillment', count: 600, seed: 5 });
    const first = await api.listOrders({ tab: 'open' }, { offset: 0, limit: 50 });
    const second = await api.listOrders({ tab: 'open' }, { offset: 50, limit: 50 });
    expect(first.items.length).to.equal(50);
    expect(second.offset).to.equal(50);
    expect(first.items.map((o) => o.id)).not.to.include.members(second.items.map((o) => o.id).slice(0, 1));
    const beyond = await api.listOrders({ tab: 'open' }, { offset: first.total + 10, limit: 50 });
    expect(beyond.items).to.deep.equal([]);
    expect(beyond.total).to.equal(first.total);
    const target = first.items[0] as Order;
    await api.runAction(
      { orderId: target.id, action: 'archive', expectedVersion: target.version },
      { idempotencyKey: 'k-archive' },
    );
    const after = await api.listOrders({ tab: 'open' }, { offset: 0, limit: 50 });
    expect(after.total).to.equal(first.total - 1);
    expect(after.items.map((o) => o.id)).not.to.include(target.id);
    const archived = await api.listOrders({ tab: 'archived' }, { offset: 0, limit: 1000 });
    expect(archived.items.map((o) => o.id)).to.include(target.id);
  });

  it('keeps every sort order right after writes (sorted permutations are updated in place)', async () => {
    const preset = 'payment-fulfillment';
    const orders = generateOrders({ preset, count: 700, seed: 12 });
    let tick = 0;
    const api = await openApi({ preset, now: () => new Date(Date.UTC(2027, 0, 1) + ++tick * 1000) });
    await api.seed({ orders, stores: demoStores });
    const fields = ['createdAt', 'updatedAt', 'total', 'customer', 'scheduledAt', 'status'] as const;
    // Build every permutation first, so the writes below must update them rather than rebuild them.
    for (const field of fields) await api.listOrders({ tab: 'all', sort: { field, direction: 'asc' } }, { offset: 0, limit: 1 });
    const oldest = orders.filter((o) => o.status === 'open' && o.fulfillmentStatus === 'unfulfilled' && !o.deletedAt).slice(0, 6);
    let n = 0;
    for (const o of oldest) {
      await api.runAction({ orderId: o.id, action: 'add-note', input: { text: 'bump' }, expectedVersion: o.version }, { idempotencyKey: `n${++n}` });
    }
    const victim = oldest[0] as Order;
    const current = await api.getOrder(victim.id);
    await api.runAction({ orderId: victim.id, action: 'cancel', input: { reason: 'gone' }, expectedVersion: current.version }, { idempotencyKey: 'cx' });
    await api.updateOrder(
      { orderId: (oldest[1] as Order).id, patch: { customer: { name: 'Aaron Aardvark' }, deliveryFee: { amount: 999999999, currency: (oldest[1] as Order).currency } }, expectedVersion: (oldest[1] as Order).version + 1 },
      { idempotencyKey: 'ed' },
    );
    const now = (await api.listOrders({ archived: 'any' }, { offset: 0, limit: 10000 })).items;
    expect(now.length).to.equal(orders.filter((o) => !o.deletedAt).length);
    for (const field of fields) {
      for (const direction of ['asc', 'desc'] as const) {
        const query: OrderQuery = { tab: 'all', sort: { field, direction } };
        const { ids } = await allIds(api, query, 300);
        const expected = expectedIds(now, preset, query);
        if (TEXT.includes(field)) expect(new Set(ids)).to.deep.equal(new Set(expected));
        else expect(ids, `${field} ${direction}`).to.deep.equal(expected);
      }
    }
    const byCustomer = await api.listOrders({ tab: 'all', sort: { field: 'customer', direction: 'asc' } }, { offset: 0, limit: 1 });
    expect(byCustomer.items[0]?.customer.name).to.equal('Aaron Aardvark');
    const byTotal = await api.listOrders({ tab: 'all', sort: { field: 'total', direction: 'desc' } }, { offset: 0, limit: 1 });
    expect(byTotal.items[0]?.id).to.equal((oldest[1] as Order).id);
    const byUpdate = await api.listOrders({ tab: 'all', sort: { field: 'updatedAt', direction: 'desc' } }, { offset: 0, limit: 1 });
    expect(byUpdate.items[0]?.id).to.equal((oldest[1] as Order).id);
  });

  it('narrows staff to their stores in lists, counts and secondary views', async () => {
    const preset = 'payment-fulfillment';
    const orders = generateOrders({ preset, count: 800, seed: 9 });
    const api = await openApi({ preset, viewer: staff });
    await api.seed({ orders, stores: demoStores });
    const { ids } = await allIds(api, { tab: 'all' }, 500);
    expect(ids).to.deep.equal(expectedIds(orders, preset, { tab: 'all' }, staff.storeIds));
    expect(ids.length).to.be.greaterThan(0);
    expect(ids.length).to.be.lessThan(orders.length);
    const foreign = demoStores.find((s) => !staff.storeIds.includes(s.id))?.id as string;
    expect((await api.listOrders({ storeIds: [foreign] }, { offset: 0, limit: 10 })).total).to.equal(0);
    const counts = await api.countTabs({});
    const workflow = getPreset(preset);
    for (const tab of workflow.tabs) {
      expect(counts[tab.key]).to.equal(orders.filter((o) => bruteMatch(o, {}, workflow, staff.storeIds, tab.key)).length);
    }
    const shipments = await api.listShipments({}, { offset: 0, limit: 10000 });
    expect(shipments.items.every((r) => staff.storeIds.includes(r.storeId))).to.equal(true);
    const payments = await api.listPayments({}, { offset: 0, limit: 10000 });
    expect(payments.items.every((r) => staff.storeIds.includes(r.storeId))).to.equal(true);
  });

  it('lists soft-deleted orders only when asked for them', async () => {
    const preset = 'cod-delivery';
    const orders = generateOrders({ preset, count: 600, seed: 21 });
    const deleted = orders.filter((o) => o.deletedAt !== undefined);
    const api = await openApi({ preset });
    await api.seed({ orders, stores: demoStores });
    const all = await allIds(api, { tab: 'all' }, 1000);
    expect(all.ids.filter((id) => deleted.some((d) => d.id === id))).to.deep.equal([]);
    const bin = await allIds(api, { deleted: true, archived: 'any' }, 1000);
    expect(new Set(bin.ids)).to.deep.equal(new Set(deleted.map((o) => o.id)));
  });

  it('rejects an unknown tab and a malformed page as invalid input naming the field', async () => {
    const api = await openApi();
    await api.seed({ preset: 'payment-fulfillment', count: 50, seed: 1 });
    const err = await api.listOrders({ tab: 'nope' }, { offset: 0, limit: 10 }).then(
      () => undefined,
      (e: unknown) => e as { code: string; fields: { field: string }[] },
    );
    expect(err?.code).to.equal('invalid-input');
    expect(err?.fields[0]?.field).to.equal('tab');
    const err2 = await api.listOrders({}, { offset: -1, limit: 1.5 }).then(
      () => undefined,
      (e: unknown) => e as { fields: { field: string }[] },
    );
    expect(err2?.fields.map((f) => f.field)).to.deep.equal(['offset', 'limit']);
  });
});
