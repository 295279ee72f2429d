import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deleteDB } from 'idb';
import '../../../src/components/order-form/define.js';
import type { OrderForm } from '../../../src/components/order-form/define.js';
import type { OrderSavedEvent } from '../../../src/components/order-form/events.js';
import { timelineText } from '../../../src/components/shared/timeline-text.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import { OrderApiError, type OrderApi, type WriteOptions } from '../../../src/api/types.js';
import { demoCatalog } from '../../../src/model/csv/catalog.js';
import { demoStores, demoViewers } from '../../../src/model/generate.js';
import { formatMoneyInput, parseMoneyInput } from '../../../src/components/order-action-dialog/money-input.js';
import { minorDigits, money } from '../../../src/model/money.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Order, OrderDraft, Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { SpyApi } from '../../state/spy-api.js';
import { allOrders, choose, type, waitFor } from '../order-shipments/helpers.js';

const nextSaved = (el: OrderForm): Promise<OrderSavedEvent> => oneEvent(el, 'order-saved') as Promise<OrderSavedEvent>;

const admin = demoViewers.find((v) => v.id === 'usr_admin') as Viewer;
const workflow = getPreset('payment-fulfillment');

/** The adapter under the store: counts creates, and can lose an answer or hold a request forever. */
class FormApi extends SpyApi {
  creates: { draft: OrderDraft; key: string }[] = [];
  /** Next create: commit on the backend, then fail as if the answer was lost on the network. */
  loseNextAnswer = false;
  /** Next create: commit on the backend, then never answer (the page is reloaded meanwhile). */
  hangNext = false;

  override async createOrder(draft: OrderDraft, options: WriteOptions): Promise<Order> {
    this.creates.push({ draft, key: options.idempotencyKey });
    const order = await this.inner.createOrder(draft, options);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new OrderApiError({ code: 'network', message: 'Failed to fetch' });
    }
    if (this.hangNext) {
      this.hangNext = false;
      return new Promise<Order>(() => undefined);
    }
    return order;
  }
}

