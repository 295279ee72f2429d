import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-admin/define.js';
import type { BulkActionEvent } from '../../../src/components/bulk-action-bar/define.js';
import type { OrderAdmin } from '../../../src/components/order-admin/define.js';
import type { OrderTable } from '../../../src/components/order-table/define.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually } from '../../state/backend.js';
import { adminViewer, openPresetBackend, type PresetBackend } from '../bulk-action-bar/preset-backend.js';

const root = (el: OrderAdmin): ShadowRoot => el.shadowRoot!;
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const listShown = (el: OrderAdmin): boolean => !root(el).querySelector('[part="list"]')!.hasAttribute('hidden');
const part = <T extends Element = HTMLElement>(el: OrderAdmin, name: string): T => root(el).querySelector<T>(`[part~="${name}"]`)!;

/** The focused element, through every shadow root. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The hosts from the focused element out to the document. */
function focusPath(): string[] {
  const hosts: string[] = [];
  let node: Node | null = deepActive();
  while (node) {
    const rootNode = node.getRootNode();
    if (rootNode instanceof ShadowRoot) {
      hosts.push(rootNode.host.localName);
      node = rootNode.host;
    } else node = null;
  }
  return hosts;
}

async function settle(el: OrderAdmin): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  await el.updateComplete;
}

