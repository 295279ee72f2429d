/**
 * Tab filters: which orders a workflow tab shows. One pure predicate shared by every adapter.
 */
import type { Order } from './types.js';
import type { OrderFilter } from './workflow/types.js';

export function matchesFilter(order: Order, filter: OrderFilter): boolean {
  const deleted = order.deletedAt !== undefined;
  if (deleted !== (filter.deleted ?? false)) return false;
  const archived = filter.archived ?? false;
  if (archived !== 'any' && order.archived !== archived) return false;
  if (filter.status && !filter.status.includes(order.status)) return false;
  if (filter.paymentStatus && !filter.paymentStatus.includes(order.paymentStatus)) return false;
  if (filter.fulfillmentStatus && !filter.fulfillmentStatus.includes(order.fulfillmentStatus)) return false;
  if (filter.channel && !filter.channel.includes(order.channel)) return false;
  if (filter.cancellationRequested !== undefined &&
      (order.cancellation?.status === 'requested') !== filter.cancellationRequested) return false;
  if (filter.returnRequested !== undefined &&
      (order.returnRequest?.status === 'requested') !== filter.returnRequested) return false;
  if (filter.posting && !filter.posting.includes(order.posting?.status ?? 'none')) return false;
  return true;
}
