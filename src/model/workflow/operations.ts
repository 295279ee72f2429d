/**
 * The built-in operations a workflow action can perform (SEMANTICS.md, "Operations"). Each validates
 * its own input and writes into a draft patch; the engine applies the status move, automations,
 * version and derived fields. An operation that refuses leaves the draft untouched for the caller.
 */
import { accepted, COLLECTED_COURIER, computeTotals, IN_STORE_CHANNELS, refundable } from '../derive.js';
import { SELF_DELIVERY_COURIER } from '../filter.js';
import { isCurrency, money, sum, times, type Money } from '../money.js';
import { customerText, englishText, said, type TimelineTemplate } from '../timeline-text.js';
import { DEAD, MOVING, PRE_PICKUP, trackable } from './guards.js';
import type {
  CancellationRequest,
  Courier,
  CustomerMessage,
  LineItem,
  LineQuantities,
  LineQuantity,
  Order,
  Person,
  Posting,
  ReturnRequest,
  PrintDocumentKind,
  PrintRecord,
  Shipment,
  ShipmentStatus,
  TimelineEvent,
  TimelineKind,
} from '../types.js';
import { PRINT_DOCUMENT_KINDS } from '../types.js';
import type {
  ActionDef,
  ApplyContext,
  Operation,
  Refusal,
  RefusalCode,
  Trigger,
  WorkflowDefinition,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The working state of one `applyAction` call. */
export interface Draft {
  readonly order: Order;
  patch: Partial<Mutable<Order>>;
  status: string;
  events: TimelineEvent[];
  readonly actor: Person;
  readonly ctx: ApplyContext;
  readonly action: ActionDef;
  readonly workflow: WorkflowDefinition;
}

export interface RaisedTrigger {
  readonly on: Trigger;
  readonly shipmentStatus?: ShipmentStatus;
}

export type OperationOutcome = { ok: true; triggers: RaisedTrigger[] } | { ok: false; refusal: Refusal };

type Input = Record<string, unknown>;
type Run = (d: Draft, input: Input) => OperationOutcome;

export function refuse(code: RefusalCode, message: string, field?: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: field === undefined ? { code, message } : { code, message, field } };
}

const done = (...triggers: RaisedTrigger[]): OperationOutcome => ({ ok: true, triggers });

/** Thrown inside an operation to refuse; caught by `guarded`. Keeps validation code linear. */
class Refused {
  constructor(readonly refusal: Refusal) {}
}
const fail = (code: RefusalCode, message: string, field?: string): never => {
  throw new Refused(field === undefined ? { code, message } : { code, message, field });
};

