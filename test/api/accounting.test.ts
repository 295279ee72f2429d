import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { batchesFromOrders } from '../../src/api/accounting/batches.js';
import { createSimulatedAccounting, type SimulatedAccounting, type SimulatedAccountingOptions } from '../../src/api/accounting/simulated.js';
import type { PostingBatch, PostingChangeEvent } from '../../src/api/accounting/types.js';
import type { LocalOrderApi } from '../../src/api/local/local-api.js';
import { generateOrders } from '../../src/model/generate.js';
import type { Order, Viewer } from '../../src/model/types.js';
import { admin, cleanup, expectApiError, openApi, staff, uniqueDbName } from './helpers.js';

const orders = generateOrders({ preset: 'marketplace', count: 300, seed: 5 });
const postable = (o: Order): boolean => ['shipped', 'delivered', 'completed'].includes(o.status) && !o.archived && o.posting === undefined && o.deletedAt === undefined;

const connectors: SimulatedAccounting[] = [];
const accountingDbs: string[] = [];

async function setup(options: Partial<SimulatedAccountingOptions> & { viewer?: Viewer; dbName?: string; engineDb?: string } = {}) {
  const viewer = options.viewer ?? admin;
  const engineDb = options.engineDb ?? uniqueDbName('acc-orders');
  const api = await openApi({ preset: 'marketplace', viewer, dbName: engineDb });
  if (!options.engineDb) await api.seed({ orders });
  const dbName = options.dbName ?? `${engineDb}-accounting`;
  if (!accountingDbs.includes(dbName)) accountingDbs.push(dbName);
  const connector = await connect(api, viewer, dbName, options);
  return { api, connector, dbName, engineDb };
}

async function connect(api: LocalOrderApi, viewer: Viewer, dbName: string, options: Partial<SimulatedAccountingOptions> = {}) {
  const connector = await createSimulatedAccounting({ latencyMs: [5, 5], timeoutMs: 60_000, failureRate: 0, ...options, orders: api, viewer, dbName });
  connectors.push(connector);
  return connector;
}

/** Resolves with the batch once it leaves `in-progress` (at once when it already has). */
function settled(connector: SimulatedAccounting, batchId: string): Promise<PostingBatch> {
  return new Promise((resolve, reject) => {
    const stop = connector.subscribe((event: PostingChangeEvent) => {
      if (event.type === 'batch-updated' && event.batch.id === batchId && event.batch.state !== 'in-progress') {
        stop();
        resolve(event.batch);
      }
    });
    connector.getBatch(batchId).then((batch) => {
      if (batch.state === 'in-progress') return;
      stop();
      resolve(batch);
    }, reject);
  });
}

const pick = (n: number, viewer: Viewer = admin): Order[] =>
  orders.filter((o) => postable(o) && (viewer.role !== 'staff' || viewer.storeIds.includes(o.storeId))).slice(0, n);

