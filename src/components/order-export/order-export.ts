/**
 * `<order-export>`: exports orders to a CSV file — the list's current query or the orders created in a
 * date range — with chosen columns, one row per order or per line item. It streams the orders from the
 * store in chunks, shows progress, can be cancelled, and resumes after a failure from the chunk that
 * failed. No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { OrderQuery } from '../../api/types.js';
import { isOrderApiError } from '../../api/types.js';
import { getLocale, localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { columnsFor, DEFAULT_EXPORT_COLUMNS, OrderCsvWriter, type ExportColumnKey, type ExportMode } from '../../model/csv/columns.js';
import type { Store } from '../../model/types.js';
import { adoptStores } from '../../state/time-zone.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { browserTimeZone, dayOf, dayRangeToInstants, isTimeZone } from '../shared/date-range.js';
import { formatCount } from '../shared/format-count.js';
import { closeIcon } from '../shared/icons.js';
import { errorKindLabel } from '../shared/order-labels.js';
import { tokens } from '../shared/tokens.js';
import { COLUMN_GROUPS, columnGroupLabel, columnLabel, type ColumnGroup } from './column-labels.js';
import { downloadBlob, today } from './download.js';
import { ExportCloseEvent, ExportCompleteEvent } from './events.js';
import { prefsKey, readPrefs, writePrefs } from './export-prefs.js';
import { panelStyles, styles } from './order-export.styles.js';

export { ExportCloseEvent, ExportCompleteEvent, type ExportCompleteDetail } from './events.js';

/** Which orders: the list's current query, or every order created in a range of days. */
export type ExportScope = 'query' | 'range';

type Phase = 'idle' | 'running' | 'failed' | 'done' | 'cancelled';

/** An export under way: what it asks for, what it has written, where it stands. */
interface Job {
  readonly query: OrderQuery;
  readonly writer: OrderCsvWriter;
  readonly fileName: string;
  /**
   * The file so far, one Blob per chunk: each chunk's text is encoded as it arrives, so finishing
   * joins ready bytes instead of encoding the whole file (29 MB at 100k orders) in one long task.
   */
  readonly parts: Blob[];
  /** Ids already written: an order that moves between pages while the export runs is written once. */
  readonly seen: Set<string>;
  offset: number;
  total: number | undefined;
  rows: number;
  orders: number;
}