function guarded(run: Run): Run {
  return (d, input) => {
    try {
      return run(d, input);
    } catch (e) {
      if (e instanceof Refused) return { ok: false, refusal: e.refusal };
      throw e;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the draft

const lines = (d: Draft): readonly LineItem[] => d.patch.lines ?? d.order.lines;
const shipments = (d: Draft): readonly Shipment[] => d.patch.shipments ?? d.order.shipments;
const current = (d: Draft): Order => ({ ...d.order, ...d.patch });

/** A value that changed, for a timeline event's from → to (a status, a tracking number). */
interface Change {
  readonly from?: string;
  readonly to?: string;
}

/**
 * Appends a timeline event. What it says is a template (a message key and its parameters, rendered in
 * the viewer's language by the UI, with its English text kept in `message`) or, for a person's own
 * words (a note), plain text.
 */
function event(d: Draft, kind: TimelineKind, what?: string | TimelineTemplate, actor: Person = d.actor, change: Change = {}): void {
  const message = typeof what === 'object' ? englishText(what) : what;
  d.events.push({
    id: d.ctx.newId('evt'),
    at: d.ctx.now,
    actor,
    kind,
    action: d.action.key,
    ...(change.from !== undefined && { from: change.from }),
    ...(change.to !== undefined && { to: change.to }),
    ...(message !== undefined && { message }),
    ...(typeof what === 'object' && { template: what }),
  });
}

// ---------------------------------------------------------------------------------------------
// Input validation

function text(input: Input, field: string, required: boolean, max = 2000): string | undefined {
  const v = input[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    return required ? fail('missing-field', `${field} is required.`, field) : undefined;
  }
  if (typeof v !== 'string') return fail('invalid-field', `${field} must be text.`, field);
  if (v.length > max) return fail('invalid-field', `${field} is longer than ${max} characters.`, field);
  return v.trim();
}

function bool(input: Input, field: string): boolean {
  const v = input[field];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') return fail('invalid-field', `${field} must be true or false.`, field);
  return v;
}

function amount(input: Input, field: string, currency: string, required: boolean): Money | undefined {
  const v = input[field];
  if (v === undefined || v === null) return required ? fail('missing-field', `${field} is required.`, field) : undefined;
  if (typeof v !== 'object') return fail('invalid-field', `${field} must be money.`, field);
  const m = v as { amount?: unknown; currency?: unknown };
  if (typeof m.amount !== 'number' || !Number.isSafeInteger(m.amount)) {
    return fail('invalid-field', `${field}.amount must be a whole number of minor units.`, `${field}.amount`);
  }
  if (typeof m.currency !== 'string' || !isCurrency(m.currency)) {
    return fail('invalid-field', `${field}.currency is not a currency code.`, `${field}.currency`);
  }
  if (m.currency !== currency) {
    return fail('invalid-field', `${field} is in ${m.currency}; the order is in ${currency}.`, `${field}.currency`);
  }
  if (m.amount <= 0) return fail('invalid-field', `${field} must be more than zero.`, `${field}.amount`);
  return money(m.amount, m.currency);
}

function timestamp(input: Input, field: string, required: boolean): string | undefined {
  const v = input[field];
  if (v === undefined || v === null || v === '') {
    return required ? fail('missing-field', `${field} is required.`, field) : undefined;
  }
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}/.test(v)) {
    return fail('invalid-field', `${field} must be an ISO 8601 date.`, field);
  }
  return new Date(v).toISOString();
}

function person(input: Input, field: string): Person | null | undefined {
  const v = input[field];
  if (v === undefined) return undefined;
  if (v === null) return null;
  const p = v as { id?: unknown; name?: unknown };
  if (typeof v !== 'object' || typeof p.id !== 'string' || p.id === '' || typeof p.name !== 'string') {
    return fail('invalid-field', `${field} must be a person with an id and a name.`, field);
  }
  return { id: p.id, name: p.name };
}

function courier(d: Draft, input: Input, field: string, required: boolean): Courier | undefined {
  const v = input[field];
  if (v === undefined || v === null || v === '') {
    return required ? fail('missing-field', `${field} is required.`, field) : undefined;
  }
  // A bare code from a form is accepted and named from the workflow's courier list.
  const raw = typeof v === 'string' ? { code: v } : (v as { code?: unknown; name?: unknown });
  if (typeof raw !== 'object' || typeof raw.code !== 'string' || raw.code.trim() === '') {
    return fail('invalid-field', `${field} must name a courier.`, field);
  }
  const code = raw.code.trim();
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (code === 'other') {
    if (!name) return fail('missing-field', 'Name the courier.', `${field}.name`);
    return { code, name };
  }
  const known = d.workflow.couriers.find((c) => c.code === code);
  return { code, name: name || known?.name || code };
}

/** http(s) only: anything else would become a script or data link when rendered. */
function url(input: Input, field: string): string | undefined {
  const v = text(input, field, false);
  if (v === undefined) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    // fall through
  }
  return fail('invalid-field', `${field} must be an http or https link.`, field);
}

/** The longest tracking number `update-tracking` accepts (the other shipping operations cap it too). */
export const TRACKING_NUMBER_MAX = 100;

/**
 * What `update-tracking` accepts as a tracking number, after trimming: starts with a letter or digit,
 * then letters, digits, spaces and `- _ . / #`. Real numbers (`EP123456789MY`, `JP-0012 3456`,
 * `1Z 999 AA1 01`) fit; pasted markup, quotes, control characters and line breaks do not.
 */
export const TRACKING_NUMBER_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._/#-]*$/u;

function trackingNumber(input: Input, field: string): string {
  const v = text(input, field, true, TRACKING_NUMBER_MAX) as string;
  if (!TRACKING_NUMBER_PATTERN.test(v)) {
    return fail('invalid-field', `${field} may hold only letters, digits, spaces and - _ . / #.`, field);
  }
  return v;
}

