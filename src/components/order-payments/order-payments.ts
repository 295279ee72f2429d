/**
 * `<order-payments>`: every payment transaction across orders, one page at a time, with filters and
 * the money received per method for the whole filtered range. No side effects: registration lives in
 * `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { OrderApiError, PaymentQuery, PaymentRow, PaymentTotals } from '../../api/types.js';
import { formatCompactDateTime, formatMoney } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import type { PaymentEntryStatus, PaymentMethod, Store } from '../../model/types.js';
import type { Tone } from '../../model/workflow/types.js';
import { adoptStores } from '../../state/time-zone.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { chevronDownIcon } from '../shared/icons.js';
import { CheckMenus, DateRangeFilter, FilterChangeEvent, PageFetchController, renderPager } from '../shared/list-view.js';
import { listViewStyles } from '../shared/list-view.styles.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { paymentMethodLabel } from '../shared/order-labels.js';
import { toneColor, tokens } from '../shared/tokens.js';
import { styles } from './order-payments.styles.js';
import { groupTotals, type CurrencyTotals } from './payment-totals.js';

type PaymentPage = { readonly items: readonly PaymentRow[]; readonly total: number; readonly totals: PaymentTotals };

const METHODS: readonly PaymentMethod[] = ['cash', 'card', 'bank-transfer', 'cod', 'e-wallet', 'pos', 'whatsapp', 'marketplace', 'other'];
const STATUSES: readonly PaymentEntryStatus[] = ['succeeded', 'pending', 'failed'];

function entryStatusLabel(status: PaymentEntryStatus): string {
  switch (status) {
    case 'succeeded':
      return msg('Received', { desc: 'Payment entry status' });
    case 'pending':
      return msg('Pending', { desc: 'Payment entry status' });
    case 'failed':
      return msg('Failed', { id: 'payment-entry.failed', desc: 'Payment entry status' });
    default:
      return status;
  }
}

function entryStatusTone(status: PaymentEntryStatus): Tone {
  return status === 'succeeded' ? 'success' : status === 'pending' ? 'attention' : 'danger';
}

/** The query without empty fields, so equal filters compare equal and URLs stay short. */
function clean(query: PaymentQuery): PaymentQuery {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as PaymentQuery;
}

/**
 * Every payment transaction across the orders the viewer may see, newest first, one page at a time,
 * under a strip of the money received per method.
 *
 * Columns: when, the order (a link that fires `order-open`), the store (hidden for staff of one
 * store), the method, the reference (as text, whatever it holds), the entry's status and the amount
 * (exact, in the order's currency).
 *
 * **Totals**: the strip above the table adds up the *received* (succeeded) payments that match the
 * filters — the whole range, not just the page — per method. Each currency gets its own group with
 * its own total; amounts in different currencies are never added together.
 *
 * **Filters**: method (several), status (several), the day the payment was made (today, last 7 or
 * 30 days, this month, or a custom range, in `time-zone`), and the store (admins and super-admins,
 * from `stores`). The filter is the `query` property; every change by the user sets it and fires
 * `filter-change`, so a host can keep it (in its URL, say) and set it back later. Setting `query`
 * from outside fires nothing.
 *
 * **Paging**: `page-size` rows per page (default 50) from `store.listPayments`, with Previous / Next
 * and "1–50 of 1,234". The page and the totals are fetched again after the store reports changes
 * (bursts are coalesced; a stale request is aborted).
 *
 * Below 720 px of its own width the rows become stacked cards.
 *
 * @tag order-payments
 * @summary Every payment across orders, paged and filtered, with exact totals per method and currency.
 *
 * @fires {FilterChangeEvent} filter-change - The user changed a filter; `detail.query` is the new `query` (a `PaymentQuery`).
 * @fires {OrderOpenEvent} order-open - The user opened a row's order; `detail.orderId` names it.
 *
 * @csspart view - Everything: the filters, the totals, the table and the pager.
 * @csspart toolbar - The row of filters.
 * @csspart filter-button - Each filter menu's button (`filter-button method-button`, `filter-button status-button`).
 * @csspart popover - An open filter menu (`popover method-menu`, `popover status-menu`).
 * @csspart date-select - The date preset `<select>`.
 * @csspart custom-range - The two day inputs of a custom date range.
 * @csspart date-input - Each day input.
 * @csspart store-select - The store `<select>` (admins only).
 * @csspart clear-button - "Clear filters", while any filter is set.
 * @csspart totals - The strip of totals.
 * @csspart currency-total - One currency's group in the strip.
 * @csspart method-total - One method's amount in a group.
 * @csspart grand-total - A currency's total over every method.
 * @csspart error-state - A failed load: the message and a Retry button.
 * @csspart retry-button - Retry of a failed load.
 * @csspart table-wrap - The table's scroll container (the header sticks to its top).
 * @csspart table - The `<table>`.
 * @csspart header-cell - Each column header.
 * @csspart row - Each payment row.
 * @csspart cell - Each cell (`cell amount-cell`, `cell reference-cell`…).
 * @csspart order-link - The order number button.
 * @csspart status-badge - The payment entry's status.
 * @csspart loading-state - Shown before the first page arrives.
 * @csspart empty-state - Shown when nothing matches.
 * @csspart pagination - The pager: range text, Previous and Next.
 * @csspart previous-button - The pager's Previous button.
 * @csspart next-button - The pager's Next button.
 *
 * @cssprop --od-order-payments-height - Largest height of the table before it scrolls (default 70vh).
 * @cssprop --od-order-payments-header-background - Background of the sticky column headers.
 * @cssprop --od-order-payments-totals-background - Background of each currency's totals.
 */
