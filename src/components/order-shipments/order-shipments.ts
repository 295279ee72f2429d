/**
 * `<order-shipments>`: every shipment across orders, one page at a time, with filters and an in-place
 * tracking number edit. No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Subscription } from 'rxjs';
import { isOrderApiError, type OrderApiError, type ShipmentQuery, type ShipmentRow } from '../../api/types.js';
import { formatCompactDateTime, formatDate } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { COURIERS } from '../../model/presets/shared.js';
import type { Courier, Order, Shipment, ShipmentStatus, Store } from '../../model/types.js';
import { adoptStores } from '../../state/time-zone.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { CheckMenus, DateRangeFilter, FilterChangeEvent, PageFetchController, renderPager } from '../shared/list-view.js';
import { listViewStyles } from '../shared/list-view.styles.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { courierLabel, shipmentStatusLabel, shipmentStatusTone } from '../shared/order-labels.js';
import { chevronDownIcon } from '../shared/icons.js';
import { httpUrl } from '../shared/safe-links.js';
import { toneColor, tokens } from '../shared/tokens.js';
import { styles } from './order-shipments.styles.js';
import { canEdit, describeFailure, mayEdit, trackingAction, trackingProblem, type SaveFailure } from './tracking-edit.js';

type ShipmentPage = { readonly items: readonly ShipmentRow[]; readonly total: number };

const STATUSES: readonly ShipmentStatus[] = [
  'booked',
  'searching',
  'assigned',
  'picked-up',
  'in-transit',
  'out-for-delivery',
  'delivered',
  'failed',
  'returned',
  'cancelled',
];

/** The tracking number editor: one at a time. */
interface Editor {
  readonly orderId: string;
  readonly shipmentId: string;
  value: string;
  /** A validation problem with `value`, shown under the field. */
  problem: string | undefined;
}

/** The query without empty fields, so equal filters compare equal and URLs stay short. */
function clean(query: ShipmentQuery): ShipmentQuery {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as ShipmentQuery;
}

/**
 * Every shipment across the orders the viewer may see, newest first, one page at a time.
 *
 * Columns: the order (a link that fires `order-open`), the store (hidden for staff of one store),
 * the courier, the tracking number (a link to the courier's tracking page only when that page is
 * http or https), the shipment status, and when it was created, is scheduled for, and was delivered.
 *
 * **Filters**: courier, status (several), the day it was created (today, last 7 or 30 days, this
 * month, or a custom range, in `time-zone`), and the store (admins and super-admins, from `stores`).
 * The filter is the `query` property; every change by the user sets it and fires `filter-change`,
 * so a host can keep it (in its URL, say) and set it back later. Setting `query` from outside
 * fires nothing.
 *
 * **Paging**: `page-size` rows per page (default 50) from `store.listShipments`, never the whole
 * list, with Previous / Next and "1–50 of 1,234". The page is fetched again after the store reports
 * changes (bursts are coalesced; a stale request is aborted), so courier progress and edits made
 * elsewhere show up without a reload.
 *
 * **Editing a tracking number** in place: the row's Edit button appears when the workflow offers its
 * `update-tracking` action to this viewer on that order now (its status, the viewer's permission and
 * stores). Edit opens a field; Enter or Save saves, Escape or Cancel leaves it unchanged. The number
 * is checked as you save (not empty, at most 100 characters, letters, digits, spaces and `- _ . / #`).
 * The new number shows at once while it is sent through `store.runAction`; if the backend refuses,
 * the order changed meanwhile, or the network fails, the row goes back to the old number and the
 * field opens again with what was typed and the reason — with Retry for a network failure (the same
 * request, so it is never applied twice).
 *
 * Below 720 px of its own width the rows become stacked cards.
 *
 * @tag order-shipments
 * @summary Every shipment across orders, paged and filtered, with in-place tracking number edits.
 *
 * @fires {FilterChangeEvent} filter-change - The user changed a filter; `detail.query` is the new `query` (a `ShipmentQuery`).
 * @fires {OrderOpenEvent} order-open - The user opened a row's order; `detail.orderId` names it.
 *
 * @csspart view - Everything: the filters, the table and the pager.
 * @csspart toolbar - The row of filters.
 * @csspart courier-select - The courier `<select>`.
 * @csspart filter-button - Each filter menu's button (`filter-button status-button`).
 * @csspart popover - An open filter menu (`popover status-menu`).
 * @csspart date-select - The date preset `<select>`.
 * @csspart custom-range - The two day inputs of a custom date range.
 * @csspart date-input - Each day input.
 * @csspart store-select - The store `<select>` (admins only).
 * @csspart clear-button - "Clear filters", while any filter is set.
 * @csspart error-state - A failed load: the message and a Retry button.
 * @csspart retry-button - Retry of a failed load.
 * @csspart table-wrap - The table's scroll container (the header sticks to its top).
 * @csspart table - The `<table>`.
 * @csspart header-cell - Each column header.
 * @csspart row - Each shipment row (`row pending-row` while an edit is being saved).
 * @csspart cell - Each cell (`cell tracking-cell`, `cell status-cell`…).
 * @csspart order-link - The order number button.
 * @csspart tracking-link - The tracking number as a link to the courier's page.
 * @csspart status-badge - The shipment status.
 * @csspart edit-button - A row's Edit button.
 * @csspart details-button - A row's Details button: opens `<shipment-detail>` (courier, tracking number and link, lines, events).
 * @csspart detail-dialog - The shipment detail's dialog; `detail-edit-button` its Edit tracking button.
 * @csspart tracking-form - The open tracking number editor.
 * @csspart tracking-input - Its text field.
 * @csspart save-button - Its Save button.
 * @csspart cancel-button - Its Cancel button.
 * @csspart field-error - A validation problem under the field.
 * @csspart row-error - A failed save, with its reason (and Retry for a network failure).
 * @csspart loading-state - Shown before the first page arrives.
 * @csspart empty-state - Shown when nothing matches.
 * @csspart pagination - The pager: range text, Previous and Next.
 * @csspart previous-button - The pager's Previous button.
 * @csspart next-button - The pager's Next button.
 *
 * @cssprop --od-order-shipments-height - Largest height of the table before it scrolls (default 70vh).
 * @cssprop --od-order-shipments-header-background - Background of the sticky column headers.
 */
