/**
 * Tab filters: which orders a workflow tab shows. One pure predicate shared by every adapter.
 */
import type { Order, Shipment, ShipmentStatus } from './types.js';
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
  if (filter.selfDelivery !== undefined && hasOpenSelfDelivery(order) !== filter.selfDelivery) return false;
  return true;
}

/** The courier code of a shipment the shop's own agent delivers. */
export const SELF_DELIVERY_COURIER = 'self';

/** Shipment statuses after which a parcel is no longer on its way. */
const FINISHED: readonly ShipmentStatus[] = ['delivered', 'returned', 'failed', 'cancelled'];

/** True when the shipment is a self-delivery still on its way. */
export function isOpenSelfDelivery(s: Pick<Shipment, 'status'> & { readonly courier: { readonly code: string } }): boolean {
  return s.courier.code === SELF_DELIVERY_COURIER && !FINISHED.includes(s.status);
}

/** True when the order has a self-delivery shipment still on its way (the "Self Deliver" view). */
export function hasOpenSelfDelivery(order: Pick<Order, 'shipments'>): boolean {
  return order.shipments.some(isOpenSelfDelivery);
}
