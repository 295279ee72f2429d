/**
 * `<order-calendar>`: month, week and day views of scheduled deliveries and bookings, shipments and
 * orders created, drawn from the backend's per-day buckets only; a day opens its order list on demand,
 * and orders are rescheduled by drag and drop or a "Move to…" date field, with undo. No side effects:
 * registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isOrderApiError, OrderApiError, type CalendarKind, type OrderQuery } from '../../api/types.js';
import { intlLocale } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import type { Order, Store } from '../../model/types.js';
import { canOffer } from '../../model/workflow/engine.js';
import { adoptStores } from '../../state/time-zone.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { formatCount } from '../shared/format-count.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { errorKindLabel, statusDef, statusLabel } from '../shared/order-labels.js';
import { tokens } from '../shared/tokens.js';
import {
  addDays,
  browserTimeZone,
  dayBounds,
  dayOf,
  isDay,
  isTimeZone,
  startOfMonth,
  wallTimeOf,
  zonedInstant,
} from '../shared/zoned-date.js';
import { CALENDAR_KINDS, dayTones, dayTotal, indexBuckets, moveScheduled, type DayCounts, type KindCount } from './buckets.js';
import {
  CALENDAR_VIEWS,
  firstDayOfWeek,
  gridWeeks,
  periodKey,
  shiftPeriod,
  startOfWeek,
  visibleRange,
  weekDays,
  type CalendarView,
  type Weekday,
} from './calendar-math.js';
import { renderDayPanel, type DayList, type DayPanelHandlers } from './day-panel.js';
import { CalendarNavigateEvent, DaySelectEvent, KindsChangeEvent, OrderRescheduleEvent } from './events.js';
import { chevron, formatDay, formatWhen, kindCount, kindIcon, kindLabel, periodTitle, stepLabel, viewLabel } from './labels.js';
import { styles } from './order-calendar.styles.js';

/** Realtime changes are coalesced this long before the visible range is fetched again. */
const REFRESH_MS = 150;
/** The action that moves an order's scheduled date. */
const RESCHEDULE = 'reschedule';
/** The drag data type of an order dragged from the day list. */
const DRAG_TYPE = 'application/x-orderdeck-order';

const EMPTY_COUNTS: DayCounts = new Map();
const dismissLabel = (): string => msg('Dismiss', { id: 'calendar.dismiss', desc: 'Button: hide the message about a reschedule' });

/** What the calendar says after a reschedule: done (with Undo), moved back, or why it failed. */
type Notice =
  | {
      readonly type: 'moved';
      readonly order: Order;
      readonly previous: string;
      readonly scheduledAt: string;
      readonly undone: boolean;
    }
  | {
      readonly type: 'failed';
      readonly order: Order;
      readonly error: OrderApiError;
      /** The store's error entry, dismissed with the notice; its retry sends the same intent again. */
      readonly entryId: string | undefined;
      readonly retry: (() => Promise<unknown>) | undefined;
    };

/** `kinds` attribute ⇄ property: space- or comma-separated kinds, unknown ones warned about and dropped. */
const kindsConverter = {
  fromAttribute(value: string | null): CalendarKind[] {
    if (value === null) return [...CALENDAR_KINDS];
    const words = value.split(/[\s,]+/).filter(Boolean);
    const unknown = words.filter((w) => !(CALENDAR_KINDS as readonly string[]).includes(w));
    if (unknown.length) console.warn(`orderdeck: <order-calendar> kinds "${unknown.join(' ')}" unknown; use scheduled, shipment, created.`);
    return CALENDAR_KINDS.filter((k) => words.includes(k));
  },
  toAttribute(value: readonly CalendarKind[]): string {
    return value.join(' ');
  },
};

