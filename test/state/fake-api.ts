/**
 * An in-memory `OrderApi` for store tests that need no IndexedDB: versions, idempotency, scope,
 * change events, and `external()` to play another tab changing an order.
 */
import {
  OrderApiError,
  type ActionRequest,
  type BulkActionRequest,
  type BulkItemResult,
  type Capabilities,
  type ChangeEvent,
  type ChangeOrigin,
  type ImportResult,
  type OrderApi,
  type OrderPage,
  type OrderQuery,
  type PageRequest,
  type RequestOptions,
  type WriteOptions,
} from '../../src/api/types.js';
import { money } from '../../src/model/money.js';
import { newOrder } from '../../src/model/order.js';
import { inScope } from '../../src/model/permissions.js';
import type { Order, OrderDraft, Viewer } from '../../src/model/types.js';
import { applyAction } from '../../src/model/workflow/engine.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';
import { matchesQuery } from '../../src/state/query-match.js';

export const fakeViewer: Viewer = { id: 'u1', name: 'Ayu', role: 'admin', storeIds: [] };

let ids = 0;
const newId = (prefix: string): string => `${prefix}_${++ids}`;

/** A simple draft for store `s1`, IDR. */
export function draft(n: number): OrderDraft {
  return {
    channel: 'online',
    storeId: 's1',
    customer: { name: `Customer ${n}` },
    currency: 'IDR',
    lines: [{ sku: `SKU-${n}`, name: `Item ${n}`, unitPrice: money(10000 + n, 'IDR'), quantity: 1 }],
  };
}

/** `count` orders, newest first by createdAt, statuses cycling through `statuses`. */
export function makeOrders(workflow: WorkflowDefinition, count: number, statuses: readonly string[] = [workflow.initial]): Order[] {
  const base = Date.parse('2026-11-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) =>
    newOrder(workflow, draft(i), {
      id: `ord_${i + 1}`,
      number: `#${1000 + i}`,
      now: new Date(base + i * 60_000).toISOString(),
      actor: fakeViewer,
      newId,
      status: statuses[i % statuses.length] as string,
    }),
  );
}

function abortError(): DOMException {
  return new DOMException('Aborted', 'AbortError');
}

/** Data shared by every `FakeApi` on it, like one IndexedDB database shared by tabs. */
export class FakeHub {
  readonly orders = new Map<string, Order>();
  readonly instances = new Set<FakeApi>();
  readonly done = new Map<string, Order>();

  constructor(readonly workflow: WorkflowDefinition, orders: readonly Order[]) {
    for (const o of orders) this.orders.set(o.id, o);
  }

  /** A new "tab" on this data. */
  connect(viewer: Viewer = fakeViewer): FakeApi {
    const api = new FakeApi(this, viewer);
    this.instances.add(api);
    return api;
  }
}

export class FakeApi implements OrderApi {
  readonly capabilities: Capabilities = {
    concurrency: true,
    idempotency: true,
    realtime: true,
    bulk: true,
    import: false,
    calendar: false,
  };
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  constructor(
    readonly hub: FakeHub,
    readonly viewer: Viewer,
  ) {}

  get workflow(): WorkflowDefinition {
    return this.hub.workflow;
  }

  get orders(): Map<string, Order> {
    return this.hub.orders;
  }

