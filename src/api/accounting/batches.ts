/**
 * Pure helpers over posting batches: the stored record, the viewer's view of it, its state from its
 * orders, deterministic simulated outcomes, and the batches that seeded demo orders imply.
 */
import { mulberry32 } from '../../model/generate/random.js';
import { inScope } from '../../model/permissions.js';
import type { Order, Viewer } from '../../model/types.js';
import type { PostingBatch, PostingBatchOrder, PostingBatchState } from './types.js';

/** A batch as stored: every order (all stores), plus when the simulated system answers. */
export interface BatchRecord extends Omit<PostingBatch, 'count' | 'orders'> {
  readonly orders: readonly PostingBatchOrder[];
  /** Epoch ms when the simulated accounting system answers for the orders in progress. */
  readonly dueAt: number;
}

/** Reasons the simulated accounting system gives for refusing an order. */
export const FAILURE_REASONS: readonly string[] = [
  'Customer code missing in SQL Account',
  'Stock item not mapped in SQL Account',
  'Tax code not set for this store in SQL Account',
  'Sales account closed for this period',
];

/** The message of an order or batch that did not finish within the timeout. */
export const TIMED_OUT = 'Timed out: the accounting system did not answer';

/** The state a batch has from its orders: any in progress → in progress; any failed → failed; else completed. */
export function batchState(orders: readonly PostingBatchOrder[]): PostingBatchState {
  if (orders.some((o) => o.state === 'in-progress')) return 'in-progress';
  return orders.some((o) => o.state === 'failed') ? 'failed' : 'completed';
}

/** The batch as `viewer` may see it (only orders of their stores), or undefined when none. */
export function viewOf(record: BatchRecord, viewer: Viewer): PostingBatch | undefined {
  const orders = viewer.role === 'staff' ? record.orders.filter((o) => inScope(viewer, o.storeId)) : record.orders;
  if (orders.length === 0) return undefined;
  const { dueAt: _due, ...rest } = record;
  return { ...rest, orders, count: orders.length };
}

/** A small stable hash of a string (FNV-1a), for deterministic simulated outcomes. */
export function hash(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The simulated accounting system's answer for one order on one attempt: a failure reason, or
 * undefined (posted). Same seed, order and attempt → same answer; a retry draws again.
 */
export function simulatedOutcome(seed: number, failureRate: number, orderId: string, attempt: number): string | undefined {
  const draw = mulberry32(hash(`${orderId}#${attempt}`, seed));
  if (draw() >= failureRate) return undefined;
  return FAILURE_REASONS[Math.floor(draw() * FAILURE_REASONS.length)] as string;
}

/** A latency in [min, max] ms for a batch, deterministic from its id. */
export function latencyFor(seed: number, batchId: string, [min, max]: readonly [number, number]): number {
  const draw = mulberry32(hash(batchId, seed))();
  return Math.round(min + draw * Math.max(0, max - min));
}

/** Orders seeded per batch at most. */
const SEED_BATCH = 25;

/**
 * The posting batches that seeded orders imply: every order with a posting, grouped by the UTC day of
 * its latest post into batches of up to 25. Completed and failed postings give completed and failed
 * batches; orders still in progress give in-progress batches that `now` sends again (they resolve
 * after the connector's latency once it runs).
 */
export function batchesFromOrders(orders: readonly Order[], now: Date, latency: (id: string) => number): BatchRecord[] {
  const posted: { order: Order; at: string; by: { id: string; name: string } }[] = [];
  for (const order of orders) {
    const posting = order.posting;
    if (!posting) continue;
    const started = [...posting.history].reverse().find((h) => h.status === 'in-progress');
    if (!started) continue;
    const actor = [...order.timeline].reverse().find((e) => e.action === 'post-accounting')?.actor;
    posted.push({ order, at: started.at, by: actor ? { id: actor.id, name: actor.name } : { id: 'system', name: 'System' } });
  }
  posted.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const records: BatchRecord[] = [];
  let group: typeof posted = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const first = group[0] as (typeof posted)[number];
    const id = `pb_seed_${records.length + 1}`;
    const items = group.map(({ order }): PostingBatchOrder => {
      const posting = order.posting!;
      const last = posting.history[posting.history.length - 1];
      const state = posting.status;
      return {
        orderId: order.id,
        orderNumber: order.number,
        storeId: order.storeId,
        state,
        attempts: posting.history.filter((h) => h.status === 'in-progress').length,
        ...(state === 'failed' && { error: last?.error ?? 'Failed' }),
        ...(state === 'completed' && last?.reference !== undefined && { reference: last.reference }),
        ...(state !== 'in-progress' && last && { settledAt: last.at }),
      };
    });
    const state = batchState(items);
    const lastAt = items.reduce((m, o) => (o.settledAt !== undefined && o.settledAt > m ? o.settledAt : m), first.at);
    const resending = state === 'in-progress';
    records.push({
      id,
      state,
      createdAt: first.at,
      sentAt: resending ? now.toISOString() : first.at,
      ...(!resending && { settledAt: lastAt }),
      postedBy: first.by,
      orders: items,
      dueAt: resending ? now.getTime() + latency(id) : 0,
    });
    group = [];
  };
  for (const entry of posted) {
    const previous = group[group.length - 1];
    if (previous && (previous.at.slice(0, 10) !== entry.at.slice(0, 10) || group.length >= SEED_BATCH)) flush();
    group.push(entry);
  }
  flush();
  return records;
}
