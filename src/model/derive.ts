/**
 * Derived order fields: totals, payment status and fulfilment status, recomputed from the ledger and
 * the line counters on every change, plus the invariants every order must satisfy.
 */
import { money, sum, times, subtract, zero, type Money } from './money.js';
import type { Channel, FulfillmentStatus, LineItem, Order, PaymentStatus, Totals } from './types.js';

/** Units a line still carries after rejection. */
export const accepted = (line: LineItem): number => line.quantity.ordered - line.quantity.rejected;

/** The line's price over accepted units, its line discount scaled down with rejected units. */
export function lineTotal(line: LineItem): Money {
  const gross = times(line.unitPrice, accepted(line));
  const ordered = line.quantity.ordered;
  if (ordered === 0 || line.discount.amount === 0) return gross;
  // Integer pro-rata: floor keeps the discount from ever exceeding the original.
  const discount = Math.floor((line.discount.amount * accepted(line)) / ordered);
  return money(gross.amount - discount, line.unitPrice.currency);
}

export function computeTotals(order: Omit<Order, 'totals' | 'paymentStatus' | 'fulfillmentStatus'>): Totals {
  const c = order.currency;
  const subtotal = sum(order.lines.map(lineTotal), c);
  const anyAccepted = order.lines.some((l) => accepted(l) > 0);
  // With every line rejected nothing is owed: no fee, no tax, no order discount.
  const discount = anyAccepted ? order.discount : zero(c);
  const deliveryFee = anyAccepted ? order.deliveryFee : zero(c);
  const tax = anyAccepted ? order.tax : zero(c);
  const total = money(Math.max(0, subtotal.amount - discount.amount + deliveryFee.amount + tax.amount), c);
  const paid = sum(order.payments.filter((p) => p.status === 'succeeded').map((p) => p.amount), c);
  const refunded = sum(order.refunds.map((r) => r.amount), c);
  // A refund gives money back by decision; it never makes the customer owe again.
  const outstanding = money(Math.max(0, total.amount - paid.amount), c);
  const expenses = sum(order.expenses.map((e) => e.amount), c);
  return {
    subtotal,
    discount,
    deliveryFee,
    tax,
    total,
    paid,
    refunded,
    outstanding,
    expenses,
    expectedRemittance: subtract(total, expenses),
  };
}

export function derivePaymentStatus(totals: Totals): PaymentStatus {
  const { paid, refunded, total } = totals;
  if (refunded.amount > 0 && refunded.amount >= paid.amount) return 'refunded';
  if (refunded.amount > 0) return 'partially-refunded';
  if (paid.amount <= 0) return 'unpaid';
  return paid.amount >= total.amount ? 'paid' : 'partially-paid';
}

export function deriveFulfillmentStatus(lines: readonly LineItem[]): FulfillmentStatus {
  let want = 0;
  let fulfilled = 0;
  let shipped = 0;
  let delivered = 0;
  let returned = 0;
  for (const l of lines) {
    want += accepted(l);
    fulfilled += l.quantity.fulfilled;
    shipped += l.quantity.shipped;
    delivered += l.quantity.delivered;
    returned += l.quantity.returned;
  }
  if (want === 0) return 'unfulfilled';
  if (returned > 0 && returned >= delivered) return 'returned';
  if (delivered >= want) return 'delivered';
  if (delivered > 0) return 'partially-delivered';
  if (shipped >= want) return 'shipped';
  if (shipped > 0) return 'partially-shipped';
  if (fulfilled >= want) return 'fulfilled';
  if (fulfilled > 0) return 'partially-fulfilled';
  return 'unfulfilled';
}

/** Channels where the customer is at the counter: a sale there is collected, not delivered. */
export const IN_STORE_CHANNELS: readonly Channel[] = ['pos', 'walk-in'];

/** The courier code of an in-store hand-over (no courier, no agent: the customer took it). */
export const COLLECTED_COURIER = 'collected';