/** Lets the browser paint and handle input between two chunks. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Exports orders to CSV.
 *
 * **Which orders.** "Current view" is the store's query as the list shows it (tab, search, filters),
 * read when the export starts; "Created between" takes every order created in a range of whole days
 * in `time-zone` (archived ones included, soft-deleted ones not), within the list's store filter.
 * Rows are written oldest first (by creation time), so orders created during the export do not shift
 * the pages still to come; an order seen twice is written once.
 *
 * **What.** Columns are chosen with checkboxes in groups (order, customer, shipping address, amounts,
 * shipping, items); items columns exist only with one row per line item, which repeats the order's
 * columns on each of its lines. The choice of columns, the row mode and the Excel option are
 * remembered per viewer (in `localStorage`, when the browser allows it).
 *
 * **The file.** RFC 4180 CSV in UTF-8, optionally with a byte order mark so Excel reads it as UTF-8.
 * Text that a spreadsheet would run as a formula is neutralised with a leading `'`; amounts are exact
 * decimals in major units, the currency in its own column; dates are ISO 8601 in UTC. See
 * `src/model/csv/encode.ts` and `columns.ts`. The file is named `orders-<today>.csv` (or
 * `orders-<from>-to-<to>.csv` for a date range, with `-items` for one row per item).
 *
 * **Streaming.** Orders are read with `store.listOrders` in chunks of `chunk-size` (500), yielding to
 * the event loop between chunks so the page never freezes; a `<progress>` and "12,500 of 100,000
 * orders" show how far it got. Cancel aborts the request in flight and downloads nothing. When a chunk
 * fails, the message says why and "Retry" resumes from that chunk, keeping what was written.
 * At the end `export-complete` fires (cancelable), then the browser downloads the file through a
 * temporary `<a download>`.
 *
 * **Where.** Inline it is a panel; with `modal` it is a native modal `<dialog>` opened by `show()`
 * (Escape or the close button closes it; closing cancels a running export). It finds the store in
 * context (`<order-admin>`, `<order-provider>`) or takes `.store`.
 *
 * @tag order-export
 * @summary Exports the current query or a date range of orders to CSV, streamed in chunks with progress and cancel.
 *
 * @fires {ExportCompleteEvent} export-complete - The file is ready: `detail` is `{ rows, orders, bytes, fileName, blob }`.
 *   Cancelable: `preventDefault()` stops the browser download.
 * @fires {ExportCloseEvent} export-close - The modal dialog closed.
 *
 * @csspart dialog - The `<dialog>` (with `modal`).
 * @csspart panel - The panel (without `modal`).
 * @csspart title - The heading.
 * @csspart time-zone - The note naming the time zone the date range's days are counted in.
 * @csspart body - The scrolling form.
 * @csspart scope - The "Orders to export" choice.
 * @csspart mode - The "Rows" choice.
 * @csspart columns - The column checkboxes.
 * @csspart footer - Progress, messages and buttons.
 * @csspart progress - The progress bar and its text.
 * @csspart error - The failure message with its Retry button.
 * @csspart button - Every footer button; `export-button`, `cancel-button`, `retry-button`, `close-button` name them.
 *
 * @cssprop --od-csv-panel-width - Width of the dialog (default `min(44rem, 100vw - 2rem)`).
 * @cssprop --od-csv-panel-backdrop - Backdrop colour behind the modal dialog.
 */
export class OrderExport extends LitElement {
  static override styles = [tokens, panelStyles, styles];

  private readonly locale = localeChanges(this);
  private readonly list$ = new StoreController(this, (store) => store.list$);
  private readonly query$ = new StoreController(this, (store) => store.query$);
  private readonly viewZone$ = new StoreController(this, (store) => store.timeZone$);

  @query('dialog') private dialogEl!: HTMLDialogElement | null;

  @state() private scope: ExportScope = 'query';
  @state() private rangeStart = '';
  @state() private rangeEnd = '';
  @state() private mode: ExportMode = 'order';
  @state() private columns: ReadonlySet<ExportColumnKey> = new Set(DEFAULT_EXPORT_COLUMNS);
  @state() private bom = true;
  @state() private phase: Phase = 'idle';
  @state() private done = 0;
  @state() private total: number | undefined;
  @state() private failure: string | undefined;
  @state() private result: { rows: number; orders: number; bytes: number; fileName: string } | undefined;
  /** Polite announcement for screen readers (start, end, cancel); progress itself is not announced. */
  @state() private announcement = '';
  @state() private isOpen = false;

  private job: Job | undefined;
  private controller: AbortController | undefined;
  private prefsFor: string | undefined;
  private rangeSet = false;
  /** The current query's total when the list has not loaded it (a standalone export panel). */
  @state() private queryTotal: { query: OrderQuery; total: number } | undefined;
  private countController: AbortController | undefined;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The merchant's stores, for the "Store name" column. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** Render as a modal dialog, opened with `show()`. */
  @property({ type: Boolean, reflect: true }) modal = false;

  /** IANA time zone of the date range's days, overriding the view's (the store's `timeZone$`) when set. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Orders per request (default 500). Lower it for a backend that caps page sizes. */
  @property({ type: Number, attribute: 'chunk-size' }) chunkSize = 500;

  /** True while the modal dialog is open (always true inline). */
  get open(): boolean {
    return this.modal ? this.isOpen : true;
  }

