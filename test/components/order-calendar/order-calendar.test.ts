import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/components/order-calendar/define.js';
import {
  OrderCalendar,
  type CalendarNavigateEvent,
  type DaySelectEvent,
  type KindsChangeEvent,
} from '../../../src/components/order-calendar/define.js';
import type { OrderOpenEvent } from '../../../src/components/shared/order-open-event.js';
import { dayOf } from '../../../src/components/shared/zoned-date.js';
import { OrderApiError, type CalendarRequest, type OrderQuery } from '../../../src/api/types.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import { money } from '../../../src/model/money.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, openBackend, type Backend } from '../../state/backend.js';

const root = (el: OrderCalendar): ShadowRoot => el.shadowRoot!;
const cell = (el: OrderCalendar, day: string): HTMLElement | null =>
  root(el).querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`);
const cells = (el: OrderCalendar): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>('[role="gridcell"]')];
const countOf = (el: OrderCalendar, day: string, kind: string): number =>
  Number(cell(el, day)?.querySelector(`[part~="count"][data-kind="${kind}"]`)?.getAttribute('data-count') ?? 0);
const titleOf = (el: OrderCalendar): string => root(el).querySelector('[part~="title"]')!.textContent!.replace(/\s+/g, ' ').trim();
const focusedDay = (el: OrderCalendar): string | undefined => (root(el).activeElement as HTMLElement | null)?.dataset.day;
const grid = (el: OrderCalendar): HTMLElement => root(el).querySelector<HTMLElement>('[role="grid"]')!;

/** Records `store.calendar` and `store.listOrders` calls (the element's only reads). */
function record(store: OrderStore): { calendar: CalendarRequest[]; listOrders: OrderQuery[] } {
  const calls = { calendar: [] as CalendarRequest[], listOrders: [] as OrderQuery[] };
  const calendar = store.calendar.bind(store);
  const listOrders = store.listOrders.bind(store);
  store.calendar = (request, signal) => {
    calls.calendar.push(request);
    return calendar(request, signal);
  };
  store.listOrders = (query, page, signal) => {
    calls.listOrders.push(query);
    return listOrders(query, page, signal);
  };
  return calls;
}

async function settled(el: OrderCalendar): Promise<void> {
  await el.updateComplete;
  await eventually(() => grid(el).getAttribute('aria-busy') === 'false');
  await el.updateComplete;
}

describe('<order-calendar>', () => {
  let backend: Backend;
  let store: OrderStore;

  beforeEach(async () => {
    backend = await openBackend(60);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
  });

  afterEach(async () => {
    fixtureCleanup();
    store.dispose();
    await backend.close();
    await setLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  /** Two orders scheduled either side of midnight in Jakarta on 31 Jan / 1 Feb 2026 (both 31 Jan in UTC). */
  async function scheduleAcrossMidnight(): Promise<void> {
    const peer = await backend.peer();
    const draft = {
      channel: 'online',
      storeId: 'st_jkt',
      customer: { name: 'Rina' },
      currency: 'IDR',
      lines: [{ sku: 'X', name: 'Kopi', unitPrice: money(25000, 'IDR'), quantity: 1 }],
    };
    await peer.createOrder({ ...draft, scheduledAt: '2026-01-31T16:00:00.000Z' }, { idempotencyKey: crypto.randomUUID() });
    await peer.createOrder({ ...draft, scheduledAt: '2026-01-31T20:00:00.000Z' }, { idempotencyKey: crypto.randomUUID() });
    // The other tab's writes reach this tab's engine (and the store) through BroadcastChannel.
    await eventually(() => backend.spy.events.filter((e) => e.type === 'order-created').length >= 2);
  }

  it('buckets days in the time zone: 2026-01-31T20:00Z is 1 Feb in Asia/Jakarta and 31 Jan in UTC', async () => {
    await scheduleAcrossMidnight();
    const calls = record(store);
    const el = await fixture<OrderCalendar>(
      html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-01-20" kinds="scheduled" first-day-of-week="1"></order-calendar>`,
    );
    await settled(el);
    // Monday-first weeks: the January grid runs 29 Dec 2025 … Sun 1 Feb 2026.
    expect(cells(el)[0]!.dataset.day).to.equal('2025-12-29');
    expect(cells(el).at(-1)!.dataset.day).to.equal('2026-02-01');
    expect(calls.calendar).to.have.length(1);
    expect(calls.calendar[0]).to.deep.include({ from: '2025-12-28T17:00:00.000Z', to: '2026-02-01T17:00:00.000Z', timeZone: 'Asia/Jakarta' });
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(1);
    expect(countOf(el, '2026-02-01', 'scheduled')).to.equal(1);
    expect(cell(el, '2026-02-01')!.getAttribute('part')).to.contain('outside');
    expect(cell(el, '2026-02-01')!.textContent).to.contain('1 scheduled');

    el.timeZone = 'UTC';
    await eventually(() => calls.calendar.length === 2);
    await settled(el);
    expect(calls.calendar[1]).to.deep.include({ from: '2025-12-29T00:00:00.000Z', to: '2026-02-02T00:00:00.000Z', timeZone: 'UTC' });
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(2);
    expect(countOf(el, '2026-02-01', 'scheduled')).to.equal(0);
  });

  it('renders a month from buckets alone: one calendar request, no orders loaded', async () => {
    const calls = record(store);
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-11-10"></order-calendar>`);
    await settled(el);
    expect(calls.calendar).to.have.length(1);
    expect(calls.listOrders).to.have.length(0);
    expect(backend.spy.count('listOrders')).to.equal(0);
    expect(backend.spy.count('getOrder')).to.equal(0);
    // The seeded orders show: every one was created in the 120 days before 22 Nov 2026.
    const created = cells(el)
      .filter((c) => c.dataset.day!.startsWith('2026-11'))
      .reduce((sum, c) => sum + countOf(el, c.dataset.day!, 'created'), 0);
    expect(created).to.be.greaterThan(0);
    // A day's list loads on demand, for that day only.
    cell(el, '2026-11-10')!.click();
    await eventually(() => calls.listOrders.length === 1);
    expect(calls.listOrders[0]).to.deep.include({ from: '2026-11-09T17:00:00.000Z', to: '2026-11-10T17:00:00.000Z', archived: 'any' });
  });

  it('defaults to today in the viewer’s first store’s zone, marks it, and moves by period with previous / next / today', async () => {
    const staffStore = createOrderStore({
      api: backend.spy,
      workflow: backend.workflow,
      viewer: { id: 'u-kl', name: 'Aisyah', role: 'staff', storeIds: ['st_mnl'] },
    });
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${staffStore} .stores=${demoStores}></order-calendar>`);
    await settled(el);
    const today = dayOf(Date.now(), 'Asia/Manila');
    expect(root(el).querySelector('[part~="time-zone"]')!.textContent).to.contain('Asia/Manila');
    const current = root(el).querySelectorAll('[aria-current="date"]');
    expect(current).to.have.length(1);
    expect((current[0] as HTMLElement).dataset.day).to.equal(today);
    expect((current[0] as HTMLElement).tabIndex).to.equal(0);
    staffStore.dispose();

    el.store = store;
    el.date = '2026-01-31';
    el.timeZone = 'Asia/Jakarta';
    await settled(el);
    expect(titleOf(el)).to.equal('January 2026');
    const events: CalendarNavigateEvent[] = [];
    el.addEventListener('calendar-navigate', (e) => events.push(e));
    root(el).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await el.updateComplete;
    expect(titleOf(el)).to.equal('February 2026');
    expect(el.date).to.equal('2026-02-28'); // 31 Jan + 1 month, clamped
    expect(events.at(-1)!.detail).to.deep.equal({ view: 'month', date: '2026-02-28' });
    root(el).querySelector<HTMLButtonElement>('[part~="previous-button"]')!.click();
    root(el).querySelector<HTMLButtonElement>('[part~="previous-button"]')!.click();
    await el.updateComplete;
    expect(titleOf(el)).to.equal('December 2025');
    root(el).querySelector<HTMLButtonElement>('[part~="today-button"]')!.click();
    await el.updateComplete;
    expect(el.date).to.equal(dayOf(Date.now(), 'Asia/Jakarta'));
    expect(events).to.have.length(4);
  });

  it('switches between month, week and day views', async () => {
    const el = await fixture<OrderCalendar>(
      html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-11-18"></order-calendar>`,
    );
    await settled(el);
    expect(cells(el)).to.have.length(35);
    const events: CalendarNavigateEvent[] = [];
    el.addEventListener('calendar-navigate', (e) => events.push(e));
    const viewButton = (view: string) => root(el).querySelector<HTMLButtonElement>(`[part~="view-button"][data-view="${view}"]`)!;

    viewButton('week').click();
    await settled(el);
    expect(el.view).to.equal('week');
    expect(el.getAttribute('view')).to.equal('week');
    expect(viewButton('week').getAttribute('aria-pressed')).to.equal('true');
    expect(cells(el).map((c) => c.dataset.day)).to.deep.equal([
      '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21',
    ]);
    expect(titleOf(el)).to.equal('Nov 15 – 21, 2026');
    root(el).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await settled(el);
    expect(cells(el)[0]!.dataset.day).to.equal('2026-11-22');

    viewButton('day').click();
    await settled(el);
    expect(cells(el).map((c) => c.dataset.day)).to.deep.equal(['2026-11-25']);
    expect(titleOf(el)).to.equal('Wednesday, November 25, 2026');
    // The day view lists the day at once.
    await eventually(() => root(el).querySelector('[part~="day-list"]')?.getAttribute('data-day') === '2026-11-25');
    expect(events.map((e) => e.detail)).to.deep.equal([
      { view: 'week', date: '2026-11-18' },
      { view: 'week', date: '2026-11-25' },
      { view: 'day', date: '2026-11-25' },
    ]);
  });

  it('moves across days, weeks and months with the keyboard, loading the next month', async () => {
    const calls = record(store);
    const el = await fixture<OrderCalendar>(
      html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-01-31"></order-calendar>`,
    );
    await settled(el);
    const events: CalendarNavigateEvent[] = [];
    el.addEventListener('calendar-navigate', (e) => events.push(e));
    // One tab stop: only the focused day is in the Tab order.
    expect(cells(el).filter((c) => c.tabIndex === 0).map((c) => c.dataset.day)).to.deep.equal(['2026-01-31']);
    cell(el, '2026-01-31')!.focus();

    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    expect(focusedDay(el)).to.equal('2026-02-01');
    expect(titleOf(el)).to.equal('February 2026');
    expect(calls.calendar.at(-1)).to.deep.include({ from: '2026-01-31T17:00:00.000Z', to: '2026-02-28T17:00:00.000Z' });
    expect(events.at(-1)!.detail).to.deep.equal({ view: 'month', date: '2026-02-01' });

    await sendKeys({ press: 'ArrowLeft' });
    await settled(el);
    expect(focusedDay(el)).to.equal('2026-01-31');
    expect(titleOf(el)).to.equal('January 2026');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(focusedDay(el)).to.equal('2026-01-24');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settled(el);
    expect(focusedDay(el)).to.equal('2026-02-07');

    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focusedDay(el)).to.equal('2026-02-01'); // Sunday: en weeks start on Sunday
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focusedDay(el)).to.equal('2026-02-07');

    await sendKeys({ press: 'PageDown' });
    await settled(el);
    expect(focusedDay(el)).to.equal('2026-03-07');
    expect(titleOf(el)).to.equal('March 2026');
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await settled(el);
    expect(focusedDay(el)).to.equal('2026-01-07');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ up: 'Shift' });
    await settled(el);
    expect(focusedDay(el)).to.equal('2027-01-07');
    expect(titleOf(el)).to.equal('January 2027');
    expect(cells(el).filter((c) => c.tabIndex === 0)).to.have.length(1);

    const selected = oneEvent(el, 'day-select') as Promise<DaySelectEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await selected;
    expect(detail).to.deep.equal({ date: '2027-01-07', timeZone: 'Asia/Jakarta', from: '2027-01-06T17:00:00.000Z', to: '2027-01-07T17:00:00.000Z' });
    await el.updateComplete;
    expect(cell(el, '2027-01-07')!.getAttribute('aria-selected')).to.equal('true');
    expect(root(el).querySelector('[part~="day-list"]')).to.exist;
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(cell(el, '2027-01-08')!.getAttribute('aria-selected')).to.equal('true');
    expect(cell(el, '2027-01-07')!.getAttribute('aria-selected')).to.equal('false');
  });

  it('starts the week on Sunday in English and on Monday in Indonesian', async () => {
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-02-11"></order-calendar>`);
    await settled(el);
    const headers = () => [...root(el).querySelectorAll('[role="columnheader"] .visually-hidden')].map((h) => h.textContent!.trim());
    expect(headers()[0]).to.equal('Sunday');
    expect(cells(el)[0]!.dataset.day).to.equal('2026-02-01');
    await setLocale('id');
    await settled(el);
    expect(headers()).to.deep.equal(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']);
    expect(cells(el)[0]!.dataset.day).to.equal('2026-01-26');
    expect(titleOf(el)).to.equal('Februari 2026');
    // The calendar's own words are Indonesian too.
    expect(root(el).querySelector('[part~="today-button"]')!.textContent!.trim()).to.equal('Hari ini');
    expect(root(el).querySelector('[part~="kind-toggle"][data-kind="scheduled"]')!.textContent!.trim()).to.equal('Terjadwal');
    expect(root(el).querySelector('[part~="next-button"]')!.getAttribute('aria-label')).to.equal('Bulan berikutnya');
    // Home goes to Monday in Indonesian.
    cell(el, '2026-02-11')!.focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focusedDay(el)).to.equal('2026-02-09');
  });

  it('opens a day’s list of orders, pages it, and an entry fires order-open', async () => {
    const el = await fixture<OrderCalendar>(
      html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-11-20" kinds="created" page-size="3"></order-calendar>`,
    );
    await settled(el);
    const day = cells(el)
      .map((c) => c.dataset.day!)
      .find((d) => countOf(el, d, 'created') > 3)!;
    expect(day, 'a day with more than a page of orders').to.be.a('string');
    const count = countOf(el, day, 'created');
    cell(el, day)!.click();
    await eventually(() => root(el).querySelectorAll('[part~="day-list-item"]').length === 3);
    const panel = root(el).querySelector<HTMLElement>('[part~="day-list"]')!;
    expect(panel.querySelector('h3')!.textContent).to.contain(String(Number(day.slice(8))));
    const first = panel.querySelector('[part~="day-list-item"]')!;
    expect(first.querySelector('.number')!.textContent).to.match(/^INV\//);
    expect(first.querySelector('[part~="status"]')!.textContent!.trim()).to.not.equal('');
    expect(first.querySelector('.total')!.textContent).to.match(/\d/);
    expect(panel.querySelector('[part~="pager"]')!.textContent).to.contain(`1–3 of ${count}`);
    // The confirm-first workflow offers no reschedule: nothing to drag or move.
    expect(panel.querySelector('[part~="move-button"]')).to.equal(null);
    expect(first.getAttribute('draggable')).to.equal('false');

    panel.querySelector<HTMLButtonElement>('[part~="pager-next"]')!.click();
    await eventually(() => root(el).querySelector('[part~="pager"]')?.textContent?.includes(`4–`) ?? false);

    const id = root(el).querySelector<HTMLElement>('[part~="day-list-item"]')!.dataset.orderId!;
    const opened = oneEvent(el, 'order-open') as Promise<OrderOpenEvent>;
    root(el).querySelector<HTMLButtonElement>('[part~="order-link"]')!.click();
    expect((await opened).detail).to.deep.equal({ orderId: id });

    root(el).querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="day-list"]')).to.equal(null);
    expect(focusedDay(el)).to.equal(day);
  });

  it('shows only the kinds turned on, and reflects them in the kinds attribute', async () => {
    await scheduleAcrossMidnight();
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="UTC" date="2026-01-10"></order-calendar>`);
    await settled(el);
    expect(el.getAttribute('kinds')).to.equal('scheduled shipment created');
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(2);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part~="kind-toggle"][data-kind="scheduled"]')!;
    const changed = oneEvent(el, 'kinds-change') as Promise<KindsChangeEvent>;
    toggle.click();
    expect((await changed).detail.kinds).to.deep.equal(['shipment', 'created']);
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(el.getAttribute('kinds')).to.equal('shipment created');
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(0);
    expect(root(el).querySelector('[part~="empty-state"]')!.textContent).to.contain('No orders in this period');
    el.setAttribute('kinds', 'scheduled');
    await el.updateComplete;
    expect(el.kinds).to.deep.equal(['scheduled']);
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(2);
    expect(root(el).querySelector('[part~="empty-state"]')).to.equal(null);
  });

  it('refetches the visible range when orders change, coalescing bursts and cancelling the stale request', async () => {
    const calls = record(store);
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="UTC" date="2026-01-10" kinds="scheduled"></order-calendar>`);
    await settled(el);
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(0);
    await scheduleAcrossMidnight();
    await eventually(() => countOf(el, '2026-01-31', 'scheduled') === 2);
    // Two changes in a burst: one or two refetches, never one per event.
    expect(calls.calendar.length).to.be.within(2, 3);

    // A refetch while one is still out aborts the older one; only the newer answer is shown.
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calendar = store.calendar.bind(store);
    store.calendar = async (request, signal) => {
      signals.push(signal!);
      if (signals.length === 1) await gate;
      return calendar(request, signal);
    };
    el.refresh();
    el.refresh();
    expect(signals).to.have.length(2);
    expect(signals[0]!.aborted).to.equal(true);
    expect(signals[1]!.aborted).to.equal(false);
    release();
    await settled(el);
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(2);
  });

  it('shows a load failure with Retry, then the counts', async () => {
    await scheduleAcrossMidnight();
    const calendar = store.calendar.bind(store);
    let fail = true;
    store.calendar = (request, signal) =>
      fail ? Promise.reject(new OrderApiError({ code: 'network', message: 'The network is down.' })) : calendar(request, signal);
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="UTC" date="2026-01-10"></order-calendar>`);
    await eventually(() => root(el).querySelector('[part~="error-state"]') !== null);
    const error = root(el).querySelector<HTMLElement>('[part~="error-state"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('Network problem');
    expect(error.textContent).to.contain('The network is down.');
    await expect(el).to.be.accessible();
    fail = false;
    error.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await settled(el);
    expect(root(el).querySelector('[part~="error-state"]')).to.equal(null);
    expect(countOf(el, '2026-01-31', 'scheduled')).to.equal(2);
  });

  it('shows placeholders while loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calendar = store.calendar.bind(store);
    store.calendar = async (request, signal) => {
      await gate;
      return calendar(request, signal);
    };
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="UTC" date="2026-11-10"></order-calendar>`);
    expect(grid(el).getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelectorAll('.placeholder').length).to.equal(35);
    release();
    await settled(el);
    expect(root(el).querySelectorAll('.placeholder').length).to.equal(0);
  });

  it('passes axe in the month, week and day views', async () => {
    await setViewport({ width: 1440, height: 900 });
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-11-18"></order-calendar>`);
    await settled(el);
    cell(el, '2026-11-18')!.click();
    await eventually(() => root(el).querySelector('[part~="day-list-items"], [part~="day-list-empty"]') !== null);
    await expect(el).to.be.accessible();
    el.view = 'week';
    await settled(el);
    await expect(el).to.be.accessible();
    el.view = 'day';
    await settled(el);
    await eventually(() => root(el).querySelector('[part~="day-list-items"], [part~="day-list-empty"]') !== null);
    await expect(el).to.be.accessible();
  });

  it('shows dots and the day’s total in narrow month cells', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await fixture<OrderCalendar>(html`<order-calendar .store=${store} time-zone="Asia/Jakarta" date="2026-11-18"></order-calendar>`);
    await settled(el);
    const busy = cells(el).find((c) => c.querySelector('.compact'))!;
    expect(getComputedStyle(busy.querySelector('.compact')!).display).to.equal('flex');
    expect(getComputedStyle(busy.querySelector('.counts')!).display).to.equal('none');
    const total = ['scheduled', 'shipment', 'created'].reduce((sum, k) => sum + countOf(el, busy.dataset.day!, k), 0);
    expect(busy.querySelector('.compact-total')!.textContent).to.equal(String(total));
    expect(el.getBoundingClientRect().width).to.be.at.most(390);
    expect(grid(el).scrollWidth).to.be.at.most(grid(el).clientWidth + 1);
    await expect(el).to.be.accessible();
  });

  it('warns and falls back on bad attribute values', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const el = await fixture<OrderCalendar>(
        html`<order-calendar .store=${store} time-zone="Mars/Olympus" view="year" date="2026-02-30" kinds="scheduled bogus"></order-calendar>`,
      );
      await settled(el);
      expect(el.view).to.equal('month');
      expect(el.kinds).to.deep.equal(['scheduled']);
      expect(cells(el).length).to.be.within(28, 42);
      expect(warnings.some((w) => w.includes('Mars/Olympus'))).to.equal(true);
      expect(warnings.some((w) => w.includes('"year"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('2026-02-30'))).to.equal(true);
      expect(warnings.some((w) => w.includes('bogus'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});
