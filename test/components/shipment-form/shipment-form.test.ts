import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-provider/define.js';
import '../../../src/components/shipment-form/define.js';
import { ShipmentForm, type ShipmentSubmitEvent } from '../../../src/components/shipment-form/define.js';
import { setLocale } from '../../../src/i18n/localize.js';
import type { LocalOrderApi } from '../../../src/api/local/index.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import type { Order, Person } from '../../../src/model/types.js';
import type { WorkflowDefinition } from '../../../src/model/workflow/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { admin, cleanup, openApi } from '../../api/helpers.js';

const AGENTS: readonly Person[] = [
  { id: 'agt_1', name: 'Joko Susilo' },
  { id: 'agt_2', name: 'Eko Prasetyo' },
];

/** A seeded local engine of a preset, and the first order matching `pick`. */
async function backend(preset: PresetKey, pick: (o: Order) => boolean, count = 150): Promise<{ api: LocalOrderApi; order: Order; workflow: WorkflowDefinition }> {
  const workflow = getPreset(preset);
  const api = await openApi({ preset, workflow });
  await api.seed({ preset, count, seed: 5 });
  const { items } = await api.listOrders({ archived: 'any' }, { offset: 0, limit: count });
  const order = items.find(pick);
  if (!order) throw new Error(`no ${preset} order in the seed fits the test`);
  return { api, order, workflow };
}

const unshipped = (o: Order) => o.fulfillmentStatus === 'unfulfilled' && o.lines.some((l) => l.quantity.ordered > l.quantity.rejected);

