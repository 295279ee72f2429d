import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/order-payments/define.js';
import { OrderPayments } from '../../../src/components/order-payments/define.js';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import type { PaymentQuery } from '../../../src/api/types.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { recompute } from '../../../src/model/derive.js';
import { demoStores, generateOrders } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Order, Payment } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { admin, openBackend, type Backend } from '../../state/backend.js';
import { allOrders, choose, ListSpy, type, waitFor } from '../order-shipments/helpers.js';

type Row = { order: Order; payment: Payment };

/** The payments the backend holds, as the view should list them: newest first, ties by id. */
function expected(orders: readonly Order[], keep: (row: Row) => boolean = () => true): Row[] {
  return orders
    .filter((o) => o.deletedAt === undefined)
    .flatMap((order) => order.payments.map((payment) => ({ order, payment })))
    .filter(keep)
    .sort((a, b) => Date.parse(b.payment.at) - Date.parse(a.payment.at) || (a.payment.id < b.payment.id ? -1 : 1));
}

/** Received money per currency and method, added up here in integers from the orders themselves. */
function sums(rows: readonly Row[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const { order, payment } of rows) {
    if (payment.status !== 'succeeded') continue;
    expect(payment.amount.currency).to.equal(order.currency);
    const byMethod = out.get(order.currency) ?? new Map<string, number>();
    byMethod.set(payment.method, (byMethod.get(payment.method) ?? 0) + payment.amount.amount);
    out.set(order.currency, byMethod);
  }
  return out;
}

