/**
 * `<order-action-dialog>`: the form one workflow action needs (stock confirmation, payment, refund,
 * cancellation, shipping, assignment, status…), in a native modal `<dialog>`, checked by a dry run of
 * the workflow engine as the person types. No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { FieldProblem } from '../../api/types.js';
import { formatMoney } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { resolveText } from '../../i18n/text.js';
import { refundable } from '../../model/derive.js';
import type { Order, Person, Viewer } from '../../model/types.js';
import { applyAction } from '../../model/workflow/engine.js';
import type { ActionDef, ApplyResult, Refusal, WorkflowDefinition } from '../../model/workflow/types.js';
import { uiStrings } from '../../i18n/messages.js';
import { tokens } from '../shared/tokens.js';
import type { ShipmentCancelEvent, ShipmentForm, ShipmentSubmitEvent } from '../shipment-form/shipment-form.js';
import { buildInput, initialDraft, liveShipments, type Draft, type FieldErrors, type LineDraft } from './draft.js';
import { ActionSubmitEvent, DialogCloseEvent } from './events.js';
import { problemMessages, refusalMessages } from './field-errors.js';
import { renderForm, type FormContext } from './forms.js';
import { renderPreview } from './preview.js';
import { dialogShape, type DialogShape } from './shape.js';
import { styles } from './order-action-dialog.styles.js';

export { dialogShape, type DialogShape } from './shape.js';
export { formField } from './field-errors.js';
export type { ActionSubmitDetail, DialogCloseDetail } from './events.js';
export { ActionSubmitEvent, DialogCloseEvent } from './events.js';

/** How `show()` opens the dialog. */
export interface ShowOptions {
  /** Keep what was typed last time (same action): "Reload and redo", or a refusal from the backend. */
  readonly keep?: boolean;
  /** A refusal to show next to its field when the dialog opens. */
  readonly refusal?: Refusal;
  /** Field problems from a backend's invalid-input error, shown next to their fields. */
  readonly problems?: readonly FieldProblem[];
  /** A message for the whole form (e.g. "the order changed: check and confirm again"). */
  readonly message?: string;
  /** A form state taken earlier with `snapshot()` (same action), to show that form again. */
  readonly draft?: DialogDraft;
  /**
   * For `update-tracking`: the shipment to change, with its tracking number, link and courier filled
   * in (the shipment detail opens the form this way). Ignored when that shipment cannot change.
   */
  readonly shipmentId?: string;
}

/** What the person typed, as returned by `snapshot()`; opaque to hosts. */
export type DialogDraft = Draft;

