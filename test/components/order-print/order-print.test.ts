/**
 * `<order-print>` against real orders (the local engine, marketplace preset): the preview and the
 * printed document say exactly what the orders say (every line, quantity and money figure), barcodes
 * decode to the order number, hostile text stays text, printing is recorded on the orders (and the
 * "not printed" filter follows), a reprint asks first, a big batch can be cancelled, and axe passes.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import '../../../src/components/order-print/define.js';
import type { DocumentPrintEvent, OrderPrint, PrintCompleteEvent } from '../../../src/components/order-print/define.js';
import { formatCount } from '../../../src/components/shared/format-count.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { HOSTILE, hostileDraft } from '../../model/csv/fixtures.js';
import { eventually } from '../../state/backend.js';
import { decodeSvg } from './decode.js';

const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };
const part = (el: OrderPrint, name: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const money = (m: Parameters<typeof formatMoney>[0]): string => formatMoney(m).replace(/\s+/g, ' ');
const pickable = (o: Order): number => o.lines.reduce((n, l) => n + Math.max(0, l.quantity.ordered - l.quantity.rejected - l.quantity.shipped), 0);

describe('<order-print>', () => {
  let api: LocalOrderApi;
  let store: OrderStore;
  let dbName: string;
  let all: Order[];

  before(async () => {
    dbName = `order-print-${crypto.randomUUID()}`;
    api = await createLocalApi({ workflow: getPreset('marketplace'), viewer: admin, dbName });
    await api.seed({ preset: 'marketplace', count: 600, seed: 5 });
  });

  beforeEach(async () => {
    store = createOrderStore({ api, workflow: getPreset('marketplace'), viewer: admin });
    all = [...(await api.listOrders({ tab: 'all' }, { offset: 0, limit: 1000 })).items];
  });

  afterEach(() => {
    fixtureCleanup();
    store.dispose();
  });

  after(async () => {
    api.close();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  async function opened(orderIds: readonly string[], document: Parameters<OrderPrint['open']>[0]['document']): Promise<OrderPrint> {
    const el = await fixture<OrderPrint>(html`<order-print modal .store=${store} .stores=${demoStores}></order-print>`);
    await el.open({ document, orderIds });
    await el.updateComplete;
    return el;
  }

  it('previews and prints per-order picking lists with exactly the orders’ lines and scannable order numbers', async () => {
    const orders = all.filter((o) => pickable(o) > 0).slice(0, 4);
    const el = await opened(orders.map((o) => o.id), 'picking-list');
    const container = document.createElement('div');
    document.body.append(container);
    await el.renderDocument(container);
    const pages = [...container.querySelectorAll('article.page')];
    expect(pages.length).to.equal(orders.length);
    for (const [i, page] of pages.entries()) {
      const o = orders[i] as Order;
      expect(page.querySelector('.number')?.textContent).to.equal(o.number);
      expect(text(page)).to.include(demoStores.find((s) => s.id === o.storeId)?.name);
      expect(text(page)).to.include(o.customer.name);
      const rows = [...page.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].slice(1).map(text));
      const want = o.lines
        .filter((l) => l.quantity.ordered - l.quantity.rejected - l.quantity.shipped > 0)
        .map((l) => [l.sku, l.name, l.variant ?? '—', formatCount(l.quantity.ordered - l.quantity.rejected - l.quantity.shipped)]);
      expect(rows).to.deep.equal(want);
      expect(page.querySelectorAll('.tick').length).to.equal(want.length);
    }
    const first = pages[0] as Element;
    expect(await decodeSvg(first.querySelector('svg.barcode-code128') as SVGSVGElement, 'code128')).to.equal(orders[0]?.number);
    expect(await decodeSvg(first.querySelector('svg.barcode-qr') as SVGSVGElement, 'qr')).to.equal(orders[0]?.number);
    // The preview shows the same pages.
    expect(el.shadowRoot!.querySelectorAll('.preview article.page').length).to.equal(orders.length);
    await expect(el).to.be.accessible();
    container.remove();
  });

  it('prints invoices with every money figure of the order, exact and localised', async () => {
    const orders = all.slice(0, 5);
    const el = await opened(orders.map((o) => o.id), 'invoice');
    const container = document.createElement('div');
    await el.renderDocument(container);
    const pages = [...container.querySelectorAll('article.page')];
    expect(pages.length).to.equal(orders.length);
    for (const [i, page] of pages.entries()) {
      const o = orders[i] as Order;
      const body = [...page.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text));
      const accepted = o.lines.filter((l) => l.quantity.ordered > l.quantity.rejected);
      expect(body.map((r) => [r[0], r[3], r[4], r[6]])).to.deep.equal(
        accepted.map((l) => [l.sku, formatCount(l.quantity.ordered - l.quantity.rejected), money(l.unitPrice), money({ ...l.unitPrice, amount: l.unitPrice.amount * (l.quantity.ordered - l.quantity.rejected) - Math.floor((l.discount.amount * (l.quantity.ordered - l.quantity.rejected)) / l.quantity.ordered) })]),
      );
      const foot = Object.fromEntries([...page.querySelectorAll('tfoot tr')].map((r) => [text(r.querySelector('th')!), text(r.querySelector('td')!)]));
      expect(foot['Subtotal']).to.equal(money(o.totals.subtotal));
      expect(foot['Delivery fee']).to.equal(money(o.totals.deliveryFee));
      expect(foot['Tax']).to.equal(money(o.totals.tax));
      expect(foot['Total']).to.equal(money(o.totals.total));
      expect(foot['Amount due']).to.equal(money(o.totals.outstanding));
      if (o.totals.discount.amount > 0) expect(foot['Discount']).to.equal(money({ ...o.totals.discount, amount: -o.totals.discount.amount }));
    }
  });

  it('renders hostile names, addresses and notes as text', async () => {
    const order = await store.createOrder(hostileDraft('INV/20261122/JKT/00184'));
    const el = await opened([order.id], 'invoice');
    const container = document.createElement('div');
    await el.renderDocument(container);
    expect(container.querySelector('img')).to.equal(null);
    expect(text(container)).to.include(HOSTILE.name);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    const awb = await opened([order.id], 'awb');
    const label = document.createElement('div');
    await awb.renderDocument(label);
    expect(label.querySelector('img')).to.equal(null);
    expect(await decodeSvg(label.querySelector('.order-ref svg') as SVGSVGElement, 'code128')).to.equal('INV/20261122/JKT/00184');
  });

  it('prints through a script-free frame styled by an adopted sheet with the paper’s @page, and records the print', async () => {
    const orders = all.filter((o) => pickable(o) > 0 && !(o.prints ?? []).length).slice(0, 3);
    const ids = orders.map((o) => o.id);
    const el = await opened(ids, 'picking-list');
    let frameDoc: Document | undefined;
    let pages = 0;
    let adopted = '';
    el.addEventListener('document-print', (e: DocumentPrintEvent) => {
      e.preventDefault();
      frameDoc = e.detail.printDocument;
      pages = frameDoc.querySelectorAll('article.page').length;
      adopted = [...frameDoc.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
      expect(frameDoc.querySelectorAll('script, style, link').length).to.equal(0);
      expect(e.detail.orderIds).to.deep.equal(ids);
    });
    (el.shadowRoot!.querySelector('input.copies') as HTMLInputElement).value = '2';
    el.shadowRoot!.querySelector('input.copies')!.dispatchEvent(new Event('change'));
    const done = oneEvent(el, 'print-complete') as Promise<PrintCompleteEvent>;
    part(el, 'print-button')!.click();
    const { detail } = await done;
    expect(pages, 'two copies of each page').to.equal(6);
    expect(adopted).to.match(/@page \{ size: 210mm 297mm; margin: 12mm; \}/);
    expect(detail.recorded.every((r) => r.ok)).to.equal(true);
    for (const id of ids) {
      const o = await api.getOrder(id);
      expect(o.prints?.at(-1)).to.deep.include({ document: 'picking-list', copies: 2 });
      expect(o.timeline.at(-1)?.template?.key).to.equal('printed');
    }
    const notPicked = await store.listOrders({ tab: 'all', notPrinted: ['picking-list'] }, { offset: 0, limit: 1000 });
    for (const id of ids) expect(notPicked.items.map((o) => o.id)).not.to.include(id);
    expect(notPicked.total).to.equal(all.length - (all.filter((o) => (o.prints ?? []).some((p) => p.document === 'picking-list')).length + ids.length));
    expect(text(part(el, 'footer')!)).to.include('recorded on 3 orders');
  });

  it('asks before reprinting, naming how many already have it, and reprints only when confirmed', async () => {
    const orders = all.filter((o) => pickable(o) > 0 && !(o.prints ?? []).length).slice(5, 9);
    const ids = orders.map((o) => o.id);
    await store.recordPrints(ids.slice(0, 3), 'picking-list');
    const el = await opened(ids, 'picking-list');
    let printed = 0;
    el.addEventListener('document-print', (e) => {
      e.preventDefault();
      printed++;
    });
    part(el, 'print-button')!.click();
    await el.updateComplete;
    expect(text(part(el, 'confirm')!)).to.equal('3 of 4 orders already have a picking list printed — print again?');
    expect(printed).to.equal(0);
    // Cancel keeps everything as it was.
    (el.shadowRoot!.querySelector('[part~="close-button"]:not(.icon)') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(part(el, 'confirm')).to.equal(null);
    part(el, 'print-button')!.click();
    await el.updateComplete;
    const done = oneEvent(el, 'print-complete');
    part(el, 'confirm-button')!.click();
    await done;
    expect(printed).to.equal(1);
    expect((await api.getOrder(ids[0] as string)).prints?.filter((p) => p.document === 'picking-list').length).to.equal(2);
  });

  it('loads a big batch with progress and can be cancelled; nothing is printed', async () => {
    // A slow backend (100 ms a page), so the batch is still loading when Cancel is pressed.
    const slow = new Proxy(api, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop === 'listOrders') {
          return async (...args: Parameters<LocalOrderApi['listOrders']>) => {
            await new Promise((resolve) => setTimeout(resolve, 100));
            return target.listOrders(...args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const slowStore = createOrderStore({ api: slow, workflow: getPreset('marketplace'), viewer: admin });
    const el = await fixture<OrderPrint>(html`<order-print modal .store=${slowStore} .stores=${demoStores}></order-print>`);
    const opening = el.open({ document: 'awb', query: { tab: 'all' } });
    await eventually(() => part(el, 'progress') !== null);
    expect(part(el, 'progress')!.querySelector('progress')).to.exist;
    part(el, 'cancel-button')!.click();
    await opening;
    await el.updateComplete;
    expect(text(part(el, 'footer')!)).to.include('Cancelled. Nothing was printed.');
    expect((part(el, 'print-button') as HTMLButtonElement).disabled).to.equal(true);
    expect(el.document).to.equal(undefined);
    expect(el.loadedOrders.length).to.equal(0);
    slowStore.dispose();
  });

  it('prepares a whole tab and is accessible', async () => {
    const el = await fixture<OrderPrint>(html`<order-print modal .store=${store} .stores=${demoStores}></order-print>`);
    await el.open({ document: 'manifest', query: { tab: 'to-ship' } });
    await el.updateComplete;
    expect(el.document?.kind).to.equal('manifest');
    const expected = (await api.listOrders({ tab: 'to-ship' }, { offset: 0, limit: 1000 })).total;
    expect(el.loadedOrders.length).to.equal(expected);
    await expect(el).to.be.accessible();
  });
});
