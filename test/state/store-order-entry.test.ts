/** Store commands for order entry: searches where a newer one cancels the older, creates and edits by key. */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createLocalApi, type LocalOrderApi } from '../../src/api/index.js';
import type { ChangeEvent, ProductMatch, ProductSearchScope, RequestOptions } from '../../src/api/types.js';
import { demoCatalog } from '../../src/model/csv/catalog.js';
import { demoStores, demoViewers } from '../../src/model/generate.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';
import { createOrderStore } from '../../src/state/store.js';
import { SpyApi } from './spy-api.js';

const admin = demoViewers.find((v) => v.id === 'usr_admin') as Viewer;
const workflow = getPreset('cod-delivery');

/** Tells every change as a server would (origin `server`), as the REST adapter does. */
class ServerEvents extends SpyApi {
  override subscribe(listener: (event: ChangeEvent) => void): () => void {
    return super.subscribe((e) => listener(e.type === 'reset' ? e : { ...e, origin: 'server' }));
  }
}

class SlowSearch extends SpyApi {
  signals: AbortSignal[] = [];
  override async searchProducts(query: string, scope: ProductSearchScope, options?: RequestOptions): Promise<readonly ProductMatch[]> {
    if (options?.signal) this.signals.push(options.signal);
    await new Promise((r) => setTimeout(r, query === 'slow' ? 60 : 0));
    return super.searchProducts(query, scope, options);
  }
}

describe('store: order entry commands', () => {
  let local: LocalOrderApi;
  let dbName: string;

  beforeEach(async () => {
    dbName = `store-entry-${crypto.randomUUID()}`;
    local = await createLocalApi({ workflow, viewer: admin, dbName, stores: demoStores, catalog: demoCatalog() });
    await local.seed({ preset: 'cod-delivery', count: 30, seed: 2 });
  });

  afterEach(async () => {
    local.close();
    await deleteDB(dbName);
  });

  it('a newer product search aborts the older: the older rejects with aborted, the newer answers', async () => {
    const api = new SlowSearch(local);
    const store = createOrderStore({ api, workflow, viewer: admin });
    const first = store.searchProducts('slow', 'st_jkt');
    const second = store.searchProducts('tote', 'st_jkt');
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).to.equal('rejected');
    expect((a as PromiseRejectedResult).reason.code).to.equal('aborted');
    expect(api.signals[0]?.aborted).to.equal(true);
    expect((b as PromiseFulfilledResult<readonly ProductMatch[]>).value.map((p) => p.name)).to.deep.equal(['Linen Tote Bag']);
    store.dispose();
  });

  it('createOrder with one key sends once while in flight; updateOrder caches the result and the conflict’s current order', async () => {
    const api = new SpyApi(local);
    const store = createOrderStore({ api, workflow, viewer: admin });
    const draft = {
      channel: 'phone', storeId: 'st_jkt', customer: { name: 'Dewi' }, currency: 'IDR',
      lines: [{ sku: 'KOP-CB-1L', name: 'Cold Brew', unitPrice: { amount: 240000, currency: 'IDR' }, quantity: 1 }],
    };
    const [x, y] = await Promise.all([store.createOrder(draft, { idempotencyKey: 'k1' }), store.createOrder(draft, { idempotencyKey: 'k1' })]);
    expect(x.id).to.equal(y.id);
    expect(api.calls.createOrder).to.have.length(1);
    const edited = await store.updateOrder(x.id, { note: 'Ring twice' }, { expectedVersion: x.version });
    expect(store.getCached(x.id)?.note).to.equal('Ring twice');
    let error: { code?: string; current?: Order } = {};
    try {
      await store.updateOrder(x.id, { note: 'stale' }, { expectedVersion: x.version });
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.code).to.equal('conflict');
    expect(error.current?.version).to.equal(edited.version);
    store.dispose();
  });

  it('does not announce as new an order this store created, even when its event comes first; others are announced', async () => {
    const api = new ServerEvents(local);
    const store = createOrderStore({ api, workflow, viewer: admin });
    const draft = {
      channel: 'walk-in', storeId: 'st_jkt', customer: { name: 'Sinta' }, currency: 'IDR',
      lines: [{ sku: 'LIN-TOTE-NAT', name: 'Tote', unitPrice: { amount: 224000, currency: 'IDR' }, quantity: 1 }],
    };
    const mine = await store.createOrder(draft, { idempotencyKey: 'mine-1' });
    const other = await local.createOrder({ ...draft, customer: { name: 'Buyer' } }, { idempotencyKey: 'other-1' });
    const ids = await new Promise<string[]>((resolve) => {
      const sub = store.notifications$.subscribe((n) => {
        if (n.length > 0) {
          resolve(n.map((x) => x.orderId));
          queueMicrotask(() => sub.unsubscribe());
        }
      });
    });
    expect(ids).to.include(other.id);
    expect(ids).not.to.include(mine.id);
    store.dispose();
  });
});