describe('<order-form>', function () {
  this.timeout(30000);
  let dbName: string;
  let local: LocalOrderApi;
  let api: FormApi;
  let store: OrderStore;

  beforeEach(async () => {
    sessionStorage.clear();
    dbName = `order-form-${crypto.randomUUID()}`;
    local = await createLocalApi({ workflow, viewer: admin, dbName, stores: demoStores, catalog: demoCatalog() });
    await local.seed({ preset: 'payment-fulfillment', count: 60, seed: 7 });
    api = new FormApi(local);
    store = createOrderStore({ api, workflow, viewer: admin });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    local.close();
    sessionStorage.clear();
    await deleteDB(dbName);
  });

  const mount = async (attrs: { orderId?: string; s?: OrderStore } = {}): Promise<OrderForm> => {
    const el = await fixture<OrderForm>(html`<order-form .store=${attrs.s ?? store} .stores=${demoStores} .people=${[{ id: 'agent-1', name: 'Rudi Agent' }]}
      store-id="st_kul" order-id=${attrs.orderId ?? ''}></order-form>`);
    await waitFor(() => !!el.shadowRoot?.querySelector('form'));
    return el;
  };
  const q = <T extends Element = HTMLInputElement>(el: OrderForm, selector: string): T => {
    const node = el.shadowRoot?.querySelector<T>(selector);
    if (!node) throw new Error(`no ${selector}`);
    return node;
  };
  const submitButton = (el: OrderForm): HTMLButtonElement => q<HTMLButtonElement>(el, '[part~="submit-button"]');

  /** A valid new order: a customer, two catalogue lines, a fee, paid now by transfer. */
  async function fillValid(el: OrderForm): Promise<void> {
    type(q(el, '#name'), 'Aisyah Rahman');
    type(q(el, '#phone'), '+60 12-345 6789');
    type(q(el, '#product-search'), 'gayo');
    await waitFor(() => !!el.shadowRoot?.querySelector('[part~="search-results"] button'));
    q<HTMLButtonElement>(el, '[part~="search-results"] button').click();
    type(q(el, '#product-search'), 'cold brew');
    await waitFor(() => el.shadowRoot?.querySelector('[part~="search-results"] button')?.textContent?.includes('Cold Brew') === true);
    q<HTMLButtonElement>(el, '[part~="search-results"] button').click();
    await el.updateComplete;
    type(q(el, '#fee'), '8');
  }

  it('creates an order keyboard-only: search a product, pick it with Enter, submit with Enter', async () => {
    const el = await mount();
    const before = (await allOrders(local)).length;
    q(el, '#name').focus();
    await sendKeys({ type: 'Lim Wei' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '+60123456789' });
    q(el, '#product-search').focus();
    await sendKeys({ type: 'rattan' });
    await waitFor(() => !!el.shadowRoot?.querySelector('[part~="search-results"] button'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.closest('[part~="search-results"]'), 'Tab reaches the first result').to.exist;
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot?.querySelectorAll('[part~="line"]').length === 1);
    expect((el.shadowRoot?.activeElement as HTMLInputElement).id, 'the quantity of the new line has focus').to.match(/-qty$/);
    await sendKeys({ press: 'ArrowUp' });
    const saved = nextSaved(el);
    await sendKeys({ press: 'Enter' });
    const { detail } = await saved;
    expect(detail.mode).to.equal('create');
    expect(detail.order.customer).to.deep.equal({ name: 'Lim Wei', phone: '+60123456789' });
    expect(detail.order.lines.map((l) => [l.sku, l.quantity.ordered])).to.deep.equal([['RTN-COAST6', 2]]);
    expect(detail.order.channel).to.equal('phone');
    expect((await allOrders(local)).length).to.equal(before + 1);
  });

  it('shows every field error beside its field and announces a summary; nothing is sent', async () => {
    const el = await mount();
    type(q(el, '#phone'), 'call me');
    type(q(el, '#email'), 'aisyah@');
    submitButton(el).click();
    await waitFor(() => !!el.shadowRoot?.querySelector('[part~="error-summary"]'));
    const summary = q<HTMLElement>(el, '[part~="error-summary"]');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot?.activeElement).to.equal(summary);
    for (const id of ['name', 'phone', 'email']) {
      const input = q(el, `#${id}`);
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      const describedBy = input.getAttribute('aria-describedby') ?? '';
      expect(describedBy).to.include(`${id}-error`);
      expect(q(el, `#${id}-error`).textContent?.trim()).to.not.equal('');
    }
    expect(q(el, '#phone-error').textContent).to.include('6 to 15 digits');
    expect(q(el, '#lines-error').textContent).to.include('Add at least one item');
    expect(summary.querySelectorAll('li').length).to.equal(4);
    expect(api.creates).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('places the backend’s invalid-input on the fields it names', async () => {
    const el = await mount();
    await fillValid(el);
    const inner = api.inner as OrderApi;
    api.createOrder = async () => {
      void inner;
      throw new OrderApiError({ code: 'invalid-input', message: 'Invalid order', fields: [{ field: 'deliveryFee.amount', message: 'is too large' }, { field: 'number', message: 'is already used' }] });
    };
    submitButton(el).click();
    await waitFor(() => !!el.shadowRoot?.querySelector('#fee-error'));
    expect(q(el, '#fee').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#fee-error').textContent).to.include('is too large');
    expect(q(el, '[part~="form-error"]').textContent).to.include('number is already used');
    expect(q(el, '#name').value, 'nothing typed is lost').to.equal('Aisyah Rahman');
  });

  it('computes live totals with the model, paid now is part of the one create', async () => {
    const el = await mount();
    await fillValid(el);
    const totals = (): string => q<HTMLElement>(el, '[part~="totals"]').textContent ?? '';
    const price = demoCatalog().find('KOP-GAYO-250-WB')?.price('MYR')?.amount ?? 0;
    const brew = demoCatalog().find('KOP-CB-1L')?.price('MYR')?.amount ?? 0;
    const total = price + brew + 800;
    expect(totals()).to.include(`${(total / 100).toFixed(2)}`);
    choose(q<HTMLSelectElement>(el, '#discount-mode'), 'percent');
    type(q(el, '#discount'), '10');
    await el.updateComplete;
    const discount = Math.floor(((price + brew) * 1000) / 10000);
    expect(totals()).to.include(`${((total - discount) / 100).toFixed(2)}`);
    choose(q<HTMLSelectElement>(el, '#method'), 'bank-transfer');
    q<HTMLInputElement>(el, 'input[name="paid"]:not(:checked)').click();
    await el.updateComplete;
    expect(q(el, '#paid-amount').value, 'the total is offered').to.not.equal('');
    type(q(el, '#paid-reference'), 'TRX-88');
    const saved = nextSaved(el);
    submitButton(el).click();
    const { detail } = await saved;
    expect(api.creates).to.have.length(1);
    expect(detail.order.totals.total.amount).to.equal(total - discount);
    expect(detail.order.paymentStatus).to.equal('paid');
    expect(detail.order.payments.map((p) => [p.method, p.reference])).to.deep.equal([['bank-transfer', 'TRX-88']]);
  });

  it('takes a custom line, asks a reason for a changed price, and a scheduled date lands in the calendar', async () => {
    const el = await mount();
    type(q(el, '#name'), 'Walk-in guest');
    choose(q<HTMLSelectElement>(el, '#channel'), 'walk-in');
    type(q(el, '#product-search'), 'candle');
    await waitFor(() => !!el.shadowRoot?.querySelector('[part~="search-results"] button'));
    q<HTMLButtonElement>(el, '[part~="search-results"] button').click();
    await el.updateComplete;
    const line = q<HTMLElement>(el, '[part~="line"]');
    const price = line.querySelector<HTMLInputElement>('input[id$="-price"]') as HTMLInputElement;
    type(price, '50');
    await el.updateComplete;
    q<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitFor(() => !!line.querySelector('input[id$="-reason"][aria-invalid="true"]'));
    type(line.querySelector<HTMLInputElement>('input[id$="-reason"]') as HTMLInputElement, 'Display item');
    [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.includes('Add custom item'))?.click();
    await el.updateComplete;
    const custom = el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="line"]')[1] as HTMLElement;
    type(custom.querySelector<HTMLInputElement>('input[id$="-name"]') as HTMLInputElement, 'Gift wrapping');
    type(custom.querySelector<HTMLInputElement>('input[id$="-price"]') as HTMLInputElement, '5');
    type(q(el, '#scheduled'), '2026-12-20T10:00');
    const saved = nextSaved(el);
    submitButton(el).click();
    const { detail } = await saved;
    expect(detail.order.channel).to.equal('walk-in');
    expect(detail.order.lines.map((l) => [l.name, l.unitPrice.amount])).to.deep.equal([['Scented Soy Candle', 5000], ['Gift wrapping', 500]]);
    const day = new Date('2026-12-20T10:00').toISOString();
    expect(detail.order.scheduledAt).to.equal(day);
    const buckets = await store.calendar({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', timeZone: 'UTC' });
    expect(buckets.some((b) => b.kind === 'scheduled' && b.day === day.slice(0, 10) && b.count >= 1), 'in the calendar').to.equal(true);
  });

  it('creates one order for a double click', async () => {
    const el = await mount();
    await fillValid(el);
    const before = (await allOrders(local)).length;
    const saved = nextSaved(el);
    submitButton(el).click();
    submitButton(el).click();
    q<HTMLFormElement>(el, 'form').requestSubmit();
    await saved;
    expect(api.creates.length, 'one request').to.equal(1);
    expect((await allOrders(local)).length).to.equal(before + 1);
  });

  it('retries after a lost answer with the same key: still one order, the draft kept meanwhile', async () => {
    const el = await mount();
    await fillValid(el);
    const before = (await allOrders(local)).length;
    api.loseNextAnswer = true;
    submitButton(el).click();
    await waitFor(() => !!el.shadowRoot?.querySelector('[part~="form-error"]'));
    expect(q<HTMLElement>(el, '[part~="form-error"]').textContent).to.include('saved only once');
    expect(q(el, '#name').value).to.equal('Aisyah Rahman');
    const saved = nextSaved(el);
    submitButton(el).click();
    const { detail } = await saved;
    expect(api.creates.map((c) => c.key)).to.have.length(2);
    expect(api.creates[0]?.key).to.equal(api.creates[1]?.key);
    const after = await allOrders(local);
    expect(after.length).to.equal(before + 1);
    expect(after.some((o) => o.id === detail.order.id)).to.equal(true);
  });

  it('after a reload during the request, sends the same request again and opens the one order', async () => {
    const el = await mount();
    await fillValid(el);
    const before = (await allOrders(local)).length;
    api.hangNext = true;
    submitButton(el).click();
    await waitFor(() => api.creates.length === 1);
    // The page reloads: a new store, a new element, the same session.
    el.remove();
    const store2 = createOrderStore({ api, workflow, viewer: admin });
    const opened = new Promise<string>((resolve) => document.addEventListener('order-open', (e: Event) => resolve((e as CustomEvent<{ orderId: string }>).detail.orderId), { once: true }));
    await mount({ s: store2 });
    const id = await opened;
    expect(api.creates).to.have.length(2);
    expect(api.creates[1]?.key).to.equal(api.creates[0]?.key);
    const after = await allOrders(local);
    expect(after.length).to.equal(before + 1);
    expect(after.some((o) => o.id === id)).to.equal(true);
    store2.dispose();
  });

  it('keeps the draft across a reload, and drops it on Discard', async () => {
    const el = await mount();
    type(q(el, '#name'), 'Budi');
    type(q(el, '#tags'), 'vip');
    el.remove();
    const again = await mount();
    expect(q(again, '#name').value).to.equal('Budi');
    expect(q(again, '#tags').value).to.equal('vip');
    const closed = oneEvent(again, 'order-form-close');
    q<HTMLButtonElement>(again, '[part~="discard-button"]').click();
    expect((await closed).detail.discarded).to.equal(true);
    again.remove();
    const fresh = await mount();
    expect(q(fresh, '#name').value).to.equal('');
  });

  it('finds a past customer and fills name, phone and address', async () => {
    const sample = (await allOrders(local)).find((o) => o.storeId === 'st_kul' && !o.deletedAt && o.customer.phone && o.shippingAddress) as Order;
    const el = await mount();
    type(q(el, '#customer-search'), sample.customer.phone?.slice(-6) ?? '');
    await waitFor(() => !!el.shadowRoot?.querySelector('[part~="search-results"] button'));
    const buttons = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="search-results"] button') ?? [])];
    buttons.find((b) => b.textContent?.includes(sample.customer.name))?.click();
    await el.updateComplete;
    expect(q(el, '#name').value).to.equal(sample.customer.name);
    expect(q(el, '#ship-city').value).to.not.equal('');
  });

  describe('editing', () => {
    const open = (o: Order): boolean => workflow.statuses.find((s) => s.key === o.status)?.category === 'open';

    it('locks what is fulfilled, lets the rest change, and records the diff on the timeline', async () => {
      const orders = await allOrders(local);
      const target = orders.find((o) => open(o) && !o.deletedAt && o.lines.some((l) => l.quantity.fulfilled > 0)) as Order;
      expect(target, 'an open order with fulfilled units').to.exist;
      const el = await mount({ orderId: target.id });
      await waitFor(() => !!el.shadowRoot?.querySelector('[part~="line"]'));
      expect(q<HTMLElement>(el, '[part~="notice"]').textContent).to.include('cannot be removed');
      const fixed = target.lines.find((l) => l.quantity.fulfilled > 0);
      const line = el.shadowRoot?.querySelector<HTMLInputElement>(`#line-${CSS.escape(fixed?.id ?? '')}-qty`);
      expect(line?.min).to.equal(String(fixed?.quantity.fulfilled));
      const remove = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="line"] button') ?? [])].find((b) => b.getAttribute('aria-label')?.includes(fixed?.name ?? '?'));
      expect(remove?.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      type(q(el, '#fee'), formatMoneyInput(money(target.deliveryFee.amount + 10 ** minorDigits(target.currency), target.currency)));
      choose(q<HTMLSelectElement>(el, '#agent'), 'agent-1');
      const saved = nextSaved(el);
      submitButton(el).click();
      const { detail } = await saved;
      expect(detail.mode).to.equal('edit');
      expect(detail.order.version).to.equal(target.version + 1);
      expect(detail.order.assignees.agent?.name).to.equal('Rudi Agent');
      const entry = detail.order.timeline.at(-1);
      const text = timelineText(entry ?? {});
      expect(text).to.include('Delivery fee:').and.include('→').and.include('Delivery agent: none → Rudi Agent');
    });

    it('shows a completed order read-only and why', async () => {
      const done = (await allOrders(local)).find((o) => o.status === 'closed' && !o.deletedAt) as Order;
      const el = await mount({ orderId: done.id });
      await waitFor(() => !!el.shadowRoot?.querySelector('[part~="notice"]'));
      expect(q<HTMLElement>(el, '[part~="notice"]').textContent).to.include('can no longer be edited');
      expect(el.shadowRoot?.querySelector('[part~="submit-button"]')).to.equal(null);
      expect(q<HTMLFieldSetElement>(el, 'fieldset').disabled).to.equal(true);
    });

    it('turns a change made meanwhile into a conflict showing what changed, then redoes on the current order', async () => {
      const target = (await allOrders(local)).find((o) => open(o) && !o.deletedAt && o.lines.every((l) => l.quantity.fulfilled === 0)) as Order;
      const el = await mount({ orderId: target.id });
      await waitFor(() => !!el.shadowRoot?.querySelector('#fee'));
      // Someone else changes the note.
      await local.updateOrder({ orderId: target.id, patch: { note: 'Call before delivery' }, expectedVersion: target.version }, { idempotencyKey: 'other' });
      type(q(el, '#fee'), '25');
      submitButton(el).click();
      await waitFor(() => !!el.shadowRoot?.querySelector('[part~="conflict"]'));
      const conflict = q<HTMLElement>(el, '[part~="conflict"]');
      expect(conflict.getAttribute('role')).to.equal('alert');
      expect(conflict.textContent).to.include('Note: none → Call before delivery');
      expect((await local.getOrder(target.id)).deliveryFee, 'never a silent overwrite').to.deep.equal(target.deliveryFee);
      await expect(el).to.be.accessible();
      [...conflict.querySelectorAll('button')].find((b) => b.textContent?.includes('Redo'))?.click();
      await el.updateComplete;
      expect(q(el, '#fee').value).to.equal('25');
      expect(q<HTMLTextAreaElement>(el, '#note').value).to.equal('Call before delivery');
      const saved = nextSaved(el);
      submitButton(el).click();
      const { detail } = await saved;
      expect(detail.order.note).to.equal('Call before delivery');
      expect(detail.order.deliveryFee).to.deep.equal(parseMoneyInput('25', target.currency));
    });

    it('shows the refund due when an edit lowers the total below what was paid', async () => {
      const paid = (await allOrders(local)).find((o) => open(o) && !o.deletedAt && o.paymentStatus === 'paid' && o.totals.subtotal.amount > 0) as Order;
      expect(paid, 'a paid open order').to.exist;
      const el = await mount({ orderId: paid.id });
      await waitFor(() => !!el.shadowRoot?.querySelector('#discount'));
      type(q(el, '#discount'), formatMoneyInput(paid.totals.subtotal));
      await el.updateComplete;
      const due = paid.totals.paid.amount - paid.totals.refunded.amount - (paid.deliveryFee.amount + paid.tax.amount);
      expect(q<HTMLElement>(el, '[part~="refund-due"]').textContent).to.include('Refund due').and.include(formatMoney(money(due, paid.currency)));
    });
  });
});