/**
 * The dialog of one workflow action on one order. Give it the `order`, the `action-key`, the
 * `workflow` and the `viewer` (for the dry run), then call `show()`.
 *
 * The form is chosen by the action's operation and input rules (`dialogShape`): stock confirmation
 * (accept some with per-line switches and quantities, reject all with a reason), payment, expense,
 * refund (everything, an amount, or items), cancellation, approving or declining a buyer's request,
 * receiving a return, shipping (courier, tracking number and link, notify), courier booking,
 * delivery, assignment (from `people`, or any name), status change, rescheduling, a note, or a plain
 * confirmation. Fields in the action's `fixed` input are not asked for; fields in `required` are
 * marked required.
 *
 * While the person types, the workflow engine applies the action to the current order in a dry run,
 * and "After this" shows what would change (status, totals, amount due, payment status). On submit
 * a refusal is shown next to its field (`aria-invalid`, `aria-describedby`); an accepted input fires
 * `action-submit` and closes the dialog. Amounts are typed in major units with the locale's decimal
 * mark and parsed exactly into minor units.
 *
 * Shipping actions (create shipment, mark shipped, book courier) embed `<shipment-form>` (courier,
 * tracking, lines and quantities, schedule, self-delivery with an agent from `people`) when it is
 * registered; its `shipment-submit` becomes this dialog's `action-submit`.
 *
 * The native modal dialog keeps focus inside, closes on Escape and gives focus back to the element
 * focused before it opened.
 *
 * @tag order-action-dialog
 * @summary The input form of one workflow action, in a modal dialog with a live dry-run preview.
 *
 * @fires {ActionSubmitEvent} action-submit - The person confirmed an input the engine accepts;
 *   `detail` is `{ orderId, action, input }`. Cancelable: `preventDefault()` keeps the dialog open.
 * @fires {DialogCloseEvent} dialog-close - The dialog closed; `detail.submitted` says whether by a submit.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart title - The dialog's heading (the action's label).
 * @csspart subtitle - The order reference under the heading.
 * @csspart body - The scrolling area with the fields.
 * @csspart field - One field: label, control, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text input, text area or select.
 * @csspart checkbox - A checkbox.
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error message.
 * @csspart form-error - An error about the whole form.
 * @csspart note - Informative text in the form (the buyer's reason, refundable amount…).
 * @csspart lines - The list of order lines (stock confirmation, refund by items).
 * @csspart line - One order line in that list.
 * @csspart stepper - A quantity stepper; `step-button` its − and + buttons, `quantity` its number input.
 * @csspart preview - The "After this" summary.
 * @csspart footer - The row of buttons.
 * @csspart button - Every footer button; `submit` (and `danger` for destructive actions) the confirming one, `cancel-button` the other.
 *
 * @cssprop --od-order-action-dialog-width - Width of the dialog (default `min(36rem, 100vw - 2rem)`).
 * @cssprop --od-order-action-dialog-backdrop - Backdrop colour behind the modal dialog.
 */
