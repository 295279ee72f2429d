/**
 * Order summaries: the few fields of an order that lists, tab counts, search, sorting, the shipments
 * and payments lists and the calendar need (~360 bytes against ~4 KB for a full order with its lines,
 * ledger and timeline). The engine keeps every summary in memory and stores them in chunk records as
 * compact JSON tuples, so opening 100k orders reads ~36 MB instead of ~400 MB.
 */
import type { FieldProblem } from '../types.js';
import { isOpenSelfDelivery } from '../../model/filter.js';
import type { Order, ShipmentStatus } from '../../model/types.js';

export interface ShipmentSummary {
  readonly id: string;
  readonly courier: string;
  readonly status: string;
  readonly createdAt: string;
  readonly scheduledAt?: string;
  readonly trackingNumber?: string;
  readonly airWaybill?: string;
}

export interface PaymentSummary {
  readonly id: string;
  readonly method: string;
  readonly status: string;
  readonly at: string;
  /** Minor units in the order's currency. */
  readonly amount: number;
}

export interface Summary {
  readonly id: string;
  readonly number: string;
  readonly storeId: string;
  readonly channel: string;
  readonly customer: string;
  readonly phone?: string;
  readonly status: string;
  readonly paymentStatus: Order['paymentStatus'];
  readonly fulfillmentStatus: Order['fulfillmentStatus'];
  readonly archived: boolean;
  readonly deletedAt?: string;
  readonly cancellation?: string;
  readonly returnRequest?: string;
  readonly posting?: string;
  readonly csr?: string;
  readonly agent?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly scheduledAt?: string;
  readonly total: number;
  readonly currency: string;
  readonly version: number;
  readonly shipments: readonly ShipmentSummary[];
  readonly payments: readonly PaymentSummary[];
  /** The document kinds printed at least once for the order (for the "not printed" filters). */
  readonly printed: readonly string[];
}

/** The summary of an order; every summary has the same shape (absent optionals are undefined). */
export function summarize(o: Order): Summary {
  return {
    id: o.id,
    number: o.number,
    storeId: o.storeId,
    channel: o.channel,
    customer: o.customer.name,
    phone: o.customer.phone,
    status: o.status,
    paymentStatus: o.paymentStatus,
    fulfillmentStatus: o.fulfillmentStatus,
    archived: o.archived,
    deletedAt: o.deletedAt,
    cancellation: o.cancellation?.status,
    returnRequest: o.returnRequest?.status,
    posting: o.posting?.status,
    csr: o.assignees.csr?.id,
    agent: o.assignees.agent?.id,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    scheduledAt: o.scheduledAt,
    total: o.totals.total.amount,
    currency: o.currency,
    version: o.version,
    shipments: o.shipments.map((s) => ({
      id: s.id,
      courier: s.courier.code,
      status: s.status,
      createdAt: s.createdAt,
      scheduledAt: s.scheduledAt,
      trackingNumber: s.trackingNumber,
      airWaybill: s.airWaybill,
    })),
    payments: o.payments.map((p) => ({ id: p.id, method: p.method, status: p.status, at: p.at, amount: p.amount.amount })),
    printed: [...new Set((o.prints ?? []).map((p) => p.document))],
  };
}

/**
 * The part of an order `matchesFilter` reads, rebuilt from a summary, so tab filters run unchanged on
 * summaries. Keep in step with src/model/filter.ts (the brute-force tests compare against full orders).
 */
export function filterView(s: Summary): Order {
  return {
    ...(s.deletedAt !== undefined && { deletedAt: s.deletedAt }),
    archived: s.archived,
    status: s.status,
    paymentStatus: s.paymentStatus,
    fulfillmentStatus: s.fulfillmentStatus,
    channel: s.channel,
    ...(s.cancellation !== undefined && { cancellation: { status: s.cancellation } }),
    ...(s.returnRequest !== undefined && { returnRequest: { status: s.returnRequest } }),
    ...(s.posting !== undefined && { posting: { status: s.posting } }),
    // Only what the self-delivery filter reads (hasOpenSelfDelivery): courier code and status.
    shipments: s.shipments.filter((x) => isOpenSelfDelivery({ courier: { code: x.courier }, status: x.status as ShipmentStatus }))
      .map((x) => ({ courier: { code: x.courier }, status: x.status })),
  } as unknown as Order;
}

// ── storage form: positional tuples, `null` for absent optional values ─────────────────────────────────

type Cell = string | number | boolean | null | Cell[];
const opt = (v: string | undefined): string | null => v ?? null;

export function encode(s: Summary): Cell[] {
  return [
    s.id, s.number, s.storeId, s.channel, s.customer, opt(s.phone), s.status, s.paymentStatus, s.fulfillmentStatus,
    s.archived, opt(s.deletedAt), opt(s.cancellation), opt(s.returnRequest), opt(s.posting), opt(s.csr), opt(s.agent),
    s.createdAt, s.updatedAt, opt(s.scheduledAt), s.total, s.currency, s.version,
    s.shipments.map((x) => [x.id, x.courier, x.status, x.createdAt, opt(x.scheduledAt), opt(x.trackingNumber), opt(x.airWaybill)]),
    s.payments.map((p) => [p.id, p.method, p.status, p.at, p.amount]),
    [...s.printed],
  ];
}

