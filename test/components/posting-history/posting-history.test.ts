import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../../src/components/order-admin/define.js';
import '../../../src/components/posting-history/define.js';
import type { OrderAdmin } from '../../../src/components/order-admin/order-admin.js';
import type { PostingHistory } from '../../../src/components/posting-history/posting-history.js';
import { createSimulatedAccounting, type SimulatedAccounting } from '../../../src/api/accounting/simulated.js';
import type {
  AccountingConnector,
  PostingBatch,
  PostingChangeEvent,
  PostingHistoryPage,
} from '../../../src/api/accounting/types.js';
import type { LocalOrderApi } from '../../../src/api/local/local-api.js';
import { OrderApiError } from '../../../src/api/types.js';
import { generateOrders } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { admin, cleanup, openApi, staff, uniqueDbName } from '../../api/helpers.js';
import { eventually } from '../../state/backend.js';

const workflow = getPreset('marketplace');
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A connector whose batches the test sets; records retries. */
class FakeConnector implements AccountingConnector {
  readonly capabilities = { history: true, retry: true, realtime: true };
  readonly systemName = 'SQL Account';
  batches: PostingBatch[] = [];
  retried: string[] = [];
  private readonly listeners = new Set<(e: PostingChangeEvent) => void>();

  async postOrders(): Promise<never> {
    throw new OrderApiError({ code: 'unavailable', message: 'not in this test' });
  }

  async retryBatch(batchId: string): Promise<PostingBatch> {
    this.retried.push(batchId);
    const batch = this.batches.find((b) => b.id === batchId)!;
    const next: PostingBatch = { ...batch, state: 'in-progress', orders: batch.orders.map((o) => (o.state === 'failed' ? { ...o, state: 'in-progress', attempts: o.attempts + 1 } : o)) };
    this.set(next);
    return next;
  }

  async listBatches(page: { offset: number; limit: number }): Promise<PostingHistoryPage> {
    return { items: this.batches.slice(page.offset, page.offset + page.limit), total: this.batches.length, offset: page.offset };
  }

  async getBatch(id: string): Promise<PostingBatch> {
    return this.batches.find((b) => b.id === id)!;
  }

