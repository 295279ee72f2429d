import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-calendar/define.js';
import type { OrderCalendar, OrderRescheduleEvent } from '../../../src/components/order-calendar/define.js';
import { OrderApiError } from '../../../src/api/types.js';
import type { Order } from '../../../src/model/types.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually } from '../../state/backend.js';
import { openCalendarBackend, type CalendarBackend } from './calendar-backend.js';

const root = (el: OrderCalendar): ShadowRoot => el.shadowRoot!;
const cell = (el: OrderCalendar, day: string): HTMLElement => root(el).querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`)!;
const countOf = (el: OrderCalendar, day: string, kind = 'scheduled'): number =>
  Number(cell(el, day)?.querySelector(`[part~="count"][data-kind="${kind}"]`)?.getAttribute('data-count') ?? 0);
const item = (el: OrderCalendar, id: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="day-list-item"][data-order-id="${id}"]`);
const notice = (el: OrderCalendar): HTMLElement | null => root(el).querySelector<HTMLElement>('[part~="notice"]');
const active = (el: OrderCalendar): HTMLElement | null => root(el).activeElement as HTMLElement | null;

async function settled(el: OrderCalendar): Promise<void> {
  await el.updateComplete;
  await eventually(() => root(el).querySelector('[role="grid"]')!.getAttribute('aria-busy') === 'false');
  await el.updateComplete;
}

