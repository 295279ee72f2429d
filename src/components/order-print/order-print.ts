/**
 * `<order-print>`: the print preview and printing of orderdeck's documents (picking list summary,
 * picking lists, air waybills, courier manifests, packing slips, invoices) for one order, a selection,
 * a whole tab or every order matching a query. No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, unsafeCSS, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { BulkItemResult } from '../../api/types.js';
import { isOrderApiError } from '../../api/types.js';
import { getLocale, localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import type { PrintContext, PrintDocument, Skipped } from '../../model/print/types.js';
import type { Order, PrintDocumentKind, Store } from '../../model/types.js';
import { PRINT_DOCUMENT_KINDS } from '../../model/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { panelStyles } from '../order-export/order-export.styles.js';
import { formatCount } from '../shared/format-count.js';
import { closeIcon } from '../shared/icons.js';
import { errorKindLabel, printDocumentLabel } from '../shared/order-labels.js';
import type { PrintRequestDetail } from '../shared/print-request-event.js';
import { tokens } from '../shared/tokens.js';
import { DocumentPrintEvent, PrintCloseEvent, PrintCompleteEvent } from './events.js';
import { styles } from './order-print.styles.js';
import { PrintFrame } from './print-frame.js';
import { DOCUMENT_CSS, type Paper } from './print-sheet.js';
import { prepareDocument, renderPages, type PreparedDocument, type PrepareStage } from './prepare.js';

export { DocumentPrintEvent, PrintCloseEvent, PrintCompleteEvent } from './events.js';
export type { DocumentPrintDetail, PrintCompleteDetail } from './events.js';
export type { Paper } from './print-sheet.js';

type Phase = 'idle' | 'loading' | 'preparing' | 'ready' | 'confirm' | 'printing' | 'done' | 'failed' | 'cancelled';

/** The papers each document prints on; the first is its default. */
const PAPERS: Readonly<Record<PrintDocumentKind, readonly Paper[]>> = {
  'picking-summary': ['a4', 'letter'],
  'picking-list': ['a4', 'letter', 'label'],
  awb: ['label', 'a4', 'letter'],
  manifest: ['a4', 'letter'],
  'packing-slip': ['a4', 'letter'],
  invoice: ['a4', 'letter'],
};

const MAX_COPIES = 20;

function paperLabel(paper: Paper): string {
  switch (paper) {
    case 'a4':
      return msg('A4', { id: 'print.a4', desc: 'Paper size' });
    case 'letter':
      return msg('Letter', { id: 'print.letter', desc: 'Paper size (US Letter)' });
    case 'label':
      return msg('Label 4×6 in (100×150 mm)', { id: 'print.label-4-6-in-100-150-mm', desc: 'Paper size of a shipping label' });
  }
}

/**
 * The print preview: which document, on which paper, how many copies; the pages as they will print;
 * then the browser's print dialog.
 *
 * **Opening.** `open(request)` takes the detail of an `order-print-request` event (`{ document,
 * orderIds }` or `{ document, query }`), opens the dialog, loads the orders through the store
 * (`store.loadOrders`, page by page, with progress) and prepares the document in time slices that
 * yield to the event loop, so a thousand orders never freeze the page. A progress bar shows how far
 * it got; Cancel (or closing) stops it. Changing the document re-prepares from the loaded orders.
 *
 * **Preview.** The first `preview-limit` pages (20) are shown at paper size; every page prints. Orders
 * a document leaves out (nothing left to pick, no parcel to label) are named.
 *
 * **Printing.** The pages are built in a hidden same-origin `<iframe>` with Lit `render()` (no
 * `srcdoc` or `innerHTML`) and styled by a constructable sheet adopted by its document, with the
 * paper's `@page` size and margins and a page break between orders; the frame has no script and no
 * app chrome, and order data is only ever text. `document-print` fires (cancelable) and the browser's
 * print dialog opens. The print is then recorded on the orders (`store.recordPrints`: the workflow's
 * `record-print` action through the bulk path) and `print-complete` fires. When some of the orders
 * already had this document printed, Print asks first ("3 of 20 orders already have a picking list
 * printed — print again?").
 *
 * @tag order-print
 * @summary Print preview and printing of picking lists, air waybills, manifests, packing slips and invoices.
 *
 * @fires {DocumentPrintEvent} document-print - The print document is ready; cancelable (skips the browser's print dialog).
 * @fires {PrintCompleteEvent} print-complete - Printed and recorded: `detail` is `{ document, copies, orderIds, recorded }`.
 * @fires {PrintCloseEvent} print-close - The modal dialog closed.
 *
 * @csspart dialog - The `<dialog>` (with `modal`).
 * @csspart panel - The panel (without `modal`).
 * @csspart title - The heading.
 * @csspart options - The document, paper and copies controls.
 * @csspart preview - The scrolling preview of the pages.
 * @csspart footer - Progress, messages and buttons.
 * @csspart progress - The progress bar and its text.
 * @csspart confirm - The reprint question.
 * @csspart error - A failure message.
 * @csspart button - Every footer button; `print-button`, `cancel-button`, `close-button`, `confirm-button` name them.
 *
 * @cssprop --od-print-panel-width - Width of the dialog (default `min(64rem, 100vw - 2rem)`).
 * @cssprop --od-print-preview-height - Height of the preview area (default `60dvh`).
 */
