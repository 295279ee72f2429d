import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BulkActionBar, type BulkActionEvent, type BulkActionRequestEvent } from '../../../src/components/bulk-action-bar/define.js';
import '../../../src/components/order-provider/define.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import type { Order } from '../../../src/model/types.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, until } from '../../state/backend.js';
import { loadedOrders, loadedStore, openPresetBackend, staffViewer, type PresetBackend } from './preset-backend.js';

const root = (el: BulkActionBar): ShadowRoot => el.shadowRoot!;
const bar = (el: BulkActionBar): HTMLElement | null => root(el).querySelector('[part="bar"]');
const actionKeys = (el: BulkActionBar): string[] =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~="action-button"]')].map((b) => b.dataset['action']!);
const actionButton = (el: BulkActionBar, key: string): HTMLButtonElement =>
  root(el).querySelector<HTMLButtonElement>(`[data-action="${key}"]`)!;
const inputDialog = (el: BulkActionBar): HTMLDialogElement => root(el).querySelector<HTMLDialogElement>('dialog.input')!;
const reportDialog = (el: BulkActionBar): HTMLDialogElement => root(el).querySelector<HTMLDialogElement>('dialog.report')!;
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const selectedIds = (store: OrderStore): string[] => {
  const selection = store.snapshot.selection;
  return selection.mode === 'ids' ? [...selection.ids].sort() : [];
};
const focusedIn = (el: BulkActionBar): Element | null => root(el).activeElement;

async function mount(store: OrderStore): Promise<BulkActionBar> {
  const el = await fixture<BulkActionBar>(html`<bulk-action-bar .store=${store}></bulk-action-bar>`);
  await el.updateComplete;
  return el;
}

async function reportOpen(el: BulkActionBar): Promise<void> {
  await eventually(() => reportDialog(el).open);
  await el.updateComplete;
}