  /** True while an export runs. */
  get running(): boolean {
    return this.phase === 'running';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.countController?.abort();
    this.countController = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.countQuery();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    adoptStores(this.query$.store, this.stores);
    super.willUpdate(changed);
    const viewer = this.list$.store?.viewer;
    if (viewer && this.prefsFor !== viewer.id) {
      this.prefsFor = viewer.id;
      const prefs = readPrefs(prefsKey(viewer.id));
      if (prefs) {
        this.columns = new Set(prefs.columns);
        this.mode = prefs.mode;
        this.bom = prefs.bom;
      }
    }
    if (!this.rangeSet) {
      // This month up to today, once; afterwards the dates are the user's (empty included).
      this.rangeSet = true;
      const end = dayOf(Date.now(), this.zone);
      this.rangeStart = `${end.slice(0, 8)}01`;
      this.rangeEnd = end;
    }
  }

  /** Opens the modal dialog (focus goes to its first control); inline, moves focus into the panel. */
  async show(): Promise<void> {
    this.isOpen = true;
    await this.updateComplete;
    if (this.modal && this.dialogEl && !this.dialogEl.open) this.dialogEl.showModal();
    this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
  }

  /** Closes the modal dialog, cancelling a running export. */
  close(): void {
    if (this.running) this.cancel();
    if (this.dialogEl?.open) this.dialogEl.close();
    this.isOpen = false;
  }

  /** Starts an export with the current choices (what the Export button does). */
  start(): void {
    const store = this.list$.store;
    if (!store || this.running || this.blocked() !== undefined) return;
    const range = this.scope === 'range' ? dayRangeToInstants({ start: this.rangeStart, end: this.rangeEnd }, this.zone) : undefined;
    const current = store.snapshot.query;
    const base: OrderQuery = range
      ? { ...range, dateField: 'createdAt', archived: 'any', ...(current.storeIds && { storeIds: current.storeIds }) }
      : current;
    const queryToExport: OrderQuery = { ...base, sort: { field: 'createdAt', direction: 'asc' } };
    const writer = new OrderCsvWriter(this.columns, this.mode, { workflow: store.workflow, stores: this.stores, locale: getLocale() }, this.bom);
    const items = this.mode === 'line' ? '-items' : '';
    const fileName = range ? `orders-${this.rangeStart}-to-${this.rangeEnd}${items}.csv` : `orders-${today()}${items}.csv`;
    this.job = { query: queryToExport, writer, fileName, parts: [new Blob([writer.start()])], seen: new Set(), offset: 0, total: undefined, rows: 0, orders: 0 };
    this.result = undefined;
    this.done = 0;
    this.total = undefined;
    this.announcement = msg('Export started.', { id: 'csv.export-started', desc: 'CSV export: announced when an export starts' });
    void this.pump(this.job);
  }

  /** Stops a running export; nothing is downloaded. */
  cancel(): void {
    this.controller?.abort();
  }

  /** After a failure: goes on from the chunk that failed. */
  retry(): void {
    if (this.job && this.phase === 'failed') void this.pump(this.job);
  }