export class OrderPayments extends LitElement {
  static override styles = [tokens, listViewStyles, styles];

  private readonly locale = localeChanges(this);
  private readonly viewZone$ = new StoreController(this, (store) => store.timeZone$);
  private readonly page = new PageFetchController<PaymentPage>(
    this,
    (store, signal) => store.listPayments(this.query, { offset: this.offset, limit: this.size }, signal),
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

  /** Set while the element itself assigns `query`, so the change is not taken for the host's. */
  private ownQuery = false;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /**
   * The filter: `method` and `status` (several each), `from` / `to` (ISO instants bounding when the
   * payment was made, `to` exclusive) and `storeIds`. Set it to restore a filter (from a URL); the
   * element sets it and fires `filter-change` when the user changes one.
   */
  @property({ attribute: false }) query: PaymentQuery = {};

  /** The stores, for names in the store column and the admins' store filter. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** Rows per page (1–500; default 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /**
   * The IANA time zone whose days the date filter uses and dates show in (a store's zone, e.g.
   * `Asia/Jakarta`); empty for the browser's.
   */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Accessible name (and caption) of the table (default "Payments", localised). */
  @property() label = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    adoptStores(this.viewZone$.store, this.stores);
    if (changed.has('query') && !this.ownQuery) {
      if (changed.get('query') !== undefined) this.offset = 0;
      this.dates.reset(this.query);
    }
    this.ownQuery = false;
    // The list shrank under a later page (orders changed elsewhere): show its last page instead.
    const result = this.page.value;
    if (result && result.items.length === 0 && this.offset > 0 && !this.page.loading) {
      this.offset = result.total > 0 ? Math.floor((result.total - 1) / this.size) * this.size : 0;
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
      ${this.renderFilters(store)} ${result ? this.renderTotals(result.totals) : nothing}
      ${this.page.error ? this.renderError(this.page.error) : nothing}
      ${result
        ? html`${this.renderTable(store, result)} ${result.total > 0 || this.offset > 0
            ? renderPager(
                msg('Payment pages', { desc: 'Accessible name of the payments pager' }),
                this.offset,
                result.items.length,
                result.total,
                this.size,
                (offset) => this.goTo(offset),
              )
            : nothing}`
        : this.page.error
          ? nothing
          : html`<div part="loading-state" role="status">${msg('Loading payments…')}</div>`}
    </div>`;
  }

  // ── Filters ──────────────────────────────────────────────────────────────────────────────────

  private renderFilters(store: OrderStore | undefined): TemplateResult {
    const q = this.query;
    return html`<div part="toolbar" role="group" aria-label=${msg('Filter payments')}>
      ${this.menus.render(
        'method',
        msg('Method'),
        this.methodOptions(store).map((m) => ({ value: m, label: paymentMethodLabel(m) })),
        q.method ?? [],
        (values) => this.setFilter({ method: values as PaymentMethod[] }),
      )}
      ${this.menus.render(
        'status',
        msg('Status', { id: 'payments.status', desc: 'Payment entry status (column header, filter)' }),
        STATUSES.map((s) => ({ value: s, label: entryStatusLabel(s) })),
        q.status ?? [],
        (values) => this.setFilter({ status: values as PaymentEntryStatus[] }),
      )}
      ${this.dates.render(q, msg('Payment date', { desc: 'Accessible name of the payment date filter' }))}
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

  /** The workflow's payment methods first, then every other one. */
  private methodOptions(store: OrderStore | undefined): PaymentMethod[] {
    const first = store?.workflow.paymentMethods ?? [];
    return [...first, ...METHODS.filter((m) => !first.includes(m))];
  }

  // ── Totals ───────────────────────────────────────────────────────────────────────────────────

  private renderTotals(totals: PaymentTotals): TemplateResult {
    let groups: CurrencyTotals[];
    try {
      groups = groupTotals(totals);
    } catch {
      return html`<div part="totals" class="totals"><p class="muted">${msg('The totals are too large to add up exactly.')}</p></div>`;
    }
    return html`<section part="totals" class="totals" aria-labelledby="totals-heading">
      <h3 id="totals-heading" class="totals-heading">
        ${msg('Received', { id: 'payments.totals-heading', desc: 'Heading of the payment totals: money received in the filtered range' })}
        <span class="muted">${msg('succeeded payments matching the filters', { desc: 'Explains what the payment totals add up' })}</span>
      </h3>
      ${groups.length === 0
        ? html`<p class="muted none">${msg('Nothing received in this range.')}</p>`
        : html`<div class="currency-groups">
            ${groups.map(
              (g) => html`<dl part="currency-total" class="currency" aria-label=${msg(str`Received in ${g.currency}`)}>
                <div part="grand-total" class="grand">
                  <dt>${msg(str`Total ${g.currency}`, { desc: 'Total of one currency over every payment method' })}</dt>
                  <dd class="num">${formatMoney(g.total)}</dd>
                </div>
                ${g.methods.map(
                  (m) => html`<div part="method-total" class="method" data-method=${m.method}>
                    <dt>${paymentMethodLabel(m.method)}</dt>
                    <dd class="num">${formatMoney(m.amount)}</dd>
                  </div>`,
                )}
              </dl>`,
            )}
          </div>`}
    </section>`;
  }

  // ── Table ────────────────────────────────────────────────────────────────────────────────────

  private renderTable(store: OrderStore | undefined, result: PaymentPage): TemplateResult {
    const showStore = !(store?.viewer.role === 'staff' && store.viewer.storeIds.length === 1);
    const headers = [
      msg('Date', { id: 'payments.date', desc: 'Column header: when a payment was made' }),
      msg('Order', { id: 'list-view.order', desc: 'Column header: the order a row belongs to' }),
      ...(showStore ? [uiStrings.store()] : []),
      msg('Method'),
      msg('Reference'),
      msg('Status', { id: 'payments.status', desc: 'Payment entry status (column header, filter)' }),
      msg('Amount'),
    ];
    const zone = this.zone || undefined;
    return html`<div part="table-wrap">
      <table part="table" role="table" aria-busy=${this.page.loading ? 'true' : 'false'} aria-rowcount=${result.total + 1}>
        <caption class="visually-hidden">${this.label || msg('Payments')}</caption>
        <thead role="rowgroup">
          <tr role="row" aria-rowindex="1">
            ${headers.map((h, i) => html`<th part="header-cell" role="columnheader" scope="col" class=${i === headers.length - 1 ? 'num' : ''}>${h}</th>`)}
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${result.items.length === 0
            ? html`<tr role="row"><td role="cell" colspan=${headers.length}>${this.renderEmpty()}</td></tr>`
            : repeat(
                result.items,
                (row) => row.payment.id,
                (row, i) => {
                  const p = row.payment;
                  let col = 0;
                  const label = (): string => headers[col++] ?? '';
                  return html`<tr part="row" role="row" aria-rowindex=${this.offset + i + 2} data-payment=${p.id}>
                    <td part="cell date-cell" role="cell" class="nowrap" data-label=${label()}>${formatCompactDateTime(p.at, { timeZone: zone })}</td>
                    <td part="cell order-cell" role="cell" data-label=${label()}>
                      <button type="button" part="order-link" class="order-link" @click=${() => this.openOrder(row.orderId)}>${row.orderNumber}</button>
                    </td>
                    ${showStore ? html`<td part="cell store-cell" role="cell" data-label=${label()}>${this.storeName(row.storeId)}</td>` : nothing}
                    <td part="cell method-cell" role="cell" data-label=${label()}>${paymentMethodLabel(p.method)}</td>
                    <td part="cell reference-cell" role="cell" class=${p.reference ? 'mono' : 'mono blank'} data-label=${label()}>
                      ${p.reference ?? html`<span class="muted"><span aria-hidden="true">—</span><span class="visually-hidden">${msg('none')}</span></span>`}
                    </td>
                    <td part="cell status-cell" role="cell" data-label=${label()}>
                      <span class="badge" part="status-badge" style=${styleMap({ '--_tone': toneColor[entryStatusTone(p.status)] ?? '' })}
                        >${entryStatusLabel(p.status)}</span
                      >
                    </td>
                    <td part="cell amount-cell" role="cell" class="num" data-label=${label()}>${formatMoney(p.amount)}</td>
                  </tr>`;
                },
              )}
        </tbody>
      </table>
    </div>`;
  }

  private renderEmpty(): TemplateResult {
    const filtered = Object.keys(clean(this.query)).length > 0;
    return html`<div part="empty-state">
      <strong>${filtered ? msg('No payments match') : msg('No payments yet')}</strong>
      <span>${filtered ? msg('Try another method, status, date range or store.') : msg('Payments appear here once customers pay.')}</span>
      ${filtered ? html`<button type="button" class="control" @click=${this.clearFilters}>${msg('Clear filters')}</button>` : nothing}
    </div>`;
  }

  private renderError(error: OrderApiError): TemplateResult {
    const kept = this.page.value !== undefined;
    return html`<div part="error-state" role="alert">
      <p>
        <strong>${msg('The payments could not be loaded.')}</strong>
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

  private storeName(id: string): string {
    return this.stores.find((s) => s.id === id)?.name ?? id;
  }

  private setFilter(patch: Partial<PaymentQuery>): void {
    const next = clean({ ...this.query, ...patch });
    if (JSON.stringify(next) === JSON.stringify(clean(this.query))) return;
    this.ownQuery = true;
    this.query = next;
    this.offset = 0;
    // Made first, then dispatched: the manifest analyzer would read `next` as an event name.
    const event = new FilterChangeEvent<PaymentQuery>(next);
    this.dispatchEvent(event);
  }

  private readonly clearFilters = (): void => {
    this.dates.reset({});
    this.setFilter({ method: undefined, status: undefined, from: undefined, to: undefined, storeIds: undefined });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="filter-button"]')?.focus());
  };

  private goTo(offset: number): void {
    this.offset = offset;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="table-wrap"]')?.scrollTo({ top: 0 }));
  }

  private openOrder(orderId: string): void {
    const event = new OrderOpenEvent(orderId);
    this.dispatchEvent(event);
  }
}
