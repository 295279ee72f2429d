/**
 * A wrapper around any `OrderApi` for store tests: records every call, holds the next call of a
 * method until the test releases it, or makes it fail. Works over the fake and the real local adapter.
 */
import type {
  ActionRequest,
  BulkActionRequest,
  BulkItemResult,
  CalendarBucket,
  CalendarRequest,
  Capabilities,
  ChangeEvent,
  CustomerMatch,
  CustomerSearchOptions,
  ProductMatch,
  ProductSearchScope,
  ImportResult,
  OrderApi,
  OrderPage,
  OrderQuery,
  PageRequest,
  PaymentQuery,
  PaymentRow,
  PaymentTotals,
  RequestOptions,
  SaveWorkflowRequest,
  ShipmentQuery,
  StoredWorkflow,
  ShipmentRow,
  UpdateRequest,
  WriteOptions,
} from '../../src/api/types.js';
import type { Order, OrderDraft } from '../../src/model/types.js';

export type SpiedMethod = 'listOrders' | 'countTabs' | 'getOrder' | 'runAction' | 'runBulkAction' | 'createOrder' | 'importOrders' | 'saveWorkflow';

/** A held call: `entered` resolves when it arrives; `release()` lets it go on to the inner api. */
export interface Gate {
  readonly entered: Promise<void>;
  release(): void;
}

interface Interception {
  readonly kind: 'hold' | 'fail';
  readonly error?: unknown;
  readonly gate?: { open: Promise<void>; arrived: () => void };
}

export class SpyApi implements OrderApi {
  /** Arguments of every call, by method (options included). */
  readonly calls: Record<SpiedMethod, unknown[][]> = {
    listOrders: [],
    countTabs: [],
    getOrder: [],
    runAction: [],
    runBulkAction: [],
    createOrder: [],
    importOrders: [],
    saveWorkflow: [],
  };
  /** The promise of every call, by method, to await an answer the store may ignore. */
  readonly results: Record<SpiedMethod, Promise<unknown>[]> = {
    listOrders: [],
    countTabs: [],
    getOrder: [],
    runAction: [],
    runBulkAction: [],
    createOrder: [],
    importOrders: [],
    saveWorkflow: [],
  };
  /** Listeners currently subscribed through this wrapper. */
  listeners = 0;
  /** Change events delivered to the store so far. */
  readonly events: ChangeEvent[] = [];
  private paused: (() => void)[] | undefined;
  private readonly plans = new Map<SpiedMethod, Interception[]>();

  constructor(readonly inner: OrderApi) {}

  get capabilities(): Capabilities {
    return this.inner.capabilities;
  }

  count(method: SpiedMethod): number {
    return this.calls[method].length;
  }

  /**
   * Holds the next call of `method` until `release()`. A held call is then sent without its abort
   * signal: the answer arrives even when the store gave up on it (a backend that ignores aborts).
   */
  hold(method: SpiedMethod): Gate {
    let release!: () => void;
    let arrived!: () => void;
    const open = new Promise<void>((resolve) => (release = resolve));
    const entered = new Promise<void>((resolve) => (arrived = resolve));
    this.plan(method, { kind: 'hold', gate: { open, arrived } });
    return { entered, release };
  }

  /** Makes the next call of `method` reject with `error` without reaching the inner api. */
  failNext(method: SpiedMethod, error: unknown): void {
    this.plan(method, { kind: 'fail', error });
  }

  listOrders(query: OrderQuery, page: PageRequest, options?: RequestOptions): Promise<OrderPage> {
    return this.intercept('listOrders', [query, page, options], (o) => this.inner.listOrders(query, page, o), options);
  }

  countTabs(query: OrderQuery, options?: RequestOptions): Promise<Readonly<Record<string, number>>> {
    return this.intercept('countTabs', [query, options], (o) => this.inner.countTabs(query, o), options);
  }

  getOrder(id: string, options?: RequestOptions): Promise<Order> {
    return this.intercept('getOrder', [id, options], (o) => this.inner.getOrder(id, o), options);
  }

  runAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    return this.intercept('runAction', [request, options], (o) => this.inner.runAction(request, { ...options, ...o }), options);
  }

  runBulkAction(request: BulkActionRequest, options: WriteOptions): Promise<readonly BulkItemResult[]> {
    return this.intercept(
      'runBulkAction',
      [request, options],
      (o) => this.inner.runBulkAction(request, { ...options, ...o }),
      options,
    );
  }

  createOrder(draft: OrderDraft, options: WriteOptions): Promise<Order> {
    return this.intercept('createOrder', [draft, options], (o) => this.inner.createOrder(draft, { ...options, ...o }), options);
  }

  listShipments(query: ShipmentQuery, page: PageRequest, options?: RequestOptions): Promise<{
    readonly items: readonly ShipmentRow[];
    readonly total: number;
  }> {
    return this.inner.listShipments(query, page, options);
  }

  listPayments(query: PaymentQuery, page: PageRequest, options?: RequestOptions): Promise<{
    readonly items: readonly PaymentRow[];
    readonly total: number;
    readonly totals: PaymentTotals;
  }> {
    return this.inner.listPayments(query, page, options);
  }

  calendar(request: CalendarRequest, options?: RequestOptions): Promise<readonly CalendarBucket[]> {
    return this.inner.calendar(request, options);
  }

  findOrdersByCode(code: string, options?: RequestOptions): Promise<readonly Order[]> {
    return this.inner.findOrdersByCode(code, options);
  }

  updateOrder(request: UpdateRequest, options: WriteOptions): Promise<Order> {
    return this.inner.updateOrder(request, options);
  }

  searchCustomers(query: string, options?: CustomerSearchOptions): Promise<readonly CustomerMatch[]> {
    return this.inner.searchCustomers(query, options);
  }

  searchProducts(query: string, scope: ProductSearchScope, options?: RequestOptions): Promise<readonly ProductMatch[]> {
    return this.inner.searchProducts(query, scope, options);
  }

  importOrders(drafts: readonly OrderDraft[], options: WriteOptions): Promise<ImportResult> {
    return this.intercept('importOrders', [drafts, options], (o) => this.inner.importOrders(drafts, { ...options, ...o }), options);
  }

  get getWorkflow(): OrderApi['getWorkflow'] {
    const inner = this.inner;
    return inner.getWorkflow ? (options?: RequestOptions) => (inner.getWorkflow as NonNullable<OrderApi['getWorkflow']>)(options) : undefined;
  }

  get saveWorkflow(): OrderApi['saveWorkflow'] {
    const inner = this.inner;
    const save = inner.saveWorkflow;
    if (!save) return undefined;
    return (request: SaveWorkflowRequest, options: WriteOptions) =>
      this.intercept('saveWorkflow', [request, options], (o) => save.call(inner, request, { ...options, ...o }), options) as Promise<StoredWorkflow>;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners++;
    let done = false;
    const unsubscribe = this.inner.subscribe((event) => {
      const send = (): void => {
        if (!done) this.deliver(event, listener);
      };
      if (this.paused) this.paused.push(send);
      else send();
    });
    return () => {
      if (done) return;
      done = true;
      this.listeners--;
      unsubscribe();
    };
  }

  /** Keeps change events back (as if the broadcast were slow) until `resumeEvents()`. */
  pauseEvents(): void {
    this.paused ??= [];
  }

  resumeEvents(): void {
    const queued = this.paused ?? [];
    this.paused = undefined;
    for (const send of queued) send();
  }

  private deliver(event: ChangeEvent, listener: (event: ChangeEvent) => void): void {
    this.events.push(event);
    listener(event);
  }

  private plan(method: SpiedMethod, interception: Interception): void {
    const list = this.plans.get(method) ?? [];
    list.push(interception);
    this.plans.set(method, list);
  }

  private intercept<T>(
    method: SpiedMethod,
    args: unknown[],
    run: (options: RequestOptions) => Promise<T>,
    options: RequestOptions | undefined,
  ): Promise<T> {
    const result = this.call(method, args, run, options);
    this.results[method].push(result);
    return result;
  }

  private async call<T>(
    method: SpiedMethod,
    args: unknown[],
    run: (options: RequestOptions) => Promise<T>,
    options: RequestOptions | undefined,
  ): Promise<T> {
    this.calls[method].push(args);
    const next = this.plans.get(method)?.shift();
    if (next?.kind === 'fail') throw next.error;
    if (next?.kind === 'hold' && next.gate) {
      next.gate.arrived();
      await next.gate.open;
      return run({});
    }
    return run(options?.signal ? { signal: options.signal } : {});
  }
}