  subscribe(listener: (e: PostingChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(batch: PostingBatch): void {
    this.batches = this.batches.map((b) => (b.id === batch.id ? batch : b));
    for (const l of this.listeners) l({ type: 'batch-updated', batch });
  }
}

const by = { id: 'u-admin', name: 'Ayu' };
const batches = (): PostingBatch[] => [
  {
    id: 'pb_3',
    state: 'in-progress',
    createdAt: '2026-11-22T10:00:00Z',
    sentAt: '2026-11-22T10:00:00Z',
    postedBy: by,
    count: 1,
    orders: [{ orderId: 'o1', orderNumber: '#1001', storeId: 'st_jkt', state: 'in-progress', attempts: 1 }],
  },
  {
    id: 'pb_2',
    state: 'failed',
    createdAt: '2026-11-21T10:00:00Z',
    sentAt: '2026-11-21T10:00:00Z',
    settledAt: '2026-11-21T10:00:05Z',
    postedBy: by,
    count: 2,
    orders: [
      { orderId: 'o2', orderNumber: '#1002', storeId: 'st_jkt', state: 'completed', reference: 'IV-000123', attempts: 1 },
      { orderId: 'o3', orderNumber: '#1003', storeId: 'st_jkt', state: 'failed', error: 'Customer code missing in SQL Account', attempts: 1 },
    ],
  },
  {
    id: 'pb_1',
    state: 'completed',
    createdAt: '2026-11-20T10:00:00Z',
    sentAt: '2026-11-20T10:00:00Z',
    settledAt: '2026-11-20T10:00:05Z',
    postedBy: by,
    count: 1,
    orders: [{ orderId: 'o4', orderNumber: '#1004', storeId: 'st_jkt', state: 'completed', reference: 'IV-000124', attempts: 1 }],
  },
];

describe('<posting-history>', () => {
  let api: LocalOrderApi;
  let store: OrderStore;
  let connector: FakeConnector;

  async function mount(viewer: Viewer = admin): Promise<PostingHistory> {
    api = await openApi({ preset: 'marketplace', viewer });
    connector = new FakeConnector();
    connector.batches = batches();
    store = createOrderStore({ api, workflow, viewer, accounting: connector });
    const el = await fixture<PostingHistory>(html`<posting-history .store=${store}></posting-history>`);
    await eventually(() => el.shadowRoot!.querySelectorAll('[part~="batch"]').length === 3);
    return el;
  }

  afterEach(async () => {
    store?.dispose();
    await cleanup();
  });

  const batch = (el: PostingHistory, id: string): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>(`[aria-labelledby="batch-${id}"]`)!;

  it('shows each batch newest first with its state in words and an icon, count, orders and per-order errors', async () => {
    const el = await mount();
    const items = [...el.shadowRoot!.querySelectorAll('[part~="batch"]')];
    expect(items.map((b) => text(b.querySelector('[part~="state"]')))).to.deep.equal(['In progress', 'Failed', 'Completed']);
    expect(items.every((b) => b.querySelector('[part~="state"] svg'))).to.equal(true);
    expect(text(batch(el, 'pb_2'))).to.include('2 orders');
    expect(text(batch(el, 'pb_2'))).to.include('1 of 2 failed.');
    expect(text(batch(el, 'pb_2').querySelector('[part~="order-error"]'))).to.equal('Customer code missing in SQL Account');
    // Failed orders come first in the batch's list.
    expect(text(batch(el, 'pb_2').querySelector('[part~="order-button"]'))).to.equal('#1003');
    expect(text(batch(el, 'pb_1'))).to.include('IV-000124');
    expect(text(el.shadowRoot!.querySelector('[part~="heading"]'))).to.include('SQL Account');
    await expect(el).to.be.accessible();
  });

  it('offers Retry only on the failed batch; Retry sends it and the batch turns in progress', async () => {
    const el = await mount();
    const retries = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="retry-button"]');
    expect(retries.length).to.equal(1);
    expect(text(retries[0])).to.equal('Retry failed orders (1)');
    retries[0]!.click();
    await eventually(() => connector.retried.length === 1);
    expect(connector.retried).to.deep.equal(['pb_2']);
    await eventually(() => text(batch(el, 'pb_2').querySelector('[part~="state"]')) === 'In progress');
    expect(batch(el, 'pb_2').querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('updates live: a batch that completes turns green with its words', async () => {
    const el = await mount();
    const done = { ...connector.batches[0]!, state: 'completed' as const, orders: [{ ...connector.batches[0]!.orders[0]!, state: 'completed' as const, reference: 'IV-9' }] };
    connector.set(done);
    await eventually(() => text(batch(el, 'pb_3').querySelector('[part~="state"]')) === 'Completed');
    expect(batch(el, 'pb_3').getAttribute('part')).to.equal('batch completed');
  });

  it('opens an order from a batch with order-open', async () => {
    const el = await mount();
    const button = batch(el, 'pb_1').querySelector<HTMLButtonElement>('[part~="order-button"]')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'order-open');
    expect(event.detail.orderId).to.equal('o4');
    expect(event.composed).to.equal(true);
  });

  it('works by keyboard: Tab to Retry and press Enter', async () => {
    const el = await mount();
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    // Start just before the failed batch's Retry: the last control of the batch above (its disclosure).
    batch(el, 'pb_3').querySelector<HTMLElement>('summary')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    await sendKeys({ press: 'Enter' });
    await eventually(() => connector.retried.length === 1);
  });

  it('offers no Retry to a viewer who may not post, and says so when there is no connector', async () => {
    const el = await mount(staff);
    expect(el.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    const bare = createOrderStore({ api, workflow, viewer: admin });
    const none = await fixture<PostingHistory>(html`<posting-history .store=${bare}></posting-history>`);
    expect(text(none.shadowRoot!.querySelector('[part~="empty"]'))).to.equal('Posting history is not available with this backend.');
    await expect(none).to.be.accessible();
    bare.dispose();
  });
});

describe('<order-admin> accounting posting', () => {
  const orders = generateOrders({ preset: 'marketplace', count: 200, seed: 11 });
  let api: LocalOrderApi;
  let accounting: SimulatedAccounting;
  let accountingDb: string;

  afterEach(async () => {
    accounting?.close();
    await cleanup();
    await deleteDB(accountingDb);
  });

  async function mount(): Promise<OrderAdmin> {
    const dbName = uniqueDbName('admin-posting');
    accountingDb = `${dbName}-accounting`;
    api = await openApi({ preset: 'marketplace', viewer: admin, dbName });
    await api.seed({ orders });
    accounting = await createSimulatedAccounting({ orders: api, viewer: admin, dbName: accountingDb, latencyMs: [20, 20], failureRate: 0 });
    const el = await fixture<OrderAdmin>(html`<order-admin routing="memory" preset="marketplace" .api=${api} .viewer=${admin} .accounting=${accounting}></order-admin>`);
    await eventually(() => el.current?.snapshot.counts.values !== undefined);
    return el;
  }

  const post = (el: OrderAdmin): HTMLButtonElement | null => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="post-button"]');

  it('"Post Order" on the Shipped tab posts exactly that tab\'s orders, shows the history, and they end up Archived', async () => {
    const el = await mount();
    expect(post(el)).to.equal(null); // the first tab (All) is not posted from
    el.current.setTab('shipped');
    const shipped = (await api.listOrders({ tab: 'shipped' }, { offset: 0, limit: 500 })).items.map((o) => o.id).sort();
    await eventually(() => text(post(el)) === `Post Order (${shipped.length})`);
    post(el)!.click();
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.posting-dialog')!;
    await eventually(() => dialog.open);
    const batch = (await accounting.listBatches({ offset: 0, limit: 5 })).items[0]!;
    expect(batch.orders.map((o) => o.orderId).sort()).to.deep.equal(shipped);
    const history = el.shadowRoot!.querySelector<PostingHistory>('posting-history')!;
    await eventually(() => text(history.shadowRoot!.querySelector(`[aria-labelledby="batch-${batch.id}"] [part~="state"]`)) === 'Completed');
    const status = el.shadowRoot!.querySelector('[part~="posting-status-button"]');
    await eventually(() => text(status) === 'Posting: all completed');
    expect(text(el.shadowRoot!.querySelector('.posting-message[role="status"]'))).to.equal(`Posting of ${shipped.length} orders completed.`);
    await expect(el).to.be.accessible();
    const archived = (await api.listOrders({ tab: 'archived' }, { offset: 0, limit: 1000 })).items.map((o) => o.id);
    expect(shipped.every((id) => archived.includes(id))).to.equal(true);
    await eventually(() => el.current.snapshot.counts.values?.['shipped'] === 0);
  });

  it('opening an order from the history closes it and shows the order', async () => {
    const el = await mount();
    el.current.setTab('delivered');
    await eventually(() => /^Post Order \(\d+\)$/.test(text(post(el))));
    post(el)!.click();
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.posting-dialog')!;
    await eventually(() => dialog.open && !!el.shadowRoot!.querySelector('posting-history')?.shadowRoot?.querySelector('[part~="order-button"]'));
    const button = el.shadowRoot!.querySelector('posting-history')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="order-button"]')!;
    button.click();
    await eventually(() => !dialog.open && el.route.startsWith('orders/'));
    await expect(el).to.be.accessible();
  });

  it('an order changed after posting is back in the active list, marked "Changed" in its row', async () => {
    const el = await mount();
    el.current.setTab('delivered');
    const [first] = (await api.listOrders({ tab: 'delivered' }, { offset: 0, limit: 1 })).items;
    el.current.selectIds([first!.id]);
    await eventually(() => text(post(el)) === 'Post Order (1 selected)');
    post(el)!.click();
    await eventually(() => el.current.getCached(first!.id)?.posting?.status === 'completed' && el.current.getCached(first!.id)?.archived === true);
    await el.current.runAction(first!.id, 'complete');
    expect(el.current.getCached(first!.id)?.archived).to.equal(false);
    el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.posting-dialog')?.close();
    el.current.setTab('completed');
    el.current.setQuery({ search: first!.number });
    const table = el.shadowRoot!.querySelector('order-table')!;
    await eventually(() => [...table.shadowRoot!.querySelectorAll('.posting-mark')].some((m) => text(m) === 'Changed' && m.getAttribute('title') === 'Changed after posting'));
  });
});