export class OrderShipments extends LitElement {
  static override styles = [tokens, listViewStyles, styles];

  private readonly locale = localeChanges(this);
  private readonly viewZone$ = new StoreController(this, (store) => store.timeZone$);
  private readonly page = new PageFetchController<ShipmentPage>(
    this,
    (store, signal) => store.listShipments(this.query, { offset: this.offset, limit: this.size }, signal),
    () => JSON.stringify([this.query, this.offset, this.size]),
  );
  private readonly menus = new CheckMenus(this);
  private readonly dates = new DateRangeFilter(
    this,
    () => this.zone,
    (range) => this.setFilter({ from: range.from, to: range.to }),
  );

  /** The first row shown (a multiple of the page size). */
  @state() private offset = 0;
  @state() private editor: Editor | undefined;
  /** Shipment id → the number being saved (shown at once). */
  @state() private pending = new Map<string, string>();
  /** Shipment id → the last failed save of it. */
  @state() private failures = new Map<string, SaveFailure>();
  /** Orders of the rows on this page that the viewer might edit (their status decides). */
  @state() private orders = new Map<string, Order>();

  private watched = new Map<string, Subscription>();
  private watchedStore: OrderStore | undefined;
  /** Set while the element itself assigns `query`, so the change is not taken for the host's. */
  private ownQuery = false;
  /** Focus the editor's field after the next render. */
  private focusEditor = false;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /**
   * The filter: courier (a code), status (several), `from` / `to` (ISO instants bounding when the
   * shipment was created, `to` exclusive) and `storeIds`. Set it to restore a filter (from a URL);
   * the element sets it and fires `filter-change` when the user changes one.
   */
  @property({ attribute: false }) query: ShipmentQuery = {};

