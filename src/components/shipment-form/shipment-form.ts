/**
 * `<shipment-form>`: courier, tracking, lines and quantities, scheduled date and self-delivery for one
 * order's shipping action, validated by the workflow's own rules. A pure form: it emits
 * `shipment-submit` and never calls the store or the adapter. No side effects: registration lives in
 * `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { BehaviorSubject, of, switchMap } from 'rxjs';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { resolveText } from '../../i18n/text.js';
import type { Courier, Order, Person, Viewer } from '../../model/types.js';
import { applyAction } from '../../model/workflow/engine.js';
import type { ActionDef, Refusal, WorkflowDefinition } from '../../model/workflow/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './shipment-form.styles.js';
import {
  buildInput,
  checkFields,
  courierRequired,
  fieldOfRefusal,
  fieldsOf,
  refusalMessage,
  SHIPPING_OPERATIONS,
  shippableLines,
  trackingRequired,
  type FieldErrors,
  type FieldKey,
  type FormValues,
  type RuleContext,
  type ShipmentInput,
} from './shipment-rules.js';
import { browserTimeZone, isTimeZone } from '../shared/zoned-date.js';

export type { ShipmentInput } from './shipment-rules.js';

/** Detail of `shipment-submit`: the order, the action key and its checked input. */
export interface ShipmentSubmitDetail {
  readonly orderId: string;
  /** The workflow action the input is for (`create-shipment`, `mark-shipped`, `book-courier`…). */
  readonly action: string;
  /**
   * The action input, ready for `store.runAction(orderId, action, input)`. Holds only the fields the
   * action's operation takes: `courier` (`{ code, name }`; `other` with the typed name; `self` with the
   * agent's name), `trackingNumber`, `trackingUrl` (http/https only), `lines` (`[{ lineId, quantity }]`,
   * quantities > 0), `scheduledAt` (UTC ISO), `selfDeliveryAgent`, `notifyCustomer`.
   */
  readonly input: ShipmentInput;
}

/** Detail of `shipment-cancel`. */
export interface ShipmentCancelDetail {
  readonly orderId: string | undefined;
  readonly action: string | undefined;
}

