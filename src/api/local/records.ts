/**
 * Order records inside a write transaction: reading orders fresh from IndexedDB (validated), writing
 * changed orders with their summaries rewritten in place, and appending new orders to the tail summary
 * chunk. Used by local-api.ts; every function must only await requests of the given transaction.
 */
import type { Order } from '../../model/types.js';
import type { OrderApiErrorData } from '../types.js';
import { checkOrder } from '../validate.js';
import { SUMMARY_CHUNK, type MetaRecord, type WriteTx } from './db.js';
import { notFound } from './errors.js';
import type { OrderIndex } from './order-index.js';
import { encode, summarize } from './summary.js';

export interface Change {
  readonly order: Order;
  /** Summary chunk of the order. */
  readonly chunk: number;
  readonly created: boolean;
  readonly cause?: string;
}

export type Found = { readonly order: Order } | { readonly error: OrderApiErrorData };

export function malformed(id: string, problems: readonly { field: string; message: string }[]): OrderApiErrorData {
  const first = problems[0];
  return { code: 'unavailable', message: `Stored order ${id} is malformed: ${first?.field} ${first?.message}.`, fields: problems };
}

/**
 * Reads orders from IndexedDB inside `tx` (not the cache: another tab may have written), validated.
 * A missing order is `not-found`; a malformed one `unavailable` naming its fields.
 */
export async function readOrders(tx: WriteTx, ids: readonly string[]): Promise<Map<string, Found>> {
  const store = tx.objectStore('orders');
  const values = await Promise.all(ids.map((id) => store.get(id)));
  const out = new Map<string, Found>();
  ids.forEach((id, i) => {
    const value = values[i];
    if (value === undefined) {
      out.set(id, { error: notFound(id) });
      return;
    }
    const problems = checkOrder(value);
    out.set(id, problems.length ? { error: malformed(id, problems) } : { order: value as Order });
  });
  return out;
}

/** Writes changed orders and rewrites their summaries in place, one chunk at a time. */
export async function storeOrders(tx: WriteTx, index: OrderIndex, orders: readonly Order[], cause: string): Promise<Change[]> {
  if (orders.length === 0) return [];
  const os = tx.objectStore('orders');
  const ss = tx.objectStore('summaries');
  const puts: Promise<unknown>[] = orders.map((o) => observed(os.put(o)));
  const byChunk = new Map<number, Order[]>();
  const unknown: Order[] = [];
  for (const o of orders) {
    const chunk = index.get(o.id)?.chunk;
    if (chunk === undefined) unknown.push(o);
    else byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), o]);
  }
  const changes: Change[] = [];
  if (unknown.length) {
    // Created by another tab and not announced here yet: its summary is in a tail chunk.
    for (const record of await ss.getAll(IDBKeyRange.lowerBound(index.maxChunk))) {
      const ids = new Set((JSON.parse(record.rows) as unknown[][]).map((row) => row[0]));
      for (const o of unknown) if (ids.has(o.id)) byChunk.set(record.id, [...(byChunk.get(record.id) ?? []), o]);
    }
  }
  const records = await Promise.all([...byChunk.keys()].map((id) => ss.get(id)));
  for (const record of records) {
    if (!record) continue;
    const rows = JSON.parse(record.rows) as unknown[][];
    const at = new Map(rows.map((row, i) => [row[0], i]));
    for (const o of byChunk.get(record.id) ?? []) {
      const i = at.get(o.id);
      if (i === undefined) continue;
      rows[i] = encode(summarize(o));
      changes.push({ order: o, chunk: record.id, created: false, cause });
    }
    record.rows = JSON.stringify(rows);
    puts.push(observed(ss.put(record)));
  }
  await Promise.all(puts);
  return changes;
}

/**
 * Marks a request's promise as observed at once. When a later await in the same transaction fails
 * first (an abort), the requests issued before it reject too; without this they would be unhandled
 * rejections. `Promise.all` still sees the original rejection.
 */
function observed<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

/** Stores new orders and appends their summaries to the tail chunk (opening new chunks as they fill). */
export async function appendOrders(tx: WriteTx, meta: MetaRecord, orders: readonly Order[], cause: string): Promise<Change[]> {
  if (orders.length === 0) return [];
  const os = tx.objectStore('orders');
  const ss = tx.objectStore('summaries');
  const puts: Promise<unknown>[] = orders.map((o) => observed(os.put(o)));
  const tail = await ss.get(meta.tailChunk);
  let id = meta.tailChunk;
  let rows = tail ? (JSON.parse(tail.rows) as unknown[]) : [];
  const changes: Change[] = [];
  for (const order of orders) {
    if (rows.length >= SUMMARY_CHUNK) {
      puts.push(observed(ss.put({ id, rows: JSON.stringify(rows) })));
      id++;
      rows = [];
    }
    rows.push(encode(summarize(order)));
    changes.push({ order, chunk: id, created: true, cause });
  }
  puts.push(observed(ss.put({ id, rows: JSON.stringify(rows) })));
  meta.tailChunk = id;
  puts.push(observed(tx.objectStore('meta').put(meta)));
  await Promise.all(puts);
  return changes;
}
