import { expect, fixtureCleanup, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OrderImport, type ImportCompleteEvent } from '../../../src/components/order-import/define.js';
import type { ImportResult } from '../../../src/api/types.js';
import { demoCatalog } from '../../../src/model/csv/catalog.js';
import { encodeCsv } from '../../../src/model/csv/encode.js';
import { IMPORT_FIELDS } from '../../../src/model/csv/fields.js';
import { parseCsv } from '../../../src/model/csv/parse.js';
import { money } from '../../../src/model/money.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, openBackend, type Backend } from '../../state/backend.js';
import { atStep, button, chooseFile, mountImport, part, tableRows } from './helpers.js';

const HEADER = ['Nomor Pesanan', 'Toko', 'Nama Pembeli', 'No. HP', 'SKU', 'Jumlah', 'Harga Satuan', 'Ongkir', 'Catatan'];
const GOOD = encodeCsv(
  HEADER,
  [
    ['IMP-1', 'st_jkt', 'Budi Santoso', '+62 811 1111', 'KOP-GAYO-250-WB', '2', '', '15000', 'Tolong cepat'],
    ['IMP-1', 'st_jkt', 'Budi Santoso', '+62 811 1111', 'KOP-CB-1L', '1', '', '15000', 'Tolong cepat'],
    ['IMP-2', 'st_kul', 'Nur Aisyah', '', 'LIN-TOTE-NAT', '1', '59.90', '8.50', ''],
    ['IMP-3', 'Lion City Gadgets', 'Tan Wei', '', 'AUD-BUDS-BLK', '1', '', '', ''],
  ],
  [],
  { bom: true },
);
const BAD = encodeCsv(HEADER, [
  ['IMP-10', 'st_jkt', 'Budi', '', 'KOP-CB-1L', '1', '', '', ''],
  ['IMP-11', 'st_jkt', '', '', 'KOP-CB-1L', '1', '', '', ''],
  ['IMP-12', 'st_jkt', 'Budi', '', 'NOPE-404', '1', '', '', ''],
  ['IMP-13', 'st_jkt', 'Budi', '', 'KOP-CB-1L', '1', '150.000', '', ''],
  ['IMP-14', 'st_mars', 'Budi', '', 'KOP-CB-1L', '1', '', '', ''],
  ['IMP-10', 'st_jkt', 'Someone else', '', 'KOP-CB-1L', '1', '', '', ''],
]);

