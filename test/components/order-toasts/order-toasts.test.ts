/**
 * Issue 12, rule 5: every completed action gives a visible, polite toast, with Undo only where the
 * workflow defines an inverse the engine accepts; the table's row menu opens an action's dialog
 * directly; the selection survives a bulk action.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import '../../../src/components/order-action-dialog/define.js';
import '../../../src/components/order-table/define.js';
import '../../../src/components/order-toasts/define.js';
import '../../../src/components/shipment-form/define.js';
import type { OrderActionDialog } from '../../../src/components/order-action-dialog/order-action-dialog.js';
import type { OrderTable } from '../../../src/components/order-table/order-table.js';
import { OrderToasts } from '../../../src/components/order-toasts/order-toasts.js';
import { resolveText } from '../../../src/i18n/text.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, until } from '../../state/backend.js';

const admin: Viewer = { id: 'u-toast-admin', name: 'Ayu', role: 'admin', storeIds: [] };
const superadmin: Viewer = { id: 'u-toast-super', name: 'Sari', role: 'superadmin', storeIds: [] };

interface Shop {
  readonly api: LocalOrderApi;
  readonly store: OrderStore;
  close(): Promise<void>;
}

async function openShop(preset: PresetKey, viewer: Viewer, count = 40): Promise<Shop> {
  const workflow = getPreset(preset);
  const dbName = `orderdeck-toast-test-${crypto.randomUUID()}`;
  const api = await createLocalApi({ workflow, viewer, dbName, stores: demoStores });
  await api.seed({ preset, count, seed: 9 });
  const store = createOrderStore({ api, workflow, viewer, stores: demoStores });
  return {
    api,
    store,
    async close() {
      store.dispose();
      api.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

const toastTexts = (el: OrderToasts): string[] =>
  [...el.shadowRoot!.querySelectorAll('[part~="toast"] [part="message"]')].map((m) => m.textContent!.trim());
const lastToast = (el: OrderToasts): HTMLElement => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toast"]')].at(-1)!;

async function firstOrders(store: OrderStore, n: number, where: (o: Order) => boolean = () => true): Promise<Order[]> {
  store.requestRange(0, 50);
  const state = await until(store, (s) => s.list.total !== undefined && !s.list.loading);
  const out: Order[] = [];
  for (let i = 0; state.list.rows.has(i); i++) {
    const order = state.orders.get(state.list.rows.get(i)!)!;
    if (where(order)) out.push(order);
  }
  expect(out.length).to.be.greaterThanOrEqual(n);
  return out.slice(0, n);
}

describe('<order-toasts>', () => {
  let shop: Shop | undefined;
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
  });

  it('confirms a status change in a polite live region and undoes it with the workflow’s inverse', async () => {
    shop = await openShop('cod-delivery', admin);
    const { store } = shop;
    const el = await fixture<OrderToasts>(html`<order-toasts .store=${store} duration="0"></order-toasts>`);
    expect(customElements.get('order-toasts')).to.equal(OrderToasts);
    const [order] = await firstOrders(store, 1, (o) => o.status !== 'delivered' && !o.deletedAt);
    await store.runAction(order!.id, 'update-status', { status: 'delivered' });
    await eventually(() => toastTexts(el).length === 1);
    const region = el.shadowRoot!.querySelector('[part="region"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const from = resolveText(getPreset('cod-delivery').statuses.find((s) => s.key === order!.status)!.label, 'en');
    expect(toastTexts(el)[0]).to.equal(`${order!.number}: ${from} → Delivered`);
    const undo = lastToast(el).querySelector<HTMLButtonElement>('[part="undo-button"]')!;
    expect(undo.textContent!.trim()).to.equal('Undo');
    // axe measures contrast as painted: let the toast's fade-in finish first (mid-fade it is paler).
    await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();

    undo.click();
    await eventually(() => store.getCached(order!.id)?.status === order!.status);
    await eventually(() => toastTexts(el).includes('Undone: Update status'));
    // The undo itself is one "Undone" toast, not a second status-change toast.
    expect(toastTexts(el).filter((t) => t.includes('→'))).to.have.length(0);
  });

  it('offers no Undo that would be refused: an admin’s delete (restoring is a super-admin’s)', async () => {
    shop = await openShop('cod-delivery', admin);
    const el = await fixture<OrderToasts>(html`<order-toasts .store=${shop.store} duration="0"></order-toasts>`);
    const [order] = await firstOrders(shop.store, 1, (o) => !o.deletedAt);
    await shop.store.runAction(order!.id, 'delete');
    await eventually(() => toastTexts(el).length === 1);
    expect(toastTexts(el)[0]).to.equal(`Delete: done for ${order!.number}`);
    expect(lastToast(el).querySelector('[part="undo-button"]')).to.equal(null);
  });

  it('offers Undo of a delete to a super-admin, who may restore', async () => {
    shop = await openShop('cod-delivery', superadmin);
    const el = await fixture<OrderToasts>(html`<order-toasts .store=${shop.store} duration="0"></order-toasts>`);
    const [order] = await firstOrders(shop.store, 1, (o) => !o.deletedAt);
    await shop.store.runAction(order!.id, 'delete');
    await eventually(() => toastTexts(el).length === 1);
    lastToast(el).querySelector<HTMLButtonElement>('[part="undo-button"]')!.click();
    await eventually(() => shop!.store.getCached(order!.id)?.deletedAt === undefined);
  });

  it('confirms a bulk run, says how many failed, and keeps the whole selection', async () => {
    shop = await openShop('payment-fulfillment', admin);
    const { store } = shop;
    const el = await fixture<OrderToasts>(html`<order-toasts .store=${store} duration="0"></order-toasts>`);
    const active = await firstOrders(store, 3, (o) => !o.archived);
    store.selectIds(active.map((o) => o.id));
    await store.runBulkAction('archive');
    await eventually(() => toastTexts(el).length === 1);
    expect(toastTexts(el)[0]).to.equal('Archive: done for 3 orders');
    expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set(active.map((o) => o.id)) });
    // Archiving again fails on all three (already archived): a warning toast without Undo.
    await store.runBulkAction('archive');
    await eventually(() => toastTexts(el).length === 2);
    expect(toastTexts(el)[1]).to.equal('Archive: done for 0 of 3 orders. 3 failed and stay selected.');
    expect(lastToast(el).querySelector('[part="undo-button"]')).to.equal(null);
    expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set(active.map((o) => o.id)) });
    // Undo of the first run (unarchive each) is offered and accepted.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="undo-button"]')!.click();
    await eventually(() => active.every((o) => store.getCached(o.id)?.archived === false));
  });

  it('says a partial bulk run in a warning toast naming the failures', async () => {
    shop = await openShop('payment-fulfillment', admin);
    const { store } = shop;
    const el = await fixture<OrderToasts>(html`<order-toasts .store=${store} duration="0"></order-toasts>`);
    const [a, b] = await firstOrders(store, 2, (o) => !o.archived);
    await store.runAction(a!.id, 'archive');
    await eventually(() => toastTexts(el).length === 1);
    store.selectIds([a!.id, b!.id]);
    await store.runBulkAction('archive');
    await eventually(() => toastTexts(el).length === 2);
    expect(toastTexts(el)[1]).to.equal('Archive: done for 1 of 2 orders. 1 failed and stay selected.');
    expect(lastToast(el).getAttribute('part')).to.equal('toast warning');
    expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set([a!.id, b!.id]) });
  });

  it('shows a host’s own toast and dismisses it', async () => {
    const el = await fixture<OrderToasts>(html`<order-toasts duration="0"></order-toasts>`);
    const id = el.show({ message: 'Label printed' });
    await el.updateComplete;
    expect(toastTexts(el)).to.deep.equal(['Label printed']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="dismiss-button"]')!.click();
    await el.updateComplete;
    expect(toastTexts(el)).to.deep.equal([]);
    el.dismiss(id); // already gone: nothing happens
  });
});

describe('<order-table> row menu with <order-action-dialog> registered', () => {
  it('opens the action’s dialog directly, without navigating to the order', async () => {
    const shop = await openShop('online-store', admin, 60);
    try {
      const table = await fixture<OrderTable>(html`<order-table .store=${shop.store} .stores=${demoStores} storage-key=${`t:${crypto.randomUUID()}`}></order-table>`);
      table.style.setProperty('height', '420px');
      table.style.setProperty('display', 'block');
      const [order] = await firstOrders(shop.store, 1, (o) => o.status === 'paid');
      let opened = false;
      table.addEventListener('order-open', () => (opened = true));
      const orders: Order[] = [];
      for (let i = 0; shop.store.snapshot.list.rows.has(i); i++) orders.push(shop.store.getCached(shop.store.snapshot.list.rows.get(i)!)!);
      const at = orders.findIndex((o) => o.id === order!.id);
      const grid = table.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
      grid.scrollTop = Math.max(0, at - 2) * 40;
      let row: HTMLElement | undefined;
      await eventually(() => {
        row = [...table.shadowRoot!.querySelectorAll<HTMLElement>('.body > [role="row"]:not([hidden])')].find((r) => Number(r.getAttribute('aria-rowindex')) === at + 2);
        return row !== undefined;
      });
      await nextFrame();
      row!.querySelector<HTMLButtonElement>('[data-od-action="status-menu"]')!.click();
      await table.updateComplete;
      const menu = table.shadowRoot!.querySelector<HTMLElement>('[part="status-menu"]')!;
      [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].find((b) => b.textContent!.includes('shipped'))!.click();
      await eventually(() => table.shadowRoot!.querySelector<OrderActionDialog>('order-action-dialog')?.open === true);
      expect(opened).to.be.false;
      const dialog = table.shadowRoot!.querySelector<OrderActionDialog>('order-action-dialog')!;
      expect(dialog.actionKey).to.equal('mark-shipped');
      expect(dialog.order?.id).to.equal(order!.id);
    } finally {
      await shop.close();
    }
  });
});
