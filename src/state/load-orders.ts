/**
 * Loading a batch of whole orders for work outside the list window (printing tens to thousands of
 * orders): explicit ids, or every order matching a query, page by page, with progress and an
 * `AbortSignal`. It reads through the adapter and leaves the store state alone.
 */
import type { OrderApi, OrderQuery } from '../api/types.js';
import { isOrderApiError, OrderApiError } from '../api/types.js';
import type { Order } from '../model/types.js';
import { toApiError } from './errors.js';

/** Which orders: explicit ids (kept in their order), or every order matching `query` (in its sort). */
export interface OrderBatchTarget {
  readonly orderIds?: readonly string[];
  readonly query?: OrderQuery;
}

export interface LoadOrdersOptions {
  readonly signal?: AbortSignal;
  /** Called after each page (or group of ids) with how many orders are loaded and how many there are. */
  readonly onProgress?: (loaded: number, total: number) => void;
  /** Orders per page of a query (default 200), ids fetched at once (default 8). */
  readonly pageSize?: number;
  readonly concurrency?: number;
  /** Orders already in hand (the store's cache): used instead of fetching them again. */
  readonly cached?: (id: string) => Order | undefined;
}

export interface OrderBatch {
  readonly orders: readonly Order[];
  /** Ids that no longer exist or are out of the viewer's scope (asked by id only). */
  readonly missing: readonly string[];
}

const aborted = (): OrderApiError => new OrderApiError({ code: 'aborted', message: 'Loading the orders was cancelled.' });

/** Loads the target's orders; rejects with an `OrderApiError` (`aborted` when the signal fires). */
export async function loadOrderBatch(api: OrderApi, target: OrderBatchTarget, options: LoadOrdersOptions = {}): Promise<OrderBatch> {
  const { signal, onProgress } = options;
  try {
    if (target.orderIds) return await byIds(api, target.orderIds, options);
    if (target.query) {
      const orders: Order[] = [];
      const seen = new Set<string>();
      const size = options.pageSize ?? 200;
      for (let offset = 0; ; offset += size) {
        if (signal?.aborted) throw aborted();
        const page = await api.listOrders(target.query, { offset, limit: size }, signal ? { signal } : undefined);
        // An order that moved between two pages while loading is kept once.
        for (const o of page.items) {
          if (seen.has(o.id)) continue;
          seen.add(o.id);
          orders.push(o);
        }
        onProgress?.(orders.length, Math.max(page.total, orders.length));
        if (page.items.length < size || offset + size >= page.total) return { orders, missing: [] };
      }
    }
    return { orders: [], missing: [] };
  } catch (thrown) {
    if (signal?.aborted) throw aborted();
    throw toApiError(thrown);
  }
}

async function byIds(api: OrderApi, ids: readonly string[], options: LoadOrdersOptions): Promise<OrderBatch> {
  const { signal, onProgress, cached } = options;
  const unique = [...new Set(ids)];
  const found = new Map<string, Order>();
  const missing = new Set<string>();
  const wanted: string[] = [];
  for (const id of unique) {
    const hit = cached?.(id);
    if (hit) found.set(id, hit);
    else wanted.push(id);
  }
  onProgress?.(found.size, unique.length);
  const width = Math.max(1, options.concurrency ?? 8);
  for (let i = 0; i < wanted.length; i += width) {
    if (signal?.aborted) throw aborted();
    const group = wanted.slice(i, i + width);
    const results = await Promise.allSettled(group.map((id) => api.getOrder(id, signal ? { signal } : undefined)));
    results.forEach((r, j) => {
      const id = group[j] as string;
      if (r.status === 'fulfilled') found.set(id, r.value);
      else if (isOrderApiError(r.reason) && (r.reason.code === 'not-found' || r.reason.code === 'forbidden')) missing.add(id);
      else throw r.reason;
    });
    onProgress?.(found.size + missing.size, unique.length);
  }
  return { orders: unique.flatMap((id) => found.get(id) ?? []), missing: [...missing] };
}
