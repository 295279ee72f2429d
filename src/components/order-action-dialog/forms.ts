/**
 * One form per input shape (DialogShape): the fields an action asks for, driven by its operation,
 * `required` and `fixed`. Pure templates over a FieldContext; the dialog owns the state.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatMoney } from '../../i18n/format.js';
import { resolveText } from '../../i18n/text.js';
import { accepted, lineTotal, refundable } from '../../model/derive.js';
import type { LineItem, Order, Person, Viewer } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { courierLabel, paymentMethodLabel } from '../shared/order-labels.js';
import { assignFields, isFixed, liveShipments, OTHER_PERSON, type Draft } from './draft.js';
import { checkField, describedBy, fieldError, radioGroup, selectField, textField, type FieldContext } from './fields.js';
import type { DialogShape } from './shape.js';

export interface FormContext extends FieldContext {
  readonly shape: DialogShape;
  readonly order: Order;
  /** The order as it would be after the action (the dry run), when the input is acceptable. */
  readonly preview: Order | undefined;
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer | undefined;
  readonly people: readonly Person[];
}

const isRequired = (ctx: FormContext, field: string): boolean => ctx.action.required?.includes(field) ?? false;

/** The form fields of `ctx.shape`. */
export function renderForm(ctx: FormContext): TemplateResult | typeof nothing {
  switch (ctx.shape) {
    case 'stock':
      return html`${radioGroup(ctx, 'mode', msg('Stock'), [
        { value: 'all', label: msg('Everything is in stock') },
        { value: 'some', label: msg('Some items are out of stock') },
        { value: 'none', label: msg('Nothing can be supplied: reject the order') },
      ])}
      ${ctx.draft.mode === 'some' ? stockLines(ctx) : nothing}
      ${ctx.draft.mode === 'none' ? reason(ctx, true) : nothing}`;
    case 'stock-some':
      return html`${stockLines(ctx)}${reason(ctx, false)}`;
    case 'stock-none':
      return reason(ctx, true);
    case 'payment':
      return paymentForm(ctx);
    case 'expense':
      return html`${textField(ctx, 'label', msg('What for'), { required: true })}
      ${moneyField(ctx, msg('Amount'), true)}`;
    case 'refund':
      return refundForm(ctx);
    case 'cancel':
      return html`${reason(ctx, true)} ${checkField(ctx, 'restock', msg('Put the items back in stock'))}
      ${notifyField(ctx)}`;
    case 'approve-cancellation':
      return html`${requestNote(ctx)} ${checkField(ctx, 'restock', msg('Put the items back in stock'))}`;
    case 'decline':
      return html`${requestNote(ctx)} ${reason(ctx, false)}`;
    case 'receive-return':
      return html`${requestNote(ctx)} ${checkField(ctx, 'restock', msg('Put the returned items back in stock'))}`;
    case 'shipment':
    case 'ship':
      return shippingForm(ctx);
    case 'tracking':
      return trackingForm(ctx);
    case 'book-courier':
      return html`${courierSelect(ctx, false, msg('Find a courier automatically'))}
      ${textField(ctx, 'scheduledAt', msg('Pick-up time'), { type: 'datetime-local' })}`;
    case 'deliver':
      return notifyField(ctx);
    case 'assign':
      return html`${assignFields(ctx.action).map((field) => personField(ctx, field))}`;
    case 'set-status':
      return html`${selectField(
        ctx,
        'status',
        msg('New status'),
        ctx.workflow.statuses
          .filter((s) => s.key !== ctx.order.status && !s.hidden)
          .map((s) => ({ value: s.key, label: resolveText(s.label) })),
        { required: true, placeholder: msg('Choose a status…') },
      )}
      ${textField(ctx, 'note', msg('Note', { id: 'field.note', desc: 'Form field: a free-text note' }), { multiline: true })}`;
    case 'reschedule':
      return textField(ctx, 'scheduledAt', msg('Delivery date and time'), { type: 'datetime-local', required: true });
    case 'note':
      return textField(ctx, 'text', msg('Note', { id: 'field.note', desc: 'Form field: a free-text note' }), { multiline: true, required: true });
    case 'confirm':
      return nothing;
  }
}

