/**
 * Guards: the state an order must be in for an action — one function, `guardRefusal`, decides it for
 * both `availableActions` (what is offered) and `applyAction` (what is accepted), so nothing is offered
 * that the engine would then refuse for the order's state. Each operation brings its own conditions
 * (`OPERATION_GUARDS`); an action's `guard` in the definition narrows them further.
 */
import { accepted, COLLECTED_COURIER, computeTotals, refundable } from '../derive.js';
import type { Order, Shipment, ShipmentStatus } from '../types.js';
import type { ActionDef, ActionGuard, Operation, PostingState, Refusal, RequestState } from './types.js';

/** Shipment states before the courier has the parcel. */
export const PRE_PICKUP: readonly ShipmentStatus[] = ['booked', 'searching', 'assigned'];
/** Shipment states while the courier carries the parcel. */
export const MOVING: readonly ShipmentStatus[] = ['picked-up', 'in-transit', 'out-for-delivery'];
/** Shipments whose tracking can no longer change: they never left, or were called off. */
export const DEAD: readonly ShipmentStatus[] = ['cancelled', 'failed'];

/** A shipment whose tracking can still be set: not called off, and not an in-store hand-over. */
export const trackable = (s: Shipment): boolean => !DEAD.includes(s.status) && s.courier.code !== COLLECTED_COURIER;

/** Everything a guard looks at, read once from an order. */
export interface OrderFacts {
  readonly deleted: boolean;
  readonly archived: boolean;
  readonly posting: PostingState;
  readonly cancellation: RequestState;
  readonly returnRequest: RequestState;
  readonly outstanding: boolean;
  readonly refundable: boolean;
  readonly unallocated: boolean;
  readonly awaitingHandover: boolean;
  readonly deliverable: boolean;
  readonly withCourier: boolean;
  readonly fulfilmentStarted: boolean;
  readonly accepted: boolean;
  readonly returnable: boolean;
  readonly liveShipment: boolean;
}

export function postingState(order: Order): PostingState {
  const p = order.posting;
  if (!p) return 'none';
  return p.status === 'completed' && p.stale ? 'stale' : p.status;
}

export function orderFacts(order: Order): OrderFacts {
  const totals = computeTotals(order);
  const lines = order.lines;
  const unallocated = lines.some((l) => accepted(l) - l.quantity.fulfilled > 0);
  const prePickup = order.shipments.some((s) => PRE_PICKUP.includes(s.status));
  const moving = order.shipments.some((s) => MOVING.includes(s.status));
  return {
    deleted: order.deletedAt !== undefined,
    archived: order.archived,
    posting: postingState(order),
    cancellation: order.cancellation?.status ?? 'none',
    returnRequest: order.returnRequest?.status ?? 'none',
    outstanding: totals.outstanding.amount > 0,
    refundable: refundable({ ...order, totals }).amount > 0,
    unallocated,
    awaitingHandover: unallocated || prePickup,
    deliverable: unallocated || prePickup || moving,
    withCourier: lines.some((l) => l.quantity.shipped > l.quantity.returned),
    fulfilmentStarted: lines.some((l) => l.quantity.fulfilled > 0),
    accepted: lines.some((l) => accepted(l) > 0),
    returnable: lines.some((l) => l.quantity.delivered > l.quantity.returned),
    liveShipment: order.shipments.some(trackable),
  };
}

const NOT_REQUESTED: readonly RequestState[] = ['none', 'approved', 'declined'];

/**
 * The state every operation needs, whatever action performs it. These were refusals found only on
 * apply; as guards they keep the action off every menu where it would be refused.
 */
export const OPERATION_GUARDS: Readonly<Record<Operation, ActionGuard>> = {
  'confirm-stock': { fulfilmentStarted: false },
  'record-payment': { outstanding: true },
  'record-expense': {},
  pack: { accepted: true },
  'create-shipment': { unallocated: true },
  'book-courier': { unallocated: true },
  'courier-event': {},
  'mark-shipped': { awaitingHandover: true },
  'mark-delivered': { deliverable: true },
  'update-tracking': { liveShipment: true },
  complete: {},
  cancel: { withCourier: false },
  'request-cancellation': { cancellation: NOT_REQUESTED },
  'approve-cancellation': { cancellation: ['requested'], withCourier: false },
  'decline-cancellation': { cancellation: ['requested'] },
  'request-return': { returnRequest: ['none', 'declined', 'received'], returnable: true },
  'approve-return': { returnRequest: ['requested'] },
  'decline-return': { returnRequest: ['requested'] },
  'receive-return': { returnRequest: ['approved'] },
  refund: { refundable: true },
  archive: { archived: false },
  unarchive: { archived: true },
  'soft-delete': {},
  restore: { deleted: true },
  assign: {},
  'set-status': {},
  'add-note': {},
  'record-print': {},
  'post-accounting': { posting: ['none', 'failed', 'stale'] },
  'posting-result': { posting: ['in-progress'] },
  reschedule: {},
};

type Check = (g: ActionGuard, f: OrderFacts, o: Order, key: string) => Refusal | undefined;