/** The user submitted a valid shipment. Not cancelable: the form has already checked it. */
export class ShipmentSubmitEvent extends CustomEvent<ShipmentSubmitDetail> {
  constructor(detail: ShipmentSubmitDetail) {
    super('shipment-submit', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

/** The user chose Cancel. */
export class ShipmentCancelEvent extends CustomEvent<ShipmentCancelDetail> {
  constructor(detail: ShipmentCancelDetail) {
    super('shipment-cancel', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'shipment-submit': ShipmentSubmitEvent;
    'shipment-cancel': ShipmentCancelEvent;
  }
}

/** The viewer of the dry run: the form checks input, not permissions (the host and backend do). */
const STAND_IN: Viewer = { id: 'shipment-form', name: 'Shipment form', role: 'superadmin', storeIds: [] };

const emptyValues = (notify: boolean, agentId: string): FormValues => ({
  courier: '',
  courierName: '',
  trackingNumber: '',
  trackingUrl: '',
  quantities: new Map(),
  scheduled: '',
  selfDelivery: false,
  agentId,
  notify,
});

/**
 * A form for one order's shipping action: choose a courier (or "Others" with a free-text name, or
 * deliver it yourselves with an agent), enter the tracking number and link, pick the lines and
 * quantities of a partial shipment, schedule it, and notify the customer. Which fields it shows and
 * which are mandatory come from the workflow: the `action`'s operation (`create-shipment` shows
 * everything; `mark-shipped` ships every remaining unit; `book-courier` asks only for an optional
 * courier and date) and its `required` fields (the `online-store` preset requires courier and
 * tracking number).
 *
 * Validation: each field is checked when it loses focus after a change, and all are checked on
 * submit, with localised messages under the fields (`aria-invalid`, `aria-describedby`); focus moves
 * to the first field in error. On submit the input is also run through the workflow engine as a dry
 * run (`applyAction` on a copy, with a stand-in viewer), so whatever the engine would refuse is
 * shown on its field, or above the form when it concerns no field. Only a valid input is emitted.
 *
 * Data: set `order` and `workflow` (a pure form, no store needed); or give it a store (`store`
 * property or `<order-provider>` context) and `order-id`, and it reads the order and the workflow
 * from there. The form never runs the action itself: the host listens to `shipment-submit` and calls
 * `store.runAction(detail.orderId, detail.action, detail.input)`.
 *
 * Keyboard: native controls only; Enter in a text field submits; Tab order follows the layout.
 *
 * @tag shipment-form
 * @summary Courier, tracking, lines and schedule for a shipment, validated by the workflow's rules.
 *
 * @fires {ShipmentSubmitEvent} shipment-submit - The user submitted a valid shipment;
 *   `detail: { orderId, action, input }`. Bubbles, composed, not cancelable.
 * @fires {ShipmentCancelEvent} shipment-cancel - The user chose Cancel; `detail: { orderId, action }`.
 *
 * @slot extra - Extra fields of the host, shown after the built-in ones (read them on `shipment-submit`).
 * @slot actions - Replaces the Cancel and submit buttons; host buttons call `requestSubmit()`.
 *
 * @csspart form - The form element.
 * @csspart form-error - A refusal that concerns no single field, above the fields.
 * @csspart field - One labelled field (label, control, hint, error); `field invalid` when in error.
 * @csspart invalid - Added to a field (and a line) in error.
 * @csspart label - A field's label.
 * @csspart optional - The "(optional)" marker in a label.
 * @csspart control - Every input and select.
 * @csspart hint - Help text under a control.
 * @csspart error - An error message under a control.
 * @csspart switch - The self-delivery toggle row.
 * @csspart lines - The group of lines and quantities.
 * @csspart line - One line with its quantity input; `line invalid` when in error.
 * @csspart line-name - A line's product name, variant and SKU.
 * @csspart notify - The notify-customer row.
 * @csspart actions - The row of buttons.
 * @csspart button - Both default buttons.
 * @csspart submit - The submit button.
 * @csspart cancel - The cancel button.
 *
 * @cssprop --od-shipment-form-gap - Space between fields.
 * @cssprop --od-shipment-form-field-width - Minimum width of a field column (fields flow into columns).
 * @cssprop --od-shipment-form-error-color - Colour of error messages and invalid borders (default the danger token).
 * @cssprop --od-shipment-form-control-height - Height of inputs, selects and buttons.
 */
export class ShipmentForm extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly orderId$ = new BehaviorSubject<string>('');
  private readonly fromStore = new StoreController(this, (store) =>
    this.orderId$.pipe(switchMap((id) => (id ? store.order$(id) : of(undefined)))),
  );

  @state() private values: FormValues = emptyValues(false, '');
  @state() private errors: FieldErrors = {};
  @state() private formError = '';
  /** Fields changed since the last reset: checked on blur. */
  private dirty = new Set<FieldKey>();
  private attempted = false;
  /** Which order and action the values belong to; a change resets them. */
  private valuesFor = '';
  private warned = new Set<string>();

  /** An explicit store (else the one from context), to read `order-id` and the workflow from. */
  @property({ attribute: false }) store?: OrderStore;

  /** The order to ship. Wins over `order-id`. */
  @property({ attribute: false }) order: Order | undefined;

  /** With a store: the id of the order to read from it when `order` is not set. */
  @property({ attribute: 'order-id' }) orderId = '';

  /** The workflow: couriers, and the action whose rules apply. Default: the store's. */
  @property({ attribute: false }) workflow: WorkflowDefinition | undefined;

  /**
   * The action key (`create-shipment`, `mark-shipped`, `book-courier`, `to-ship`, `dispatch`…).
   * Default, or when the key is not in the workflow (with a warning): the first shipping action
   * allowed in the order's status.
   */
  @property() action = '';

  /** Couriers offered instead of the workflow's list (`{ code, name }`; code `other` asks for a name). */
  @property({ attribute: false }) couriers: readonly Courier[] | undefined;

  /** Delivery agents for self-delivery. The order's assigned agent is offered too. */
  @property({ attribute: false }) agents: readonly Person[] = [];

  /** IANA time zone of the scheduled date (the store's). Default: the browser's; a bad value warns. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Text of the submit button. Default: the action's label ("Mark as shipped"). */
  @property({ attribute: 'submit-label' }) submitLabel = '';

  /** Start with "notify the customer" ticked. */
  @property({ type: Boolean, attribute: 'notify-customer' }) notifyCustomer = false;

  /** Hide the Cancel button (a form on a page of its own). */
  @property({ type: Boolean, attribute: 'hide-cancel', reflect: true }) hideCancel = false;

  /** Disable every control and button (e.g. while the host sends the action). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orderId')) this.orderId$.next(this.orderId);
    if (changed.has('timeZone') && this.timeZone && !isTimeZone(this.timeZone)) {
      this.warnOnce(`time-zone:${this.timeZone}`, `orderdeck: <shipment-form> unknown time-zone "${this.timeZone}"; using the browser's.`);
    }
    const order = this.currentOrder;
    const def = this.actionDef;
    if (this.action && this.currentWorkflow && !this.currentWorkflow.actions.some((a) => a.key === this.action)) {
      this.warnOnce(`action:${this.action}`, `orderdeck: <shipment-form> the workflow has no action "${this.action}"; using "${def?.key ?? 'none'}".`);
    }
    const key = `${order?.id ?? ''}|${def?.key ?? ''}`;
    if (key !== this.valuesFor) {
      this.valuesFor = key;
      this.reset();
    }
  }

  /** Clears every field, error and the notify choice back to their defaults. */
  reset(): void {
    const fixedNotify = this.actionDef?.fixed?.['notifyCustomer'] === true;
    this.values = emptyValues(this.notifyCustomer || fixedNotify, this.currentOrder?.assignees.agent?.id ?? '');
    this.errors = {};
    this.formError = '';
    this.dirty = new Set();
    this.attempted = false;
  }

  /**
   * Checks every field and, when valid, fires `shipment-submit`. For host buttons in the `actions`
   * slot. Returns whether the shipment was valid (and the event fired).
   */
  requestSubmit(): boolean {
    return this.submit();
  }

  /**
   * Shows a refusal the backend returned for a submitted shipment on its field (or above the form),
   * as on submit, and moves focus there.
   */
  showRefusal(refusal: Refusal): void {
    const ctx = this.ruleContext();
    const input = buildInput(this.values, ctx);
    this.applyRefusal(refusal, input, ctx);
    void this.focusFirstError();
  }

  /** Focuses the first control. */
  override focus(options?: FocusOptions): void {
    const first = this.renderRoot.querySelector<HTMLElement>('input, select');
    if (first) first.focus(options);
    else super.focus(options);
  }

  protected override render(): unknown {
    void this.locale;
    const order = this.currentOrder;
    const def = this.actionDef;
    if (!order || !this.currentWorkflow) {
      const waiting = !!this.orderId && !!this.fromStore.store;
      return html`<p part="hint" class="empty">${waiting ? uiStrings.loading() : msg('No order to ship.')}</p>`;
    }
    const ctx = this.ruleContext();
    const label = def ? resolveText(def.label, this.locale.locale) : msg('Create shipment');
    const self = ctx.fields.selfDelivery && this.agentsAvailable && this.values.selfDelivery;
    return html`
      <form part="form" novalidate aria-label=${label} @submit=${this.onSubmit}>
        ${this.formError ? html`<p part="form-error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
        <div class="grid">
          ${ctx.fields.selfDelivery && this.agentsAvailable ? this.renderSelfToggle() : nothing}
          ${self ? this.renderAgent(ctx) : this.renderCourier(ctx, def)}
          ${ctx.fields.tracking ? this.renderTracking(def) : nothing}
          ${ctx.fields.schedule ? this.renderSchedule(ctx) : nothing}
        </div>
        ${ctx.fields.lines ? this.renderLines(ctx) : nothing}
        ${ctx.fields.notify ? this.renderNotify(order, def) : nothing}
        <slot name="extra"></slot>
        <div part="actions">
          <slot name="actions">
            ${this.hideCancel
              ? nothing
              : html`<button type="button" part="button cancel" ?disabled=${this.disabled} @click=${this.onCancel}>
                  ${uiStrings.cancel()}
                </button>`}
            <button type="submit" part="button submit" ?disabled=${this.disabled}>${this.submitLabel || label}</button>
          </slot>
        </div>
      </form>
    `;
  }

  // ── pieces ────────────────────────────────────────────────────────────────────────────────────────

  private renderSelfToggle(): TemplateResult {
    return html`
      <div part="field switch" class="wide">
        <label class="check">
          <input
            part="control"
            type="checkbox"
            role="switch"
            aria-describedby="self-hint"
            .checked=${live(this.values.selfDelivery)}
            ?disabled=${this.disabled}
            @change=${(e: Event) => this.setSelf((e.target as HTMLInputElement).checked)}
          />
          <span>${msg('Deliver it ourselves')}</span>
        </label>
        <p id="self-hint" part="hint">${msg('One of your delivery agents takes it instead of a courier.')}</p>
      </div>
    `;
  }

  private renderAgent(ctx: RuleContext): TemplateResult {
    return this.field('agent', msg('Delivery agent'), false, undefined, (describedBy, invalid) => html`
      <select
        id="agent"
        part="control"
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-required="true"
        ?disabled=${this.disabled}
        @change=${(e: Event) => this.change('agent', { agentId: (e.target as HTMLSelectElement).value })}
        @blur=${() => this.blurred('agent')}
      >
        <option value="" ?selected=${!this.values.agentId}>${msg('Choose an agent')}</option>
        ${ctx.agents.map((a) => html`<option value=${a.id} ?selected=${a.id === this.values.agentId}>${a.name}</option>`)}
      </select>
    `);
  }

  private renderCourier(ctx: RuleContext, def: ActionDef | undefined): TemplateResult {
    const required = courierRequired(def);
    const other = this.values.courier === 'other';
    const placeholder = ctx.fields.anyCourier ? msg('Any available courier') : msg('Choose a courier');
    const hint = ctx.fields.anyCourier ? msg('Leave it to the courier service to find one, or pick a courier.') : undefined;
    return html`
      ${this.field('courier', msg('Courier'), !required, hint, (describedBy, invalid) => html`
        <select
          id="courier"
          part="control"
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-required=${required ? 'true' : 'false'}
          ?disabled=${this.disabled}
          @change=${(e: Event) => this.change('courier', { courier: (e.target as HTMLSelectElement).value })}
          @blur=${() => this.blurred('courier')}
        >
          <option value="" ?selected=${!this.values.courier}>${placeholder}</option>
          ${ctx.couriers.map(
            (c) => html`<option value=${c.code} ?selected=${c.code === this.values.courier}>${c.code === 'other' ? msg('Others') : c.name}</option>`,
          )}
        </select>
      `)}
      ${other
        ? this.field('courierName', msg('Courier name'), false, undefined, (describedBy, invalid) => html`
            <input
              id="courierName"
              part="control"
              type="text"
              autocomplete="off"
              maxlength="100"
              aria-describedby=${ifDefined(describedBy)}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-required="true"
              .value=${live(this.values.courierName)}
              ?disabled=${this.disabled}
              @input=${(e: Event) => this.change('courierName', { courierName: (e.target as HTMLInputElement).value })}
              @blur=${() => this.blurred('courierName')}
            />
          `)
        : nothing}
    `;
  }

  private renderTracking(def: ActionDef | undefined): TemplateResult {
    const required = trackingRequired(def);
    return html`
      ${this.field('trackingNumber', msg('Tracking number'), !required, undefined, (describedBy, invalid) => html`
        <input
          id="trackingNumber"
          part="control"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="100"
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-required=${required ? 'true' : 'false'}
          .value=${live(this.values.trackingNumber)}
          ?disabled=${this.disabled}
          @input=${(e: Event) => this.change('trackingNumber', { trackingNumber: (e.target as HTMLInputElement).value })}
          @blur=${() => this.blurred('trackingNumber')}
        />
      `)}
      ${this.field('trackingUrl', msg('Tracking link'), true, msg('A web address starting with https://'), (describedBy, invalid) => html`
        <input
          id="trackingUrl"
          part="control"
          type="url"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          maxlength="2000"
          placeholder="https://"
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${live(this.values.trackingUrl)}
          ?disabled=${this.disabled}
          @input=${(e: Event) => this.change('trackingUrl', { trackingUrl: (e.target as HTMLInputElement).value })}
          @blur=${() => this.blurred('trackingUrl')}
        />
      `)}
    `;
  }

  private renderSchedule(ctx: RuleContext): TemplateResult {
    const hint = msg(str`Time zone: ${ctx.timeZone}`);
    return this.field('scheduledAt', msg('Scheduled for'), true, hint, (describedBy, invalid) => html`
      <input
        id="scheduledAt"
        part="control"
        type="datetime-local"
        aria-describedby=${ifDefined(describedBy)}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(this.values.scheduled)}
        ?disabled=${this.disabled}
        @input=${(e: Event) => this.change('scheduledAt', { scheduled: (e.target as HTMLInputElement).value })}
        @change=${(e: Event) => this.change('scheduledAt', { scheduled: (e.target as HTMLInputElement).value })}
        @blur=${() => this.blurred('scheduledAt')}
      />
    `);
  }

  private renderLines(ctx: RuleContext): TemplateResult {
    const groupError = this.errors.lines;
    return html`
      <fieldset part="lines" aria-describedby=${ifDefined(groupError ? 'lines-error' : undefined)}>
        <legend part="label">${msg('Items in this shipment')}</legend>
        ${ctx.lines.length === 0 && !groupError
          ? html`<p part="hint">${msg('Every item of this order is already in a shipment.')}</p>`
          : nothing}
        ${ctx.lines.map((l, i) => {
          const key: FieldKey = `line:${l.line.id}`;
          const error = this.errors[key];
          const invalid = !!error || !!groupError;
          const describedBy = [`line-${i}-of`, error ? `line-${i}-error` : '', groupError ? 'lines-error' : ''].filter(Boolean).join(' ');
          const details = [l.line.variant, msg(str`SKU ${l.line.sku}`)].filter(Boolean).join(' · ');
          return html`
            <div part=${invalid ? 'line invalid' : 'line'}>
              <label for="line-${i}" part="line-name">
                <span class="name">${l.line.name}</span>
                <span class="meta">${details}</span>
              </label>
              <span class="qty">
                <input
                  id="line-${i}"
                  part="control"
                  type="number"
                  inputmode="numeric"
                  min="0"
                  max=${l.remaining}
                  step="1"
                  aria-describedby=${describedBy}
                  aria-invalid=${invalid ? 'true' : 'false'}
                  .value=${live(this.values.quantities.get(l.line.id) ?? String(l.remaining))}
                  ?disabled=${this.disabled}
                  @input=${(e: Event) => this.setQuantity(l.line.id, (e.target as HTMLInputElement).value)}
                  @blur=${() => this.blurred(key)}
                />
                <span id="line-${i}-of" class="of">${msg(str`of ${l.remaining}`)}</span>
              </span>
              ${error ? html`<p id="line-${i}-error" part="error">${error}</p>` : nothing}
            </div>
          `;
        })}
        ${groupError ? html`<p id="lines-error" part="error" tabindex="-1">${groupError}</p>` : nothing}
      </fieldset>
    `;
  }

  private renderNotify(order: Order, def: ActionDef | undefined): TemplateResult {
    const fixed = def?.fixed?.['notifyCustomer'] === true;
    const recipient = order.customer.phone ?? order.customer.email;
    const to = recipient
      ? msg(str`Sends the courier and tracking link to ${recipient}.`)
      : msg('The order has no phone number or e-mail address to send it to.');
    const hint = fixed ? `${to} ${msg('This workflow always notifies the customer.')}` : to;
    return html`
      <div part="field notify">
        <label class="check">
          <input
            part="control"
            type="checkbox"
            aria-describedby="notify-hint"
            .checked=${live(fixed || this.values.notify)}
            ?disabled=${this.disabled || fixed}
            @change=${(e: Event) => (this.values = { ...this.values, notify: (e.target as HTMLInputElement).checked })}
          />
          <span>${msg('Notify the customer')}</span>
        </label>
        <p id="notify-hint" part="hint">${hint}</p>
      </div>
    `;
  }

  /** One labelled field: label (with "(optional)"), the control, its hint and its error. */
  private field(
    key: FieldKey,
    label: string,
    optional: boolean,
    hint: string | undefined,
    control: (describedBy: string | undefined, invalid: boolean) => TemplateResult,
  ): TemplateResult {
    const error = this.errors[key];
    const describedBy = [hint ? `${key}-hint` : '', error ? `${key}-error` : ''].filter(Boolean).join(' ') || undefined;
    return html`
      <div part=${error ? 'field invalid' : 'field'}>
        <label for=${key} part="label">
          ${label}${optional ? html` <span part="optional">${msg('(optional)', { desc: 'Suffix of an optional form field label' })}</span>` : nothing}
        </label>
        ${control(describedBy, !!error)}
        ${hint ? html`<p id="${key}-hint" part="hint">${hint}</p>` : nothing}
        ${error ? html`<p id="${key}-error" part="error">${error}</p>` : nothing}
      </div>
    `;
  }

  // ── state ─────────────────────────────────────────────────────────────────────────────────────────

  private get currentOrder(): Order | undefined {
    return this.order ?? this.fromStore.value;
  }

  private get currentWorkflow(): WorkflowDefinition | undefined {
    return this.workflow ?? this.fromStore.store?.workflow;
  }

  /** The action in effect: the named one, else the first shipping action allowed in the order's status. */
  private get actionDef(): ActionDef | undefined {
    const workflow = this.currentWorkflow;
    if (!workflow) return undefined;
    const named = this.action ? workflow.actions.find((a) => a.key === this.action) : undefined;
    if (named) return named;
    const status = this.currentOrder?.status;
    const shipping = SHIPPING_OPERATIONS.flatMap((op) => workflow.actions.filter((a) => a.operation === op && !a.system));
    return shipping.find((a) => status !== undefined && (a.from === '*' || a.from.includes(status))) ?? shipping[0];
  }

  private get agentList(): Person[] {
    const list = [...this.agents];
    const assigned = this.currentOrder?.assignees.agent;
    if (assigned && !list.some((a) => a.id === assigned.id)) list.unshift(assigned);
    return list;
  }

  private get agentsAvailable(): boolean {
    return this.agentList.length > 0;
  }

  private ruleContext(): RuleContext {
    const def = this.actionDef;
    const fields = fieldsOf(def?.operation);
    const selfToggle = fields.selfDelivery && this.agentsAvailable;
    const list = this.couriers ?? this.currentWorkflow?.couriers ?? [];
    return {
      action: def,
      fields: { ...fields, selfDelivery: selfToggle },
      // With the toggle, "self" is the toggle; without it, the workflow's "own delivery agent" stays a courier.
      couriers: selfToggle ? list.filter((c) => c.code !== 'self') : list,
      agents: this.agentList,
      lines: shippableLines(this.currentOrder),
      timeZone: this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : browserTimeZone(),
    };
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }

  // ── handlers ──────────────────────────────────────────────────────────────────────────────────────

  private change(key: FieldKey, patch: Partial<FormValues>): void {
    this.values = { ...this.values, ...patch };
    this.dirty.add(key);
    // An error already shown follows the typing, so it clears as soon as the field is right.
    if (this.errors[key] !== undefined) this.recheck(key);
  }

  private setQuantity(lineId: string, text: string): void {
    const quantities = new Map(this.values.quantities);
    quantities.set(lineId, text);
    const key: FieldKey = `line:${lineId}`;
    this.change(key, { quantities });
    if (this.errors.lines !== undefined) this.recheck('lines');
  }

  private setSelf(on: boolean): void {
    this.values = { ...this.values, selfDelivery: on };
    const { agent: _agent, courier: _courier, courierName: _name, ...rest } = this.errors;
    this.errors = rest;
  }

  private blurred(key: FieldKey): void {
    if (!this.attempted && !this.dirty.has(key)) return;
    this.recheck(key);
  }

  /** Re-checks one field, keeping the other fields' errors. */
  private recheck(key: FieldKey): void {
    const found = checkFields(this.values, this.ruleContext(), key);
    const next: FieldErrors = { ...this.errors };
    delete next[key];
    if (found[key] !== undefined) next[key] = found[key];
    this.errors = next;
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    this.submit();
  }

  private onCancel(): void {
    const cancel = new ShipmentCancelEvent({ orderId: this.currentOrder?.id, action: this.actionDef?.key });
    this.dispatchEvent(cancel);
  }

  /** Checks the fields, then the engine's dry run; fires `shipment-submit` when both pass. */
  private submit(): boolean {
    if (this.disabled) return false;
    const order = this.currentOrder;
    const workflow = this.currentWorkflow;
    const def = this.actionDef;
    if (!order || !workflow || !def) return false;
    this.attempted = true;
    this.formError = '';
    const ctx = this.ruleContext();
    const errors = checkFields(this.values, ctx);
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      void this.focusFirstError();
      return false;
    }
    const input = buildInput(this.values, ctx);
    let counter = 0;
    const dry = applyAction(workflow, order, def.key, input, {
      viewer: STAND_IN,
      now: new Date().toISOString(),
      newId: (prefix) => `${prefix}_dry${++counter}`,
      system: false,
    });
    if (!dry.ok) {
      this.applyRefusal(dry.refusal, input, ctx);
      void this.focusFirstError();
      return false;
    }
    const submitted = new ShipmentSubmitEvent({ orderId: order.id, action: def.key, input });
    this.dispatchEvent(submitted);
    return true;
  }

  private applyRefusal(refusal: Refusal, input: ShipmentInput, ctx: RuleContext): void {
    const self = ctx.fields.selfDelivery && this.values.selfDelivery;
    const key = fieldOfRefusal(refusal, input, self);
    const message = refusalMessage(refusal, key, ctx.lines);
    // A field the form does not show now cannot carry the message: it goes above the form.
    if (key && this.shows(key, ctx)) this.errors = { ...this.errors, [key]: message };
    else this.formError = message;
  }

  /** Is this field on screen now (for this action, courier choice and self-delivery)? */
  private shows(key: FieldKey, ctx: RuleContext): boolean {
    const self = ctx.fields.selfDelivery && this.values.selfDelivery;
    if (key.startsWith('line:')) return ctx.fields.lines && ctx.lines.some((l) => `line:${l.line.id}` === key);
    switch (key) {
      case 'agent':
        return self;
      case 'courier':
        return !self;
      case 'courierName':
        return !self && this.values.courier === 'other';
      case 'trackingNumber':
      case 'trackingUrl':
        return ctx.fields.tracking;
      case 'scheduledAt':
        return ctx.fields.schedule;
      default:
        return ctx.fields.lines;
    }
  }

  /** Focuses the first control in error, in the order the fields are shown. */
  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    if (this.formError) {
      root.querySelector<HTMLElement>('[part~="form-error"]')?.focus();
      return;
    }
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    // A group error with no input to point at ("every item is already in a shipment").
    root.querySelector<HTMLElement>('#lines-error')?.focus();
  }
}
