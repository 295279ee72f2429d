/**
 * `<order-import>`: the CSV import wizard — orders (template, file, column mapping, a preview with
 * every problem by row and column, then one all-or-nothing import) or courier tracking numbers (per
 * row: update the shipment's tracking, or mark the order shipped). No side effects: registration
 * lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isOrderApiError, type ImportResult, type OrderApiErrorData } from '../../api/types.js';
import { formatMoney, formatPercent } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import type { ProductCatalog } from '../../model/csv/catalog.js';
import { encodeCsv, unneutralise } from '../../model/csv/encode.js';
import {
  autoMatch,
  IMPORT_FIELDS,
  TRACKING_FIELDS,
  type ColumnMapping,
  type FieldSpec,
  type ImportFieldKey,
  type TrackingFieldKey,
} from '../../model/csv/fields.js';
import { rowsToDrafts, syntaxProblems, type ImportPlan } from '../../model/csv/import.js';
import type { ParsedCsv } from '../../model/csv/parse.js';
import { columnLetter, hasErrors, sortProblems, type ImportProblem } from '../../model/csv/problems.js';
import { importTemplate, trackingTemplate } from '../../model/csv/template.js';
import { rowsToTracking, type TrackingItem, type TrackingRows } from '../../model/csv/tracking.js';
import { KNOWN_CHANNELS } from '../../model/csv/values.js';
import { money, sum, times, type Money } from '../../model/money.js';
import type { OrderDraft, Store } from '../../model/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore, StoreError } from '../../state/types.js';
import { downloadBlob } from '../order-export/download.js';
import { panelStyles } from '../order-export/order-export.styles.js';
import { formatCount } from '../shared/format-count.js';
import { closeIcon } from '../shared/icons.js';
import { errorKindLabel } from '../shared/order-labels.js';
import { tokens } from '../shared/tokens.js';
import { ImportCloseEvent, ImportCompleteEvent, TrackingCompleteEvent, type TrackingRowResult } from './events.js';
import { importFieldLabel, trackingFieldLabel } from './field-labels.js';
import { existingNumbers } from './lookup.js';
import { styles } from './order-import.styles.js';
import { parseFile, type ParsedBy } from './parse-client.js';
import { runPool } from './pool.js';
import { problemText } from './problem-text.js';
import { runTrackingRow, type TrackingOutcome } from './tracking-run.js';

export { ImportCloseEvent, ImportCompleteEvent, TrackingCompleteEvent } from './events.js';
export type { ImportCompleteDetail, TrackingCompleteDetail, TrackingRowResult } from './events.js';
export type { TrackingOutcome } from './tracking-run.js';

/** What the file holds: orders to create, or couriers' tracking numbers for existing orders. */
export type ImportMode = 'orders' | 'tracking';

/** The wizard's steps. */
export type ImportStep = 'choose' | 'reading' | 'map' | 'checking' | 'preview' | 'importing' | 'running' | 'result';

/** Problems rendered in the table; the rest are in the downloadable problem list. */
const PROBLEMS_SHOWN = 500;
/** Orders shown in the preview table. */
const PREVIEW_ORDERS = 10;
/**
 * Most order numbers looked up before the preview (one search each). Above it the preview does not
 * list existing numbers in advance; the backend still skips them and the result names them.
 */
const LOOKUP_LIMIT = 1000;

/**
 * The CSV import wizard.
 *
 * **Orders** (`mode="orders"`, the default):
 * 1. *File*: download the template (every field's header and an example row), then choose a CSV file
 *    or drop it on the drop zone.
 * 2. The file is parsed with papaparse in a module worker, off the main thread (progress shown,
 *    cancelable); where no worker can start it is parsed on the main thread in chunks instead.
 *    Commas, semicolons, tabs or pipes are detected; UTF-8 is assumed (a byte order mark is fine).
 * 3. *Columns*: each field is matched to a column by its header (case, spaces and punctuation
 *    ignored; English and Indonesian synonyms: "Nomor Pesanan", "Nama Pembeli", "Ongkir"…), and
 *    every match can be changed.
 * 4. *Check*: the rows become orders (rows sharing an order number are the lines of one order) and
 *    every problem is listed by row — as a spreadsheet numbers them, the header is row 1 — and column:
 *    a missing field, an unknown SKU (checked against `catalog`), an amount that is not exact or is
 *    ambiguous (`1.500`), a bad date, an unknown store, channel or currency, an order number used by
 *    rows that disagree. Order numbers that already exist are looked up and shown as skipped. While
 *    any problem remains the Import button is off and says why; the file is fixed and chosen again.
 * 5. *Import*: one `store.importOrders(drafts)` call, all or nothing, with one idempotency key for
 *    the intent (Retry after a network failure resends the same key); then what was created and what
 *    was skipped (an order number that exists is never created twice, so importing a file again
 *    creates nothing).
 *
 * **Tracking numbers** (`mode="tracking"`): a courier's file with order number, courier, tracking
 * number and optionally a tracking link. Each row's order is found by its exact number; an order with
 * a shipment gets `update-tracking`, one without a shipment is marked shipped (the workflow's
 * `mark-shipped` operation, when it offers it to this viewer) with courier and number. Rows run four
 * at a time (`concurrency`) and the table shows each row's result: updated, marked shipped, already up
 * to date, not found, refused with the reason, or failed with the error (those can be retried).
 *
 * Cells the export neutralised (a leading `'` before `=`, `+`, `-`, `@`…) are read back exactly, so
 * an exported file imports unchanged; imported text is only ever data.
 *
 * Inline it is a panel; with `modal` it is a native modal `<dialog>` opened by `show()`. It finds the
 * store in context or takes `.store`.
 *
 * @tag order-import
 * @summary CSV import wizard for orders (template, mapping, preview with problems, all-or-nothing import) and tracking numbers.
 *
 * @fires {ImportCompleteEvent} import-complete - Orders were imported: `detail.result` is `{ created, skipped }`.
 * @fires {TrackingCompleteEvent} tracking-complete - A tracking import ran: `detail.results` has every row's outcome.
 * @fires {ImportCloseEvent} import-close - The modal dialog closed.
 *
 * @csspart dialog - The `<dialog>` (with `modal`).
 * @csspart panel - The panel (without `modal`).
 * @csspart title - The heading.
 * @csspart steps - The list of steps; `step` each, `current-step` the current one.
 * @csspart body - The scrolling content of the step.
 * @csspart drop-zone - The file chooser and drop target.
 * @csspart mapping - The column mapping table.
 * @csspart problems - The table of problems.
 * @csspart preview - The table of the first orders.
 * @csspart results - The per-row results of a tracking import.
 * @csspart progress - A progress bar and its text.
 * @csspart summary - The summary line of a step.
 * @csspart error - A failure message.
 * @csspart footer - The row of buttons.
 * @csspart button - Every footer button; `import-button`, `back-button`, `cancel-button`, `retry-button`, `close-button`, `template-button` name them.
 *
 * @cssprop --od-csv-panel-width - Width of the dialog (default `min(44rem, 100vw - 2rem)`).
 * @cssprop --od-csv-panel-backdrop - Backdrop colour behind the modal dialog.
 */
