/**
 * Column definitions of `<order-table>` as data: the public column and renderer types, and the
 * built-in columns (order number, date, customer, store, channel, items, total, payment, fulfilment,
 * workflow status, courier and tracking, assignee). A renderer turns one order into a cell's content;
 * everything it needs that does not depend on the order (status labels, store names, the locale) comes
 * ready-made in the context, computed once per data set rather than once per row.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { SortField } from '../../api/types.js';
import { formatCompactDateTime, formatDateTime, formatMoney } from '../../i18n/format.js';
import { uiStrings } from '../../i18n/messages.js';
import type { Order, Shipment, Store, Viewer } from '../../model/types.js';
import type { ActionDef, Tone, WorkflowDefinition } from '../../model/workflow/types.js';
import { chevronDownIcon, printerIcon } from '../shared/icons.js';
import { fulfilmentStage } from '../../model/derive.js';
import { channelLabel, courierLabel, fulfilmentStageLabel, paymentStatusLabel, printDocumentLabel } from '../shared/order-labels.js';

/** A workflow status as the table shows it. */
export interface StatusView {
  readonly label: string;
  readonly tone: Tone;
}

/** What every cell renderer may use besides the order; built once per data set and locale. */
export interface OrderTableContext {
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  /** The active orderdeck locale. */
  readonly locale: string;
  /** The store's display name (its id when the table was given no `stores`). */
  storeName(storeId: string): string;
  /** The store's IANA time zone, when known. */
  storeTimeZone(storeId: string): string | undefined;
  /** The view's one IANA time zone (the store's `timeZone$`): every date in the table is shown in it. */
  readonly timeZone: string;
  /** Label and tone of a workflow status key (the key itself, neutral, when unknown). */
  status(key: string): StatusView;
  /** The actions the row's status menu offers for this order (memoised per order state). */
  rowActions(order: Order): readonly ActionDef[];
}

/** The context of one cell: the table's, plus the row's own state. */
export interface CellContext extends OrderTableContext {
  /** Index of the row in the full result list. */
  readonly index: number;
  /** The key of the action in flight on this order, if one is. */
  readonly busyAction: string | undefined;
  /** The message of this order's last failed action, while it is shown. */
  readonly error: string | undefined;
  /**
   * The `tabindex` a control inside the cell must carry: -1 while the grid is navigated cell by cell
   * (the grid is one tab stop), 0 while the user is interacting with this cell (Enter / F2).
   */
  readonly tabIndex: number;
}

/** Renders one cell: text, or a Lit template (order data only through text and attribute bindings). */
export type CellRenderer = (order: Order, ctx: CellContext) => TemplateResult | string;

/**
 * One column of the table. The built-in columns are `defaultColumns()`; a host adds its own or
 * replaces renderers through the `columns` / `renderers` properties.
 *
 * A renderer that puts a control (button, link, input) in its cell must give it
 * `tabindex=${ctx.tabIndex}`, so the grid stays a single tab stop; Enter or F2 on the cell then moves
 * focus to the control and Escape brings it back.
 */
export interface OrderTableColumn {
  /** Unique key; persisted column preferences refer to it. */
  readonly key: string;
  /** The header text (a function, so it is localised when rendered). */
  readonly header: string | (() => string);
  readonly renderer: CellRenderer;
  /**
   * A CSS length (`140px`, `12rem`); default `160px`. With `minWidth` it is ignored: the column flexes.
   */
  readonly width?: string;
  /**
   * The least width (px) of a flexible column: it shares the table's free width (by `grow`) and
   * ellipsizes below its content, with the full text on hover and for screen readers.
   */
  readonly minWidth?: number;
  /** Share of the free width a flexible column takes (default 1). */
  readonly grow?: number;
  /**
   * `content`: as wide as its widest content, never truncated (the order number, the status).
   */
  readonly fit?: 'content';
  /**
   * For `fit: 'content'`: the text a cell shows for an order, measured over the loaded rows (the status
   * column measures every status label of the workflow instead).
   */
  readonly fitText?: (order: Order, ctx: OrderTableContext) => string;
  /**
   * Which columns go first when the table is too narrow for every minimum: the highest number first
   * (default 2); 0 never goes.
   */
  readonly priority?: number;
  /** Makes the header a sort button that sorts the list by this field. */
  readonly sortField?: SortField;
  /** Direction of the first click on the header (default `asc`). */
  readonly sortDirection?: 'asc' | 'desc';
  /** Text alignment of the cells (default `start`; amounts use `end`). */
  readonly align?: 'start' | 'center' | 'end';
  /** Hidden until the user shows it from the column menu. */
  readonly hidden?: boolean;
}