export class OrderActionDialog extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);

  @query('dialog') private dialogEl!: HTMLDialogElement | null;

  @state() private draft: Draft | undefined;
  @state() private errors: FieldErrors = {};
  @state() private formError: string | undefined;
  @state() private isOpen = false;
  /** The action the current draft was made for. */
  private draftFor = '';
  private submitted = false;
  private previewCache: { key: unknown[]; result: ApplyResult | undefined } | undefined;

  /** The order the action applies to. */
  @property({ attribute: false }) order: Order | undefined;

  /** The key of the workflow action (`accept-some`, `mark-paid`, `refund`…). */
  @property({ attribute: 'action-key' }) actionKey = '';

  /** The workflow definition the action belongs to. */
  @property({ attribute: false }) workflow: WorkflowDefinition | undefined;

  /** Who acts: the dry run checks this viewer's permissions, as the backend will. */
  @property({ attribute: false }) viewer: Viewer | undefined;

  /** People to choose from when assigning a CSR or an agent (any name can be typed too). */
  @property({ attribute: false }) people: readonly Person[] = [];

  /** IANA time zone for dates typed in the form (the store's); the browser's when empty. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** True while the dialog is open. */
  get open(): boolean {
    return this.isOpen;
  }

  /** The action definition for `actionKey`, when the workflow has it. */
  get action(): ActionDef | undefined {
    return this.workflow?.actions.find((a) => a.key === this.actionKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('actionKey') && this.actionKey && this.workflow && !this.action) {
      console.warn(`orderdeck: <order-action-dialog> the workflow has no action "${this.actionKey}".`);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialogEl?.open) this.dialogEl.close();
  }

  /**
   * Opens the dialog for `actionKey` on `order` (resolves once it shows). Does nothing, with a warning,
   * when the action is unknown or needs no input.
   */
  async show(options: ShowOptions = {}): Promise<void> {
    const action = this.action;
    const shape = action ? dialogShape(action) : undefined;
    if (!action || !shape || !this.order || !this.workflow) {
      console.warn(`orderdeck: <order-action-dialog> cannot open "${this.actionKey}" (unknown action, no input, or no order).`);
      return;
    }
    if (options.draft && options.keep) {
      this.draft = options.draft;
      this.draftFor = action.key;
    } else if (!options.keep || !this.draft || this.draftFor !== action.key) {
      this.draft = initialDraft(shape, action, this.order, this.workflow);
      this.draftFor = action.key;
      if (shape === 'tracking' && options.shipmentId) this.draft = withShipment(this.draft, this.order, this.workflow, options.shipmentId);
    }
    const shown = options.refusal
      ? refusalMessages(options.refusal, this.amountLimit(shape))
      : options.problems
        ? problemMessages(options.problems)
        : { fields: {}, form: undefined };
    this.errors = shown.fields;
    this.formError = options.message ?? shown.form;
    this.submitted = false;
    this.isOpen = true;
    await this.updateComplete;
    const dialog = this.dialogEl;
    if (!dialog) return;
    const shipment = this.shipmentForm;
    if (shipment) {
      if (!options.keep) shipment.reset();
      await shipment.updateComplete;
    }
    if (!dialog.open) dialog.showModal();
    if (shipment && options.refusal) shipment.showRefusal(options.refusal);
    else this.focusFirst(shape);
  }

  /** What the person has typed (for showing the same form again later), if the dialog has a form. */
  snapshot(): DialogDraft | undefined {
    return this.draft;
  }

  /** Closes the dialog without submitting. */
  close(): void {
    this.finish(false);
  }

  protected override render(): unknown {
    const action = this.action;
    const shape = action ? dialogShape(action) : undefined;
    const order = this.order;
    const workflow = this.workflow;
    // The form stays rendered after closing, so "Reload and redo" finds what was typed.
    const ready = action && shape && order && workflow && this.draft;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby=${ready ? 'subtitle' : nothing}
      @close=${this.onClose}
      @cancel=${this.onCancel}
    >
      ${ready ? this.renderForm(action, shape, order, workflow, this.draft as Draft) : nothing}
    </dialog>`;
  }

  private renderForm(action: ActionDef, shape: DialogShape, order: Order, workflow: WorkflowDefinition, draft: Draft): unknown {
    if (usesShipmentForm(shape)) return this.renderShipmentForm(action, shape, order, workflow);
    const result = this.dryRun(action, shape, order, workflow, draft);
    const preview = result?.ok ? result.order : undefined;
    const ctx: FormContext = {
      shape,
      action,
      order,
      preview,
      workflow,
      viewer: this.viewer,
      people: this.people,
      draft,
      errors: this.errors,
      update: (patch) => this.patchDraft(patch),
      updateLine: (lineId, patch) => this.updateLine(lineId, patch),
    };
    const label = resolveText(action.label, this.locale.locale);
    // "Some out of stock" reads as a choice, not as a button that confirms it.
    const submitLabel = shape === 'stock' || shape === 'stock-some' ? msg('Confirm stock') : label;
    const danger = action.destructive;
    return html`<form novalidate @submit=${this.onSubmit}>
      <div class="head">
        <h2 id="title" part="title">${label}</h2>
        <p id="subtitle" part="subtitle">${this.subtitle(shape, order)}</p>
      </div>
      <div class="body" part="body">
        ${renderForm(ctx)}
        ${this.formError ? html`<p class="form-error" part="form-error" role="alert">${this.formError}</p>` : nothing}
        ${renderPreview(shape, order, preview, workflow)}
      </div>
      <div class="footer" part="footer">
        <button type="button" part="button cancel-button" @click=${() => this.close()}>${uiStrings.cancel()}</button>
        <button type="submit" part=${danger ? 'button submit danger' : 'button submit'} class=${danger ? 'danger' : 'primary'}>
          ${submitLabel}
        </button>
      </div>
    </form>`;
  }

  /** Shipping actions use `<shipment-form>`: courier, tracking, lines, schedule, self-delivery. */
  private renderShipmentForm(action: ActionDef, shape: DialogShape, order: Order, workflow: WorkflowDefinition): unknown {
    const label = resolveText(action.label, this.locale.locale);
    return html`<div class="shipping">
      <div class="head">
        <h2 id="title" part="title">${label}</h2>
        <p id="subtitle" part="subtitle">${this.subtitle(shape, order)}</p>
      </div>
      <div class="body" part="body">
        ${this.formError ? html`<p class="form-error" part="form-error" role="alert">${this.formError}</p>` : nothing}
        <shipment-form
          exportparts="field, label, control: input, hint, error: field-error, form-error, lines, line, button, submit"
          .order=${order}
          .workflow=${workflow}
          action=${action.key}
          .agents=${this.people}
          time-zone=${this.timeZone}
          notify-customer
          @shipment-submit=${this.onShipmentSubmit}
          @shipment-cancel=${this.onShipmentCancel}
        ></shipment-form>
      </div>
    </div>`;
  }

  private get shipmentForm(): ShipmentForm | null {
    return this.renderRoot.querySelector('shipment-form');
  }

  private onShipmentSubmit = (event: ShipmentSubmitEvent): void => {
    event.stopPropagation();
    const order = this.order;
    const action = this.action;
    if (!order || !action) return;
    const submit = new ActionSubmitEvent({ orderId: order.id, action: action.key, input: event.detail.input });
    this.dispatchEvent(submit);
    if (submit.defaultPrevented) return;
    this.finish(true);
  };

  private onShipmentCancel = (event: ShipmentCancelEvent): void => {
    event.stopPropagation();
    this.close();
  };

  private subtitle(shape: DialogShape, order: Order): string {
    const number = order.number;
    const customer = order.customer.name;
    if (shape === 'confirm') {
      return this.action?.operation === 'soft-delete'
        ? msg(str`Order ${number} (${customer}) moves to Deleted. A super-admin can restore it.`)
        : msg(str`Order ${number} (${customer}). Are you sure?`);
    }
    return msg(str`Order ${number} · ${customer}`);
  }

  /** The formatted maximum an amount may reach, for the "more than allowed" message. */
  private amountLimit(shape: DialogShape): string | undefined {
    const order = this.order;
    if (!order) return undefined;
    if (shape === 'payment') return formatMoney(order.totals.outstanding);
    if (shape === 'refund') return formatMoney(refundable(order));
    return undefined;
  }

  /** The engine's answer to the form as it stands (memoised per order, draft and viewer). */
  private dryRun(
    action: ActionDef,
    shape: DialogShape,
    order: Order,
    workflow: WorkflowDefinition,
    draft: Draft,
  ): ApplyResult | undefined {
    const key = [action, order, workflow, draft, this.viewer, this.people];
    const cached = this.previewCache;
    if (cached && cached.key.length === key.length && cached.key.every((k, i) => k === key[i])) return cached.result;
    let result: ApplyResult | undefined;
    const viewer = this.viewer;
    if (viewer) {
      const built = buildInput(draft, { shape, action, order, workflow, viewer, people: this.people });
      if (Object.keys(built.problems).length === 0) {
        let n = 0;
        result = applyAction(workflow, order, action.key, built.input, {
          viewer,
          now: new Date().toISOString(),
          newId: (prefix) => `${prefix}-preview-${++n}`,
        });
      }
    }
    this.previewCache = { key, result };
    return result;
  }

  private patchDraft(patch: Partial<Draft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    this.clearErrors(Object.keys(patch));
  }

  private updateLine(lineId: string, patch: Partial<LineDraft>): void {
    if (!this.draft) return;
    const current = this.draft.lines[lineId] ?? { on: false, qty: 0 };
    this.draft = { ...this.draft, lines: { ...this.draft.lines, [lineId]: { ...current, ...patch } } };
    this.clearErrors(['lines']);
  }

  /** A field's error goes once the person changes it. */
  private clearErrors(fields: readonly string[]): void {
    const names = new Set(fields.flatMap((f) => (f === 'courier' ? ['courier', 'courierName'] : [f])));
    if (fields.includes('csrName')) names.add('csr');
    if (fields.includes('agentName')) names.add('agent');
    if (fields.includes('mode')) names.add('lines').add('amount');
    if (!Object.keys(this.errors).some((k) => names.has(k))) return;
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !names.has(k)));
  }

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    const action = this.action;
    const shape = action ? dialogShape(action) : undefined;
    const { order, workflow, draft, viewer } = this;
    if (!action || !shape || !order || !workflow || !draft) return;
    const built = buildInput(draft, { shape, action, order, workflow, viewer, people: this.people });
    if (Object.keys(built.problems).length > 0) {
      this.showErrors(built.problems, undefined);
      return;
    }
    if (viewer) {
      const result = this.dryRun(action, shape, order, workflow, draft);
      if (result && !result.ok) {
        const shown = refusalMessages(result.refusal, this.amountLimit(shape));
        this.showErrors(shown.fields, shown.form);
        return;
      }
    }
    const submit = new ActionSubmitEvent({ orderId: order.id, action: action.key, input: built.input });
    this.dispatchEvent(submit);
    if (submit.defaultPrevented) return;
    this.finish(true);
  };

  private showErrors(fields: FieldErrors, form: string | undefined): void {
    this.errors = fields;
    this.formError = form;
    void this.updateComplete.then(() => {
      const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .form-error');
      if (invalid?.matches('.form-error')) invalid.setAttribute('tabindex', '-1');
      invalid?.focus();
    });
  }

  private focusFirst(shape: DialogShape): void {
    const root = this.renderRoot;
    const shipment = this.shipmentForm;
    if (shipment && usesShipmentForm(shape)) {
      shipment.focus();
      return;
    }
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    if (shape === 'confirm' || this.action?.destructive && shape !== 'cancel' && shape !== 'refund' && shape !== 'stock-none') {
      root.querySelector<HTMLElement>('[part~="cancel-button"]')?.focus();
      return;
    }
    const first = root.querySelector<HTMLElement>(
      '.body input:not([disabled]):not([type="hidden"]), .body select:not([disabled]), .body textarea:not([disabled])',
    );
    (first ?? root.querySelector<HTMLElement>('[part~="submit"]'))?.focus();
  }

  /**
   * Closes the `<dialog>` (the browser gives focus back to where it was) and reports it at once:
   * the native `close` event is queued, and a page in the background may deliver it late.
   */
  private finish(submitted: boolean): void {
    this.submitted = submitted;
    const dialog = this.dialogEl;
    if (dialog?.open) dialog.close();
    this.closed();
  }

  /** Escape: close it ourselves, so the close is reported at once. */
  private onCancel = (event: Event): void => {
    event.preventDefault();
    this.finish(false);
  };

  /** Closed some other way (e.g. `dialog.close()` on the element): report it once. */
  private onClose = (): void => {
    this.closed();
  };

  private closed(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    const closed = new DialogCloseEvent({ action: this.actionKey, submitted: this.submitted });
    this.dispatchEvent(closed);
  }
}

/** True when `<shipment-form>` is registered and the shape is one of its shipping actions. */
function usesShipmentForm(shape: DialogShape): boolean {
  return (shape === 'shipment' || shape === 'ship' || shape === 'book-courier') && customElements.get('shipment-form') !== undefined;
}

/** A tracking draft for one live shipment: its number, link and courier (free text for "Others"). */
function withShipment(draft: Draft, order: Order, workflow: WorkflowDefinition, shipmentId: string): Draft {
  const shipment = liveShipments(order).find((s) => s.id === shipmentId);
  if (!shipment) return draft;
  const known = workflow.couriers.find((c) => c.code === shipment.courier.code);
  const other = workflow.couriers.some((c) => c.code === 'other');
  const courier = known ? known.code : other ? 'other' : '';
  return {
    ...draft,
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber ?? '',
    trackingUrl: shipment.trackingUrl ?? '',
    courier,
    courierName: courier === 'other' ? shipment.courier.name : '',
  };
}
