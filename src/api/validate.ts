/**
 * Validation at the adapter boundary (DESIGN.md §2.2): orders coming from storage or a backend, drafts,
 * patches and requests coming from callers. Pure and independent of IndexedDB, so the REST adapter and
 * the mock server reuse it. Problems name the exact field path (`lines[2].unitPrice.amount`).
 *
 * Hand-written on purpose: the checks are few, the error paths must be exact, and the local engine runs
 * `checkOrder` over 100k stored orders on every open, so it avoids allocating anything on the happy path.
 */
import { CODE_MAX, normalizeCode } from '../model/codes.js';
import { isEmail, isPhone } from '../model/contact.js';
import { isCurrency } from '../model/money.js';
import type { Order, OrderDraft } from '../model/types.js';
import { PRINT_DOCUMENT_KINDS } from '../model/types.js';
import {
  OrderApiError,
  type ActionRequest,
  type BulkActionRequest,
  type FieldProblem,
  type OrderPatch,
  type OrderQuery,
  type PageRequest,
  type UpdateRequest,
} from './types.js';

type Obj = Readonly<Record<string, unknown>>;
type Segment = string | number;

const MAX_PROBLEMS = 20;

/** Collects problems while walking a value; the path is only turned into text when something fails. */
class Checker {
  readonly problems: FieldProblem[] = [];
  private readonly path: Segment[];

  constructor(prefix: readonly Segment[] = []) {
    this.path = [...prefix];
  }

  enter(segment: Segment): void {
    this.path.push(segment);
  }

  leave(): void {
    this.path.pop();
  }

  fail(key: Segment | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    this.problems.push({ field: formatPath(key === undefined ? this.path : [...this.path, key]), message });
  }
}

/** `['lines', 2, 'unitPrice', 'amount']` → `lines[2].unitPrice.amount`; a leading index gives `[3].name`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export const isRecord = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const TIMESTAMP =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/** An ISO 8601 date-time with a zone (`Z` or an offset), as `Date` reads it. A regex only: it runs millions of times on open. */
export function isTimestamp(v: unknown): v is string {
  return typeof v === 'string' && TIMESTAMP.test(v);
}

const set = (...values: string[]): ReadonlySet<string> => new Set(values);
const PAYMENT_METHODS = set('cash', 'card', 'bank-transfer', 'cod', 'e-wallet', 'pos', 'whatsapp', 'marketplace', 'other');
const PAYMENT_ENTRY = set('pending', 'succeeded', 'failed');
const SHIPMENT_STATUS = set(
  'booked', 'searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'failed', 'returned', 'cancelled',
);
const REQUEST_STATUS = set('requested', 'approved', 'declined');
const RETURN_STATUS = set('requested', 'approved', 'declined', 'received');
const POSTING_STATUS = set('in-progress', 'completed', 'failed');
const PRINT_DOCUMENTS = set(...PRINT_DOCUMENT_KINDS);
const MESSAGE_CHANNEL = set('email', 'sms', 'whatsapp');
const TIMELINE_KIND = set(
  'created', 'status', 'action', 'note', 'payment', 'refund', 'shipment', 'courier', 'expense', 'notification', 'edit', 'system',
);
const PAYMENT_STATUS = set('unpaid', 'partially-paid', 'paid', 'partially-refunded', 'refunded');
const FULFILLMENT_STATUS = set(
  'unfulfilled', 'partially-fulfilled', 'fulfilled', 'partially-shipped', 'shipped', 'partially-delivered', 'delivered', 'returned',
);
const COUNTERS = ['ordered', 'rejected', 'fulfilled', 'shipped', 'delivered', 'returned', 'refunded'] as const;
const TOTALS = [
  'subtotal', 'discount', 'deliveryFee', 'tax', 'total', 'paid', 'refunded', 'outstanding', 'expenses', 'expectedRemittance',
] as const;
const SORT_FIELDS = set('createdAt', 'updatedAt', 'number', 'customer', 'store', 'total', 'status', 'scheduledAt');

// ── field checks: each reads `o[key]`, reports under `key`, and returns whether it passed ──────────────

