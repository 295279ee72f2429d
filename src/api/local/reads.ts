/**
 * The secondary read views of the local engine, computed from the in-memory summaries: the shipments
 * list, the payments list with per-method totals, and calendar buckets per day in a time zone. Lists
 * return references for one page; the caller loads those orders to return full shipments and payments.
 * Soft-deleted orders are left out of all three.
 */
import {
  OrderApiError,
  type CalendarBucket,
  type CalendarKind,
  type CalendarRequest,
  type PageRequest,
  type PaymentQuery,
  type PaymentTotals,
  type ShipmentQuery,
} from '../types.js';
import { timeBounds } from './query.js';
import type { Summary } from './summary.js';

/** One shipment or payment of one order, by id. */
export interface RowRef {
  readonly orderId: string;
  readonly itemId: string;
}

function within(at: string, from: number, to: number): boolean {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return false;
  return (Number.isNaN(from) || t >= from) && (Number.isNaN(to) || t < to);
}

/** Newest first; ties by id so pages are stable. */
function byTimeDesc<T>(rows: T[], at: (row: T) => string, id: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, t: Date.parse(at(row)), id: id(row) }));
  keyed.sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.row);
}

/** Shipments of visible orders, newest first; `from`/`to` bound the shipment's creation time. */
export function listShipments(
  orders: readonly Summary[],
  query: ShipmentQuery,
  page: PageRequest,
): { refs: RowRef[]; total: number } {
  const { from, to } = timeBounds(query);
  const rows: { orderId: string; itemId: string; at: string }[] = [];
  for (const o of orders) {
    if (o.deletedAt !== undefined || o.shipments.length === 0) continue;
    for (const s of o.shipments) {
      if (query.courier !== undefined && s.courier !== query.courier) continue;
      if (query.status && !(query.status as readonly string[]).includes(s.status)) continue;
      if (!within(s.createdAt, from, to)) continue;
      rows.push({ orderId: o.id, itemId: s.id, at: s.createdAt });
    }
  }
  const sorted = byTimeDesc(rows, (r) => r.at, (r) => r.itemId);
  return { refs: sorted.slice(page.offset, page.offset + page.limit), total: sorted.length };
}

/**
 * Payments of visible orders, newest first. `totals.byMethod` sums the **succeeded** matching payments
 * (money actually received) per method, exactly in minor units. Keys are the method (`cod`) while every
 * matching payment has one currency, and `method:currency` (`cod:IDR`) for all keys once several mix.
 */
export function listPayments(
  orders: readonly Summary[],
  query: PaymentQuery,
  page: PageRequest,
): { refs: RowRef[]; total: number; totals: PaymentTotals } {
  const { from, to } = timeBounds(query);
  const rows: { orderId: string; itemId: string; at: string }[] = [];
  const sums = new Map<string, { method: string; currency: string; amount: number }>();
  const currencies = new Set<string>();
  for (const o of orders) {
    if (o.deletedAt !== undefined || o.payments.length === 0) continue;
    for (const payment of o.payments) {
      if (query.method && !(query.method as readonly string[]).includes(payment.method)) continue;
      if (query.status && !(query.status as readonly string[]).includes(payment.status)) continue;
      if (!within(payment.at, from, to)) continue;
      rows.push({ orderId: o.id, itemId: payment.id, at: payment.at });
      if (payment.status !== 'succeeded') continue;
      const currency = o.currency;
      const amount = payment.amount;
      currencies.add(currency);
      const key = `${payment.method}:${currency}`;
      const sum = sums.get(key) ?? { method: payment.method, currency, amount: 0 };
      sum.amount += amount;
      if (!Number.isSafeInteger(sum.amount)) {
        throw new OrderApiError({ code: 'unavailable', message: `The ${payment.method} total in ${currency} exceeds exact integer range.` });
      }
      sums.set(key, sum);
    }
  }
  const mixed = currencies.size > 1;
  const byMethod: Record<string, { amount: number; currency: string }> = {};
  for (const [key, sum] of sums) byMethod[mixed ? key : sum.method] = { amount: sum.amount, currency: sum.currency };
  const sorted = byTimeDesc(rows, (r) => r.at, (r) => r.itemId);
  return { refs: sorted.slice(page.offset, page.offset + page.limit), total: sorted.length, totals: { byMethod } };
}

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    throw new OrderApiError({
      code: 'invalid-input',
      message: `Unknown time zone “${timeZone}”.`,
      fields: [{ field: 'timeZone', message: 'must be an IANA time zone' }],
    });
  }
}

/**
 * Calendar buckets in `[from, to)`: per day in `timeZone` and kind — `created` (order createdAt),
 * `scheduled` (order scheduledAt), `shipment` (each shipment's scheduledAt, else its createdAt) —
 * with counts split by the order's workflow status. Sorted by day, then kind.
 */
export function calendar(orders: readonly Summary[], request: CalendarRequest): CalendarBucket[] {
  const format = dayFormatter(request.timeZone);
  const dayOf = (t: number): string => {
    const parts = format.formatToParts(t);
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
  const { from, to } = timeBounds(request);
  const buckets = new Map<string, { day: string; kind: CalendarKind; count: number; byStatus: Record<string, number> }>();
  const add = (at: string | undefined, kind: CalendarKind, status: string): void => {
    if (at === undefined) return;
    const t = Date.parse(at);
    if (Number.isNaN(t) || t < from || t >= to) return;
    const day = dayOf(t);
    const key = `${day}|${kind}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { day, kind, count: 0, byStatus: {} };
      buckets.set(key, bucket);
    }
    bucket.count++;
    bucket.byStatus[status] = (bucket.byStatus[status] ?? 0) + 1;
  };
  for (const o of orders) {
    if (o.deletedAt !== undefined) continue;
    add(o.createdAt, 'created', o.status);
    add(o.scheduledAt, 'scheduled', o.status);
    for (const s of o.shipments) add(s.scheduledAt ?? s.createdAt, 'shipment', o.status);
  }
  const kinds: CalendarKind[] = ['created', 'scheduled', 'shipment'];
  return [...buckets.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : kinds.indexOf(a.kind) - kinds.indexOf(b.kind)));
}