function reason(ctx: FormContext, required: boolean): TemplateResult {
  return textField(ctx, 'reason', msg('Reason'), { multiline: true, required: required || isRequired(ctx, 'reason') });
}

function notifyField(ctx: FormContext): TemplateResult | typeof nothing {
  if (isFixed(ctx.action, 'notifyCustomer')) {
    return ctx.action.fixed?.['notifyCustomer'] === true
      ? html`<p class="note" part="note">${msg('The customer will be notified.')}</p>`
      : nothing;
  }
  const c = ctx.order.customer;
  const to = c.phone ?? c.email;
  return checkField(
    ctx,
    'notify',
    msg('Notify the customer'),
    to ? msg(str`A message goes to ${to}.`) : msg('The order has no phone number or e-mail address.'),
  );
}

/** The buyer's request (cancellation or return) the action decides on. */
function requestNote(ctx: FormContext): TemplateResult | typeof nothing {
  const request = ctx.shape === 'approve-cancellation' || ctx.action.operation === 'decline-cancellation'
    ? ctx.order.cancellation
    : ctx.order.returnRequest;
  if (!request) return nothing;
  return html`<p class="note" part="note">
    <strong>${msg('The buyer’s reason:')}</strong> ${request.reason}
  </p>`;
}

function currencyOf(ctx: FormContext): string {
  return ctx.order.currency;
}

function moneyField(ctx: FormContext, label: string, required: boolean, hint?: string): TemplateResult {
  return textField(ctx, 'amount', label, {
    required,
    inputmode: 'decimal',
    prefix: currencyOf(ctx),
    ...(hint !== undefined && { hint }),
  });
}

function paymentForm(ctx: FormContext): TemplateResult {
  const methods = ctx.workflow.paymentMethods.map((m) => ({ value: m, label: paymentMethodLabel(m) }));
  const outstanding = formatMoney(ctx.order.totals.outstanding);
  return html`${selectField(ctx, 'method', msg('Payment method'), methods, { required: true })}
    ${moneyField(ctx, msg('Amount received'), false, msg(str`Outstanding: ${outstanding}.`))}
    ${textField(ctx, 'reference', msg('Reference'), { hint: msg('A transfer or receipt number, if there is one.') })}`;
}

function refundForm(ctx: FormContext): TemplateResult {
  const max = formatMoney(refundable(ctx.order));
  return html`<p class="note" part="note">${msg(str`Up to ${max} can be refunded.`)}</p>
    ${radioGroup(ctx, 'mode', msg('Refund', { id: 'field.refund-mode', desc: 'Legend: what to refund' }), [
      { value: 'full', label: msg(str`Everything refundable (${max})`) },
      { value: 'amount', label: msg('An amount') },
      // Items can be refunded only while they are accepted (a cancelled order's are not).
      ...(ctx.order.lines.some((l) => accepted(l) - l.quantity.refunded > 0) ? [{ value: 'lines', label: msg('Chosen items') }] : []),
    ])}
    ${ctx.draft.mode === 'amount' ? moneyField(ctx, msg('Amount to refund'), true, msg(str`At most ${max}.`)) : nothing}
    ${ctx.draft.mode === 'lines' ? refundLines(ctx) : nothing}
    ${reason(ctx, true)} ${checkField(ctx, 'restock', msg('Put the refunded items back in stock'))}`;
}

function lineName(line: LineItem): TemplateResult {
  return html`<span class="line-name">${line.name}</span>${line.variant
      ? html` <span class="muted">· ${line.variant}</span>`
      : nothing}`;
}