/**
 * The word a person reads for fulfilment, from the line counters and the shipment states (as Shopify
 * and Medusa separate them): `fulfilled` only once every accepted unit is handed over — picked up by
 * a courier, or in a shipment the merchant created and handed over themselves (`booked`) — never while
 * a courier is still being searched for or has not collected the parcel (`searching`, `assigned`);
 * `collected` for an in-store hand-over; `delivered` once everything arrived.
 */
export type FulfilmentStage = 'unfulfilled' | 'partially-fulfilled' | 'fulfilled' | 'delivered' | 'collected' | 'returned';

export function fulfilmentStage(order: Pick<Order, 'lines' | 'shipments'>): FulfilmentStage {
  let want = 0;
  let handed = 0;
  let delivered = 0;
  let returned = 0;
  const booked = new Map<string, number>();
  for (const s of order.shipments) {
    if (s.status !== 'booked') continue;
    for (const lq of s.lines) booked.set(lq.lineId, (booked.get(lq.lineId) ?? 0) + lq.quantity);
  }
  for (const l of order.lines) {
    const units = accepted(l);
    want += units;
    handed += Math.min(units, l.quantity.shipped + (booked.get(l.id) ?? 0));
    delivered += l.quantity.delivered;
    returned += l.quantity.returned;
  }
  if (want === 0) return 'unfulfilled';
  if (returned > 0 && returned >= delivered) return 'returned';
  if (delivered >= want) {
    const live = order.shipments.filter((s) => s.status === 'delivered');
    return live.length > 0 && live.every((s) => s.courier.code === COLLECTED_COURIER) ? 'collected' : 'delivered';
  }
  if (handed >= want) return 'fulfilled';
  if (handed > 0 || delivered > 0) return 'partially-fulfilled';
  return 'unfulfilled';
}

/** Returns the order with totals and both derived statuses recomputed. */
export function recompute<T extends Omit<Order, 'totals' | 'paymentStatus' | 'fulfillmentStatus'>>(
  order: T,
): Order {
  const totals = computeTotals(order);
  return {
    ...order,
    totals,
    paymentStatus: derivePaymentStatus(totals),
    fulfillmentStatus: deriveFulfillmentStatus(order.lines),
  } as Order;
}

/** Refundable money: what was received and not yet refunded. */
export function refundable(order: Order): Money {
  return money(Math.max(0, order.totals.paid.amount - order.totals.refunded.amount), order.currency);
}

/**
 * Every broken invariant of an order, as readable strings (empty when the order is sound).
 * Used by property tests and by adapters before they persist.
 */
export function checkInvariants(order: Order): string[] {
  const problems: string[] = [];
  for (const l of order.lines) {
    const q = l.quantity;
    for (const [k, v] of Object.entries(q)) {
      if (!Number.isSafeInteger(v) || v < 0) problems.push(`line ${l.id}: ${k} is ${v}`);
    }
    if (q.rejected + q.fulfilled > q.ordered) problems.push(`line ${l.id}: rejected + fulfilled > ordered`);
    if (q.shipped > q.fulfilled) problems.push(`line ${l.id}: shipped > fulfilled`);
    if (q.delivered > q.shipped) problems.push(`line ${l.id}: delivered > shipped`);
    if (q.returned > q.delivered) problems.push(`line ${l.id}: returned > delivered`);
    if (q.refunded > q.ordered) problems.push(`line ${l.id}: refunded > ordered`);
    if (l.unitPrice.currency !== order.currency) problems.push(`line ${l.id}: currency ${l.unitPrice.currency}`);
  }
  const t = order.totals;
  if (t.refunded.amount > t.paid.amount) problems.push('refunded exceeds paid');
  const fresh = computeTotals(order);
  for (const key of Object.keys(fresh) as (keyof Totals)[]) {
    if (fresh[key].amount !== t[key].amount || fresh[key].currency !== t[key].currency) {
      problems.push(`totals.${key} is stale`);
    }
  }
  if (order.paymentStatus !== derivePaymentStatus(t)) problems.push('paymentStatus is stale');
  if (order.fulfillmentStatus !== deriveFulfillmentStatus(order.lines)) problems.push('fulfillmentStatus is stale');
  return problems;
}