/** The header text of a column, in the active locale. */
export function headerText(column: OrderTableColumn): string {
  return typeof column.header === 'function' ? column.header() : column.header;
}

/** The shipment the list shows: the newest that is not cancelled (else the newest). */
function currentShipment(order: Order): Shipment | undefined {
  const list = order.shipments;
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i] as Shipment;
    if (s.status !== 'cancelled') return s;
  }
  return list[list.length - 1];
}

const SAFE_URL = /^https?:\/\//i;

function itemsSummary(order: Order): string {
  const lines = order.lines;
  // The first line still in the order (not turned down at stock confirmation), else the first line.
  const first = lines.find((l) => l.quantity.ordered > l.quantity.rejected) ?? lines[0];
  if (!first) return '—';
  const kept = first.quantity.ordered - first.quantity.rejected;
  const quantity = kept > 0 ? kept : first.quantity.ordered;
  const head = msg(str`${first.name} ×${quantity}`, { desc: 'Items column: first line item and its quantity' });
  return lines.length > 1 ? msg(str`${head} +${lines.length - 1} more`, { desc: 'Items column: more line items follow' }) : head;
}

function assigneeText(order: Order): string {
  const { csr, agent } = order.assignees;
  if (csr && agent) return msg(str`${csr.name} (CSR), ${agent.name} (agent)`, { desc: 'Assignee column: both assignees' });
  if (csr) return csr.name;
  if (agent) return agent.name;
  return '—';
}

function statusCell(order: Order, ctx: CellContext): TemplateResult {
  const status = ctx.status(order.status);
  const busy = ctx.busyAction !== undefined;
  const offers = !busy && ctx.rowActions(order).length > 0;
  // The menu button is always there (hidden when there is nothing to offer), so a recycled row
  // keeps its element instead of building a new one.
  return html`<span class="status tone-${status.tone}">${status.label}</span>${postingMark(order)}<button class="menu-button" type="button"
      data-od-action="status-menu" tabindex=${ctx.tabIndex} ?hidden=${!offers} aria-haspopup="menu"
      aria-label=${msg(str`Change status of order ${order.number}`)}>${chevronDownIcon()}</button>${busy
      ? html`<span class="busy"><span class="spinner" aria-hidden="true"></span>${msg('Updating…', {
          desc: 'An action on the order is being saved',
        })}</span>`
      : nothing}${ctx.error !== undefined ? html`<span class="row-error" title=${ctx.error}>${ctx.error}</span>` : nothing}`;
}

/**
 * The accounting posting beside the status, when it needs attention: in progress, failed, or changed
 * after posting (which brought a posted order back from Archived). Text, not colour alone.
 */
function postingMark(order: Order): TemplateResult | typeof nothing {
  const posting = order.posting;
  if (!posting) return nothing;
  // Short in the narrow cell; the whole sentence on hover and in the detail.
  if (posting.stale) {
    return html`<span class="status posting-mark tone-warning" title=${msg('Changed after posting')}>${msg('Changed', { desc: 'Order list: the order changed after it was posted to accounting' })}</span>`;
  }
  if (posting.status === 'failed') {
    return html`<span class="status posting-mark tone-danger" title=${msg('Posting failed', { desc: 'Accounting posting status' })}>${msg('Post failed', { desc: 'Order list: posting to accounting failed (short)' })}</span>`;
  }
  if (posting.status === 'in-progress') {
    return html`<span class="status posting-mark tone-info" title=${msg('Posting in progress', { desc: 'Accounting posting status' })}>${msg('Posting…', { desc: 'Order list: being posted to accounting (short)' })}</span>`;
  }
  return nothing;
}

function courierCell(order: Order, ctx: CellContext): TemplateResult | string {
  const shipment = currentShipment(order);
  if (!shipment) return '—';
  const courier = courierLabel(shipment.courier);
  const tracking = shipment.trackingNumber;
  const url = shipment.trackingUrl;
  if (!tracking) return courier;
  return html`${courier} · ${url !== undefined && SAFE_URL.test(url)
    ? html`<a href=${url} target="_blank" rel="noopener noreferrer" tabindex=${ctx.tabIndex}>${tracking}</a>`
    : tracking}`;
}

/**
 * The built-in columns, in their default order. Returns new objects each call; copy and change them
 * freely (`defaultColumns().map((c) => (c.key === 'total' ? { ...c, width: '160px' } : c))`).
 */
/**
 * The "printed" mark after an order number: a printer icon when any document was printed, named (for
 * pointer and assistive technology) with the documents printed. Adds no text to the cell.
 */
