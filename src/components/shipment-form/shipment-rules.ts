/**
 * The rules behind `<shipment-form>`, kept out of the element: which fields an action's operation
 * takes, the lines still to ship, the action input built from the form's values, field checks with
 * localised messages, and the mapping of an engine refusal (`refusal.field`) back to a form field.
 * Private to `shipment-form/`.
 */
import { msg, str } from '@lit/localize';
import { accepted } from '../../model/derive.js';
import type { Courier, LineItem, Order, Person } from '../../model/types.js';
import type { ActionDef, ActionInput, Operation, Refusal } from '../../model/workflow/types.js';
import { wallTimeToIso } from './zoned-time.js';

/** The input a shipment form produces: a `create-shipment` input (other operations take a subset). */
export type ShipmentInput = ActionInput<'create-shipment'>;

/** A form field that can carry an error: one per control, `line:<lineId>` per quantity, `lines` for the group. */
export type FieldKey =
  | 'courier'
  | 'courierName'
  | 'agent'
  | 'trackingNumber'
  | 'trackingUrl'
  | 'lines'
  | 'scheduledAt'
  | `line:${string}`;

export type FieldErrors = Partial<Record<FieldKey, string>>;

/** What the user has entered; numbers stay text until checked. */
export interface FormValues {
  /** A courier code from the list, or '' (none chosen; "any courier" when booking). */
  readonly courier: string;
  /** The free-text name for the `other` courier. */
  readonly courierName: string;
  readonly trackingNumber: string;
  readonly trackingUrl: string;
  /** Line id → quantity typed; a line not in the map ships everything left. */
  readonly quantities: ReadonlyMap<string, string>;
  /** `YYYY-MM-DDTHH:mm` on the wall clock of `timeZone`, or ''. */
  readonly scheduled: string;
  readonly selfDelivery: boolean;
  readonly agentId: string;
  readonly notify: boolean;
}

/** The fields an operation takes (SEMANTICS.md, "Operations"). */
export interface FieldSet {
  readonly lines: boolean;
  readonly tracking: boolean;
  readonly schedule: boolean;
  readonly selfDelivery: boolean;
  readonly notify: boolean;
  /** Booking without a courier lets the courier service find one. */
  readonly anyCourier: boolean;
}

const ALL: FieldSet = { lines: true, tracking: true, schedule: true, selfDelivery: true, notify: true, anyCourier: false };

/** Operations a shipment form serves, in the order a default action is chosen. */
export const SHIPPING_OPERATIONS: readonly Operation[] = ['create-shipment', 'mark-shipped', 'book-courier'];

export function fieldsOf(operation: Operation | undefined): FieldSet {
  switch (operation) {
    case 'mark-shipped':
      return { ...ALL, lines: false, schedule: false };
    case 'book-courier':
      return { lines: false, tracking: false, schedule: true, selfDelivery: false, notify: false, anyCourier: true };
    default:
      return ALL;
  }
}

/** Is the courier mandatory for this action (before any self-delivery)? */
export function courierRequired(action: ActionDef | undefined): boolean {
  return action?.operation === 'create-shipment' || (action?.required ?? []).includes('courier');
}

export function trackingRequired(action: ActionDef | undefined): boolean {
  return (action?.required ?? []).includes('trackingNumber');
}

export interface ShippableLine {
  readonly line: LineItem;
  /** Accepted units not yet in a shipment. */
  readonly remaining: number;
}

/** Accepted-but-unallocated lines, in order. */
export function shippableLines(order: Order | undefined): ShippableLine[] {
  return (order?.lines ?? [])
    .map((line) => ({ line, remaining: accepted(line) - line.quantity.fulfilled }))
    .filter((l) => l.remaining > 0);
}

const WHOLE = /^\d+$/;

/** A typed quantity as a whole number, or undefined when it is not one. */
export function parseQuantity(text: string): number | undefined {
  const t = text.trim();
  return WHOLE.test(t) ? Number(t) : undefined;
}

