import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { firstValueFrom, filter, timeout } from 'rxjs';
import { createSimulatedAccounting, type SimulatedAccounting } from '../../src/api/accounting/simulated.js';
import type { LocalOrderApi } from '../../src/api/local/local-api.js';
import { generateOrders } from '../../src/model/generate.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Order } from '../../src/model/types.js';
import type { PostingHistoryState } from '../../src/state/postings.js';
import { createOrderStore } from '../../src/state/store.js';
import type { OrderStore } from '../../src/state/types.js';
import { admin, cleanup, openApi, uniqueDbName } from '../api/helpers.js';

const workflow = getPreset('marketplace');
const seeded = generateOrders({ preset: 'marketplace', count: 300, seed: 9 });

describe('order store: accounting posting', () => {
  let api: LocalOrderApi;
  let accounting: SimulatedAccounting;
  let store: OrderStore;
  let accountingDb: string;

  async function open(outcome: (orderId: string, attempt: number) => string | undefined = () => undefined): Promise<void> {
    const dbName = uniqueDbName('store-posting');
    accountingDb = `${dbName}-accounting`;
    api = await openApi({ preset: 'marketplace', viewer: admin, dbName });
    await api.seed({ orders: seeded });
    accounting = await createSimulatedAccounting({ orders: api, viewer: admin, dbName: accountingDb, latencyMs: [10, 10], outcome });
    store = createOrderStore({ api, workflow, viewer: admin, accounting, refreshDelayMs: 10, query: { tab: 'shipped' } });
  }

  afterEach(async () => {
    store?.dispose();
    accounting?.close();
    await cleanup();
    await deleteDB(accountingDb);
  });

  const history = (predicate: (s: PostingHistoryState) => boolean): Promise<PostingHistoryState> =>
    firstValueFrom(store.postings$.pipe(filter(predicate), timeout(8000)));

  const ids = async (tab: string): Promise<string[]> => (await api.listOrders({ tab }, { offset: 0, limit: 1000 })).items.map((o) => o.id).sort();

  it('postOrders({ query }) posts exactly the tab\'s orders; the history shows the batch turn completed; they move to Archived', async () => {
    await open();
    const shipped = await ids('shipped');
    expect(shipped.length).to.be.greaterThan(1);
    const archivedBefore = await ids('archived');
    const watching = history((s) => s.batches !== undefined);
    await watching;
    const result = await store.postOrders({ query: { tab: 'shipped' } });
    expect(result.batch?.orders.map((o) => o.orderId).sort()).to.deep.equal(shipped);
    const inProgress = await history((s) => s.batches?.[0]?.id === result.batch?.id);
    expect(inProgress.batches?.[0]?.state).to.be.oneOf(['in-progress', 'completed']);
    const done = await history((s) => s.batches?.[0]?.id === result.batch?.id && s.batches?.[0]?.state === 'completed');
    expect(done.total).to.equal(1);
    expect(await ids('shipped')).to.deep.equal([]);
    const archived = await ids('archived');
    expect(archived.filter((id) => !archivedBefore.includes(id)).sort()).to.deep.equal(shipped);
  });

  it('a bulk "Post Order" on the selection is one posting batch of exactly the selected orders', async () => {
    await open();
    const shipped = await ids('shipped');
    const chosen = shipped.slice(0, 2);
    store.selectIds(chosen);
    const results = await store.runBulkAction('post-accounting');
    expect(results.map((r) => r.orderId).sort()).to.deep.equal(chosen);
    expect(results.every((r) => r.ok && r.order.posting?.status === 'in-progress')).to.equal(true);
    const page = await accounting.listBatches({ offset: 0, limit: 5 });
    expect(page.total).to.equal(1);
    expect(page.items[0]?.orders.map((o) => o.orderId).sort()).to.deep.equal(chosen);
  });

  it('a single "Post Order" goes through the connector too, and a refusal is the order\'s error', async () => {
    await open();
    const [id] = await ids('shipped');
    const order = await store.runAction(id!, 'post-accounting');
    expect(order.posting?.status).to.equal('in-progress');
    expect((await accounting.listBatches({ offset: 0, limit: 5 })).total).to.equal(1);
    let refused: unknown;
    await store.runAction(id!, 'post-accounting').catch((e: unknown) => (refused = e));
    expect((refused as { code?: string } | undefined)?.code).to.equal('refused');
    expect(store.snapshot.errors.some((e) => e.kind === 'action' && e.orderId === id)).to.equal(true);
  });

  it('retryPosting sends the failed orders again; the batch turns completed', async () => {
    const failOnce = new Set<string>();
    await open((orderId, attempt) => (failOnce.has(orderId) && attempt === 1 ? 'Customer code missing in SQL Account' : undefined));
    const shipped = await ids('shipped');
    failOnce.add(shipped[0]!);
    await history((s) => s.batches !== undefined);
    const { batch } = await store.postOrders({ orderIds: shipped.slice(0, 3) });
    const failed = await history((s) => s.batches?.[0]?.id === batch?.id && s.batches?.[0]?.state === 'failed');
    expect(failed.batches?.[0]?.orders.filter((o) => o.state === 'failed').map((o) => o.orderId)).to.deep.equal([shipped[0]]);
    await store.retryPosting(batch!.id);
    await history((s) => s.batches?.[0]?.id === batch?.id && s.batches?.[0]?.state === 'completed');
    expect((await api.getOrder(shipped[0]!)).archived).to.equal(true);
  });

  it('an order changed after posting leaves Archived for the active list, its posting marked stale', async () => {
    await open();
    const delivered: Order | undefined = (await api.listOrders({ tab: 'delivered' }, { offset: 0, limit: 1 })).items[0];
    await history((s) => s.batches !== undefined);
    const { batch } = await store.postOrders({ orderIds: [delivered!.id] });
    await history((s) => s.batches?.[0]?.id === batch?.id && s.batches?.[0]?.state === 'completed');
    expect(await ids('archived')).to.include(delivered!.id);
    const changed = await store.runAction(delivered!.id, 'complete');
    expect(changed.archived).to.equal(false);
    expect(changed.posting?.stale).to.equal(true);
    expect(await ids('archived')).not.to.include(delivered!.id);
    expect(await ids('completed')).to.include(delivered!.id);
  });

  it('without a connector, posting commands fail clearly and the history stays empty', async () => {
    const dbName = uniqueDbName('store-no-posting');
    accountingDb = `${dbName}-none`;
    api = await openApi({ preset: 'marketplace', viewer: admin, dbName });
    store = createOrderStore({ api, workflow, viewer: admin });
    expect(store.accounting).to.equal(undefined);
    let error: unknown;
    await store.postOrders({ query: { tab: 'shipped' } }).catch((e: unknown) => (error = e));
    expect((error as { code?: string }).code).to.equal('unavailable');
    expect((await firstValueFrom(store.postings$)).batches).to.equal(undefined);
  });
});
