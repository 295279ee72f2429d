/**
 * Checking what a REST backend sends before anyone uses it (DESIGN.md §2.2: "a malformed order gives a
 * clear error naming the field, never a broken screen"). Orders go through validate.ts; the envelopes
 * around them (pages, bulk results, shipment and payment rows, calendar buckets, change events) are
 * checked here. Every problem names its path in the response body (`items[3].totals.total.amount`).
 *
 * A malformed response is the backend's fault, not the caller's, so it becomes `unavailable` (with
 * `fields` naming every problem), not `invalid-input`.
 */
import { isCurrency } from '../../model/money.js';
import type { Order } from '../../model/types.js';
import type { Refusal } from '../../model/workflow/types.js';
import {
  OrderApiError,
  type BulkItemResult,
  type CalendarBucket,
  type Capabilities,
  type ChangeEvent,
  type CustomerMatch,
  type FieldProblem,
  type ImportResult,
  type OrderApiErrorData,
  type OrderPage,
  type PaymentRow,
  type PaymentTotals,
  type ProductMatch,
  type ShipmentRow,
  type StoredWorkflow,
} from '../types.js';
import { checkOrder, formatPath, isRecord, isTimestamp } from '../validate.js';
import { checkWorkflowShape } from '../workflow-shape.js';
import { isErrorCode } from './wire.js';

type Obj = Readonly<Record<string, unknown>>;
type Path = readonly (string | number)[];

/** The error for a response body that is not what the contract promises. */
export function malformed(what: string, problems: readonly FieldProblem[]): OrderApiError {
  const first = problems[0];
  const detail = first ? `: ${first.field} ${first.message}` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new OrderApiError({
    code: 'unavailable',
    message: `The server sent ${what}${detail}${more}.`,
    ...(problems.length > 0 && { fields: problems }),
  });
}

/** Collects problems of one response body. */
class Check {
  readonly problems: FieldProblem[] = [];

  fail(path: Path, message: string): void {
    if (this.problems.length < 20) this.problems.push({ field: formatPath(path) || '(body)', message });
  }

  object(value: unknown, path: Path): value is Obj {
    if (isRecord(value)) return true;
    this.fail(path, 'must be an object');
    return false;
  }

  list(value: unknown, path: Path): value is readonly unknown[] {
    if (Array.isArray(value)) return true;
    this.fail(path, value === undefined ? 'is required' : 'must be a list');
    return false;
  }

  str(o: Obj, key: string, path: Path, optional = false): void {
    const v = o[key];
    if (optional && v === undefined) return;
    if (typeof v !== 'string') this.fail([...path, key], v === undefined ? 'is required' : 'must be a string');
  }

  int(o: Obj, key: string, path: Path, min = 0): void {
    const v = o[key];
    if (!Number.isSafeInteger(v)) this.fail([...path, key], v === undefined ? 'is required' : 'must be an integer');
    else if ((v as number) < min) this.fail([...path, key], `must be at least ${min}`);
  }

  time(o: Obj, key: string, path: Path, optional = false): void {
    const v = o[key];
    if (optional && v === undefined) return;
    if (!isTimestamp(v)) this.fail([...path, key], v === undefined ? 'is required' : 'must be an ISO 8601 timestamp with a time zone');
  }

  money(o: Obj, key: string, path: Path): void {
    const v = o[key];
    if (!this.object(v, [...path, key])) return;
    if (!Number.isSafeInteger(v.amount)) this.fail([...path, key, 'amount'], 'must be an integer');
    if (!isCurrency(v.currency)) this.fail([...path, key, 'currency'], 'must be an ISO 4217 currency code');
  }

  order(value: unknown, path: Path): void {
    for (const p of checkOrder(value, path)) {
      if (this.problems.length < 20) this.problems.push(p.field === '' ? { field: '(body)', message: p.message } : p);
    }
  }

  done<T>(what: string, value: unknown): T {
    if (this.problems.length) throw malformed(what, this.problems);
    return value as T;
  }
}

function body(what: string, value: unknown, check: (c: Check, o: Obj) => void): unknown {
  const c = new Check();
  if (c.object(value, [])) check(c, value);
  return c.done(what, value);
}

export function decodeOrder(value: unknown): Order {
  const c = new Check();
  c.order(value, []);
  return c.done<Order>('a malformed order', value);
}

export function decodeOrderPage(value: unknown): OrderPage {
  return body('a malformed order page', value, (c, o) => {
    if (c.list(o.items, ['items'])) o.items.forEach((item, i) => c.order(item, ['items', i]));
    c.int(o, 'total', []);
    c.int(o, 'offset', []);
  }) as OrderPage;
}

