/**
 * `<bulk-action-bar>`: the selection's count, the workflow's bulk actions this viewer may run on it,
 * the dialogs that collect their input or confirm them, progress, and a per-order result report.
 * No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Subscription } from 'rxjs';
import type { BulkItemResult, OrderApiErrorData } from '../../api/types.js';
import { localeChanges, resolveText, uiStrings } from '../../i18n/index.js';
import type { Order, Person } from '../../model/types.js';
import type { ActionDef, ActionInput } from '../../model/workflow/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { PrintTarget } from '../print-menu/print-menu.js';
import type { OrderStore, StoreState } from '../../state/types.js';
import { formatCount } from '../shared/format-count.js';
import { styles } from './bulk-action-bar.styles.js';
import {
  applicability,
  appliesToAll,
  bulkFields,
  knownPeople,
  offeredActions,
  permittedBulkActions,
  type Applicability,
  type BulkField,
} from './bulk-actions.js';
import { failureReason } from './failure-reason.js';

/** `bulk-action-request`: about to run a bulk action; `preventDefault()` vetoes it. */
export interface BulkActionRequestDetail {
  /** The workflow action key. */
  readonly action: string;
  /** What the dialog collected (reason, status, person), if anything. */
  readonly input: ActionInput | undefined;
  /** How many orders are selected. */
  readonly count: number;
  /** `ids` for explicitly selected orders, `all` for every order matching the query. */
  readonly mode: 'ids' | 'all';
}

/** `bulk-action`: a bulk action finished; one result per order (partial success is normal). */
export interface BulkActionDetail {
  readonly action: string;
  readonly input: ActionInput | undefined;
  readonly results: readonly BulkItemResult[];
}

export type BulkActionRequestEvent = CustomEvent<BulkActionRequestDetail>;
export type BulkActionEvent = CustomEvent<BulkActionDetail>;

/** The failed orders shown at once in the report; "Show more" adds as many again. */
const FAILURE_PAGE = 100;

type FieldValues = Record<BulkField, string>;

const EMPTY_FIELDS: FieldValues = { reason: '', status: '', csr: '', agent: '' };

/** The report of the last run started from this bar. */
interface Report {
  readonly action: ActionDef;
  readonly input: ActionInput | undefined;
  readonly results?: readonly BulkItemResult[];
  readonly error?: OrderApiErrorData;
}

type Failure = Extract<BulkItemResult, { ok: false }>;

const selectOrders = (s: StoreState): ReadonlyMap<string, Order> => s.orders;
const selectTotal = (s: StoreState): number | undefined => s.list.total;

