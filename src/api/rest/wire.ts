/**
 * The wire format of the REST contract (docs/openapi.yaml), in one place so the REST adapter and the
 * mock backend read and write exactly the same thing: problem type URIs and HTTP statuses per error
 * code, the query-string encoding of every read, ETag / If-Match, merge-patch bodies.
 *
 * Query strings: every field of the request object is a parameter of the same name; lists repeat the
 * parameter (`storeIds=a&storeIds=b`, an empty list is one empty value `storeIds=`); booleans are
 * `true` / `false`; `archived` may also be `any`; the sort is `sort=<field>` (ascending) or
 * `sort=-<field>` (descending).
 */
import type { CalendarRequest, FieldProblem, OrderApiErrorCode, OrderQuery, PageRequest, PaymentQuery, ShipmentQuery, SortField } from '../types.js';
import { PRINT_DOCUMENT_KINDS, type PrintDocumentKind } from '../../model/types.js';

/** Problem `type` URIs are `PROBLEM_BASE + code` (`https://orderdeck.dev/problems/conflict`). */
export const PROBLEM_BASE = 'https://orderdeck.dev/problems/';
/** The 401 problem (no or unknown bearer token); clients report it as `forbidden`. */
export const UNAUTHENTICATED_TYPE = `${PROBLEM_BASE}unauthenticated`;

export const ERROR_CODES: readonly OrderApiErrorCode[] = [
  'not-found',
  'forbidden',
  'conflict',
  'invalid-input',
  'refused',
  'network',
  'rate-limited',
  'aborted',
  'unavailable',
];

const CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);
export const isErrorCode = (v: unknown): v is OrderApiErrorCode => typeof v === 'string' && CODE_SET.has(v);

export const problemType = (code: OrderApiErrorCode): string => `${PROBLEM_BASE}${code}`;

/** The code of a problem `type` URI of this contract, if it is one. */
export function codeOfType(type: unknown): OrderApiErrorCode | undefined {
  if (typeof type !== 'string') return undefined;
  if (type === UNAUTHENTICATED_TYPE) return 'forbidden';
  if (!type.startsWith(PROBLEM_BASE)) return undefined;
  const code = type.slice(PROBLEM_BASE.length);
  return isErrorCode(code) ? code : undefined;
}

/** Short, stable problem titles (RFC 9457 `title`). */
export const PROBLEM_TITLES: Readonly<Record<OrderApiErrorCode, string>> = {
  'not-found': 'Order not found',
  forbidden: 'Not allowed',
  conflict: 'Changed by someone else',
  'invalid-input': 'Invalid request',
  refused: 'Refused by the workflow',
  network: 'Network failure',
  'rate-limited': 'Too many requests',
  aborted: 'Request aborted',
  unavailable: 'Service unavailable',
};

/**
 * The status a server sends for each code. A stale `If-Match` is 412 (still `conflict`); a workflow
 * refusal is 422 (the request is understood but cannot be carried out on the order as it is), so 409
 * only ever means `conflict`.
 */
export const STATUS_OF_CODE: Readonly<Record<OrderApiErrorCode, number>> = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'invalid-input': 422,
  refused: 422,
  network: 503,
  'rate-limited': 429,
  aborted: 503,
  unavailable: 503,
};

/** The code a client assumes from the status alone, when the body names none. */
export function codeOfStatus(status: number): OrderApiErrorCode {
  switch (status) {
    case 400:
    case 422:
    case 428:
      return 'invalid-input';
    case 401:
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not-found';
    case 409:
    case 412:
      return 'conflict';
    case 408:
      return 'network';
    case 429:
      return 'rate-limited';
    default:
      return 'unavailable';
  }
}

// ── ETag / If-Match ──────────────────────────────────────────────────────────────────────────────────

/** The strong ETag of an order version: `"7"`. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version named by an `If-Match` header: `"7"` (or a bare `7`). `undefined` when absent, `NaN`
 * when present but not one version (a list, `*`, a weak tag, garbage).
 */
export function parseIfMatch(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const m = /^\s*"?(\d{1,15})"?\s*$/.exec(header);
  return m ? Number(m[1]) : Number.NaN;
}