/** `{ items: Order[] }` of `GET /orders/lookup`. */
export function decodeOrderList(value: unknown): readonly Order[] {
  return (
    body('a malformed order list', value, (c, o) => {
      if (c.list(o.items, ['items'])) o.items.forEach((item, i) => c.order(item, ['items', i]));
    }) as { items: readonly Order[] }
  ).items;
}

export function decodeCounts(value: unknown): Readonly<Record<string, number>> {
  return body('malformed tab counts', value, (c, o) => {
    for (const key of Object.keys(o)) c.int(o, key, []);
  }) as Readonly<Record<string, number>>;
}

function refusalProblems(c: Check, value: unknown, path: Path): void {
  if (!c.object(value, path)) return;
  c.str(value, 'code', path);
  c.str(value, 'message', path);
  c.str(value, 'field', path, true);
}

function fieldsProblems(c: Check, value: unknown, path: Path): void {
  if (!c.list(value, path)) return;
  value.forEach((f, i) => {
    if (!c.object(f, [...path, i])) return;
    c.str(f, 'field', [...path, i]);
    c.str(f, 'message', [...path, i]);
  });
}

function errorDataProblems(c: Check, value: unknown, path: Path): void {
  if (!c.object(value, path)) return;
  if (!isErrorCode(value.code)) c.fail([...path, 'code'], 'must be an error code of the contract');
  c.str(value, 'message', path);
  if (value.fields !== undefined) fieldsProblems(c, value.fields, [...path, 'fields']);
  if (value.refusal !== undefined) refusalProblems(c, value.refusal, [...path, 'refusal']);
  if (value.current !== undefined) c.order(value.current, [...path, 'current']);
}

export function decodeBulk(value: unknown): readonly BulkItemResult[] {
  const checked = body('malformed bulk results', value, (c, o) => {
    if (!c.list(o.results, ['results'])) return;
    o.results.forEach((r, i) => {
      const path = ['results', i];
      if (!c.object(r, path)) return;
      c.str(r, 'orderId', path);
      if (r.ok === true) c.order(r.order, [...path, 'order']);
      else if (r.ok === false) errorDataProblems(c, r.error, [...path, 'error']);
      else c.fail([...path, 'ok'], 'must be true or false');
    });
  }) as { results: readonly BulkItemResult[] };
  return checked.results;
}

export function decodeImport(value: unknown): ImportResult {
  return body('a malformed import result', value, (c, o) => {
    if (c.list(o.created, ['created'])) o.created.forEach((item, i) => c.order(item, ['created', i]));
    if (c.list(o.skipped, ['skipped'])) {
      o.skipped.forEach((s, i) => {
        if (!c.object(s, ['skipped', i])) return;
        c.str(s, 'number', ['skipped', i]);
        c.str(s, 'orderId', ['skipped', i]);
      });
    }
  }) as ImportResult;
}

function rowHead(c: Check, r: Obj, path: Path): void {
  c.str(r, 'orderId', path);
  c.str(r, 'orderNumber', path);
  c.str(r, 'storeId', path);
}

function shipmentProblems(c: Check, s: unknown, path: Path): void {
  if (!c.object(s, path)) return;
  c.str(s, 'id', path);
  if (c.object(s.courier, [...path, 'courier'])) {
    c.str(s.courier, 'code', [...path, 'courier']);
    c.str(s.courier, 'name', [...path, 'courier']);
  }
  c.str(s, 'status', path);
  for (const key of ['trackingNumber', 'trackingUrl', 'airWaybill']) c.str(s, key, path, true);
  if (c.list(s.lines, [...path, 'lines'])) {
    s.lines.forEach((l, i) => {
      if (!c.object(l, [...path, 'lines', i])) return;
      c.str(l, 'lineId', [...path, 'lines', i]);
      c.int(l, 'quantity', [...path, 'lines', i]);
    });
  }
  if (c.list(s.events, [...path, 'events'])) {
    s.events.forEach((e, i) => {
      if (!c.object(e, [...path, 'events', i])) return;
      c.str(e, 'status', [...path, 'events', i]);
      c.time(e, 'at', [...path, 'events', i]);
    });
  }
  c.time(s, 'scheduledAt', path, true);
  c.time(s, 'createdAt', path);
}

export function decodeShipments(value: unknown): { readonly items: readonly ShipmentRow[]; readonly total: number } {
  return body('a malformed shipment list', value, (c, o) => {
    if (c.list(o.items, ['items'])) {
      o.items.forEach((r, i) => {
        if (!c.object(r, ['items', i])) return;
        rowHead(c, r, ['items', i]);
        shipmentProblems(c, r.shipment, ['items', i, 'shipment']);
      });
    }
    c.int(o, 'total', []);
  }) as { items: readonly ShipmentRow[]; total: number };
}