/** Validates `[{ lineId, quantity }]` against the order's lines and a per-line limit. */
function lineQuantities(
  d: Draft,
  input: Input,
  field: string,
  limit: (line: LineItem) => number,
  limitName: string,
): LineQuantity[] | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return fail('invalid-field', `${field} must be a list of lines.`, field);
  const out: LineQuantity[] = [];
  const seen = new Set<string>();
  v.forEach((item: unknown, i) => {
    const entry = item as { lineId?: unknown; quantity?: unknown };
    const line = lines(d).find((l) => l.id === entry?.lineId);
    if (!line) return fail('invalid-field', `${field}[${i}] names no line of this order.`, `${field}[${i}].lineId`);
    if (seen.has(line.id)) return fail('invalid-field', `${field}[${i}] repeats a line.`, `${field}[${i}].lineId`);
    seen.add(line.id);
    const q = entry.quantity;
    if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 0) {
      return fail('invalid-field', `${field}[${i}].quantity must be a whole number ≥ 0.`, `${field}[${i}].quantity`);
    }
    if (q > limit(line)) {
      return fail(
        'quantity-too-large',
        `${line.name}: ${q} is more than the ${limit(line)} ${limitName}.`,
        `${field}[${i}].quantity`,
      );
    }
    if (q > 0) out.push({ lineId: line.id, quantity: q });
    return undefined;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing the draft

function bump(d: Draft, changes: readonly LineQuantity[], counter: keyof LineQuantities, sign: 1 | -1): void {
  const byId = new Map(changes.map((c) => [c.lineId, c.quantity]));
  d.patch.lines = lines(d).map((l) => {
    const q = byId.get(l.id);
    if (!q) return l;
    return { ...l, quantity: { ...l.quantity, [counter]: l.quantity[counter] + sign * q } };
  });
}

const unallocated = (l: LineItem): number => accepted(l) - l.quantity.fulfilled;

function allUnallocated(d: Draft): LineQuantity[] {
  return lines(d)
    .filter((l) => unallocated(l) > 0)
    .map((l) => ({ lineId: l.id, quantity: unallocated(l) }));
}

function setShipment(d: Draft, next: Shipment): void {
  const list = shipments(d);
  const i = list.findIndex((s) => s.id === next.id);
  d.patch.shipments = i < 0 ? [...list, next] : list.map((s, j) => (j === i ? next : s));
}

function newShipment(
  d: Draft,
  lq: readonly LineQuantity[],
  c: Courier,
  status: ShipmentStatus,
  extra: Partial<Mutable<Shipment>> = {},
): Shipment {
  const events = status === 'booked' ? [{ status, at: d.ctx.now }] : [
    { status: 'booked' as const, at: d.ctx.now },
    { status, at: d.ctx.now },
  ];
  const s: Shipment = {
    id: d.ctx.newId('shp'),
    courier: c,
    lines: lq,
    status,
    events,
    createdAt: d.ctx.now,
    ...extra,
  };
  setShipment(d, s);
  bump(d, lq, 'fulfilled', 1);
  return s;
}


/** Courier progress only moves forward; repeats (another in-transit scan) are fine. */
const PROGRESS: Partial<Record<ShipmentStatus, number>> = {
  booked: 0,
  searching: 0,
  assigned: 1,
  'picked-up': 2,
  'in-transit': 3,
  'out-for-delivery': 4,
  delivered: 5,
};

/** True while the shipment's units count as shipped (picked up, and not yet back). */
function counted(s: Shipment): boolean {
  if (MOVING.includes(s.status) || s.status === 'delivered') return true;
  return s.status === 'failed' && s.events.some((e) => MOVING.includes(e.status));
}

/** Moves a shipment to a status, keeping the line counters in step. */
function advance(d: Draft, s: Shipment, status: ShipmentStatus, note?: string, extra: Partial<Mutable<Shipment>> = {}): Shipment {
  if (s.status === 'delivered' || s.status === 'returned' || s.status === 'cancelled') {
    return fail('not-applicable', `The shipment is already ${s.status}.`, 'status');
  }
  const pre = PRE_PICKUP.includes(s.status);
  const from = PROGRESS[s.status] ?? (counted(s) ? PROGRESS['picked-up'] : undefined);
  const to = PROGRESS[status];
  if (from !== undefined && to !== undefined && to < from) {
    return fail('not-applicable', `The shipment is already ${s.status}; it cannot go back to ${status}.`, 'status');
  }
  if (s.status === 'failed' && !counted(s) && status !== 'cancelled') {
    return fail('not-applicable', 'This shipment failed before pick-up; book a new one.', 'status');
  }
  if (status === 'cancelled' && !pre) return fail('not-applicable', 'A shipment already picked up cannot be cancelled.');
  if ((MOVING.includes(status) || status === 'delivered') && !counted(s)) bump(d, s.lines, 'shipped', 1);
  if (status === 'delivered') bump(d, s.lines, 'delivered', 1);
  if ((status === 'failed' || status === 'cancelled' || status === 'returned') && pre) bump(d, s.lines, 'fulfilled', -1);
  if (status === 'returned' && counted(s)) {
    bump(d, s.lines, 'shipped', -1);
    bump(d, s.lines, 'fulfilled', -1);
  }
  const next: Shipment = {
    ...s,
    ...extra,
    status,
    events: [...s.events, { status, at: d.ctx.now, ...(note !== undefined && { note }) }],
  };
  setShipment(d, next);
  return next;
}

type CustomerNotice =
  | { readonly key: 'notify.shipped'; readonly shipment: Shipment }
  | { readonly key: 'notify.delivered' }
  | { readonly key: 'notify.cancelled'; readonly reason: string };

/**
 * Records the message the backend would send the customer (WhatsApp when there is a phone, else
 * e-mail) as data: the template, so it is rendered in the reader's language, and its English text.
 */
function notify(d: Draft, notice: CustomerNotice): void {
  const c = current(d).customer;
  const recipient = c.phone ?? c.email;
  if (!recipient) {
    event(d, 'notification', said('notify.skipped'));
    return;
  }
  const channel: CustomerMessage['channel'] = c.phone ? 'whatsapp' : 'email';
  const number = d.order.number;
  const template =
    notice.key === 'notify.shipped'
      ? said('notify.shipped', {
          channel,
          recipient,
          number,
          courier: notice.shipment.courier.name,
          ...(notice.shipment.trackingNumber !== undefined && { tracking: notice.shipment.trackingNumber }),
          ...(notice.shipment.trackingUrl !== undefined && { url: notice.shipment.trackingUrl }),
        })
      : notice.key === 'notify.delivered'
        ? said('notify.delivered', { channel, recipient, number })
        : said('notify.cancelled', { channel, recipient, number, reason: notice.reason });
  const message: CustomerMessage = { channel, recipient, text: customerText(template), template };
  d.patch.messages = [...(d.patch.messages ?? d.order.messages), message];
  event(d, 'notification', template);
}

function cancelAll(d: Draft, reason: string, restock: boolean): OperationOutcome {
  if (lines(d).some((l) => l.quantity.shipped > l.quantity.returned)) {
    return fail('not-applicable', 'Part of this order is already with the courier; it can no longer be cancelled.');
  }
  for (const s of shipments(d)) if (PRE_PICKUP.includes(s.status)) advance(d, s, 'cancelled', reason);
  d.patch.lines = lines(d).map((l) => {
    const rest = accepted(l) - l.quantity.fulfilled;
    return rest > 0 ? { ...l, quantity: { ...l.quantity, rejected: l.quantity.rejected + rest } } : l;
  });
  d.patch.cancelReason = reason;
  event(d, 'action', said('cancelled', { reason, ...(restock && { restocked: 'yes' as const }) }));
  return done();
}

// ---------------------------------------------------------------------------------------------
// The operations

// State conditions (fulfilment not started, something outstanding, a posting not in progress…) are
// the operations' guards in guards.ts, checked before an operation runs and when actions are offered.

const confirmStock: Run = (d, input) => {
  const mode = input.mode;
  if (mode !== 'all' && mode !== 'some' && mode !== 'none') {
    return fail('invalid-field', 'mode must be all, some or none.', 'mode');
  }
  if (mode === 'all') {
    event(d, 'action', said('stock.accepted'));
    return done();
  }
  if (mode === 'none') {
    const reason = text(input, 'reason', true) as string;
    d.patch.lines = lines(d).map((l) => ({ ...l, quantity: { ...l.quantity, rejected: l.quantity.ordered } }));
    event(d, 'action', said('stock.rejected', { reason }));
    return done();
  }
  const raw = input.lines;
  if (!Array.isArray(raw) || raw.length === 0) return fail('missing-field', 'Say which lines are in stock.', 'lines');
  const acceptedById = new Map<string, number>();
  raw.forEach((item: unknown, i) => {
    const entry = item as { lineId?: unknown; accepted?: unknown };
    const line = lines(d).find((l) => l.id === entry?.lineId);
    if (!line) return fail('invalid-field', `lines[${i}] names no line of this order.`, `lines[${i}].lineId`);
    const a = entry.accepted;
    if (typeof a !== 'number' || !Number.isSafeInteger(a) || a < 0) {
      return fail('invalid-field', `lines[${i}].accepted must be a whole number ≥ 0.`, `lines[${i}].accepted`);
    }
    if (a > line.quantity.ordered) {
      return fail('quantity-too-large', `${line.name}: only ${line.quantity.ordered} ordered.`, `lines[${i}].accepted`);
    }
    acceptedById.set(line.id, a);
    return undefined;
  });
  const next = lines(d).map((l) => {
    const a = acceptedById.get(l.id);
    return a === undefined ? l : { ...l, quantity: { ...l.quantity, rejected: l.quantity.ordered - a } };
  });
  if (next.every((l) => accepted(l) === 0)) {
    return fail('invalid-field', 'Nothing would be accepted; reject the order instead.', 'lines');
  }
  const rejected = next.filter((l) => l.quantity.rejected > 0).map((l) => `${l.name} ×${l.quantity.rejected}`);
  d.patch.lines = next;
  const reason = text(input, 'reason', false);
  event(d, 'action', said('stock.partial', { lines: rejected.join(', '), ...(reason !== undefined && { reason }) }));
  return done();
};

const recordPayment: Run = (d, input) => {
  const method = text(input, 'method', true) as string;
  if (!PAYMENT_METHODS.has(method)) {
    return fail('invalid-field', `Unknown payment method “${method}”.`, 'method');
  }
  const o = current(d);
  const outstanding = computeTotals(o).outstanding;
  const paid = amount(input, 'amount', o.currency, false) ?? outstanding;
  if (paid.amount > outstanding.amount) {
    return fail('amount-too-large', `The amount is more than the ${outstanding.amount} outstanding.`, 'amount');
  }
  const reference = text(input, 'reference', false, 200);
  d.patch.payments = [
    ...o.payments,
    {
      id: d.ctx.newId('pay'),
      method: method as never,
      amount: paid,
      status: 'succeeded',
      ...(reference !== undefined && { reference }),
      at: d.ctx.now,
      by: d.actor,
    },
  ];
  event(d, 'payment', said('payment.received', { method, ...(reference !== undefined && { reference }) }));
  return done();
};

const PAYMENT_METHODS = new Set(['cash', 'card', 'bank-transfer', 'cod', 'e-wallet', 'pos', 'whatsapp', 'marketplace', 'other']);

const recordExpense: Run = (d, input) => {
  const label = text(input, 'label', true, 200) as string;
  const cost = amount(input, 'amount', d.order.currency, true) as Money;
  d.patch.expenses = [...d.order.expenses, { id: d.ctx.newId('exp'), label, amount: cost, at: d.ctx.now, by: d.actor }];
  event(d, 'expense', said('expense.recorded', { label }));
  return done();
};

const pack: Run = (d) => {
  event(d, 'action', said('packed'));
  return done();
};

const createShipment: Run = (d, input) => {
  const c = courier(d, input, 'courier', true) as Courier;
  const trackingNumber = text(input, 'trackingNumber', false, 100);
  const trackingUrl = url(input, 'trackingUrl');
  const scheduledAt = timestamp(input, 'scheduledAt', false);
  const agent = person(input, 'selfDeliveryAgent');
  const lq = lineQuantities(d, input, 'lines', unallocated, 'left to ship') ?? allUnallocated(d);
  if (lq.length === 0) return fail('not-applicable', 'Every item is already in a shipment.', 'lines');
  const s = newShipment(d, lq, c, 'booked', {
    ...(trackingNumber !== undefined && { trackingNumber }),
    ...(trackingUrl !== undefined && { trackingUrl }),
    ...(scheduledAt !== undefined && { scheduledAt }),
    ...(agent && { selfDeliveryAgent: agent }),
  });
  event(d, 'shipment', said('shipment.created', { courier: c.name, ...(trackingNumber !== undefined && { tracking: trackingNumber }) }));
  if (bool(input, 'notifyCustomer')) notify(d, { key: 'notify.shipped', shipment: s });
  return done();
};

const bookCourier: Run = (d, input) => {
  const c = courier(d, input, 'courier', false) ?? { code: 'auto', name: 'Searching for a courier' };
  const scheduledAt = timestamp(input, 'scheduledAt', false);
  const lq = allUnallocated(d);
  newShipment(d, lq, c, 'searching', scheduledAt ? { scheduledAt } : {});
  event(d, 'shipment', said('courier.booked', c.code === 'auto' ? {} : { courier: c.name }));
  return done();
};

const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'booked', 'searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'failed', 'returned', 'cancelled',
];