const $ = <T extends Element = HTMLElement>(el: OrderPayments, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OrderPayments, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const part = <T extends Element = HTMLElement>(el: OrderPayments, name: string): T | null => $<T>(el, `[part~="${name}"]`);
const rowIds = (el: OrderPayments): string[] => $$(el, '[part~="row"][data-payment]').map((r) => r.dataset['payment']!);
const rangeText = (el: OrderPayments): string => part(el, 'pagination')?.querySelector('.range')?.textContent?.trim() ?? '';

/** The totals strip as currency → { total, method → text }. */
function strip(el: OrderPayments): Map<string, { total: string; methods: Map<string, string> }> {
  const out = new Map<string, { total: string; methods: Map<string, string> }>();
  for (const group of $$(el, '[part~="currency-total"]')) {
    const currency = /in (\w{3})$/.exec(group.getAttribute('aria-label')!)![1]!;
    const total = group.querySelector('[part~="grand-total"] dd')!.textContent!.trim();
    const methods = new Map([...group.querySelectorAll<HTMLElement>('[part~="method-total"]')].map((m) => [m.dataset['method']!, m.querySelector('dd')!.textContent!.trim()]));
    out.set(currency, { total, methods });
  }
  return out;
}

/** The strip shows exactly these sums: one group per currency, each method's exact amount, the currency's own total. */
function expectStrip(el: OrderPayments, want: Map<string, Map<string, number>>): void {
  const shown = strip(el);
  expect([...shown.keys()].sort()).to.deep.equal([...want.keys()].sort());
  for (const [currency, byMethod] of want) {
    const group = shown.get(currency)!;
    expect([...group.methods.keys()].sort(), currency).to.deep.equal([...byMethod.keys()].sort());
    let total = 0;
    for (const [method, amount] of byMethod) {
      expect(group.methods.get(method), `${currency} ${method}`).to.equal(formatMoney({ amount, currency }));
      total += amount;
    }
    expect(group.total, `${currency} total`).to.equal(formatMoney({ amount: total, currency }));
  }
}

async function settled(el: OrderPayments): Promise<void> {
  await el.updateComplete;
  await waitFor(() => part(el, 'table')?.getAttribute('aria-busy') === 'false' || !!part(el, 'error-state'));
  await el.updateComplete;
}

describe('<order-payments>', () => {
  let backend: Backend;
  let api: ListSpy;
  let store: OrderStore;

  before(async () => {
    backend = await openBackend(160);
  });

  after(async () => {
    await backend.close();
  });

  beforeEach(() => {
    api = new ListSpy(backend.spy.inner);
    store = createOrderStore({ api, workflow: backend.workflow, viewer: backend.viewer, refreshDelayMs: 20 });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    await setLocale('en');
  });

  async function mount(query: PaymentQuery = {}, pageSize = 50, s: OrderStore = store): Promise<OrderPayments> {
    const el = await fixture<OrderPayments>(
      html`<order-payments .store=${s} .stores=${demoStores} .query=${query} page-size=${pageSize} time-zone="UTC"></order-payments>`,
    );
    await settled(el);
    return el;
  }

  it('lists every payment newest first, and totals per method and currency exactly as the orders add up; passes axe', async () => {
    expect(customElements.get('order-payments')).to.equal(OrderPayments);
    const orders = await allOrders(backend.spy.inner);
    const all = expected(orders);
    expect(all.length).to.be.greaterThan(20);
    const el = await mount({}, 20);
    expect(rangeText(el)).to.equal(`1–20 of ${all.length}`);
    expect(rowIds(el)).to.deep.equal(all.slice(0, 20).map((r) => r.payment.id));
    expect(api.paymentCalls.at(-1)!.page).to.deep.equal({ offset: 0, limit: 20 });

    const want = sums(all);
    expect(want.size, 'several currencies in the demo stores').to.be.greaterThan(1);
    expectStrip(el, want);

    const first = all[0]!;
    const row = $(el, `[data-payment="${first.payment.id}"]`)!;
    expect(row.querySelector('[part~="amount-cell"]')!.textContent!.trim()).to.equal(formatMoney(first.payment.amount));
    expect(row.querySelector('[part~="order-link"]')!.textContent!.trim()).to.equal(first.order.number);
    expect(row.querySelector('[part~="status-badge"]')!.textContent!.trim()).to.equal('Received');
    expect($$(el, 'th[scope="col"]').map((th) => th.textContent!.trim())).to.deep.equal(['Date', 'Order', 'Store', 'Method', 'Reference', 'Status', 'Amount']);
    expect(part(el, 'table')!.querySelector('caption')!.textContent!.trim()).to.equal('Payments');
    await expect(el).to.be.accessible();
  });

  it('filters by method (several), date range and store; rows and totals narrow together', async () => {
    const orders = await allOrders(backend.spy.inner);
    const all = expected(orders);
    const el = await mount({}, 500);

    const methods = [...new Set(all.map((r) => r.payment.method))];
    expect(methods.length).to.be.greaterThan(1);
    const pick = methods.slice(0, 2);
    part(el, 'method-button')!.click();
    await el.updateComplete;
    const menu = part(el, 'method-menu')!;
    setTimeout(() => menu.querySelector<HTMLInputElement>(`input[value="${pick[0]}"]`)!.click());
    const event = await oneEvent(el, 'filter-change');
    expect(event.detail.query).to.deep.equal({ method: [pick[0]] });
    await settled(el);
    menu.querySelector<HTMLInputElement>(`input[value="${pick[1]}"]`)!.click();
    await settled(el);
    const byMethod = expected(orders, (r) => pick.includes(r.payment.method));
    expect(byMethod.length).to.be.lessThan(all.length);
    expect(rowIds(el)).to.deep.equal(byMethod.map((r) => r.payment.id));
    expectStrip(el, sums(byMethod));

    // A custom day range on top.
    const days = [...new Set(byMethod.map((r) => r.payment.at.slice(0, 10)))].sort();
    const [start, end] = [days[Math.floor(days.length / 4)]!, days[Math.floor((3 * days.length) / 4)]!];
    choose(part<HTMLSelectElement>(el, 'date-select')!, 'custom');
    await el.updateComplete;
    const [from, to] = $$<HTMLInputElement>(el, '[part~="date-input"]');
    type(from!, start);
    await settled(el);
    type(to!, end);
    await settled(el);
    const inRange = (r: Row): boolean => pick.includes(r.payment.method) && r.payment.at.slice(0, 10) >= start && r.payment.at.slice(0, 10) <= end;
    expect(rowIds(el)).to.deep.equal(expected(orders, inRange).map((r) => r.payment.id));
    expectStrip(el, sums(expected(orders, inRange)));

    // One store: a single currency, keyed by bare method in the backend's totals.
    const storeId = byMethod[0]!.order.storeId;
    choose(part<HTMLSelectElement>(el, 'store-select')!, storeId);
    await settled(el);
    const inStore = expected(orders, (r) => inRange(r) && r.order.storeId === storeId);
    expect(rowIds(el)).to.deep.equal(inStore.map((r) => r.payment.id));
    expectStrip(el, sums(inStore));
    expect([...el.query.method!].sort()).to.deep.equal([...pick].sort());
    expect({ ...el.query, method: pick }).to.deep.equal({ method: pick, from: `${start}T00:00:00.000Z`, to: new Date(Date.parse(`${end}T00:00:00.000Z`) + 86_400_000).toISOString(), storeIds: [storeId] });

    part(el, 'clear-button')!.click();
    await settled(el);
    expect(rowIds(el)).to.have.length(all.length);
  });

  it('pages with Previous / Next, one page per request', async () => {
    const all = expected(await allOrders(backend.spy.inner));
    const el = await mount({}, 25);
    part(el, 'next-button')!.click();
    await settled(el);
    expect(rangeText(el)).to.equal(`26–50 of ${all.length}`);
    expect(rowIds(el)).to.deep.equal(all.slice(25, 50).map((r) => r.payment.id));
    expect(api.paymentCalls.at(-1)!.page).to.deep.equal({ offset: 25, limit: 25 });
    part(el, 'previous-button')!.click();
    await settled(el);
    expect(rowIds(el)).to.deep.equal(all.slice(0, 25).map((r) => r.payment.id));
  });

  it('refetches rows and totals after a payment is recorded elsewhere', async () => {
    const el = await mount({}, 10);
    const orders = await allOrders(backend.spy.inner);
    const unpaid = orders.find((o) => o.status === 'awaiting-payment' && o.totals.outstanding.amount > 0)!;
    const peer = (await backend.peer()) as LocalOrderApi;
    const calls = api.paymentCalls.length;
    const paid = await peer.runAction(
      { orderId: unpaid.id, action: 'mark-paid', input: { method: 'cash', reference: 'KAS-9' }, expectedVersion: unpaid.version },
      { idempotencyKey: crypto.randomUUID() },
    );
    await waitFor(() => api.paymentCalls.length > calls);
    await settled(el);
    const all = expected(await allOrders(backend.spy.inner));
    expect(all.some((r) => r.order.id === paid.id && r.payment.reference === 'KAS-9')).to.equal(true);
    expect(rowIds(el)).to.deep.equal(all.slice(0, 10).map((r) => r.payment.id));
    expectStrip(el, sums(all));
  });

  it('opens an order from its row with order-open', async () => {
    const el = await mount({}, 10);
    const link = part(el, 'order-link')!;
    const id = link.closest<HTMLElement>('[part~="row"]')!.dataset['payment']!;
    const owner = (await allOrders(backend.spy.inner)).find((o) => o.payments.some((p) => p.id === id))!;
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'order-open');
    expect(event.detail).to.deep.equal({ orderId: owner.id });
  });

  it('a failed load shows the error with Retry, and Retry loads rows and totals', async () => {
    api.failList('listPayments');
    const el = await fixture<OrderPayments>(html`<order-payments .store=${store}></order-payments>`);
    await waitFor(() => !!part(el, 'error-state'));
    expect(part(el, 'error-state')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error-state')!.textContent).to.contain('The payments could not be loaded.');
    expect(part(el, 'totals')).to.equal(null);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await settled(el);
    expect(part(el, 'error-state')).to.equal(null);
    expect(rowIds(el).length).to.be.greaterThan(0);
    expect(part(el, 'totals')).not.to.equal(null);
  });

  describe('with pending, failed and hostile entries', () => {
    let local: LocalOrderApi;
    let mixed: OrderStore;
    let orders: Order[];
    const dbName = `orderdeck-payments-mixed-${crypto.randomUUID()}`;

    before(async () => {
      const workflow = getPreset('payment-fulfillment');
      orders = generateOrders({ preset: 'payment-fulfillment', count: 60, seed: 9 }).map((o, i) => {
        if (o.payments.length === 0 || i % 4 === 3) return o;
        const status = i % 4 === 1 ? 'pending' : i % 4 === 2 ? 'failed' : 'succeeded';
        const payments = o.payments.map((p, j) => (j === 0 ? { ...p, status: status as Payment['status'] } : p));
        return recompute({ ...o, payments });
      });
      const target = orders.findIndex((o) => o.payments.length > 0);
      const o = orders[target]!;
      orders[target] = recompute({
        ...o,
        number: '<b>#HOSTILE</b>',
        payments: [{ ...o.payments[0]!, reference: '<img src=x onerror="window.__pwned=1">' }, ...o.payments.slice(1)],
      });
      local = await createLocalApi({ workflow, viewer: admin, dbName });
      await local.seed({ orders });
      mixed = createOrderStore({ api: local, workflow, viewer: admin });
    });

    after(async () => {
      mixed.dispose();
      local.close();
      indexedDB.deleteDatabase(dbName);
    });

    it('filters by status; totals count received money only', async () => {
      const stored = await allOrders(local);
      const all = expected(stored);
      expect(new Set(all.map((r) => r.payment.status))).to.deep.equal(new Set(['succeeded', 'pending', 'failed']));
      const el = await mount({}, 500, mixed);
      expectStrip(el, sums(all));
      part(el, 'status-button')!.click();
      await el.updateComplete;
      part(el, 'status-menu')!.querySelector<HTMLInputElement>('input[value="pending"]')!.click();
      await settled(el);
      part(el, 'status-menu')!.querySelector<HTMLInputElement>('input[value="failed"]')!.click();
      await settled(el);
      expect(el.query).to.deep.equal({ status: ['pending', 'failed'] });
      const notReceived = expected(stored, (r) => r.payment.status !== 'succeeded');
      expect(rowIds(el)).to.deep.equal(notReceived.map((r) => r.payment.id));
      expect($$(el, '[part~="status-badge"]').map((b) => b.textContent!.trim()).sort()).to.deep.equal(
        notReceived.map((r) => (r.payment.status === 'pending' ? 'Pending' : 'Failed')).sort(),
      );
      expect(part(el, 'totals')!.textContent).to.contain('Nothing received in this range.');
      await expect(el).to.be.accessible();
    });

    it('renders a reference with markup as text', async () => {
      const el = await mount({}, 500, mixed);
      const hostile = expected(await allOrders(local)).find((r) => r.order.number === '<b>#HOSTILE</b>')!;
      const row = $(el, `[data-payment="${hostile.payment.id}"]`)!;
      expect(row.querySelector('img')).to.equal(null);
      expect(row.querySelector('b')).to.equal(null);
      expect(row.querySelector('[part~="reference-cell"]')!.textContent!.trim()).to.equal('<img src=x onerror="window.__pwned=1">');
      expect(row.querySelector('[part~="order-link"]')!.textContent!.trim()).to.equal('<b>#HOSTILE</b>');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  it('speaks Indonesian', async () => {
    await setLocale('id');
    const el = await mount({}, 10);
    expect(part(el, 'totals')!.textContent).to.contain('Diterima');
    expect(rangeText(el)).to.match(/^1–10 dari /);
  });
});
