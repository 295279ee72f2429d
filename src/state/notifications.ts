/**
 * Unread new-order notifications as a value: what one shows of an order, and the list newest first.
 */
import type { Order } from '../model/types.js';
import type { OrderNotification } from './types.js';

export function toNotification(order: Order): OrderNotification {
  return {
    orderId: order.id,
    number: order.number,
    storeId: order.storeId,
    customerName: order.customer.name,
    total: order.totals.total,
    createdAt: order.createdAt,
  };
}

/** The list with `note` added (once per order), newest first. */
export function withNotification(
  list: readonly OrderNotification[],
  note: OrderNotification,
): readonly OrderNotification[] {
  if (list.some((n) => n.orderId === note.orderId)) return list;
  const at = list.findIndex((n) => n.createdAt <= note.createdAt);
  return at < 0 ? [...list, note] : [...list.slice(0, at), note, ...list.slice(at)];
}