/**
 * A calendar of the orders: month, week and day views of scheduled deliveries and bookings
 * (`scheduled`: the order's `scheduledAt`), shipments (`shipment`: each shipment's scheduled date,
 * else its creation) and orders created (`created`), with per-day counts split by workflow status.
 *
 * **Data.** Reads the store from `<order-provider>` / `<order-admin>` context or the `store` property.
 * The grid is drawn **only from `store.calendar` buckets** for the visible range (whole days in the
 * calendar's time zone), so a month with 100k orders loads no orders at all. Realtime changes
 * (`store.changes$`) refetch the visible range, coalesced, and a newer request cancels an older one.
 * Opening a day lists its orders on demand (`store.listOrders` with `dateField` `scheduledAt` or
 * `createdAt` and the day's UTC bounds; shipments through `store.listShipments`), a page at a time.
 *
 * **Time zone.** Days are calendar days in `time-zone` when set (an IANA zone), else the view's zone
 * (the store's `timeZone$`: the one store in view, else the viewer's choice or the first store's),
 * else the browser's. Day bounds follow the zone's real offsets across daylight-saving changes.
 *
 * **Weeks** start on the locale's first day (`Intl.Locale#getWeekInfo`, a table where that is missing;
 * Monday for Indonesian, Sunday for US English), or on `first-day-of-week`.
 *
 * **Rescheduling.** Where the workflow offers `reschedule` to this viewer on an order (presets
 * `cod-delivery` and `payment-fulfillment`), its entry in the day's "Scheduled" list can be dragged
 * onto another day, or moved with its "Move to…" date field (the keyboard way); the time of day stays.
 * The move shows at once, runs through `store.runAction(id, 'reschedule', { scheduledAt })`, and
 * then offers Undo. A refusal, conflict or network failure is shown with its reason (and Retry where
 * it can help), and the calendar is fetched again so it shows the true state.
 *
 * **Keyboard** (ARIA grid, one tab stop): arrows move by a day and a week, crossing into the next or
 * previous month (which loads it); Page Up / Page Down move a month (with Shift, a year); Home / End go
 * to the start / end of the week; Enter or Space opens the day's list. Today has `aria-current="date"`;
 * the open day is `aria-selected`.
 *
 * **States.** While buckets load the grid is `aria-busy` with quiet placeholders; "No orders in this
 * period" when nothing of the shown kinds falls in it; a load failure shows its reason with Retry.
 * Narrow containers (under 640 px) show a dot per status tone and the day's total in month cells.
 *
 * @tag order-calendar
 * @summary Month, week and day calendar of scheduled deliveries, shipments and new orders, with drag-to-reschedule.
 *
 * @fires {CalendarNavigateEvent} calendar-navigate - The user moved to another period or view
 *   (previous/next/today, the view switch, the keyboard crossing a month or week). `detail.view`,
 *   `detail.date` (the focused day, `YYYY-MM-DD`). Not fired for `view`/`date` set by the app.
 * @fires {DaySelectEvent} day-select - The user opened a day. `detail.date`, `detail.timeZone`, and
 *   the day's bounds `detail.from` (inclusive) / `detail.to` (exclusive) as UTC instants.
 * @fires {KindsChangeEvent} kinds-change - The user turned a kind on or off; `detail.kinds`.
 * @fires {OrderOpenEvent} order-open - The user chose an order in a day's list; `detail.orderId`.
 * @fires {OrderRescheduleEvent} order-reschedule - A reschedule (drag, Move to…, or Undo) succeeded;
 *   `detail.orderId`, `detail.scheduledAt`, `detail.previous`, `detail.undo`.
 *
 * @csspart header - The bar above the grid: navigation, title, view switch and kind toggles.
 * @csspart title - The period's heading ("January 2026").
 * @csspart nav-button - The Today, previous and next buttons (also `today-button`, `previous-button`, `next-button`).
 * @csspart today-button - The Today button.
 * @csspart previous-button - The previous-period button.
 * @csspart next-button - The next-period button.
 * @csspart view-switch - The Month / Week / Day segmented control.
 * @csspart view-button - Each button of the view switch.
 * @csspart kinds - The group of kind toggles (Scheduled, Shipments, Created).
 * @csspart kind-toggle - Each kind toggle (`aria-pressed`).
 * @csspart time-zone - The note naming the time zone days are counted in.
 * @csspart grid - The calendar grid (`role=grid`).
 * @csspart weekday - Each weekday column header.
 * @csspart week - Each row of days.
 * @csspart day - Each day cell; also `today`, `selected`, `outside` (a day of another month) and
 *   `drop-target` (an order is dragged over it): `day today`.
 * @csspart today - Added to today's cell.
 * @csspart selected - Added to the open day's cell.
 * @csspart outside - Added to month-view cells of the previous or next month.
 * @csspart drop-target - Added to the cell an order is dragged over.
 * @csspart day-number - The day of the month in a cell.
 * @csspart count - A kind's count in a cell.
 * @csspart status-bar - The bar of a kind's count split by status tone.
 * @csspart day-list - The open day's panel (its order list).
 * @csspart day-list-title - The panel's heading.
 * @csspart day-list-kind - The panel's buttons choosing which kind to list.
 * @csspart day-list-items - The list of orders or shipments.
 * @csspart day-list-item - Each entry (also `busy` while it is being moved).
 * @csspart order-link - The button that opens an entry's order.
 * @csspart status - An entry's status badge.
 * @csspart move-button - An entry's "Move to…" button.
 * @csspart move-form - The "Move to…" form with its date field.
 * @csspart pager - Previous / next page of a long day list.
 * @csspart notice - The message after a reschedule (with Undo) or about its failure.
 * @csspart undo-button - The notice's Undo button.
 * @csspart empty-state - "No orders in this period".
 * @csspart error-state - The load failure with its Retry button.
 * @csspart retry-button - Retry buttons.
 *
 * @cssprop --od-order-calendar-cell-height - Minimum height of a month-view day cell (default 104px).
 * @cssprop --od-order-calendar-panel-width - Width of the day panel beside the grid on wide screens (default 360px).
 * @cssprop --od-order-calendar-today-color - Colour marking today (default the accent).
 * @cssprop --od-order-calendar-outside-background - Background of month-view days of other months.
 */
export class OrderCalendar extends LitElement {
  static override styles = [tokens, ...styles];

  private readonly locale = localeChanges(this);
  private readonly changes$ = new StoreController(this, (store) => store.changes$);
  /** Re-renders (and refetches, the zone being part of the range key) when the view's zone changes. */
  private readonly timeZone$ = new StoreController(this, (store) => store.timeZone$);

  // Buckets of the visible range.
  @state() private counts: DayCounts = EMPTY_COUNTS;
  @state() private loading = false;
  @state() private loadError: OrderApiError | undefined;
  private bucketRequest: AbortController | undefined;
  private requestedKey = '';
  private requestedStore: OrderStore | undefined;
  private seenChange: unknown;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  // The open day and its list.
  @state() private selectedDay: string | undefined;
  @state() private list: DayList | undefined;
  private listRequest: AbortController | undefined;
  /** The list opened on a default kind while the day's counts were loading: pick again when they land. */
  private kindPending = false;