  protected override render(): unknown {
    void this.locale;
    const content = this.renderContent();
    if (this.modal) {
      return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose}>${this.isOpen ? content : nothing}</dialog>`;
    }
    return html`<section part="panel" aria-labelledby="title">${content}</section>`;
  }

  private renderContent(): TemplateResult {
    const busy = this.running;
    return html`
      <div class="head">
        <div>
          <h2 id="title" part="title">${msg('Export orders', { id: 'csv.export-orders', desc: 'CSV export: heading' })}</h2>
          <p>${msg('Download orders as a CSV file for a spreadsheet or an accounting tool.', { id: 'csv.download-orders-as-a-csv-file-for-a-spreadsheet', desc: 'CSV export: what it does' })}</p>
        </div>
        ${this.modal
          ? html`<button class="icon" part="button close-button" type="button" aria-label=${msg('Close', { id: 'csv.close', desc: 'CSV: close the dialog' })} @click=${this.close}>
              ${closeIcon()}
            </button>`
          : nothing}
      </div>
      <div class="body" part="body">
        ${this.renderScope(busy)} ${this.renderMode(busy)} ${this.renderColumns(busy)}
        <label class="choice">
          <input type="checkbox" .checked=${live(this.bom)} ?disabled=${busy} @change=${this.onBomChange} />
          ${msg('For Excel (UTF-8 with a byte order mark)', { id: 'csv.for-excel-utf-8-with-a-byte-order-mark', desc: 'CSV export: option to add a BOM so Excel reads UTF-8' })}
        </label>
      </div>
      <div class="footer" part="footer">${this.renderStatus()} ${this.renderButtons()}</div>
    `;
  }

  private renderScope(busy: boolean): TemplateResult {
    const query = this.query$.value;
    const total = this.list$.value?.total ?? (this.queryTotal && this.queryTotal.query === query ? this.queryTotal.total : undefined);
    const count = total === undefined ? '' : ` (${this.ordersText(total)})`;
    return html`<fieldset part="scope">
      <legend>${msg('Orders to export', { id: 'csv.orders-to-export', desc: 'CSV export: which orders' })}</legend>
      <div class="stack">
        <label class="choice">
          <input type="radio" name="scope" value="query" .checked=${live(this.scope === 'query')} ?disabled=${busy} @change=${this.onScopeChange} />
          <span>${msg('Current view', { id: 'csv.current-view', desc: 'CSV export: the orders the list shows now' })}<span class="muted">${count}</span></span>
        </label>
        <label class="choice">
          <input type="radio" name="scope" value="range" .checked=${live(this.scope === 'range')} ?disabled=${busy} @change=${this.onScopeChange} />
          ${msg('Orders created between two dates', { id: 'csv.orders-created-between-two-dates', desc: 'CSV export: choose a date range' })}
        </label>
        ${this.scope === 'range' ? this.renderRange(busy) : nothing}
      </div>
    </fieldset>`;
  }

  private renderRange(busy: boolean): TemplateResult {
    const invalid = this.rangeProblem() !== undefined;
    return html`<div class="range" role="group" aria-label=${msg('Date range', { id: 'csv.date-range', desc: 'CSV export: the two dates of the range' })}>
      <label
        >${msg('From', { id: 'csv.from', desc: 'CSV export: first day of the range' })}
        <input type="date" data-edge="start" .value=${live(this.rangeStart)} ?disabled=${busy} aria-invalid=${invalid ? 'true' : 'false'} @change=${this.onRangeChange}
      /></label>
      <label
        >${msg('To', { id: 'csv.to', desc: 'CSV export: last day of the range (inclusive)' })}
        <input type="date" data-edge="end" .value=${live(this.rangeEnd)} ?disabled=${busy} aria-invalid=${invalid ? 'true' : 'false'} @change=${this.onRangeChange}
      /></label>
      <span class="zone" part="time-zone">${msg(str`Days in ${this.zone}`, { desc: 'Calendar: which IANA time zone the days are counted in' })}</span>
    </div>`;
  }

  private renderMode(busy: boolean): TemplateResult {
    return html`<fieldset part="mode">
      <legend>${msg('Rows', { id: 'csv.rows', desc: 'CSV export: one row per order or per item' })}</legend>
      <div class="options">
        <label class="choice">
          <input type="radio" name="mode" value="order" .checked=${live(this.mode === 'order')} ?disabled=${busy} @change=${this.onModeChange} />
          ${msg('One row per order', { id: 'csv.one-row-per-order', desc: 'CSV export: row mode' })}
        </label>
        <label class="choice">
          <input type="radio" name="mode" value="line" .checked=${live(this.mode === 'line')} ?disabled=${busy} @change=${this.onModeChange} />
          ${msg('One row per item', { id: 'csv.one-row-per-item', desc: 'CSV export: row mode, order columns repeated on each line item' })}
        </label>
      </div>
    </fieldset>`;
  }

  private renderColumns(busy: boolean): TemplateResult {
    const groups = Object.keys(COLUMN_GROUPS) as ColumnGroup[];
    return html`<fieldset part="columns" class="columns">
      <legend>${msg('Columns', { id: 'csv.columns', desc: 'CSV export: which columns to write' })}</legend>
      <div class="column-actions">
        <button type="button" class="link" ?disabled=${busy} @click=${this.selectAll}>${msg('Select all', { id: 'csv.select-all', desc: 'CSV export: tick every column' })}</button>
        <button type="button" class="link" ?disabled=${busy} @click=${this.selectNone}>${msg('Clear', { id: 'csv.clear', desc: 'CSV export: untick every column' })}</button>
        <span class="hint">${msg(str`${columnsFor(this.columns, this.mode).length} chosen`, { id: 'csv.x-chosen', desc: 'CSV export: how many columns will be written' })}</span>
      </div>
      ${groups.map((group) => this.renderGroup(group, busy))}
    </fieldset>`;
  }

  private renderGroup(group: ColumnGroup, busy: boolean): TemplateResult {
    const perItem = group === 'items';
    const off = perItem && this.mode === 'order';
    return html`<fieldset class="group" ?disabled=${off || busy} aria-describedby=${off ? 'items-hint' : nothing}>
      <legend>${columnGroupLabel(group)}</legend>
      ${off ? html`<p class="hint" id="items-hint">${msg('Only with one row per item.', { id: 'csv.only-with-one-row-per-item', desc: 'CSV export: why item columns are off' })}</p>` : nothing}
      <div class="options">
        ${COLUMN_GROUPS[group].map(
          (key) => html`<label class="choice ${off ? 'disabled' : ''}">
            <input type="checkbox" data-key=${key} .checked=${live(this.columns.has(key))} @change=${this.onColumnChange} />
            ${columnLabel(key)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderStatus(): unknown {
    const blocked = this.phase === 'idle' || this.phase === 'done' || this.phase === 'cancelled' ? this.blocked() : undefined;
    return html`
      ${this.phase === 'running' || this.phase === 'failed' ? this.renderProgress() : nothing}
      ${this.phase === 'failed' && this.failure
        ? html`<div class="error" part="error" role="alert">
            <span>${this.failure}</span>
            <button type="button" class="link" part="button retry-button" @click=${this.retry}>${msg('Retry from there', { id: 'csv.retry-from-there', desc: 'CSV export: resume a failed export' })}</button>
          </div>`
        : nothing}
      ${this.phase === 'done' && this.result
        ? html`<p class="success">
            ${msg(str`Exported ${this.ordersText(this.result.orders)} (${formatCount(this.result.rows)} rows) to ${this.result.fileName}.`, {
              id: 'csv.exported-x-x-rows-to-x', desc: 'CSV export: done; orders, rows and the file name',
            })}
          </p>`
        : nothing}
      ${this.phase === 'cancelled'
        ? html`<p class="notice">${msg('Export cancelled. Nothing was downloaded.', { id: 'csv.export-cancelled-nothing-was-downloaded', desc: 'CSV export: after Cancel' })}</p>`
        : nothing}
      ${blocked ? html`<p class="hint" id="blocked">${blocked}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderProgress(): TemplateResult {
    const total = this.total;
    const text =
      total === undefined
        ? msg('Starting…', { id: 'csv.starting', desc: 'CSV export: before the first chunk arrived' })
        : msg(str`${formatCount(this.done)} of ${formatCount(total)}`, { id: 'csv.x-of-x', desc: 'CSV export progress: orders done of total' });
    return html`<div class="progress" part="progress">
      <progress
        max=${total ?? 1}
        .value=${total === undefined ? 0 : this.done}
        aria-label=${msg('Export progress', { id: 'csv.export-progress', desc: 'CSV export: accessible name of the progress bar' })}
        aria-valuetext=${text}
      ></progress>
      <span class="progress-text">${text} <span class="muted">${msg('orders', { id: 'csv.orders', desc: 'CSV export progress: unit after "12,500 of 100,000"' })}</span></span>
    </div>`;
  }

  private renderButtons(): TemplateResult {
    const blocked = this.blocked();
    return html`<div class="buttons">
      ${this.modal && !this.running
        ? html`<button type="button" part="button close-button" @click=${this.close}>${msg('Close', { id: 'csv.close', desc: 'CSV: close the dialog' })}</button>`
        : nothing}
      ${this.running
        ? html`<button type="button" part="button cancel-button" @click=${this.cancel}>${uiStrings.cancel()}</button>`
        : html`<button
            type="button"
            class="primary"
            part="button export-button"
            ?disabled=${blocked !== undefined}
            aria-describedby=${blocked ? 'blocked' : nothing}
            @click=${this.start}
          >
            ${msg('Export CSV', { id: 'csv.export-csv', desc: 'CSV export: start button' })}
          </button>`}
    </div>`;
  }

  // ── Private ──────────────────────────────────────────────────────────────────────────────────

  /** The `time-zone` override, else the view's zone (the store's `timeZone$`), else the browser's. */
  private get zone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : (this.viewZone$.value ?? browserTimeZone());
  }

  /**
   * Asks for the current query's total (one order) when the list has not loaded it, so "Current view"
   * shows its count in a standalone panel too. Once per query; a newer query aborts the older request.
   */
  private countQuery(): void {
    const store = this.list$.store;
    const query = this.query$.value;
    if (!store || !query || this.list$.value?.total !== undefined) return;
    if (this.queryTotal?.query === query || this.countController) return;
    const controller = new AbortController();
    this.countController = controller;
    store.listOrders(query, { offset: 0, limit: 1 }, controller.signal).then(
      (page) => {
        if (this.countController === controller) this.queryTotal = { query, total: page.total };
      },
      () => undefined, // The count is a courtesy; the export itself reports failures.
    ).finally(() => {
      if (this.countController === controller) this.countController = undefined;
    });
  }

  private ordersText(n: number): string {
    const count = formatCount(n);
    return n === 1
      ? msg(str`${count} order`, { id: 'csv.x-order', desc: 'CSV: a count of orders (one)' })
      : msg(str`${count} orders`, { id: 'csv.x-orders', desc: 'CSV: a count of orders' });
  }

  /** Why the Export button is off, or undefined when it is on. */
  private blocked(): string | undefined {
    if (!this.list$.store) return msg('No order store is connected.', { id: 'csv.no-order-store-is-connected', desc: 'CSV: the element has no store' });
    if (this.columns.size === 0) return msg('Choose at least one column.', { id: 'csv.choose-at-least-one-column', desc: 'CSV export: no column ticked' });
    if (this.mode === 'order' && ![...this.columns].some((k) => !COLUMN_GROUPS.items.includes(k))) {
      return msg('Choose at least one order column.', { id: 'csv.choose-at-least-one-order-column', desc: 'CSV export: only item columns ticked, one row per order' });
    }
    return this.scope === 'range' ? this.rangeProblem() : undefined;
  }

  private rangeProblem(): string | undefined {
    if (!this.rangeStart || !this.rangeEnd) return msg('Choose both dates.', { id: 'csv.choose-both-dates', desc: 'CSV export: a date of the range is empty' });
    if (this.rangeEnd < this.rangeStart) return msg('The end date is before the start date.', { id: 'csv.the-end-date-is-before-the-start-date', desc: 'CSV export: bad range' });
    return undefined;
  }

  private async pump(job: Job): Promise<void> {
    const store = this.list$.store;
    if (!store) return;
    const controller = new AbortController();
    this.controller = controller;
    this.phase = 'running';
    this.failure = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="cancel-button"]')?.focus();
    try {
      while (job.total === undefined || job.offset < job.total) {
        const page = await store.listOrders(job.query, { offset: job.offset, limit: Math.max(1, this.chunkSize) }, controller.signal);
        if (controller.signal.aborted) break;
        job.total = page.total;
        const fresh = page.items.filter((o) => !job.seen.has(o.id));
        for (const o of fresh) job.seen.add(o.id);
        const written = job.writer.write(fresh);
        job.parts.push(new Blob([written.text]));
        job.rows += written.rows;
        job.orders += fresh.length;
        job.offset += page.items.length;
        this.total = page.total;
        this.done = Math.min(job.offset, page.total);
        if (page.items.length === 0) break;
        await nextTask();
        if (controller.signal.aborted) break;
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        this.fail(job, error);
        return;
      }
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
    if (controller.signal.aborted) {
      this.job = undefined;
      this.phase = 'cancelled';
      this.announcement = msg('Export cancelled. Nothing was downloaded.', { id: 'csv.export-cancelled-nothing-was-downloaded', desc: 'CSV export: after Cancel' });
      await this.focusMain();
      return;
    }
    await this.finish(job);
  }

  private fail(job: Job, error: unknown): void {
    const reason = isOrderApiError(error) ? `${errorKindLabel(error.code)}: ${error.message}` : String(error instanceof Error ? error.message : error);
    const done = formatCount(job.offset);
    const total = formatCount(job.total ?? 0);
    this.failure =
      job.total === undefined
        ? msg(str`The export could not start. ${reason}`, { id: 'csv.the-export-could-not-start-x', desc: 'CSV export: the first chunk failed; the reason follows' })
        : msg(str`The export stopped after ${done} of ${total} orders. ${reason}`, { id: 'csv.the-export-stopped-after-x-of-x-orders-x', desc: 'CSV export: a chunk failed; the reason follows' });
    this.phase = 'failed';
  }

  private async finish(job: Job): Promise<void> {
    this.job = undefined;
    const blob = new Blob(job.parts, { type: 'text/csv;charset=utf-8' });
    const detail = { rows: job.rows, orders: job.orders, bytes: blob.size, fileName: job.fileName, blob };
    this.result = { rows: job.rows, orders: job.orders, bytes: blob.size, fileName: job.fileName };
    this.phase = 'done';
    this.announcement = msg(str`Export finished: ${this.ordersText(job.orders)}.`, { id: 'csv.export-finished-x', desc: 'CSV export: announced at the end' });
    const event = new ExportCompleteEvent(detail);
    if (this.dispatchEvent(event)) downloadBlob(blob, job.fileName, this.renderRoot as ShadowRoot);
    await this.focusMain();
  }

  /** Gives focus back to the Export button after Cancel removed the focused button. */
  private async focusMain(): Promise<void> {
    await this.updateComplete;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (!active || active === this.renderRoot) this.renderRoot.querySelector<HTMLElement>('[part~="export-button"]')?.focus();
  }

  private remember(): void {
    const viewer = this.list$.store?.viewer;
    if (viewer) writePrefs(prefsKey(viewer.id), { columns: [...this.columns], mode: this.mode, bom: this.bom });
  }

  private onScopeChange(event: Event): void {
    this.scope = (event.target as HTMLInputElement).value === 'range' ? 'range' : 'query';
  }

  private onRangeChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.dataset.edge === 'start') this.rangeStart = input.value;
    else this.rangeEnd = input.value;
  }

  private onModeChange(event: Event): void {
    this.mode = (event.target as HTMLInputElement).value === 'line' ? 'line' : 'order';
    this.remember();
  }

  private onColumnChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const key = input.dataset.key as ExportColumnKey;
    const next = new Set(this.columns);
    if (input.checked) next.add(key);
    else next.delete(key);
    this.columns = next;
    this.remember();
  }

  private onBomChange(event: Event): void {
    this.bom = (event.target as HTMLInputElement).checked;
    this.remember();
  }

  private selectAll(): void {
    this.columns = new Set(Object.values(COLUMN_GROUPS).flat());
    this.remember();
  }

  private selectNone(): void {
    this.columns = new Set();
    this.remember();
  }

  private onDialogClose(): void {
    if (this.running) this.cancel();
    this.isOpen = false;
    // Made first, then dispatched: the manifest analyzer reads `dispatchEvent(new X(arg))` as an event named after `arg`.
    const event = new ExportCloseEvent();
    this.dispatchEvent(event);
  }
}
