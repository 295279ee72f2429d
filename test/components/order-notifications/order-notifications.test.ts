import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-notifications/define.js';
import { OrderNotifications, type OrderOpenEvent } from '../../../src/components/order-notifications/define.js';
import type { OrderApi } from '../../../src/api/types.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import { money } from '../../../src/model/money.js';
import type { Order } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, openBackend, until, type Backend } from '../../state/backend.js';

const part = <T extends Element = HTMLElement>(el: OrderNotifications, name: string): T | null =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const bell = (el: OrderNotifications): HTMLButtonElement => part<HTMLButtonElement>(el, 'bell')!;
const toast = (el: OrderNotifications): HTMLElement | null => part(el, 'toast');
const text = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<order-notifications>', () => {
  let backend: Backend;
  let store: OrderStore;
  let peer: OrderApi;
  let seq = 0;

  beforeEach(async () => {
    backend = await openBackend(5);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
    peer = await backend.peer();
  });

  afterEach(async () => {
    store.dispose();
    await backend.close();
    await setLocale('en');
  });

  /** A customer orders through another tab (the storefront): the store hears of it as `other-tab`. */
  async function arrive(customer = `Rina ${++seq}`): Promise<Order> {
    const order = await peer.createOrder(
      {
        channel: 'online',
        storeId: 'st_jkt',
        customer: { name: customer },
        currency: 'IDR',
        lines: [{ sku: 'KOP', name: 'Kopi', unitPrice: money(150000, 'IDR'), quantity: 1 }],
      },
      { idempotencyKey: crypto.randomUUID() },
    );
    await until(store, (s) => s.notifications.some((n) => n.orderId === order.id));
    return order;
  }

  async function mount(template = html`<order-notifications .store=${store} .stores=${demoStores}></order-notifications>`) {
    const el = await fixture<OrderNotifications>(template);
    await el.updateComplete;
    return el;
  }

  it('is a bell named by its unread count, with no badge at zero, and passes axe', async () => {
    expect(customElements.get('order-notifications')).to.equal(OrderNotifications);
    const el = await mount();
    expect(bell(el).getAttribute('aria-label')).to.equal('No new orders');
    expect(bell(el).getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'badge')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.exist; // the live region is there before news
    await expect(el).to.be.accessible();
  });

  it('counts a new order from elsewhere and announces it in a toast', async () => {
    const el = await mount();
    const order = await arrive('Rina Kusuma');
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-label')).to.equal('1 new order');
    expect(text(part(el, 'badge'))).to.equal('1');
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.contains(toast(el))).to.be.true;
    expect(text(toast(el))).to.contain(`New order ${order.number}`);
    expect(text(toast(el))).to.contain('Rina Kusuma');
    expect(text(toast(el))).to.contain('150,000');
    await expect(el).to.be.accessible();

    await arrive();
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-label')).to.equal('2 new orders');
  });

  it('lists the unread orders in a popover that Escape closes, returning focus to the bell', async () => {
    const first = await arrive('Budi');
    const second = await arrive('Sari');
    const el = await mount();
    expect(toast(el)).to.equal(null); // what was unread before it appeared is not news
    bell(el).click();
    await el.updateComplete;
    await el.updateComplete;
    const panel = part(el, 'popover')!;
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(bell(el).getAttribute('aria-expanded')).to.equal('true');
    expect(bell(el).getAttribute('aria-controls')).to.equal(panel.id);
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="item"]')];
    expect(items.map((i) => i.dataset.order)).to.deep.equal([second.id, first.id]); // newest first
    expect(text(items[1]!)).to.contain(first.number);
    expect(text(items[1]!)).to.contain('Budi');
    expect(text(items[1]!)).to.contain('150,000');
    expect(text(items[1]!)).to.match(/now|second|minute/);
    expect(text(items[1]!)).to.contain('Kopi Senja Jakarta');
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'popover')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(bell(el));
  });

  it('opens an order from the list: fires order-open and marks it read', async () => {
    const order = await arrive();
    await arrive();
    const el = await mount();
    bell(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // the older one
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset.order).to.equal(order.id);
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(el, 'order-open')) as OrderOpenEvent;
    expect(event.detail).to.deep.equal({ orderId: order.id });
    expect(event.bubbles && event.composed).to.be.true;
    expect(store.snapshot.notifications.map((n) => n.orderId)).not.to.include(order.id);
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-label')).to.equal('1 new order');
    expect(part(el, 'popover')).to.equal(null);
    await eventually(() => el.shadowRoot!.activeElement === bell(el));
  });

  it('marks all read', async () => {
    await arrive();
    await arrive();
    const el = await mount();
    bell(el).click();
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'mark-all')!.click();
    expect(store.snapshot.notifications).to.deep.equal([]);
    await el.updateComplete;
    expect(part(el, 'badge')).to.equal(null);
    expect(bell(el).getAttribute('aria-label')).to.equal('No new orders');
    bell(el).click();
    await el.updateComplete;
    expect(text(part(el, 'empty'))).to.contain('No new orders');
    await expect(el).to.be.accessible();
  });

  it('closes on a press outside; its document listener lives only while open', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const add = document.addEventListener;
    const remove = document.removeEventListener;
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.push(type);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      removed.push(type);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    try {
      const el = await mount();
      expect(added.filter((t) => t === 'pointerdown')).to.deep.equal([]);
      bell(el).click();
      await el.updateComplete;
      expect(added.filter((t) => t === 'pointerdown').length).to.equal(1);
      // A press inside keeps it open.
      part(el, 'popover')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(part(el, 'popover')).to.exist;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(part(el, 'popover')).to.equal(null);
      expect(removed.filter((t) => t === 'pointerdown').length).to.equal(1);

      bell(el).click();
      await el.updateComplete;
      el.remove();
      expect(removed.filter((t) => t === 'pointerdown').length).to.equal(2);
    } finally {
      document.addEventListener = add;
      document.removeEventListener = remove;
    }
  });

  it('hides the toast after toast-duration, keeping the order in the bell', async () => {
    const el = await mount(html`<order-notifications .store=${store} toast-duration="60"></order-notifications>`);
    await arrive();
    await el.updateComplete;
    expect(toast(el)).to.exist;
    await eventually(() => toast(el) === null);
    expect(bell(el).getAttribute('aria-label')).to.equal('1 new order');
  });

  it('keeps the toast while it has focus', async () => {
    const el = await mount(html`<order-notifications .store=${store} toast-duration="60"></order-notifications>`);
    await arrive();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toast-close')!.focus();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(toast(el)).to.exist;
    bell(el).focus();
    await eventually(() => toast(el) === null);
  });

  it('opens the order when the toast is clicked; Dismiss only hides it', async () => {
    const el = await mount();
    const order = await arrive();
    await el.updateComplete;
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.toast-open')!.click());
    const event = (await oneEvent(el, 'order-open')) as OrderOpenEvent;
    expect(event.detail.orderId).to.equal(order.id);
    expect(store.snapshot.notifications).to.deep.equal([]);
    await el.updateComplete;
    expect(toast(el)).to.equal(null);

    await arrive();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('.toast-close')!.click();
    await el.updateComplete;
    expect(toast(el)).to.equal(null);
    expect(store.snapshot.notifications.length).to.equal(1);
  });

  it('shows no toast with no-toast, and warns about a bad toast-duration', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await mount(html`<order-notifications .store=${store} no-toast toast-duration="-5"></order-notifications>`);
      expect(el.toastDuration).to.equal(6000);
      expect(warnings.some((w) => String(w).includes('toast-duration'))).to.be.true;
      await arrive();
      await el.updateComplete;
      expect(toast(el)).to.equal(null);
      expect(text(part(el, 'badge'))).to.equal('1');
    } finally {
      console.warn = warn;
    }
  });

  it('speaks Indonesian', async () => {
    const el = await mount();
    await arrive();
    await setLocale('id');
    await el.updateComplete;
    expect(bell(el).getAttribute('aria-label')).to.equal('1 pesanan baru');
    expect(text(toast(el))).to.contain('Pesanan baru');
    expect(text(toast(el))).to.contain('Rp');
    bell(el).click();
    await el.updateComplete;
    expect(text(part(el, 'header'))).to.contain('Tandai semua dibaca');
    await expect(el).to.be.accessible();
  });
});