export class OrderImport extends LitElement {
  static override styles = [tokens, panelStyles, styles];

  private readonly locale = localeChanges(this);
  private readonly store$ = new StoreController(this, (store) => store.errors$);

  @query('dialog') private dialogEl!: HTMLDialogElement | null;

  @state() private step: ImportStep = 'choose';
  @state() private isOpen = false;
  @state() private dragging = false;
  @state() private fileName = '';
  @state() private readProgress = 0;
  @state() private parsed: ParsedCsv | undefined;
  @state() private orderMapping: ColumnMapping<ImportFieldKey> = {};
  @state() private trackingMapping: ColumnMapping<TrackingFieldKey> = {};
  @state() private plan: ImportPlan | undefined;
  @state() private problems: readonly ImportProblem[] = [];
  @state() private tracking: TrackingRows | undefined;
  @state() private checked = 0;
  @state() private toCheck = 0;
  @state() private result: ImportResult | undefined;
  @state() private results: readonly (TrackingRowResult | undefined)[] = [];
  @state() private failure: string | undefined;
  @state() private announcement = '';
  /** Too many orders to look their numbers up before importing. */
  @state() private unchecked = false;

  private controller: AbortController | undefined;
  /** How the last file was parsed (for diagnostics and tests). */
  private by: ParsedBy | undefined;
  /** Resends a failed import with the same idempotency key. */
  private retryImport: StoreError['retry'];
  private focusStep = false;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The merchant's stores: a row names its store by id or name. Needed for order imports. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /**
   * The product catalogue SKUs are checked against (`demoCatalog()` for the demo data). A known SKU
   * fills in a missing item name and unit price. Without one any SKU is accepted and the item name and
   * unit price columns are required.
   */
  @property({ attribute: false }) catalog: ProductCatalog | undefined;

  /** Channel keys an order row may name (default every known channel). */
  @property({ attribute: false }) channels: readonly string[] = KNOWN_CHANNELS;

  /** `orders` or `tracking`. An unknown value warns and falls back to `orders`. */
  @property({ reflect: true }) mode: ImportMode = 'orders';

  /** Render as a modal dialog, opened with `show()`. */
  @property({ type: Boolean, reflect: true }) modal = false;

  /** Requests at once while looking up order numbers and running tracking rows (default 4). */
  @property({ type: Number }) concurrency = 4;

  /** Parse on the main thread (in chunks) instead of in a worker: for host pages whose policy forbids workers. */
  @property({ type: Boolean, attribute: 'no-worker' }) noWorker = false;

  /** The step shown now. */
  get currentStep(): ImportStep {
    return this.step;
  }

  /** Where the last file was parsed: `worker`, or `main-thread` when no worker could start. */
  get parsedBy(): ParsedBy | undefined {
    return this.by;
  }