/** A quantity stepper: − / number / + for one line. */
function stepper(
  ctx: FormContext,
  line: LineItem,
  max: number,
  enabled: boolean,
  label: string,
): TemplateResult {
  const d = ctx.draft.lines[line.id] ?? { on: false, qty: 0 };
  const set = (qty: number): void => ctx.updateLine(line.id, { qty: Math.max(0, Math.min(max, qty)) });
  return html`<div class="stepper" part="stepper">
    <button
      type="button"
      part="step-button"
      aria-label=${msg(str`One fewer: ${line.name}`)}
      ?disabled=${!enabled || d.qty <= 0}
      @click=${() => set(d.qty - 1)}
    >
      −
    </button>
    <input
      type="number"
      inputmode="numeric"
      part="quantity"
      min="0"
      max=${max}
      aria-label=${label}
      ?disabled=${!enabled}
      .value=${live(String(d.qty))}
      @change=${(event: Event) => {
        const value = Number.parseInt((event.target as HTMLInputElement).value, 10);
        set(Number.isNaN(value) ? 0 : value);
      }}
    />
    <button
      type="button"
      part="step-button"
      aria-label=${msg(str`One more: ${line.name}`)}
      ?disabled=${!enabled || d.qty >= max}
      @click=${() => set(d.qty + 1)}
    >
      +
    </button>
  </div>`;
}

function stockLines(ctx: FormContext): TemplateResult {
  const error = ctx.errors['lines'] !== undefined;
  return html`<fieldset class="lines" part="lines" aria-describedby=${ifDefined(describedBy('lines', true, error))}>
    <legend part="legend">${msg('Items in stock')}</legend>
    <p class="hint" id="hint-lines">${msg('Switch off what is out of stock, or lower the quantity you can supply.')}</p>
    ${ctx.order.lines.map((line) => {
      const d = ctx.draft.lines[line.id] ?? { on: false, qty: 0 };
      const ordered = line.quantity.ordered;
      const after = ctx.preview?.lines.find((l) => l.id === line.id);
      return html`<div class="line ${d.on ? '' : 'off'}" part="line">
        <input
          type="checkbox"
          id=${`on-${line.id}`}
          .checked=${live(d.on)}
          @change=${(event: Event) => {
            const on = (event.target as HTMLInputElement).checked;
            ctx.updateLine(line.id, on ? { on, qty: d.qty === 0 ? ordered : d.qty } : { on });
          }}
        />
        <label for=${`on-${line.id}`}>${lineName(line)} <span class="muted sku">${line.sku}</span></label>
        ${stepper(ctx, line, ordered, d.on, msg(str`In stock, of ${ordered} ordered: ${line.name}`))}
        <span class="of muted" aria-hidden="true">${msg(str`of ${ordered}`)}</span>
        <span class="amount" part="line-total">${after ? formatMoney(lineTotal(after)) : '—'}</span>
      </div>`;
    })}
    ${fieldError('lines', ctx.errors)}
  </fieldset>`;
}

function refundLines(ctx: FormContext): TemplateResult {
  const error = ctx.errors['lines'] !== undefined;
  return html`<fieldset class="lines" part="lines" aria-describedby=${ifDefined(error ? 'err-lines' : undefined)}>
    <legend part="legend">${msg('Items to refund')}</legend>
    ${ctx.order.lines.map((line) => {
      const max = Math.max(0, accepted(line) - line.quantity.refunded);
      const d = ctx.draft.lines[line.id] ?? { on: false, qty: 0 };
      return html`<div class="line ${d.on ? '' : 'off'}" part="line">
        <input
          type="checkbox"
          id=${`on-${line.id}`}
          ?disabled=${max === 0}
          .checked=${live(d.on)}
          @change=${(event: Event) => ctx.updateLine(line.id, { on: (event.target as HTMLInputElement).checked })}
        />
        <label for=${`on-${line.id}`}>${lineName(line)} <span class="muted sku">${line.sku}</span></label>
        ${stepper(ctx, line, max, d.on && max > 0, msg(str`Quantity to refund, at most ${max}: ${line.name}`))}
        <span class="of muted" aria-hidden="true">${msg(str`of ${max}`)}</span>
        <span class="amount">${formatMoney(line.unitPrice)}</span>
      </div>`;
    })}
    ${fieldError('lines', ctx.errors)}
  </fieldset>`;
}