export class OrderPrint extends LitElement {
  static override styles = [tokens, panelStyles, unsafeCSS(DOCUMENT_CSS), styles];

  private readonly locale = localeChanges(this);
  private readonly store$ = new StoreController(this, (store) => store.query$);

  @query('dialog') private dialogEl!: HTMLDialogElement | null;
  @query('.preview') private previewEl!: HTMLElement | null;

  @state() private isOpen = false;
  @state() private phase: Phase = 'idle';
  @state() private kind: PrintDocumentKind = 'picking-list';
  @state() private paper: Paper = 'a4';
  @state() private copies = 1;
  @state() private stage: PrepareStage | 'loading' = 'loading';
  @state() private done = 0;
  @state() private total = 0;
  @state() private failure: string | undefined;
  @state() private missing: readonly string[] = [];
  @state() private prepared: PreparedDocument | undefined;
  @state() private recorded: readonly BulkItemResult[] | undefined;
  @state() private announcement = '';

  private orders: readonly Order[] = [];
  private request: PrintRequestDetail | undefined;
  private controller: AbortController | undefined;

  /** A store made elsewhere; otherwise the one in context (`<order-admin>`, `<order-provider>`). */
  @property({ attribute: false }) store: OrderStore | undefined;

  /** Store names (sender blocks, headings); an order of an unknown store prints its store id. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** Render as a modal dialog, opened with `open()`. */
  @property({ type: Boolean, reflect: true }) modal = false;

  /** Pages shown in the preview at most (all pages print). */
  @property({ type: Number, attribute: 'preview-limit' }) previewLimit = 20;

  /** The document prepared now (its data, for hosts and tests); undefined until prepared. */
  get document(): PrintDocument | undefined {
    return this.prepared?.document;
  }

