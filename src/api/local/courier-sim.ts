/**
 * A simulated courier service for the embedded engine ("Pesan kurir" in the demo): once an order's
 * courier is booked (a shipment in status `searching`, made by a `book-courier` action), it sends the
 * courier's progress back as system `courier-event` actions, one step every `speed` ms — searching →
 * assigned → picked-up → in-transit → out-for-delivery → delivered — so each step arrives as a realtime
 * change event and the workflow's automations move the order's status. With probability `failureRate`
 * a booking takes a failure branch instead: no courier found (searching → failed), or delivery failed
 * (out-for-delivery → failed → returned). Deterministic per seed: every shipment's path, courier and
 * tracking number come from a mulberry32 stream seeded by `seed`, the order id and the shipment's
 * position in the order (not its id, which the engine draws per instance).
 */
import { mulberry32 } from '../../model/generate/random.js';
import type { Courier, Order, Shipment, ShipmentStatus } from '../../model/types.js';
import type { ActionInput } from '../../model/workflow/types.js';
import { isOrderApiError, type ChangeEvent } from '../types.js';
import type { LocalOrderApi } from './local-api.js';

/** The failure branches a booking can take. */
export type CourierFailure = 'no-courier' | 'delivery-failed';

export interface CourierSimulationOptions {
  /** Milliseconds between two courier steps of one shipment (≥ 0). */
  readonly speed: number;
  /** Probability (0..1) that a booking takes one of the `failures` branches instead of arriving. */
  readonly failureRate: number;
  /** Same seed, same paths, couriers and tracking numbers for the same shipments. */
  readonly seed: number;
  /** Which failure branches may happen (default both), e.g. to show one of them on purpose. */
  readonly failures?: readonly CourierFailure[];
  /**
   * At start (and after a `reset` change event), shipments already on their way are picked up too:
   * at most this many, newest first (default 50), so a 100k-order demo database does not start
   * thousands of couriers at once. Bookings made while the simulation runs are always followed.
   */
  readonly scanLimit?: number;
}

/** What the simulation needs from the engine: reads, change events and system authority for writes. */
export type CourierSimulationApi = Pick<LocalOrderApi, 'workflow' | 'getOrder' | 'listShipments' | 'subscribe' | 'runSystemAction'>;