function courierSelect(ctx: FormContext, required: boolean, placeholder: string): TemplateResult {
  const options = ctx.workflow.couriers.map((c) => ({ value: c.code, label: courierLabel(c) }));
  return html`${selectField(ctx, 'courier', msg('Courier'), options, { required, placeholder })}
    ${ctx.draft.courier === 'other'
      ? textField(ctx, 'courierName', msg('Courier name'), { required: true })
      : nothing}`;
}

function shippingForm(ctx: FormContext): TemplateResult {
  // mark-shipped needs a courier only for units not yet in a shipment, unless the action requires one.
  const courierRequired =
    isRequired(ctx, 'courier') || (ctx.shape === 'shipment' && !isFixed(ctx.action, 'courier'));
  return html`${courierSelect(ctx, courierRequired, msg('Choose a courier…'))}
    ${textField(ctx, 'trackingNumber', msg('Tracking number'), { required: isRequired(ctx, 'trackingNumber') })}
    ${textField(ctx, 'trackingUrl', msg('Tracking link'), {
      type: 'url',
      inputmode: 'url',
      required: isRequired(ctx, 'trackingUrl'),
      hint: msg('Starts with https://'),
    })}
    ${notifyField(ctx)}`;
}

/** update-tracking: the shipment (when there are several), then number, courier and link. */
function trackingForm(ctx: FormContext): TemplateResult {
  const live = liveShipments(ctx.order);
  const choose = live.length > 1
    ? selectField(
        ctx,
        'shipmentId',
        msg('Shipment', { id: 'field.shipment', desc: 'Form field: which shipment of the order' }),
        live.map((s, i) => ({
          value: s.id,
          label: s.trackingNumber
            ? msg(str`${i + 1}. ${courierLabel(s.courier)} · ${s.trackingNumber}`, { desc: 'Shipment choice: number, courier, tracking' })
            : msg(str`${i + 1}. ${courierLabel(s.courier)} · no tracking number yet`),
        })),
        { required: true, placeholder: msg('Choose the shipment…') },
      )
    : nothing;
  return html`${choose}
    ${textField(ctx, 'trackingNumber', msg('Tracking number'), { required: true })}
    ${courierSelect(ctx, false, msg('Keep the current courier'))}
    ${textField(ctx, 'trackingUrl', msg('Tracking link'), {
      type: 'url',
      inputmode: 'url',
      hint: msg('Starts with https://'),
    })}`;
}

function personField(ctx: FormContext, field: 'csr' | 'agent'): TemplateResult {
  const people = [...ctx.people];
  if (ctx.viewer && !people.some((p) => p.id === ctx.viewer?.id)) people.push(ctx.viewer);
  const current = ctx.order.assignees[field];
  if (current && !people.some((p) => p.id === current.id)) people.push(current);
  const label = field === 'csr' ? msg('Customer service (CSR)') : msg('Delivery agent');
  const nameKey: keyof Draft = field === 'csr' ? 'csrName' : 'agentName';
  const options = [
    ...people.map((p) => ({ value: p.id, label: p.id === ctx.viewer?.id ? msg(str`${p.name} (me)`) : p.name })),
    { value: OTHER_PERSON, label: msg('Someone else…') },
  ];
  return html`${selectField(ctx, field, label, options, {
      required: isRequired(ctx, field),
      placeholder: msg('Nobody'),
    })}
    ${ctx.draft[field] === OTHER_PERSON
      ? textField(ctx, nameKey, field === 'csr' ? msg('CSR’s name') : msg('Agent’s name'), { required: true })
      : nothing}`;
}