  /** The stores, for names in the store column and the admins' store filter. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** Rows per page (1–500; default 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /**
   * The IANA time zone whose days the date filter uses and dates show in (a store's zone, e.g.
   * `Asia/Jakarta`); empty for the browser's.
   */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Accessible name (and caption) of the table (default "Shipments", localised). */
  @property() label = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatchAll();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    adoptStores(this.viewZone$.store, this.stores);
    if (changed.has('query') && !this.ownQuery) {
      // The host set a filter: start at the first page, forget a half-made custom range.
      if (changed.get('query') !== undefined) this.offset = 0;
      this.dates.reset(this.query);
    }
    this.ownQuery = false;
    // The list shrank under a later page (orders changed elsewhere): show its last page instead.
    const result = this.page.value;
    if (result && result.items.length === 0 && this.offset > 0 && !this.page.loading) {
      this.offset = result.total > 0 ? Math.floor((result.total - 1) / this.size) * this.size : 0;
    }
    this.syncWatched();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusEditor) {
      this.focusEditor = false;
      const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="tracking-input"]');
      input?.focus();
      input?.select();
    }
  }

  /** The zone of the view: the `time-zone` override, else the store's `timeZone$` (empty: the browser's). */
  private get zone(): string {
    return this.timeZone || this.viewZone$.value || '';
  }

  protected override render(): TemplateResult {
    void this.locale;
    const store = this.page.store;
    const result = this.page.value;
    return html`<div part="view">
      ${this.renderFilters(store)}
      ${this.page.error ? this.renderError(this.page.error) : nothing}
      ${result
        ? html`${this.renderTable(store, result)} ${result.total > 0 || this.offset > 0
            ? renderPager(
                msg('Shipment pages', { desc: 'Accessible name of the shipments pager' }),
                this.offset,
                result.items.length,
                result.total,
                this.size,
                (offset) => this.goTo(offset),
              )
            : nothing}`
        : this.page.error
          ? nothing
          : html`<div part="loading-state" role="status">${msg('Loading shipments…')}</div>`}
      <shipment-detail exportparts="dialog: detail-dialog, edit-button: detail-edit-button" .store=${this.store} time-zone=${this.timeZone}></shipment-detail>
    </div>`;
  }

  /** Opens the detail of a row's shipment (tracking number, courier and link are edited there). */
  private async openDetail(row: ShipmentRow): Promise<void> {
    const detail = this.renderRoot.querySelector('shipment-detail');
    if (!detail) return;
    detail.orderId = row.orderId;
    detail.shipmentId = row.shipment.id;
    await detail.show();
  }

  // ── Filters ──────────────────────────────────────────────────────────────────────────────────

  private renderFilters(store: OrderStore | undefined): TemplateResult {
    const q = this.query;
    const statusOptions = STATUSES.map((s) => ({ value: s, label: shipmentStatusLabel(s) }));
    return html`<div part="toolbar" role="group" aria-label=${msg('Filter shipments')}>
      <span class="select"
        ><select
          part="courier-select"
          class=${q.courier ? 'filtered' : ''}
          aria-label=${msg('Courier')}
          @change=${(e: Event) => this.setFilter({ courier: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="" ?selected=${!q.courier}>${msg('All couriers')}</option>
          ${this.courierOptions(store).map((c) => html`<option value=${c.code} ?selected=${c.code === q.courier}>${courierLabel(c)}</option>`)}
        </select>
        ${chevronDownIcon()}</span
      >
      ${this.menus.render('status', msg('Status', { id: 'shipments.status', desc: 'Shipment status (column header, filter)' }), statusOptions, q.status ?? [], (values) =>
        this.setFilter({ status: values as ShipmentStatus[] }),
      )}
      ${this.dates.render(q, msg('Shipment date', { desc: 'Accessible name of the shipment date filter' }))}
      ${store && store.viewer.role !== 'staff' && this.stores.length > 0 ? this.renderStores() : nothing}
      ${Object.keys(clean(q)).length > 0
        ? html`<button part="clear-button" class="control quiet" type="button" @click=${this.clearFilters}>${msg('Clear filters')}</button>`
        : nothing}
    </div>`;
  }

  private renderStores(): TemplateResult {
    const ids = this.query.storeIds ?? [];
    const value = ids.length === 1 ? ids[0] : '';
    return html`<span class="select"
      ><select
        part="store-select"
        class=${ids.length ? 'filtered' : ''}
        aria-label=${uiStrings.store()}
        @change=${(e: Event) => {
          const id = (e.target as HTMLSelectElement).value;
          this.setFilter({ storeIds: id ? [id] : undefined });
        }}
      >
        <option value="" ?selected=${ids.length === 0}>${msg('All stores')}</option>
        ${ids.length > 1
          ? html`<option value="*" selected disabled>${msg(str`${ids.length} stores`, { desc: 'Several stores are filtered' })}</option>`
          : nothing}
        ${this.stores.map((s) => html`<option value=${s.id} ?selected=${s.id === value}>${s.name}</option>`)}
      </select>
      ${chevronDownIcon()}</span
    >`;
  }

  /** The workflow's couriers first, then every other known one (and the one filtered by, if unknown). */
  private courierOptions(store: OrderStore | undefined): Courier[] {
    const list: Courier[] = [...(store?.workflow.couriers ?? [])];
    for (const c of Object.values(COURIERS)) if (!list.some((x) => x.code === c.code)) list.push(c);
    const chosen = this.query.courier;
    if (chosen && !list.some((c) => c.code === chosen)) list.push({ code: chosen, name: chosen });
    return list;
  }

  // ── Table ────────────────────────────────────────────────────────────────────────────────────

  private renderTable(store: OrderStore | undefined, result: ShipmentPage): TemplateResult {
    const showStore = this.showStore(store);
    const label = this.label || msg('Shipments');
    const headers = this.headers(showStore);
    return html`<div part="table-wrap">
      <table part="table" role="table" aria-busy=${this.page.loading ? 'true' : 'false'} aria-rowcount=${result.total + 1}>
        <caption class="visually-hidden">${label}</caption>
        <thead role="rowgroup">
          <tr role="row" aria-rowindex="1">
            ${headers.map((h) => html`<th part="header-cell" role="columnheader" scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${result.items.length === 0
            ? html`<tr role="row">
                <td role="cell" colspan=${headers.length}>${this.renderEmpty()}</td>
              </tr>`
            : repeat(
                result.items,
                (row) => row.shipment.id,
                (row, i) => this.renderRow(store, row, showStore, headers, this.offset + i + 2),
              )}
        </tbody>
      </table>
    </div>`;
  }

  private headers(showStore: boolean): string[] {
    return [
      msg('Order', { id: 'list-view.order', desc: 'Column header: the order a row belongs to' }),
      ...(showStore ? [uiStrings.store()] : []),
      msg('Courier'),
      msg('Tracking number'),
      msg('Status', { id: 'shipments.status', desc: 'Shipment status (column header, filter)' }),
      msg('Created', { desc: 'Column header: when the shipment was created' }),
      msg('Scheduled', { id: 'shipments.scheduled', desc: 'Column header: when the shipment is scheduled or expected' }),
      msg('Delivered', { id: 'shipments.delivered-at', desc: 'Column header: when the shipment was delivered' }),
    ];
  }

  private renderRow(store: OrderStore | undefined, row: ShipmentRow, showStore: boolean, headers: string[], index: number): TemplateResult {
    const s = row.shipment;
    const pending = this.pending.has(s.id);
    const delivered = [...s.events].reverse().find((e) => e.status === 'delivered')?.at;
    const zone = this.zone || undefined;
    let col = 0;
    const label = (): string => headers[col++] ?? '';
    return html`<tr part=${pending ? 'row pending-row' : 'row'} role="row" aria-rowindex=${index} data-shipment=${s.id}>
      <td part="cell order-cell" role="cell" data-label=${label()}>
        <button type="button" part="order-link" class="order-link" @click=${() => this.openOrder(row.orderId)}>
          ${row.orderNumber}
        </button>
      </td>
      ${showStore ? html`<td part="cell store-cell" role="cell" data-label=${label()}>${this.storeName(row.storeId)}</td>` : nothing}
      <td part="cell courier-cell" role="cell" data-label=${label()}>
        <div class="courier">
          <span>${courierLabel(s.courier)}</span>
          <button
            type="button"
            class="control small"
            part="details-button"
            aria-label=${msg(str`Shipment details of order ${row.orderNumber}`)}
            @click=${() => void this.openDetail(row)}
          >
            ${msg('Details', { desc: 'Button: open a shipment’s details' })}
          </button>
        </div>
      </td>
      <td part="cell tracking-cell" role="cell" data-label=${label()}>${this.renderTracking(store, row)}</td>
      <td part="cell status-cell" role="cell" data-label=${label()}>
        <span class="badge" part="status-badge" style=${styleMap({ '--_tone': toneColor[shipmentStatusTone(s.status)] ?? '' })}
          >${shipmentStatusLabel(s.status)}</span
        >
      </td>
      <td part="cell date-cell" role="cell" class="nowrap" data-label=${label()}>${formatCompactDateTime(s.createdAt, { timeZone: zone })}</td>
      <td part="cell date-cell" role="cell" class=${s.scheduledAt ? 'nowrap' : 'nowrap blank'} data-label=${label()}>
        ${s.scheduledAt ? formatCompactDateTime(s.scheduledAt, { timeZone: zone }) : this.dash(msg('none'))}
      </td>
      <td part="cell date-cell" role="cell" class=${delivered ? 'nowrap' : 'nowrap blank'} data-label=${label()}>
        ${delivered ? formatDate(delivered, { timeZone: zone }) : this.dash(msg('not yet'))}
      </td>
    </tr>`;
  }

  private renderTracking(store: OrderStore | undefined, row: ShipmentRow): TemplateResult {
    const s = row.shipment;
    const editor = this.editor?.shipmentId === s.id ? this.editor : undefined;
    const failure = this.failures.get(s.id);
    if (editor) return this.renderEditor(row, editor, failure);
    const saving = this.pending.get(s.id);
    const number = saving ?? s.trackingNumber;
    const link = saving === undefined ? httpUrl(s.trackingUrl) : undefined;
    const editable = !!store && saving === undefined && canEdit(store.workflow, store.viewer, row, this.orders.get(row.orderId) ?? store.getCached(row.orderId));
    return html`<div class="tracking">
        ${number
          ? link
            ? html`<a part="tracking-link" class="mono" href=${link} target="_blank" rel="noopener noreferrer"
                >${number}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
              >`
            : html`<span class="mono" part="tracking-number">${number}</span>`
          : html`<span class="muted">${msg('No tracking number')}</span>`}
        ${saving !== undefined ? html`<span class="saving" role="status">${msg('Saving…')}</span>` : nothing}
        ${editable
          ? html`<button
              type="button"
              class="control small"
              part="edit-button"
              aria-label=${msg(str`Edit the tracking number of order ${row.orderNumber}`)}
              @click=${() => this.startEdit(row, failure?.value)}
            >
              ${msg('Edit', { desc: 'Button: change a tracking number in place' })}
            </button>`
          : nothing}
      </div>
      ${failure ? this.renderFailure(row, failure) : nothing}`;
  }

  /** A dash for an empty cell, read out as `spoken`. */
  private dash(spoken: string): TemplateResult {
    return html`<span class="muted"><span aria-hidden="true">—</span><span class="visually-hidden">${spoken}</span></span>`;
  }

  private renderEditor(row: ShipmentRow, editor: Editor, failure: SaveFailure | undefined): TemplateResult {
    const id = `tracking-${row.shipment.id}`;
    const problemId = `${id}-problem`;
    return html`<form part="tracking-form" class="tracking-form" novalidate @submit=${this.onSave} @keydown=${this.onEditorKey}>
        <input
          id=${id}
          part="tracking-input"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
          aria-label=${msg(str`Tracking number of order ${row.orderNumber}`)}
          aria-invalid=${editor.problem ? 'true' : 'false'}
          aria-describedby=${ifDefined(editor.problem ? problemId : undefined)}
          .value=${live(editor.value)}
          @input=${this.onEditorInput}
        />
        <button type="submit" class="control primary small" part="save-button">${msg('Save', { desc: 'Button: save a changed tracking number' })}</button>
        <button type="button" class="control small" part="cancel-button" @click=${() => this.cancelEdit(true)}>
          ${msg('Cancel', { id: 'tracking.cancel', desc: 'Button: leave a tracking number unchanged' })}
        </button>
        ${editor.problem ? html`<p id=${problemId} part="field-error" class="error">${editor.problem}</p>` : nothing}
      </form>
      ${failure ? this.renderFailure(row, failure) : nothing}`;
  }

  private renderFailure(row: ShipmentRow, failure: SaveFailure): TemplateResult {
    return html`<div part="row-error" class="row-error" role="alert">
      <p><strong>${failure.title}.</strong> ${failure.message}</p>
      <div class="row-error-actions">
        ${failure.retry
          ? html`<button type="button" class="control small" part="retry-button" @click=${() => this.retrySave(row, failure)}>${uiStrings.retry()}</button>`
          : nothing}
        <button type="button" class="control quiet small" part="dismiss-button" @click=${() => this.dismissFailure(row.shipment.id)}>
          ${msg('Dismiss')}
        </button>
      </div>
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const filtered = Object.keys(clean(this.query)).length > 0;
    return html`<div part="empty-state">
      <strong>${filtered ? msg('No shipments match') : msg('No shipments yet')}</strong>
      <span>${filtered ? msg('Try another courier, status, date range or store.') : msg('Shipments appear here once orders are shipped.')}</span>
      ${filtered ? html`<button type="button" class="control" @click=${this.clearFilters}>${msg('Clear filters')}</button>` : nothing}
    </div>`;
  }

  private renderError(error: OrderApiError): TemplateResult {
    const kept = this.page.value !== undefined;
    return html`<div part="error-state" role="alert">
      <p>
        <strong>${msg('The shipments could not be loaded.')}</strong>
        ${kept ? msg('The rows below may be out of date.') : nothing}
        <span class="muted">${error.message}</span>
      </p>
      <button type="button" class="control primary" part="retry-button" @click=${() => this.page.reload()}>${uiStrings.retry()}</button>
    </div>`;
  }

  // ── Private ──────────────────────────────────────────────────────────────────────────────────

  private get size(): number {
    const n = Math.floor(this.pageSize);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, 500) : 50;
  }

  private showStore(store: OrderStore | undefined): boolean {
    if (!store) return true;
    return !(store.viewer.role === 'staff' && store.viewer.storeIds.length === 1);
  }

  private storeName(id: string): string {
    return this.stores.find((s) => s.id === id)?.name ?? id;
  }

  private setFilter(patch: Partial<ShipmentQuery>): void {
    const next = clean({ ...this.query, ...patch });
    if (JSON.stringify(next) === JSON.stringify(clean(this.query))) return;
    this.ownQuery = true;
    this.query = next;
    this.offset = 0;
    this.editor = undefined;
    // Made first, then dispatched: the manifest analyzer would read `next` as an event name.
    const event = new FilterChangeEvent<ShipmentQuery>(next);
    this.dispatchEvent(event);
  }

  private readonly clearFilters = (): void => {
    this.dates.reset({});
    this.setFilter({ courier: undefined, status: undefined, from: undefined, to: undefined, storeIds: undefined });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="courier-select"]')?.focus());
  };

  private goTo(offset: number): void {
    this.offset = offset;
    this.editor = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="table-wrap"]')?.scrollTo({ top: 0 }));
  }

  private openOrder(orderId: string): void {
    const event = new OrderOpenEvent(orderId);
    this.dispatchEvent(event);
  }

  /** Keeps the orders of this page's editable-looking rows in view, for the workflow's status check. */
  private syncWatched(): void {
    const store = this.page.store;
    if (store !== this.watchedStore) {
      this.unwatchAll();
      this.watchedStore = store;
    }
    if (!store || !trackingAction(store.workflow)) return;
    const wanted = new Set(
      (this.page.value?.items ?? []).filter((row) => mayEdit(store.workflow, store.viewer, row)).map((row) => row.orderId),
    );
    for (const [id, sub] of this.watched) {
      if (wanted.has(id)) continue;
      sub.unsubscribe();
      this.watched.delete(id);
    }
    let changed = false;
    const orders = new Map([...this.orders].filter(([id]) => wanted.has(id)));
    if (orders.size !== this.orders.size) changed = true;
    for (const id of wanted) {
      if (this.watched.has(id)) continue;
      this.watched.set(
        id,
        store.order$(id).subscribe((order) => {
          if (!order || this.orders.get(id) === order) return;
          this.orders = new Map(this.orders).set(id, order);
        }),
      );
    }
    if (changed) this.orders = orders;
  }

  private unwatchAll(): void {
    for (const sub of this.watched.values()) sub.unsubscribe();
    this.watched.clear();
    this.watchedStore = undefined;
    if (this.orders.size) this.orders = new Map();
  }

  // ── Editing ──────────────────────────────────────────────────────────────────────────────────

  private startEdit(row: ShipmentRow, value?: string): void {
    this.editor = {
      orderId: row.orderId,
      shipmentId: row.shipment.id,
      value: value ?? row.shipment.trackingNumber ?? '',
      problem: undefined,
    };
    this.focusEditor = true;
  }

  private cancelEdit(returnFocus: boolean): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = undefined;
    if (returnFocus) this.focusEditButton(editor.shipmentId);
  }

  private focusEditButton(shipmentId: string): void {
    void this.updateComplete.then(() => {
      const row = this.renderRoot.querySelector(`[data-shipment="${CSS.escape(shipmentId)}"]`);
      (row?.querySelector<HTMLElement>('[part~="edit-button"]') ?? row?.querySelector<HTMLElement>('[part~="order-link"]'))?.focus();
    });
  }

  /** True when focus fell to the page (the pressed control went away), not when the user moved on. */
  private focusLost(): boolean {
    if (this.shadowRoot?.activeElement) return false;
    const active = this.ownerDocument.activeElement;
    return !active || active === this.ownerDocument.body || active === this;
  }

  private readonly onEditorInput = (event: Event): void => {
    if (!this.editor) return;
    this.editor = { ...this.editor, value: (event.target as HTMLInputElement).value, problem: undefined };
  };

  private readonly onEditorKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.cancelEdit(true);
  };

  private readonly onSave = (event: Event): void => {
    event.preventDefault();
    const editor = this.editor;
    const store = this.page.store;
    const row = this.page.value?.items.find((r) => r.shipment.id === editor?.shipmentId);
    if (!editor || !store || !row) return;
    const problem = trackingProblem(editor.value);
    if (problem) {
      this.editor = { ...editor, problem };
      this.focusEditor = true;
      return;
    }
    const value = editor.value.trim();
    this.dismissFailure(row.shipment.id);
    this.editor = undefined;
    if (value === row.shipment.trackingNumber) {
      this.focusEditButton(row.shipment.id);
      return;
    }
    const action = trackingAction(store.workflow);
    if (!action) return;
    void this.save(row, value, () =>
      store.runAction(row.orderId, action.key, { shipmentId: row.shipment.id, trackingNumber: value }),
    );
  };

  private retrySave(row: ShipmentRow, failure: SaveFailure): void {
    const retry = failure.retry;
    if (!retry) return;
    this.dismissFailure(row.shipment.id);
    if (this.editor?.shipmentId === row.shipment.id) this.editor = undefined;
    void this.save(row, failure.value, retry);
  }

  /** Shows `value` at once, sends it, and keeps the answer (or rolls back and says why). */
  private async save(row: ShipmentRow, value: string, send: () => Promise<unknown>): Promise<void> {
    const id = row.shipment.id;
    this.pending = new Map(this.pending).set(id, value);
    try {
      const order = (await send()) as Order;
      const shipment = order?.shipments?.find((s) => s.id === id);
      if (shipment) this.replaceShipment(id, shipment);
      this.settle(id);
      if (this.focusLost()) this.focusEditButton(id);
    } catch (thrown) {
      this.settle(id);
      if (!isOrderApiError(thrown)) throw thrown;
      // Presented here, next to the row: the store's own entry would only repeat it.
      const store = this.page.store;
      const entry = store?.snapshot.errors.find((e) => e.error === thrown);
      if (store && entry) store.dismissError(entry.id);
      this.failures = new Map(this.failures).set(id, describeFailure(thrown, value, entry?.retry));
      if (!this.editor) {
        this.editor = { orderId: row.orderId, shipmentId: id, value, problem: undefined };
        this.focusEditor = true;
      }
    }
  }

  private settle(id: string): void {
    const pending = new Map(this.pending);
    pending.delete(id);
    this.pending = pending;
  }

  /** The saved shipment replaces the row's until the next fetch brings the same. */
  private replaceShipment(id: string, shipment: Shipment): void {
    const result = this.page.value;
    if (!result) return;
    this.page.value = {
      ...result,
      items: result.items.map((r) => (r.shipment.id === id ? { ...r, shipment } : r)),
    };
  }

  private dismissFailure(id: string): void {
    if (!this.failures.has(id)) return;
    const failures = new Map(this.failures);
    failures.delete(id);
    this.failures = failures;
  }
}