/** Statuses a booked shipment passes through while the courier still has work to do. */
const ACTIVE: readonly ShipmentStatus[] = ['searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'failed'];
const MOVING: readonly ShipmentStatus[] = ['picked-up', 'in-transit', 'out-for-delivery'];
const DIGITS = '0123456789';

interface Plan {
  readonly failure: CourierFailure | undefined;
  readonly courier: Courier | undefined;
  readonly trackingNumber: string;
}

interface Track {
  readonly orderId: string;
  readonly shipmentId: string;
  readonly plan: Plan;
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Step {
  readonly status: ShipmentStatus;
  readonly note?: string;
  readonly assign?: boolean;
}

/** FNV-1a: a shipment id as a 32-bit number, to seed that shipment's own random stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A shipment made by booking a courier (book-courier starts it in `searching`). */
const booked = (s: Shipment): boolean => s.events.some((e) => e.status === 'searching');

/** The courier's next report for a shipment, or undefined when it has nothing more to say. */
function nextStep(s: Shipment, plan: Plan): Step | undefined {
  switch (s.status) {
    case 'searching':
      return plan.failure === 'no-courier' ? { status: 'failed', note: 'No courier found' } : { status: 'assigned', assign: true };
    case 'assigned':
      return { status: 'picked-up' };
    case 'picked-up':
      return { status: 'in-transit' };
    case 'in-transit':
      return { status: 'out-for-delivery' };
    case 'out-for-delivery':
      return plan.failure === 'delivery-failed'
        ? { status: 'failed', note: 'Delivery failed: recipient not available' }
        : { status: 'delivered' };
    case 'failed':
      // Failed on the way: the parcel goes back to the store. Failed before pick-up: nothing more.
      return s.events.some((e) => MOVING.includes(e.status)) ? { status: 'returned', note: 'Returned to sender' } : undefined;
    default:
      return undefined;
  }
}

function checkOptions(options: CourierSimulationOptions): void {
  const { speed, failureRate, seed, scanLimit } = options;
  if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`speed must be a number of milliseconds ≥ 0, not ${speed}.`);
  if (!(failureRate >= 0 && failureRate <= 1)) throw new RangeError(`failureRate must be between 0 and 1, not ${failureRate}.`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, not ${seed}.`);
  if (scanLimit !== undefined && (!Number.isSafeInteger(scanLimit) || scanLimit < 0)) {
    throw new RangeError(`scanLimit must be a whole number ≥ 0, not ${scanLimit}.`);
  }
}

/**
 * Starts simulating the courier service on a local engine. Returns `stop`, which cancels every timer,
 * aborts the request in flight, unsubscribes, and leaves nothing running. A workflow without a
 * `courier-event` action has nothing to simulate: the returned `stop` is then all there is.
 *
 * Progress is written with `api.runSystemAction` (system authority, the order's current version, one
 * idempotency key per step and version). When the order changed in between (a conflict), the step is
 * tried again on the next tick from the fresh order; when the workflow refuses it (the order was
 * cancelled, say), that shipment is no longer followed.
 */
export function startCourierSimulation(api: CourierSimulationApi, options: CourierSimulationOptions): () => void {
  checkOptions(options);
  const { speed, failureRate, seed } = options;
  const failures = options.failures ?? ['no-courier', 'delivery-failed'];
  const scanLimit = options.scanLimit ?? 50;
  const workflow = api.workflow;
  const courierAction =
    workflow.actions.find((a) => a.operation === 'courier-event' && a.system) ??
    workflow.actions.find((a) => a.operation === 'courier-event');
  if (!courierAction) return () => undefined;

  const services = workflow.couriers.filter((c) => c.code !== 'other' && c.code !== 'self');
  const tracks = new Map<string, Track>();
  const abort = new AbortController();
  let stopped = false;

  /** The shipment's own stream, keyed by its order and position, so replaying the same data gives the same path. */
  const plan = (orderId: string, position: number): Plan => {
    const next = mulberry32(seed ^ hash(`${orderId}#${position}`));
    const fails = failures.length > 0 && next() < failureRate;
    const failure = fails ? failures[Math.floor(next() * failures.length)] : undefined;
    const courier = services.length ? services[Math.floor(next() * services.length)] : undefined;
    let digits = '';
    for (let i = 0; i < 10; i++) digits += DIGITS[Math.floor(next() * DIGITS.length)];
    const prefix = (courier?.code ?? 'sim').slice(0, 3).toUpperCase();
    return { failure, courier, trackingNumber: `${prefix}${digits}` };
  };

  const untrack = (t: Track): void => {
    if (t.timer !== undefined) clearTimeout(t.timer);
    tracks.delete(t.shipmentId);
  };

  const schedule = (t: Track): void => {
    if (stopped) return;
    t.timer = setTimeout(() => {
      t.timer = undefined;
      void advance(t);
    }, speed);
  };

  const follow = (order: Order, shipment: Shipment): void => {
    if (stopped || tracks.has(shipment.id) || !booked(shipment) || !ACTIVE.includes(shipment.status)) return;
    const position = order.shipments.findIndex((s) => s.id === shipment.id);
    const t: Track = { orderId: order.id, shipmentId: shipment.id, plan: plan(order.id, position), timer: undefined };
    if (!nextStep(shipment, t.plan)) return;
    tracks.set(shipment.id, t);
    schedule(t);
  };

  const input = (s: Shipment, step: Step, p: Plan): ActionInput<'courier-event'> => {
    const base: ActionInput<'courier-event'> = { shipmentId: s.id, status: step.status, ...(step.note && { note: step.note }) };
    if (!step.assign) return base;
    // The booking named no courier ("searching for a courier"): the service found one.
    const courier = s.courier.code === 'auto' ? p.courier : undefined;
    const code = (courier ?? s.courier).code;
    const trackingNumber = s.trackingNumber ?? p.trackingNumber;
    return {
      ...base,
      ...(courier && { courier }),
      trackingNumber,
      trackingUrl: s.trackingUrl ?? `https://www.tracking.my/${encodeURIComponent(code)}/${encodeURIComponent(trackingNumber)}`,
    };
  };

  /** Sends the shipment's next courier event, then schedules the one after it. */
  const advance = async (t: Track): Promise<void> => {
    if (stopped) return;
    let order: Order;
    try {
      order = await api.getOrder(t.orderId, { signal: abort.signal });
    } catch {
      if (!stopped) untrack(t);
      return;
    }
    if (stopped) return;
    const shipment = order.shipments.find((s) => s.id === t.shipmentId);
    const step = shipment && nextStep(shipment, t.plan);
    if (!shipment || !step) {
      untrack(t);
      return;
    }
    try {
      const updated = await api.runSystemAction(
        { orderId: order.id, action: courierAction.key, input: input(shipment, step, t.plan), expectedVersion: order.version },
        { idempotencyKey: `courier-sim:${shipment.id}:${step.status}:${order.version}`, signal: abort.signal },
      );
      if (stopped) return;
      const after = updated.shipments.find((s) => s.id === t.shipmentId);
      if (after && nextStep(after, t.plan)) schedule(t);
      else untrack(t);
    } catch (e) {
      if (stopped) return;
      // Someone else changed the order meanwhile: try again from the fresh order.
      if (isOrderApiError(e) && e.code === 'conflict') schedule(t);
      else untrack(t);
    }
  };

  const scan = async (): Promise<void> => {
    if (scanLimit === 0) return;
    try {
      const { items } = await api.listShipments({ status: ACTIVE }, { offset: 0, limit: scanLimit }, { signal: abort.signal });
      const candidates = items.filter((row) => booked(row.shipment));
      const orders = await Promise.allSettled(candidates.map((row) => api.getOrder(row.orderId, { signal: abort.signal })));
      orders.forEach((result, i) => {
        if (result.status === 'rejected') return;
        const shipment = result.value.shipments.find((s) => s.id === candidates[i]?.shipment.id);
        if (shipment) follow(result.value, shipment);
      });
    } catch {
      // The engine closed or the scan was aborted: nothing to pick up.
    }
  };

  const onChange = (event: ChangeEvent): void => {
    if (stopped) return;
    if (event.type === 'reset') {
      void scan();
      return;
    }
    if (event.type === 'order-removed' || event.type === 'workflow-updated') return;
    const { order } = event;
    if (order) {
      for (const s of order.shipments) follow(order, s);
      return;
    }
    api.getOrder(event.orderId, { signal: abort.signal }).then(
      (fresh) => fresh.shipments.forEach((s) => follow(fresh, s)),
      () => undefined,
    );
  };

  const unsubscribe = api.subscribe(onChange);
  void scan();

  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    abort.abort();
    for (const t of tracks.values()) if (t.timer !== undefined) clearTimeout(t.timer);
    tracks.clear();
  };
}