export function decodePayments(value: unknown): {
  readonly items: readonly PaymentRow[];
  readonly total: number;
  readonly totals: PaymentTotals;
} {
  return body('a malformed payment list', value, (c, o) => {
    if (c.list(o.items, ['items'])) {
      o.items.forEach((r, i) => {
        const path = ['items', i];
        if (!c.object(r, path)) return;
        rowHead(c, r, path);
        const p = r.payment;
        if (!c.object(p, [...path, 'payment'])) return;
        const pp = [...path, 'payment'];
        c.str(p, 'id', pp);
        c.str(p, 'method', pp);
        c.money(p, 'amount', pp);
        c.str(p, 'status', pp);
        c.str(p, 'reference', pp, true);
        c.time(p, 'at', pp);
        if (c.object(p.by, [...pp, 'by'])) {
          c.str(p.by, 'id', [...pp, 'by']);
          c.str(p.by, 'name', [...pp, 'by']);
        }
      });
    }
    c.int(o, 'total', []);
    if (c.object(o.totals, ['totals']) && c.object(o.totals.byMethod, ['totals', 'byMethod'])) {
      const byMethod = o.totals.byMethod;
      for (const key of Object.keys(byMethod)) c.money(byMethod, key, ['totals', 'byMethod']);
    }
  }) as { items: readonly PaymentRow[]; total: number; totals: PaymentTotals };
}

const KINDS: ReadonlySet<unknown> = new Set(['created', 'scheduled', 'shipment']);

export function decodeCalendar(value: unknown): readonly CalendarBucket[] {
  const checked = body('malformed calendar buckets', value, (c, o) => {
    if (!c.list(o.buckets, ['buckets'])) return;
    o.buckets.forEach((b, i) => {
      const path = ['buckets', i];
      if (!c.object(b, path)) return;
      if (typeof b.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(b.day)) c.fail([...path, 'day'], 'must be a YYYY-MM-DD day');
      if (!KINDS.has(b.kind)) c.fail([...path, 'kind'], 'must be one of created, scheduled, shipment');
      c.int(b, 'count', path);
      if (c.object(b.byStatus, [...path, 'byStatus'])) for (const key of Object.keys(b.byStatus)) c.int(b.byStatus, key, [...path, 'byStatus']);
    });
  }) as { buckets: readonly CalendarBucket[] };
  return checked.buckets;
}

const CAPABILITY_KEYS = ['concurrency', 'idempotency', 'realtime', 'bulk', 'import', 'calendar'] as const;

export function decodeCapabilities(value: unknown): Capabilities {
  return body('malformed capabilities', value, (c, o) => {
    for (const key of CAPABILITY_KEYS) if (typeof o[key] !== 'boolean') c.fail([key], 'must be true or false');
    if (o.workflows !== undefined && typeof o.workflows !== 'boolean') c.fail(['workflows'], 'must be true or false');
    if (o.orderEntry !== undefined && typeof o.orderEntry !== 'boolean') c.fail(['orderEntry'], 'must be true or false');
  }) as Capabilities;
}

function address(c: Check, o: Obj, key: string, path: Path): void {
  const v = o[key];
  if (v === undefined || !c.object(v, [...path, key])) return;
  for (const k of ['line1', 'city', 'country']) c.str(v, k, [...path, key]);
  for (const k of ['name', 'line2', 'region', 'postalCode', 'phone']) c.str(v, k, [...path, key], true);
}

/** `GET /customers`: `{ items: CustomerMatch[] }`. */
export function decodeCustomers(value: unknown): readonly CustomerMatch[] {
  const o = body('a malformed customer list', value, (c, o) => {
    if (!c.list(o.items, ['items'])) return;
    o.items.forEach((item, i) => {
      const path = ['items', i];
      if (!c.object(item, path)) return;
      if (c.object(item.customer, [...path, 'customer'])) {
        c.str(item.customer, 'name', [...path, 'customer']);
        c.str(item.customer, 'phone', [...path, 'customer'], true);
        c.str(item.customer, 'email', [...path, 'customer'], true);
      }
      address(c, item, 'shippingAddress', path);
      address(c, item, 'billingAddress', path);
      c.int(item, 'orderCount', path, 1);
      c.time(item, 'lastOrderAt', path);
      c.str(item, 'storeId', path);
    });
  }) as { items: readonly CustomerMatch[] };
  return o.items;
}

/** `GET /products`: `{ items: ProductMatch[] }`. */
export function decodeProducts(value: unknown): readonly ProductMatch[] {
  const o = body('a malformed product list', value, (c, o) => {
    if (!c.list(o.items, ['items'])) return;
    o.items.forEach((item, i) => {
      const path = ['items', i];
      if (!c.object(item, path)) return;
      c.str(item, 'name', path);
      if (!c.list(item.variants, [...path, 'variants'])) return;
      item.variants.forEach((v, j) => {
        const vp = [...path, 'variants', j];
        if (!c.object(v, vp)) return;
        c.str(v, 'sku', vp);
        c.str(v, 'variant', vp, true);
        if (v.unitPrice !== undefined) c.money(v, 'unitPrice', vp);
      });
    });
  }) as { items: readonly ProductMatch[] };
  return o.items;
}

