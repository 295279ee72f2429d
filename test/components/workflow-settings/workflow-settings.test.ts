import { expect, fixture, fixtureCleanup, html, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/workflow-settings/define.js';
import '../../../src/components/status-tabs/define.js';
import '../../../src/components/order-table/define.js';
import '../../../src/components/bulk-action-bar/define.js';
import { WorkflowSettings } from '../../../src/components/workflow-settings/define.js';
import type { OrderTable } from '../../../src/components/order-table/order-table.js';
import type { BulkActionBar } from '../../../src/components/bulk-action-bar/bulk-action-bar.js';
import type { StatusTabs } from '../../../src/components/status-tabs/status-tabs.js';
import { OrderApiError } from '../../../src/api/types.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import type { Order } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, settledList, until } from '../../state/backend.js';
import { SpyApi } from '../../state/spy-api.js';
import { openPresetBackend, staffViewer, type PresetBackend } from '../bulk-action-bar/preset-backend.js';

const root = (el: Element): ShadowRoot => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string): T => root(el).querySelector<T>(selector)!;
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const statusKeys = (el: WorkflowSettings): string[] => [...root(el).querySelectorAll<HTMLElement>('[data-status]')].map((r) => r.dataset['status']!);
const tabKeys = (el: WorkflowSettings): string[] => [...root(el).querySelectorAll<HTMLElement>('[data-tab]')].map((r) => r.dataset['tab']!);