function str(c: Checker, o: Obj, key: string, nonEmpty = false): boolean {
  const v = o[key];
  if (typeof v !== 'string') {
    c.fail(key, v === undefined ? 'is required' : 'must be a string');
    return false;
  }
  if (nonEmpty && v.trim() === '') {
    c.fail(key, 'must not be empty');
    return false;
  }
  return true;
}

function optStr(c: Checker, o: Obj, key: string): void {
  const v = o[key];
  if (v !== undefined && typeof v !== 'string') c.fail(key, 'must be a string');
}

function bool(c: Checker, o: Obj, key: string, optional = false): void {
  const v = o[key];
  if (optional && v === undefined) return;
  if (typeof v !== 'boolean') c.fail(key, v === undefined ? 'is required' : 'must be true or false');
}

function int(c: Checker, o: Obj, key: string, min: number, optional = false): void {
  const v = o[key];
  if (optional && v === undefined) return;
  if (!Number.isSafeInteger(v)) c.fail(key, v === undefined ? 'is required' : 'must be an integer');
  else if ((v as number) < min) c.fail(key, `must be at least ${min}`);
}

function timestamp(c: Checker, o: Obj, key: string, optional = false): void {
  const v = o[key];
  if (optional && v === undefined) return;
  if (!isTimestamp(v)) c.fail(key, v === undefined ? 'is required' : 'must be an ISO 8601 timestamp with a time zone');
}

function oneOf(c: Checker, o: Obj, key: string, values: ReadonlySet<string>, optional = false): void {
  const v = o[key];
  if (optional && v === undefined) return;
  if (typeof v !== 'string' || !values.has(v)) {
    c.fail(key, v === undefined ? 'is required' : `must be one of ${[...values].join(', ')}`);
  }
}

/**
 * Money: a safe integer amount and the expected currency — `currency` must already be a checked ISO 4217
 * code — or any ISO 4217 code when none is known.
 */
function moneyAt(c: Checker, o: Obj, key: string, currency: string | undefined, opts: { optional?: boolean; min?: number } = {}): void {
  const v = o[key];
  if (v === undefined && opts.optional) return;
  if (!isRecord(v)) {
    c.fail(key, v === undefined ? 'is required' : 'must be money: { amount, currency }');
    return;
  }
  c.enter(key);
  const amount = v.amount;
  if (!Number.isSafeInteger(amount)) c.fail('amount', amount === undefined ? 'is required' : 'must be an integer');
  else if (opts.min !== undefined && (amount as number) < opts.min) c.fail('amount', `must be at least ${opts.min}`);
  const cur = v.currency;
  if (currency !== undefined) {
    if (cur !== currency) c.fail('currency', `must be ${currency}, the order's currency`);
  } else if (!isCurrency(cur)) {
    c.fail('currency', 'must be an ISO 4217 currency code');
  }
  c.leave();
}

function record(c: Checker, o: Obj, key: string, optional: boolean, check: (c: Checker, v: Obj) => void): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (!isRecord(v)) {
    c.fail(key, v === undefined ? 'is required' : 'must be an object');
    return;
  }
  c.enter(key);
  check(c, v);
  c.leave();
}

function list(c: Checker, o: Obj, key: string, optional: boolean, check: (c: Checker, v: Obj) => void): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (!Array.isArray(v)) {
    c.fail(key, v === undefined ? 'is required' : 'must be a list');
    return;
  }
  c.enter(key);
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (!isRecord(item)) {
      c.fail(i, 'must be an object');
      continue;
    }
    c.enter(i);
    check(c, item);
    c.leave();
  }
  c.leave();
}

function strings(c: Checker, o: Obj, key: string, optional: boolean): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (!Array.isArray(v)) {
    c.fail(key, v === undefined ? 'is required' : 'must be a list of strings');
    return;
  }
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') {
      c.enter(key);
      c.fail(i, 'must be a string');
      c.leave();
    }
  }
}

// ── shapes ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A timeline template. Any non-empty key is accepted (a newer backend may say something this version
 * cannot render: the UI then shows `message`); parameters must be strings.
 */
function template(c: Checker, t: Obj): void {
  str(c, t, 'key', true);
  record(c, t, 'params', true, (c2, params) => {
    for (const name of Object.keys(params)) if (typeof params[name] !== 'string') c2.fail(name, 'must be a string');
  });
}

