import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../../../src/components/order-export/define.js';
import type { ExportCompleteEvent, OrderExport } from '../../../src/components/order-export/define.js';
import type { ImportCompleteEvent } from '../../../src/components/order-import/define.js';
import { parseCsv } from '../../../src/model/csv/parse.js';
import { demoStores } from '../../../src/model/generate.js';
import type { Order } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { HOSTILE, hostileDraft } from '../../model/csv/fixtures.js';
import { openBackend, settledList, type Backend } from '../../state/backend.js';
import { atStep, button, chooseFile, mountImport, part, tableRows } from './helpers.js';

/** What an order holds that a draft gave it: the fields an export → import must carry exactly. */
const essence = (o: Order) => ({
  channel: o.channel,
  storeId: o.storeId,
  customer: o.customer,
  shippingAddress: o.shippingAddress,
  currency: o.currency,
  lines: o.lines.map((l) => ({ sku: l.sku, name: l.name, variant: l.variant, unitPrice: l.unitPrice, discount: l.discount, ordered: l.quantity.ordered })),
  discount: o.discount,
  deliveryFee: o.deliveryFee,
  tax: o.tax,
  paymentMethod: o.paymentMethod,
  tags: o.tags,
  note: o.note,
  scheduledAt: o.scheduledAt,
  totals: o.totals,
});

describe('CSV export → import round trip', () => {
  let backend: Backend;
  let store: OrderStore;

  beforeEach(async () => {
    localStorage.clear();
    backend = await openBackend(20);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    await backend.close();
    localStorage.clear();
  });

  async function exportNumber(number: string): Promise<string> {
    store.setQuery({ tab: 'all', search: number });
    store.requestRange(0, 50);
    await settledList(store);
    const el = await fixture<OrderExport>(html`<order-export .store=${store} .stores=${demoStores}></order-export>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.column-actions button')!.click(); // Select all
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="mode"][value="line"]')!.click();
    await el.updateComplete;
    const done = oneEvent(el, 'export-complete') as Promise<ExportCompleteEvent>;
    el.addEventListener('export-complete', (e) => e.preventDefault(), { once: true });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    return (await done).detail.blob.text();
  }

  it('re-imports a hostile exported order unchanged, as a new number, and it stays inert', async () => {
    const original = await backend.spy.inner.createOrder(hostileDraft('HOSTILE-1'), { idempotencyKey: 'hostile' });
    const exported = await exportNumber('HOSTILE-1');
    // Every formula-like cell is neutralised in the file.
    expect(exported).to.contain(`"'=HYPERLINK(""http://evil.example""`);
    expect(exported.split('HOSTILE-1')).to.have.length(3); // the number column of its two item rows, nothing else
    const file = exported.replaceAll('HOSTILE-1', 'HOSTILE-2');

    const el = await mountImport(store);
    chooseFile(el, file, 'orders-export.csv');
    await atStep(el, 'map');
    button(el, 'check-button').click();
    await atStep(el, 'preview');
    expect(part(el, 'problems')).to.equal(null);
    // Shown as text: the markup in the name is not markup, and nothing ran.
    const [row] = tableRows(el, 'preview');
    expect(row![1]).to.equal(HOSTILE.name);
    expect(part(el, 'preview')!.querySelector('img')).to.equal(null);
    const done = oneEvent(el, 'import-complete') as Promise<ImportCompleteEvent>;
    button(el, 'import-button').click();
    const [created] = (await done).detail.result.created;
    expect(created!.number).to.equal('HOSTILE-2');
    const stored = await backend.spy.inner.getOrder(created!.id);
    expect(essence(stored)).to.deep.equal(essence(original));
    expect(stored.customer.name).to.equal(HOSTILE.name);
    expect(stored.note).to.equal(HOSTILE.note);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);

    // Exported again, it is neutralised again: the round trip never turns data into formulas.
    const again = await exportNumber('HOSTILE-2');
    const cells = parseCsv(again).rows.flat();
    expect(cells.filter((c) => c.startsWith('=') || c.startsWith('+') || c.startsWith('@') || c.startsWith('\t'))).to.deep.equal([]);
    expect(cells).to.include(`'${HOSTILE.name}`);
  });
});