/**
 * The bar above an order list for acting on the selection. It appears while orders are selected
 * (and while a run it started reports), shows "N selected" ("all N matching orders" when the whole
 * result is selected) with "Select all N matching", the workflow's bulk actions and "Clear selection".
 *
 * **Which actions:** those with `bulk: true`, not `system`, that the viewer's role permits and whose
 * input the bar can collect (a reason, a target status, a CSR or agent). In mode "all matching" every
 * such action is offered; with explicit ids an action is offered when at least one selected order
 * that is loaded allows it now (when none is loaded, every permitted one is offered). The backend
 * decides per order, and the report names each order that refused.
 *
 * **How many:** before anything runs the bar says to how many of the selected orders an action
 * applies (`countApplicable` over the loaded ones): "12 of 20" on its button, and "Applies to 12 of 20
 * selected orders" in its dialog; an action that applies to only some opens that dialog even when it
 * needs no input. For "all N matching" it says each order is checked when it runs.
 *
 * **Flow:** an action that needs input opens a modal dialog for it; a destructive one asks for
 * confirmation naming the count; then `bulk-action-request` fires (cancelable: a host may veto),
 * `store.runBulkAction` runs with a progress state, and a report dialog lists how many succeeded and
 * each failed order with its number and the reason, with "Select failed" and "Retry failed". Dialogs
 * trap focus, close on Escape and give focus back to the button that opened them. Failed orders stay
 * selected after a run (the store's rule), so they can be retried or inspected.
 *
 * Uses the store from `<order-admin>` / `<order-provider>` context, or the `store` property.
 *
 * @tag bulk-action-bar
 * @summary Bulk actions on the selected orders, with confirmation and a per-order result report.
 *
 * @fires {BulkActionRequestEvent} bulk-action-request - Before a bulk action runs (after its dialog). Cancelable: `preventDefault()` stops it. Detail: `{ action, input, count, mode }`.
 * @fires {BulkActionEvent} bulk-action - After a bulk action finished, with one result per order. Detail: `{ action, input, results }`. Not fired when the request as a whole failed (the report shows why).
 *
 * @fires {PrintRequestEvent} order-print-request - From the Print menu: `{ document, orderIds }` for the selected orders, or
 *   `{ document, query, exceptIds }` for "all matching" (minus the unticked ones). `<order-admin>` opens the print preview.
 *
 * @csspart bar - The strip shown while orders are selected.
 * @csspart print-menu - The Print menu (`<print-menu>`); its parts are re-exported as `print-button`, `print-menu-list`, `print-menu-item`.
 * @csspart count - The "N selected" text.
 * @csspart actions - The group of action buttons.
 * @csspart action-button - One bulk action button; also `destructive` for destructive ones.
 * @csspart applies-count - Inside an action button: "12 of 20" when the action applies to only some selected orders.
 * @csspart applies - The dialog's sentence saying to how many of the selected orders the action applies.
 * @csspart destructive - A destructive action's button or confirm button.
 * @csspart clear-button - "Clear selection".
 * @csspart select-all-button - "Select all N matching" (while only some of the matching orders are selected).
 * @csspart progress - The progress state while an action runs.
 * @csspart dialog - Both dialogs (input/confirmation and report).
 * @csspart input-dialog - The dialog collecting input or confirmation.
 * @csspart report-dialog - The result report dialog.
 * @csspart dialog-title - A dialog's heading.
 * @csspart field - A labelled input of the input dialog.
 * @csspart confirm-button - The dialog's confirm button.
 * @csspart cancel-button - The dialog's cancel button.
 * @csspart report-summary - Counts of succeeded and failed orders.
 * @csspart failure-list - The list of failed orders.
 * @csspart failure - One failed order.
 * @csspart failure-number - A failed order's number.
 * @csspart select-failed-button - "Select failed orders".
 * @csspart retry-failed-button - "Retry failed orders".
 *
 * @cssprop --od-bulk-action-bar-background - Background of the bar (default: the soft accent).
 * @cssprop --od-bulk-action-bar-color - Text colour of the bar.
 * @cssprop --od-bulk-action-bar-border - Border of the bar.
 * @cssprop --od-bulk-action-bar-dialog-width - Width of the dialogs (default `32rem`).
 */
export class BulkActionBar extends LitElement {
  static override styles = styles;

  private readonly locale = localeChanges(this);
  private readonly selection = new StoreController(this, (s) => s.selection$);
  private readonly count = new StoreController(this, (s) => s.selectionCount$);
  private readonly bulk = new StoreController(this, (s) => s.bulkResult$);
  private readonly orders = new StoreController(this, (s) => s.select(selectOrders));
  private readonly total = new StoreController(this, (s) => s.select(selectTotal));

  @query('dialog.input') private inputDialog!: HTMLDialogElement | null;
  @query('dialog.report') private reportDialog!: HTMLDialogElement | null;

  /** The action whose input/confirmation dialog is open. */
  @state() private pending: ActionDef | undefined;
  @state() private values: FieldValues = EMPTY_FIELDS;
  @state() private invalid: BulkField | undefined;
  @state() private report: Report | undefined;
  @state() private failuresShown = FAILURE_PAGE;
  /** Whether the report dialog is showing (the bar offers "View last result" while it is not). */
  @state() private reportOpen = false;
  /** The action this bar is running, until its promise settles. */
  @state() private runningAction: ActionDef | undefined;

  /** The control that opened a dialog, focused again when it closes. */
  private invoker: HTMLElement | undefined;
  /** Order numbers of failed orders not in the cache, loaded while the report shows them. */
  private readonly numberLoads = new Map<string, Subscription>();
  private readonly loadedNumbers = new Map<string, string>();

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store: OrderStore | undefined;

  /**
   * CSRs offered by "assign CSR". Default: the CSRs found on the loaded orders.
   */
  @property({ attribute: false }) csrs: readonly Person[] | undefined;