/** http(s) only: anything else (javascript:, data:) would become a script link when rendered. */
export function isWebLink(text: string): boolean {
  try {
    const u = new URL(text.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface RuleContext {
  readonly action: ActionDef | undefined;
  readonly fields: FieldSet;
  readonly couriers: readonly Courier[];
  readonly agents: readonly Person[];
  readonly lines: readonly ShippableLine[];
  readonly timeZone: string;
}

const quantityOf = (values: FormValues, l: ShippableLine): string => values.quantities.get(l.line.id) ?? String(l.remaining);

/** The action input for the values (assumed checked). Only fields the operation takes are included. */
export function buildInput(values: FormValues, ctx: RuleContext): ShipmentInput {
  const { fields } = ctx;
  const input: { -readonly [K in keyof ShipmentInput]: ShipmentInput[K] } = {};
  const agent = ctx.agents.find((a) => a.id === values.agentId);
  if (fields.selfDelivery && values.selfDelivery) {
    if (agent) {
      input.courier = { code: 'self', name: agent.name };
      if (fields.lines) input.selfDeliveryAgent = { id: agent.id, name: agent.name };
    }
  } else if (values.courier === 'other') {
    input.courier = { code: 'other', name: values.courierName.trim() };
  } else if (values.courier) {
    const known = ctx.couriers.find((c) => c.code === values.courier);
    input.courier = { code: values.courier, name: known?.name ?? values.courier };
  }
  if (fields.tracking) {
    const number = values.trackingNumber.trim();
    const url = values.trackingUrl.trim();
    if (number) input.trackingNumber = number;
    if (url) input.trackingUrl = url;
  }
  if (fields.lines) {
    input.lines = ctx.lines
      .map((l) => ({ lineId: l.line.id, quantity: parseQuantity(quantityOf(values, l)) ?? 0 }))
      .filter((l) => l.quantity > 0);
  }
  if (fields.schedule && values.scheduled) {
    const at = wallTimeToIso(values.scheduled, ctx.timeZone);
    if (at) input.scheduledAt = at;
  }
  if (fields.notify) input.notifyCustomer = values.notify;
  return input;
}

// ---------------------------------------------------------------------------------------------
// Messages

export const messages = {
  courier: () => msg('Choose a courier.'),
  courierName: () => msg('Enter the courier’s name.'),
  agent: () => msg('Choose who delivers it.'),
  trackingNumber: () => msg('Enter the tracking number.'),
  trackingUrl: () => msg('Enter a link that starts with https:// or http://.'),
  quantity: (max: number) => msg(str`Enter a whole number from 0 to ${max}.`),
  noUnits: () => msg('Ship at least one item.'),
  nothingLeft: () => msg('Every item of this order is already in a shipment.'),
  scheduledAt: () => msg('Enter a valid date and time.'),
  tooLong: () => msg('This is too long.'),
  invalid: () => msg('Check this field.'),
  notPossible: () => msg('This action is not possible on this order right now.'),
  notPermitted: () => msg('You may not do this on this order.'),
};

/** Checks the values field by field (or only `only`); returns the errors found. */
export function checkFields(values: FormValues, ctx: RuleContext, only?: FieldKey): FieldErrors {
  const errors: FieldErrors = {};
  const want = (key: FieldKey): boolean => only === undefined || only === key;
  const self = ctx.fields.selfDelivery && values.selfDelivery;
  if (self) {
    if (want('agent') && !ctx.agents.some((a) => a.id === values.agentId)) errors.agent = messages.agent();
  } else {
    if (want('courier') && !values.courier && courierRequired(ctx.action)) errors.courier = messages.courier();
    if (want('courierName') && values.courier === 'other' && !values.courierName.trim()) errors.courierName = messages.courierName();
  }
  if (ctx.fields.tracking) {
    if (want('trackingNumber') && !values.trackingNumber.trim() && trackingRequired(ctx.action)) {
      errors.trackingNumber = messages.trackingNumber();
    }
    if (want('trackingUrl') && values.trackingUrl.trim() && !isWebLink(values.trackingUrl)) errors.trackingUrl = messages.trackingUrl();
  }
  if (ctx.fields.lines) {
    let units = 0;
    for (const l of ctx.lines) {
      const key: FieldKey = `line:${l.line.id}`;
      const q = parseQuantity(quantityOf(values, l));
      if (q === undefined || q > l.remaining) {
        if (want(key)) errors[key] = messages.quantity(l.remaining);
      } else {
        units += q;
      }
    }
    const lineErrors = Object.keys(errors).some((k) => k.startsWith('line:'));
    if (want('lines') && !lineErrors) {
      if (ctx.lines.length === 0) errors.lines = messages.nothingLeft();
      else if (units === 0) errors.lines = messages.noUnits();
    }
  }
  if (ctx.fields.schedule && want('scheduledAt') && values.scheduled && !wallTimeToIso(values.scheduled, ctx.timeZone)) {
    errors.scheduledAt = messages.scheduledAt();
  }
  return errors;
}

/** The form field an engine refusal is about, when it names one the form shows. */
export function fieldOfRefusal(refusal: Refusal, input: ShipmentInput, selfDelivery: boolean): FieldKey | undefined {
  const field = refusal.field ?? '';
  const line = /^lines\[(\d+)\]/.exec(field);
  if (line) {
    const id = input.lines?.[Number(line[1])]?.lineId;
    return id === undefined ? 'lines' : `line:${id}`;
  }
  switch (field) {
    case 'courier':
      return selfDelivery ? 'agent' : 'courier';
    case 'courier.name':
      return 'courierName';
    case 'selfDeliveryAgent':
      return 'agent';
    case 'trackingNumber':
    case 'trackingUrl':
    case 'scheduledAt':
    case 'lines':
      return field;
    default:
      return undefined;
  }
}

/** A localised message for a refusal on a field (the engine's own text is English). */
export function refusalMessage(refusal: Refusal, key: FieldKey | undefined, lines: readonly ShippableLine[]): string {
  if (key?.startsWith('line:')) {
    const remaining = lines.find((l) => `line:${l.line.id}` === key)?.remaining ?? 0;
    return messages.quantity(remaining);
  }
  switch (key) {
    case 'courier':
      return messages.courier();
    case 'courierName':
      return messages.courierName();
    case 'agent':
      return messages.agent();
    case 'trackingNumber':
      return refusal.code === 'missing-field' ? messages.trackingNumber() : messages.tooLong();
    case 'trackingUrl':
      return messages.trackingUrl();
    case 'scheduledAt':
      return messages.scheduledAt();
    case 'lines':
      return refusal.code === 'not-applicable' ? messages.nothingLeft() : messages.noUnits();
    default:
      break;
  }
  switch (refusal.code) {
    case 'wrong-status':
    case 'not-applicable':
      return messages.notPossible();
    case 'not-permitted':
    case 'out-of-scope':
      return messages.notPermitted();
    default:
      return refusal.message;
  }
}