function q<T extends Element = HTMLElement>(el: ShipmentForm, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <shipment-form>`);
  return found;
}
const has = (el: ShipmentForm, selector: string): boolean => !!el.shadowRoot?.querySelector(selector);
const text = (el: ShipmentForm, selector: string): string => q(el, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function choose(el: ShipmentForm, selector: string, value: string): Promise<void> {
  const select = q<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function type(el: ShipmentForm, selector: string, value: string): Promise<void> {
  const input = q<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function blur(el: ShipmentForm, selector: string): Promise<void> {
  q(el, selector).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

/** Clicks submit; resolves with the event, or undefined when the form fired none. */
async function submit(el: ShipmentForm): Promise<ShipmentSubmitEvent | undefined> {
  let fired: ShipmentSubmitEvent | undefined;
  const listener = (e: ShipmentSubmitEvent) => (fired = e);
  el.addEventListener('shipment-submit', listener);
  q<HTMLButtonElement>(el, '[part~="submit"]').click();
  await el.updateComplete;
  await el.updateComplete;
  el.removeEventListener('shipment-submit', listener);
  return fired;
}

const focused = (el: ShipmentForm): string | undefined => (el.shadowRoot?.activeElement as HTMLElement | null)?.id;

describe('<shipment-form>', () => {
  const stores: OrderStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) s.dispose();
    await setLocale('en');
    await cleanup();
  });

  it('online-store: requires courier and tracking number; without tracking it shows the message on the field and fires nothing', async () => {
    const { api, order, workflow } = await backend('online-store', (o) => ['paid', 'processing'].includes(o.status) && unshipped(o) && !!o.customer.phone);
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} action="mark-shipped"></shipment-form>`);
    expect(text(el, 'label[for="trackingNumber"]')).to.equal('Tracking number');
    expect(q(el, '#trackingNumber').getAttribute('aria-required')).to.equal('true');
    expect(text(el, '[part~="submit"]')).to.equal('Mark as shipped');
    // The workflow always notifies: ticked and fixed.
    const notify = q<HTMLInputElement>(el, '[part~="notify"] input');
    expect(notify.checked).to.be.true;
    expect(notify.disabled).to.be.true;
    await expect(el).to.be.accessible();

    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#courier-error')).to.equal('Choose a courier.');
    expect(text(el, '#trackingNumber-error')).to.equal('Enter the tracking number.');
    expect(focused(el)).to.equal('courier');

    await choose(el, '#courier', 'jnt');
    expect(has(el, '#courier-error'), 'the courier error clears once fixed').to.be.false;
    expect(await submit(el)).to.be.undefined;
    const tracking = q(el, '#trackingNumber');
    expect(tracking.getAttribute('aria-invalid')).to.equal('true');
    expect(tracking.getAttribute('aria-describedby')).to.include('trackingNumber-error');
    expect(focused(el)).to.equal('trackingNumber');
    await expect(el).to.be.accessible();

    await type(el, '#trackingNumber', ' JP1234567890 ');
    await type(el, '#trackingUrl', 'https://jet.co.id/track/JP1234567890');
    const event = await submit(el);
    expect(event?.detail).to.deep.equal({
      orderId: order.id,
      action: 'mark-shipped',
      input: {
        courier: { code: 'jnt', name: 'J&T Express' },
        trackingNumber: 'JP1234567890',
        trackingUrl: 'https://jet.co.id/track/JP1234567890',
        notifyCustomer: true,
      },
    });
    expect(event?.bubbles && event.composed).to.be.true;
    expect(event?.cancelable).to.be.false;

    // The host runs it through the store: shipped, and the customer message is on the timeline.
    const store = createOrderStore({ api, workflow, viewer: admin });
    stores.push(store);
    const shipped = await store.runAction(order.id, event!.detail.action, event!.detail.input);
    expect(shipped.status).to.equal('shipped');
    expect(shipped.shipments.at(-1)?.trackingNumber).to.equal('JP1234567890');
    const note = shipped.timeline.find((e) => e.kind === 'notification');
    expect(note?.message).to.include('JP1234567890').and.include('https://jet.co.id/track/JP1234567890');
    expect(shipped.messages.at(-1)?.recipient).to.equal(order.customer.phone);
  });

  it('shows what only the engine refuses: a required field it names, or a refusal about no field', async () => {
    const base = getPreset('online-store');
    // A merchant's variant that also requires the tracking link: the form learns it from the dry run.
    const workflow: WorkflowDefinition = {
      ...base,
      actions: base.actions.map((a) => (a.key === 'mark-shipped' ? { ...a, required: ['courier', 'trackingNumber', 'trackingUrl'] } : a)),
    };
    const { order } = await backend('online-store', (o) => ['paid', 'processing'].includes(o.status) && unshipped(o));
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} action="mark-shipped"></shipment-form>`);
    await choose(el, '#courier', 'dhl');
    await type(el, '#trackingNumber', '1234567890');
    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#trackingUrl-error')).to.equal('Enter a link that starts with https:// or http://.');
    expect(focused(el)).to.equal('trackingUrl');

    // A refusal the backend sent back after submit lands on its field the same way.
    el.showRefusal({ code: 'invalid-field', message: 'trackingNumber is longer than 100 characters.', field: 'trackingNumber' });
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '#trackingNumber-error')).to.equal('This is too long.');
    expect(focused(el)).to.equal('trackingNumber');
    // About a field not on screen (no "Others" chosen): above the form, still in the user's words.
    el.showRefusal({ code: 'missing-field', message: 'Name the courier.', field: 'courier.name' });
    await el.updateComplete;
    await el.updateComplete;
    expect(text(el, '[part~="form-error"]')).to.equal('Enter the courier’s name.');

    // An order past shipping: the workflow refuses the action itself.
    el.order = { ...order, status: 'completed' };
    await el.updateComplete;
    await type(el, '#trackingUrl', 'https://dhl.com/t/1');
    expect(await submit(el)).to.be.undefined;
    const alert = q(el, '[part~="form-error"]');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent?.trim()).to.equal('This action is not possible on this order right now.');
    expect(el.shadowRoot?.activeElement).to.equal(alert);
    await expect(el).to.be.accessible();
  });

  it('payment-fulfillment: ships part of the order, quantities 0..remaining, at least one unit', async () => {
    const { api, order, workflow } = await backend(
      'payment-fulfillment',
      (o) => o.status === 'open' && o.fulfillmentStatus === 'unfulfilled' && !o.archived && o.lines.length >= 2 && o.lines.some((l) => l.quantity.ordered - l.quantity.rejected >= 2),
    );
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} action="create-shipment"></shipment-form>`);
    const inputs = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('[part~="line"] input') ?? [])];
    const remaining = order.lines.map((l) => l.quantity.ordered - l.quantity.rejected - l.quantity.fulfilled).filter((n) => n > 0);
    expect(inputs.map((i) => i.value)).to.deep.equal(remaining.map(String));
    expect(inputs.map((i) => i.max)).to.deep.equal(remaining.map(String));
    expect(text(el, '[part~="line"] label')).to.include(order.lines[0]?.name as string);
    await expect(el).to.be.accessible();

    await choose(el, '#courier', 'poslaju');
    // Too many of one line.
    await type(el, '#line-0', String((remaining[0] as number) + 1));
    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#line-0-error')).to.equal(`Enter a whole number from 0 to ${remaining[0]}.`);
    expect(focused(el)).to.equal('line-0');
    // None at all.
    for (let i = 0; i < inputs.length; i++) await type(el, `#line-${i}`, '0');
    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#lines-error')).to.equal('Ship at least one item.');
    expect(q(el, '#line-1').getAttribute('aria-describedby')).to.include('lines-error');
    expect(focused(el)).to.equal('line-0');
    await expect(el).to.be.accessible();

    // One unit of the line with several, nothing else.
    const many = remaining.findIndex((n) => n >= 2);
    await type(el, `#line-${many}`, '1');
    expect(has(el, '#lines-error'), 'the group error clears as the user fixes it').to.be.false;
    const event = await submit(el);
    const lineId = order.lines.filter((l) => l.quantity.ordered - l.quantity.rejected - l.quantity.fulfilled > 0)[many]?.id;
    expect(event?.detail.input.lines).to.deep.equal([{ lineId, quantity: 1 }]);
    expect(event?.detail.input.courier).to.deep.equal({ code: 'poslaju', name: 'Poslaju' });

    const store = createOrderStore({ api, workflow, viewer: admin });
    stores.push(store);
    const after = await store.runAction(order.id, 'create-shipment', event!.detail.input);
    expect(after.fulfillmentStatus).to.equal('partially-fulfilled');
    expect(after.lines.find((l) => l.id === lineId)?.quantity.fulfilled).to.equal(1);
  });

  it('Others asks for the courier’s name, and a javascript: link is refused', async () => {
    const { order, workflow } = await backend('payment-fulfillment', (o) => o.status === 'open' && o.fulfillmentStatus === 'unfulfilled' && !o.archived);
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow}></shipment-form>`);
    expect(has(el, '#courierName')).to.be.false;
    const options = [...q<HTMLSelectElement>(el, '#courier').options].map((o) => o.textContent?.trim());
    expect(options).to.deep.equal(['Choose a courier', 'Poslaju', 'J&T Express', 'DHL', 'FedEx', 'Others']);
    await choose(el, '#courier', 'other');
    expect(text(el, 'label[for="courierName"]')).to.equal('Courier name');

    await type(el, '#trackingUrl', 'javascript:alert(document.domain)');
    await blur(el, '#trackingUrl');
    expect(text(el, '#trackingUrl-error'), 'checked on blur').to.equal('Enter a link that starts with https:// or http://.');
    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#courierName-error')).to.equal('Enter the courier’s name.');
    expect(focused(el)).to.equal('courierName');
    await expect(el).to.be.accessible();

    await type(el, '#courierName', 'Kurir Kilat');
    await type(el, '#trackingUrl', 'http://kilat.example/track/77');
    const event = await submit(el);
    expect(event?.detail.action).to.equal('create-shipment');
    expect(event?.detail.input.courier).to.deep.equal({ code: 'other', name: 'Kurir Kilat' });
    expect(event?.detail.input.trackingUrl).to.equal('http://kilat.example/track/77');
    expect(event?.detail.input.notifyCustomer).to.be.true;
  });

  it('self-delivery replaces the courier with an agent (cod-delivery dispatch and a created shipment)', async () => {
    const { order, workflow } = await backend('cod-delivery', (o) => ['pending', 'processing'].includes(o.status) && unshipped(o) && !o.assignees.agent);
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} .agents=${AGENTS} action="dispatch"></shipment-form>`);
    const toggle = q<HTMLInputElement>(el, '[part~="switch"] input');
    expect(toggle.getAttribute('role')).to.equal('switch');
    const couriers = [...q<HTMLSelectElement>(el, '#courier').options].map((o) => o.value);
    expect(couriers, 'self is the toggle, not a courier').to.not.include('self');
    toggle.click();
    await el.updateComplete;
    expect(has(el, '#courier')).to.be.false;
    expect(text(el, 'label[for="agent"]')).to.equal('Delivery agent');
    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#agent-error')).to.equal('Choose who delivers it.');
    expect(focused(el)).to.equal('agent');
    await expect(el).to.be.accessible();

    await choose(el, '#agent', 'agt_2');
    const event = await submit(el);
    expect(event?.detail.input.courier).to.deep.equal({ code: 'self', name: 'Eko Prasetyo' });
    expect(event?.detail.input).to.not.have.property('selfDeliveryAgent'); // mark-shipped takes no agent

    // A created shipment carries the agent too; the order's assigned agent is offered by default.
    const pf = await backend('payment-fulfillment', (o) => o.status === 'open' && o.fulfillmentStatus === 'unfulfilled' && !o.archived);
    const withAgent = { ...pf.order, assignees: { agent: { id: 'agt_9', name: 'Azman Yusoff' } } };
    const other = await fixture<ShipmentForm>(html`<shipment-form .order=${withAgent} .workflow=${pf.workflow}></shipment-form>`);
    q<HTMLInputElement>(other, '[part~="switch"] input').click();
    await other.updateComplete;
    expect(q<HTMLSelectElement>(other, '#agent').value).to.equal('agt_9');
    const created = await submit(other);
    expect(created?.detail.input.courier).to.deep.equal({ code: 'self', name: 'Azman Yusoff' });
    expect(created?.detail.input.selfDeliveryAgent).to.deep.equal({ id: 'agt_9', name: 'Azman Yusoff' });
  });

  it('submits by keyboard alone', async () => {
    const { order, workflow } = await backend('online-store', (o) => ['paid', 'processing'].includes(o.status) && unshipped(o));
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} action="mark-shipped"></shipment-form>`);
    el.focus();
    expect(focused(el)).to.equal('courier');
    await sendKeys({ press: 'ArrowDown' }); // first courier in the list
    await el.updateComplete;
    expect(q<HTMLSelectElement>(el, '#courier').value).to.equal('poslaju');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('trackingNumber');
    // Enter before the tracking number: the error, and focus stays on the field.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(el, '#trackingNumber-error')).to.equal('Enter the tracking number.');
    expect(focused(el)).to.equal('trackingNumber');
    await sendKeys({ type: 'EP123456789MY' });
    const fired = oneEvent(el, 'shipment-submit');
    await sendKeys({ press: 'Enter' });
    const event = (await fired) as ShipmentSubmitEvent;
    expect(event.detail.input).to.deep.include({ courier: { code: 'poslaju', name: 'Poslaju' }, trackingNumber: 'EP123456789MY' });

    // Tab reaches Cancel and the submit button too; Space on Cancel cancels.
    await sendKeys({ press: 'Tab' }); // tracking link
    await sendKeys({ press: 'Tab' }); // cancel
    expect((el.shadowRoot?.activeElement as HTMLElement).getAttribute('part')).to.include('cancel');
    const cancelled = oneEvent(el, 'shipment-cancel');
    await sendKeys({ press: ' ' });
    expect((await cancelled).detail).to.deep.equal({ orderId: order.id, action: 'mark-shipped' });
  });

  it('book courier: the courier is optional, and the scheduled date is read in the store’s time zone', async () => {
    const { order, workflow } = await backend('confirm-first', (o) => o.status === 'ready-to-process');
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} time-zone="Asia/Jakarta"></shipment-form>`);
    expect(text(el, '[part~="submit"]'), 'the default action is the one allowed now').to.equal('Book courier');
    expect(has(el, '#trackingNumber')).to.be.false;
    expect(has(el, '[part~="lines"]')).to.be.false;
    expect(text(el, '#scheduledAt-hint')).to.equal('Time zone: Asia/Jakarta');
    expect(q<HTMLSelectElement>(el, '#courier').options[0]?.textContent?.trim()).to.equal('Any available courier');
    await expect(el).to.be.accessible();
    await type(el, '#scheduledAt', '2026-11-25T14:30');
    const event = await submit(el);
    expect(event?.detail).to.deep.equal({ orderId: order.id, action: 'book-courier', input: { scheduledAt: '2026-11-25T07:30:00.000Z' } });
  });

  it('reads the order and workflow from a store by order-id, and warns on bad attributes', async () => {
    const { api, order, workflow } = await backend('payment-fulfillment', (o) => o.status === 'open' && o.fulfillmentStatus === 'unfulfilled' && !o.archived);
    const store = createOrderStore({ api, workflow, viewer: admin });
    stores.push(store);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(String(m));
    try {
      const provider = await fixture(html`
        <order-provider .store=${store}><shipment-form order-id=${order.id} action="no-such-action" time-zone="Mars/Olympus"></shipment-form></order-provider>
      `);
      const el = provider.querySelector('shipment-form') as ShipmentForm;
      for (let i = 0; i < 50 && !has(el, '[part~="line"]'); i++) await new Promise((r) => setTimeout(r, 20));
      expect(text(el, '[part~="submit"]')).to.equal('Create shipment');
      expect(el.shadowRoot?.querySelectorAll('[part~="line"]').length).to.equal(order.lines.filter((l) => l.quantity.ordered > l.quantity.rejected).length);
      expect(text(el, '#scheduledAt-hint')).to.equal(`Time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
      expect(warnings.some((w) => w.includes('no-such-action'))).to.be.true;
      expect(warnings.some((w) => w.includes('Mars/Olympus'))).to.be.true;
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('speaks Indonesian: labels, hints and validation messages', async () => {
    const { order, workflow } = await backend('online-store', (o) => ['paid', 'processing'].includes(o.status) && unshipped(o));
    await setLocale('id');
    const el = await fixture<ShipmentForm>(html`<shipment-form .order=${order} .workflow=${workflow} action="mark-shipped"></shipment-form>`);
    expect(text(el, 'label[for="trackingNumber"]')).to.equal('Nomor resi');
    expect(text(el, '[part~="submit"]')).to.equal('Tandai dikirim');
    await choose(el, '#courier', 'other');
    expect([...q<HTMLSelectElement>(el, '#courier').options].at(-1)?.textContent?.trim()).to.equal('Lainnya');
    expect(await submit(el)).to.be.undefined;
    expect(text(el, '#trackingNumber-error')).to.equal('Masukkan nomor resi.');
    expect(text(el, '#courierName-error')).to.equal('Masukkan nama kurir.');
    await expect(el).to.be.accessible();
  });

  it('disabled: every control and button is off and nothing is submitted', async () => {
    const { order, workflow } = await backend('online-store', (o) => ['paid', 'processing'].includes(o.status) && unshipped(o));
    const el = await fixture<ShipmentForm>(html`<shipment-form disabled hide-cancel .order=${order} .workflow=${workflow} submit-label="Ship it"></shipment-form>`);
    expect(has(el, '[part~="cancel"]')).to.be.false;
    expect(text(el, '[part~="submit"]')).to.equal('Ship it');
    const controls = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input, select, button') ?? [])];
    expect(controls.length).to.be.greaterThan(3);
    expect(controls.every((c) => c.disabled)).to.be.true;
    expect(el.requestSubmit()).to.be.false;
  });
});