describe('<bulk-action-bar>', () => {
  let backend: PresetBackend;
  let store: OrderStore;

  afterEach(async () => {
    store?.dispose();
    await backend?.close();
    await setLocale('en');
  });

  describe('marketplace (pack only from New)', () => {
    let orders: Order[];

    beforeEach(async () => {
      backend = await openPresetBackend('marketplace', 60);
      store = await loadedStore(backend, 60);
      orders = loadedOrders(store);
    });

    const some = (status: string, n: number): Order[] => {
      const found = orders.filter((o) => o.status === status && !o.archived).slice(0, n);
      expect(found.length, `seeded orders in ${status}`).to.equal(n);
      return found;
    };
    const notPackable = (n: number): Order[] => {
      const found = orders.filter((o) => !['new', 'unpaid', 'to-process', 'to-ship', 'to-cancel', 'delivered'].includes(o.status)).slice(0, n);
      expect(found.length).to.equal(n);
      return found;
    };

    it('is empty without a selection and shows the count and the actions the selection allows', async () => {
      const el = await mount(store);
      expect(customElements.get('bulk-action-bar')).to.equal(BulkActionBar);
      expect(bar(el)).to.equal(null);

      const fresh = some('new', 2);
      store.selectIds(fresh.map((o) => o.id));
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="count"]'))).to.equal('2 selected');
      // New orders can be packed or cancelled; "complete" needs Delivered, so it is not offered.
      expect(actionKeys(el)).to.include.members(['pack', 'cancel']);
      expect(actionKeys(el)).not.to.include('complete');
      expect(actionButton(el, 'cancel').getAttribute('part')).to.equal('action-button destructive');
      await expect(el).to.be.accessible();

      // Orders that allow none of "pack"'s statuses: "pack" is not offered.
      store.selectIds(notPackable(2).map((o) => o.id));
      await el.updateComplete;
      expect(actionKeys(el)).not.to.include('pack');

      // All matching (from the bar's own "Select all N matching"): every permitted bulk action, with
      // the "all N matching" wording.
      const total = store.snapshot.list.total!;
      const selectAll = root(el).querySelector<HTMLButtonElement>('[part="select-all-button"]')!;
      expect(text(selectAll)).to.equal(`Select all ${total} matching`);
      selectAll.click();
      await el.updateComplete;
      expect(store.snapshot.selection.mode).to.equal('all');
      expect(root(el).querySelector('[part="select-all-button"]')).to.equal(null);
      expect(text(root(el).querySelector('[part="count"]'))).to.equal(`All ${store.snapshot.list.total} matching orders selected`);
      // "Record print" is run by the print preview (it needs a document), never offered as a button.
      const permitted = backend.workflow.actions.filter((a) => a.bulk && !a.system && a.key !== 'record-print').map((a) => a.key);
      expect(actionKeys(el)).to.deep.equal(permitted);

      root(el).querySelector<HTMLButtonElement>('[part="clear-button"]')!.click();
      await el.updateComplete;
      expect(store.snapshot.selection).to.deep.equal({ mode: 'ids', ids: new Set() });
      expect(bar(el)).to.equal(null);
    });

    it('reports a partial failure order by order, fires bulk-action, and selects or retries the failed ones', async () => {
      const packable = some('new', 2);
      const refused = notPackable(3);
      store.selectIds([...packable, ...refused].map((o) => o.id));
      const el = await mount(store);
      const requests: BulkActionRequestEvent[] = [];
      el.addEventListener('bulk-action-request', (e) => requests.push(e));
      const done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;

      const pack = actionButton(el, 'pack');
      // Before it runs, the bar says to how many of the selected orders it applies.
      expect(text(pack)).to.equal('Pack 2 of 5');
      pack.focus();
      pack.click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      expect(text(inputDialog(el).querySelector('[part="applies"]'))).to.equal('Applies to 2 of 5 selected orders; the other 3 are left as they are.');
      expect(requests).to.deep.equal([]);
      await expect(el).to.be.accessible();
      (inputDialog(el).querySelector('[part~="confirm-button"]') as HTMLButtonElement).click();
      expect(requests.map((r) => r.detail)).to.deep.equal([{ action: 'pack', input: undefined, count: 5, mode: 'ids' }]);
      const event = await done;
      expect(event.detail.action).to.equal('pack');
      expect(event.detail.results.filter((r) => r.ok).map((r) => r.orderId).sort()).to.deep.equal(packable.map((o) => o.id).sort());
      expect(event.detail.results.filter((r) => !r.ok).map((r) => r.orderId).sort()).to.deep.equal(refused.map((o) => o.id).sort());

      await reportOpen(el);
      const dialog = reportDialog(el);
      expect(text(dialog.querySelector('[part="report-summary"]'))).to.equal('2 succeeded 3 failed of 5 orders');
      const items = [...dialog.querySelectorAll('[part="failure"]')];
      expect(items.map((li) => text(li.querySelector('[part="failure-number"]'))).sort()).to.deep.equal(refused.map((o) => o.number).sort());
      for (const li of items) expect(text(li)).to.contain('Not possible in its current status');
      expect(focusedIn(el)).to.equal(dialog.querySelector('h2'));
      await expect(el).to.be.accessible();

      // The packed orders moved on; the refused ones did not change.
      await eventually(() => packable.every((o) => store.getCached(o.id)?.status === 'to-process'));
      for (const o of refused) expect((await backend.api.getOrder(o.id)).status).to.equal(o.status);

      // The selection survives (issue 12, rule 5), failed orders included; "Select failed orders" narrows it and closes.
      expect(selectedIds(store)).to.deep.equal([...packable, ...refused].map((o) => o.id).sort());
      store.clearSelection();
      (dialog.querySelector('[part="select-failed-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(selectedIds(store)).to.deep.equal(refused.map((o) => o.id).sort());
      expect(text(root(el).querySelector('[part="count"]'))).to.equal('3 selected');
    });

    it('retries only the failed orders', async () => {
      const refused = notPackable(2);
      store.selectIds([...some('new', 1), ...refused].map((o) => o.id));
      const el = await mount(store);
      let done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;
      actionButton(el, 'pack').click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      (inputDialog(el).querySelector('[part~="confirm-button"]') as HTMLButtonElement).click();
      await done;
      await reportOpen(el);
      const requests: BulkActionRequestEvent[] = [];
      el.addEventListener('bulk-action-request', (e) => requests.push(e));
      done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;
      (reportDialog(el).querySelector('[part="retry-failed-button"]') as HTMLButtonElement).click();
      const again = await done;
      expect(requests[0]!.detail.count).to.equal(2);
      expect(again.detail.results.map((r) => r.orderId).sort()).to.deep.equal(refused.map((o) => o.id).sort());
      expect(again.detail.results.every((r) => !r.ok)).to.equal(true);
      await reportOpen(el);
      expect(text(reportDialog(el).querySelector('[part="report-summary"]'))).to.equal('0 succeeded 2 failed of 2 orders');
    });

    it('runs an action that applies to every selected order at once; with "all matching" it says each is checked', async () => {
      const fresh = some('new', 2);
      store.selectIds(fresh.map((o) => o.id));
      const el = await mount(store);
      expect(text(actionButton(el, 'pack')), 'no count when it applies to all').to.equal('Pack');
      store.selectAllMatching();
      await el.updateComplete;
      actionButton(el, 'pack').click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      expect(text(inputDialog(el).querySelector('[part="applies"]'))).to.match(/^Runs on all \d+ orders matching the current filters\. Each is checked when it runs/);
      await sendKeys({ press: 'Escape' });
      await eventually(() => !inputDialog(el).open);
      expect(store.snapshot.bulk).to.equal(undefined);
    });

    it('lets a host veto with bulk-action-request', async () => {
      const fresh = some('new', 2);
      store.selectIds(fresh.map((o) => o.id));
      const el = await mount(store);
      el.addEventListener('bulk-action-request', (e) => e.preventDefault());
      let finished = false;
      el.addEventListener('bulk-action', () => (finished = true));
      const pack = actionButton(el, 'pack');
      pack.focus();
      pack.click();
      await el.updateComplete;
      expect(store.snapshot.bulk).to.equal(undefined);
      expect(reportDialog(el).open).to.equal(false);
      expect(finished).to.equal(false);
      for (const o of fresh) expect((await backend.api.getOrder(o.id)).status).to.equal('new');
      expect(focusedIn(el)).to.equal(pack);
    });
  });

  describe('cod-delivery (input and destructive actions)', () => {
    beforeEach(async () => {
      backend = await openPresetBackend('cod-delivery', 30);
      store = await loadedStore(backend, 30);
    });

    it('asks to confirm a destructive action, naming the count; Escape runs nothing and gives focus back', async () => {
      const ids = loadedOrders(store).slice(0, 3).map((o) => o.id);
      store.selectIds(ids);
      const el = await mount(store);
      let requested = 0;
      el.addEventListener('bulk-action-request', () => requested++);
      const remove = actionButton(el, 'delete');
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      const dialog = inputDialog(el);
      expect(text(dialog.querySelector('h2'))).to.equal('Delete');
      expect(text(dialog.querySelector('[part~="confirm-button"]'))).to.equal('Delete (3)');
      expect(text(dialog.querySelector('[part="applies"]'))).to.equal('Applies to all 3 selected orders.');
      expect(text(dialog)).to.contain('destructive');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await eventually(() => !dialog.open);
      await el.updateComplete;
      expect(requested).to.equal(0);
      expect(focusedIn(el)).to.equal(remove);
      for (const id of ids) expect((await backend.api.getOrder(id)).deletedAt).to.equal(undefined);

      // Confirming runs it.
      remove.click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      const done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;
      (dialog.querySelector('[part~="confirm-button"]') as HTMLButtonElement).click();
      const event = await done;
      expect(event.detail.results.every((r) => r.ok)).to.equal(true);
      for (const id of ids) expect((await backend.api.getOrder(id)).deletedAt).to.be.a('string');
    });

    it('collects a reason for cancel, refusing an empty one, and passes it to every order', async () => {
      const pending = loadedOrders(store).filter((o) => o.status === 'pending' || o.status === 'processing').slice(0, 2);
      expect(pending.length).to.equal(2);
      store.selectIds(pending.map((o) => o.id));
      const el = await mount(store);
      actionButton(el, 'cancel').click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      const dialog = inputDialog(el);
      const reason = dialog.querySelector('textarea')!;
      expect(root(el).activeElement).to.equal(reason);
      (dialog.querySelector('[part~="confirm-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(dialog.open).to.equal(true);
      expect(reason.getAttribute('aria-invalid')).to.equal('true');
      expect(text(dialog.querySelector('.field-error'))).to.equal('Enter a reason.');
      await expect(el).to.be.accessible();

      const requests: BulkActionRequestEvent[] = [];
      el.addEventListener('bulk-action-request', (e) => requests.push(e));
      await sendKeys({ type: 'Customer asked' });
      const done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;
      (dialog.querySelector('[part~="confirm-button"]') as HTMLButtonElement).click();
      await done;
      expect(requests[0]!.detail.input).to.deep.equal({ reason: 'Customer asked' });
      for (const o of pending) {
        const stored = await backend.api.getOrder(o.id);
        expect(stored.status).to.equal('cancelled');
        expect(stored.cancelReason).to.equal('Customer asked');
      }
    });

    it('assigns a CSR chosen in the dialog, from the people on the loaded orders or given ones', async () => {
      const ids = loadedOrders(store).slice(0, 2).map((o) => o.id);
      store.selectIds(ids);
      const el = await mount(store);
      el.csrs = [{ id: 'csr_x', name: 'Xena' }, { id: 'csr_y', name: 'Yanto' }];
      await el.updateComplete;
      actionButton(el, 'assign-csr').click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      const select = inputDialog(el).querySelector('select')!;
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Choose…', 'Xena', 'Yanto']);
      await expect(el).to.be.accessible();
      select.value = 'csr_y';
      select.dispatchEvent(new Event('change'));
      const done = oneEvent(el, 'bulk-action') as Promise<BulkActionEvent>;
      (inputDialog(el).querySelector('[part~="confirm-button"]') as HTMLButtonElement).click();
      const event = await done;
      expect(event.detail.input).to.deep.equal({ csr: { id: 'csr_y', name: 'Yanto' } });
      for (const id of ids) expect((await backend.api.getOrder(id)).assignees?.csr).to.deep.equal({ id: 'csr_y', name: 'Yanto' });

      // Without given people, the CSRs found on the loaded orders.
      el.csrs = undefined;
      store.selectIds(ids);
      await el.updateComplete;
      actionButton(el, 'assign-csr').click();
      await eventually(() => inputDialog(el).open);
      await el.updateComplete;
      const names = [...inputDialog(el).querySelector('select')!.options].slice(1).map((o) => o.text);
      const known = new Set(loadedOrders(store).flatMap((o) => (o.assignees?.csr ? [o.assignees.csr.name] : [])));
      expect(names.length).to.be.greaterThan(0);
      expect(new Set(names)).to.deep.equal(known);
    });

    it('does not offer a super-admin Restore on orders that are not deleted, and offers it on deleted ones', async () => {
      store.dispose();
      const superadmin = { id: 'u-super', name: 'Sari', role: 'superadmin' as const, storeIds: [] };
      store = await loadedStore(backend, 30, superadmin);
      const live = loadedOrders(store).filter((o) => !o.deletedAt && (o.status === 'pending' || o.status === 'processing')).slice(0, 3);
      store.selectIds(live.map((o) => o.id));
      const el = await mount(store);
      expect(actionKeys(el)).to.include('delete');
      expect(actionKeys(el)).not.to.include('restore');

      const deleted = live[0]!;
      store.selectIds([deleted.id]);
      await store.runBulkAction('delete', undefined);
      await eventually(() => store.getCached(deleted.id)?.deletedAt !== undefined);
      store.selectIds([deleted.id]);
      await el.updateComplete;
      expect(actionKeys(el)).to.deep.equal(['restore']);
    });

    it('offers staff only what their role permits', async () => {
      store.dispose();
      store = await loadedStore(backend, 30, { ...staffViewer, storeIds: demoStores.map((s) => s.id) });
      const rows = loadedOrders(store);
      store.selectIds(rows.slice(0, 2).map((o) => o.id));
      const el = await mount(store);
      // Staff may change status and cancel, not assign, delete or restore.
      expect(actionKeys(el)).not.to.include.members(['assign-csr']);
      expect(actionKeys(el)).not.to.include('delete');
      expect(actionKeys(el)).not.to.include('restore');
      expect(actionKeys(el)).to.include('update-status');
    });

    it('speaks Indonesian', async () => {
      store.selectIds(loadedOrders(store).slice(0, 2).map((o) => o.id));
      const el = await mount(store);
      await setLocale('id');
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="count"]'))).to.equal('2 dipilih');
      expect(text(root(el).querySelector('[part="clear-button"]'))).to.equal('Hapus pilihan');
      expect(text(actionButton(el, 'delete'))).to.equal('Hapus');
      await until(store, () => true);
    });
  });
});