const courierEvent: Run = (d, input) => {
  const id = text(input, 'shipmentId', true) as string;
  const s = shipments(d).find((x) => x.id === id);
  if (!s) return fail('invalid-field', 'No such shipment on this order.', 'shipmentId');
  const status = input.status as ShipmentStatus;
  if (!SHIPMENT_STATUSES.includes(status)) return fail('invalid-field', 'Unknown shipment status.', 'status');
  const c = courier(d, input, 'courier', false);
  const trackingNumber = text(input, 'trackingNumber', false, 100);
  const trackingUrl = url(input, 'trackingUrl');
  const note = text(input, 'note', false);
  advance(d, s, status, note, {
    ...(c && { courier: c }),
    ...(trackingNumber !== undefined && { trackingNumber }),
    ...(trackingUrl !== undefined && { trackingUrl }),
  });
  event(d, 'courier', said('courier.progress', { courier: (c ?? s.courier).name, status, ...(note !== undefined && { note }) }));
  return done({ on: 'courier-progress', shipmentStatus: status });
};

const markShipped: Run = (d, input) => {
  const agent = person(input, 'agent') ?? undefined;
  // Self-delivery: the shop's own agent is the courier (SELF_DELIVERY_COURIER, named after the agent).
  const c = courier(d, input, 'courier', false) ?? (agent && { code: SELF_DELIVERY_COURIER, name: agent.name });
  if (agent) d.patch.assignees = { ...current(d).assignees, agent };
  const trackingNumber = text(input, 'trackingNumber', false, 100);
  const trackingUrl = url(input, 'trackingUrl');
  const details = {
    ...(trackingNumber !== undefined && { trackingNumber }),
    ...(trackingUrl !== undefined && { trackingUrl }),
  };
  const rest = allUnallocated(d);
  if (rest.length > 0) {
    if (!c && !shipments(d).some((s) => PRE_PICKUP.includes(s.status))) {
      return fail('missing-field', 'courier is required.', 'courier');
    }
    if (c) newShipment(d, rest, c, 'booked', { ...details, ...(agent && { selfDeliveryAgent: agent }) });
  }
  const open = shipments(d).filter((s) => PRE_PICKUP.includes(s.status));
  if (open.length === 0) return fail('not-applicable', 'Nothing is waiting to be shipped.');
  const shipped = open.map((s) =>
    advance(d, s, 'in-transit', undefined, {
      ...(c && s.courier.code === 'auto' && { courier: c }),
      ...(!s.trackingNumber && details),
    }),
  );
  const first = shipped[0] as Shipment;
  event(d, 'shipment', said('shipped', { courier: first.courier.name, ...(first.trackingNumber !== undefined && { tracking: first.trackingNumber }) }));
  if (bool(input, 'notifyCustomer')) notify(d, { key: 'notify.shipped', shipment: first });
  return done();
};