// ── query strings ────────────────────────────────────────────────────────────────────────────────────

const SORT_FIELDS: ReadonlySet<string> = new Set<SortField>(['createdAt', 'updatedAt', 'number', 'customer', 'store', 'total', 'status', 'scheduledAt']);

function putList(params: URLSearchParams, key: string, values: readonly string[] | undefined): void {
  if (values === undefined) return;
  if (values.length === 0) params.append(key, '');
  for (const v of values) params.append(key, v);
}

function put(params: URLSearchParams, key: string, value: string | number | boolean | undefined): void {
  if (value !== undefined) params.set(key, String(value));
}

export function encodeOrderQuery(query: OrderQuery, params = new URLSearchParams()): URLSearchParams {
  put(params, 'tab', query.tab);
  put(params, 'search', query.search);
  if (query.sort) params.set('sort', `${query.sort.direction === 'desc' ? '-' : ''}${query.sort.field}`);
  put(params, 'from', query.from);
  put(params, 'to', query.to);
  put(params, 'dateField', query.dateField);
  putList(params, 'storeIds', query.storeIds);
  putList(params, 'channels', query.channels);
  putList(params, 'statuses', query.statuses);
  putList(params, 'paymentStatus', query.paymentStatus);
  putList(params, 'fulfillmentStatus', query.fulfillmentStatus);
  put(params, 'archived', query.archived);
  put(params, 'deleted', query.deleted);
  put(params, 'assigneeId', query.assigneeId);
  if (query.notPrinted && query.notPrinted.length > 0) putList(params, 'notPrinted', query.notPrinted);
  return params;
}

export function encodePage(page: PageRequest, params = new URLSearchParams()): URLSearchParams {
  params.set('offset', String(page.offset));
  params.set('limit', String(page.limit));
  return params;
}

export function encodeShipmentQuery(query: ShipmentQuery, params = new URLSearchParams()): URLSearchParams {
  put(params, 'courier', query.courier);
  putList(params, 'status', query.status);
  put(params, 'from', query.from);
  put(params, 'to', query.to);
  putList(params, 'storeIds', query.storeIds);
  return params;
}

export function encodePaymentQuery(query: PaymentQuery, params = new URLSearchParams()): URLSearchParams {
  putList(params, 'method', query.method);
  putList(params, 'status', query.status);
  put(params, 'from', query.from);
  put(params, 'to', query.to);
  putList(params, 'storeIds', query.storeIds);
  return params;
}

export function encodeCalendarRequest(request: CalendarRequest, params = new URLSearchParams()): URLSearchParams {
  params.set('from', request.from);
  params.set('to', request.to);
  params.set('timeZone', request.timeZone);
  putList(params, 'storeIds', request.storeIds);
  return params;
}

/** Reads parameters back into request objects, collecting problems by parameter name. */
export class ParamReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly params: URLSearchParams) {}

  str(key: string): string | undefined {
    return this.params.get(key) ?? undefined;
  }

  list(key: string): string[] | undefined {
    if (!this.params.has(key)) return undefined;
    return this.params.getAll(key).filter((v) => v !== '');
  }

  bool(key: string): boolean | undefined {
    const v = this.params.get(key);
    if (v === null) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    this.problems.push({ field: key, message: 'must be true or false' });
    return undefined;
  }

  int(key: string, min: number, max?: number): number | undefined {
    const v = this.params.get(key);
    if (v === null) {
      this.problems.push({ field: key, message: 'is required' });
      return undefined;
    }
    if (!/^\d{1,15}$/.test(v)) {
      this.problems.push({ field: key, message: 'must be an integer' });
      return undefined;
    }
    const n = Number(v);
    if (n < min) this.problems.push({ field: key, message: `must be at least ${min}` });
    else if (max !== undefined && n > max) this.problems.push({ field: key, message: `must be at most ${max}` });
    return n;
  }
}

