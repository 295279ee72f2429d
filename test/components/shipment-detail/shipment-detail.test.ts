import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/shipment-detail/define.js';
import '../../../src/components/order-shipments/define.js';
import { ShipmentDetail } from '../../../src/components/shipment-detail/define.js';
import type { OrderShipments } from '../../../src/components/order-shipments/order-shipments.js';
import type { OrderActionDialog } from '../../../src/components/order-action-dialog/order-action-dialog.js';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import { OrderApiError } from '../../../src/api/types.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { generateOrders } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Order, Shipment } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { admin, eventually } from '../../state/backend.js';
import { SpyApi } from '../../state/spy-api.js';

const workflow = getPreset('payment-fulfillment');
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<shipment-detail>', () => {
  let api: LocalOrderApi;
  let spy: SpyApi;
  let store: OrderStore;
  let dbName: string;
  let order: Order;
  let shipment: Shipment;
  let hostile: Order;

  beforeEach(async () => {
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 40, seed: 5 });
    const live = (o: Order) => !o.deletedAt && !o.archived && o.status === 'open' && o.shipments.filter((s) => s.status !== 'cancelled' && s.status !== 'failed').length === 1;
    const i = orders.findIndex(live);
    const j = orders.findIndex((o, k) => k !== i && live(o));
    expect(i, 'an open order with one live shipment').to.be.greaterThan(-1);
    expect(j).to.be.greaterThan(-1);
    const base = orders[i]!;
    const s = base.shipments.find((x) => x.status !== 'cancelled' && x.status !== 'failed')!;
    order = { ...base, shipments: base.shipments.map((x) => (x.id === s.id ? { ...x, trackingNumber: 'PL123456789MY', trackingUrl: 'https://track.example/PL123456789MY' } : x)) };
    shipment = order.shipments.find((x) => x.id === s.id)!;
    const h = orders[j]!;
    hostile = { ...h, shipments: h.shipments.map((x) => ({ ...x, trackingUrl: 'javascript:alert(1)' })) };
    orders[i] = order;
    orders[j] = hostile;
    dbName = `orderdeck-shipment-detail-${crypto.randomUUID()}`;
    api = await createLocalApi({ workflow, viewer: admin, dbName });
    await api.seed({ orders });
    spy = new SpyApi(api);
    store = createOrderStore({ api: spy, workflow, viewer: admin });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    api.close();
    indexedDB.deleteDatabase(dbName);
    await setLocale('en');
  });

  async function open(orderId = order.id, shipmentId = shipment.id): Promise<ShipmentDetail> {
    const el = await fixture<ShipmentDetail>(html`<shipment-detail .store=${store} order-id=${orderId} shipment-id=${shipmentId} time-zone="Asia/Kuala_Lumpur"></shipment-detail>`);
    await el.show();
    await eventually(() => part(el, 'tracking-number') !== null || part(el, 'lines') !== null);
    await el.updateComplete;
    return el;
  }

  const actionDialog = (el: ShipmentDetail): OrderActionDialog => root(el).querySelector<OrderActionDialog>('order-action-dialog')!;
  const field = <T extends HTMLElement>(d: OrderActionDialog, name: string): T => root(d).querySelector<T>(`[name="${name}"]`)!;
  async function setField(d: OrderActionDialog, name: string, value: string): Promise<void> {
    const f = field<HTMLInputElement | HTMLSelectElement>(d, name);
    f.value = value;
    f.dispatchEvent(new Event(f instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    await d.updateComplete;
  }
  async function submit(d: OrderActionDialog): Promise<void> {
    root(d).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await d.updateComplete;
  }

  it('shows the lines, the events with dates, the scheduled date and the customer tracking link; passes axe', async () => {
    const el = await open();
    expect(customElements.get('shipment-detail')).to.equal(ShipmentDetail);
    expect(el.open).to.equal(true);
    expect(text(part(el, 'title'))).to.contain(order.number);
    expect(text(part(el, 'tracking-number'))).to.equal('PL123456789MY');
    const link = part(el, 'tracking-link') as HTMLAnchorElement;
    expect(link.href).to.equal('https://track.example/PL123456789MY');
    expect(link.rel).to.contain('noopener');
    const lines = [...part(el, 'lines')!.querySelectorAll('li')].map(text);
    expect(lines).to.have.length(shipment.lines.length);
    const first = order.lines.find((l) => l.id === shipment.lines[0]!.lineId)!;
    expect(lines[0]).to.contain(first.name).and.contain(`×${shipment.lines[0]!.quantity}`);
    const events = [...root(el).querySelectorAll('[part~="event"]')];
    expect(events).to.have.length(shipment.events.length);
    expect(events[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(shipment.events.at(-1)!.at);
    expect(part(el, 'edit-button'), 'payment-fulfillment offers update-tracking to admins').to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a tracking URL that is not http/https as text, never as a link', async () => {
    const s = hostile.shipments[0]!;
    const el = await open(hostile.id, s.id);
    expect(part(el, 'tracking-link')).to.equal(null);
    expect(root(el).querySelector('a')).to.equal(null);
    expect(text(part(el, 'tracking-text'))).to.equal('javascript:alert(1)');
  });

  it('changes the courier to Others with a free-text name and the tracking number through update-tracking', async () => {
    const el = await open();
    part(el, 'edit-button')!.click();
    const d = actionDialog(el);
    await eventually(() => d.open);
    expect(field<HTMLInputElement>(d, 'trackingNumber').value, 'prefilled from the shipment').to.equal('PL123456789MY');
    expect(field<HTMLInputElement>(d, 'trackingUrl').value).to.equal('https://track.example/PL123456789MY');
    const courierOptions = [...field<HTMLSelectElement>(d, 'courier').options].map((o) => o.textContent?.trim());
    expect(courierOptions).to.include.members(['Poslaju', 'J&T Express', 'DHL', 'FedEx', 'Others']);
    await setField(d, 'courier', 'other');
    await setField(d, 'courierName', 'Kedai Runner');
    await setField(d, 'trackingNumber', 'KR-2026-001');
    await submit(d);
    await eventually(() => store.getCached(order.id)?.shipments.find((s) => s.id === shipment.id)?.trackingNumber === 'KR-2026-001');
    await eventually(() => !store.snapshot.inFlight.has(order.id));
    const stored = (await api.getOrder(order.id)).shipments.find((s) => s.id === shipment.id)!;
    expect(stored.courier).to.deep.equal({ code: 'other', name: 'Kedai Runner' });
    expect(stored.trackingNumber).to.equal('KR-2026-001');
    const request = spy.calls.runAction.at(-1)![0] as { action: string; input: Record<string, unknown> };
    expect(request.action).to.equal(workflow.actions.find((a) => a.operation === 'update-tracking' && !a.system)!.key);
    expect(request.input).to.include({ shipmentId: shipment.id, trackingNumber: 'KR-2026-001' });
    await el.updateComplete;
    expect(text(part(el, 'tracking-number'))).to.equal('KR-2026-001');
    expect(text(part(el, 'title'))).to.contain('Kedai Runner');
  });

  it('rolls back when the save fails and says why, keeping what was typed, with Retry', async () => {
    const el = await open();
    spy.failNext('runAction', new OrderApiError({ code: 'network', message: 'offline' }));
    part(el, 'edit-button')!.click();
    const d = actionDialog(el);
    await eventually(() => d.open);
    await setField(d, 'trackingNumber', 'NEW-999');
    await submit(d);
    await eventually(() => part(el, 'failure') !== null);
    expect(store.getCached(order.id)!.shipments.find((s) => s.id === shipment.id)!.trackingNumber, 'rolled back').to.equal('PL123456789MY');
    await el.updateComplete;
    expect(text(part(el, 'tracking-number'))).to.equal('PL123456789MY');
    expect(text(part(el, 'failure'))).to.contain('NEW-999').and.contain('not saved');
    const retry = part(el, 'failure')!.querySelector('button')!;
    expect(text(retry)).to.equal('Retry');
    await expect(el).to.be.accessible();
    retry.click();
    await eventually(() => store.getCached(order.id)?.shipments.find((s) => s.id === shipment.id)?.trackingNumber === 'NEW-999');
    await eventually(() => part(el, 'failure') === null);
  });

  it('closes on Escape and from the keyboard-reachable Close button', async () => {
    const el = await open();
    await sendKeys({ press: 'Escape' });
    await eventually(() => !el.open);
    await el.show();
    part(el, 'close-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => !el.open);
  });

  it('opens from the Details button of the shipments view', async () => {
    const view = await fixture<OrderShipments>(html`<order-shipments .store=${store} page-size="100"></order-shipments>`);
    await eventually(() => root(view).querySelector(`[data-shipment="${shipment.id}"] [part~="details-button"]`) !== null);
    root(view).querySelector<HTMLButtonElement>(`[data-shipment="${shipment.id}"] [part~="details-button"]`)!.click();
    const detail = root(view).querySelector<ShipmentDetail>('shipment-detail')!;
    await eventually(() => detail.open && part(detail, 'tracking-number') !== null);
    expect(text(part(detail, 'tracking-number'))).to.equal('PL123456789MY');
    await expect(view).to.be.accessible();
  });
});
