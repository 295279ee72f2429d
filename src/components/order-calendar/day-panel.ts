/**
 * The open day's panel of `<order-calendar>`: which kind of entries to list (scheduled, shipments,
 * created, with the day's counts), the page of orders or shipments, paging, and per order the
 * "Move to…" form. Render functions over a context the element builds; all data goes through Lit
 * text and attribute bindings.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CalendarKind, OrderApiError, ShipmentRow } from '../../api/types.js';
import { formatMoney } from '../../i18n/format.js';
import { uiStrings } from '../../i18n/messages.js';
import type { Order } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { formatCount } from '../shared/format-count.js';
import { courierLabel, errorKindLabel, shipmentStatusLabel, shipmentStatusTone, statusDef, statusLabel } from '../shared/order-labels.js';
import { closeIcon, formatDay, formatTime, kindIcon, kindLabel, moveIcon } from './labels.js';

/** The loaded page of the open day's list. */
export interface DayList {
  readonly day: string;
  readonly kind: CalendarKind;
  readonly offset: number;
  /** Orders (for `scheduled` and `created`); undefined until loaded. */
  readonly orders: readonly Order[] | undefined;
  /** Shipments (for `shipment`); undefined until loaded. */
  readonly shipments: readonly ShipmentRow[] | undefined;
  readonly total: number | undefined;
  readonly loading: boolean;
  readonly error: OrderApiError | undefined;
}

export interface DayPanelContext {
  readonly list: DayList;
  readonly workflow: WorkflowDefinition;
  readonly timeZone: string;
  readonly pageSize: number;
  /** The kinds the calendar shows, with the day's count of each (from the buckets). */
  readonly kinds: readonly { readonly kind: CalendarKind; readonly count: number }[];
  /** False in the day view, where the panel is the view's body and cannot close. */
  readonly closable: boolean;
  /** Orders that may be dragged or moved (the workflow offers `reschedule` to this viewer). */
  readonly movable: (order: Order) => boolean;
  /** Drag and drop onto other days is possible (month and week views). */
  readonly draggable: boolean;
  /** The order whose "Move to…" form is open. */
  readonly moving: string | undefined;
  /** Orders with a reschedule in flight. */
  readonly busy: ReadonlySet<string>;
  /** The problem with the last "Move to…" date typed, shown under the field. */
  readonly moveProblem: string | undefined;
}

export interface DayPanelHandlers {
  readonly close: () => void;
  readonly chooseKind: (kind: CalendarKind) => void;
  readonly page: (offset: number) => void;
  readonly retry: () => void;
  readonly open: (orderId: string) => void;
  readonly toggleMove: (orderId: string) => void;
  readonly submitMove: (event: SubmitEvent, order: Order) => void;
  readonly dragStart: (event: DragEvent, order: Order) => void;
  readonly dragEnd: () => void;
}

const toneClass = (tone: string): string => `tone-${tone}`;

export function renderDayPanel(ctx: DayPanelContext, h: DayPanelHandlers): TemplateResult {
  const { list } = ctx;
  return html`<section part="day-list" class="panel" aria-labelledby="day-list-title" data-day=${list.day}>
    <header class="panel-head">
      <h3 id="day-list-title" part="day-list-title">${formatDay(list.day, 'full')}</h3>
      ${ctx.closable
        ? html`<button type="button" class="icon-button" part="close-button" aria-label=${msg('Close day')} title=${msg('Close day')} @click=${h.close}>
            ${closeIcon()}
          </button>`
        : nothing}
    </header>
    ${ctx.kinds.length > 1
      ? html`<div class="kind-tabs" role="group" aria-label=${msg('List', { id: 'calendar.day-list-kinds', desc: 'Calendar day panel: which entries to list (scheduled, shipments, created)' })}>
          ${ctx.kinds.map(
            ({ kind, count }) => html`<button
              type="button"
              class="chip"
              part="day-list-kind"
              data-kind=${kind}
              aria-pressed=${kind === list.kind ? 'true' : 'false'}
              @click=${() => h.chooseKind(kind)}
            >
              ${kindIcon(kind)}<span>${kindLabel(kind)}</span><span class="chip-count">${formatCount(count)}</span>
            </button>`,
          )}
        </div>`
      : nothing}
    ${renderBody(ctx, h)}
  </section>`;
}

function renderBody(ctx: DayPanelContext, h: DayPanelHandlers): TemplateResult {
  const { list } = ctx;
  if (ctx.kinds.length === 0) {
    return html`<p class="muted" part="day-list-empty">${msg('Turn on scheduled, shipments or created above to list them.')}</p>`;
  }
  if (list.error) {
    return html`<div class="problem" part="day-list-error" role="alert">
      <p><strong>${errorKindLabel(list.error.code)}</strong> · ${msg('The list for this day could not be loaded.')}</p>
      <p class="small">${list.error.message}</p>
      <button type="button" class="control primary" part="retry-button" @click=${h.retry}>${uiStrings.retry()}</button>
    </div>`;
  }
  const loaded = list.kind === 'shipment' ? list.shipments : list.orders;
  if (!loaded) {
    return html`<p class="muted" part="day-list-loading" role="status">${uiStrings.loading()}</p>`;
  }
  if (loaded.length === 0) {
    return html`<p class="muted" part="day-list-empty">${emptyText(list.kind)}</p>`;
  }
  return html`<ul class="items" part="day-list-items" aria-label=${kindLabel(list.kind)} aria-busy=${list.loading ? 'true' : 'false'}>
      ${list.kind === 'shipment'
        ? repeat(list.shipments ?? [], (row) => row.shipment.id, (row) => renderShipment(row, h))
        : repeat(list.orders ?? [], (order) => order.id, (order) => renderOrder(ctx, order, h))}
    </ul>
    ${renderPager(ctx, h)}`;
}