function person(c: Checker, p: Obj): void {
  str(c, p, 'id', true);
  str(c, p, 'name');
}

function customer(c: Checker, v: Obj): void {
  str(c, v, 'name');
  optStr(c, v, 'phone');
  optStr(c, v, 'email');
}

function address(c: Checker, a: Obj): void {
  optStr(c, a, 'name');
  str(c, a, 'line1');
  optStr(c, a, 'line2');
  str(c, a, 'city');
  optStr(c, a, 'region');
  optStr(c, a, 'postalCode');
  str(c, a, 'country');
  optStr(c, a, 'phone');
}

function lineQuantity(c: Checker, l: Obj): void {
  str(c, l, 'lineId', true);
  int(c, l, 'quantity', 0);
}

function assignees(c: Checker, a: Obj): void {
  record(c, a, 'csr', true, person);
  record(c, a, 'agent', true, person);
}

function shipment(c: Checker, s: Obj): void {
  str(c, s, 'id', true);
  record(c, s, 'courier', false, (c2, v) => {
    str(c2, v, 'code');
    str(c2, v, 'name');
  });
  optStr(c, s, 'trackingNumber');
  optStr(c, s, 'trackingUrl');
  optStr(c, s, 'airWaybill');
  list(c, s, 'lines', false, lineQuantity);
  oneOf(c, s, 'status', SHIPMENT_STATUS);
  list(c, s, 'events', false, (c2, e) => {
    oneOf(c2, e, 'status', SHIPMENT_STATUS);
    timestamp(c2, e, 'at');
    optStr(c2, e, 'note');
  });
  timestamp(c, s, 'scheduledAt', true);
  record(c, s, 'selfDeliveryAgent', true, person);
  timestamp(c, s, 'createdAt');
}