describe('<order-calendar> rescheduling (cod-delivery)', () => {
  let backend: CalendarBackend;
  let store: OrderStore;
  /** Scheduled 10 March 2026, 14:30 in Jakarta; pending, so the workflow offers reschedule. */
  let order: Order;

  beforeEach(async () => {
    backend = await openCalendarBackend('cod-delivery', 20);
    order = await backend.create('2026-03-02T03:00:00.000Z', '2026-03-10T07:30:00.000Z');
    store = backend.store();
  });

  afterEach(async () => {
    fixtureCleanup();
    await backend.close();
  });

  async function mount(): Promise<OrderCalendar> {
    const el = await fixture<OrderCalendar>(
      html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-03-10" kinds="scheduled created"></order-calendar>`,
    );
    await settled(el);
    return el;
  }

  /** Opens 10 March with the keyboard and waits for the order's entry. */
  async function openDay(el: OrderCalendar): Promise<HTMLElement> {
    cell(el, '2026-03-10').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => item(el, order.id) !== null);
    return item(el, order.id)!;
  }

  /** The keyboard "Move to…" path: open the form, type the day, submit. */
  async function moveWithKeyboard(el: OrderCalendar, day: string): Promise<void> {
    const entry = item(el, order.id)!;
    entry.querySelector<HTMLButtonElement>('[part~="move-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => active(el)?.getAttribute('type') === 'date');
    const input = active(el) as HTMLInputElement;
    expect(input.labels![0]!.textContent).to.contain(order.number);
    input.value = day;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    root(el).querySelector<HTMLButtonElement>('[part~="move-submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
  }

  it('counts orders created and scheduled at known instants on their days in the zone', async () => {
    await backend.create('2026-01-31T20:00:00.000Z'); // 1 Feb, 03:00 in Jakarta
    await backend.create('2026-01-31T16:59:59.000Z'); // 31 Jan, 23:59:59 in Jakarta
    const el = await fixture<OrderCalendar>(
      html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-02-01" kinds="created" first-day-of-week="1"></order-calendar>`,
    );
    await settled(el);
    expect(countOf(el, '2026-01-31', 'created')).to.equal(1);
    expect(countOf(el, '2026-02-01', 'created')).to.equal(1);
    el.timeZone = 'UTC';
    await eventually(() => countOf(el, '2026-01-31', 'created') === 2);
    expect(countOf(el, '2026-02-01', 'created')).to.equal(0);
  });

  it('reschedules with the keyboard "Move to…" path, keeping the time of day, then undoes it', async () => {
    const el = await mount();
    expect(countOf(el, '2026-03-10')).to.equal(1);
    const entry = await openDay(el);
    expect(entry.textContent).to.contain('2:30 PM');
    expect(entry.getAttribute('draggable')).to.equal('true');

    const rescheduled = oneEvent(el, 'order-reschedule') as Promise<OrderRescheduleEvent>;
    await moveWithKeyboard(el, '2026-03-12');
    expect((await rescheduled).detail).to.deep.equal({
      orderId: order.id,
      scheduledAt: '2026-03-12T07:30:00.000Z',
      previous: '2026-03-10T07:30:00.000Z',
      undo: false,
    });
    expect((await backend.read(order.id)).scheduledAt).to.equal('2026-03-12T07:30:00.000Z');
    await eventually(() => notice(el)?.getAttribute('role') === 'status');
    expect(notice(el)!.textContent).to.contain(`Order ${order.number} rescheduled to Thu, Mar 12, 2026, 2:30 PM`);
    // The calendar shows the move; the entry left the day's list.
    await eventually(() => countOf(el, '2026-03-10') === 0 && countOf(el, '2026-03-12') === 1);
    await eventually(() => item(el, order.id) === null);
    // Focus went to Undo, so a keyboard user can take it back at once.
    await eventually(() => active(el)?.getAttribute('part')?.includes('undo-button') ?? false);
    await expect(el).to.be.accessible();

    const undone = oneEvent(el, 'order-reschedule') as Promise<OrderRescheduleEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await undone).detail.undo).to.equal(true);
    expect((await backend.read(order.id)).scheduledAt).to.equal('2026-03-10T07:30:00.000Z');
    await eventually(() => notice(el)?.textContent?.includes('moved back to Tue, Mar 10, 2026, 2:30 PM') ?? false);
    expect(notice(el)!.querySelector('[part~="undo-button"]')).to.equal(null);
    await eventually(() => countOf(el, '2026-03-10') === 1 && countOf(el, '2026-03-12') === 0);
    await eventually(() => item(el, order.id) !== null);
  });

  it('reschedules by dragging an entry onto another day', async () => {
    const el = await mount();
    const entry = await openDay(el);
    const data = new DataTransfer();
    entry.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: data }));
    expect(data.getData('application/x-orderdeck-order')).to.equal(order.id);
    const target = cell(el, '2026-03-17');
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(over);
    expect(over.defaultPrevented, 'the day accepts the drop').to.equal(true);
    await el.updateComplete;
    expect(target.getAttribute('part')).to.contain('drop-target');
    // Its own day does not accept it.
    const same = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: data });
    cell(el, '2026-03-10').dispatchEvent(same);
    expect(same.defaultPrevented).to.equal(false);

    target.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: data }));
    // The move shows at once, before the backend answers.
    await el.updateComplete;
    expect(countOf(el, '2026-03-17')).to.equal(1);
    expect(countOf(el, '2026-03-10')).to.equal(0);
    await eventually(() => notice(el)?.getAttribute('role') === 'status');
    expect((await backend.read(order.id)).scheduledAt).to.equal('2026-03-17T07:30:00.000Z');
    expect(target.getAttribute('part')).to.not.contain('drop-target');
  });

  it('shows a network failure with Retry, shows the true state, and Retry sends the same intent', async () => {
    const el = await mount();
    await openDay(el);
    backend.spy.failNext('runAction', new OrderApiError({ code: 'network', message: 'The connection dropped.' }));
    await moveWithKeyboard(el, '2026-03-12');
    await eventually(() => notice(el)?.getAttribute('role') === 'alert');
    const alert = notice(el)!;
    expect(alert.dataset.error).to.equal('network');
    expect(alert.textContent).to.contain('Network problem');
    expect(alert.textContent).to.contain(`Order ${order.number} was not rescheduled.`);
    expect(alert.textContent).to.contain('The connection dropped.');
    expect(alert.textContent).to.contain('It stays on Tue, Mar 10, 2026, 2:30 PM');
    expect((await backend.read(order.id)).scheduledAt).to.equal('2026-03-10T07:30:00.000Z');
    // After the optimistic move, the refetch puts the order back where it is.
    await eventually(() => countOf(el, '2026-03-10') === 1 && countOf(el, '2026-03-12') === 0);
    await eventually(() => item(el, order.id) !== null);
    await expect(el).to.be.accessible();

    const keys = backend.spy.calls.runAction.map((c) => (c[1] as { idempotencyKey: string }).idempotencyKey);
    alert.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await eventually(() => notice(el)?.getAttribute('role') === 'status');
    expect((await backend.read(order.id)).scheduledAt).to.equal('2026-03-12T07:30:00.000Z');
    const retried = backend.spy.calls.runAction.at(-1)![1] as { idempotencyKey: string };
    expect(retried.idempotencyKey).to.equal(keys.at(-1));
    expect(store.snapshot.errors).to.have.length(0);
    await eventually(() => countOf(el, '2026-03-12') === 1);
  });

  it('shows a refusal when the order changed meanwhile, and then the order as it is', async () => {
    const el = await mount();
    await openDay(el);
    // Someone else delivers the order; this tab has not heard yet.
    backend.spy.pauseEvents();
    await backend.api.runAction(
      { orderId: order.id, action: 'update-status', input: { status: 'delivered' }, expectedVersion: order.version },
      { idempotencyKey: crypto.randomUUID() },
    );
    await moveWithKeyboard(el, '2026-03-12');
    await eventually(() => notice(el)?.getAttribute('role') === 'alert');
    const alert = notice(el)!;
    expect(['refused', 'conflict']).to.include(alert.dataset.error);
    expect(alert.querySelector('[part~="retry-button"]')).to.equal(null);
    expect((await backend.read(order.id)).scheduledAt).to.equal('2026-03-10T07:30:00.000Z');
    // The refetch shows the truth: still on the 10th, delivered, and no longer movable.
    await eventually(() => item(el, order.id)?.querySelector('[part~="status"]')?.textContent?.trim() === 'Delivered');
    expect(item(el, order.id)!.querySelector('[part~="move-button"]')).to.equal(null);
    expect(item(el, order.id)!.getAttribute('draggable')).to.equal('false');
    expect(countOf(el, '2026-03-10')).to.equal(1);
    // Dismissing clears the store's error entry too.
    alert.querySelector<HTMLButtonElement>('[part~="dismiss-button"]')!.click();
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
    expect(store.snapshot.errors).to.have.length(0);
    backend.spy.resumeEvents();
  });

  it('asks for a valid day in the "Move to…" form', async () => {
    const el = await mount();
    await openDay(el);
    item(el, order.id)!.querySelector<HTMLButtonElement>('[part~="move-button"]')!.click();
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>(`#move-${order.id}`)!;
    expect(input.value).to.equal('2026-03-10');
    root(el).querySelector<HTMLButtonElement>('[part~="move-submit"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.field-problem')!.textContent).to.contain('already on that day');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(backend.spy.count('runAction')).to.equal(0);
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="move-cancel"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="move-form"]')).to.equal(null);
    expect(active(el)?.getAttribute('part')).to.contain('move-button');
  });
});