async function typeInto(el: WorkflowSettings, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: WorkflowSettings, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function tick(el: WorkflowSettings, id: string): Promise<void> {
  $<HTMLInputElement>(el, `#${id}`).click();
  await el.updateComplete;
}

async function click(el: Element, selector: string): Promise<void> {
  $(el, selector).click();
  await (el as WorkflowSettings).updateComplete;
}

/** Adds "Awaiting pickup" (Indonesian too) with a transition from Processing; `tab` as the form takes it. */
async function addAwaitingPickup(el: WorkflowSettings, tab = 'own'): Promise<void> {
  await typeInto(el, 'new-status-en', 'Awaiting pickup');
  await typeInto(el, 'new-status-id', 'Menunggu dijemput');
  await typeInto(el, 'new-description-en', 'Packed; the courier has not collected it yet.');
  await choose(el, 'new-tone', 'attention');
  await tick(el, 'new-from-processing');
  await choose(el, 'new-tab', tab);
  await click(el, '#add-status-button');
}

describe('<workflow-settings>', () => {
  let backend: PresetBackend;
  let spy: SpyApi;
  let store: OrderStore;

  beforeEach(async () => {
    backend = await openPresetBackend('cod-delivery', 60);
    spy = new SpyApi(backend.api);
    store = createOrderStore({ api: spy, workflow: backend.workflow, viewer: backend.viewer, refreshDelayMs: 10 });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    await backend.close();
    await setLocale('en');
  });

  async function mount(s: OrderStore = store): Promise<WorkflowSettings> {
    const el = await fixture<WorkflowSettings>(html`<workflow-settings .store=${s}></workflow-settings>`);
    await eventually(() => root(el).querySelector('h2') !== null);
    // Counts arrive per status.
    await eventually(() => ![...root(el).querySelectorAll('[data-status] td.num')].some((c) => text(c) === '…'));
    return el;
  }

  it('lists every status with its category, description and the orders in it, and passes axe', async () => {
    const el = await mount();
    expect(customElements.get('workflow-settings')).to.equal(WorkflowSettings);
    expect(statusKeys(el)).to.deep.equal(backend.workflow.statuses.map((s) => s.key));
    const pending = (await backend.api.listOrders({ statuses: ['pending'], archived: 'any' }, { offset: 0, limit: 1 })).total;
    expect(text($(el, '[data-status="pending"] td.num'))).to.equal(String(pending));
    expect(text($(el, '[data-status="pending"] th'))).to.contain('Pending');
    expect(text($(el, '[data-status="processing"]'))).to.contain('Being prepared for delivery.');
    expect(tabKeys(el)).to.deep.equal(backend.workflow.tabs.map((t) => t.key));
    expect($<HTMLButtonElement>(el, '[part~="save-button"]').disabled, 'nothing to save yet').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('adds “Awaiting pickup” with a transition from Processing and its own tab; saved, every view follows', async () => {
    const el = await mount();
    await addAwaitingPickup(el);
    expect(statusKeys(el)).to.include('awaiting-pickup');
    expect(text($(el, '[data-status="awaiting-pickup"]'))).to.contain('Awaiting pickup').and.contain('awaiting-pickup');
    expect(text($(el, '[data-action="set-awaiting-pickup"]'))).to.contain('Processing');
    expect(tabKeys(el)).to.include('awaiting-pickup');
    expect(store.workflow.statuses.map((s) => s.key), 'not applied before saving').not.to.include('awaiting-pickup');
    await expect(el).to.be.accessible();

    let saved = 0;
    el.addEventListener('workflow-save', () => saved++);
    await click(el, '[part~="save-button"]');
    await eventually(() => store.workflow.statuses.some((s) => s.key === 'awaiting-pickup'));
    await el.updateComplete;
    expect(saved).to.equal(1);
    expect(text($(el, '[part~="message"]'))).to.equal('Saved. Every view now uses this workflow.');
    const stored = await backend.api.getWorkflow();
    expect(stored.version).to.equal(1);
    const status = stored.definition.statuses.find((s) => s.key === 'awaiting-pickup')!;
    expect(status.label).to.deep.equal({ en: 'Awaiting pickup', id: 'Menunggu dijemput' });
    expect(status.category).to.equal('open');
    expect(status.tone).to.equal('attention');
    const action = stored.definition.actions.find((a) => a.key === 'set-awaiting-pickup')!;
    expect(action).to.include({ operation: 'set-status', to: 'awaiting-pickup', permission: 'orders.status', bulk: true });
    expect(action.from).to.deep.equal(['processing']);

    // Another store on the same data (another tab) applies it through the change event.
    const other = await backend.open();
    const second = createOrderStore({ api: other, workflow: backend.workflow, viewer: backend.viewer });
    try {
      await until(second, (s) => s.workflow.statuses.some((x) => x.key === 'awaiting-pickup'));
      const third = await backend.api.saveWorkflow({ definition: { ...stored.definition, tabs: [...stored.definition.tabs].reverse() }, expectedVersion: 1 }, { idempotencyKey: crypto.randomUUID() });
      await until(second, (s) => s.workflowVersion === third.version);
      expect(second.workflow.tabs[0]!.key).to.equal(stored.definition.tabs.at(-1)!.key);
    } finally {
      second.dispose();
    }
  });

  it('moves an order into the new status from the row status menu and from a bulk action; the tab counts follow', async () => {
    const el = await mount();
    await addAwaitingPickup(el);
    await click(el, '[part~="save-button"]');
    await eventually(() => store.workflow.tabs.some((t) => t.key === 'awaiting-pickup'));

    store.setQuery({ tab: backend.workflow.tabs[0]!.key, statuses: ['processing'] });
    const views = await fixture<HTMLElement>(html`<div>
      <status-tabs .store=${store}></status-tabs>
      <bulk-action-bar .store=${store}></bulk-action-bar>
      <order-table .store=${store} .stores=${demoStores} storage-key=${`test:${crypto.randomUUID()}`} style="height:360px"></order-table>
    </div>`);
    const tabs = views.querySelector<StatusTabs>('status-tabs')!;
    const table = views.querySelector<OrderTable>('order-table')!;
    const bar = views.querySelector<BulkActionBar>('bulk-action-bar')!;
    await settledList(store);
    await until(store, (s) => s.counts.values !== undefined && !s.counts.loading);
    await nextFrame();
    await tabs.updateComplete;
    const tabFor = (key: string) => root(tabs).querySelector<HTMLElement>(`[role="tab"][data-tab="${key}"]`) ?? [...root(tabs).querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => text(t).startsWith('Awaiting pickup'))!;
    expect(text(tabFor('awaiting-pickup'))).to.match(/^Awaiting pickup\s*0\b/);

    // Row status menu: the first processing order.
    await table.updateComplete;
    await nextFrame();
    const row = root(table).querySelector<HTMLElement>('.body > [role="row"]:not([hidden])')!;
    const first = store.snapshot.orders.get(store.snapshot.list.rows.get(0)!) as Order;
    expect(first.status).to.equal('processing');
    row.querySelector<HTMLButtonElement>('[data-od-action="status-menu"]')!.click();
    await table.updateComplete;
    const menu = root(table).querySelector<HTMLElement>('[part="status-menu"]')!;
    const item = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => text(i) === 'Awaiting pickup');
    expect(item, 'the menu offers the new status').to.exist;
    item!.click();
    await eventually(() => store.getCached(first.id)?.status === 'awaiting-pickup');
    await until(store, (s) => !s.inFlight.has(first.id));
    expect((await backend.api.getOrder(first.id)).status).to.equal('awaiting-pickup');

    // Bulk action on two more processing orders.
    await settledList(store);
    const ids = [...store.snapshot.list.rows.values()].filter((id) => id !== first.id && store.getCached(id)?.status === 'processing').slice(0, 2);
    expect(ids).to.have.length(2);
    store.selectIds(ids);
    await bar.updateComplete;
    const button = root(bar).querySelector<HTMLButtonElement>('[data-action="set-awaiting-pickup"]');
    expect(button, 'the bulk bar offers the new transition').to.exist;
    expect(text(button)).to.equal('Awaiting pickup');
    button!.click();
    await eventually(() => store.snapshot.bulk?.results !== undefined);
    expect(store.snapshot.bulk!.results!.every((r) => r.ok)).to.equal(true);
    for (const id of ids) expect((await backend.api.getOrder(id)).status).to.equal('awaiting-pickup');
    // Counts are for the query without its tab: drop the status filter used to find processing orders.
    store.setQuery({ statuses: undefined });
    await eventually(() => store.snapshot.counts.values?.['awaiting-pickup'] === 3);
    await tabs.updateComplete;
    expect(text(tabFor('awaiting-pickup'))).to.match(/^Awaiting pickup\s*3\b/);
  });

  it('adds a status to an existing tab, renames and hides a status, reorders tabs with the keyboard, and resets to the preset', async () => {
    const el = await mount();
    const tabWithStatuses = backend.workflow.tabs.find((t) => t.filter.status)!;
    await addAwaitingPickup(el, tabWithStatuses.key);
    expect(text($(el, `[data-tab="${tabWithStatuses.key}"]`))).to.contain('Awaiting pickup');

    // Rename Pending (both languages).
    await click(el, '#rename-pending');
    await typeInto(el, 'rename-pending-en', 'Waiting');
    await typeInto(el, 'rename-pending-id', 'Menunggu konfirmasi');
    await click(el, '.rename .control.primary');
    expect(text($(el, '[data-status="pending"] .badge'))).to.equal('Waiting');
    expect(root(el).activeElement?.id).to.equal('rename-pending');

    // Hide Failed: marked hidden, no longer a target anywhere once saved.
    const hide = [...root(el).querySelectorAll<HTMLButtonElement>('[data-status="failed"] button')].find((b) => text(b) === 'Hide')!;
    hide.click();
    await el.updateComplete;
    expect($(el, '[data-status="failed"]').getAttribute('part')).to.equal('row hidden-row');
    expect(text($(el, '[data-status="failed"]'))).to.contain('Hidden');

    // Move the second tab up with the keyboard; focus follows it.
    const [firstTab, secondTab] = tabKeys(el);
    $(el, `#up-${secondTab}`).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tabKeys(el).slice(0, 2)).to.deep.equal([secondTab, firstTab]);
    expect(root(el).activeElement?.id, 'at the top, focus moves to its Down button').to.equal(`down-${secondTab}`);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(tabKeys(el).slice(0, 2)).to.deep.equal([firstTab, secondTab]);
    await click(el, `#up-${secondTab}`);

    await click(el, '[part~="save-button"]');
    await eventually(() => store.snapshot.workflowVersion === 1);
    const saved = store.workflow;
    expect(saved.statuses.find((s) => s.key === 'pending')!.label).to.deep.equal({ en: 'Waiting', id: 'Menunggu konfirmasi' });
    expect(saved.statuses.find((s) => s.key === 'failed')!.hidden).to.equal(true);
    expect(saved.tabs[0]!.key).to.equal(secondTab);
    expect(saved.tabs.find((t) => t.key === tabWithStatuses.key)!.filter.status).to.include('awaiting-pickup');

    // Reset asks first; Cancel keeps everything.
    await click(el, '[part~="reset-button"]');
    expect(text($(el, '[part~="confirm"]'))).to.contain('Replace the draft with the preset?');
    await click(el, '[part~="confirm"] .control:not(.primary)');
    expect(root(el).querySelector('[part~="confirm"]')).to.equal(null);
    await click(el, '[part~="reset-button"]');
    await click(el, '#reset-confirm');
    expect(statusKeys(el)).to.deep.equal(backend.workflow.statuses.map((s) => s.key));
    expect(text($(el, '[part~="message"]'))).to.equal('The preset is in the draft. Save to apply it.');
    await click(el, '[part~="save-button"]');
    await eventually(() => store.snapshot.workflowVersion === 2);
    expect(JSON.stringify(store.workflow)).to.equal(JSON.stringify(backend.workflow));
  });

  it('shows validation errors beside what is wrong and sends nothing', async () => {
    const el = await mount();
    // Pending loses its English name.
    await click(el, '#rename-pending');
    await typeInto(el, 'rename-pending-en', '');
    await click(el, '.rename .control.primary');
    await click(el, '[part~="save-button"]');
    await el.updateComplete;
    expect(spy.calls.saveWorkflow).to.have.length(0);
    expect(text($(el, '[part~="message"]'))).to.equal('Not saved: fix the problems listed below.');
    expect(text($(el, '[data-status="pending"] [part~="field-error"]'))).to.equal('Enter the English text.');
    expect(text($(el, '[part~="summary"]'))).to.contain('1 problem to fix before saving');
    expect($(el, '[data-status="pending"]').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // Fixing it clears the problem as it is typed.
    await click(el, '#rename-pending');
    await typeInto(el, 'rename-pending-en', 'Pending');
    await click(el, '.rename .control.primary');
    expect(root(el).querySelector('[part~="summary"]')).to.equal(null);

    // A description typed only in Indonesian is kept, and named on save.
    await typeInto(el, 'new-status-en', 'Awaiting pickup');
    await typeInto(el, 'new-description-id', 'Sudah dikemas.');
    await click(el, '#add-status-button');
    await click(el, '[part~="save-button"]');
    expect(text($(el, '[data-status="awaiting-pickup"] [part~="field-error"]'))).to.equal('Enter the English description.');
    expect(spy.calls.saveWorkflow).to.have.length(0);
  });

  it('keeps the draft when the save fails, and shows the backend’s refusal beside the status', async () => {
    const el = await mount();
    await addAwaitingPickup(el);
    spy.failNext('saveWorkflow', new OrderApiError({ code: 'network', message: 'offline' }));
    await click(el, '[part~="save-button"]');
    await eventually(() => text($(el, '[part~="message"]')).startsWith('Not saved'));
    expect(text($(el, '[part~="message"]'))).to.contain('Your changes are kept');
    expect(statusKeys(el)).to.include('awaiting-pickup');
    expect(el.dirty).to.equal(true);
    expect(store.workflow.statuses.map((s) => s.key)).not.to.include('awaiting-pickup');

    // Saved for real, an order moved in, then removing the status is refused by the backend by count.
    await click(el, '[part~="save-button"]');
    await eventually(() => store.snapshot.workflowVersion === 1);
    const order = (await backend.api.listOrders({ statuses: ['processing'] }, { offset: 0, limit: 1 })).items[0]!;
    await store.runAction(order.id, 'set-awaiting-pickup', undefined, { expectedVersion: order.version });
    await click(el, '[part~="reset-button"]');
    await click(el, '#reset-confirm');
    await click(el, '[part~="save-button"]');
    await eventually(() => root(el).querySelector('[part~="summary"]') !== null);
    expect(text($(el, '[part~="summary"]'))).to.contain('Cannot be removed: 1 order is in this status.');
    expect(el.dirty, 'the reset draft is kept').to.equal(true);
    expect(store.snapshot.workflowVersion).to.equal(1);
  });

  it('tells a staff member that only admins change the workflow', async () => {
    const staffApi = await backend.open(staffViewer);
    const staffStore = createOrderStore({ api: staffApi, workflow: backend.workflow, viewer: staffViewer });
    try {
      const el = await fixture<WorkflowSettings>(html`<workflow-settings .store=${staffStore}></workflow-settings>`);
      await el.updateComplete;
      expect(text($(el, '[part~="message"]'))).to.equal('Only admins can change the workflow.');
      await expect(el).to.be.accessible();
    } finally {
      staffStore.dispose();
    }
  });

  it('speaks Indonesian', async () => {
    await setLocale('id');
    const el = await mount();
    expect(text($(el, 'h2'))).to.not.equal('Workflow settings');
    expect(text($(el, '#add-status-button'))).to.not.equal('Add status');
  });
});