function checkOrderShape(c: Checker, o: Obj): void {
  str(c, o, 'id', true);
  str(c, o, 'number', true);
  str(c, o, 'channel', true);
  str(c, o, 'storeId', true);
  const currency = o.currency;
  if (!isCurrency(currency)) c.fail('currency', currency === undefined ? 'is required' : 'must be an ISO 4217 currency code');
  const cur = isCurrency(currency) ? currency : undefined;
  record(c, o, 'customer', false, customer);
  record(c, o, 'shippingAddress', true, address);
  record(c, o, 'billingAddress', true, address);
  list(c, o, 'lines', false, (c2, l) => {
    str(c2, l, 'id', true);
    str(c2, l, 'sku');
    str(c2, l, 'name');
    optStr(c2, l, 'variant');
    optStr(c2, l, 'imageUrl');
    moneyAt(c2, l, 'unitPrice', cur);
    moneyAt(c2, l, 'discount', cur);
    record(c2, l, 'quantity', false, (c3, q) => {
      for (const k of COUNTERS) int(c3, q, k, 0);
    });
  });
  moneyAt(c, o, 'discount', cur);
  moneyAt(c, o, 'deliveryFee', cur);
  moneyAt(c, o, 'tax', cur);
  record(c, o, 'totals', false, (c2, t) => {
    for (const k of TOTALS) moneyAt(c2, t, k, cur);
  });
  oneOf(c, o, 'paymentMethod', PAYMENT_METHODS, true);
  list(c, o, 'payments', false, (c2, p) => {
    str(c2, p, 'id', true);
    oneOf(c2, p, 'method', PAYMENT_METHODS);
    moneyAt(c2, p, 'amount', cur);
    oneOf(c2, p, 'status', PAYMENT_ENTRY);
    optStr(c2, p, 'reference');
    timestamp(c2, p, 'at');
    record(c2, p, 'by', false, person);
  });
  list(c, o, 'refunds', false, (c2, r) => {
    str(c2, r, 'id', true);
    moneyAt(c2, r, 'amount', cur);
    str(c2, r, 'reason');
    list(c2, r, 'lines', false, lineQuantity);
    bool(c2, r, 'restock');
    timestamp(c2, r, 'at');
    record(c2, r, 'by', false, person);
  });
  list(c, o, 'shipments', false, shipment);
  list(c, o, 'expenses', false, (c2, e) => {
    str(c2, e, 'id', true);
    str(c2, e, 'label');
    moneyAt(c2, e, 'amount', cur);
    timestamp(c2, e, 'at');
    record(c2, e, 'by', false, person);
  });
  record(c, o, 'assignees', false, assignees);
  strings(c, o, 'tags', false);
  optStr(c, o, 'note');
  record(c, o, 'cancellation', true, (c2, r) => {
    oneOf(c2, r, 'status', REQUEST_STATUS);
    str(c2, r, 'reason');
    timestamp(c2, r, 'requestedAt');
    timestamp(c2, r, 'decidedAt', true);
    str(c2, r, 'previousStatus');
  });
  record(c, o, 'returnRequest', true, (c2, r) => {
    oneOf(c2, r, 'status', RETURN_STATUS);
    str(c2, r, 'reason');
    list(c2, r, 'lines', false, lineQuantity);
    timestamp(c2, r, 'requestedAt');
    timestamp(c2, r, 'decidedAt', true);
    str(c2, r, 'previousStatus');
  });
  optStr(c, o, 'cancelReason');
  record(c, o, 'posting', true, (c2, p) => {
    oneOf(c2, p, 'status', POSTING_STATUS);
    int(c2, p, 'postedVersion', 1, true);
    bool(c2, p, 'stale');
    list(c2, p, 'history', false, (c3, h) => {
      oneOf(c3, h, 'status', POSTING_STATUS);
      timestamp(c3, h, 'at');
      optStr(c3, h, 'error');
      optStr(c3, h, 'reference');
    });
  });
  list(c, o, 'prints', true, (c2, r) => {
    oneOf(c2, r, 'document', PRINT_DOCUMENTS);
    timestamp(c2, r, 'at');
    record(c2, r, 'by', false, person);
    int(c2, r, 'copies', 1);
  });
  list(c, o, 'messages', false, (c2, m) => {
    oneOf(c2, m, 'channel', MESSAGE_CHANNEL);
    str(c2, m, 'recipient');
    str(c2, m, 'text');
    record(c2, m, 'template', true, template);
  });
  timestamp(c, o, 'scheduledAt', true);
  bool(c, o, 'archived');
  timestamp(c, o, 'deletedAt', true);
  timestamp(c, o, 'createdAt');
  timestamp(c, o, 'updatedAt');
  int(c, o, 'version', 1);
  str(c, o, 'status', true);
  oneOf(c, o, 'paymentStatus', PAYMENT_STATUS);
  oneOf(c, o, 'fulfillmentStatus', FULFILLMENT_STATUS);
  list(c, o, 'timeline', false, (c2, e) => {
    str(c2, e, 'id', true);
    timestamp(c2, e, 'at');
    record(c2, e, 'actor', false, person);
    oneOf(c2, e, 'kind', TIMELINE_KIND);
    optStr(c2, e, 'action');
    optStr(c2, e, 'from');
    optStr(c2, e, 'to');
    optStr(c2, e, 'message');
    record(c2, e, 'template', true, template);
  });
}

function invalid(what: string, problems: readonly FieldProblem[]): OrderApiError {
  const first = problems[0];
  const detail = first ? `: ${first.field} ${first.message}` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new OrderApiError({ code: 'invalid-input', message: `${what}${detail}${more}`, fields: problems });
}

function run(value: unknown, prefix: readonly Segment[], check: (c: Checker, v: Obj) => void): FieldProblem[] {
  const c = new Checker(prefix);
  if (!isRecord(value)) c.fail(undefined, 'must be an object');
  else check(c, value);
  return c.problems;
}

/** Every shape problem of a stored or received order (empty when sound). Never throws. */
export function checkOrder(value: unknown, prefix: readonly Segment[] = []): FieldProblem[] {
  return run(value, prefix, checkOrderShape);
}

/**
 * Checks the shape of an order from storage or a backend and returns it typed; throws `invalid-input`
 * naming each field at fault. Unknown extra fields are ignored.
 */
export function validateOrder(value: unknown, prefix: readonly Segment[] = []): Order {
  const problems = checkOrder(value, prefix);
  if (problems.length) {
    const id = isRecord(value) && typeof value.id === 'string' ? ` ${value.id}` : '';
    throw invalid(`Malformed order${id}`, problems);
  }
  return value as unknown as Order;
}

// ── drafts and patches ────────────────────────────────────────────────────────────────────────────────