  /** The orders loaded for the current request. */
  get loadedOrders(): readonly Order[] {
    return this.orders;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  /**
   * Opens the preview for a print request (the detail of `order-print-request`), loads its orders and
   * prepares the document. Resolves when the preview is ready, failed or was cancelled.
   */
  async open(request: PrintRequestDetail): Promise<void> {
    this.controller?.abort();
    this.request = request;
    this.kind = PRINT_DOCUMENT_KINDS.includes(request.document) ? request.document : 'picking-list';
    this.paper = PAPERS[this.kind][0] as Paper;
    this.copies = 1;
    this.orders = [];
    this.missing = [];
    this.prepared = undefined;
    this.recorded = undefined;
    this.failure = undefined;
    this.isOpen = true;
    await this.updateComplete;
    if (this.modal && this.dialogEl && !this.dialogEl.open) this.dialogEl.showModal();
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
    await this.load();
  }

  /** Closes the dialog, cancelling loading or preparing. */
  close(): void {
    this.controller?.abort();
    if (this.dialogEl?.open) this.dialogEl.close();
    this.isOpen = false;
    this.phase = 'idle';
  }

  /** Stops loading or preparing; what was loaded is kept. */
  cancel(): void {
    this.controller?.abort();
  }

  /**
   * Prints the prepared document: asks first when some orders already have it printed (call again,
   * or press "Print again", to go on), builds the print frame, opens the browser's print dialog, and
   * records the print on the orders.
   */
  async print(): Promise<void> {
    const prepared = this.prepared;
    // Printable whenever a document is prepared and nothing is running (a cancelled or failed print may be tried again).
    if (!prepared || this.busy || this.phase === 'printing') return;
    if (this.phase !== 'confirm' && this.alreadyPrinted().length > 0) {
      this.phase = 'confirm';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="confirm-button"]')?.focus();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.phase = 'printing';
    const frame = new PrintFrame(this.renderRoot as ShadowRoot);
    try {
      await frame.build(prepared, this.paper, {
        copies: this.copies,
        title: `${printDocumentLabel(this.kind)} — ${formatCount(this.coveredIds().length)}`,
        lang: getLocale(),
        signal: controller.signal,
        onProgress: (stage, done, total) => this.progress(stage, done, total),
      });
      const orderIds = this.coveredIds();
      const event = new DocumentPrintEvent({ document: this.kind, paper: this.paper, copies: this.copies, orderIds, printDocument: frame.document });
      if (this.dispatchEvent(event)) frame.print();
      await this.record(orderIds);
    } catch (thrown) {
      this.fail(thrown);
    } finally {
      frame.remove();
    }
  }

  /**
   * Renders the prepared document into `container` (every page, `copies` times), the way the print
   * frame does: for tests and for hosts with their own print path. The container needs the document
   * sheet (`DOCUMENT_CSS`) to look right.
   */
  async renderDocument(container: HTMLElement, copies = 1): Promise<void> {
    if (!this.prepared) throw new Error('orderdeck: <order-print> has no prepared document; call open() first');
    await renderPages(container, this.prepared, { copies });
  }

  protected override updated(): void {
    // The preview follows the prepared document and paper (its pages are rendered outside Lit's template).
    const el = this.previewEl;
    if (el && this.prepared && el.dataset['for'] !== this.previewKey()) {
      el.dataset['for'] = this.previewKey();
      void renderPages(el, this.prepared, { limit: this.previewLimit });
    }
  }

  protected override render(): unknown {
    void this.locale;
    const content = this.renderContent();
    if (this.modal) {
      return html`<dialog part="dialog" aria-labelledby="print-title" @close=${this.onDialogClose} @cancel=${this.onDialogCancel}>
        ${this.isOpen ? content : nothing}
      </dialog>`;
    }
    return html`<section part="panel" aria-labelledby="print-title">${content}</section>`;
  }

  // ── Rendering ────────────────────────────────────────────────────────────────────────────────

  private renderContent(): TemplateResult {
    const count = this.orders.length;
    return html`
      <div class="head">
        <div>
          <h2 id="print-title" part="title">${msg('Print', { id: 'print.print', desc: 'Print dialog: heading' })}</h2>
          <p>${this.phase === 'loading' || count === 0 ? msg('Loading orders…', { id: 'print.loading-orders', desc: 'Print dialog: loading the orders to print' }) : msg(str`${formatCount(count)} orders`, { id: 'print.x-orders', desc: 'Print dialog: how many orders are printed' })}</p>
        </div>
        ${this.modal
          ? html`<button class="icon" part="button close-button" type="button" aria-label=${msg('Close', { id: 'print.close', desc: 'Print dialog: close' })} @click=${this.close}>${closeIcon()}</button>`
          : nothing}
      </div>
      ${this.renderChoices()}
      <div class="body" part="body">
        ${this.renderNotices()}
        <div class="preview-wrap" part="preview" tabindex="0" role="region" aria-label=${msg('Preview', { id: 'print.preview', desc: 'Print dialog: the preview of the pages' })}>
          <div class="preview sheet paper-${this.paper}"></div>
        </div>
      </div>
      <div class="footer" part="footer">${this.renderStatus()} ${this.renderButtons()}</div>
    `;
  }

  private renderChoices(): TemplateResult {
    const busy = this.busy;
    const papers = PAPERS[this.kind];
    return html`<div class="options" part="options">
      <label class="field">
        <span>${msg('Document', { id: 'print.document', desc: 'Print dialog: which document' })}</span>
        <select ?disabled=${busy} @change=${this.onKindChange}>
          ${PRINT_DOCUMENT_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${printDocumentLabel(k)}</option>`)}
        </select>
      </label>
      <fieldset class="papers">
        <legend>${msg('Paper', { id: 'print.paper', desc: 'Print dialog: paper size' })}</legend>
        ${papers.map(
          (p) => html`<label class="choice">
            <input type="radio" name="paper" value=${p} .checked=${live(p === this.paper)} ?disabled=${busy} @change=${this.onPaperChange} />
            ${paperLabel(p)}
          </label>`,
        )}
      </fieldset>
      <label class="field">
        <span>${msg('Copies', { id: 'print.copies', desc: 'Print dialog: number of copies' })}</span>
        <input class="copies" type="number" min="1" max=${MAX_COPIES} step="1" .value=${live(String(this.copies))} ?disabled=${busy} @change=${this.onCopiesChange} />
      </label>
    </div>`;
  }

  private renderNotices(): unknown {
    const doc = this.prepared?.document;
    const skipped = doc?.skipped ?? [];
    const pages = this.prepared?.pages ?? 0;
    return html`
      ${skipped.length > 0 ? html`<p class="notice">${this.skippedText(skipped)}</p>` : nothing}
      ${this.missing.length > 0
        ? html`<p class="notice">${msg(str`${formatCount(this.missing.length)} orders could not be loaded (deleted or not yours to see).`, { id: 'print.x-orders-could-not-be-loaded-deleted-or-not-your', desc: 'Print dialog: some orders are gone' })}</p>`
        : nothing}
      ${this.prepared && pages === 0 ? html`<p class="notice">${msg('Nothing to print for these orders.', { id: 'print.nothing-to-print-for-these-orders', desc: 'Print dialog: empty document' })}</p>` : nothing}
      ${pages > this.previewLimit
        ? html`<p class="hint">${msg(str`Showing the first ${formatCount(this.previewLimit)} of ${formatCount(pages)} pages; all of them print.`, { id: 'print.showing-the-first-x-of-x-pages-all-of-them-print', desc: 'Print dialog: preview is limited' })}</p>`
        : nothing}
    `;
  }

  private skippedText(skipped: readonly Skipped[]): string {
    const numbers = skipped.slice(0, 5).map((s) => s.number).join(', ');
    const more = skipped.length > 5 ? ` ${msg(str`and ${formatCount(skipped.length - 5)} more`, { id: 'print.and-x-more', desc: 'Print dialog: list continues' })}` : '';
    const names = `${numbers}${more}`;
    return skipped[0]?.reason === 'nothing-to-ship'
      ? msg(str`Left out, nothing to ship: ${names}.`, { id: 'print.left-out-nothing-to-ship-x', desc: 'Print dialog: orders without a parcel' })
      : msg(str`Left out, nothing left to pick: ${names}.`, { id: 'print.left-out-nothing-left-to-pick-x', desc: 'Print dialog: orders with every unit shipped or rejected' });
  }

  private renderStatus(): unknown {
    const working = this.phase === 'loading' || this.phase === 'preparing' || this.phase === 'printing';
    return html`
      ${working ? this.renderProgress() : nothing}
      ${this.phase === 'confirm' ? this.renderConfirm() : nothing}
      ${this.phase === 'failed' && this.failure ? html`<p class="error" part="error" role="alert">${this.failure}</p>` : nothing}
      ${this.phase === 'cancelled' ? html`<p class="notice">${msg('Cancelled. Nothing was printed.', { id: 'print.cancelled-nothing-was-printed', desc: 'Print dialog: after Cancel' })}</p>` : nothing}
      ${this.phase === 'done' && this.recorded ? html`<p class="success">${this.doneText(this.recorded)}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderProgress(): TemplateResult {
    const stageText =
      this.stage === 'loading'
        ? msg('Loading orders', { id: 'print.loading-orders-2', desc: 'Print progress stage' })
        : this.stage === 'building'
          ? msg('Preparing documents', { id: 'print.preparing-documents', desc: 'Print progress stage' })
          : this.stage === 'barcodes'
            ? msg('Drawing barcodes', { id: 'print.drawing-barcodes', desc: 'Print progress stage' })
            : msg('Laying out pages', { id: 'print.laying-out-pages', desc: 'Print progress stage' });
    const text = msg(str`${stageText}: ${formatCount(this.done)} of ${formatCount(this.total)}`, { id: 'print.x-x-of-x', desc: 'Print progress: stage, done of total' });
    return html`<div class="progress" part="progress">
      <progress max=${Math.max(1, this.total)} .value=${this.done} aria-label=${msg('Print progress', { id: 'print.print-progress', desc: 'Print dialog: accessible name of the progress bar' })} aria-valuetext=${text}></progress>
      <span class="progress-text">${text}</span>
    </div>`;
  }

  private renderConfirm(): TemplateResult {
    const already = this.alreadyPrinted().length;
    const of = this.coveredIds().length;
    const n = formatCount(already);
    const total = formatCount(of);
    let text: string;
    switch (this.kind) {
      case 'picking-summary':
        text = msg(str`${n} of ${total} orders already have a picking list summary printed — print again?`, { id: 'print.reprint-summary', desc: 'Print dialog: reprint question' });
        break;
      case 'picking-list':
        text = msg(str`${n} of ${total} orders already have a picking list printed — print again?`, { id: 'print.reprint-picking-list', desc: 'Print dialog: reprint question' });
        break;
      case 'awb':
        text = msg(str`${n} of ${total} orders already have an air waybill printed — print again?`, { id: 'print.reprint-awb', desc: 'Print dialog: reprint question' });
        break;
      case 'manifest':
        text = msg(str`${n} of ${total} orders are already on a printed courier manifest — print again?`, { id: 'print.reprint-manifest', desc: 'Print dialog: reprint question' });
        break;
      case 'packing-slip':
        text = msg(str`${n} of ${total} orders already have a packing slip printed — print again?`, { id: 'print.reprint-packing-slip', desc: 'Print dialog: reprint question' });
        break;
      case 'invoice':
        text = msg(str`${n} of ${total} orders already have an invoice printed — print again?`, { id: 'print.reprint-invoice', desc: 'Print dialog: reprint question' });
        break;
    }
    return html`<p class="confirm" part="confirm" role="alert">${text}</p>`;
  }

  private renderButtons(): TemplateResult {
    const working = this.busy || this.phase === 'printing';
    const canPrint = this.prepared !== undefined && this.prepared.pages > 0 && !working;
    return html`<div class="buttons">
      ${working
        ? html`<button type="button" part="button cancel-button" @click=${this.cancel}>${uiStrings.cancel()}</button>`
        : this.modal
          ? html`<button type="button" part="button close-button" @click=${this.phase === 'confirm' ? this.onKeep : this.close}>
              ${this.phase === 'confirm' ? uiStrings.cancel() : msg('Close', { id: 'print.close', desc: 'Print dialog: close' })}
            </button>`
          : nothing}
      ${this.phase === 'confirm'
        ? html`<button type="button" class="primary" part="button confirm-button" @click=${this.print}>${msg('Print again', { id: 'print.print-again', desc: 'Print dialog: confirm a reprint' })}</button>`
        : html`<button type="button" class="primary" part="button print-button" ?disabled=${!canPrint} @click=${this.print}>
            ${msg('Print', { id: 'print.print-2', desc: 'Print dialog: print button' })}
          </button>`}
    </div>`;
  }

  // ── Work ─────────────────────────────────────────────────────────────────────────────────────

  private get busy(): boolean {
    return this.phase === 'loading' || this.phase === 'preparing';
  }

  private get currentStore(): OrderStore | undefined {
    return this.store ?? this.store$.store;
  }

  private context(): PrintContext {
    // Dates print in the zone the screen names (the store's view zone), as the list and detail show them.
    const timeZone = this.currentStore?.timeZone;
    return { stores: new Map(this.stores.map((s) => [s.id, s])), now: new Date().toISOString(), ...(timeZone && { timeZone }) };
  }

  private async load(): Promise<void> {
    const store = this.currentStore;
    const request = this.request;
    if (!store || !request) {
      this.failure = msg('No order store: place the print dialog inside order-admin or order-provider, or set its store property.', { id: 'print.no-order-store-place-order-print-inside-order-ad', desc: 'Print dialog: misconfigured' });
      this.phase = 'failed';
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.phase = 'loading';
    this.progress('loading', 0, request.orderIds?.length ?? 0);
    try {
      const target = request.orderIds ? { orderIds: request.orderIds } : { query: request.query ?? {} };
      const batch = await store.loadOrders(target, {
        signal: controller.signal,
        onProgress: (done, total) => this.progress('loading', done, total),
      });
      const except = new Set(request.exceptIds ?? []);
      this.orders = except.size > 0 ? batch.orders.filter((o) => !except.has(o.id)) : batch.orders;
      this.missing = batch.missing;
      await this.prepare(controller);
    } catch (thrown) {
      this.fail(thrown);
    }
  }

  private async prepare(controller = new AbortController()): Promise<void> {
    this.controller = controller;
    this.phase = 'preparing';
    this.prepared = undefined;
    try {
      this.prepared = await prepareDocument(this.kind, this.orders, this.context(), {
        signal: controller.signal,
        onProgress: (stage, done, total) => this.progress(stage, done, total),
      });
      this.phase = 'ready';
      this.announcement = msg(str`${printDocumentLabel(this.kind)} ready: ${formatCount(this.prepared.pages)} pages.`, { id: 'print.x-ready-x-pages', desc: 'Print dialog: announced when the preview is ready' });
    } catch (thrown) {
      this.fail(thrown);
    }
  }

  private progress(stage: PrepareStage | 'loading', done: number, total: number): void {
    this.stage = stage;
    this.done = done;
    this.total = total;
  }

  private async record(orderIds: readonly string[]): Promise<void> {
    const store = this.currentStore;
    if (!store) return;
    const recorded = await store.recordPrints(orderIds, this.kind, this.copies);
    // Keep the loaded orders current, so a second Print asks about what was just printed.
    const byId = new Map(recorded.flatMap((r) => (r.ok ? [[r.orderId, r.order] as const] : [])));
    this.orders = this.orders.map((o) => byId.get(o.id) ?? o);
    this.recorded = recorded;
    this.phase = 'done';
    this.announcement = this.doneText(recorded);
    this.dispatchEvent(new PrintCompleteEvent({ document: this.kind, copies: this.copies, orderIds, recorded }));
  }

  private doneText(recorded: readonly BulkItemResult[]): string {
    const failed = recorded.filter((r) => !r.ok).length;
    const ok = recorded.length - failed;
    return failed === 0
      ? msg(str`Sent to the printer; recorded on ${formatCount(ok)} orders.`, { id: 'print.sent-to-the-printer-recorded-on-x-orders', desc: 'Print dialog: done' })
      : msg(str`Sent to the printer; recorded on ${formatCount(ok)} orders, ${formatCount(failed)} could not be recorded.`, { id: 'print.sent-to-the-printer-recorded-on-x-orders-x-could', desc: 'Print dialog: done with failures' });
  }

  private fail(thrown: unknown): void {
    if (this.controller?.signal.aborted || (thrown instanceof DOMException && thrown.name === 'AbortError') || (isOrderApiError(thrown) && thrown.code === 'aborted')) {
      this.phase = 'cancelled';
      this.announcement = msg('Cancelled. Nothing was printed.', { id: 'print.cancelled-nothing-was-printed', desc: 'Print dialog: after Cancel' });
      return;
    }
    this.failure = isOrderApiError(thrown) ? `${errorKindLabel(thrown.code)}: ${thrown.message}` : String(thrown instanceof Error ? thrown.message : thrown);
    this.phase = 'failed';
  }

  /** Orders the prepared document covers: every loaded order minus those it left out. */
  private coveredIds(): string[] {
    const skipped = new Set((this.prepared?.document.skipped ?? []).map((s) => s.orderId));
    return this.orders.filter((o) => !skipped.has(o.id)).map((o) => o.id);
  }

  /** Covered orders that already have the current document printed. */
  private alreadyPrinted(): string[] {
    const covered = new Set(this.coveredIds());
    return this.orders.filter((o) => covered.has(o.id) && (o.prints ?? []).some((p) => p.document === this.kind)).map((o) => o.id);
  }

  private previewKey(): string {
    return `${this.kind}|${this.orders.length}|${this.prepared?.pages ?? 0}|${this.previewLimit}|${this.locale ? getLocale() : ''}`;
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────

  private readonly onKindChange = (event: Event): void => {
    const kind = (event.target as HTMLSelectElement).value as PrintDocumentKind;
    if (kind === this.kind) return;
    this.kind = kind;
    if (!PAPERS[kind].includes(this.paper)) this.paper = PAPERS[kind][0] as Paper;
    void this.prepare();
  };

  private readonly onPaperChange = (event: Event): void => {
    this.paper = (event.target as HTMLInputElement).value as Paper;
  };

  private readonly onCopiesChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const n = Math.round(Number(input.value));
    this.copies = Number.isFinite(n) ? Math.min(MAX_COPIES, Math.max(1, n)) : 1;
    input.value = String(this.copies);
  };

  private readonly onKeep = (): void => {
    this.phase = 'ready';
  };

  private readonly onDialogCancel = (event: Event): void => {
    // Escape during a reprint question only dismisses the question.
    if (this.phase === 'confirm') {
      event.preventDefault();
      this.phase = 'ready';
    }
  };

  private readonly onDialogClose = (): void => {
    this.controller?.abort();
    this.isOpen = false;
    this.phase = 'idle';
    this.dispatchEvent(new PrintCloseEvent());
  };
}