  // Rescheduling.
  @state() private moving: string | undefined;
  @state() private moveProblem: string | undefined;
  @state() private busy: ReadonlySet<string> = new Set();
  @state() private notice: Notice | undefined;
  @state() private dropTarget: string | undefined;
  private dragged: Order | undefined;

  @state() private announcement = '';
  /** Set when the focused day changed by keyboard or click and the cell should take focus after render. */
  private focusPending = false;
  /** Set when a keyboard move finished and the notice's first button should take focus. */
  private noticeFocusPending = false;
  private warned = new Set<string>();

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The merchant's stores (names and time zones): the default time zone is the viewer's first store's. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** Only these stores' orders (default: every store the viewer may see). */
  @property({ attribute: false }) storeIds: readonly string[] | undefined = undefined;

  /** IANA time zone whose calendar days are shown (e.g. `Asia/Jakarta`); overrides the store's zone. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** `month`, `week` or `day`. */
  @property({ reflect: true }) view: CalendarView = 'month';

  /** The focused day, `YYYY-MM-DD` (default today in the time zone); the view shows its period. */
  @property({ reflect: true }) date = '';

  /** Which kinds show, space-separated: `scheduled`, `shipment`, `created` (default all three). */
  @property({ reflect: true, converter: kindsConverter }) kinds: readonly CalendarKind[] = [...CALENDAR_KINDS];

  /** First day of the week, 1 (Monday) to 7 (Sunday); 0 (default) follows the locale. */
  @property({ type: Number, attribute: 'first-day-of-week' }) firstDayOfWeek = 0;