/** Problems of a `{ definition, version }` body (empty when it is one). */
function storedWorkflowProblems(value: unknown, prefix: string): FieldProblem[] {
  if (!isRecord(value)) return [{ field: prefix || '(body)', message: 'must be an object' }];
  const at = (field: string): string => (prefix ? `${prefix}.${field}` : field);
  const problems = checkWorkflowShape(value.definition, at('definition'));
  if (!(Number.isSafeInteger(value.version) && (value.version as number) >= 0)) problems.push({ field: at('version'), message: 'must be a whole number, at least 0' });
  return problems;
}

/** `GET /workflow` and `PUT /workflow` answers: the definition and its version. */
export function decodeStoredWorkflow(value: unknown): StoredWorkflow {
  const problems = storedWorkflowProblems(value, '');
  if (problems.length) throw malformed('a malformed workflow', problems);
  return value as StoredWorkflow;
}

/**
 * The typed parts of a problem+json body, each checked; what is malformed is left out rather than
 * failing the error (the status and code still say what happened). `problems` lists what was dropped.
 */
export function problemExtras(o: Obj): { data: Partial<OrderApiErrorData>; dropped: FieldProblem[] } {
  const data: { fields?: FieldProblem[]; refusal?: Refusal; retryAfterMs?: number; current?: Order; currentWorkflow?: StoredWorkflow } = {};
  const dropped: FieldProblem[] = [];
  const part = (key: string, check: (c: Check) => void, keep: () => void): void => {
    if (o[key] === undefined) return;
    const c = new Check();
    check(c);
    if (c.problems.length) dropped.push(...c.problems);
    else keep();
  };
  part('fields', (c) => fieldsProblems(c, o.fields, ['fields']), () => (data.fields = o.fields as FieldProblem[]));
  part('refusal', (c) => refusalProblems(c, o.refusal, ['refusal']), () => (data.refusal = o.refusal as Refusal));
  part(
    'retryAfterMs',
    (c) => c.int(o, 'retryAfterMs', []),
    () => (data.retryAfterMs = o.retryAfterMs as number),
  );
  part('current', (c) => c.order(o.current, ['current']), () => (data.current = o.current as Order));
  part(
    'currentWorkflow',
    (c) => storedWorkflowProblems(o.currentWorkflow, 'currentWorkflow').forEach((p) => c.fail([p.field], p.message)),
    () => (data.currentWorkflow = o.currentWorkflow as StoredWorkflow),
  );
  return { data, dropped };
}

const EVENT_TYPES: ReadonlySet<unknown> = new Set(['order-created', 'order-updated', 'order-removed', 'reset', 'workflow-updated']);

/**
 * One SSE `data` payload as a `ChangeEvent` with origin `server`. A malformed event is an error; an
 * event whose embedded order is malformed keeps its id and version but drops the order (listeners
 * then fetch it), and says so in `dropped`.
 */
export function decodeChangeEvent(value: unknown): { event: ChangeEvent; dropped: FieldProblem[] } {
  const c = new Check();
  if (!c.object(value, [])) throw malformed('a malformed change event', c.problems);
  if (!EVENT_TYPES.has(value.type)) c.fail(['type'], 'must be order-created, order-updated, order-removed, reset or workflow-updated');
  if (value.type === 'workflow-updated') c.int(value, 'version', [], 1);
  else if (value.type !== 'reset') c.str(value, 'orderId', []);
  if (value.type === 'order-created' || value.type === 'order-updated') {
    c.int(value, 'version', [], 1);
    c.str(value, 'cause', [], true);
  }
  c.done('a malformed change event', value);
  switch (value.type) {
    case 'reset':
      return { event: { type: 'reset', origin: 'server' }, dropped: [] };
    case 'workflow-updated':
      return { event: { type: 'workflow-updated', version: value.version as number, origin: 'server' }, dropped: [] };
    case 'order-removed':
      return { event: { type: 'order-removed', orderId: value.orderId as string, origin: 'server' }, dropped: [] };
    default: {
      const order = new Check();
      if (value.order !== undefined) order.order(value.order, ['order']);
      const keep = value.order !== undefined && order.problems.length === 0;
      return {
        event: {
          type: value.type as 'order-created' | 'order-updated',
          orderId: value.orderId as string,
          version: value.version as number,
          ...(typeof value.cause === 'string' && { cause: value.cause }),
          ...(keep && { order: value.order as Order }),
          origin: 'server',
        },
        dropped: order.problems,
      };
    }
  }
}
