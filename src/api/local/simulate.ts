/**
 * Demo simulations of what buyers do, opt-in and separate from the engine, for the demo page and
 * end-to-end tests: **placing orders** (`startSimulation`: every `every` ms one realistic order — a
 * store, customer, channel and products drawn by the seeded generator — through `api.createOrder`)
 * and **asking to cancel** (`startCancellationRequests`: every `every` ms one buyer cancellation on a
 * recent eligible order, as a system action). Courier progress is `./courier-sim.ts`.
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
import { mulberry32 } from '../../model/generate/random.js';
import type { PresetKey } from '../../model/presets/index.js';
import type { Order, OrderDraft, Store } from '../../model/types.js';
import type { ActionDef, WorkflowDefinition } from '../../model/workflow/types.js';
import { isOrderApiError, type OrderQuery, type OrderApi } from '../types.js';
import type { LocalOrderApi } from './local-api.js';

export interface SimulationOptions {
  readonly preset: PresetKey;
  /** Milliseconds between new orders (default 8000; at least 10). */
  readonly every?: number;
  /** Create the first order at once (default true), or only after one interval. */
  readonly startNow?: boolean;
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
 * Starts creating orders on `api`: one now (unless `startNow` is false), then one every `every` ms. Returns `stop`, which ends the
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
  if (options.startNow !== false) tick();
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

// ── buyers asking to cancel ──────────────────────────────────────────────────────────────────────────

export interface CancellationSimulationOptions {
  /** Milliseconds between two requests (default 20000; at least 10). The first one is made after one interval. */
  readonly every?: number;
  /** Same seed and same data, same orders and reasons (default 1). */
  readonly seed?: number;
  /** A buyer picks among this many of the newest eligible orders (default 50): buyers cancel recent orders. */
  readonly recent?: number;
  /** The reasons buyers give (default: a few realistic ones). */
  readonly reasons?: readonly string[];
  /** Called with each order after its buyer's request was applied, and the action key that applied it. */
  readonly onRequest?: (order: Order, action: string) => void;
  /** Called when a request failed for another reason than a race (default: a console warning). Three in a row stop it. */
  readonly onError?: (error: unknown) => void;
}

/** What the cancellation simulation needs from the engine: the workflow, list reads and system authority. */
export type CancellationSimulationApi = Pick<LocalOrderApi, 'workflow' | 'listOrders' | 'runSystemAction'>;

const BUYER_REASONS = ['Changed my mind', 'Found a better price', 'Ordered by mistake', 'Delivery takes too long', 'Wrong size or colour'];

/**
 * The workflow's actions that a buyer's cancellation arrives as: system actions whose operation is
 * `request-cancellation` (the marketplace preset's "Buyer requests cancellation", which waits for the
 * seller in To Cancel), and the confirm-first preset's `customer-cancel` ("Cancelled by customer",
 * which cancels at once). Empty when buyers cannot cancel in this workflow.
 */
export function buyerCancellationActions(workflow: WorkflowDefinition): ActionDef[] {
  return workflow.actions.filter((a) => a.system === true && (a.operation === 'request-cancellation' || a.key === 'customer-cancel'));
}

/**
 * Starts simulating buyers who ask to cancel, on a local engine: every `every` ms it picks a random
 * order among the `recent` newest ones in a status where a buyer cancellation action applies, and runs
 * that action with a buyer's reason through `api.runSystemAction` (system authority, the order's
 * current version, one idempotency key per order and version). Run it on a **separate** engine
 * instance, like `startSimulation`, so the admin's instance hears of each change as `other-tab`.
 *
 * A race is not a failure: when the order changed in between (a conflict) or the workflow refuses the
 * request now (it moved on), that beat is skipped. Returns `stop`, which ends the simulation and
 * aborts the request in flight; calling it again does nothing. A workflow without a buyer cancellation
 * action has nothing to simulate: the returned `stop` is then all there is.
 */
export function startCancellationRequests(api: CancellationSimulationApi, options: CancellationSimulationOptions = {}): () => void {
  const actions = buyerCancellationActions(api.workflow);
  if (actions.length === 0) return () => undefined;
  const every = Math.max(10, options.every ?? 20_000);
  const recent = Math.max(1, Math.floor(options.recent ?? 50));
  const reasons = options.reasons?.length ? options.reasons : BUYER_REASONS;
  const onError = options.onError ?? ((error: unknown) => console.warn('orderdeck: the cancellation simulation could not send a request', error));
  const random = mulberry32(options.seed ?? 1);
  const statuses = [...new Set(actions.flatMap((a) => (a.from === '*' ? [] : a.from)))];
  const anyStatus = actions.some((a) => a.from === '*');
  const query: OrderQuery = { archived: false, sort: { field: 'createdAt', direction: 'desc' }, ...(!anyStatus && { statuses }) };
  const controller = new AbortController();
  const signal = controller.signal;
  let busy = false;
  let failures = 0;

  const request = async (): Promise<void> => {
    const { total } = await api.listOrders(query, { offset: 0, limit: 0 }, { signal });
    if (total === 0) return;
    const offset = Math.floor(random() * Math.min(total, recent));
    const reason = reasons[Math.floor(random() * reasons.length)] as string;
    const order = (await api.listOrders(query, { offset, limit: 1 }, { signal })).items[0];
    const action = order && actions.find((a) => a.from === '*' || a.from.includes(order.status));
    if (!order || !action) return;
    const updated = await api.runSystemAction(
      { orderId: order.id, action: action.key, input: { reason }, expectedVersion: order.version },
      { idempotencyKey: `buyer-cancel:${order.id}:${order.version}`, signal },
    );
    if (!signal.aborted) options.onRequest?.(updated, action.key);
  };

  const tick = (): void => {
    if (busy || signal.aborted) return;
    busy = true;
    request().then(
      () => {
        busy = false;
        failures = 0;
      },
      (error: unknown) => {
        busy = false;
        if (signal.aborted) return;
        if (isOrderApiError(error) && (error.code === 'conflict' || error.code === 'refused' || error.code === 'not-found')) return;
        onError(error);
        if (++failures >= MAX_FAILURES) stop();
      },
    );
  };

  const timer = setInterval(tick, every);
  const stop = (): void => {
    if (signal.aborted) return;
    clearInterval(timer);
    controller.abort();
  };
  return stop;
}