function draftLine(cur: string | undefined) {
  return (c: Checker, l: Obj): void => {
    str(c, l, 'sku');
    str(c, l, 'name', true);
    optStr(c, l, 'variant');
    optStr(c, l, 'imageUrl');
    moneyAt(c, l, 'unitPrice', cur, { min: 0 });
    moneyAt(c, l, 'discount', cur, { optional: true, min: 0 });
    int(c, l, 'quantity', 1);
  };
}

function draftLines(c: Checker, o: Obj, cur: string | undefined, optional: boolean): void {
  const v = o.lines;
  if (v === undefined && optional) return;
  if (Array.isArray(v) && v.length === 0) {
    c.fail('lines', 'must have at least one line');
    return;
  }
  list(c, o, 'lines', optional, draftLine(cur));
}

export { isEmail, isPhone };

function contact(c: Checker, v: Obj): void {
  const phone = v.phone;
  if (typeof phone === 'string' && phone.trim() !== '' && !isPhone(phone)) c.fail('phone', 'must be a phone number (6–15 digits, optionally starting with +)');
  const email = v.email;
  if (typeof email === 'string' && email.trim() !== '' && !isEmail(email)) c.fail('email', 'must be an e-mail address such as name@example.com');
}

/** The editable fields shared by drafts and patches. */
function editable(c: Checker, o: Obj, cur: string | undefined): void {
  record(c, o, 'customer', true, (c2, v) => {
    str(c2, v, 'name', true);
    optStr(c2, v, 'phone');
    optStr(c2, v, 'email');
    contact(c2, v);
  });
  record(c, o, 'assignees', true, assignees);
  record(c, o, 'shippingAddress', true, address);
  record(c, o, 'billingAddress', true, address);
  draftLines(c, o, cur, true);
  moneyAt(c, o, 'discount', cur, { optional: true, min: 0 });
  moneyAt(c, o, 'deliveryFee', cur, { optional: true, min: 0 });
  moneyAt(c, o, 'tax', cur, { optional: true, min: 0 });
  oneOf(c, o, 'paymentMethod', PAYMENT_METHODS, true);
  strings(c, o, 'tags', true);
  optStr(c, o, 'note');
  timestamp(c, o, 'scheduledAt', true);
}

/** Every problem of an order draft (empty when sound). `prefix` puts it in context (`[3]` in an import). */
export function checkDraft(value: unknown, prefix: readonly Segment[] = []): FieldProblem[] {
  return run(value, prefix, (c, o) => {
    if (o.number !== undefined) str(c, o, 'number', true);
    str(c, o, 'channel', true);
    str(c, o, 'storeId', true);
    const currency = o.currency;
    if (!isCurrency(currency)) c.fail('currency', currency === undefined ? 'is required' : 'must be an ISO 4217 currency code');
    const cur = isCurrency(currency) ? currency : undefined;
    if (o.customer === undefined) c.fail('customer', 'is required');
    if (o.lines === undefined) c.fail('lines', 'is required');
    editable(c, o, cur);
    record(c, o, 'initialPayment', true, (c2, p) => {
      oneOf(c2, p, 'method', PAYMENT_METHODS, false);
      moneyAt(c2, p, 'amount', cur, { min: 1 });
      optStr(c2, p, 'reference');
    });
  });
}

/** Checks a draft for a new order (manual order, import row) and returns it typed, or throws `invalid-input`. */
export function validateDraft(value: unknown, prefix: readonly Segment[] = []): OrderDraft {
  const problems = checkDraft(value, prefix);
  if (problems.length) throw invalid('Invalid order', problems);
  return value as unknown as OrderDraft;
}

const PATCH_KEYS = set(
  'assignees', 'customer', 'shippingAddress', 'billingAddress', 'discount', 'deliveryFee', 'tax', 'paymentMethod', 'tags', 'note', 'scheduledAt', 'lines',
);

/**
 * Checks an order patch; money must be in `currency` (the order's) when given. Fields that cannot be
 * edited are refused by name. A key present with `undefined` clears an optional field.
 */
