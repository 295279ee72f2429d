/**
 * The list benchmark's data path, shared by all three tables: orders in memory with the sort orders
 * and search text precomputed once per data set, a query → result cache, and change events. The
 * floor and `<vaadin-grid>` call `query()` directly; `<order-table>` reaches the same function through
 * `MemoryOrderApi` (an `OrderApi`) and the real store. Query semantics follow the contract in
 * src/api/types.ts: the tab's filter, field filters, case-insensitive search over number, customer
 * name and phone, store name and tracking numbers, and the sort (default `createdAt` descending).
 */
import type { OrderQuery, SortField, SortSpec } from '../../src/api/types.js';
import type { Order, Store } from '../../src/model/types.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';
import { matchesFilter } from '../../src/model/filter.js';
import { effectiveFilter, matchesFields } from '../../src/state/query-match.js';

export type OrderChangeListener = (order: Order) => void;

const DEFAULT_SORT: SortSpec = { field: 'createdAt', direction: 'desc' };

export class MemoryOrders {
  readonly workflow: WorkflowDefinition;
  private readonly orders: Order[];
  private readonly slotOf = new Map<string, number>();
  private readonly haystacks: string[];
  private readonly storeNames: Map<string, string>;
  private readonly sorted = new Map<SortField, Int32Array>();
  private readonly cache = new Map<string, readonly Order[]>();
  private readonly memberCache = new Map<string, Uint8Array>();
  private readonly listeners = new Set<OrderChangeListener>();

  constructor(workflow: WorkflowDefinition, orders: readonly Order[], stores: readonly Store[]) {
    this.workflow = workflow;
    this.orders = [...orders];
    this.storeNames = new Map(stores.map((s) => [s.id, s.name]));
    this.orders.forEach((o, i) => this.slotOf.set(o.id, i));
    this.haystacks = this.orders.map((o) => this.haystack(o));
    for (const field of ['createdAt', 'customer', 'total', 'number'] as const) this.sortIndex(field);
  }

  get size(): number {
    return this.orders.length;
  }

  get(id: string): Order | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.orders[slot];
  }

  /** Every order matching the query, in its order. Cached per query until an order changes. */
  query(query: OrderQuery): readonly Order[] {
    const key = JSON.stringify([query.tab, query.search, query.sort, query.from, query.to, query.storeIds, query.channels, query.statuses, query.archived, query.deleted]);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const members = this.members(query);
    const sort = query.sort ?? DEFAULT_SORT;
    const index = this.sortIndex(sort.field);
    const result: Order[] = [];
    const n = index.length;
    for (let k = 0; k < n; k++) {
      const slot = index[sort.direction === 'asc' ? k : n - 1 - k] as number;
      if (members[slot] === 1) result.push(this.orders[slot] as Order);
    }
    this.cache.set(key, result);
    return result;
  }

  /** Which slots match the query (everything but the sort), cached: a sort then only walks an index. */
  private members(query: OrderQuery): Uint8Array {
    const key = JSON.stringify([query.tab, query.search, query.from, query.to, query.storeIds, query.channels, query.statuses, query.archived, query.deleted]);
    const hit = this.memberCache.get(key);
    if (hit) return hit;
    const filter = effectiveFilter(query, this.workflow, query.tab);
    const needle = query.search?.trim().toLowerCase() || undefined;
    const members = new Uint8Array(this.orders.length);
    for (let slot = 0; slot < this.orders.length; slot++) {
      if (needle !== undefined && !(this.haystacks[slot] as string).includes(needle)) continue;
      const order = this.orders[slot] as Order;
      if (matchesFilter(order, filter) && matchesFields(order, query)) members[slot] = 1;
    }
    this.memberCache.set(key, members);
    return members;
  }

  /**
   * Forgets cached query results, so the next query of every table pays the same work: filtering and
   * ordering, or with `keepMembers` only the ordering (a new sort of the same filter).
   */
  resetCache(keepMembers = false): void {
    this.cache.clear();
    if (!keepMembers) this.memberCache.clear();
  }

  /** Replaces an order (same id) and tells every listener. Sort keys used by the benchmark do not change. */
  replace(order: Order): void {
    const slot = this.slotOf.get(order.id);
    if (slot === undefined) throw new Error(`unknown order ${order.id}`);
    this.orders[slot] = order;
    this.haystacks[slot] = this.haystack(order);
    this.cache.clear();
    this.memberCache.clear();
    for (const listener of this.listeners) listener(order);
  }

  subscribe(listener: OrderChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private haystack(o: Order): string {
    const tracking = o.shipments.map((s) => s.trackingNumber ?? '').join('\n');
    return `${o.number}\n${o.customer.name}\n${o.customer.phone ?? ''}\n${this.storeNames.get(o.storeId) ?? ''}\n${tracking}`.toLowerCase();
  }

  /** Slots sorted ascending by the field (ties by id); built once per field. */
  private sortIndex(field: SortField): Int32Array {
    const existing = this.sorted.get(field);
    if (existing) return existing;
    const keys = this.orders.map((o) => this.sortKey(o, field));
    const ids = this.orders.map((o) => o.id);
    const slots = Array.from({ length: this.orders.length }, (_, i) => i);
    slots.sort((a, b) => {
      const ka = keys[a] as number | string;
      const kb = keys[b] as number | string;
      if (ka < kb) return -1;
      if (ka > kb) return 1;
      return (ids[a] as string) < (ids[b] as string) ? -1 : 1;
    });
    const index = Int32Array.from(slots);
    this.sorted.set(field, index);
    return index;
  }

  private sortKey(o: Order, field: SortField): number | string {
    switch (field) {
      case 'createdAt':
        return Date.parse(o.createdAt);
      case 'updatedAt':
        return Date.parse(o.updatedAt);
      case 'scheduledAt':
        return o.scheduledAt ? Date.parse(o.scheduledAt) : Number.MAX_SAFE_INTEGER;
      case 'number':
        return o.number;
      case 'customer':
        return o.customer.name.toLowerCase();
      case 'store':
        return (this.storeNames.get(o.storeId) ?? o.storeId).toLowerCase();
      case 'total':
        return o.totals.total.amount;
      case 'status':
        return this.workflow.statuses.findIndex((s) => s.key === o.status);
    }
  }
}
