/**
 * A demo simulation of customers placing orders: opt-in, separate from the engine, for the demo page
 * and end-to-end tests of new-order alerts. Every `every` ms it creates one realistic order (a store,
 * customer, channel and products drawn by the seeded generator) through `api.createOrder`.
 *
 * Who hears about it: the local engine tells its own listeners with origin `self` and every other
 * engine instance on the same database (other tabs, or other instances in this page) with origin
 * `other-tab`. The store raises a notification only for orders that did not come from itself, so run
 * the simulation on a **separate** engine instance, as the back end the admin does not control:
 *
 * ```ts
 * const shop = await createLocalApi({ workflow, viewer: { id: 'sim', name: 'Shop', role: 'superadmin', storeIds: [] }, dbName });
 * const stop = startSimulation(shop, { preset: 'confirm-first', every: 8000, seed: 1 });
 * // … later
 * stop();
 * shop.close();
 * ```
 *
 * The simulating instance needs a viewer allowed to create orders in every store (a super-admin);
 * a staff admin then gets alerts only for orders of their own stores.
 */
import { generateOrders } from '../../model/generate.js';
import type { PresetKey } from '../../model/presets/index.js';
import type { Order, OrderDraft, Store } from '../../model/types.js';
import type { OrderApi } from '../types.js';

export interface SimulationOptions {
  readonly preset: PresetKey;
  /** Milliseconds between new orders (default 8000; at least 10). The first one is created at once. */
  readonly every?: number;
  /** Same seed, same sequence of orders (default 1). */
  readonly seed?: number;
  /** The stores orders are placed in (default the generator's demo stores). */
  readonly stores?: readonly Store[];
  /** Called with each order created. */
  readonly onCreate?: (order: Order) => void;
  /** Called when creating one failed (default: a console warning). Three failures in a row stop the simulation. */
  readonly onError?: (error: unknown) => void;
}

const MAX_FAILURES = 3;

/**
 * The `n`-th simulated order's draft: one order from the seeded generator, turned back into what a
 * customer submits (lines with their ordered quantities, no number, status or history).
 */
export function simulatedDraft(preset: PresetKey, seed: number, n: number, stores?: readonly Store[]): OrderDraft {
  const [order] = generateOrders({ preset, count: 1, seed: mixSeed(seed, n), ...(stores && { stores }) });
  return toDraft(order as Order);
}

/**
 * Starts creating orders on `api`: one now, then one every `every` ms. Returns `stop`, which ends the
 * simulation (and aborts a creation in flight); calling it again does nothing.
 */
export function startSimulation(api: Pick<OrderApi, 'createOrder'>, options: SimulationOptions): () => void {
  const { preset, seed = 1, stores, onCreate } = options;
  const every = Math.max(10, options.every ?? 8000);
  const onError = options.onError ?? ((error: unknown) => console.warn('orderdeck: the order simulation could not create an order', error));
  const controller = new AbortController();
  let n = 0;
  let busy = false;
  let failures = 0;

  const tick = (): void => {
    // One at a time: a slow database skips a beat rather than piling up writes.
    if (busy || controller.signal.aborted) return;
    busy = true;
    const draft = simulatedDraft(preset, seed, n++, stores);
    api.createOrder(draft, { idempotencyKey: crypto.randomUUID(), signal: controller.signal }).then(
      (order) => {
        busy = false;
        failures = 0;
        if (!controller.signal.aborted) onCreate?.(order);
      },
      (error: unknown) => {
        busy = false;
        if (controller.signal.aborted) return;
        onError(error);
        if (++failures >= MAX_FAILURES) stop();
      },
    );
  };

  const timer = setInterval(tick, every);
  const stop = (): void => {
    if (controller.signal.aborted) return;
    clearInterval(timer);
    controller.abort();
  };
  tick();
  return stop;
}

function toDraft(order: Order): OrderDraft {
  return {
    channel: order.channel,
    storeId: order.storeId,
    customer: order.customer,
    currency: order.currency,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      ...(line.variant !== undefined && { variant: line.variant }),
      ...(line.imageUrl !== undefined && { imageUrl: line.imageUrl }),
      unitPrice: line.unitPrice,
      discount: line.discount,
      quantity: line.quantity.ordered,
    })),
    ...(order.shippingAddress && { shippingAddress: order.shippingAddress }),
    ...(order.billingAddress && { billingAddress: order.billingAddress }),
    discount: order.discount,
    deliveryFee: order.deliveryFee,
    tax: order.tax,
    ...(order.paymentMethod && { paymentMethod: order.paymentMethod }),
    ...(order.note !== undefined && { note: order.note }),
  };
}

/** A 32-bit seed per simulated order, so consecutive orders differ. */
function mixSeed(seed: number, n: number): number {
  let h = (seed ^ 0x5bd1e995) >>> 0;
  h = Math.imul(h ^ (n + 0x27d4eb2d), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}