export function validatePatch(value: unknown, currency?: string, prefix: readonly Segment[] = ['patch']): OrderPatch {
  const cur = isCurrency(currency) ? currency : undefined;
  const problems = run(value, prefix, (c, o) => {
    for (const key of Object.keys(o)) if (!PATCH_KEYS.has(key)) c.fail(key, 'cannot be edited');
    editable(c, o, cur);
  });
  if (problems.length) throw invalid('Invalid change', problems);
  return value as OrderPatch;
}

// ── requests ──────────────────────────────────────────────────────────────────────────────────────────

export function validateActionRequest(value: unknown): ActionRequest {
  const problems = run(value, [], (c, o) => {
    str(c, o, 'orderId', true);
    str(c, o, 'action', true);
    if (o.input !== undefined && !isRecord(o.input)) c.fail('input', 'must be an object');
    int(c, o, 'expectedVersion', 1);
  });
  if (problems.length) throw invalid('Invalid action request', problems);
  return value as unknown as ActionRequest;
}

export function validateUpdateRequest(value: unknown): UpdateRequest {
  const problems = run(value, [], (c, o) => {
    str(c, o, 'orderId', true);
    int(c, o, 'expectedVersion', 1);
    if (!isRecord(o.patch)) c.fail('patch', o.patch === undefined ? 'is required' : 'must be an object');
  });
  if (problems.length) throw invalid('Invalid update request', problems);
  return value as unknown as UpdateRequest;
}

export function validateBulkRequest(value: unknown): BulkActionRequest {
  const problems = run(value, [], (c, o) => {
    str(c, o, 'action', true);
    if (o.input !== undefined && !isRecord(o.input)) c.fail('input', 'must be an object');
    if (o.orderIds === undefined && o.query === undefined) c.fail('orderIds', 'orderIds or query is required');
    if (o.orderIds !== undefined) strings(c, o, 'orderIds', false);
    if (o.query !== undefined) record(c, o, 'query', false, queryShape);
  });
  if (problems.length) throw invalid('Invalid bulk request', problems);
  return value as unknown as BulkActionRequest;
}

function queryShape(c: Checker, q: Obj): void {
  optStr(c, q, 'tab');
  optStr(c, q, 'search');
  record(c, q, 'sort', true, (c2, s) => {
    oneOf(c2, s, 'field', SORT_FIELDS);
    oneOf(c2, s, 'direction', set('asc', 'desc'));
  });
  timestamp(c, q, 'from', true);
  timestamp(c, q, 'to', true);
  oneOf(c, q, 'dateField', set('createdAt', 'updatedAt', 'scheduledAt'), true);
  for (const key of ['storeIds', 'channels', 'statuses', 'paymentStatus', 'fulfillmentStatus']) strings(c, q, key, true);
  const archived = q.archived;
  if (archived !== undefined && typeof archived !== 'boolean' && archived !== 'any') c.fail('archived', "must be true, false or 'any'");
  bool(c, q, 'deleted', true);
  optStr(c, q, 'assigneeId');
  const notPrinted = q.notPrinted;
  if (notPrinted !== undefined && (!Array.isArray(notPrinted) || !notPrinted.every((d) => PRINT_DOCUMENTS.has(d as string)))) {
    c.fail('notPrinted', `must be a list of ${PRINT_DOCUMENT_KINDS.join(', ')}`);
  }
}

export function validateQuery(value: unknown): OrderQuery {
  const problems = run(value, [], queryShape);
  if (problems.length) throw invalid('Invalid query', problems);
  return value as OrderQuery;
}

export function validatePage(value: unknown): PageRequest {
  const problems = run(value, [], (c, p) => {
    int(c, p, 'offset', 0);
    int(c, p, 'limit', 0);
  });
  if (problems.length) throw invalid('Invalid page', problems);
  return value as unknown as PageRequest;
}

/** A scanned or typed code for `findOrdersByCode`: a string with something left after normalising, at most `CODE_MAX` long. */
export function validateCode(value: unknown): string {
  if (typeof value !== 'string') throw invalid('Invalid code', [{ field: 'code', message: 'must be a string' }]);
  if (value.length > CODE_MAX) throw invalid('Invalid code', [{ field: 'code', message: `must be at most ${CODE_MAX} characters` }]);
  if (normalizeCode(value) === '') throw invalid('Invalid code', [{ field: 'code', message: 'must not be empty' }]);
  return value;
}