describe('<order-import> orders', () => {
  let backend: Backend;
  let store: OrderStore;
  let clicks: HTMLAnchorElement[];
  const originalClick = HTMLAnchorElement.prototype.click;

  beforeEach(async () => {
    backend = await openBackend(60);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
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
  });

  const total = async () => (await backend.spy.inner.listOrders({ archived: 'any' }, { offset: 0, limit: 1 })).total;

  async function walkToPreview(el: OrderImport, text: string): Promise<void> {
    chooseFile(el, text);
    await atStep(el, 'map');
    button(el, 'check-button').click();
    await atStep(el, 'preview');
  }

  it('imports a good file in one call, reports what it created, and creates nothing on re-import', async () => {
    expect(customElements.get('order-import')).to.equal(OrderImport);
    const before = await total();
    const el = await mountImport(store);
    chooseFile(el, GOOD);
    await atStep(el, 'map');
    expect(el.parsedBy).to.equal('worker');
    // Indonesian headers were matched: the select of each field shows its column.
    const selected = (field: string) => {
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>(`select[data-field="${field}"]`)!;
      return select.selectedOptions[0]!.textContent!.trim();
    };
    expect(selected('number')).to.equal('A · Nomor Pesanan');
    expect(selected('customerName')).to.equal('C · Nama Pembeli');
    expect(selected('deliveryFee')).to.equal('H · Ongkir');
    button(el, 'check-button').click();
    await atStep(el, 'preview');
    expect(part(el, 'problems')).to.equal(null);
    expect(part(el, 'summary')!.textContent!.trim()).to.equal('3 orders ready to import.');
    expect(tableRows(el, 'preview')).to.deep.equal([
      ['IMP-1', 'Budi Santoso', 'Kopi Senja Jakarta', '3', `Rp ${(2 * 192000 + 240000 + 15000).toLocaleString('en')}`.replace('Rp ', 'IDR ')],
      ['IMP-2', 'Nur Aisyah', 'Rimba Living Kuala Lumpur', '1', 'MYR 68.40'],
      ['IMP-3', 'Tan Wei', 'Lion City Gadgets', '1', `SGD ${(demoCatalog().find('AUD-BUDS-BLK')!.price('SGD')!.amount / 100).toFixed(2)}`],
    ]);
    const done = oneEvent(el, 'import-complete') as Promise<ImportCompleteEvent>;
    button(el, 'import-button').click();
    const { result } = (await done).detail;
    await atStep(el, 'result');
    expect(backend.spy.count('importOrders')).to.equal(1);
    expect(result.created.map((o) => o.number)).to.deep.equal(['IMP-1', 'IMP-2', 'IMP-3']);
    expect(part(el, 'summary')!.textContent!.trim()).to.equal('Created 3 orders.');
    expect(await total()).to.equal(before + 3);
    const [imp1] = (await backend.spy.inner.listOrders({ search: 'IMP-1', archived: 'any' }, { offset: 0, limit: 5 })).items;
    expect(imp1).to.deep.include({ number: 'IMP-1', storeId: 'st_jkt', currency: 'IDR', channel: 'manual', note: 'Tolong cepat' });
    expect(imp1!.customer).to.deep.equal({ name: 'Budi Santoso', phone: '+62 811 1111' });
    expect(imp1!.deliveryFee).to.deep.equal(money(15000, 'IDR'));
    expect(imp1!.lines.map((l) => [l.sku, l.quantity.ordered, l.unitPrice.amount])).to.deep.equal([
      ['KOP-GAYO-250-WB', 2, 192000],
      ['KOP-CB-1L', 1, 240000],
    ]);

    // The same file again: the numbers exist, are shown as skipped, and nothing new is created.
    button(el, 'again-button').click();
    await atStep(el, 'choose');
    await walkToPreview(el, GOOD);
    expect(part(el, 'summary')!.textContent!.trim()).to.equal('3 orders ready: 0 new, 3 already exist and will be skipped.');
    expect(tableRows(el, 'problems').map((r) => r[2])).to.deep.equal([
      'Order IMP-1 already exists; it will be skipped.',
      'Order IMP-2 already exists; it will be skipped.',
      'Order IMP-3 already exists; it will be skipped.',
    ]);
    const again = oneEvent(el, 'import-complete') as Promise<ImportCompleteEvent>;
    button(el, 'import-button').click();
    const second: ImportResult = (await again).detail.result;
    expect(second.created).to.deep.equal([]);
    expect(second.skipped.map((s) => s.number)).to.deep.equal(['IMP-1', 'IMP-2', 'IMP-3']);
    await atStep(el, 'result');
    expect(part(el, 'summary')!.textContent!.trim()).to.equal('Created 0 orders. Skipped 3 that already exist.');
    expect(await total()).to.equal(before + 3);
  });

  it('imports nothing from a file with bad rows, and names each bad row and column', async () => {
    const before = await total();
    const el = await mountImport(store);
    await walkToPreview(el, BAD);
    expect(tableRows(el, 'problems')).to.deep.equal([
      ['3', 'Nama Pembeli (C)', 'This cell is empty but required.'],
      ['4', 'SKU (E)', 'No product has the SKU “NOPE-404”.'],
      ['5', 'Harga Satuan (G)', '“150.000” is ambiguous: it could use thousands separators or a decimal comma. Write it without separators, with a dot for decimals: 150000 or 1234.50'],
      ['6', 'Toko (B)', '“st_mars” is not one of your stores (use the store ID or its name).'],
      ['7', 'Nama Pembeli (C)', 'Same order number as row 2, but a different “Nama Pembeli”. Rows of one order must agree.'],
    ]);
    expect(part(el, 'problems')!.querySelector('caption')!.textContent!.trim()).to.equal('Problems (5)');
    const importButton = button(el, 'import-button');
    expect(importButton.disabled).to.equal(true);
    const why = el.shadowRoot!.getElementById(importButton.getAttribute('aria-describedby')!)!;
    expect(why.textContent).to.equal('Fix the 5 problems in the file, then choose it again.');
    expect(part(el, 'summary')!.textContent!.trim()).to.equal('5 problems must be fixed in the file before anything can be imported.');
    importButton.click();
    await el.updateComplete;
    expect(el.currentStep).to.equal('preview');
    expect(backend.spy.count('importOrders')).to.equal(0);
    expect(await total()).to.equal(before);
    await expect(el).to.be.accessible();
  });

  it('lets the user remap a column, and reports a required field left without one', async () => {
    const el = await mountImport(store);
    chooseFile(el, GOOD);
    await atStep(el, 'map');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="sku"]')!;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    // Giving the note's column to the customer name takes it away from the note.
    const name = el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="customerName"]')!;
    name.value = '8';
    name.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-field="note"]')!.value).to.equal('');
    button(el, 'check-button').click();
    await atStep(el, 'preview');
    const rows = tableRows(el, 'problems');
    expect(rows[0]).to.deep.equal(['1', 'SKU', 'No column of the file is mapped to “SKU”, which is required.']);
    // Row 4 (IMP-2) has no note: its customer name is now empty.
    expect(rows.slice(1)).to.deep.include(['4', 'Catatan (I)', 'This cell is empty but required.']);
  });

  it('offers the template, whose header is every import field', async () => {
    const el = await mountImport(store);
    button(el, 'template-button').click();
    expect(clicks).to.have.length(1);
    expect(clicks[0]!.download).to.equal('orders-template.csv');
    const text = await (await fetch(clicks[0]!.href)).text();
    const rows = parseCsv(text).rows;
    expect(rows[0]).to.deep.equal(IMPORT_FIELDS.map((f) => f.header));
    // The template imports as it is.
    await walkToPreview(el, text);
    expect(part(el, 'problems')).to.equal(null);
  });

  it('takes a dropped file, and explains an empty or header-less file', async () => {
    const el = await mountImport(store);
    const zone = part(el, 'drop-zone')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([''], 'empty.csv', { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('dragging')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await eventually(() => part(el, 'error') !== null);
    expect(part(el, 'error')!.textContent).to.equal('The file is empty.');
    expect(el.currentStep).to.equal('choose');
    chooseFile(el, '\r\n,,\r\n');
    await eventually(() => part(el, 'error')?.textContent === 'The file has no header row: its first line must name the columns.');
    const good = new DataTransfer();
    good.items.add(new File([GOOD], 'good.csv', { type: 'text/csv' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: good, bubbles: true, cancelable: true }));
    await atStep(el, 'map');
    expect(part(el, 'summary')!.textContent).to.contain('good.csv: 4 rows, 9 columns.');
  });

  it('passes axe while reading a file, and Cancel goes back to the first step', async () => {
    const RealWorker = globalThis.Worker;
    // A worker that loads but never answers keeps the wizard on its reading step.
    const silent = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
    globalThis.Worker = class extends RealWorker {
      constructor(_url: string | URL, options?: WorkerOptions) {
        super(silent, options);
      }
    };
    try {
      const el = await mountImport(store);
      chooseFile(el, GOOD);
      await atStep(el, 'reading');
      expect(part(el, 'progress')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('#step-heading')!.textContent).to.equal('Reading orders.csv…');
      await expect(el).to.be.accessible();
      button(el, 'cancel-button').click();
      await atStep(el, 'choose');
      expect(part(el, 'error')).to.equal(null);
    } finally {
      globalThis.Worker = RealWorker;
      URL.revokeObjectURL(silent);
    }
  });

  it('passes axe on every step, and moves focus to each new step', async () => {
    const el = await mountImport(store);
    await expect(el).to.be.accessible();
    chooseFile(el, GOOD);
    await atStep(el, 'map');
    expect(el.shadowRoot!.activeElement!.id).to.equal('step-heading');
    await expect(el).to.be.accessible();
    // Hold the number lookups, to see the checking step.
    const original = store.listOrders.bind(store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    store.listOrders = async (q, page, signal) => {
      await gate;
      return original(q, page, signal);
    };
    button(el, 'check-button').click();
    await atStep(el, 'checking');
    expect(part(el, 'progress')!.textContent).to.contain('0 of 3');
    await expect(el).to.be.accessible();
    release();
    await atStep(el, 'preview');
    expect(el.shadowRoot!.activeElement!.id).to.equal('step-heading');
    await expect(el).to.be.accessible();
    // Hold the import, to see the importing step.
    const importOriginal = store.importOrders.bind(store);
    let go!: () => void;
    const held = new Promise<void>((resolve) => (go = resolve));
    store.importOrders = async (drafts) => {
      await held;
      return importOriginal(drafts);
    };
    button(el, 'import-button').click();
    await atStep(el, 'importing');
    await expect(el).to.be.accessible();
    go();
    await atStep(el, 'result');
    await expect(el).to.be.accessible();
  });

  it('retries a failed import with the same idempotency key, creating each order once', async () => {
    const el = await mountImport(store);
    await walkToPreview(el, GOOD);
    const { OrderApiError } = await import('../../../src/api/types.js');
    backend.spy.failNext('importOrders', new OrderApiError({ code: 'network', message: 'Offline.' }));
    button(el, 'import-button').click();
    await eventually(() => part(el, 'error') !== null);
    expect(part(el, 'error')!.textContent).to.equal('Network problem: Offline.');
    expect(el.currentStep).to.equal('preview');
    // The wizard shows the failure; the store's error list does not repeat it.
    expect(store.snapshot.errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'import-complete') as Promise<ImportCompleteEvent>;
    button(el, 'retry-button').click();
    expect((await done).detail.result.created).to.have.length(3);
    const keys = backend.spy.calls.importOrders.map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('works as a modal dialog from the keyboard', async () => {
    const { fixture, html } = await import('@open-wc/testing');
    const el = await fixture<OrderImport>(html`<order-import modal .store=${store} .stores=${[]}></order-import>`);
    await el.show();
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await expect(el).to.be.accessible();
    // Tab reaches the mode radios, the template link and the file input.
    const reached: string[] = [];
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement as HTMLElement | null;
      if (!active) break;
      reached.push(active.getAttribute('part') ?? (active as HTMLInputElement).type ?? active.tagName);
    }
    expect(reached).to.include('file');
    expect(reached).to.include('button template-button');
    const closed = oneEvent(el, 'import-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });
});