function printedMark(order: Order): unknown {
  const kinds = [...new Set((order.prints ?? []).map((p) => p.document))];
  if (kinds.length === 0) return nothing;
  const full = msg(str`Printed: ${kinds.map(printDocumentLabel).join(', ')}`, { desc: 'Order list: the documents printed for an order' });
  return html`<span class="printed" part="printed-mark" role="img" title=${full} aria-label=${full} data-printed=${kinds.join(' ')}>${printerIcon()}</span>`;
}

export function defaultColumns(): OrderTableColumn[] {
  return [
    {
      key: 'number',
      header: () => msg('Order', { desc: 'Column header: order number' }),
      renderer: (o) => html`${printedMark(o)}${o.number}`,
      width: '164px',
      fit: 'content',
      fitText: (o) => o.number,
      priority: 0,
      sortField: 'number',
    },
    {
      key: 'date',
      header: () => msg('Date', { desc: 'Column header: when the order was placed' }),
      renderer: (o, ctx) => {
        const zone = { timeZone: ctx.timeZone };
        // Short in the cell; the full date and time (in the view's zone) on hover and for assistive tech.
        const full = formatDateTime(o.createdAt, { style: 'medium', timeStyle: 'short', ...zone });
        return html`<time datetime=${o.createdAt} title=${full} aria-label=${full}>${formatCompactDateTime(o.createdAt, zone)}</time>`;
      },
      width: '150px',
      fit: 'content',
      fitText: (o, ctx) => formatCompactDateTime(o.createdAt, { timeZone: ctx.timeZone }),
      priority: 1,
      sortField: 'createdAt',
      sortDirection: 'desc',
    },
    { key: 'customer', header: uiStrings.customer, renderer: (o) => o.customer.name, width: '150px', minWidth: 84, grow: 1.2, priority: 1, sortField: 'customer' },
    { key: 'store', header: uiStrings.store, renderer: (o, ctx) => ctx.storeName(o.storeId), width: '160px', minWidth: 80, grow: 1.2, priority: 2, sortField: 'store' },
    {
      key: 'channel',
      header: () => msg('Channel', { desc: 'Column header: where the order came from' }),
      renderer: (o) => channelLabel(o.channel),
      width: '130px',
      minWidth: 84,
      priority: 4,
      // The status tabs and the store already say most of it; one click away in the column menu.
      hidden: true,
    },
    {
      key: 'items',
      header: () => msg('Items', { desc: 'Column header: the order lines' }),
      renderer: itemsSummary,
      width: '180px',
      minWidth: 84,
      grow: 1.4,
      priority: 3,
    },
    {
      key: 'total',
      header: uiStrings.total,
      renderer: (o) => formatMoney(o.totals.total),
      width: '160px',
      fit: 'content',
      fitText: (o) => formatMoney(o.totals.total),
      priority: 1,
      sortField: 'total',
      sortDirection: 'desc',
      align: 'end',
    },
    {
      key: 'payment',
      header: () => msg('Payment', { desc: 'Column header: payment status' }),
      renderer: (o) => paymentStatusLabel(o.paymentStatus),
      width: '110px',
      minWidth: 80,
      grow: 1,
      priority: 3,
    },
    {
      key: 'fulfillment',
      header: () => msg('Fulfilment', { desc: 'Column header: fulfilment status' }),
      renderer: (o) => fulfilmentStageLabel(fulfilmentStage(o)),
      width: '120px',
      minWidth: 84,
      grow: 1,
      priority: 3,
    },
    { key: 'status', header: uiStrings.status, renderer: statusCell, width: '210px', fit: 'content', priority: 0, sortField: 'status' },
    {
      key: 'courier',
      header: () => msg('Courier'),
      renderer: courierCell,
      width: '190px',
      minWidth: 72,
      grow: 1,
      priority: 2,
    },
    {
      key: 'assignee',
      header: () => msg('Assignee', { desc: 'Column header: CSR or delivery agent' }),
      renderer: assigneeText,
      width: '160px',
      minWidth: 92,
      priority: 2,
      // Only the workflows that assign a CSR or delivery agent need it.
      hidden: true,
    },
  ];
}

/** Store lookups for the context, built once per `stores` value. */
export function storeLookup(stores: readonly Store[]): { name(id: string): string; timeZone(id: string): string | undefined } {
  const byId = new Map(stores.map((s) => [s.id, s]));
  return {
    name: (id) => byId.get(id)?.name ?? id,
    timeZone: (id) => byId.get(id)?.timeZone,
  };
}