  /**
   * Delivery agents offered by "assign agent". Default: the agents found on the loaded orders.
   */
  @property({ attribute: false }) agents: readonly Person[] | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseNumbers();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('report') && !this.report) this.releaseNumbers();
  }

  protected override render(): unknown {
    void this.locale;
    const store = this.count.store;
    if (!store) return nothing;
    const count = this.count.value ?? 0;
    const running = this.runningAction ?? this.runningFromStore(store);
    const visible = count > 0 || running !== undefined || this.report !== undefined;
    return html`
      ${visible ? this.renderBar(store, count, running) : nothing}
      ${this.renderInputDialog(store, count)} ${this.renderReportDialog(store)}
    `;
  }

  // ── Bar ──────────────────────────────────────────────────────────────────────────────────────

  private renderBar(store: OrderStore, count: number, running: ActionDef | undefined): TemplateResult {
    const selection = this.selection.value;
    const mode = selection?.mode ?? 'ids';
    const total = this.total.value;
    const actions = selection
      ? offeredActions(permittedBulkActions(store.workflow, store.viewer), store.workflow, store.viewer, selection, this.orders.value ?? new Map())
      : [];
    const countText = mode === 'all' ? this.allMatching(count) : msg(str`${this.num(count)} selected`, { id: 'bulk-action-bar.selected', desc: 'Bulk bar: how many orders are selected' });
    return html`
      <div part="bar" class="bar" role="region" aria-label=${msg('Bulk actions')}>
        <span part="count" class="count" role="status">${count > 0 ? countText : nothing}</span>
        ${mode === 'ids' && count > 0 && total !== undefined && count < total && running === undefined
          ? html`<button type="button" part="select-all-button" class="link" @click=${this.onSelectAll}>
              ${msg(str`Select all ${this.num(total)} matching`, { id: 'bulk-action-bar.select-all', desc: 'Button: select every order matching the query' })}
            </button>`
          : nothing}
        ${running
          ? html`<span part="progress" class="progress">
              <progress aria-label=${msg(str`Running “${resolveText(running.label)}”`)}></progress>
              <span>${msg(str`Running “${resolveText(running.label)}” on ${this.num(count)} orders…`)}</span>
            </span>`
          : nothing}
        ${count > 0
          ? html`<div part="actions" class="actions" role="group" aria-label=${msg('Actions for the selected orders')}>
              ${actions.length === 0
                ? html`<span class="muted">${msg('No bulk action applies to the selected orders')}</span>`
                : actions.map((a) => {
                    const reach = this.reach(store, a, count);
                    return html`<button
                      type="button"
                      part=${a.destructive ? 'action-button destructive' : 'action-button'}
                      class=${a.destructive ? 'action destructive' : 'action'}
                      data-action=${a.key}
                      ?disabled=${running !== undefined}
                      @click=${(e: Event) => this.onAction(e, a)}
                    >
                      ${resolveText(a.label)}${reach.kind === 'counted' && reach.applies < reach.selected
                        ? html` <span part="applies-count" class="applies">${msg(str`${this.num(reach.applies)} of ${this.num(reach.selected)}`, {
                            id: 'bulk-action-bar.applies-short',
                            desc: 'Inside a bulk action button: to how many of the selected orders the action applies',
                          })}</span>`
                        : nothing}
                    </button>`;
                  })}
            </div>`
          : nothing}
        ${this.report && !this.reportOpen
          ? html`<button type="button" class="link" @click=${this.reopenReport}>${msg('View last result')}</button>`
          : nothing}
        ${count > 0
          ? html`<print-menu part="print-menu" exportparts="button: print-button, menu: print-menu-list, menu-item: print-menu-item" ?disabled=${running !== undefined} .target=${this.printTarget}></print-menu>`
          : nothing}
        <span class="spacer"></span>
        ${count > 0
          ? html`<button type="button" part="clear-button" class="clear" ?disabled=${running !== undefined} @click=${this.onClear}>
              ${msg('Clear selection')}
            </button>`
          : this.report
            ? html`<button type="button" class="clear" @click=${this.dismissReport}>${msg('Done')}</button>`
            : nothing}
      </div>
    `;
  }

  /** What the Print menu prints: the selected ids, or the query (minus the unticked) for "all matching". */
  private readonly printTarget = (): PrintTarget => {
    const store = this.count.store;
    const selection = this.selection.value;
    if (!store || !selection) return { orderIds: [] };
    if (selection.mode === 'ids') return { orderIds: [...selection.ids] };
    return { query: store.snapshot.query, ...(selection.except.size > 0 && { exceptIds: [...selection.except] }) };
  };

  // ── Input and confirmation dialog ────────────────────────────────────────────────────────────

  private renderInputDialog(store: OrderStore, count: number): TemplateResult {
    const action = this.pending;
    const fields = action ? (bulkFields(action) ?? []) : [];
    const label = action ? resolveText(action.label) : '';
    return html`
      <dialog part="dialog input-dialog" class="input" aria-labelledby="input-title" @close=${this.onInputClosed}>
        ${action
          ? html`<form @submit=${this.onConfirm} novalidate>
              <h2 id="input-title" part="dialog-title">${label}</h2>
              <p part="applies" class="applies-text">${this.appliesText(this.reach(store, action, count))}</p>
              ${fields.map((f) => this.renderField(store, f))}
              ${action.destructive
                ? html`<p class="warning" id="destructive-note">
                    ${msg('This is a destructive action. Check the selection before you confirm.')}
                  </p>`
                : nothing}
              <div class="buttons">
                <button type="button" part="cancel-button" class="secondary" @click=${this.cancelInput}>${uiStrings.cancel()}</button>
                <button
                  type="submit"
                  part=${action.destructive ? 'confirm-button destructive' : 'confirm-button'}
                  class=${action.destructive ? 'primary destructive' : 'primary'}
                  aria-describedby=${action.destructive ? 'destructive-note' : nothing}
                >
                  ${msg(str`${label} (${this.num(count)})`, { desc: 'Confirm button of a bulk action: the action and how many orders' })}
                </button>
              </div>
            </form>`
          : nothing}
      </dialog>
    `;
  }

  private renderField(store: OrderStore, field: BulkField): TemplateResult {
    const invalid = this.invalid === field;
    const error = invalid ? html`<span class="field-error" id=${`${field}-error`}>${this.fieldError(field)}</span>` : nothing;
    const describedBy = invalid ? `${field}-error` : nothing;
    if (field === 'reason') {
      return html`<label part="field" class="field">
        <span>${msg('Reason')}</span>
        <textarea
          name="reason"
          rows="3"
          required
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${this.values.reason}
          @input=${(e: Event) => this.setValue('reason', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${error}
      </label>`;
    }
    const options: readonly { value: string; label: string }[] =
      field === 'status'
        ? store.workflow.statuses.filter((s) => !s.hidden).map((s) => ({ value: s.key, label: resolveText(s.label) }))
        : this.people(field).map((p) => ({ value: p.id, label: p.name }));
    const title = field === 'status' ? msg('New status') : field === 'csr' ? msg('CSR') : msg('Delivery agent');
    return html`<label part="field" class="field">
      <span>${title}</span>
      <select
        name=${field}
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @change=${(e: Event) => this.setValue(field, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this.values[field] === ''}>${msg('Choose…')}</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${this.values[field] === o.value}>${o.label}</option>`)}
      </select>
      ${options.length === 0 && field !== 'status' ? html`<span class="muted">${msg('Nobody to choose from yet')}</span>` : nothing}
      ${error}
    </label>`;
  }

  // ── Report dialog ────────────────────────────────────────────────────────────────────────────

  private renderReportDialog(store: OrderStore): TemplateResult {
    const report = this.report;
    return html`
      <dialog part="dialog report-dialog" class="report" aria-labelledby="report-title" @close=${this.onReportClosed}>
        ${report ? this.renderReport(store, report) : nothing}
      </dialog>
    `;
  }

  private renderReport(store: OrderStore, report: Report): TemplateResult {
    const label = resolveText(report.action.label);
    const results = report.results;
    const failures = (results ?? []).filter((r): r is Failure => !r.ok);
    const succeeded = (results?.length ?? 0) - failures.length;
    const shown = failures.slice(0, this.failuresShown);
    const more = failures.length - shown.length;
    return html`
      <h2 id="report-title" part="dialog-title" tabindex="-1">${msg(str`${label}: result`)}</h2>
      ${report.error
        ? html`<p class="error" role="alert">${msg('The action could not be run.')} ${failureReason(report.error)}: ${report.error.message}</p>`
        : results && results.length === 0
          ? html`<p part="report-summary">${msg('No orders were changed: none matched.')}</p>`
          : html`<p part="report-summary" class="summary">
              <span class="ok">${msg(str`${this.num(succeeded)} succeeded`)}</span>
              <span class=${failures.length > 0 ? 'failed' : ''}>${msg(str`${this.num(failures.length)} failed`)}</span>
              <span class="muted">${msg(str`of ${this.num(results?.length ?? 0)} orders`)}</span>
            </p>`}
      ${failures.length > 0
        ? html`<h3 id="failures-title">${msg('Orders that failed')}</h3>
            <ul part="failure-list" class="failures" aria-labelledby="failures-title">
              ${shown.map(
                (f) => html`<li part="failure">
                  <span part="failure-number" class="number">${this.numberOf(store, f.orderId)}</span>
                  <span class="reason">${failureReason(f.error)}</span>
                  <span class="message">${f.error.message}</span>
                </li>`,
              )}
            </ul>
            ${more > 0
              ? html`<button type="button" class="link" @click=${() => (this.failuresShown += FAILURE_PAGE)}>
                  ${msg(str`Show ${this.num(Math.min(more, FAILURE_PAGE))} more (${this.num(more)} not shown)`)}
                </button>`
              : nothing}`
        : nothing}
      <div class="buttons">
        ${failures.length > 0
          ? html`<button type="button" part="select-failed-button" class="secondary" @click=${() => this.selectFailed(store, failures)}>
                ${msg(str`Select failed orders (${this.num(failures.length)})`)}
              </button>
              <button type="button" part="retry-failed-button" class="secondary" @click=${() => this.retryFailed(store, report, failures)}>
                ${msg('Retry failed orders')}
              </button>`
          : nothing}
        ${report.error ? html`<button type="button" class="secondary" @click=${() => this.retryAll(store, report)}>${msg('Try again')}</button>` : nothing}
        <button type="button" class="primary" @click=${this.closeReport}>${msg('Close', { desc: 'Button: close a menu or panel' })}</button>
      </div>
    `;
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────

  private onAction(event: Event, action: ActionDef): void {
    this.invoker = event.currentTarget as HTMLElement;
    const fields = bulkFields(action) ?? [];
    // Run at once only when it needs nothing and applies to every selected order; otherwise say first
    // to how many it applies.
    const store = this.count.store;
    if (fields.length === 0 && !action.destructive && store && appliesToAll(this.reach(store, action, this.count.value ?? 0))) {
      void this.run(action, undefined);
      return;
    }
    this.pending = action;
    this.values = EMPTY_FIELDS;
    this.invalid = undefined;
    void this.updateComplete.then(() => {
      const dialog = this.inputDialog;
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  private onConfirm(event: Event): void {
    event.preventDefault();
    const action = this.pending;
    if (!action) return;
    const fields = bulkFields(action) ?? [];
    const missing = fields.find((f) => this.values[f].trim() === '');
    // `assign` with both fields (neither required) needs one of them, not both.
    const assignBoth = action.operation === 'assign' && fields.length > 1;
    const invalid = assignBoth ? (fields.every((f) => this.values[f] === '') ? fields[0] : undefined) : missing;
    if (invalid) {
      this.invalid = invalid;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[name="${invalid}"]`)?.focus());
      return;
    }
    const input = this.inputFor(fields);
    this.pending = undefined;
    this.inputDialog?.close();
    void this.run(action, input);
  }

  private cancelInput(): void {
    this.inputDialog?.close();
  }

  private onInputClosed(): void {
    // The close event comes a task later: the dialog may already be open again for another action.
    if (this.inputDialog?.open) return;
    this.pending = undefined;
    this.invalid = undefined;
    // A run that started from the dialog opens the report, which takes focus itself.
    if (!this.runningAction) this.restoreFocus();
  }

  private onSelectAll(): void {
    this.count.store?.selectAllMatching();
    // The button goes away; stay in the bar.
    void this.updateComplete.then(() => this.focusFallback());
  }

  private onClear(): void {
    const store = this.count.store;
    store?.clearSelection();
    this.report = undefined;
    void this.updateComplete.then(() => this.focusFallback());
  }

  private reopenReport(event: Event): void {
    this.invoker = event.currentTarget as HTMLElement;
    void this.openReport();
  }

  private dismissReport(): void {
    this.report = undefined;
    void this.updateComplete.then(() => this.focusFallback());
  }

  private closeReport(): void {
    this.reportDialog?.close();
  }

  private onReportClosed(): void {
    // "Retry failed" closes the report and starts a new run, whose report takes focus.
    if (this.runningAction || this.reportDialog?.open) return;
    this.reportOpen = false;
    // With nothing selected any more there is nothing to come back to: the report is done.
    if ((this.count.value ?? 0) === 0) this.report = undefined;
    void this.updateComplete.then(() => this.restoreFocus());
  }

  private selectFailed(store: OrderStore, failures: readonly Failure[]): void {
    store.selectIds(failures.map((f) => f.orderId));
    this.report = undefined;
    this.reportDialog?.close();
  }

  private retryFailed(store: OrderStore, report: Report, failures: readonly Failure[]): void {
    store.selectIds(failures.map((f) => f.orderId));
    this.reportDialog?.close();
    void this.run(report.action, report.input);
  }

  private retryAll(store: OrderStore, report: Report): void {
    this.reportDialog?.close();
    // The store's own retry sends the same idempotency key (nothing applies twice).
    const entry = [...store.snapshot.errors].reverse().find((e) => e.kind === 'bulk' && e.action === report.action.key);
    if (entry?.retry) {
      void this.track(report.action, report.input, entry.retry() as Promise<readonly BulkItemResult[]>);
      return;
    }
    void this.run(report.action, report.input);
  }

  // ── Running ──────────────────────────────────────────────────────────────────────────────────

  /** Asks the host (`bulk-action-request`), then runs the action on the selection. */
  private async run(action: ActionDef, input: ActionInput | undefined): Promise<void> {
    const store = this.count.store;
    if (!store || this.runningAction) return;
    const detail: BulkActionRequestDetail = {
      action: action.key,
      input,
      count: this.count.value ?? 0,
      mode: this.selection.value?.mode ?? 'ids',
    };
    const request = new CustomEvent<BulkActionRequestDetail>('bulk-action-request', {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(request)) {
      this.restoreFocus();
      return;
    }
    await this.track(action, input, store.runBulkAction(action.key, input));
  }

  /** Shows progress while `running` settles, then the report. */
  private async track(action: ActionDef, input: ActionInput | undefined, running: Promise<readonly BulkItemResult[]>): Promise<void> {
    this.runningAction = action;
    this.report = undefined;
    let results: readonly BulkItemResult[] | undefined;
    let error: OrderApiErrorData | undefined;
    try {
      results = await running;
    } catch (thrown) {
      error = isErrorData(thrown) ? thrown : { code: 'network', message: thrown instanceof Error ? thrown.message : String(thrown) };
    }
    this.runningAction = undefined;
    this.failuresShown = FAILURE_PAGE;
    this.report = { action, input, ...(results && { results }), ...(error && { error }) };
    // A full success is confirmed by a toast (<order-toasts>) and the selection stays for the next
    // action; the report opens by itself only when something failed ("View last result" shows it).
    if (error || results?.some((r) => !r.ok)) await this.openReport();
    else void this.updateComplete.then(() => this.restoreFocus());
    if (results) {
      this.dispatchEvent(
        new CustomEvent<BulkActionDetail>('bulk-action', { detail: { action: action.key, input, results }, bubbles: true, composed: true }),
      );
    }
  }

  private async openReport(): Promise<void> {
    await this.updateComplete;
    const dialog = this.reportDialog;
    if (!dialog || !this.report) return;
    if (!dialog.open) dialog.showModal();
    this.reportOpen = true;
    this.renderRoot.querySelector<HTMLElement>('#report-title')?.focus();
  }

  // ── Helpers ──────────────────────────────────────────────────────────────────────────────────

  /** The store's running bulk action, when something else (another bar) started it. */
  private runningFromStore(store: OrderStore): ActionDef | undefined {
    const bulk = this.bulk.value;
    return bulk?.running ? store.workflow.actions.find((a) => a.key === bulk.action) : undefined;
  }

  /** To how many of the selected orders the action applies (counted over the loaded ones). */
  private reach(store: OrderStore, action: ActionDef, count: number): Applicability {
    const selection = this.selection.value ?? { mode: 'ids' as const, ids: new Set<string>() };
    return applicability(action, store.workflow, store.viewer, selection, this.orders.value ?? new Map(), count);
  }

  private appliesText(reach: Applicability): string {
    switch (reach.kind) {
      case 'matching':
        return msg(str`Runs on all ${this.num(reach.selected)} orders matching the current filters. Each is checked when it runs; those it does not apply to are left as they are and listed in the report.`, {
          id: 'bulk-action-bar.applies-matching',
        });
      case 'partial':
        return msg(str`Applies to ${this.num(reach.applies)} of the ${this.num(reach.loaded)} selected orders on screen; the other ${this.num(reach.selected - reach.loaded)} are checked when it runs.`, {
          id: 'bulk-action-bar.applies-partial',
        });
      default:
        if (reach.applies === reach.selected) {
          return reach.selected === 1
            ? msg('Applies to 1 selected order.')
            : msg(str`Applies to all ${this.num(reach.selected)} selected orders.`, { id: 'bulk-action-bar.applies-all' });
        }
        return msg(str`Applies to ${this.num(reach.applies)} of ${this.num(reach.selected)} selected orders; the other ${this.num(reach.selected - reach.applies)} are left as they are.`, {
          id: 'bulk-action-bar.applies-some',
        });
    }
  }

  private inputFor(fields: readonly BulkField[]): ActionInput | undefined {
    if (fields.length === 0) return undefined;
    const input: Record<string, unknown> = {};
    for (const field of fields) {
      const value = this.values[field].trim();
      if (value === '') continue;
      if (field === 'csr' || field === 'agent') {
        const person = this.people(field).find((p) => p.id === value);
        if (person) input[field] = { id: person.id, name: person.name };
      } else {
        input[field] = value;
      }
    }
    return input as ActionInput;
  }

  private people(field: 'csr' | 'agent'): readonly Person[] {
    const given = field === 'csr' ? this.csrs : this.agents;
    return given ?? knownPeople(this.orders.value ?? new Map(), field);
  }

  private setValue(field: BulkField, value: string): void {
    this.values = { ...this.values, [field]: value };
    if (this.invalid === field && value.trim() !== '') this.invalid = undefined;
  }

  private fieldError(field: BulkField): string {
    switch (field) {
      case 'reason':
        return msg('Enter a reason.');
      case 'status':
        return msg('Choose a status.');
      default:
        return msg('Choose a person.');
    }
  }

  /** The order's number: cached, or loaded while the report shows it; the id until then. */
  private numberOf(store: OrderStore, id: string): string {
    const cached = store.getCached(id)?.number ?? this.loadedNumbers.get(id);
    if (cached !== undefined) return cached;
    if (!this.numberLoads.has(id)) {
      this.numberLoads.set(
        id,
        store.order$(id).subscribe((order) => {
          if (!order) return;
          this.loadedNumbers.set(id, order.number);
          this.requestUpdate();
        }),
      );
    }
    return id;
  }

  private releaseNumbers(): void {
    for (const subscription of this.numberLoads.values()) subscription.unsubscribe();
    this.numberLoads.clear();
    this.loadedNumbers.clear();
  }

  /** Focus back to the control that opened the dialog, or the nearest control still there. */
  private restoreFocus(): void {
    const invoker = this.invoker;
    if (invoker && invoker.isConnected && !(invoker as HTMLButtonElement).disabled) {
      invoker.focus();
      return;
    }
    const key = invoker?.dataset['action'];
    const same = key ? this.renderRoot.querySelector<HTMLElement>(`button[data-action="${CSS.escape(key)}"]:not([disabled])`) : null;
    if (same) {
      same.focus();
      return;
    }
    this.focusFallback();
  }

  /**
   * Where focus goes when the control that had it went away: the bar's first control, else the bar
   * host itself (focusable only then), so Tab continues right after the bar.
   */
  private focusFallback(): void {
    const first = this.renderRoot.querySelector<HTMLElement>('.bar button:not([disabled])');
    if (first) {
      first.focus();
      return;
    }
    if (!this.hasAttribute('tabindex')) {
      this.setAttribute('tabindex', '-1');
      this.addEventListener('blur', () => this.removeAttribute('tabindex'), { once: true });
    }
    this.focus();
  }

  private allMatching(count: number): string {
    return count === 1
      ? msg('The 1 matching order is selected')
      : msg(str`All ${this.num(count)} matching orders selected`, { id: 'bulk-action-bar.all-selected', desc: 'Bulk bar: every order of the result is selected' });
  }

  private num(n: number): string {
    return formatCount(n);
  }
}

function isErrorData(value: unknown): value is OrderApiErrorData {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