describe('simulated accounting connector', () => {
  afterEach(async () => {
    for (const c of connectors.splice(0)) c.close();
    await cleanup();
    await Promise.all(accountingDbs.splice(0).map((n) => deleteDB(n)));
  });

  it('posts a batch: orders in progress, then completed with a reference and archived', async () => {
    const { api, connector } = await setup();
    const chosen = pick(3);
    const result = await connector.postOrders({ orderIds: chosen.map((o) => o.id) }, { idempotencyKey: 'post-1' });
    expect(result.results.every((r) => r.ok)).to.equal(true);
    const batch = result.batch!;
    expect(batch.state).to.equal('in-progress');
    expect(batch.orders.map((o) => o.orderNumber)).to.deep.equal(chosen.map((o) => o.number));
    expect((await api.getOrder(chosen[0]!.id)).posting?.status).to.equal('in-progress');
    const done = await settled(connector, batch.id);
    expect(done.state).to.equal('completed');
    expect(done.orders.every((o) => o.state === 'completed' && /^IV-/.test(o.reference ?? ''))).to.equal(true);
    const after = await api.getOrder(chosen[0]!.id);
    expect(after.posting?.status).to.equal('completed');
    expect(after.archived).to.equal(true);
    const history = await connector.listBatches({ offset: 0, limit: 10 });
    expect(history.total).to.equal(1);
    expect(history.items[0]?.state).to.equal('completed');
  });

  it('reports a per-order failure with its reason; the batch is failed and the order is not archived', async () => {
    const chosen = pick(3);
    const bad = chosen[1]!.id;
    const { api, connector } = await setup({ outcome: (id) => (id === bad ? 'Customer code missing in SQL Account' : undefined) });
    const { batch } = await connector.postOrders({ orderIds: chosen.map((o) => o.id) }, { idempotencyKey: 'post-f' });
    const done = await settled(connector, batch!.id);
    expect(done.state).to.equal('failed');
    const failed = done.orders.filter((o) => o.state === 'failed');
    expect(failed.map((o) => o.orderId)).to.deep.equal([bad]);
    expect(failed[0]?.error).to.equal('Customer code missing in SQL Account');
    const order = await api.getOrder(bad);
    expect(order.posting?.status).to.equal('failed');
    expect(order.archived).to.equal(false);
  });

  it('retries only the failed orders, in the same batch, which then completes', async () => {
    const chosen = pick(3);
    const bad = chosen[0]!.id;
    const sent: string[] = [];
    const { api, connector } = await setup({
      outcome: (id, attempt) => {
        sent.push(`${id}#${attempt}`);
        return id === bad && attempt === 1 ? 'Stock item not mapped in SQL Account' : undefined;
      },
    });
    const { batch } = await connector.postOrders({ orderIds: chosen.map((o) => o.id) }, { idempotencyKey: 'post-r' });
    await settled(connector, batch!.id);
    const before = await api.getOrder(chosen[1]!.id);
    const retried = await connector.retryBatch(batch!.id, { idempotencyKey: 'retry-1' });
    expect(retried.state).to.equal('in-progress');
    expect(retried.orders.find((o) => o.orderId === bad)?.attempts).to.equal(2);
    const done = await settled(connector, batch!.id);
    expect(done.state).to.equal('completed');
    // The second round asked only for the failed order.
    expect(sent.filter((s) => s.endsWith('#2'))).to.deep.equal([`${bad}#2`]);
    expect((await api.getOrder(chosen[1]!.id)).version).to.equal(before.version);
    expect((await api.getOrder(bad)).archived).to.equal(true);
    await expectApiError(connector.retryBatch(batch!.id, { idempotencyKey: 'retry-2' }), 'refused');
  });

  it('turns a batch that does not finish in time into failed, "timed out", and offers retry', async () => {
    const { api, connector } = await setup({ latencyMs: [60_000, 60_000], timeoutMs: 20 });
    const chosen = pick(2);
    const { batch } = await connector.postOrders({ orderIds: chosen.map((o) => o.id) }, { idempotencyKey: 'post-t' });
    const done = await settled(connector, batch!.id);
    expect(done.state).to.equal('failed');
    expect(done.error).to.match(/timed out/i);
    expect(done.orders.every((o) => /timed out/i.test(o.error ?? ''))).to.equal(true);
    expect((await api.getOrder(chosen[0]!.id)).posting?.status).to.equal('failed');
  });

  it('resumes an in-progress batch when it opens again, and times out one that waited too long', async () => {
    const first = await setup({ latencyMs: [40, 40] });
    const chosen = pick(4);
    const a = await first.connector.postOrders({ orderIds: chosen.slice(0, 2).map((o) => o.id) }, { idempotencyKey: 'a' });
    first.connector.close(); // the page closed mid-post
    const again = await connect(first.api, admin, first.dbName, { latencyMs: [40, 40] });
    expect((await again.getBatch(a.batch!.id)).state).to.equal('in-progress');
    expect((await settled(again, a.batch!.id)).state).to.equal('completed');

    const slow = await connect(first.api, admin, first.dbName, { latencyMs: [60_000, 60_000] });
    const b = await slow.postOrders({ orderIds: chosen.slice(2).map((o) => o.id) }, { idempotencyKey: 'b' });
    slow.close();
    const later = new Date(Date.now() + 5 * 60_000);
    const reopened = await connect(first.api, admin, first.dbName, { now: () => later });
    const timedOut = await reopened.getBatch(b.batch!.id);
    expect(timedOut.state).to.equal('failed');
    expect(timedOut.error).to.match(/timed out/i);
    expect((await first.api.getOrder(chosen[3]!.id)).posting?.status).to.equal('failed');
  });

  it('posts once per idempotency key, and refuses a second post while one is in progress', async () => {
    const { connector } = await setup({ latencyMs: [60_000, 60_000] });
    const chosen = pick(2);
    const ids = chosen.map((o) => o.id);
    const one = await connector.postOrders({ orderIds: ids }, { idempotencyKey: 'same' });
    const two = await connector.postOrders({ orderIds: ids }, { idempotencyKey: 'same' });
    expect(two.batch?.id).to.equal(one.batch?.id);
    expect((await connector.listBatches({ offset: 0, limit: 10 })).total).to.equal(1);
    const second = await connector.postOrders({ orderIds: ids }, { idempotencyKey: 'other' });
    expect(second.batch).to.equal(undefined);
    expect(second.results.every((r) => !r.ok && r.error.code === 'refused')).to.equal(true);
    await expectApiError(connector.postOrders({ orderIds: ids }, { idempotencyKey: '' }), 'invalid-input');
  });

  it('posts exactly the orders of a query (a status tab)', async () => {
    const { api, connector } = await setup({ latencyMs: [60_000, 60_000] });
    const shipped = await api.listOrders({ tab: 'shipped' }, { offset: 0, limit: 500 });
    const { batch, results } = await connector.postOrders({ query: { tab: 'shipped' } }, { idempotencyKey: 'tab' });
    const expected = shipped.items.filter((o) => o.posting?.status !== 'in-progress' && !(o.posting?.status === 'completed' && !o.posting.stale)).map((o) => o.id).sort();
    expect(results.length).to.equal(shipped.total);
    expect(batch!.orders.map((o) => o.orderId).sort()).to.deep.equal(expected);
  });

  it('keeps to the viewer scope: staff see only batches and orders of their stores, and may not post', async () => {
    const engineDb = uniqueDbName('acc-scope');
    const boss = await setup({ engineDb: undefined, dbName: `${engineDb}-accounting` });
    const mine = pick(1, staff)[0]!;
    const theirs = orders.find((o) => postable(o) && !staff.storeIds.includes(o.storeId))!;
    const both = await boss.connector.postOrders({ orderIds: [mine.id, theirs.id] }, { idempotencyKey: 'boss' });
    expect(both.batch?.count).to.equal(2);
    const other = orders.find((o) => postable(o) && !staff.storeIds.includes(o.storeId) && o.id !== theirs.id)!;
    const onlyTheirs = await boss.connector.postOrders({ orderIds: [other.id] }, { idempotencyKey: 'boss-2' });

    const staffApi = await openApi({ preset: 'marketplace', viewer: staff, dbName: boss.engineDb });
    const staffConnector = await connect(staffApi, staff, boss.dbName);
    const history = await staffConnector.listBatches({ offset: 0, limit: 10 });
    expect(history.total).to.equal(1);
    expect(history.items[0]?.orders.map((o) => o.orderId)).to.deep.equal([mine.id]);
    await expectApiError(staffConnector.getBatch(onlyTheirs.batch!.id), 'not-found');
    // Staff may not post at all (orders.post is an admin permission); retry is posting too.
    await expectApiError(staffConnector.postOrders({ orderIds: [mine.id] }, { idempotencyKey: 'staff' }), 'forbidden');
    await expectApiError(staffConnector.retryBatch(both.batch!.id, { idempotencyKey: 'staff-retry' }), 'forbidden');
  });

  it('seeds completed, failed and in-progress batches from demo orders, and the in-progress ones resolve', async () => {
    const demo = generateOrders({ preset: 'marketplace', count: 1000, seed: 1 });
    const now = new Date();
    const records = batchesFromOrders(demo, now, () => 10);
    const states = new Set(records.map((r) => r.state));
    expect([...states].sort()).to.deep.equal(['completed', 'failed', 'in-progress']);
    const posted = demo.filter((o) => o.posting).length;
    expect(records.reduce((n, r) => n + r.orders.length, 0)).to.equal(posted);

    const engineDb = uniqueDbName('acc-seed');
    const api = await openApi({ preset: 'marketplace', viewer: admin, dbName: engineDb });
    await api.seed({ orders: demo });
    accountingDbs.push(`${engineDb}-accounting`);
    const connector = await connect(api, admin, `${engineDb}-accounting`, { latencyMs: [10, 10] });
    await connector.seedFromOrders(demo);
    const open = (await connector.listBatches({ offset: 0, limit: 1000 })).items.filter((b) => b.state === 'in-progress');
    expect(open.length).to.be.greaterThan(0);
    const resolved = await Promise.all(open.map((b) => settled(connector, b.id)));
    expect(resolved.every((b) => b.state === 'completed')).to.equal(true);
  });
});