  /** True while the modal dialog is open (always true inline). */
  get open(): boolean {
    return this.modal ? this.isOpen : true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && this.mode !== 'orders' && this.mode !== 'tracking') {
      console.warn(`orderdeck: <order-import> mode "${String(this.mode)}" is not orders or tracking; using orders.`);
      this.mode = 'orders';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusStep) {
      this.focusStep = false;
      this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    }
  }

  /** Opens the modal dialog at the first step; inline, moves focus to the first control. */
  async show(): Promise<void> {
    this.isOpen = true;
    await this.updateComplete;
    if (this.modal && this.dialogEl && !this.dialogEl.open) this.dialogEl.showModal();
    this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
  }

  /** Closes the modal dialog. A running lookup or tracking run is cancelled; an import call already sent completes. */
  close(): void {
    this.controller?.abort();
    if (this.dialogEl?.open) this.dialogEl.close();
    this.isOpen = false;
  }

  /** Back to the first step, forgetting the file. */
  reset(): void {
    this.controller?.abort();
    this.parsed = undefined;
    this.plan = undefined;
    this.problems = [];
    this.tracking = undefined;
    this.result = undefined;
    this.results = [];
    this.failure = undefined;
    this.fileName = '';
    this.retryImport = undefined;
    this.unchecked = false;
    this.goTo('choose');
  }

  /** Reads a file (what choosing or dropping one does). */
  async readFile(file: File): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.fileName = file.name;
    this.failure = undefined;
    this.readProgress = 0;
    this.goTo('reading');
    if (file.size === 0) {
      this.failure = msg('The file is empty.', { id: 'csv.the-file-is-empty', desc: 'CSV import: an empty file was chosen' });
      this.goTo('choose');
      return;
    }
    try {
      const outcome = await parseFile(file, {
        signal: controller.signal,
        mainThread: this.noWorker,
        onProgress: (p) => (this.readProgress = p.total ? p.bytes / p.total : 0),
      });
      if (this.controller !== controller || controller.signal.aborted) return;
      this.by = outcome.by;
      const header = outcome.parsed.rows[0];
      if (!header || header.every((h) => h.trim() === '')) {
        this.failure = msg('The file has no header row: its first line must name the columns.', { id: 'csv.the-file-has-no-header-row-its-first-line-must-n', desc: 'CSV import: no header' });
        this.goTo('choose');
        return;
      }
      this.parsed = outcome.parsed;
      this.orderMapping = autoMatch(header, IMPORT_FIELDS);
      this.trackingMapping = autoMatch(header, TRACKING_FIELDS);
      this.goTo('map');
    } catch (error) {
      // A newer file replaced this one: it owns the wizard now.
      if (this.controller !== controller) return;
      if (controller.signal.aborted) {
        this.goTo('choose');
        return;
      }
      this.failure = msg(str`The file could not be read: ${error instanceof Error ? error.message : String(error)}`, { id: 'csv.the-file-could-not-be-read-x', desc: 'CSV import: parse failure' });
      this.goTo('choose');
    }
  }

  /** Checks the rows with the current mapping and shows the preview (what "Check" does). */
  async check(): Promise<void> {
    const parsed = this.parsed;
    const store = this.store$.store;
    if (!parsed || !store) return;
    const syntax = syntaxProblems(parsed.errors);
    if (this.mode === 'tracking') {
      const tracking = rowsToTracking(parsed.rows, this.trackingMapping);
      this.tracking = tracking;
      this.problems = sortProblems([...syntax, ...tracking.problems]);
      this.goTo('preview');
      return;
    }
    const base = { stores: this.stores, viewer: store.viewer, channels: this.channels, ...(this.catalog && { catalog: this.catalog }) };
    let plan = rowsToDrafts(parsed.rows, this.orderMapping, base);
    const numbers = [...new Set(plan.drafts.map((d) => d.number as string))];
    this.unchecked = numbers.length > LOOKUP_LIMIT;
    if (!hasErrors([...syntax, ...plan.problems]) && numbers.length > 0 && !this.unchecked) {
      const controller = new AbortController();
      this.controller = controller;
      this.checked = 0;
      this.toCheck = numbers.length;
      this.goTo('checking');
      try {
        const found = await existingNumbers(store, numbers, {
          concurrency: this.concurrency,
          signal: controller.signal,
          onProgress: (done) => (this.checked = done),
        });
        if (controller.signal.aborted) {
          this.goTo('map');
          return;
        }
        plan = rowsToDrafts(parsed.rows, this.orderMapping, { ...base, existing: (n, s) => found.get(n)?.get(s) });
      } catch (error) {
        if (controller.signal.aborted) {
          this.goTo('map');
          return;
        }
        this.failure = this.errorText(error);
        this.goTo('map');
        return;
      }
    }
    this.plan = plan;
    this.problems = sortProblems([...syntax, ...plan.problems]);
    this.goTo('preview');
  }

  /** Imports the checked orders in one call (what "Import" does). */
  async import(): Promise<void> {
    const store = this.store$.store;
    const plan = this.plan;
    if (!store || !plan || hasErrors(this.problems) || this.step === 'importing') return;
    this.failure = undefined;
    this.goTo('importing');
    const send = this.retryImport ?? (() => store.importOrders(plan.drafts));
    try {
      const result = (await send()) as ImportResult;
      this.retryImport = undefined;
      this.result = result;
      this.announcement = this.importSummary(result);
      this.goTo('result');
      // Made first, then dispatched: the manifest analyzer reads `dispatchEvent(new X(arg))` as an event named after `arg`.
      const event = new ImportCompleteEvent(result);
      this.dispatchEvent(event);
    } catch (error) {
      // The store keeps the failure with a retry that resends the same idempotency key; this wizard
      // shows it and offers that retry, so the store's own error list need not show it too.
      const entry = store.snapshot.errors.find((e) => e.kind === 'import' && e.error === error);
      this.retryImport = entry?.retry;
      if (entry) store.dismissError(entry.id);
      this.failure = this.errorText(error);
      this.goTo('preview');
    }
  }

  /** Runs the tracking rows (what "Update tracking" does); `only` re-runs those rows (Retry failed rows). */
  async runTracking(only?: readonly number[]): Promise<void> {
    const store = this.store$.store;
    const items = this.tracking?.items ?? [];
    if (!store || hasErrors(this.problems) || this.step === 'running') return;
    const indexes = only ?? items.map((_, i) => i);
    const controller = new AbortController();
    this.controller = controller;
    const results = only ? [...this.results] : items.map(() => undefined);
    for (const i of indexes) results[i] = undefined;
    this.results = results;
    this.goTo('running');
    await runPool(
      indexes,
      this.concurrency,
      async (i) => {
        const item = items[i] as TrackingItem;
        const outcome = await runTrackingRow(store, item, controller.signal);
        const next = [...this.results];
        next[i] = { item, outcome };
        this.results = next;
      },
      controller.signal,
    );
    this.announcement = this.trackingSummary();
    this.goTo('result');
    const event = new TrackingCompleteEvent(this.results.filter((r): r is TrackingRowResult => r !== undefined));
    this.dispatchEvent(event);
  }

  /** Stops reading, checking or running rows (rows already sent finish). */
  cancel(): void {
    this.controller?.abort();
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
    return html`
      <div class="head">
        <div>
          <h2 id="title" part="title">
            ${this.mode === 'tracking'
              ? msg('Import tracking numbers', { id: 'csv.import-tracking-numbers', desc: 'CSV import: heading in tracking mode' })
              : msg('Import orders', { id: 'csv.import-orders', desc: 'CSV import: heading in orders mode' })}
          </h2>
          ${this.renderSteps()}
        </div>
        ${this.modal
          ? html`<button class="icon" part="button close-button" type="button" aria-label=${msg('Close', { id: 'csv.close', desc: 'CSV: close the dialog' })} @click=${this.close}>
              ${closeIcon()}
            </button>`
          : nothing}
      </div>
      <div class="body" part="body">${this.renderStep()}</div>
      <div class="footer ${this.failure || !(this.step === 'choose' && !this.modal) ? '' : 'empty'}" part="footer">
        ${this.failure ? html`<p class="error" part="error" role="alert">${this.failure}</p>` : nothing}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <div class="buttons">${this.renderButtons()}</div>
      </div>
    `;
  }

  private renderSteps(): TemplateResult {
    const labels = [
      msg('File', { id: 'csv.file', desc: 'CSV import step 1: choose the file' }),
      msg('Columns', { id: 'csv.columns.csv-import-step-2-map-th', desc: 'CSV import step 2: map the columns' }),
      msg('Check', { id: 'csv.check', desc: 'CSV import step 3: preview and problems' }),
      this.mode === 'tracking' ? msg('Update', { id: 'csv.update', desc: 'CSV import step 4 in tracking mode' }) : msg('Import', { id: 'csv.import', desc: 'CSV import step 4' }),
    ];
    const current = this.stepIndex();
    return html`<ol part="steps" class="steps" aria-label=${msg('Import steps', { id: 'csv.import-steps', desc: 'CSV import: accessible name of the step list' })}>
      ${labels.map(
        (label, i) => html`<li part=${i === current ? 'step current-step' : 'step'} aria-current=${i === current ? 'step' : 'false'} class=${i < current ? 'done' : ''}>
          <span class="step-number" aria-hidden="true">${i + 1}</span> ${label}
        </li>`,
      )}
    </ol>`;
  }

  private renderStep(): unknown {
    switch (this.step) {
      case 'choose':
        return this.renderChoose();
      case 'reading':
        return this.renderBusy(
          msg(str`Reading ${this.fileName}…`, { id: 'csv.reading-x', desc: 'CSV import: parsing the file' }),
          this.readProgress,
          formatPercent(this.readProgress),
        );
      case 'map':
        return this.renderMap();
      case 'checking':
        return this.renderBusy(
          msg('Checking for orders that already exist…', { id: 'csv.checking-for-orders-that-already-exist', desc: 'CSV import: looking up order numbers' }),
          this.toCheck ? this.checked / this.toCheck : 0,
          msg(str`${formatCount(this.checked)} of ${formatCount(this.toCheck)}`, { id: 'csv.x-of-x.csv-import-progress-numb', desc: 'CSV import progress: numbers checked of total' }),
        );
      case 'preview':
        return this.mode === 'tracking' ? this.renderTrackingPreview() : this.renderPreview();
      case 'importing':
        return this.renderBusy(
          msg(str`Importing ${this.ordersText(this.plan?.drafts.length ?? 0)}…`, { id: 'csv.importing-x', desc: 'CSV import: the import call is under way' }),
          undefined,
          '',
        );
      case 'running':
      case 'result':
        return this.mode === 'tracking' ? this.renderTrackingResults() : this.renderResult();
    }
  }

  private heading(text: string): TemplateResult {
    return html`<h3 id="step-heading" tabindex="-1">${text}</h3>`;
  }

  private renderChoose(): TemplateResult {
    return html`
      ${this.heading(msg('Choose a CSV file', { id: 'csv.choose-a-csv-file', desc: 'CSV import: step 1 heading' }))}
      <fieldset class="mode">
        <legend>${msg('The file holds', { id: 'csv.the-file-holds', desc: 'CSV import: what kind of file' })}</legend>
        <div class="options">
          <label class="choice">
            <input type="radio" name="mode" value="orders" .checked=${live(this.mode === 'orders')} @change=${this.onModeChange} />
            ${msg('New orders', { id: 'csv.new-orders', desc: 'CSV import mode: orders to create' })}
          </label>
          <label class="choice">
            <input type="radio" name="mode" value="tracking" .checked=${live(this.mode === 'tracking')} @change=${this.onModeChange} />
            ${msg('Tracking numbers from a courier', { id: 'csv.tracking-numbers-from-a-courier', desc: 'CSV import mode: tracking numbers for existing orders' })}
          </label>
        </div>
      </fieldset>
      <p class="hint">
        ${this.mode === 'tracking'
          ? msg('Columns: order number, courier, tracking number, and optionally a tracking link.', { id: 'csv.columns-order-number-courier-tracking-number-and', desc: 'CSV import: tracking file columns' })
          : msg('One row per item; rows with the same order number make one order. Start from the template to get the columns right.', {
              id: 'csv.one-row-per-item-rows-with-the-same-order-number', desc: 'CSV import: orders file layout',
            })}
        <button type="button" class="link" part="button template-button" @click=${this.downloadTemplate}>
          ${msg('Download the template', { id: 'csv.download-the-template', desc: 'CSV import: get the template file' })}
        </button>
      </p>
      <div
        part="drop-zone"
        class="drop-zone ${this.dragging ? 'dragging' : ''}"
        @dragenter=${this.onDragOver}
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <label for="file">${msg('Drop a CSV file here, or choose one', { id: 'csv.drop-a-csv-file-here-or-choose-one', desc: 'CSV import: drop zone text' })}</label>
        <input id="file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" @change=${this.onFileChange} />
      </div>
    `;
  }

  private renderBusy(text: string, fraction: number | undefined, detail: string): TemplateResult {
    return html`
      ${this.heading(text)}
      <div class="progress" part="progress">
        ${fraction === undefined
          ? html`<progress aria-label=${text}></progress>`
          : html`<progress max="1" .value=${fraction} aria-label=${text} aria-valuetext=${detail}></progress>
              <span class="progress-text">${detail}</span>`}
      </div>
    `;
  }

  private renderMap(): TemplateResult {
    const header = this.parsed?.rows[0] ?? [];
    const tracking = this.mode === 'tracking';
    const fields: readonly FieldSpec[] = tracking ? TRACKING_FIELDS : IMPORT_FIELDS;
    const mapping: ColumnMapping = tracking ? this.trackingMapping : this.orderMapping;
    const used = new Set(Object.values(mapping));
    const unused = header.map((h, i) => ({ h, i })).filter(({ h, i }) => !used.has(i) && h.trim() !== '');
    const unusedText = unused.map(({ h, i }) => `${unneutralise(h)} (${columnLetter(i)})`).join(', ');
    const dataRows = (this.parsed?.rows ?? []).slice(1).filter((r) => r.some((c) => c.trim() !== '')).length;
    return html`
      ${this.heading(msg('Match the columns', { id: 'csv.match-the-columns', desc: 'CSV import: step 2 heading' }))}
      <p part="summary">
        ${msg(str`${this.fileName}: ${formatCount(dataRows)} rows, ${formatCount(header.length)} columns. Each field below was matched to a column by its header; change any that is wrong.`, {
          id: 'csv.x-x-rows-x-columns-each-field-below-was-matched', desc: 'CSV import: mapping step summary',
        })}
      </p>
      <div class="table-wrap mapping">
        <table part="mapping">
          <caption class="visually-hidden">${msg('Column for each field', { id: 'csv.column-for-each-field', desc: 'CSV import: caption of the mapping table' })}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Field', { id: 'csv.field', desc: 'CSV import mapping: header of the field column' })}</th>
              <th scope="col">${msg('Column in the file', { id: 'csv.column-in-the-file', desc: 'CSV import mapping: header of the select column' })}</th>
              <th scope="col">${msg('First row', { id: 'csv.first-row', desc: 'CSV import mapping: header of the example value column' })}</th>
            </tr>
          </thead>
          <tbody>
            ${fields.map((f) => this.renderMapRow(f, header, mapping[f.key]))}
          </tbody>
        </table>
      </div>
      ${unused.length
        ? html`<p class="hint">${msg(str`Not imported: ${unusedText}`, { id: 'csv.not-imported-x', desc: 'CSV import: columns no field uses' })}</p>`
        : nothing}
    `;
  }

  private renderMapRow(f: FieldSpec, header: readonly string[], index: number | undefined): TemplateResult {
    const label = this.mode === 'tracking' ? trackingFieldLabel(f.key as TrackingFieldKey) : importFieldLabel(f.key as ImportFieldKey);
    const required = f.required || this.contextRequired(f.key);
    const example = index === undefined ? '' : unneutralise(this.parsed?.rows[1]?.[index] ?? '');
    return html`<tr>
      <th scope="row" id=${`field-${f.key}`}>
        ${label}${required ? html` <span class="required">${msg('(required)', { id: 'csv.required', desc: 'CSV import mapping: a field that must have a column' })}</span>` : nothing}
      </th>
      <td>
        <select aria-labelledby=${`field-${f.key}`} data-field=${f.key} @change=${this.onMappingChange}>
          <option value="" ?selected=${index === undefined}>${msg('— not imported —', { id: 'csv.not-imported', desc: 'CSV import mapping: no column for this field' })}</option>
          ${header.map((h, i) => html`<option value=${String(i)} ?selected=${i === index}>${columnLetter(i)} · ${h.trim() || msg('(no header)', { id: 'csv.no-header', desc: 'CSV import mapping: a column without a header' })}</option>`)}
        </select>
      </td>
      <td class="example">${example}</td>
    </tr>`;
  }

  private renderProblems(): unknown {
    const problems = this.problems;
    if (problems.length === 0) return nothing;
    const errors = problems.filter((p) => p.severity === 'error').length;
    const shown = problems.slice(0, PROBLEMS_SHOWN);
    return html`
      <div class="table-wrap problems">
        <table part="problems">
          <caption>
            ${errors
              ? msg(str`Problems (${formatCount(errors)})`, { id: 'csv.problems-x', desc: 'CSV import: caption of the problem table' })
              : msg('Notes', { id: 'csv.notes', desc: 'CSV import: caption of the table of notices (no errors)' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Row', { id: 'csv.row', desc: 'CSV import problems: spreadsheet row number' })}</th>
              <th scope="col">${msg('Column', { id: 'csv.column', desc: 'CSV import problems: the column' })}</th>
              <th scope="col">${msg('Problem', { id: 'csv.problem', desc: 'CSV import problems: what is wrong' })}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (p) => html`<tr class=${p.severity === 'error' ? 'is-error' : 'is-notice'}>
                <td class="num">${p.row}</td>
                <td>${p.column}${p.columnIndex !== undefined ? html` <span class="muted">(${columnLetter(p.columnIndex)})</span>` : nothing}</td>
                <td>${problemText(p)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${problems.length > PROBLEMS_SHOWN
        ? html`<p class="hint">
            ${msg(str`Showing the first ${formatCount(PROBLEMS_SHOWN)} of ${formatCount(problems.length)}.`, { id: 'csv.showing-the-first-x-of-x', desc: 'CSV import: the problem table is cut' })}
            <button type="button" class="link" @click=${this.downloadProblems}>${msg('Download the full list', { id: 'csv.download-the-full-list', desc: 'CSV import: problems as CSV' })}</button>
          </p>`
        : nothing}
    `;
  }

  private renderPreview(): TemplateResult {
    const plan = this.plan;
    const errors = this.problems.filter((p) => p.severity === 'error').length;
    const existing = plan?.orders.filter((o) => o.existingId !== undefined).length ?? 0;
    const orders = plan?.orders.length ?? 0;
    return html`
      ${this.heading(msg('Check before importing', { id: 'csv.check-before-importing', desc: 'CSV import: step 3 heading' }))}
      <p part="summary" class=${errors ? 'error-text' : ''}>
        ${errors
          ? errors === 1
            ? msg('1 problem must be fixed in the file before anything can be imported.', { id: 'csv.one-problem-must-be-fixed-import', desc: 'CSV import: summary with one problem' })
            : msg(str`${formatCount(errors)} problems must be fixed in the file before anything can be imported.`, { id: 'csv.x-problems-must-be-fixed-in-the-file-before-anyt', desc: 'CSV import: summary with problems' })
          : existing
            ? msg(str`${this.ordersText(orders)} ready: ${formatCount(orders - existing)} new, ${formatCount(existing)} already exist and will be skipped.`, {
                id: 'csv.x-ready-x-new-x-already-exist-and-will-be-skippe', desc: 'CSV import: summary, some numbers exist',
              })
            : msg(str`${this.ordersText(orders)} ready to import.`, { id: 'csv.x-ready-to-import', desc: 'CSV import: summary without problems' })}
      </p>
      ${this.unchecked && !errors
        ? html`<p class="notice">
            ${msg(str`Order numbers were not checked in advance (more than ${formatCount(LOOKUP_LIMIT)} orders); any that already exist will be skipped.`, {
              id: 'csv.numbers-not-checked',
              desc: 'CSV import: big file, existing numbers not looked up before importing',
            })}
          </p>`
        : nothing}
      ${this.renderProblems()} ${plan && plan.orders.length ? this.renderOrderPreview(plan) : nothing}
    `;
  }

  private renderOrderPreview(plan: ImportPlan): TemplateResult {
    const names = new Map(this.stores.map((s) => [s.id, s.name]));
    return html`<div class="table-wrap">
      <table part="preview">
        <caption>
          ${msg(str`First orders (${formatCount(Math.min(PREVIEW_ORDERS, plan.orders.length))} of ${formatCount(plan.orders.length)})`, {
            id: 'csv.first-orders-x-of-x', desc: 'CSV import: caption of the preview table',
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Order number', { id: 'csv.order-number', desc: 'CSV column' })}</th>
            <th scope="col">${uiStrings.customer()}</th>
            <th scope="col">${uiStrings.store()}</th>
            <th scope="col" class="num">${msg('Items', { id: 'csv.items.csv-import-preview-numbe', desc: 'CSV import preview: number of units' })}</th>
            <th scope="col" class="num">${uiStrings.total()}</th>
          </tr>
        </thead>
        <tbody>
          ${plan.orders.slice(0, PREVIEW_ORDERS).map(
            (o) => html`<tr>
              <td>${o.draft.number}${o.existingId ? html` <span class="muted">${msg('(exists)', { id: 'csv.exists', desc: 'CSV import preview: the number exists already' })}</span>` : nothing}</td>
              <td>${o.draft.customer.name}</td>
              <td>${names.get(o.draft.storeId) ?? o.draft.storeId}</td>
              <td class="num">${formatCount(o.draft.lines.reduce((n, l) => n + l.quantity, 0))}</td>
              <td class="num">${formatMoney(draftTotal(o.draft))}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderTrackingPreview(): TemplateResult {
    const rows = this.tracking?.items.length ?? 0;
    const errors = this.problems.filter((p) => p.severity === 'error').length;
    return html`
      ${this.heading(msg('Check before updating', { id: 'csv.check-before-updating', desc: 'CSV import: step 3 heading in tracking mode' }))}
      <p part="summary" class=${errors ? 'error-text' : ''}>
        ${errors
          ? errors === 1
            ? msg('1 problem must be fixed in the file before anything can be updated.', { id: 'csv.one-problem-must-be-fixed-tracking', desc: 'CSV import: tracking summary with one problem' })
            : msg(str`${formatCount(errors)} problems must be fixed in the file before anything can be updated.`, { id: 'csv.x-problems-must-be-fixed-in-the-file-before-anyt.csv-import-tracking-summ', desc: 'CSV import: tracking summary with problems' })
          : msg(str`${formatCount(rows)} rows ready. Each order gets its tracking number, or is marked shipped when it has no shipment yet.`, {
              id: 'csv.x-rows-ready-each-order-gets-its-tracking-number', desc: 'CSV import: tracking summary without problems',
            })}
      </p>
      ${this.renderProblems()}
    `;
  }

  private renderResult(): TemplateResult {
    const result = this.result;
    const skipped = result?.skipped ?? [];
    return html`
      ${this.heading(msg('Import finished', { id: 'csv.import-finished', desc: 'CSV import: step 4 heading' }))}
      <p class="success" part="summary">${result ? this.importSummary(result) : ''}</p>
      ${skipped.length
        ? html`<div class="table-wrap">
            <table>
              <caption>${msg('Skipped: these order numbers already exist', { id: 'csv.skipped-these-order-numbers-already-exist', desc: 'CSV import: caption of the skipped orders' })}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Order number', { id: 'csv.order-number', desc: 'CSV column' })}</th>
                </tr>
              </thead>
              <tbody>
                ${skipped.slice(0, PROBLEMS_SHOWN).map((s) => html`<tr><td>${s.number}</td></tr>`)}
              </tbody>
            </table>
          </div>`
        : nothing}
    `;
  }

  private renderTrackingResults(): TemplateResult {
    const items = this.tracking?.items ?? [];
    const done = this.results.filter(Boolean).length;
    const running = this.step === 'running';
    return html`
      ${this.heading(
        running
          ? msg('Updating tracking numbers…', { id: 'csv.updating-tracking-numbers', desc: 'CSV import: tracking rows are running' })
          : msg('Tracking import finished', { id: 'csv.tracking-import-finished', desc: 'CSV import: tracking rows ran' }),
      )}
      ${running
        ? html`<div class="progress" part="progress">
            <progress max=${items.length} .value=${done} aria-label=${msg('Rows done', { id: 'csv.rows-done', desc: 'CSV import: tracking progress bar' })}></progress>
            <span class="progress-text">${msg(str`${formatCount(done)} of ${formatCount(items.length)}`, { id: 'csv.x-of-x.csv-import-progress-rows', desc: 'CSV import progress: rows done of total' })}</span>
          </div>`
        : html`<p part="summary">${this.trackingSummary()}</p>`}
      <div class="table-wrap">
        <table part="results">
          <caption class="visually-hidden">${msg('Result of each row', { id: 'csv.result-of-each-row', desc: 'CSV import: caption of the tracking results' })}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Row', { id: 'csv.row', desc: 'CSV import problems: spreadsheet row number' })}</th>
              <th scope="col">${msg('Order number', { id: 'csv.order-number', desc: 'CSV column' })}</th>
              <th scope="col">${trackingFieldLabel('trackingNumber')}</th>
              <th scope="col">${msg('Result', { id: 'csv.result', desc: 'CSV import: what happened to the row' })}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              items,
              (item) => item.row,
              (item, i) => {
                const outcome = this.results[i]?.outcome;
                return html`<tr class=${outcome ? outcomeTone(outcome) : 'pending'} data-row=${item.row}>
                  <td class="num">${item.row}</td>
                  <td>${item.number}</td>
                  <td>${item.trackingNumber}</td>
                  <td>${outcome ? this.outcomeText(outcome) : running ? msg('Waiting…', { id: 'csv.waiting', desc: 'CSV import: tracking row not run yet' }) : '—'}</td>
                </tr>`;
              },
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderButtons(): unknown {
    const close = this.modal
      ? html`<button type="button" part="button close-button" @click=${this.close}>${msg('Close', { id: 'csv.close', desc: 'CSV: close the dialog' })}</button>`
      : nothing;
    const back = (to: ImportStep) =>
      html`<button type="button" part="button back-button" @click=${() => this.goTo(to)}>${msg('Back', { id: 'csv.back', desc: 'CSV import: previous step' })}</button>`;
    const cancel = html`<button type="button" part="button cancel-button" @click=${this.cancel}>${uiStrings.cancel()}</button>`;
    switch (this.step) {
      case 'choose':
        return close;
      case 'reading':
      case 'checking':
      case 'running':
        return cancel;
      case 'map':
        return html`${back('choose')}
          <button type="button" class="primary" part="button check-button" @click=${this.check}>
            ${msg('Check the rows', { id: 'csv.check-the-rows', desc: 'CSV import: go from mapping to the preview' })}
          </button>`;
      case 'preview':
        return this.renderPreviewButtons(back('map'));
      case 'importing':
        return nothing;
      case 'result': {
        const failed = this.mode === 'tracking' ? this.failedRows() : [];
        return html`${close}
          ${failed.length
            ? html`<button type="button" part="button retry-button" @click=${() => this.runTracking(failed)}>
                ${msg(str`Retry ${formatCount(failed.length)} failed rows`, { id: 'csv.retry-x-failed-rows', desc: 'CSV import: re-run the tracking rows that failed' })}
              </button>`
            : nothing}
          <button type="button" class="primary" part="button again-button" @click=${this.reset}>
            ${msg('Import another file', { id: 'csv.import-another-file', desc: 'CSV import: start over' })}
          </button>`;
      }
    }
  }

  private renderPreviewButtons(back: TemplateResult): TemplateResult {
    const errors = this.problems.filter((p) => p.severity === 'error').length;
    const tracking = this.mode === 'tracking';
    const count = tracking ? (this.tracking?.items.length ?? 0) : (this.plan?.drafts.length ?? 0);
    const why = errors
      ? errors === 1
        ? msg('Fix the problem in the file, then choose it again.', { id: 'csv.fix-the-problem-in-the-file', desc: 'CSV import: why the import button is off (one problem)' })
        : msg(str`Fix the ${formatCount(errors)} problems in the file, then choose it again.`, { id: 'csv.fix-the-x-problems-in-the-file-then-choose-it-ag', desc: 'CSV import: why the import button is off' })
      : count === 0
        ? msg('There is nothing to import.', { id: 'csv.there-is-nothing-to-import', desc: 'CSV import: no rows' })
        : undefined;
    const label = errors
      ? tracking
        ? msg('Update', { id: 'csv.update.csv-import-the-tracking', desc: 'CSV import: the tracking run button while the file has problems' })
        : msg('Import', { id: 'csv.import.csv-import-the-import-bu', desc: 'CSV import: the import button while the file has problems' })
      : tracking
        ? msg(str`Update ${formatCount(count)} rows`, { id: 'csv.update-x-rows', desc: 'CSV import: run the tracking rows' })
        : msg(str`Import ${this.ordersText(count)}`, { id: 'csv.import-x', desc: 'CSV import: the import button' });
    return html`${why ? html`<span class="hint why" id="why">${why}</span>` : nothing} ${back}
      <button type="button" part="button choose-button" @click=${this.reset}>${msg('Choose another file', { id: 'csv.choose-another-file', desc: 'CSV import: back to step 1' })}</button>
      ${this.failure && this.retryImport
        ? html`<button type="button" class="primary" part="button retry-button" @click=${this.import}>${uiStrings.retry()}</button>`
        : html`<button
            type="button"
            class="primary"
            part="button import-button"
            ?disabled=${why !== undefined}
            aria-describedby=${why ? 'why' : nothing}
            @click=${tracking ? () => this.runTracking() : this.import}
          >
            ${label}
          </button>`}`;
  }

  // ── Private ──────────────────────────────────────────────────────────────────────────────────

  private stepIndex(): number {
    switch (this.step) {
      case 'choose':
      case 'reading':
        return 0;
      case 'map':
        return 1;
      case 'checking':
      case 'preview':
        return 2;
      default:
        return 3;
    }
  }

  private goTo(step: ImportStep): void {
    if (step !== this.step) this.focusStep = this.step !== 'choose' || step !== 'reading';
    this.step = step;
  }

  /** Fields the context makes required (no store column with several stores; no catalogue). */
  private contextRequired(key: string): boolean {
    if (this.mode === 'tracking') return false;
    if (key === 'store') return this.stores.length !== 1;
    return !this.catalog && (key === 'itemName' || key === 'unitPrice');
  }

  private ordersText(n: number): string {
    const count = formatCount(n);
    return n === 1 ? msg(str`${count} order`, { id: 'csv.x-order', desc: 'CSV: a count of orders (one)' }) : msg(str`${count} orders`, { id: 'csv.x-orders', desc: 'CSV: a count of orders' });
  }

  private importSummary(result: ImportResult): string {
    const created = this.ordersText(result.created.length);
    return result.skipped.length
      ? msg(str`Created ${created}. Skipped ${formatCount(result.skipped.length)} that already exist.`, { id: 'csv.created-x-skipped-x-that-already-exist', desc: 'CSV import: result with skipped orders' })
      : msg(str`Created ${created}.`, { id: 'csv.created-x', desc: 'CSV import: result' });
  }

  private trackingSummary(): string {
    const counts = { ok: 0, unchanged: 0, missing: 0, refused: 0, failed: 0 };
    for (const r of this.results) {
      if (!r) continue;
      const s = r.outcome.status;
      if (s === 'updated' || s === 'shipped') counts.ok++;
      else if (s === 'unchanged') counts.unchanged++;
      else if (s === 'not-found' || s === 'ambiguous') counts.missing++;
      else if (s === 'refused') counts.refused++;
      else counts.failed++;
    }
    const f = formatCount;
    return msg(
      str`${f(counts.ok)} updated, ${f(counts.unchanged)} already up to date, ${f(counts.missing)} not found, ${f(counts.refused)} refused, ${f(counts.failed)} failed.`,
      { id: 'csv.tracking-summary', desc: 'CSV import: tracking result counts' },
    );
  }

  private outcomeText(outcome: TrackingOutcome): string {
    switch (outcome.status) {
      case 'updated':
        return msg('Tracking number saved', { id: 'csv.tracking-number-saved', desc: 'CSV import tracking result' });
      case 'shipped':
        return msg('Marked as shipped with this tracking number', { id: 'csv.marked-as-shipped-with-this-tracking-number', desc: 'CSV import tracking result' });
      case 'unchanged':
        return msg('Already up to date', { id: 'csv.already-up-to-date', desc: 'CSV import tracking result' });
      case 'not-found':
        return msg('No order has this number', { id: 'csv.no-order-has-this-number', desc: 'CSV import tracking result' });
      case 'ambiguous':
        return msg(str`${formatCount(outcome.count)} orders have this number; update it by hand`, { id: 'csv.x-orders-have-this-number-update-it-by-hand', desc: 'CSV import tracking result' });
      case 'refused':
        switch (outcome.reason) {
          case 'no-shipment':
            return msg('Refused: the order has no shipment and cannot be marked shipped now', { id: 'csv.refused-the-order-has-no-shipment-and-cannot-be', desc: 'CSV import tracking result' });
          case 'not-offered':
            return msg('Refused: tracking cannot be changed in this order’s status', { id: 'csv.refused-tracking-cannot-be-changed-in-this-order', desc: 'CSV import tracking result' });
          case 'several-shipments':
            return msg('Refused: the order has several shipments; update it by hand', { id: 'csv.refused-the-order-has-several-shipments-update-i', desc: 'CSV import tracking result' });
        }
        return '';
      case 'failed':
        return msg(str`Failed: ${errorTextOf(outcome.error)}`, { id: 'csv.failed-x', desc: 'CSV import tracking result' });
    }
  }

  private failedRows(): number[] {
    return this.results.flatMap((r, i) => (r?.outcome.status === 'failed' && r.outcome.error.code !== 'refused' ? [i] : []));
  }

  private errorText(error: unknown): string {
    if (isOrderApiError(error)) return errorTextOf(error);
    return error instanceof Error ? error.message : String(error);
  }

  private downloadTemplate(): void {
    const text = this.mode === 'tracking' ? trackingTemplate() : importTemplate(this.stores);
    const name = this.mode === 'tracking' ? 'tracking-template.csv' : 'orders-template.csv';
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), name, this.renderRoot as ShadowRoot);
  }

  private downloadProblems(): void {
    const rows = this.problems.map((p) => [String(p.row), p.column, problemText(p)]);
    const header = [
      msg('Row', { id: 'csv.row', desc: 'CSV import problems: spreadsheet row number' }),
      msg('Column', { id: 'csv.column', desc: 'CSV import problems: the column' }),
      msg('Problem', { id: 'csv.problem', desc: 'CSV import problems: what is wrong' }),
    ];
    const text = encodeCsv(header, rows, ['number'], { bom: true });
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `problems-${this.fileName || 'import.csv'}`, this.renderRoot as ShadowRoot);
  }

  private onModeChange(event: Event): void {
    this.mode = (event.target as HTMLInputElement).value === 'tracking' ? 'tracking' : 'orders';
  }

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.readFile(file);
  }

  private onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(): void {
    this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.readFile(file);
  }

  private onMappingChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const key = select.dataset.field as string;
    const value = select.value === '' ? undefined : Number(select.value);
    const update = <K extends string>(mapping: ColumnMapping<K>): ColumnMapping<K> => {
      const next: Partial<Record<K, number>> = { ...mapping };
      // A column feeds one field: taking it away from another field leaves that one unmapped.
      for (const [k, v] of Object.entries(next)) if (v === value) delete next[k as K];
      if (value === undefined) delete next[key as K];
      else next[key as K] = value;
      return next;
    };
    if (this.mode === 'tracking') this.trackingMapping = update(this.trackingMapping);
    else this.orderMapping = update(this.orderMapping);
  }

  private onDialogClose(): void {
    this.controller?.abort();
    this.isOpen = false;
    const event = new ImportCloseEvent();
    this.dispatchEvent(event);
  }
}

/** The total an order from this draft will have (before any rejection): for the preview only. */
function draftTotal(draft: OrderDraft): Money {
  const c = draft.currency;
  const lines = sum(
    draft.lines.map((l) => money(times(l.unitPrice, l.quantity).amount - (l.discount?.amount ?? 0), c)),
    c,
  );
  const amount = lines.amount - (draft.discount?.amount ?? 0) + (draft.deliveryFee?.amount ?? 0) + (draft.tax?.amount ?? 0);
  return money(Math.max(0, amount), c);
}

function errorTextOf(error: OrderApiErrorData): string {
  const reason = error.refusal?.message ?? error.message;
  return `${errorKindLabel(error.code)}: ${reason}`;
}

function outcomeTone(outcome: TrackingOutcome): string {
  switch (outcome.status) {
    case 'updated':
    case 'shipped':
      return 'ok';
    case 'unchanged':
      return 'same';
    default:
      return 'bad';
  }
}