/** The shipment `update-tracking` works on: the named one, or the order's only live one. */
function trackedShipment(d: Draft, input: Input): Shipment {
  const all = shipments(d);
  if (all.length === 0) {
    return fail('not-applicable', 'This order has no shipment yet; mark it shipped (or create a shipment) first.');
  }
  const id = text(input, 'shipmentId', false);
  if (id !== undefined) {
    const s = all.find((x) => x.id === id);
    if (!s) return fail('invalid-field', 'No such shipment on this order.', 'shipmentId');
    if (DEAD.includes(s.status)) return fail('not-applicable', `The shipment is ${s.status}; its tracking cannot change.`, 'shipmentId');
    if (!trackable(s)) return fail('invalid-field', 'This hand-over was collected in store; it has no tracking.', 'shipmentId');
    return s;
  }
  const live = all.filter(trackable);
  if (live.length === 0) {
    return fail('not-applicable', 'Every shipment of this order is cancelled or failed; mark it shipped again first.');
  }
  if (live.length > 1) {
    return fail('missing-field', `This order has ${live.length} shipments; say which one gets the tracking number.`, 'shipmentId');
  }
  return live[0] as Shipment;
}

/**
 * The tracking link after the number changed and no new link was given: dropped when the courier
 * changed (it points at the old courier), rewritten when it carries the old number, else kept.
 */
