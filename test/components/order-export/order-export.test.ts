import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-export/define.js';
import { OrderExport, type ExportCompleteEvent } from '../../../src/components/order-export/define.js';
import type { OrderPage, OrderQuery } from '../../../src/api/types.js';
import { EXPORT_COLUMNS } from '../../../src/model/csv/columns.js';
import { FORMULA_TRIGGERS, unneutralise } from '../../../src/model/csv/encode.js';
import { parseCsv } from '../../../src/model/csv/parse.js';
import { startOfDay } from '../../../src/components/shared/zoned-date.js';
import { demoStores } from '../../../src/model/generate.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { HOSTILE, hostileDraft } from '../../model/csv/fixtures.js';
import { eventually, openBackend, settledList, type Backend } from '../../state/backend.js';

const part = (el: OrderExport, name: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const exportButton = (el: OrderExport) => part(el, 'export-button') as HTMLButtonElement;
const radio = (el: OrderExport, name: string, value: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const checkbox = (el: OrderExport, key: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[data-key="${key}"]`)!;

/** Reads an exported file into objects keyed by header, cells un-neutralised. */
async function rowsOf(blob: Blob): Promise<{ header: string[]; rows: Record<string, string>[]; raw: string }> {
  const raw = await blob.text();
  const parsed = parseCsv(raw);
  expect(parsed.errors).to.deep.equal([]);
  const [header, ...data] = parsed.rows;
  const rows = data.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(header!.map((h, i) => [h, unneutralise(r[i] ?? '')])));
  return { header: [...header!], rows, raw };
}

/** Every order matching `query`, straight from the api. */
async function allFromApi(backend: Backend, query: OrderQuery): Promise<OrderPage> {
  return backend.spy.inner.listOrders(query, { offset: 0, limit: 100_000 });
}

describe('<order-export>', () => {
  let backend: Backend;
  let store: OrderStore;
  let clicks: HTMLAnchorElement[];
  const originalClick = HTMLAnchorElement.prototype.click;

  beforeEach(async () => {
    localStorage.clear();
    backend = await openBackend(450);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
    store.requestRange(0, 50);
    await settledList(store);
    clicks = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this);
    };
  });

  afterEach(async () => {
    HTMLAnchorElement.prototype.click = originalClick;
    fixtureCleanup();
    store.dispose();
    await backend.close();
    localStorage.clear();
  });

  async function mount(chunkSize = 100): Promise<OrderExport> {
    const el = await fixture<OrderExport>(html`<order-export .store=${store} .stores=${demoStores} chunk-size=${chunkSize}></order-export>`);
    await el.updateComplete;
    return el;
  }

  /** Starts the export and returns its `export-complete` event, keeping the browser from downloading. */
  async function runExport(el: OrderExport): Promise<ExportCompleteEvent> {
    const done = oneEvent(el, 'export-complete') as Promise<ExportCompleteEvent>;
    el.addEventListener('export-complete', (e) => e.preventDefault(), { once: true });
    exportButton(el).click();
    return done;
  }

  it('exports exactly the orders of the current query, oldest first, in chunks, and passes axe', async () => {
    expect(customElements.get('order-export')).to.equal(OrderExport);
    store.setQuery({ tab: 'all', storeIds: ['st_jkt', 'st_kul'] });
    store.requestRange(0, 50);
    await settledList(store);
    const el = await mount();
    await expect(el).to.be.accessible();
    const callsBefore = backend.spy.count('listOrders');
    const event = await runExport(el);
    const expected = await allFromApi(backend, { tab: 'all', storeIds: ['st_jkt', 'st_kul'], sort: { field: 'createdAt', direction: 'asc' } });
    expect(expected.total).to.be.greaterThan(100);
    const { rows, header } = await rowsOf(event.detail.blob);
    expect(rows.map((r) => r['Order number'])).to.deep.equal(expected.items.map((o) => o.number));
    expect(new Set(rows.map((r) => r['Store ID']))).to.deep.equal(new Set(['st_jkt', 'st_kul']));
    expect(expected.total).to.be.lessThan(450);
    expect(header[0]).to.equal('Order number');
    expect(event.detail).to.include({ rows: expected.total, orders: expected.total, bytes: event.detail.blob.size });
    expect(event.detail.fileName).to.match(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    // Chunks of 100, each asked with offset and limit.
    const calls = backend.spy.calls.listOrders.slice(callsBefore).map((c) => c[1]);
    expect(calls).to.deep.equal(Array.from({ length: Math.ceil(expected.total / 100) }, (_, i) => ({ offset: i * 100, limit: 100 })));
    // The byte order mark is there for Excel by default.
    expect(new Uint8Array(await event.detail.blob.slice(0, 3).arrayBuffer())).to.deep.equal(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(part(el, 'footer')!.textContent).to.contain(`Exported ${expected.total} orders`);
    // The host prevented the download.
    expect(clicks).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('exports a date range with one row per item, money exact, and downloads the file', async () => {
    const el = await mount(500);
    radio(el, 'scope', 'range').click();
    radio(el, 'mode', 'line').click();
    await el.updateComplete;
    const [start, end] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="date"]');
    start!.value = '2026-11-01';
    start!.dispatchEvent(new Event('change'));
    end!.value = '2026-11-15';
    end!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const done = oneEvent(el, 'export-complete') as Promise<ExportCompleteEvent>;
    exportButton(el).click();
    const event = await done;
    // The days are counted in the view's one zone (the store's timeZone$: here the first store's).
    expect(store.timeZone).to.equal(demoStores[0]!.timeZone);
    const from = startOfDay('2026-11-01', store.timeZone);
    const to = startOfDay('2026-11-16', store.timeZone);
    const expected = await allFromApi(backend, { from, to, dateField: 'createdAt', archived: 'any', sort: { field: 'createdAt', direction: 'asc' } });
    const { rows } = await rowsOf(event.detail.blob);
    const lines = expected.items.flatMap((o) => o.lines.map((l) => ({ o, l })));
    expect(lines.length).to.be.greaterThan(expected.total);
    expect(rows.map((r) => [r['Order number'], r.SKU, r.Quantity])).to.deep.equal(lines.map(({ o, l }) => [o.number, l.sku, String(l.quantity.ordered)]));
    expect(rows.map((r) => r.Total)).to.deep.equal(lines.map(({ o }) => (o.currency === 'IDR' ? String(o.totals.total.amount) : r2(o.totals.total.amount))));
    expect(event.detail).to.include({ rows: lines.length, orders: expected.total, fileName: 'orders-2026-11-01-to-2026-11-15-items.csv' });
    await eventually(() => clicks.length === 1);
    expect(clicks[0]!.download).to.equal('orders-2026-11-01-to-2026-11-15-items.csv');
    expect(clicks[0]!.href).to.match(/^blob:/);
  });

  it('shows progress, stays responsive, and Cancel downloads nothing', async () => {
    const el = await mount();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = store.listOrders.bind(store);
    let calls = 0;
    store.listOrders = async (q, page, signal) => {
      calls++;
      if (calls === 3) await gate;
      return original(q, page, signal);
    };
    let completed = false;
    el.addEventListener('export-complete', () => (completed = true));
    exportButton(el).click();
    await eventually(() => calls === 3);
    await el.updateComplete;
    const progress = el.shadowRoot!.querySelector('progress')!;
    expect(progress.value).to.equal(200);
    expect(progress.max).to.equal(450);
    expect(part(el, 'progress')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('200 of 450 orders');
    // The form is locked while it runs; Cancel has focus.
    expect(checkbox(el, 'number').matches(':disabled')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'cancel-button'));
    await expect(el).to.be.accessible();
    (part(el, 'cancel-button') as HTMLButtonElement).click();
    release();
    await eventually(() => part(el, 'footer')!.textContent!.includes('Export cancelled. Nothing was downloaded.'));
    expect(completed).to.equal(false);
    expect(clicks).to.deep.equal([]);
    expect(el.running).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(exportButton(el));
    expect(calls).to.equal(3);
  });

  it('says why a chunk failed and resumes from it, writing each order once', async () => {
    const el = await mount();
    const original = store.listOrders.bind(store);
    const offsets: number[] = [];
    let failed = false;
    store.listOrders = async (q, page, signal) => {
      offsets.push(page.offset);
      if (page.offset === 200 && !failed) {
        failed = true;
        const { OrderApiError } = await import('../../../src/api/types.js');
        throw new OrderApiError({ code: 'network', message: 'The connection dropped.' });
      }
      return original(q, page, signal);
    };
    exportButton(el).click();
    await eventually(() => part(el, 'error') !== null);
    expect(part(el, 'error')!.textContent).to.contain('The export stopped after 200 of 450 orders. Network problem: The connection dropped.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'export-complete') as Promise<ExportCompleteEvent>;
    el.addEventListener('export-complete', (e) => e.preventDefault(), { once: true });
    (part(el, 'retry-button') as HTMLButtonElement).click();
    const event = await done;
    expect(offsets).to.deep.equal([0, 100, 200, 200, 300, 400]);
    const { rows } = await rowsOf(event.detail.blob);
    const numbers = rows.map((r) => r['Order number']);
    expect(numbers).to.have.length(450);
    expect(new Set(numbers).size).to.equal(450);
  });

  it('neutralises a hostile order so no cell is a formula, and the text comes back exactly', async () => {
    const created = await backend.spy.inner.createOrder(hostileDraft('HOSTILE-1'), { idempotencyKey: 'hostile-1' });
    store.setQuery({ tab: 'all', search: 'HOSTILE-1' });
    store.requestRange(0, 50);
    await settledList(store);
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('.column-actions button')!.click();
    radio(el, 'mode', 'line').click();
    await el.updateComplete;
    const event = await runExport(el);
    const { rows, raw } = await rowsOf(event.detail.blob);
    for (const cells of parseCsv(raw).rows) {
      for (const cell of cells) expect(FORMULA_TRIGGERS.includes(cell[0] ?? ''), JSON.stringify(cell)).to.equal(false);
    }
    expect(rows).to.have.length(2);
    expect(rows[0]).to.include({
      'Order number': created.number,
      'Customer name': HOSTILE.name,
      Note: HOSTILE.note,
      'Item name': HOSTILE.itemName,
      Variant: HOSTILE.variant,
      'Shipping city': HOSTILE.city,
      Tags: HOSTILE.tags.join(', '),
      Store: 'Kopi Senja Jakarta',
    });
    expect(Object.keys(rows[0]!)).to.deep.equal(EXPORT_COLUMNS.map((c) => c.header));
  });

  it('remembers the columns, the row mode and the Excel option per viewer', async () => {
    const el = await mount();
    checkbox(el, 'note').click();
    checkbox(el, 'updatedAt').click();
    radio(el, 'mode', 'line').click();
    el.shadowRoot!.querySelector<HTMLInputElement>('.body > label input[type="checkbox"]')!.click();
    await el.updateComplete;
    fixtureCleanup();
    const again = await mount();
    expect(checkbox(again, 'note').checked).to.equal(false);
    expect(checkbox(again, 'updatedAt').checked).to.equal(true);
    expect(radio(again, 'mode', 'line').checked).to.equal(true);
    const event = await runExport(again);
    expect(event.detail.fileName).to.match(/-items\.csv$/);
    const head = new Uint8Array(await event.detail.blob.slice(0, 3).arrayBuffer());
    expect([...head]).to.not.deep.equal([0xef, 0xbb, 0xbf]);
    const { header } = await rowsOf(event.detail.blob);
    expect(header).to.include('Updated at');
    expect(header).to.not.include('Note');
  });

  it('explains why it cannot export: no columns, an empty or reversed range', async () => {
    const el = await mount();
    const [, clear] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.column-actions button');
    clear!.click();
    await el.updateComplete;
    expect(exportButton(el).disabled).to.equal(true);
    expect(el.shadowRoot!.getElementById(exportButton(el).getAttribute('aria-describedby')!)!.textContent).to.equal('Choose at least one column.');
    // Item columns only count with one row per item.
    radio(el, 'mode', 'line').click();
    await el.updateComplete;
    checkbox(el, 'sku').click();
    await el.updateComplete;
    expect(exportButton(el).disabled).to.equal(false);
    radio(el, 'mode', 'order').click();
    await el.updateComplete;
    expect(checkbox(el, 'sku').matches(':disabled')).to.equal(true);
    expect(el.shadowRoot!.getElementById('blocked')!.textContent).to.equal('Choose at least one order column.');
    checkbox(el, 'number').click();
    radio(el, 'scope', 'range').click();
    await el.updateComplete;
    const [start, end] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="date"]');
    start!.value = '2026-11-20';
    start!.dispatchEvent(new Event('change'));
    end!.value = '2026-11-01';
    end!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(exportButton(el).disabled).to.equal(true);
    expect(el.shadowRoot!.getElementById('blocked')!.textContent).to.equal('The end date is before the start date.');
    expect(start!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('counts the current view itself when no list has loaded it (a standalone panel)', async () => {
    const alone = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer, query: { tab: 'all' } });
    try {
      expect(alone.snapshot.list.total).to.equal(undefined);
      const el = await fixture<OrderExport>(html`<order-export .store=${alone}></order-export>`);
      await eventually(() => part(el, 'scope')!.textContent!.includes('(450 orders)'));
      expect(alone.snapshot.list.total).to.equal(undefined);
    } finally {
      alone.dispose();
    }
  });

  it('works as a modal dialog from the keyboard', async () => {
    const el = await fixture<OrderExport>(html`<order-export modal .store=${store} chunk-size="500"></order-export>`);
    await el.show();
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close-button'));
    await expect(el).to.be.accessible();
    exportButton(el).focus();
    const done = oneEvent(el, 'export-complete') as Promise<ExportCompleteEvent>;
    el.addEventListener('export-complete', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    expect((await done).detail.orders).to.equal(store.snapshot.list.total);
    const closed = oneEvent(el, 'export-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
  });
});

/** Minor units with two decimals as major-unit text (test oracle, from digits). */
function r2(amount: number): string {
  const text = String(Math.abs(amount)).padStart(3, '0');
  return `${amount < 0 ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
}
