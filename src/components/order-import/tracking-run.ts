/**
 * One row of a tracking import, carried out through the store: find the order by its exact number,
 * plan the action (`planTracking`), run it, and say what happened.
 */
import { isOrderApiError, type OrderApiErrorData } from '../../api/types.js';
import { planTracking, type TrackingItem, type TrackingRefusal } from '../../model/csv/tracking.js';
import type { OrderStore } from '../../state/types.js';
import { ordersNumbered } from './lookup.js';

/** What became of a row. */
export type TrackingOutcome =
  | { readonly status: 'updated' | 'shipped'; readonly orderId: string }
  | { readonly status: 'unchanged'; readonly orderId: string }
  | { readonly status: 'not-found' }
  /** Several orders (in different stores) have this number. */
  | { readonly status: 'ambiguous'; readonly count: number }
  | { readonly status: 'refused'; readonly orderId: string; readonly reason: TrackingRefusal }
  /** The backend refused or failed: its error. */
  | { readonly status: 'failed'; readonly orderId?: string; readonly error: OrderApiErrorData };

/** Runs one row. Never throws: every failure is an outcome (an abort included, as `failed`). */
export async function runTrackingRow(store: OrderStore, item: TrackingItem, signal?: AbortSignal): Promise<TrackingOutcome> {
  let orderId: string | undefined;
  try {
    const orders = await ordersNumbered(store, item.number, signal);
    if (orders.length === 0) return { status: 'not-found' };
    if (orders.length > 1) return { status: 'ambiguous', count: orders.length };
    const order = orders[0]!;
    orderId = order.id;
    const plan = planTracking(order, item, store.workflow, store.viewer);
    if (plan.kind === 'unchanged') return { status: 'unchanged', orderId };
    if (plan.kind === 'refused') return { status: 'refused', orderId, reason: plan.reason };
    try {
      await store.runAction(order.id, plan.action, plan.input);
    } finally {
      // This table reports the failure; the store's own error list need not show it again.
      for (const e of store.snapshot.errors) if (e.kind === 'action' && e.orderId === order.id) store.dismissError(e.id);
    }
    return { status: plan.operation === 'mark-shipped' ? 'shipped' : 'updated', orderId };
  } catch (error) {
    const data: OrderApiErrorData = isOrderApiError(error)
      ? error.toJSON()
      : { code: 'network', message: error instanceof Error ? error.message : String(error) };
    return { status: 'failed', ...(orderId !== undefined && { orderId }), error: data };
  }
}