const FIELDS = [
  'id', 'number', 'storeId', 'channel', 'customer', 'phone', 'status', 'paymentStatus', 'fulfillmentStatus',
  'archived', 'deletedAt', 'cancellation', 'returnRequest', 'posting', 'csr', 'agent',
  'createdAt', 'updatedAt', 'scheduledAt', 'total', 'currency', 'version', 'shipments', 'payments', 'printed',
] as const;
const OPTIONAL = new Set<string>(['phone', 'deletedAt', 'cancellation', 'returnRequest', 'posting', 'csr', 'agent', 'scheduledAt']);

const isOptString = (v: unknown): boolean => v === null || typeof v === 'string';
const str = (v: unknown): string | undefined => (v === null ? undefined : (v as string));

/** Reads a stored tuple back, checking its shape; problems name the summary field. */
export function decode(row: unknown): Summary | FieldProblem[] {
  // Tuples stored before `printed` existed have one cell less: nothing was printed then.
  if (Array.isArray(row) && row.length === FIELDS.length - 1) row = [...(row as unknown[]), []];
  if (!Array.isArray(row) || row.length !== FIELDS.length) return [{ field: 'summary', message: 'is not a summary record' }];
  const r = row as unknown[];
  if (!valid(r)) return problemsOf(r);
  const shipments: ShipmentSummary[] = [];
  for (const x of r[22] as unknown[][]) {
    shipments.push({
      id: x[0] as string,
      courier: x[1] as string,
      status: x[2] as string,
      createdAt: x[3] as string,
      scheduledAt: str(x[4]),
      trackingNumber: str(x[5]),
      airWaybill: str(x[6]),
    });
  }
  const payments: PaymentSummary[] = [];
  for (const p of r[23] as unknown[][]) {
    payments.push({ id: p[0] as string, method: p[1] as string, status: p[2] as string, at: p[3] as string, amount: p[4] as number });
  }
  // One fixed shape for every summary (absent optionals are undefined) keeps property access monomorphic.
  return {
    id: r[0] as string,
    number: r[1] as string,
    storeId: r[2] as string,
    channel: r[3] as string,
    customer: r[4] as string,
    phone: str(r[5]),
    status: r[6] as string,
    paymentStatus: r[7] as Summary['paymentStatus'],
    fulfillmentStatus: r[8] as Summary['fulfillmentStatus'],
    archived: r[9] as boolean,
    deletedAt: str(r[10]),
    cancellation: str(r[11]),
    returnRequest: str(r[12]),
    posting: str(r[13]),
    csr: str(r[14]),
    agent: str(r[15]),
    createdAt: r[16] as string,
    updatedAt: r[17] as string,
    scheduledAt: str(r[18]),
    total: r[19] as number,
    currency: r[20] as string,
    version: r[21] as number,
    shipments,
    payments,
    printed: r[24] as string[],
  };
}

const isStringList = (x: unknown): boolean => Array.isArray(x) && x.every((v) => typeof v === 'string');
const TUPLE = (n: number) => (x: unknown): boolean => Array.isArray(x) && x.length === n;
const isShipmentTuple = TUPLE(7);
const isPaymentTuple = TUPLE(5);

/** The fast check: every cell has its type (sub-tuples by length; their strings are trusted to the order check). */
function valid(r: unknown[]): boolean {
  for (const i of [0, 1, 2, 3, 4, 6, 7, 8, 16, 17, 20]) if (typeof r[i] !== 'string') return false;
  for (const i of [5, 10, 11, 12, 13, 14, 15, 18]) if (!isOptString(r[i])) return false;
  return (
    typeof r[9] === 'boolean' &&
    Number.isSafeInteger(r[19]) &&
    Number.isSafeInteger(r[21]) &&
    Array.isArray(r[22]) &&
    (r[22] as unknown[]).every(isShipmentTuple) &&
    Array.isArray(r[23]) &&
    (r[23] as unknown[]).every(isPaymentTuple) &&
    isStringList(r[24])
  );
}

/** The slow path: which fields are wrong. */
function problemsOf(r: unknown[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  FIELDS.forEach((name, i) => {
    const v = r[i];
    let message: string | undefined;
    if (name === 'archived') message = typeof v === 'boolean' ? undefined : 'must be true or false';
    else if (name === 'total' || name === 'version') message = Number.isSafeInteger(v) ? undefined : 'must be an integer';
    else if (name === 'shipments') message = Array.isArray(v) && v.every(isShipmentTuple) ? undefined : 'must be a list of shipments';
    else if (name === 'printed') message = isStringList(v) ? undefined : 'must be a list of document kinds';
    else if (name === 'payments') message = Array.isArray(v) && v.every(isPaymentTuple) ? undefined : 'must be a list of payments';
    else if (OPTIONAL.has(name)) message = isOptString(v) ? undefined : 'must be a string';
    else message = typeof v === 'string' ? undefined : 'must be a string';
    if (message) problems.push({ field: `summary.${name}`, message });
  });
  return problems;
}