function emptyText(kind: CalendarKind): string {
  switch (kind) {
    case 'scheduled':
      return msg('Nothing scheduled on this day.');
    case 'shipment':
      return msg('No shipments on this day.');
    default:
      return msg('No orders created on this day.');
  }
}

function renderOrder(ctx: DayPanelContext, order: Order, h: DayPanelHandlers): TemplateResult {
  const tone = statusDef(ctx.workflow, order.status)?.tone ?? 'neutral';
  const movable = ctx.list.kind === 'scheduled' && order.scheduledAt !== undefined && ctx.movable(order);
  const busy = ctx.busy.has(order.id);
  const open = ctx.moving === order.id;
  const at = ctx.list.kind === 'scheduled' ? order.scheduledAt : order.createdAt;
  const inputId = `move-${order.id}`;
  return html`<li
    part=${busy ? 'day-list-item busy' : 'day-list-item'}
    class="item"
    data-order-id=${order.id}
    draggable=${movable && ctx.draggable && !busy ? 'true' : 'false'}
    @dragstart=${(e: DragEvent) => h.dragStart(e, order)}
    @dragend=${h.dragEnd}
  >
    <button type="button" class="item-open" part="order-link" @click=${() => h.open(order.id)}>
      <span class="item-line">
        <span class="number">${order.number}</span>
        <span class="total">${formatMoney(order.totals.total)}</span>
      </span>
      <span class="item-line">
        <span class="customer">${at ? html`<span class="time">${formatTime(at, ctx.timeZone)}</span> · ` : nothing}${order.customer.name}</span>
        <span class="status ${toneClass(tone)}" part="status">${statusLabel(ctx.workflow, order.status)}</span>
      </span>
    </button>
    ${movable
      ? html`<button
          type="button"
          class="control icon-button small-control"
          part="move-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${ifDefined(open ? `${inputId}-form` : undefined)}
          ?disabled=${busy}
          @click=${() => h.toggleMove(order.id)}
          aria-label=${busy ? msg(str`Moving ${order.number}…`) : msg(str`Move ${order.number} to another day`)}
          title=${msg('Move to…', { id: 'calendar.move-to', desc: 'Tooltip of the button that reschedules an order to another day' })}
        >
          ${moveIcon()}
        </button>`
      : nothing}
    ${open && movable
      ? html`<form class="move-form" part="move-form" id=${`${inputId}-form`} @submit=${(e: SubmitEvent) => h.submitMove(e, order)}>
          <label for=${inputId}>${msg(str`New date for ${order.number}`)}</label>
          <div class="move-row">
            <input
              id=${inputId}
              type="date"
              name="day"
              required
              .value=${ctx.list.day}
              aria-invalid=${ctx.moveProblem ? 'true' : 'false'}
              aria-describedby=${ifDefined(ctx.moveProblem ? `${inputId}-problem` : undefined)}
            />
            <button type="submit" class="control primary" part="move-submit">${msg('Move', { id: 'calendar.move-submit', desc: 'Button: confirm moving an order to the chosen day' })}</button>
            <button type="button" class="control" part="move-cancel" @click=${() => h.toggleMove(order.id)}>${uiStrings.cancel()}</button>
          </div>
          ${ctx.moveProblem ? html`<p class="field-problem" id=${`${inputId}-problem`}>${ctx.moveProblem}</p>` : nothing}
          <p class="small muted">${msg('The time of day stays the same.')}</p>
        </form>`
      : nothing}
  </li>`;
}

function renderShipment(row: ShipmentRow, h: DayPanelHandlers): TemplateResult {
  const s = row.shipment;
  return html`<li part="day-list-item" class="item" data-order-id=${row.orderId}>
    <button type="button" class="item-open" part="order-link" @click=${() => h.open(row.orderId)}>
      <span class="item-line">
        <span class="number">${row.orderNumber}</span>
        <span class="status ${toneClass(shipmentStatusTone(s.status))}" part="status">${shipmentStatusLabel(s.status)}</span>
      </span>
      <span class="item-line">
        <span class="customer">${courierLabel(s.courier)}${s.trackingNumber ? html` · ${s.trackingNumber}` : nothing}</span>
      </span>
    </button>
  </li>`;
}

function renderPager(ctx: DayPanelContext, h: DayPanelHandlers): TemplateResult | typeof nothing {
  const { list, pageSize } = ctx;
  const total = list.total ?? 0;
  if (total <= pageSize && list.offset === 0) return nothing;
  const shown = (list.kind === 'shipment' ? list.shipments : list.orders)?.length ?? 0;
  const first = formatCount(list.offset + 1);
  const last = formatCount(list.offset + shown);
  const all = formatCount(total);
  return html`<nav class="pager" part="pager" aria-label=${msg('Pages of the day list')}>
    <button type="button" class="control" part="pager-previous" ?disabled=${list.offset === 0 || list.loading} @click=${() => h.page(Math.max(0, list.offset - pageSize))}>
      ${msg('Previous', { id: 'calendar.pager.previous', desc: 'Button: previous page of a day list' })}
    </button>
    <span class="muted" aria-live="polite">${msg(str`${first}–${last} of ${all}`, { id: 'calendar.pager.range', desc: 'Which entries of a paged day list show' })}</span>
    <button type="button" class="control" part="pager-next" ?disabled=${list.offset + pageSize >= total || list.loading} @click=${() => h.page(list.offset + pageSize)}>
      ${msg('Next', { id: 'calendar.pager.next', desc: 'Button: next page of a day list' })}
    </button>
  </nav>`;
}
