import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-shipments/define.js';
import { OrderShipments } from '../../../src/components/order-shipments/define.js';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import { OrderApiError, type ShipmentQuery } from '../../../src/api/types.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores, generateOrders } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Order, Shipment, ShipmentStatus } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { admin, openBackend, type Backend } from '../../state/backend.js';
import { openPresetBackend, staffViewer } from '../bulk-action-bar/preset-backend.js';
import { allOrders, choose, ListSpy, type, waitFor } from './helpers.js';

type Row = { order: Order; shipment: Shipment };

/** The shipments the backend holds, as the view should list them: newest first, ties by id. */
function expected(orders: readonly Order[], keep: (row: Row) => boolean = () => true): Row[] {
  const rows = orders.filter((o) => o.deletedAt === undefined).flatMap((order) => order.shipments.map((shipment) => ({ order, shipment })));
  return rows
    .filter(keep)
    .sort((a, b) => Date.parse(b.shipment.createdAt) - Date.parse(a.shipment.createdAt) || (a.shipment.id < b.shipment.id ? -1 : 1));
}

const $ = <T extends Element = HTMLElement>(el: OrderShipments, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: OrderShipments, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const part = <T extends Element = HTMLElement>(el: OrderShipments, name: string): T | null => $<T>(el, `[part~="${name}"]`);
const rowIds = (el: OrderShipments): string[] => $$(el, '[part~="row"][data-shipment]').map((r) => r.dataset['shipment']!);
const rowOf = (el: OrderShipments, id: string): HTMLElement => $(el, `[data-shipment="${id}"]`)!;
const rangeText = (el: OrderShipments): string => part(el, 'pagination')?.querySelector('.range')?.textContent?.trim() ?? '';

/** Waits until the element shows an answer and nothing is loading. */
async function settled(el: OrderShipments): Promise<void> {
  await el.updateComplete;
  await waitFor(() => part(el, 'table')?.getAttribute('aria-busy') === 'false' || !!part(el, 'error-state'));
  await el.updateComplete;
}

describe('<order-shipments>', () => {
  let backend: Backend;
  let api: ListSpy;
  let store: OrderStore;

  before(async () => {
    backend = await openBackend(160);
  });

  after(async () => {
    await backend.close();
  });

  beforeEach(() => {
    api = new ListSpy(backend.spy.inner);
    store = createOrderStore({ api, workflow: backend.workflow, viewer: backend.viewer, refreshDelayMs: 20 });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    await setLocale('en');
  });

  async function mount(query: ShipmentQuery = {}, pageSize = 50): Promise<OrderShipments> {
    const el = await fixture<OrderShipments>(
      html`<order-shipments .store=${store} .stores=${demoStores} .query=${query} page-size=${pageSize} time-zone="UTC"></order-shipments>`,
    );
    await settled(el);
    return el;
  }

  it('lists every shipment of the backend, newest first, with its order, courier, tracking and status; passes axe', async () => {
    expect(customElements.get('order-shipments')).to.equal(OrderShipments);
    const orders = await allOrders(backend.spy.inner);
    const all = expected(orders);
    expect(all.length, 'the seed has shipments').to.be.greaterThan(20);
    const el = await mount({}, 20);
    expect(rangeText(el)).to.equal(`1–20 of ${all.length}`);
    expect(rowIds(el)).to.deep.equal(all.slice(0, 20).map((r) => r.shipment.id));
    // Only one page was asked for.
    expect(api.shipmentCalls.at(-1)!.page).to.deep.equal({ offset: 0, limit: 20 });

    const first = all[0]!;
    const row = rowOf(el, first.shipment.id);
    expect(row.querySelector('[part~="order-link"]')!.textContent!.trim()).to.equal(first.order.number);
    const store = demoStores.find((s) => s.id === first.order.storeId)!;
    expect(row.querySelector('[part~="store-cell"]')!.textContent!.trim()).to.equal(store.name);
    const withNumber = all.slice(0, 20).find((r) => r.shipment.trackingNumber)!;
    expect(rowOf(el, withNumber.shipment.id).querySelector('[part~="tracking-cell"]')!.textContent).to.contain(withNumber.shipment.trackingNumber);
    const badges = $$(el, '[part~="status-badge"]').map((b) => b.textContent!.trim());
    expect(badges).to.have.length(20);
    expect(badges.every((b) => b.length > 0)).to.equal(true);

    const table = part(el, 'table')!;
    expect(table.querySelector('caption')!.textContent!.trim()).to.equal('Shipments');
    expect($$(el, 'th[scope="col"]').map((th) => th.textContent!.trim())).to.deep.equal([
      'Order', 'Store', 'Courier', 'Tracking number', 'Status', 'Created', 'Scheduled', 'Delivered',
    ]);
    await expect(el).to.be.accessible();
  });

  it('opens an order from its row with order-open', async () => {
    const el = await mount({}, 10);
    const id = rowIds(el)[2]!;
    const orders = await allOrders(backend.spy.inner);
    const owner = orders.find((o) => o.shipments.some((s) => s.id === id))!;
    setTimeout(() => rowOf(el, id).querySelector<HTMLElement>('[part~="order-link"]')!.click());
    const event = await oneEvent(el, 'order-open');
    expect(event.detail).to.deep.equal({ orderId: owner.id });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('filters by courier, by status and by store; each narrows to exactly what the backend holds', async () => {
    const orders = await allOrders(backend.spy.inner);
    const all = expected(orders);
    const el = await mount({}, 500);

    // Courier: the most common one among the shipments.
    const counts = new Map<string, number>();
    for (const r of all) counts.set(r.shipment.courier.code, (counts.get(r.shipment.courier.code) ?? 0) + 1);
    const [courier] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const courierSelect = part<HTMLSelectElement>(el, 'courier-select')!;
    expect([...courierSelect.options].map((o) => o.value)).to.include.members(backend.workflow.couriers.map((c) => c.code));
    setTimeout(() => choose(courierSelect, courier));
    const changed = await oneEvent(el, 'filter-change');
    expect(changed.detail.query).to.deep.equal({ courier });
    expect(el.query).to.deep.equal({ courier });
    await settled(el);
    const byCourier = expected(orders, (r) => r.shipment.courier.code === courier);
    expect(byCourier.length).to.be.lessThan(all.length);
    expect(rowIds(el)).to.deep.equal(byCourier.map((r) => r.shipment.id));
    choose(courierSelect, '');
    await settled(el);
    expect(rowIds(el)).to.have.length(all.length);

    // Status: two of them, through the checkbox menu.
    const statuses: ShipmentStatus[] = [...new Set(all.map((r) => r.shipment.status))].slice(0, 2);
    part(el, 'status-button')!.click();
    await el.updateComplete;
    const menu = part(el, 'status-menu')!;
    expect(menu.hidden).to.equal(false);
    for (const s of statuses) {
      const box = menu.querySelector<HTMLInputElement>(`input[value="${s}"]`)!;
      box.click();
      await el.updateComplete;
    }
    await settled(el);
    const order = ['booked', 'searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'failed', 'returned', 'cancelled'];
    expect(el.query.status).to.deep.equal([...statuses].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const byStatus = expected(orders, (r) => statuses.includes(r.shipment.status));
    expect(rowIds(el)).to.deep.equal(byStatus.map((r) => r.shipment.id));
    // Escape closes the menu and gives focus back to its button.
    menu.querySelector<HTMLInputElement>('input')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'status-menu')!.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'status-button'));

    // Store, on top of the status filter.
    const storeId = byStatus[0]!.order.storeId;
    choose(part<HTMLSelectElement>(el, 'store-select')!, storeId);
    await settled(el);
    expect(el.query).to.deep.equal({ status: el.query.status, storeIds: [storeId] });
    expect(rowIds(el)).to.deep.equal(expected(orders, (r) => statuses.includes(r.shipment.status) && r.order.storeId === storeId).map((r) => r.shipment.id));

    // Clear filters: everything again.
    part(el, 'clear-button')!.click();
    await settled(el);
    expect(el.query).to.deep.equal({});
    expect(rowIds(el)).to.have.length(all.length);
  });

  it('filters by a custom range of days (in its time zone) and reads a range set by the host', async () => {
    const orders = await allOrders(backend.spy.inner);
    const all = expected(orders);
    const days = [...new Set(all.map((r) => r.shipment.createdAt.slice(0, 10)))].sort();
    const [start, end] = [days[Math.floor(days.length / 3)]!, days[Math.floor((2 * days.length) / 3)]!];
    const el = await mount({}, 500);
    choose(part<HTMLSelectElement>(el, 'date-select')!, 'custom');
    await el.updateComplete;
    const [from, to] = $$<HTMLInputElement>(el, '[part~="date-input"]');
    type(from!, start);
    await settled(el);
    type(to!, end);
    await settled(el);
    expect(el.query).to.deep.equal({ from: `${start}T00:00:00.000Z`, to: new Date(Date.parse(`${end}T00:00:00.000Z`) + 86_400_000).toISOString() });
    const inRange = expected(orders, (r) => r.shipment.createdAt.slice(0, 10) >= start && r.shipment.createdAt.slice(0, 10) <= end);
    expect(inRange.length).to.be.greaterThan(0).and.lessThan(all.length);
    expect(rowIds(el)).to.deep.equal(inRange.map((r) => r.shipment.id));

    // End before start: said, and nothing sent.
    const calls = api.shipmentCalls.length;
    type(to!, days[0]!);
    await el.updateComplete;
    expect(part(el, 'custom-range')!.textContent).to.contain('The end date is before the start date.');
    expect(api.shipmentCalls.length).to.equal(calls);

    // A query from the host (a URL) is shown, fires nothing, and starts on page one.
    let fired = 0;
    el.addEventListener('filter-change', () => fired++);
    el.query = { to: `${start}T00:00:00.000Z` };
    await settled(el);
    expect(rowIds(el)).to.deep.equal(expected(orders, (r) => r.shipment.createdAt < `${start}T00:00:00.000Z`).map((r) => r.shipment.id));
    expect(fired).to.equal(0);
  });

  it('pages with Previous / Next and "21–40 of N", one page per request', async () => {
    const all = expected(await allOrders(backend.spy.inner));
    const el = await mount({}, 20);
    expect(part<HTMLButtonElement>(el, 'previous-button')!.disabled).to.equal(true);
    part(el, 'next-button')!.click();
    await settled(el);
    expect(rangeText(el)).to.equal(`21–40 of ${all.length}`);
    expect(rowIds(el)).to.deep.equal(all.slice(20, 40).map((r) => r.shipment.id));
    expect(api.shipmentCalls.at(-1)!.page).to.deep.equal({ offset: 20, limit: 20 });
    const last = Math.floor((all.length - 1) / 20) * 20;
    while (!part<HTMLButtonElement>(el, 'next-button')!.disabled) {
      part(el, 'next-button')!.click();
      await settled(el);
    }
    expect(rangeText(el)).to.equal(`${last + 1}–${all.length} of ${all.length}`);
    expect(rowIds(el)).to.deep.equal(all.slice(last).map((r) => r.shipment.id));
    part(el, 'previous-button')!.click();
    await settled(el);
    expect(rowIds(el)).to.deep.equal(all.slice(last - 20, last).map((r) => r.shipment.id));
    // A filter change starts on page one again.
    const known = all.find((r) => backend.workflow.couriers.some((c) => c.code === r.shipment.courier.code))!;
    choose(part<HTMLSelectElement>(el, 'courier-select')!, known.shipment.courier.code);
    await settled(el);
    expect(rangeText(el)).to.match(/^1–/);
  });

  it('refetches after a change elsewhere, aborting the stale request', async () => {
    const el = await mount({}, 10);
    const orders = await allOrders(backend.spy.inner);
    const target = expected(orders).find((r) => (r.order.status === 'in-delivery' || r.order.status === 'searching-courier') && !['failed', 'cancelled'].includes(r.shipment.status))!;
    const peer = await backend.peer();
    const calls = api.shipmentCalls.length;
    await (peer as LocalOrderApi).runAction(
      { orderId: target.order.id, action: 'update-tracking', input: { shipmentId: target.shipment.id, trackingNumber: 'PEER-0001' }, expectedVersion: target.order.version },
      { idempotencyKey: crypto.randomUUID() },
    );
    await waitFor(() => api.shipmentCalls.length > calls);
    await settled(el);
    const fresh = expected(await allOrders(backend.spy.inner));
    expect(rowIds(el)).to.deep.equal(fresh.slice(0, 10).map((r) => r.shipment.id));
    if (rowIds(el).includes(target.shipment.id)) expect(rowOf(el, target.shipment.id).textContent).to.contain('PEER-0001');

    // Two quick filter changes: the first request is aborted.
    const before = api.shipmentCalls.length;
    choose(part<HTMLSelectElement>(el, 'courier-select')!, 'jne');
    await el.updateComplete;
    choose(part<HTMLSelectElement>(el, 'courier-select')!, '');
    await settled(el);
    const sent = api.shipmentCalls.slice(before);
    expect(sent.length).to.be.at.least(2);
    expect(sent[0]!.signal!.aborted).to.equal(true);
  });

  describe('editing a tracking number', () => {
    /** The first row on the page the viewer may edit, once the orders are known. */
    async function editable(el: OrderShipments): Promise<{ row: HTMLElement; shipmentId: string; orderId: string }> {
      await waitFor(() => !!part(el, 'edit-button'));
      const row = part(el, 'edit-button')!.closest<HTMLElement>('[part~="row"]')!;
      const shipmentId = row.dataset['shipment']!;
      const orders = await allOrders(backend.spy.inner);
      return { row, shipmentId, orderId: orders.find((o) => o.shipments.some((s) => s.id === shipmentId))!.id };
    }

    it('offers Edit only where the workflow allows it for this viewer', async () => {
      const el = await mount({}, 500);
      await waitFor(() => !!part(el, 'edit-button'));
      const orders = await allOrders(backend.spy.inner);
      const allowed = new Set(['searching-courier', 'in-delivery', 'completed']);
      for (const r of expected(orders)) {
        const offered = !!rowOf(el, r.shipment.id).querySelector('[part~="edit-button"]');
        const should = allowed.has(r.order.status) && r.shipment.status !== 'cancelled' && r.shipment.status !== 'failed';
        expect(offered, `${r.order.number} ${r.order.status} ${r.shipment.status}`).to.equal(should);
      }
    });

    it('saves in place with Enter: shown at once, persisted in the backend, Edit focused again', async () => {
      const el = await mount({}, 500);
      const { row, shipmentId, orderId } = await editable(el);
      const before = await backend.spy.inner.getOrder(orderId);
      const old = before.shipments.find((s) => s.id === shipmentId)!.trackingNumber;
      row.querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      const input = part<HTMLInputElement>(el, 'tracking-input')!;
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect(input.value).to.equal(old ?? '');
      input.select();
      await sendKeys({ type: 'JT-NEW 0042' });
      const gate = api.hold('runAction');
      await sendKeys({ press: 'Enter' });
      await gate.entered;
      await el.updateComplete;
      // Optimistic: the new number shows while the backend has not answered.
      expect(rowOf(el, shipmentId).querySelector('[part~="tracking-cell"]')!.textContent).to.contain('JT-NEW 0042').and.contain('Saving…');
      expect(rowOf(el, shipmentId).getAttribute('part')).to.contain('pending-row');
      gate.release();
      await waitFor(() => !rowOf(el, shipmentId).textContent!.includes('Saving…'));
      const after = await backend.spy.inner.getOrder(orderId);
      expect(after.shipments.find((s) => s.id === shipmentId)!.trackingNumber).to.equal('JT-NEW 0042');
      expect(after.version).to.equal(before.version + 1);
      expect(after.timeline.at(-1)).to.include({ kind: 'shipment', to: 'JT-NEW 0042' });
      expect(after.status).to.equal(before.status);
      const request = api.calls.runAction.at(-1)![0] as { action: string; input: unknown };
      expect(request.action).to.equal('update-tracking');
      expect(request.input).to.deep.equal({ shipmentId, trackingNumber: 'JT-NEW 0042' });
      await waitFor(() => el.shadowRoot!.activeElement === rowOf(el, shipmentId).querySelector('[part~="edit-button"]'));
      await settled(el);
      expect(rowOf(el, shipmentId).querySelector('[part~="tracking-cell"]')!.textContent).to.contain('JT-NEW 0042');
      await expect(el).to.be.accessible();
    });

    it('validates the field (empty, too long, bad characters) without sending; Escape and Cancel leave it unchanged', async () => {
      const el = await mount({}, 500);
      const { row, shipmentId } = await editable(el);
      const shown = rowOf(el, shipmentId).querySelector('[part~="tracking-cell"]')!.textContent!.replace(/\s+/g, ' ').trim();
      const sent = api.count('runAction');
      row.querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      const input = part<HTMLInputElement>(el, 'tracking-input')!;
      const attempt = async (value: string): Promise<string> => {
        type(input, value);
        await el.updateComplete;
        part(el, 'save-button')!.click();
        await el.updateComplete;
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        const error = part(el, 'field-error')!;
        expect(input.getAttribute('aria-describedby')).to.equal(error.id);
        return error.textContent!.trim();
      };
      expect(await attempt('   ')).to.equal('Enter a tracking number.');
      expect(await attempt('A'.repeat(101))).to.equal('A tracking number has at most 100 characters.');
      expect(await attempt('<img src=x onerror=alert(1)>')).to.contain('letters, digits');
      expect(api.count('runAction')).to.equal(sent);
      await expect(el).to.be.accessible();

      input.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(part(el, 'tracking-input')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(rowOf(el, shipmentId).querySelector('[part~="edit-button"]'));
      expect(rowOf(el, shipmentId).querySelector('[part~="tracking-cell"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(shown);

      rowOf(el, shipmentId).querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      type(part<HTMLInputElement>(el, 'tracking-input')!, 'NOT-SAVED-1');
      part(el, 'cancel-button')!.click();
      await el.updateComplete;
      expect(part(el, 'tracking-input')).to.equal(null);
      expect(rowOf(el, shipmentId).textContent).not.to.contain('NOT-SAVED-1');
      expect(api.count('runAction')).to.equal(sent);
    });

    it('a refused save rolls back, says why, and keeps what was typed', async () => {
      const el = await mount({}, 500);
      const { row, shipmentId, orderId } = await editable(el);
      const before = await backend.spy.inner.getOrder(orderId);
      const old = before.shipments.find((s) => s.id === shipmentId)!.trackingNumber;
      api.failNext(
        'runAction',
        new OrderApiError({
          code: 'refused',
          message: 'The shipment is cancelled; its tracking cannot change.',
          refusal: { code: 'not-applicable', message: 'The shipment is cancelled; its tracking cannot change.', field: 'shipmentId' },
        }),
      );
      row.querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      type(part<HTMLInputElement>(el, 'tracking-input')!, 'REFUSED-77');
      part(el, 'save-button')!.click();
      await waitFor(() => !!part(el, 'row-error'));
      const error = part(el, 'row-error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Refused by the workflow').and.contain('its tracking cannot change');
      expect(error.querySelector('[part~="retry-button"]'), 'no retry for a refusal').to.equal(null);
      // Rolled back: the editor is open again with the typed value; the row's number is the old one.
      expect(part<HTMLInputElement>(el, 'tracking-input')!.value).to.equal('REFUSED-77');
      part(el, 'cancel-button')!.click();
      await el.updateComplete;
      const cell = rowOf(el, shipmentId).querySelector('[part~="tracking-cell"]')!.textContent!;
      expect(cell).not.to.contain('REFUSED-77');
      if (old) expect(cell).to.contain(old);
      expect((await backend.spy.inner.getOrder(orderId)).version).to.equal(before.version);
      expect(store.snapshot.errors, 'shown by the row, not left in the store').to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('a network failure rolls back and offers Retry, which sends the same request and saves', async () => {
      const el = await mount({}, 500);
      const { row, shipmentId, orderId } = await editable(el);
      api.failNext('runAction', new OrderApiError({ code: 'network', message: 'Failed to fetch' }));
      row.querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      type(part<HTMLInputElement>(el, 'tracking-input')!, 'NET-123');
      part(el, 'save-button')!.click();
      await waitFor(() => !!part(el, 'row-error'));
      expect(part(el, 'row-error')!.textContent).to.contain('Network problem').and.contain('not saved');
      expect((await backend.spy.inner.getOrder(orderId)).shipments.find((s) => s.id === shipmentId)!.trackingNumber).not.to.equal('NET-123');
      const first = api.calls.runAction.at(-1)![1] as { idempotencyKey: string };
      part(el, 'retry-button')!.click();
      await waitFor(() => !part(el, 'row-error') && !rowOf(el, shipmentId).textContent!.includes('Saving…'));
      const again = api.calls.runAction.at(-1)![1] as { idempotencyKey: string };
      expect(again.idempotencyKey, 'the same intent').to.equal(first.idempotencyKey);
      expect((await backend.spy.inner.getOrder(orderId)).shipments.find((s) => s.id === shipmentId)!.trackingNumber).to.equal('NET-123');
      await settled(el);
      expect(rowOf(el, shipmentId).textContent).to.contain('NET-123');
    });

    it('a conflict (the order changed in another tab) rolls back with a clear message; saving again works', async () => {
      const el = await mount({}, 500);
      const { row, shipmentId, orderId } = await editable(el);
      await waitFor(() => store.getCached(orderId) !== undefined);
      // Another tab changes the order while this one does not hear of it yet.
      api.pauseEvents();
      const peer = await backend.peer();
      const current = await backend.spy.inner.getOrder(orderId);
      await peer.runAction(
        { orderId, action: 'add-note', input: { text: 'Checked by phone' }, expectedVersion: current.version },
        { idempotencyKey: crypto.randomUUID() },
      );
      row.querySelector<HTMLElement>('[part~="edit-button"]')!.click();
      await el.updateComplete;
      type(part<HTMLInputElement>(el, 'tracking-input')!, 'CONFLICT-1');
      part(el, 'save-button')!.click();
      await waitFor(() => !!part(el, 'row-error'));
      expect(part(el, 'row-error')!.textContent).to.contain('Changed by someone else').and.contain('save again');
      expect((await backend.spy.inner.getOrder(orderId)).shipments.find((s) => s.id === shipmentId)!.trackingNumber).not.to.equal('CONFLICT-1');
      api.resumeEvents();
      // The store fetched the newer order: saving again goes through.
      await waitFor(() => store.getCached(orderId)?.version === current.version + 1);
      expect(part<HTMLInputElement>(el, 'tracking-input')!.value).to.equal('CONFLICT-1');
      part(el, 'save-button')!.click();
      await waitFor(() => !part(el, 'row-error') && !rowOf(el, shipmentId).textContent!.includes('Saving…'));
      expect((await backend.spy.inner.getOrder(orderId)).shipments.find((s) => s.id === shipmentId)!.trackingNumber).to.equal('CONFLICT-1');
    });
  });

  it('a failed load shows the error with Retry, and Retry loads the page', async () => {
    api.failList('listShipments');
    const el = await fixture<OrderShipments>(html`<order-shipments .store=${store} time-zone="UTC"></order-shipments>`);
    await waitFor(() => !!part(el, 'error-state'));
    const error = part(el, 'error-state')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The shipments could not be loaded.');
    expect(part(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await settled(el);
    expect(part(el, 'error-state')).to.equal(null);
    expect(rowIds(el).length).to.be.greaterThan(0);

    // A failed refresh keeps the rows and says they may be out of date.
    api.failList('listShipments');
    choose(part<HTMLSelectElement>(el, 'courier-select')!, 'jne');
    await waitFor(() => !!part(el, 'error-state'));
    expect(part(el, 'error-state')!.textContent).to.contain('may be out of date');
    expect(rowIds(el).length).to.be.greaterThan(0);
  });

  it('shows an empty state with Clear filters when nothing matches', async () => {
    const el = await mount({ courier: 'fedex' });
    const empty = part(el, 'empty-state')!;
    expect(empty.textContent).to.contain('No shipments match');
    empty.querySelector('button')!.click();
    await settled(el);
    expect(el.query).to.deep.equal({});
    expect(rowIds(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('renders hostile data as text: a javascript: tracking URL is no link, markup stays text', async () => {
    const workflow = getPreset('payment-fulfillment');
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 30, seed: 5 });
    const i = orders.findIndex((o) => o.shipments.length > 0);
    const o = orders[i]!;
    const s = o.shipments[0]!;
    const hostile: Order = {
      ...o,
      number: '<b>#X1</b>',
      shipments: [{ ...s, courier: { code: 'other', name: '<img src=x onerror="window.__pwned=1">' }, trackingNumber: '<img src=x onerror="window.__pwned=2">', trackingUrl: 'javascript:alert(1)' }, ...o.shipments.slice(1)],
    };
    orders[i] = hostile;
    const dbName = `orderdeck-shipments-hostile-${crypto.randomUUID()}`;
    const local = await createLocalApi({ workflow, viewer: admin, dbName });
    await local.seed({ orders });
    const hostileStore = createOrderStore({ api: local, workflow, viewer: admin });
    try {
      const el = await fixture<OrderShipments>(html`<order-shipments .store=${hostileStore} page-size="500"></order-shipments>`);
      await settled(el);
      const row = rowOf(el, s.id);
      expect(row.querySelector('img')).to.equal(null);
      expect(row.querySelector('b')).to.equal(null);
      expect(row.querySelector('a')).to.equal(null);
      expect(row.textContent).to.contain('<img src=x onerror="window.__pwned=2">').and.contain('<b>#X1</b>');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      // A normal http(s) tracking URL elsewhere is a link that opens a new tab safely.
      const link = part<HTMLAnchorElement>(el, 'tracking-link');
      if (link) {
        expect(link.protocol).to.match(/^https?:$/);
        expect(link.rel).to.contain('noopener');
      }
    } finally {
      hostileStore.dispose();
      local.close();
      indexedDB.deleteDatabase(dbName);
    }
  });

  it('staff of one store: only that store’s shipments, no store column or filter', async () => {
    const preset = await openPresetBackend('payment-fulfillment', 80, staffViewer);
    const staffStore = createOrderStore({ api: preset.api, workflow: preset.workflow, viewer: staffViewer });
    try {
      const el = await fixture<OrderShipments>(html`<order-shipments .store=${staffStore} .stores=${demoStores} page-size="500"></order-shipments>`);
      await settled(el);
      const mine = expected(await allOrders(preset.api));
      expect(mine.length).to.be.greaterThan(0);
      expect(mine.every((r) => r.order.storeId === 'st_jkt')).to.equal(true);
      expect(rowIds(el)).to.deep.equal(mine.map((r) => r.shipment.id));
      expect(part(el, 'store-select')).to.equal(null);
      expect(part(el, 'store-cell')).to.equal(null);
      expect($$(el, 'th[scope="col"]').map((th) => th.textContent!.trim())).not.to.include('Store');
      // Staff may fulfil: open orders' live shipments are editable.
      await waitFor(() => !!part(el, 'edit-button'));
      await expect(el).to.be.accessible();
    } finally {
      staffStore.dispose();
      await preset.close();
    }
  });

  it('speaks Indonesian', async () => {
    await setLocale('id');
    const el = await mount({}, 10);
    expect(el.shadowRoot!.textContent).to.contain('Sebelumnya');
  });
});