/** The largest page the contract serves (`limit`). */
export const MAX_LIMIT = 1000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function decodeOrderQuery(r: ParamReader): OrderQuery {
  const q: Mutable<OrderQuery> = {};
  const set = <K extends keyof OrderQuery>(key: K, value: OrderQuery[K] | undefined): void => {
    if (value !== undefined) q[key] = value;
  };
  set('tab', r.str('tab'));
  set('search', r.str('search'));
  const sort = r.str('sort');
  if (sort !== undefined) {
    const desc = sort.startsWith('-');
    const field = desc ? sort.slice(1) : sort;
    if (SORT_FIELDS.has(field)) q.sort = { field: field as SortField, direction: desc ? 'desc' : 'asc' };
    else r.problems.push({ field: 'sort', message: `must be one of ${[...SORT_FIELDS].join(', ')}, optionally prefixed with -` });
  }
  set('from', r.str('from'));
  set('to', r.str('to'));
  set('dateField', r.str('dateField') as OrderQuery['dateField']);
  set('storeIds', r.list('storeIds'));
  set('channels', r.list('channels'));
  set('statuses', r.list('statuses'));
  set('paymentStatus', r.list('paymentStatus') as OrderQuery['paymentStatus']);
  set('fulfillmentStatus', r.list('fulfillmentStatus') as OrderQuery['fulfillmentStatus']);
  const archived = r.str('archived');
  if (archived === 'any') q.archived = 'any';
  else set('archived', r.bool('archived'));
  set('deleted', r.bool('deleted'));
  set('assigneeId', r.str('assigneeId'));
  const notPrinted = r.list('notPrinted');
  if (notPrinted !== undefined) {
    const unknown = notPrinted.filter((d) => !(PRINT_DOCUMENT_KINDS as readonly string[]).includes(d));
    if (unknown.length > 0) r.problems.push({ field: 'notPrinted', message: `must list only ${PRINT_DOCUMENT_KINDS.join(', ')}` });
    else if (notPrinted.length > 0) q.notPrinted = notPrinted as PrintDocumentKind[];
  }
  return q;
}

export function decodePage(r: ParamReader): PageRequest {
  return { offset: r.int('offset', 0) ?? 0, limit: r.int('limit', 0, MAX_LIMIT) ?? 0 };
}

export function decodeShipmentQuery(r: ParamReader): ShipmentQuery {
  const q: Mutable<ShipmentQuery> = {};
  const courier = r.str('courier');
  if (courier !== undefined) q.courier = courier;
  const status = r.list('status');
  if (status !== undefined) q.status = status as ShipmentQuery['status'];
  bounds(r, q);
  return q;
}

export function decodePaymentQuery(r: ParamReader): PaymentQuery {
  const q: Mutable<PaymentQuery> = {};
  const method = r.list('method');
  if (method !== undefined) q.method = method as PaymentQuery['method'];
  const status = r.list('status');
  if (status !== undefined) q.status = status as PaymentQuery['status'];
  bounds(r, q);
  return q;
}

export function decodeCalendarRequest(r: ParamReader): CalendarRequest {
  const from = r.str('from');
  const to = r.str('to');
  const timeZone = r.str('timeZone');
  for (const [key, v] of [['from', from], ['to', to], ['timeZone', timeZone]] as const) {
    if (v === undefined) r.problems.push({ field: key, message: 'is required' });
  }
  const storeIds = r.list('storeIds');
  return { from: from ?? '', to: to ?? '', timeZone: timeZone ?? '', ...(storeIds && { storeIds }) };
}

function bounds(r: ParamReader, q: { from?: string; to?: string; storeIds?: readonly string[] }): void {
  const from = r.str('from');
  const to = r.str('to');
  const storeIds = r.list('storeIds');
  if (from !== undefined) q.from = from;
  if (to !== undefined) q.to = to;
  if (storeIds !== undefined) q.storeIds = storeIds;
}

// ── bodies ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * An `OrderPatch` as a JSON merge patch (RFC 7396): a key present with `undefined` (clear this optional
 * field) becomes `null`, which `JSON.stringify` would otherwise drop.
 */
export function patchToWire(patch: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) out[key] = value === undefined ? null : value;
  return out;
}

/** The inverse of `patchToWire`: top-level `null` means "clear this field" (`undefined`). */
export function patchFromWire(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) out[key] = value === null ? undefined : value;
  return out;
}