function followLink(s: Shipment, c: Courier, next: string): string | undefined {
  const link = s.trackingUrl;
  if (link === undefined || c.code !== s.courier.code) return undefined;
  const old = s.trackingNumber;
  if (!old || old === next) return link;
  const rewritten = link.split(old).join(next).split(encodeURIComponent(old)).join(encodeURIComponent(next));
  try {
    const u = new URL(rewritten);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const updateTracking: Run = (d, input) => {
  const s = trackedShipment(d, input);
  const number = trackingNumber(input, 'trackingNumber');
  const c = courier(d, input, 'courier', false) ?? s.courier;
  const link = url(input, 'trackingUrl') ?? followLink(s, c, number);
  const courierChanged = c.code !== s.courier.code || c.name !== s.courier.name;
  if (number === s.trackingNumber && !courierChanged && link === s.trackingUrl) {
    return fail('not-applicable', 'The shipment already has this tracking number.', 'trackingNumber');
  }
  const next: Mutable<Shipment> = { ...s, courier: c, trackingNumber: number };
  if (link === undefined) delete next.trackingUrl;
  else next.trackingUrl = link;
  setShipment(d, next);
  const from = s.trackingNumber;
  const what =
    from === undefined
      ? said('tracking.added', { tracking: number, courier: c.name })
      : from === number
        ? said('tracking.updated', { tracking: number, courier: c.name })
        : said('tracking.changed', { from, tracking: number, courier: c.name });
  event(d, 'shipment', what, d.actor, { ...(from !== undefined && { from }), to: number });
  return done();
};

const markDelivered: Run = (d, input) => {
  const id = text(input, 'shipmentId', false);
  let targets = shipments(d).filter((s) => (id ? s.id === id : MOVING.includes(s.status)));
  if (id && targets.length === 0) return fail('invalid-field', 'No such shipment on this order.', 'shipmentId');
  if (targets.length === 0) {
    // Self-delivery: whatever is not yet delivered goes out and arrives with the merchant's agent.
    const open = shipments(d).filter((s) => PRE_PICKUP.includes(s.status));
    const rest = allUnallocated(d);
    const o = current(d);
    const agent = o.assignees.agent;
    // No agent at an in-store sale: the customer took it at the counter.
    const by: Courier = agent
      ? { code: 'self', name: agent.name }
      : IN_STORE_CHANNELS.includes(o.channel)
        ? { code: COLLECTED_COURIER, name: 'Collected in store' }
        : { code: 'self', name: 'Self delivery' };
    if (rest.length > 0) open.push(newShipment(d, rest, by, 'booked', agent ? { selfDeliveryAgent: agent } : {}));
    targets = open;
  }
  if (targets.length === 0) return fail('not-applicable', 'Nothing is out for delivery.');
  for (const s of targets) advance(d, s, 'delivered');
  event(d, 'shipment', said('delivered'));
  if (bool(input, 'notifyCustomer')) notify(d, { key: 'notify.delivered' });
  return done();
};

const complete: Run = (d) => {
  event(d, 'action', said('completed'));
  return done();
};

const cancel: Run = (d, input) => {
  const reason = text(input, 'reason', true, 500) as string;
  const outcome = cancelAll(d, reason, bool(input, 'restock'));
  if (bool(input, 'notifyCustomer')) notify(d, { key: 'notify.cancelled', reason });
  return outcome;
};

const requestCancellation: Run = (d, input) => {
  const reason = text(input, 'reason', true, 500) as string;
  d.patch.cancellation = { status: 'requested', reason, requestedAt: d.ctx.now, previousStatus: d.order.status };
  event(d, 'action', said('cancellation.requested', { reason }));
  return done({ on: 'cancellation-requested' });
};

const approveCancellation: Run = (d, input) => {
  const request = d.order.cancellation as CancellationRequest;
  cancelAll(d, request.reason, bool(input, 'restock'));
  d.patch.cancellation = { ...request, status: 'approved', decidedAt: d.ctx.now };
  return done();
};

function restorePrevious(d: Draft, previous: string): void {
  if (!d.action.to && previous !== d.status && d.workflow.statuses.some((s) => s.key === previous)) {
    d.events.push({ id: d.ctx.newId('evt'), at: d.ctx.now, actor: d.actor, kind: 'status', action: d.action.key, from: d.status, to: previous });
    d.status = previous;
  }
}

const declineCancellation: Run = (d, input) => {
  const request = d.order.cancellation as CancellationRequest;
  const reason = text(input, 'reason', false, 500);
  d.patch.cancellation = { ...request, status: 'declined', decidedAt: d.ctx.now };
  event(d, 'action', said('cancellation.declined', reason !== undefined ? { reason } : {}));
  restorePrevious(d, request.previousStatus);
  return done();
};

const requestReturn: Run = (d, input) => {
  const reason = text(input, 'reason', true, 500) as string;
  const lq = lineQuantities(d, input, 'lines', (l) => l.quantity.delivered - l.quantity.returned, 'delivered and not returned');
  if (!lq || lq.length === 0) return fail('missing-field', 'Say which items come back.', 'lines');
  d.patch.returnRequest = { status: 'requested', reason, lines: lq, requestedAt: d.ctx.now, previousStatus: d.order.status };
  event(d, 'action', said('return.requested', { reason }));
  return done({ on: 'return-requested' });
};

const approveReturn: Run = (d) => {
  const r = d.order.returnRequest as ReturnRequest;
  d.patch.returnRequest = { ...r, status: 'approved', decidedAt: d.ctx.now };
  event(d, 'action', said('return.approved'));
  return done();
};

const declineReturn: Run = (d, input) => {
  const r = d.order.returnRequest as ReturnRequest;
  const reason = text(input, 'reason', false, 500);
  d.patch.returnRequest = { ...r, status: 'declined', decidedAt: d.ctx.now };
  event(d, 'action', said('return.declined', reason !== undefined ? { reason } : {}));
  restorePrevious(d, r.previousStatus);
  return done();
};

const receiveReturn: Run = (d, input) => {
  const r = d.order.returnRequest as ReturnRequest;
  for (const lq of r.lines) {
    const line = lines(d).find((l) => l.id === lq.lineId);
    if (!line || lq.quantity > line.quantity.delivered - line.quantity.returned) {
      return fail('quantity-too-large', 'The return is larger than what was delivered.');
    }
  }
  bump(d, r.lines, 'returned', 1);
  d.patch.returnRequest = { ...r, status: 'received', decidedAt: d.ctx.now };
  event(d, 'action', said('return.received', bool(input, 'restock') ? { restocked: 'yes' } : {}));
  return done();
};

const refund: Run = (d, input) => {
  const reason = text(input, 'reason', true, 500) as string;
  const o = current(d);
  const c = o.currency;
  const available = refundable({ ...o, totals: computeTotals(o) });
  const lq = lineQuantities(d, input, 'lines', (l) => accepted(l) - l.quantity.refunded, 'not yet refunded');
  let value = amount(input, 'amount', c, false);
  if (!value && lq && lq.length > 0) {
    value = sum(lq.map((x) => times((lines(d).find((l) => l.id === x.lineId) as LineItem).unitPrice, x.quantity)), c);
    if (value.amount > available.amount) value = available;
  }
  if (!value) return fail('missing-field', 'Give an amount or the lines to refund.', 'amount');
  if (value.amount > available.amount) {
    return fail('amount-too-large', `At most ${available.amount} can be refunded.`, 'amount');
  }
  if (lq && lq.length > 0) bump(d, lq, 'refunded', 1);
  const restock = bool(input, 'restock');
  d.patch.refunds = [
    ...o.refunds,
    { id: d.ctx.newId('ref'), amount: value, reason, lines: lq ?? [], restock, at: d.ctx.now, by: d.actor },
  ];
  event(d, 'refund', said('refunded', { reason }));
  return done();
};

const flag = (field: 'archived', value: boolean, what: TimelineTemplate): Run => (d) => {
  d.patch[field] = value;
  event(d, 'action', what);
  return done();
};

const softDelete: Run = (d) => {
  d.patch.deletedAt = d.ctx.now;
  event(d, 'action', said('deleted'));
  return done();
};

const restore: Run = (d) => {
  d.patch.deletedAt = undefined;
  event(d, 'action', said('restored'));
  return done();
};

const assign: Run = (d, input) => {
  const csr = person(input, 'csr');
  const agent = person(input, 'agent');
  if (csr === undefined && agent === undefined) return fail('missing-field', 'Choose a CSR or an agent.', 'agent');
  const next = { ...d.order.assignees };
  if (csr !== undefined) {
    if (csr) next.csr = csr;
    else delete next.csr;
  }
  if (agent !== undefined) {
    if (agent) next.agent = agent;
    else delete next.agent;
  }
  d.patch.assignees = next;
  event(d, 'action', said('assigned', {
    ...(csr !== undefined && { csr: csr?.name ?? '' }),
    ...(agent !== undefined && { agent: agent?.name ?? '' }),
  }));
  return done();
};

const setStatus: Run = (d, input) => {
  const note = text(input, 'note', false, 500);
  if (!d.action.to) {
    const status = text(input, 'status', true) as string;
    const target = d.workflow.statuses.find((s) => s.key === status);
    if (!target) return fail('invalid-field', `Unknown status “${status}”.`, 'status');
    if (target.hidden) return fail('invalid-field', `The status “${status}” is hidden: orders can no longer be moved into it.`, 'status');
    if (status === d.status) return fail('invalid-field', 'The order already has that status.', 'status');
    d.events.push({ id: d.ctx.newId('evt'), at: d.ctx.now, actor: d.actor, kind: 'status', action: d.action.key, from: d.status, to: status, ...(note && { message: note }) });
    d.status = status;
  } else if (note) {
    event(d, 'note', note);
  }
  return done();
};

const addNote: Run = (d, input) => {
  const body = text(input, 'text', true, 5000) as string;
  event(d, 'note', body);
  return done();
};

const postAccounting: Run = (d) => {
  const p = d.order.posting;
  d.patch.posting = {
    status: 'in-progress',
    stale: false,
    ...(p?.postedVersion !== undefined && { postedVersion: p.postedVersion }),
    history: [...(p?.history ?? []), { status: 'in-progress', at: d.ctx.now }],
  };
  event(d, 'action', said('posting.started'));
  return done();
};

const postingResult: Run = (d, input) => {
  const p = d.order.posting as Posting;
  const status = input.status;
  if (status !== 'completed' && status !== 'failed') return fail('invalid-field', 'status must be completed or failed.', 'status');
  const error = text(input, 'error', status === 'failed', 500);
  const reference = text(input, 'reference', false, 200);
  d.patch.posting = {
    ...p,
    status,
    stale: false,
    history: [...p.history, { status, at: d.ctx.now, ...(error && { error }), ...(reference && { reference }) }],
  };
  if (status === 'completed') d.patch.archived = true;
  event(d, 'system', status === 'completed' ? said('posting.completed') : said('posting.failed', { error: error as string }), d.actor);
  return done();
};

const reschedule: Run = (d, input) => {
  const at = timestamp(input, 'scheduledAt', true) as string;
  d.patch.scheduledAt = at;
  event(d, 'action', said('rescheduled', { date: at.slice(0, 10) }));
  return done();
};

/** The most copies one `record-print` records (a typo guard, not a printer limit). */
export const MAX_PRINT_COPIES = 99;

const recordPrint: Run = (d, input) => {
  const document = input.document;
  if (typeof document !== 'string' || document === '') return fail('missing-field', 'document is required.', 'document');
  if (!(PRINT_DOCUMENT_KINDS as readonly string[]).includes(document)) {
    return fail('invalid-field', `document must be one of ${PRINT_DOCUMENT_KINDS.join(', ')}.`, 'document');
  }
  const raw = input.copies ?? 1;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > MAX_PRINT_COPIES) {
    return fail('invalid-field', `copies must be a whole number from 1 to ${MAX_PRINT_COPIES}.`, 'copies');
  }
  const record: PrintRecord = { document: document as PrintDocumentKind, at: d.ctx.now, by: d.actor, copies: raw };
  d.patch.prints = [...(d.order.prints ?? []), record];
  event(d, 'action', said('printed', { document, copies: String(raw) }));
  return done();
};

export const OPERATIONS: Readonly<Record<Operation, Run>> = Object.fromEntries(
  Object.entries({
    'confirm-stock': confirmStock,
    'record-payment': recordPayment,
    'record-expense': recordExpense,
    pack,
    'create-shipment': createShipment,
    'book-courier': bookCourier,
    'courier-event': courierEvent,
    'mark-shipped': markShipped,
    'mark-delivered': markDelivered,
    'update-tracking': updateTracking,
    complete,
    cancel,
    'request-cancellation': requestCancellation,
    'approve-cancellation': approveCancellation,
    'decline-cancellation': declineCancellation,
    'request-return': requestReturn,
    'approve-return': approveReturn,
    'decline-return': declineReturn,
    'receive-return': receiveReturn,
    refund,
    archive: flag('archived', true, said('archived')),
    unarchive: flag('archived', false, said('unarchived')),
    'soft-delete': softDelete,
    restore,
    assign,
    'set-status': setStatus,
    'add-note': addNote,
    'post-accounting': postAccounting,
    'posting-result': postingResult,
    reschedule,
    'record-print': recordPrint,
  } satisfies Record<Operation, Run>).map(([k, run]) => [k, guarded(run)]),
) as Record<Operation, Run>;