const na = (message: string): Refusal => ({ code: 'not-applicable', message });

/** One check per guard field, in a fixed order; the first failing one gives the refusal. */
const CHECKS: readonly Check[] = [
  (g, f) =>
    g.deleted === undefined || g.deleted === f.deleted
      ? undefined
      : f.deleted
        ? { code: 'wrong-status', message: 'This order is deleted; restore it first.' }
        : na('The order is not deleted.'),
  (g, _f, o, key) =>
    g.paymentStatus && !g.paymentStatus.includes(o.paymentStatus)
      ? na(`“${key}” needs payment status ${g.paymentStatus.join(' or ')}.`)
      : undefined,
  (g, _f, o, key) =>
    g.fulfillmentStatus && !g.fulfillmentStatus.includes(o.fulfillmentStatus)
      ? na(`“${key}” needs fulfilment status ${g.fulfillmentStatus.join(' or ')}.`)
      : undefined,
  (g, f) => (g.archived === undefined || g.archived === f.archived ? undefined : na(g.archived ? 'The order is not archived.' : 'The order is archived.')),
  (g, f, o) =>
    g.liveShipment && !f.liveShipment
      ? na(
          o.shipments.length === 0
            ? 'The order has no shipment yet: mark it shipped (or create a shipment) first.'
            : o.shipments.every((s) => s.courier.code === COLLECTED_COURIER)
              ? 'The order was collected in store; there is nothing to track.'
              : 'Every shipment of this order is cancelled or failed; mark it shipped again first.',
        )
      : undefined,
  (g, f) =>
    g.posting && !g.posting.includes(f.posting)
      ? na(f.posting === 'in-progress' ? 'Posting is already in progress.' : f.posting === 'completed' ? 'Already posted, and unchanged since.' : 'No posting is in progress.')
      : undefined,
  (g, f) =>
    g.cancellation && !g.cancellation.includes(f.cancellation)
      ? na(f.cancellation === 'requested' ? 'A cancellation is already requested.' : 'No cancellation is waiting for a decision.')
      : undefined,
  (g, f) =>
    g.returnRequest && !g.returnRequest.includes(f.returnRequest)
      ? na(
          f.returnRequest === 'requested' || f.returnRequest === 'approved'
            ? g.returnRequest.includes('requested') || g.returnRequest.includes('approved')
              ? 'The return is not at that step.'
              : 'A return is already open.'
            : 'No return is waiting for a decision.',
        )
      : undefined,
  (g, f) => (g.outstanding && !f.outstanding ? na('Nothing is outstanding on this order.') : undefined),
  (g, f) => (g.refundable && !f.refundable ? na('Nothing has been paid that could be refunded.') : undefined),
  (g, f) => (g.accepted && !f.accepted ? na('Nothing on this order was accepted.') : undefined),
  (g, f) => (g.fulfilmentStarted === false && f.fulfilmentStarted ? na('Stock can no longer be confirmed: fulfilment has started.') : undefined),
  (g, f) => (g.unallocated && !f.unallocated ? na('Every item is already in a shipment.') : undefined),
  (g, f) => (g.awaitingHandover && !f.awaitingHandover ? na('Nothing is waiting to be shipped.') : undefined),
  (g, f) => (g.deliverable && !f.deliverable ? na('Nothing is left to deliver.') : undefined),
  (g, f) =>
    g.withCourier === false && f.withCourier ? na('Part of this order is already with the courier; it can no longer be cancelled.') : undefined,
  (g, f) => (g.returnable && !f.returnable ? na('Nothing delivered is left to return.') : undefined),
];

function check(guard: ActionGuard, facts: OrderFacts, order: Order, key: string): Refusal | undefined {
  for (const c of CHECKS) {
    const refusal = c(guard, facts, order, key);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The operation's own guard: live orders only (restore: deleted only), plus its state conditions. */
export function operationGuard(operation: Operation): ActionGuard {
  return { deleted: operation === 'restore', ...OPERATION_GUARDS[operation] };
}

/**
 * Why the order's state does not allow the action (the operation's guard, then the action's own), or
 * undefined when it does. Pass `facts` when checking many actions against one order.
 */
export function guardRefusal(action: ActionDef, order: Order, facts: OrderFacts = orderFacts(order)): Refusal | undefined {
  return check(operationGuard(action.operation), facts, order, action.key) ?? (action.guard ? check(action.guard, facts, order, action.key) : undefined);
}

/**
 * A memo key for everything the offer of actions depends on (status, derived statuses, guard facts,
 * store): two orders with the same key are offered the same actions by the same viewer.
 */
export function offerKey(order: Order): string {
  const f = orderFacts(order);
  const flags = [
    f.deleted, f.archived, f.outstanding, f.refundable, f.unallocated, f.awaitingHandover, f.deliverable,
    f.withCourier, f.fulfilmentStarted, f.accepted, f.returnable, f.liveShipment,
  ].map((b) => (b ? 1 : 0)).join('');
  return `${order.status}|${order.paymentStatus}|${order.fulfillmentStatus}|${f.posting}|${f.cancellation}|${f.returnRequest}|${flags}|${order.storeId}`;
}