  /** Entries per page of a day's list (default 20). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Accessible name of the grid (default the period's title). */
  @property() label = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: fetch again (the range was released on disconnect).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refreshTimer);
    this.bucketRequest?.abort();
    this.listRequest?.abort();
    this.bucketRequest = undefined;
    this.listRequest = undefined;
    this.requestedKey = '';
  }

  /** Moves keyboard focus to the focused day's cell. */
  override focus(options?: FocusOptions): void {
    const cell = this.cellFor(this.focusDay);
    if (cell) cell.focus(options);
    else super.focus(options);
  }

  /** Fetches the visible range's buckets (and the open day's list) again. */
  refresh(): void {
    this.loadBuckets(true);
    this.loadList(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    adoptStores(this.currentStore, this.stores);
    this.checkProperties(changed);
    const store = this.currentStore;
    const change = this.changes$.value;
    if (change !== undefined && change !== this.seenChange) {
      this.seenChange = change;
      this.scheduleRefresh();
    }
    const key = this.rangeKey();
    if (store && (key !== this.requestedKey || store !== this.requestedStore)) {
      this.requestedKey = key;
      const sameStore = store === this.requestedStore;
      this.requestedStore = store;
      if (!sameStore) {
        this.selectedDay = undefined;
        this.list = undefined;
        this.notice = undefined;
      }
      this.loadBuckets(false);
    }
    if (this.view === 'day' && this.list?.day !== this.focusDay && store) this.openList(this.focusDay);
    if (this.list && this.openDay === undefined) {
      // Left the day view with no day selected: no hidden list to keep loading.
      this.listRequest?.abort();
      this.list = undefined;
    }
    if (this.list && !this.shownKinds.includes(this.list.kind) && this.shownKinds.length > 0) {
      this.openList(this.list.day, this.defaultKind(this.list.day));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusPending) {
      this.focusPending = false;
      this.cellFor(this.focusDay)?.focus();
    }
    // After a keyboard move, once its outcome shows: to Undo (or Retry / Dismiss after a failure).
    const noticeButton = this.notice && this.noticeFocusPending ? this.renderRoot.querySelector<HTMLElement>('[part~="notice"] button') : null;
    if (noticeButton) {
      this.noticeFocusPending = false;
      noticeButton.focus();
    }
  }

  protected override render(): unknown {
    const store = this.currentStore;
    const focus = this.focusDay;
    const weeks = gridWeeks(this.view, focus, this.weekStart);
    const range = visibleRange(this.view, focus, this.weekStart);
    const title = periodTitle(this.view, this.view === 'month' ? startOfMonth(focus) : range.start, range.end);
    const openDay = this.openDay;
    const panel = store && openDay && this.list ? this.renderPanel(store) : nothing;
    return html`
      ${this.renderHeader(title)}
      ${this.renderState(range)}
      <div class="body ${panel === nothing ? '' : 'with-panel'} view-${this.view}">
        <div class="grid-wrap">${this.renderGrid(weeks, title, focus)}</div>
        ${panel}
      </div>
      ${this.renderNotice()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────────────────

  private renderHeader(title: string): TemplateResult {
    const zone = this.zone;
    return html`<div part="header" class="header">
      <div class="nav">
        <button type="button" class="control" part="nav-button today-button" @click=${this.goToday}>
          ${msg('Today', { id: 'calendar.today-button', desc: 'Calendar button: go to today' })}
        </button>
        <span class="steps">
          <button type="button" class="control icon-button" part="nav-button previous-button" aria-label=${stepLabel(this.view, -1)} title=${stepLabel(this.view, -1)} @click=${() => this.step(-1)}>
            ${chevron(-1)}
          </button>
          <button type="button" class="control icon-button" part="nav-button next-button" aria-label=${stepLabel(this.view, 1)} title=${stepLabel(this.view, 1)} @click=${() => this.step(1)}>
            ${chevron(1)}
          </button>
        </span>
        <h2 id="title" part="title" aria-live="polite">${title}</h2>
      </div>
      <div class="controls">
        <div class="segmented" part="view-switch" role="group" aria-label=${msg('View', { id: 'calendar.view-switch', desc: 'Calendar: group of Month / Week / Day buttons' })}>
          ${CALENDAR_VIEWS.map(
            (view) => html`<button
              type="button"
              part="view-button"
              data-view=${view}
              aria-pressed=${view === this.view ? 'true' : 'false'}
              @click=${() => this.chooseView(view)}
            >
              ${viewLabel(view)}
            </button>`,
          )}
        </div>
        <div class="kinds" part="kinds" role="group" aria-label=${msg('Show', { id: 'calendar.kinds', desc: 'Calendar: group of toggles for which entries to show' })}>
          ${CALENDAR_KINDS.map(
            (kind) => html`<button
              type="button"
              class="chip kind-${kind}"
              part="kind-toggle"
              data-kind=${kind}
              aria-pressed=${this.kinds.includes(kind) ? 'true' : 'false'}
              @click=${() => this.toggleKind(kind)}
            >
              ${kindIcon(kind)}<span>${kindLabel(kind)}</span>
            </button>`,
          )}
        </div>
      </div>
      <p class="zone muted small" part="time-zone">${msg(str`Days in ${zone}`, { desc: 'Calendar: which IANA time zone the days are counted in' })}</p>
    </div>`;
  }

  private renderState(range: { start: string; end: string }): TemplateResult | typeof nothing {
    if (this.loadError) {
      const error = this.loadError;
      return html`<div class="problem" part="error-state" role="alert">
        <p><strong>${errorKindLabel(error.code)}</strong> · ${msg('The calendar could not be loaded.')}</p>
        <p class="small">${error.message}</p>
        <button type="button" class="control primary" part="retry-button" @click=${() => this.loadBuckets(false)}>${uiStrings.retry()}</button>
      </div>`;
    }
    if (this.shownKinds.length === 0) {
      return html`<p class="empty" part="empty-state">${msg('Nothing to show: turn on Scheduled, Shipments or Created.')}</p>`;
    }
    if (!this.loading && this.currentStore && this.isEmpty(range)) {
      return html`<p class="empty" part="empty-state">${msg('No orders in this period.', { desc: 'Calendar empty state' })}</p>`;
    }
    if (this.loading) return html`<p class="loading muted small" role="status">${uiStrings.loading()}</p>`;
    return nothing;
  }

  private renderGrid(weeks: readonly string[][], title: string, focus: string): TemplateResult {
    const today = this.today;
    const month = focus.slice(0, 7);
    const showHeaders = this.view !== 'day';
    return html`<div
      part="grid"
      class="grid"
      role="grid"
      aria-label=${this.label || title}
      aria-readonly="true"
      aria-busy=${this.loading ? 'true' : 'false'}
      @keydown=${this.onKeyDown}
      @dragover=${this.onDragOver}
      @dragleave=${this.onDragLeave}
      @drop=${this.onDrop}
    >
      ${showHeaders
        ? html`<div role="row" class="weekdays">
            ${weekDays(focus, this.weekStart).map(
              (day) => html`<div role="columnheader" part="weekday" class="weekday">
                <span aria-hidden="true" class="wide-only">${formatDay(day, 'weekday-short')}</span>
                <span aria-hidden="true" class="narrow-only">${formatDay(day, 'weekday-narrow')}</span>
                <span class="visually-hidden">${formatDay(day, 'weekday-long')}</span>
              </div>`,
            )}
          </div>`
        : nothing}
      ${repeat(
        weeks,
        (week) => week[0],
        (week) => html`<div role="row" part="week" class="week">
          ${week.map((day) => this.renderDay(day, focus, today, this.view === 'month' && day.slice(0, 7) !== month))}
        </div>`,
      )}
    </div>`;
  }

  private renderDay(day: string, focus: string, today: string, outside: boolean): TemplateResult {
    const selected = day === this.openDay;
    const parts = ['day'];
    if (day === today) parts.push('today');
    if (selected) parts.push('selected');
    if (outside) parts.push('outside');
    if (day === this.dropTarget) parts.push('drop-target');
    const kinds = this.shownKinds;
    const entry = this.counts.get(day);
    const shown = kinds.filter((kind) => (entry?.[kind]?.count ?? 0) > 0);
    const detailed = this.view !== 'month';
    const spoken = shown.map((kind) => this.spokenCount(kind, entry![kind]!, detailed));
    const total = dayTotal(this.counts, day, kinds);
    const placeholder = this.loading && this.counts === EMPTY_COUNTS;
    return html`<div
      role="gridcell"
      part=${parts.join(' ')}
      class="day"
      data-day=${day}
      tabindex=${day === focus ? '0' : '-1'}
      aria-selected=${selected ? 'true' : 'false'}
      aria-current=${day === today ? 'date' : 'false'}
      @click=${() => this.activate(day)}
    >
      <span class="day-head" aria-hidden="true">
        <span class="day-number" part="day-number">${formatDay(day, this.view === 'day' ? 'day-month' : 'number')}</span>
      </span>
      <span class="visually-hidden">${formatDay(day, 'full')}${day === today ? `, ${msg('today', { id: 'calendar.today-suffix', desc: 'Calendar: read after the date of today' })}` : ''}${spoken.length ? `: ${spoken.join(', ')}` : ''}</span>
      ${placeholder
        ? html`<span class="placeholder" aria-hidden="true"></span>`
        : html`<span class="counts" aria-hidden="true">
              ${shown.map((kind) => this.renderCount(kind, entry![kind]!, detailed))}
            </span>
            ${total > 0 ? this.renderCompact(day, total) : nothing}`}
    </div>`;
  }

  private renderCount(kind: CalendarKind, value: KindCount, detailed: boolean): TemplateResult {
    const workflow = this.currentStore?.workflow;
    const breakdown = workflow ? value.statuses.map((s) => `${statusLabel(workflow, s.status)} ${formatCount(s.count)}`).join(' · ') : '';
    return html`<span class="count kind-${kind}" part="count" data-kind=${kind} data-count=${value.count} title=${`${kindLabel(kind)}: ${breakdown}`}>
      <span class="count-line">${kindIcon(kind)}<span class="count-n">${formatCount(value.count)}</span>${detailed ? html`<span class="count-label">${kindLabel(kind)}</span>` : nothing}</span>
      <span class="bar" part="status-bar">
        ${value.statuses.map((s) => html`<span class="seg tone-${s.tone}" style=${`flex-grow:${s.count}`}></span>`)}
      </span>
      ${detailed && workflow
        ? html`<span class="statuses">
            ${value.statuses.map(
              (s) => html`<span class="status-chip"><span class="dot tone-${s.tone}"></span>${statusLabel(workflow, s.status)} ${formatCount(s.count)}</span>`,
            )}
          </span>`
        : nothing}
    </span>`;
  }

  /** The narrow month cell: a dot per status tone and the day's total. */
  private renderCompact(day: string, total: number): TemplateResult {
    return html`<span class="compact" aria-hidden="true">
      <span class="dots">${dayTones(this.counts, day, this.shownKinds).slice(0, 3).map((tone) => html`<span class="dot tone-${tone}"></span>`)}</span>
      <span class="compact-total">${formatCount(total)}</span>
    </span>`;
  }

  private spokenCount(kind: CalendarKind, value: KindCount, detailed: boolean): string {
    const count = kindCount(kind, value.count);
    const workflow = this.currentStore?.workflow;
    if (!detailed || !workflow) return count;
    return `${count} (${value.statuses.map((s) => `${formatCount(s.count)} ${statusLabel(workflow, s.status)}`).join(', ')})`;
  }

  private renderPanel(store: OrderStore): TemplateResult {
    const list = this.list!;
    const entry = this.counts.get(list.day);
    return renderDayPanel(
      {
        list,
        workflow: store.workflow,
        timeZone: this.zone,
        pageSize: this.effectivePageSize,
        kinds: this.shownKinds.map((kind) => ({ kind, count: entry?.[kind]?.count ?? 0 })),
        closable: this.view !== 'day',
        movable: (order) => canOffer(store.workflow, order, store.viewer, RESCHEDULE),
        draggable: this.view !== 'day',
        moving: this.moving,
        busy: this.busy,
        moveProblem: this.moveProblem,
      },
      this.panelHandlers,
    );
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    const zone = this.zone;
    if (notice.type === 'moved') {
      const when = formatWhen(notice.scheduledAt, zone);
      const number = notice.order.number;
      return html`<div class="notice" part="notice" role="status">
        <p>
          ${notice.undone
            ? msg(str`Order ${number} moved back to ${when}.`)
            : msg(str`Order ${number} rescheduled to ${when}.`)}
        </p>
        ${notice.undone
          ? nothing
          : html`<button type="button" class="control primary" part="undo-button" @click=${this.undo}>${msg('Undo', { id: 'calendar.undo', desc: 'Button: take back the reschedule just made' })}</button>`}
        <button type="button" class="control icon-button" part="dismiss-button" aria-label=${dismissLabel()} title=${dismissLabel()} @click=${this.dismissNotice}>
          <span aria-hidden="true">×</span>
        </button>
      </div>`;
    }
    const number = notice.order.number;
    const stays = notice.order.scheduledAt ? formatWhen(notice.order.scheduledAt, zone) : '';
    return html`<div class="notice failed" part="notice" role="alert" data-error=${notice.error.code}>
      <p>
        <strong>${errorKindLabel(notice.error.code)}</strong> · ${msg(str`Order ${number} was not rescheduled.`)}
        ${notice.error.message}
        ${stays ? html`<br /><span class="small">${msg(str`It stays on ${stays}.`)}</span>` : nothing}
      </p>
      ${notice.retry
        ? html`<button type="button" class="control primary" part="retry-button" @click=${this.retryMove}>${uiStrings.retry()}</button>`
        : nothing}
      <button type="button" class="control icon-button" part="dismiss-button" aria-label=${dismissLabel()} title=${dismissLabel()} @click=${this.dismissNotice}>
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  // ── Derived values ─────────────────────────────────────────────────────────────────────────────

  private get currentStore(): OrderStore | undefined {
    return this.store ?? this.changes$.store;
  }

  /** The IANA zone days are counted in: the `time-zone` override, else the view's (the store's `timeZone$`). */
  private get zone(): string {
    if (this.timeZone) {
      if (isTimeZone(this.timeZone)) return this.timeZone;
      this.warnOnce(`zone:${this.timeZone}`, `time-zone "${this.timeZone}" is not an IANA time zone; using the view's.`);
    }
    const zone = this.timeZone$.value ?? this.currentStore?.timeZone;
    return zone && isTimeZone(zone) ? zone : browserTimeZone();
  }

  private get today(): string {
    return dayOf(Date.now(), this.zone);
  }

  private get focusDay(): string {
    return isDay(this.date) ? this.date : this.today;
  }

  private get weekStart(): Weekday {
    const n = this.firstDayOfWeek;
    if (Number.isInteger(n) && n >= 1 && n <= 7) return n as Weekday;
    return firstDayOfWeek(intlLocale(this.locale.locale));
  }

  private get shownKinds(): readonly CalendarKind[] {
    return CALENDAR_KINDS.filter((k) => this.kinds.includes(k));
  }

  /** The day whose list shows: the focused day in the day view, the selected one otherwise. */
  private get openDay(): string | undefined {
    return this.view === 'day' ? this.focusDay : this.selectedDay;
  }

  private get effectivePageSize(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : 20;
  }

  private rangeKey(): string {
    const { start, end } = visibleRange(this.view, this.focusDay, this.weekStart);
    return `${this.zone}|${start}|${end}|${this.storeIds?.join(',') ?? '*'}`;
  }

  private isEmpty(range: { start: string; end: string }): boolean {
    if (this.loadError) return false;
    for (const [day] of this.counts) {
      if (day >= range.start && day <= range.end && dayTotal(this.counts, day, this.shownKinds) > 0) return false;
    }
    return true;
  }

  private cellFor(day: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`);
  }

  private checkProperties(changed: PropertyValues<this>): void {
    if (changed.has('view') && !CALENDAR_VIEWS.includes(this.view)) {
      this.warnOnce(`view:${String(this.view)}`, `view "${String(this.view)}" is not month, week or day; using month.`);
      this.view = 'month';
    }
    if (changed.has('date') && this.date && !isDay(this.date)) {
      this.warnOnce(`date:${this.date}`, `date "${this.date}" is not a YYYY-MM-DD day; showing today.`);
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`orderdeck: <order-calendar> ${message}`);
  }

  private defaultKind(day: string): CalendarKind {
    const kinds = this.shownKinds;
    const entry = this.counts.get(day);
    return kinds.find((k) => (entry?.[k]?.count ?? 0) > 0) ?? kinds[0] ?? 'scheduled';
  }

  // ── Loading ────────────────────────────────────────────────────────────────────────────────────

  /** Fetches the buckets of the visible range; `keep` leaves the counts shown until the answer. */
  private loadBuckets(keep: boolean): void {
    const store = this.currentStore;
    if (!store) return;
    this.bucketRequest?.abort();
    const request = new AbortController();
    this.bucketRequest = request;
    const { start, end } = visibleRange(this.view, this.focusDay, this.weekStart);
    const zone = this.zone;
    const { from, to } = dayBounds(start, zone, end);
    if (!keep) this.counts = EMPTY_COUNTS;
    this.loading = true;
    this.loadError = undefined;
    store
      .calendar({ from, to, timeZone: zone, ...(this.storeIds && { storeIds: this.storeIds }) }, request.signal)
      .then(
        (buckets) => {
          if (this.bucketRequest !== request) return;
          this.counts = indexBuckets(buckets, store.workflow);
          this.loading = false;
          // A list opened before its day's counts were known: show the kind the day has entries of.
          const list = this.list;
          if (list && this.kindPending) {
            this.kindPending = false;
            const kind = this.defaultKind(list.day);
            if (kind !== list.kind) this.openList(list.day, kind);
          }
        },
        (error: unknown) => {
          if (this.bucketRequest !== request) return;
          this.loading = false;
          this.loadError = asApiError(error);
        },
      );
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.isConnected) this.refresh();
    }, REFRESH_MS);
  }

  /** Opens `day`'s list on `kind` (default: the first shown kind with entries that day), first page. */
  private openList(day: string, chosen?: CalendarKind): void {
    const kind = chosen ?? this.defaultKind(day);
    this.kindPending = chosen === undefined && this.loading;
    this.moving = undefined;
    this.moveProblem = undefined;
    this.list = { day, kind, offset: 0, orders: undefined, shipments: undefined, total: undefined, loading: true, error: undefined };
    this.loadList(false);
  }

  /** Loads the open list's page; `keep` leaves the entries shown until the answer. */
  private loadList(keep: boolean): void {
    const store = this.currentStore;
    const list = this.list;
    if (!store || !list) return;
    this.listRequest?.abort();
    const request = new AbortController();
    this.listRequest = request;
    const { from, to } = dayBounds(list.day, this.zone);
    const page = { offset: list.offset, limit: this.effectivePageSize };
    const storeIds = this.storeIds ? { storeIds: this.storeIds } : {};
    this.list = keep ? { ...list, loading: true, error: undefined } : { ...list, orders: undefined, shipments: undefined, loading: true, error: undefined };
    const done = (patch: Partial<DayList>): void => {
      if (this.listRequest !== request || !this.list) return;
      this.list = { ...this.list, ...patch, loading: false };
    };
    const failed = (error: unknown): void => {
      if (this.listRequest !== request || !this.list) return;
      this.list = { ...this.list, loading: false, error: asApiError(error) };
    };
    if (list.kind === 'shipment') {
      store.listShipments({ from, to, ...storeIds }, page, request.signal).then((r) => done({ shipments: r.items, total: r.total, error: undefined }), failed);
      return;
    }
    const dateField = list.kind === 'scheduled' ? 'scheduledAt' : 'createdAt';
    const query: OrderQuery = { dateField, from, to, archived: 'any', sort: { field: dateField, direction: 'asc' }, ...storeIds };
    store.listOrders(query, page, request.signal).then((r) => {
      // A page past the end (the day emptied meanwhile): back to the last page.
      if (r.items.length === 0 && r.total > 0 && list.offset > 0 && this.list) {
        const last = Math.floor((r.total - 1) / this.effectivePageSize) * this.effectivePageSize;
        this.list = { ...this.list, offset: last };
        this.loadList(true);
        return;
      }
      done({ orders: r.items, total: r.total, error: undefined });
    }, failed);
  }

  // ── Navigation ─────────────────────────────────────────────────────────────────────────────────

  /** Moves the focused day (and the view), firing `calendar-navigate` when the period or view changed. */
  private navigate(day: string, view: CalendarView = this.view, focus = false): void {
    const before = `${this.view}|${periodKey(this.view, this.focusDay, this.weekStart)}`;
    this.date = day;
    this.view = view;
    if (focus) this.focusPending = true;
    const after = `${view}|${periodKey(view, day, this.weekStart)}`;
    if (before !== after) {
      const event = new CalendarNavigateEvent({ view, date: day });
      this.dispatchEvent(event);
    }
  }

  private goToday = (): void => {
    this.navigate(this.today);
  };

  private step(direction: -1 | 1): void {
    this.navigate(shiftPeriod(this.view, this.focusDay, direction));
  }

  private chooseView(view: CalendarView): void {
    if (view === this.view) return;
    const day = view === 'day' && this.selectedDay ? this.selectedDay : this.focusDay;
    this.navigate(day, view);
  }

  private toggleKind(kind: CalendarKind): void {
    const on = !this.kinds.includes(kind);
    this.kinds = CALENDAR_KINDS.filter((k) => (k === kind ? on : this.kinds.includes(k)));
    const event = new KindsChangeEvent(this.kinds);
    this.dispatchEvent(event);
  }

  /** Click, Enter or Space on a day: focus it and open its list. */
  private activate(day: string): void {
    this.navigate(day, this.view, true);
    if (this.view === 'day') return;
    this.selectDay(day);
  }

  private selectDay(day: string): void {
    const zone = this.zone;
    this.selectedDay = day;
    this.openList(day);
    const { from, to } = dayBounds(day, zone);
    const event = new DaySelectEvent({ date: day, timeZone: zone, from, to });
    this.dispatchEvent(event);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    if (!cell || event.altKey || event.ctrlKey || event.metaKey) return;
    const day = cell.dataset.day ?? this.focusDay;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let next: string | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = addDays(day, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = addDays(day, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        next = addDays(day, 7);
        break;
      case 'ArrowUp':
        next = addDays(day, -7);
        break;
      case 'PageDown':
        next = shiftPeriod('month', day, event.shiftKey ? 12 : 1);
        break;
      case 'PageUp':
        next = shiftPeriod('month', day, event.shiftKey ? -12 : -1);
        break;
      case 'Home':
        next = startOfWeek(day, this.weekStart);
        break;
      case 'End':
        next = addDays(startOfWeek(day, this.weekStart), 6);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.activate(day);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.navigate(next, this.view, true);
  }

  // ── Day panel ──────────────────────────────────────────────────────────────────────────────────

  private readonly panelHandlers: DayPanelHandlers = {
    close: () => {
      const day = this.selectedDay;
      this.selectedDay = undefined;
      this.list = undefined;
      this.listRequest?.abort();
      if (day) {
        this.date = day;
        this.focusPending = true;
      }
    },
    chooseKind: (kind) => {
      if (this.list && this.list.kind !== kind) this.openList(this.list.day, kind);
    },
    page: (offset) => {
      if (!this.list) return;
      this.list = { ...this.list, offset };
      this.loadList(true);
    },
    retry: () => this.loadList(false),
    open: (orderId) => {
      const event = new OrderOpenEvent(orderId);
      this.dispatchEvent(event);
    },
    toggleMove: (orderId) => {
      const opening = this.moving !== orderId;
      this.moving = opening ? orderId : undefined;
      this.moveProblem = undefined;
      void this.updateComplete.then(() => {
        const target = opening
          ? this.renderRoot.querySelector<HTMLInputElement>(`#move-${CSS.escape(orderId)}`)
          : this.renderRoot.querySelector<HTMLElement>(`[data-order-id="${CSS.escape(orderId)}"] [part~="move-button"]`);
        target?.focus();
      });
    },
    submitMove: (event, order) => {
      event.preventDefault();
      const input = (event.currentTarget as HTMLFormElement).querySelector('input');
      const day = input?.value ?? '';
      if (!isDay(day)) {
        this.moveProblem = msg('Choose a date.', { desc: 'Move to… form: the date field is empty or invalid' });
        input?.focus();
        return;
      }
      if (order.scheduledAt && dayOf(Date.parse(order.scheduledAt), this.zone) === day) {
        this.moveProblem = msg('The order is already on that day.');
        input?.focus();
        return;
      }
      this.moving = undefined;
      this.moveProblem = undefined;
      this.noticeFocusPending = true;
      void this.reschedule(order, this.dayInstant(order, day), false);
    },
    dragStart: (event, order) => {
      this.dragged = order;
      if (event.dataTransfer) {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData(DRAG_TYPE, order.id);
        event.dataTransfer.setData('text/plain', order.number);
      }
    },
    dragEnd: () => {
      this.dragged = undefined;
      this.dropTarget = undefined;
    },
  };

  // ── Drag and drop onto days ────────────────────────────────────────────────────────────────────

  private dropDay(event: DragEvent): string | undefined {
    if (!this.dragged) return undefined;
    const cell = (event.target as Element | null)?.closest?.<HTMLElement>('[role="gridcell"]');
    return cell?.dataset.day;
  }

  private onDragOver(event: DragEvent): void {
    const day = this.dropDay(event);
    if (!day || !this.dragged) return;
    const from = this.dragged.scheduledAt ? dayOf(Date.parse(this.dragged.scheduledAt), this.zone) : undefined;
    if (day === from) {
      this.dropTarget = undefined;
      return;
    }
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    this.dropTarget = day;
  }

  private onDragLeave(event: DragEvent): void {
    const related = event.relatedTarget as Element | null;
    if (!related || !(event.currentTarget as Element).contains(related)) this.dropTarget = undefined;
  }

  private onDrop(event: DragEvent): void {
    const day = this.dropDay(event);
    const order = this.dragged;
    this.dropTarget = undefined;
    this.dragged = undefined;
    if (!day || !order) return;
    event.preventDefault();
    void this.reschedule(order, this.dayInstant(order, day), false);
  }

  // ── Rescheduling ───────────────────────────────────────────────────────────────────────────────

  /** The order's scheduled wall-clock time of day, on `day`, in the calendar's zone. */
  private dayInstant(order: Order, day: string): string {
    const zone = this.zone;
    const time = order.scheduledAt ? wallTimeOf(order.scheduledAt, zone) : undefined;
    return zonedInstant(day, zone, time ?? '09:00');
  }

  /**
   * Runs `reschedule` to `scheduledAt`: the counts and the list show the move at once; afterwards
   * the range is fetched again, so the calendar shows the backend's truth whatever happened.
   */
  private async reschedule(order: Order, scheduledAt: string, undo: boolean): Promise<void> {
    const store = this.currentStore;
    if (!store || this.busy.has(order.id)) return;
    const zone = this.zone;
    const previous = order.scheduledAt;
    const fromDay = previous ? dayOf(Date.parse(previous), zone) : undefined;
    const toDay = dayOf(Date.parse(scheduledAt), zone);
    const tone = statusDef(store.workflow, order.status)?.tone ?? 'neutral';
    if (fromDay && this.shownKinds.includes('scheduled')) this.counts = moveScheduled(this.counts, fromDay, toDay, order.status, tone);
    const list = this.list;
    if (list?.kind === 'scheduled' && list.orders && list.day === fromDay && toDay !== fromDay) {
      this.list = { ...list, orders: list.orders.filter((o) => o.id !== order.id), total: Math.max(0, (list.total ?? 1) - 1) };
    }
    this.busy = new Set(this.busy).add(order.id);
    this.notice = undefined;
    this.announcement = msg(str`Moving order ${order.number} to ${formatDay(toDay, 'long')}…`);
    try {
      // The version the person saw in the day list: a change made meanwhile is a conflict, not overwritten.
      const updated = await store.runAction(order.id, RESCHEDULE, { scheduledAt }, { expectedVersion: order.version });
      this.notice = { type: 'moved', order: updated, previous: previous ?? scheduledAt, scheduledAt, undone: undo };
      this.announcement = '';
      const event = new OrderRescheduleEvent({ orderId: order.id, scheduledAt, previous, undo });
      this.dispatchEvent(event);
    } catch (thrown) {
      const error = asApiError(thrown);
      const entry = store.snapshot.errors.find((e) => e.error === thrown || e.error === error);
      this.notice = { type: 'failed', order, error, entryId: entry?.id, retry: entry?.retry };
      this.announcement = '';
    } finally {
      const busy = new Set(this.busy);
      busy.delete(order.id);
      this.busy = busy;
      // Coalesced with the change event a realtime backend sends for the write: one refetch either way.
      this.scheduleRefresh();
    }
  }

  private undo = (): void => {
    const notice = this.notice;
    if (notice?.type !== 'moved' || notice.undone) return;
    this.noticeFocusPending = true;
    void this.reschedule(notice.order, notice.previous, true);
  };

  private retryMove = (): void => {
    const notice = this.notice;
    const store = this.currentStore;
    if (notice?.type !== 'failed' || !notice.retry || !store) return;
    if (notice.entryId) store.dismissError(notice.entryId);
    const retry = notice.retry;
    this.notice = undefined;
    this.busy = new Set(this.busy).add(notice.order.id);
    retry()
      .then(
        (result) => {
          const order = result as Order;
          if (order?.scheduledAt) {
            this.notice = { type: 'moved', order, previous: notice.order.scheduledAt ?? order.scheduledAt, scheduledAt: order.scheduledAt, undone: false };
            const event = new OrderRescheduleEvent({ orderId: order.id, scheduledAt: order.scheduledAt, previous: notice.order.scheduledAt, undo: false });
            this.dispatchEvent(event);
          }
        },
        (thrown: unknown) => {
          const error = asApiError(thrown);
          const entry = store.snapshot.errors.find((e) => e.error === thrown || e.error === error);
          this.notice = { type: 'failed', order: notice.order, error, entryId: entry?.id, retry: entry?.retry };
        },
      )
      .finally(() => {
        const busy = new Set(this.busy);
        busy.delete(notice.order.id);
        this.busy = busy;
        this.scheduleRefresh();
      });
  };

  private dismissNotice = (): void => {
    const notice = this.notice;
    if (notice?.type === 'failed' && notice.entryId) this.currentStore?.dismissError(notice.entryId);
    this.notice = undefined;
    this.focusPending = true;
  };
}

function asApiError(error: unknown): OrderApiError {
  if (isOrderApiError(error)) return error;
  return new OrderApiError({ code: 'unavailable', message: error instanceof Error ? error.message : String(error) });
}