  async listOrders(query: OrderQuery, page: PageRequest, options?: RequestOptions): Promise<OrderPage> {
    await this.tick(options);
    const all = this.matching(query);
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length, offset: page.offset };
  }

  async countTabs(query: OrderQuery, options?: RequestOptions): Promise<Readonly<Record<string, number>>> {
    await this.tick(options);
    const counts: Record<string, number> = {};
    for (const tab of this.workflow.tabs) counts[tab.key] = this.matching({ ...query, tab: tab.key }).length;
    return counts;
  }

  async getOrder(id: string, options?: RequestOptions): Promise<Order> {
    await this.tick(options);
    const order = this.orders.get(id);
    if (!order || !inScope(this.viewer, order.storeId)) throw new OrderApiError({ code: 'not-found', message: `No order ${id}` });
    return order;
  }

  async runAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    await this.tick(options);
    const replay = this.hub.done.get(options.idempotencyKey);
    if (replay) return replay;
    const order = await this.getOrder(request.orderId);
    if (order.version !== request.expectedVersion) {
      throw new OrderApiError({ code: 'conflict', message: 'Changed meanwhile', current: order });
    }
    const next = this.apply(order, request.action, request.input, 'self');
    this.hub.done.set(options.idempotencyKey, next);
    return next;
  }

  async runBulkAction(request: BulkActionRequest, options: WriteOptions): Promise<readonly BulkItemResult[]> {
    await this.tick(options);
    const targets = request.orderIds ?? this.matching(request.query ?? {}).map((o) => o.id);
    return targets.map((orderId): BulkItemResult => {
      try {
        const order = this.orders.get(orderId);
        if (!order) throw new OrderApiError({ code: 'not-found', message: `No order ${orderId}` });
        return { orderId, ok: true, order: this.apply(order, request.action, request.input, 'self') };
      } catch (e) {
        return { orderId, ok: false, error: (e as OrderApiError).toJSON() };
      }
    });
  }

  async createOrder(orderDraft: OrderDraft, options: WriteOptions): Promise<Order> {
    await this.tick(options);
    return this.create(orderDraft, 'self');
  }

  updateOrder(): Promise<Order> {
    return Promise.reject(new OrderApiError({ code: 'unavailable', message: 'not in the fake' }));
  }

  importOrders(): Promise<ImportResult> {
    return Promise.reject(new OrderApiError({ code: 'unavailable', message: 'not in the fake' }));
  }

  listShipments(): never {
    throw new Error('not in the fake');
  }

  listPayments(): never {
    throw new Error('not in the fake');
  }

  calendar(): never {
    throw new Error('not in the fake');
  }

  findOrdersByCode(): never {
    throw new Error('not in the fake');
  }

  searchCustomers(): never {
    throw new Error('not in the fake');
  }

  searchProducts(): never {
    throw new Error('not in the fake');
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Creates an order as this tab. */
  create(orderDraft: OrderDraft, origin: ChangeOrigin): Order {
    const id = `ord_${this.orders.size + 1}_${newId('x')}`;
    const order = newOrder(this.workflow, orderDraft, { id, number: `#${9000 + this.orders.size}`, now: new Date().toISOString(), actor: this.viewer, newId });
    this.orders.set(id, order);
    this.emit({ type: 'order-created', orderId: id, version: order.version, order, origin });
    return order;
  }

  private apply(order: Order, action: string, input: unknown, origin: ChangeOrigin): Order {
    const result = applyAction(this.workflow, order, action, input, { viewer: this.viewer, now: new Date().toISOString(), newId });
    if (!result.ok) throw new OrderApiError({ code: 'refused', message: result.refusal.message, refusal: result.refusal });
    this.orders.set(order.id, result.order);
    this.emit({ type: 'order-updated', orderId: order.id, version: result.order.version, order: result.order, origin });
    return result.order;
  }

  /** Own listeners get the event as is; other tabs get it as `other-tab`. */
  private emit(event: ChangeEvent): void {
    for (const api of this.hub.instances) {
      const seen = api === this ? event : { ...event, origin: 'other-tab' as const };
      setTimeout(() => api.deliver(seen), 0);
    }
  }

  private deliver(event: ChangeEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private matching(query: OrderQuery): Order[] {
    const needle = query.search?.toLowerCase();
    return [...this.orders.values()]
      .filter((o) => inScope(this.viewer, o.storeId) && matchesQuery(o, query, this.workflow, query.tab))
      .filter((o) => !needle || o.number.toLowerCase().includes(needle) || o.customer.name.toLowerCase().includes(needle))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  private async tick(options?: RequestOptions): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options?.signal?.aborted) throw abortError();
  }
}