/** Presses Tab until `reached()` (at most `max` times). */
async function tabUntil(reached: () => boolean, what: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (reached()) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what} (focus in ${focusPath().join(' < ')})`);
}

describe('<order-admin>', () => {
  const startUrl = location.href;
  let backend: PresetBackend;

  afterEach(async () => {
    history.replaceState(null, '', startUrl);
    await setLocale('en');
    await backend?.close();
  });

  async function mount(preset: 'marketplace' | 'cod-delivery' = 'marketplace', count = 40): Promise<OrderAdmin> {
    backend = await openPresetBackend(preset, count);
    history.replaceState(null, '', `${location.pathname}${location.search}#/orders?tab=all`);
    const el = await fixture<OrderAdmin>(html`<order-admin
      style="--od-order-table-height: 480px"
      preset=${preset}
      .api=${backend.api}
      .viewer=${adminViewer}
      .stores=${demoStores}
    >
      <h2 slot="header">Back office</h2>
      <button slot="toolbar-actions">Export</button>
    </order-admin>`);
    const store = el.current;
    await eventually(() => store.snapshot.list.total !== undefined && store.snapshot.list.rows.size > 0 && !store.snapshot.list.loading);
    await settle(el);
    return el;
  }

  const rowIdAt = (store: OrderStore, index: number): string => store.snapshot.list.rows.get(index)!;

  it('opens CSV export and import from its toolbar, next to the host’s own actions; staff get no import', async () => {
    const el = await mount();
    const exportButton = part<HTMLButtonElement>(el, 'export-button');
    expect(text(exportButton)).to.equal('Export');
    exportButton.click();
    const exporter = root(el).querySelector('order-export')!;
    await eventually(() => exporter.shadowRoot?.querySelector('dialog')?.open === true);
    exporter.close();
    part<HTMLButtonElement>(el, 'import-button').click();
    const importer = root(el).querySelector('order-import')!;
    await eventually(() => importer.shadowRoot?.querySelector('dialog')?.open === true);
    importer.close();
    const slot = root(el).querySelector<HTMLSlotElement>('.admin-actions slot[name="toolbar-actions"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Export']);

    el.viewer = { id: 'usr_staff', name: 'Staff', role: 'staff', storeIds: [demoStores[0]!.id] };
    await settle(el);
    await eventually(() => root(el).querySelector('[part~="import-button"]') === null);
    expect(root(el).querySelector('order-import')).to.be.null;
    expect(root(el).querySelector('[part~="export-button"]')).to.exist;
  });

  it('lays out its regions with the host’s header and toolbar actions, and passes axe', async () => {
    const el = await mount();
    for (const name of ['header', 'nav', 'notifications', 'toolbar', 'tabs', 'bulk-bar', 'table']) {
      expect(part(el, name), name).to.exist;
    }
    const header = part(el, 'header').querySelector('slot')!.assignedElements();
    expect(header.map((e) => e.textContent)).to.deep.equal(['Back office']);
    const toolbarSlot = part(el, 'toolbar').querySelector('slot[name="toolbar-actions"]') as HTMLSlotElement;
    expect(toolbarSlot.assignedElements({ flatten: true }).map((e) => e.textContent)).to.deep.equal(['Export']);
    expect(part(el, 'tabs').localName).to.equal('status-tabs');
    expect(part(el, 'table').localName).to.equal('order-table');
    await expect(el).to.be.accessible();
  });

  it('walks by keyboard from the tabs to the table, opens an order, and comes back to its row', async () => {
    const el = await mount();
    const store = el.current;
    const tabs = part(el, 'tabs');
    tabs.focus();
    await eventually(() => focusPath().includes('status-tabs'));
    // Manual activation: arrow to "Unpaid"… then back to "All" with Home, Enter selects.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    const second = backend.workflow.tabs[1]!.key;
    await eventually(() => store.snapshot.query.tab === second);
    await eventually(() => location.hash === `#/orders?tab=${second}`);
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'Enter' });
    await eventually(() => store.snapshot.query.tab === 'all');
    await eventually(() => store.snapshot.list.rows.size > 0 && !store.snapshot.list.loading);

    await tabUntil(() => focusPath().includes('order-table') && !!deepActive()?.closest('[role="grid"]'), 'the grid');
    // Into the grid's body: past the header row to the third order.
    let guard = 0;
    while (deepActive()?.closest('[role="row"]')?.getAttribute('aria-rowindex') !== '4' && guard++ < 10) {
      await sendKeys({ press: 'ArrowDown' });
    }
    const row = deepActive()!.closest('[role="row"]')!;
    const index = Number(row.getAttribute('data-index'));
    const id = rowIdAt(store, index);
    const number = store.getCached(id)!.number;

    await sendKeys({ press: 'Enter' });
    await eventually(() => !listShown(el));
    expect(location.hash).to.equal(`#/orders/${encodeURIComponent(id)}?tab=all`);
    await eventually(() => text(part(el, 'detail').querySelector('order-detail')?.shadowRoot?.querySelector('[part~="title"]')).includes(number));
    expect(part(el, 'detail').getAttribute('aria-label')).to.equal(`Order ${number}`);
    expect(focusPath()[0], 'focus moved into the detail').to.equal('order-admin');
    await expect(el).to.be.accessible();

    // Back, by keyboard: the back link comes first in the detail.
    part(el, 'back-link').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => listShown(el));
    expect(location.hash).to.equal('#/orders?tab=all');
    await eventually(() => focusPath().includes('order-table'));
    const back = deepActive()!.closest('[role="row"]');
    expect(back, 'focus is on a row again').to.exist;
    expect(rowIdAt(store, Number(back!.getAttribute('data-index')))).to.equal(id);
  });

  it('runs a bulk action from table selection and shows each order that failed', async () => {
    const el = await mount('marketplace', 60);
    const store = el.current;
    const orders = [...store.snapshot.list.rows.values()].map((id) => store.getCached(id)!);
    const packable = orders.filter((o) => o.status === 'new').slice(0, 2);
    const refused = orders.filter((o) => ['completed', 'shipped', 'cancelled'].includes(o.status)).slice(0, 2);
    expect(packable.length).to.equal(2);
    expect(refused.length).to.equal(2);
    // Select them as the user does, with the rows' checkboxes.
    const table = part<OrderTable>(el, 'table');
    for (const order of [...packable, ...refused]) {
      const index = [...store.snapshot.list.rows].find(([, id]) => id === order.id)![0];
      table.scrollToIndex(index);
      await eventually(() => !!table.shadowRoot!.querySelector(`[role="row"][data-index="${index}"] input[type="checkbox"]`));
      table.shadowRoot!.querySelector<HTMLInputElement>(`[role="row"][data-index="${index}"] input[type="checkbox"]`)!.click();
    }
    const bar = part(el, 'bulk-bar');
    await eventually(() => text(bar.shadowRoot!.querySelector('[part="count"]')) === '4 selected');
    const done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;
    const pack = bar.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="pack"]')!;
    expect(text(pack)).to.equal('Pack 2 of 4');
    pack.click();
    // It applies to only some: the bar says so, and runs once confirmed.
    const confirm = bar.shadowRoot!.querySelector<HTMLDialogElement>('dialog.input')!;
    await eventually(() => confirm.open);
    expect(text(confirm.querySelector('[part="applies"]'))).to.equal('Applies to 2 of 4 selected orders; the other 2 are left as they are.');
    confirm.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    const event = await done;
    expect(event.detail.results.filter((r) => !r.ok).length).to.equal(2);
    const dialog = bar.shadowRoot!.querySelector<HTMLDialogElement>('dialog.report')!;
    await eventually(() => dialog.open);
    const numbers = [...dialog.querySelectorAll('[part="failure-number"]')].map((n) => text(n)).sort();
    expect(numbers).to.deep.equal(refused.map((o) => o.number).sort());
    await expect(el).to.be.accessible();
  });

  it('speaks Indonesian', async () => {
    const el = await mount();
    await setLocale('id');
    await settle(el);
    const links = [...root(el).querySelectorAll('[part~="nav-link"]')].map((a) => text(a));
    expect(links).to.deep.equal(['Pesanan', 'Pengiriman', 'Pembayaran', 'Kalender', 'Pindai untuk kirim', 'Pengaturan']);
    expect(part(el, 'nav').getAttribute('aria-label')).to.equal('Tampilan pesanan');
  });
});
