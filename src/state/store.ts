/**
 * `createOrderStore`: the RxJS store of DESIGN.md §2.3. One immutable snapshot in a BehaviorSubject;
 * memoised selectors; a windowed list loaded page by page; an entity cache; tab counts; selection;
 * optimistic commands with exact rollback; realtime change events; notifications and errors.
 * Data flows one way: component → command → adapter → change event → store → component.
 */
import { BehaviorSubject, Observable, Subject, distinctUntilChanged, map, of, shareReplay } from 'rxjs';
import type { AccountingConnector, PostingBatch, PostOrdersRequest, PostOrdersResult } from '../api/accounting/types.js';
import {
  OrderApiError,
  type BulkItemResult,
  type CalendarBucket,
  type CalendarRequest,
  type ChangeEvent,
  type CustomerMatch,
  type ImportResult,
  type OrderApi,
  type OrderPage,
  type OrderQuery,
  type OrderPatch,
  type PageRequest,
  type PaymentQuery,
  type PaymentRow,
  type PaymentTotals,
  type ProductMatch,
  type ShipmentQuery,
  type ShipmentRow,
  type StoredWorkflow,
} from '../api/types.js';
import { OrderApiError as ApiError } from '../api/types.js';
import { inScope } from '../model/permissions.js';
import { isTimeZone } from '../model/time-zone.js';
import type { Order, OrderDraft, PrintDocumentKind, Store, Timestamp, Viewer } from '../model/types.js';
import { loadOrderBatch, type LoadOrdersOptions, type OrderBatch, type OrderBatchTarget } from './load-orders.js';
import { applyAction } from '../model/workflow/engine.js';
import type { ActionInput, WorkflowDefinition } from '../model/workflow/types.js';
import { resolveBulkTarget, type BulkTarget } from './bulk.js';
import { isRetryable, refusalError, toApiError } from './errors.js';
import { EMPTY_LIST, isPageComplete, keepPages, pagesCovering, trimWindow, withPage } from './list-window.js';
import { applyOptimistic, reconcileOptimistic, rollbackOptimistic, type OptimisticRecord, type Transition } from './optimistic.js';
import { toNotification, withNotification } from './notifications.js';
import { EMPTY_POSTINGS, PostingHistory, type PostingHistoryState } from './postings.js';
import { sameQuery, withoutTab } from './query.js';
import { EMPTY_SELECTION, selectionSize, toggled, withIds } from './selection.js';
import { readZoneChoice, resolveViewZone, writeZoneChoice, type ViewZone } from './time-zone.js';
import type {
  ActionCompletion,
  BulkState,
  CreateOrderOptions,
  CreateOrderStoreOptions,
  ListWindow,
  OrderNotification,
  OrderStore,
  RunActionOptions,
  Selection,
  StoreError,
  StoreState,
  TabCounts,
  UpdateOrderOptions,
} from './types.js';

/** Creates the store for one admin instance. Call `dispose()` when the instance goes away. */
export function createOrderStore(options: CreateOrderStoreOptions): OrderStore {
  return new RxOrderStore(options);
}

/** One user intent on one order; the idempotency key and expected version stay for its retries. */
interface ActionIntent {
  readonly orderId: string;
  readonly action: string;
  readonly input: ActionInput | undefined;
  readonly key: string;
  /** Fixed on the first attempt, from the cached order the user acted on. */
  expectedVersion?: number;
}

/** A created or updated order event. */
type OrderChange = Extract<ChangeEvent, { readonly type: 'order-created' | 'order-updated' }>;

/** Longest a new-order notification waits for this store's own creates to answer (is it ours?). */
const CREATE_WAIT_MS = 5000;

const EMPTY_COUNTS: TabCounts = { values: undefined, loading: false, error: undefined };

class RxOrderStore implements OrderStore {
  readonly api: OrderApi;
  readonly presetWorkflow: WorkflowDefinition;
  readonly viewer: Viewer;
  readonly pageSize: number;
  readonly accounting: AccountingConnector | undefined;
  readonly postings$: Observable<PostingHistoryState>;

  readonly state$: Observable<StoreState>;
  readonly query$: Observable<OrderQuery>;
  readonly list$: Observable<ListWindow>;
  readonly counts$: Observable<TabCounts>;
  readonly selection$: Observable<Selection>;
  readonly selectionCount$: Observable<number>;
  readonly inFlight$: Observable<ReadonlyMap<string, string>>;
  readonly errors$: Observable<readonly StoreError[]>;
  readonly notifications$: Observable<readonly OrderNotification[]>;
  readonly bulkResult$: Observable<BulkState | undefined>;
  readonly changes$: Observable<ChangeEvent>;
  readonly viewZone$: Observable<ViewZone>;
  readonly timeZone$: Observable<string>;
  readonly completions$: Observable<ActionCompletion>;
  private readonly completed = new Subject<ActionCompletion>();
  private completionSeq = 0;
  readonly workflow$: Observable<WorkflowDefinition>;

  private readonly changes = new Subject<ChangeEvent>();
  private readonly subject: BehaviorSubject<StoreState>;
  private readonly selectors = new WeakMap<object, Observable<unknown>>();
  private readonly orderStreams = new Map<string, Observable<Order | undefined>>();
  /** Ids with a subscribed `order$(id)`: never evicted, and refetched on change. */
  private readonly watched = new Set<string>();
  private readonly orderLoads = new Map<string, Promise<void>>();
  private readonly pageLoads = new Map<number, AbortController>();
  /** Bumped by every query change and window reload: answers of an older generation are dropped. */
  private generation = 0;
  private lastRange: readonly [number, number] | undefined;
  private countsLoad: AbortController | undefined;
  private countsAgain = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly refreshDelayMs: number;
  private readonly maxPages: number;
  private readonly now: () => Timestamp;
  /** The promise of the action in flight per order: a second call returns it and sends nothing. */
  private readonly running = new Map<string, Promise<Order>>();
  /** Change events that arrived while the order's action was in flight, applied once it settles. */
  private readonly deferred = new Map<string, ChangeEvent>();
  private readonly unsubscribeApi: () => void;
  private errorSeq = 0;
  private disposed = false;
  private readonly postingHistory: PostingHistory | undefined;
  /** Creates and edits in flight by idempotency key: a second call with the key sends nothing. */
  private readonly writes = new Map<string, Promise<Order>>();
  /** Creates in flight through `createOrder`, and the ids they made: not announced as new orders. */
  private readonly creating = new Set<Promise<Order>>();
  private readonly createdHere = new Set<string>();
  /** The running customer and product searches: a newer one aborts the older. */
  private readonly searches = new Map<'customers' | 'products', AbortController>();
  private workflowLoad: AbortController | undefined;

  constructor(options: CreateOrderStoreOptions) {
    this.api = options.api;
    this.presetWorkflow = options.workflow;
    this.viewer = options.viewer;
    this.pageSize = Math.max(1, Math.floor(options.pageSize ?? 50));
    this.refreshDelayMs = options.refreshDelayMs ?? 100;
    this.maxPages = Math.max(1, options.maxPages ?? 40);
    this.now = options.now ?? (() => new Date().toISOString());
    this.accounting = options.accounting;
    this.postingHistory = this.accounting ? new PostingHistory(this.accounting) : undefined;
    this.postings$ = this.postingHistory?.state$ ?? of(EMPTY_POSTINGS);
    const firstTab = options.workflow.tabs[0]?.key;
    this.subject = new BehaviorSubject<StoreState>({
      workflow: options.workflow,
      workflowVersion: undefined,
      query: options.query ?? (firstTab === undefined ? {} : { tab: firstTab }),
      list: EMPTY_LIST,
      orders: new Map(),
      counts: EMPTY_COUNTS,
      selection: EMPTY_SELECTION,
      inFlight: new Map(),
      errors: [],
      notifications: [],
      bulk: undefined,
      stores: options.stores ?? [],
      zoneChoice: readZoneChoice(options.viewer.id),
    });
    this.state$ = this.subject.asObservable();
    this.changes$ = this.changes.asObservable();
    this.completions$ = this.completed.asObservable();
    this.query$ = this.select(selectQuery);
    this.list$ = this.select(selectList);
    this.counts$ = this.select(selectCounts);
    this.selection$ = this.select(selectSelection);
    this.selectionCount$ = this.select(selectSelectionCount);
    this.inFlight$ = this.select(selectInFlight);
    this.errors$ = this.select(selectErrors);
    this.notifications$ = this.select(selectNotifications);
    this.bulkResult$ = this.select(selectBulk);
    this.viewZone$ = this.select(this.selectViewZone);
    this.timeZone$ = this.viewZone$.pipe(
      map((z) => z.zone),
      distinctUntilChanged(),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.workflow$ = this.select(selectWorkflow);
    this.unsubscribeApi = this.api.subscribe((event) => this.onChange(event));
    this.loadCounts();
    if (this.workflowEditable) void this.loadWorkflow();
  }

  get snapshot(): StoreState {
    return this.subject.getValue();
  }

  get workflow(): WorkflowDefinition {
    return this.snapshot.workflow;
  }

  get workflowEditable(): boolean {
    return this.api.capabilities.workflows === true && typeof this.api.getWorkflow === 'function' && typeof this.api.saveWorkflow === 'function';
  }

  // ── Workflow ─────────────────────────────────────────────────────────────────────────────────

  async saveWorkflow(definition: WorkflowDefinition): Promise<StoredWorkflow> {
    const api = this.api;
    if (!this.workflowEditable || !api.saveWorkflow) {
      throw toApiError(new Error('This backend does not store workflow definitions.'));
    }
    let saved: StoredWorkflow;
    try {
      saved = await api.saveWorkflow({ definition, expectedVersion: this.snapshot.workflowVersion ?? 0 }, { idempotencyKey: crypto.randomUUID() });
    } catch (e) {
      const error = toApiError(e);
      // Someone saved meanwhile: theirs is what the backend applies, so it is in effect here too (a
      // second save of the caller's draft then replaces it knowingly).
      if (error.code === 'conflict' && error.currentWorkflow) this.useWorkflow(error.currentWorkflow);
      throw error;
    }
    this.useWorkflow(saved);
    return saved;
  }

  /** Asks the backend for its workflow and applies it when it is newer than the one in effect. */
  private async loadWorkflow(): Promise<void> {
    if (!this.api.getWorkflow || this.disposed) return;
    this.workflowLoad?.abort();
    const abort = new AbortController();
    this.workflowLoad = abort;
    try {
      const stored = await this.api.getWorkflow({ signal: abort.signal });
      if (!abort.signal.aborted) this.useWorkflow(stored);
    } catch (e) {
      if (abort.signal.aborted || this.disposed) return;
      // The given preset stays in effect; say why.
      console.warn('orderdeck: could not load the workflow from the backend; applying the given one', e);
    } finally {
      if (this.workflowLoad === abort) this.workflowLoad = undefined;
    }
  }

  /** Puts a stored workflow in effect (newer versions only); the list and the counts follow at once. */
  private useWorkflow(stored: StoredWorkflow): void {
    if (this.disposed) return;
    const { workflowVersion } = this.snapshot;
    if (workflowVersion !== undefined && stored.version <= workflowVersion) return;
    const workflow = stored.definition;
    const changed = workflow !== this.snapshot.workflow && JSON.stringify(workflow) !== JSON.stringify(this.snapshot.workflow);
    this.update((s) => {
      const tab = s.query.tab;
      // A tab that no longer exists gives way to the first one.
      const query = tab !== undefined && !workflow.tabs.some((t) => t.key === tab) ? { ...s.query, tab: workflow.tabs[0]?.key } : s.query;
      if (query.tab === undefined) delete (query as { tab?: string }).tab;
      return { ...s, workflow: changed ? workflow : s.workflow, workflowVersion: stored.version, query };
    });
    if (changed) this.reset();
  }

  select<T>(selector: (state: StoreState) => T): Observable<T> {
    let stream = this.selectors.get(selector) as Observable<T> | undefined;
    if (!stream) {
      stream = this.subject.pipe(map(selector), distinctUntilChanged(), shareReplay({ bufferSize: 1, refCount: true }));
      this.selectors.set(selector, stream);
    }
    return stream;
  }

  // ── Time zone ────────────────────────────────────────────────────────────────────────────────

  get timeZone(): string {
    return this.selectViewZone(this.snapshot).zone;
  }

  setStores(stores: readonly Store[]): void {
    this.update((s) => (s.stores === stores ? s : { ...s, stores }));
  }

  setTimeZone(zone: string | undefined): void {
    if (zone !== undefined && !isTimeZone(zone)) {
      console.warn(`orderdeck: "${zone}" is not an IANA time zone; the view's zone is unchanged.`);
      return;
    }
    writeZoneChoice(this.viewer.id, zone);
    this.update((s) => (s.zoneChoice === zone ? s : { ...s, zoneChoice: zone }));
  }

  /** Memoised on the parts it reads, so `viewZone$` emits only when the zone (or its source) changes. */
  private lastZone: { storeIds: unknown; stores: unknown; choice: unknown; value: ViewZone } | undefined;
  private readonly selectViewZone = (s: StoreState): ViewZone => {
    const last = this.lastZone;
    if (last && last.storeIds === s.query.storeIds && last.stores === s.stores && last.choice === s.zoneChoice) return last.value;
    const value = resolveViewZone(s.query, s.stores, this.viewer, s.zoneChoice);
    const same = last && last.value.zone === value.zone && last.value.source === value.source && last.value.storeId === value.storeId;
    this.lastZone = { storeIds: s.query.storeIds, stores: s.stores, choice: s.zoneChoice, value: same ? last.value : value };
    return this.lastZone.value;
  };

  // ── Query ────────────────────────────────────────────────────────────────────────────────────

  setQuery(patch: Partial<OrderQuery>): void {
    const previous = this.snapshot.query;
    const merged: Record<string, unknown> = { ...previous, ...patch };
    for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
    const query = merged as OrderQuery;
    if (sameQuery(query, previous)) return;
    this.abortPages();
    this.lastRange = undefined;
    this.update((s) => ({ ...s, query, list: EMPTY_LIST, selection: EMPTY_SELECTION }));
    if (!sameQuery(withoutTab(query), withoutTab(previous))) this.reloadCounts();
  }

  setTab(key: string): void {
    // The workflow in effect decides which tabs exist.
    if (!this.workflow.tabs.some((t) => t.key === key)) {
      console.warn(`orderdeck: the workflow "${this.workflow.key}" has no tab "${key}".`);
      return;
    }
    this.setQuery({ tab: key });
  }

  // ── Windowed list ────────────────────────────────────────────────────────────────────────────

  requestRange(start: number, end: number): void {
    if (this.disposed) return;
    this.lastRange = [start, end];
    const list = this.snapshot.list;
    // After a failure only `retry()` loads again, so a table re-requesting on every emission cannot loop.
    if (list.error) return;
    for (const page of pagesCovering(start, end, this.pageSize, list.total)) {
      if (!this.pageLoads.has(page) && !isPageComplete(list, page, this.pageSize)) this.loadPage(page);
    }
  }

  refresh(): void {
    this.reloadWindow();
    this.loadCounts();
  }

  retry(): void {
    this.update((s) => ({
      ...s,
      list: s.list.error ? { ...s.list, error: undefined } : s.list,
      counts: s.counts.error ? { ...s.counts, error: undefined } : s.counts,
    }));
    this.refresh();
  }

  // ── Entity cache ─────────────────────────────────────────────────────────────────────────────

  order$(id: string): Observable<Order | undefined> {
    const existing = this.orderStreams.get(id);
    if (existing) return existing;
    const source = new Observable<Order | undefined>((subscriber) => {
      this.watched.add(id);
      if (!this.snapshot.orders.has(id)) void this.loadOrder(id);
      const inner = this.subject.pipe(map((s) => s.orders.get(id)), distinctUntilChanged()).subscribe(subscriber);
      return () => {
        // shareReplay's refCount: runs when the last subscriber left.
        inner.unsubscribe();
        this.watched.delete(id);
        if (this.orderStreams.get(id) === stream) this.orderStreams.delete(id);
      };
    });
    const stream = source.pipe(shareReplay({ bufferSize: 1, refCount: true }));
    this.orderStreams.set(id, stream);
    return stream;
  }

  getCached(id: string): Order | undefined {
    return this.snapshot.orders.get(id);
  }

  // ── Selection ────────────────────────────────────────────────────────────────────────────────

  toggle(id: string): void {
    this.update((s) => ({ ...s, selection: toggled(s.selection, id) }));
  }

  selectRange(fromIndex: number, toIndex: number): void {
    const [from, to] = fromIndex <= toIndex ? [fromIndex, toIndex] : [toIndex, fromIndex];
    const ids: string[] = [];
    for (const [index, id] of this.snapshot.list.rows) if (index >= from && index <= to) ids.push(id);
    this.update((s) => ({ ...s, selection: withIds(s.selection, ids) }));
  }

  selectIds(ids: Iterable<string>): void {
    this.update((s) => ({ ...s, selection: { mode: 'ids', ids: new Set(ids) } }));
  }

  selectAllMatching(): void {
    this.update((s) => ({ ...s, selection: { mode: 'all', except: new Set() } }));
  }

  clearSelection(): void {
    this.update((s) => (s.selection === EMPTY_SELECTION ? s : { ...s, selection: EMPTY_SELECTION }));
  }

  // ── Commands ─────────────────────────────────────────────────────────────────────────────────

  runAction(orderId: string, actionKey: string, input?: ActionInput, options?: RunActionOptions): Promise<Order> {
    return this.startIntent(
      {
        orderId,
        action: actionKey,
        input,
        key: crypto.randomUUID(),
        ...(options?.expectedVersion !== undefined && { expectedVersion: options.expectedVersion }),
      },
      false,
    );
  }

  runBulkAction(actionKey: string, input?: ActionInput): Promise<readonly BulkItemResult[]> {
    const { selection, query } = this.snapshot;
    // Resolved once per intent (a retry sends the very same request), again only if resolving failed.
    let resolved: Promise<BulkTarget> | undefined;
    const target = (): Promise<BulkTarget> =>
      (resolved ??= resolveBulkTarget(this.api, selection, query).catch((error: unknown) => {
        resolved = undefined;
        throw error;
      }));
    return this.sendBulk(actionKey, input, target, crypto.randomUUID());
  }

  createOrder(draft: OrderDraft, options?: CreateOrderOptions): Promise<Order> {
    const key = options?.idempotencyKey;
    if (key === undefined) return this.track(this.sendCreate(draft, crypto.randomUUID()));
    return this.once(key, () => this.track(this.createWithKey(draft, key)));
  }

  /** Remembers what this store created, so its change event (which may come first) raises no "new order". */
  private track(creating: Promise<Order>): Promise<Order> {
    this.creating.add(creating);
    creating.then((order) => this.createdHere.add(order.id), () => undefined).finally(() => this.creating.delete(creating));
    return creating;
  }

  private createWithKey(draft: OrderDraft, key: string): Promise<Order> {
    return (async () => {
      try {
        const order = await this.api.createOrder(draft, { idempotencyKey: key });
        this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, [order]) }));
        this.refresh();
        return order;
      } catch (thrown) {
        throw toApiError(thrown);
      }
    })();
  }

  updateOrder(orderId: string, patch: OrderPatch, options: UpdateOrderOptions): Promise<Order> {
    const key = options.idempotencyKey ?? crypto.randomUUID();
    return this.once(key, async () => {
      try {
        const order = await this.api.updateOrder({ orderId, patch, expectedVersion: options.expectedVersion }, { idempotencyKey: key });
        this.put(order);
        this.refresh();
        return order;
      } catch (thrown) {
        const error = toApiError(thrown);
        if (error.code === 'conflict') this.afterConflict(orderId, error);
        throw error;
      }
    });
  }

  searchCustomers(query: string, options?: { readonly storeId?: string; readonly limit?: number }): Promise<readonly CustomerMatch[]> {
    return this.search('customers', (signal) => this.api.searchCustomers(query, { ...options, signal }));
  }

  searchProducts(query: string, storeId: string, options?: { readonly limit?: number }): Promise<readonly ProductMatch[]> {
    return this.search('products', (signal) => this.api.searchProducts(query, { storeId, ...options }, { signal }));
  }

  /** Runs `write` once per key while it is in flight. */
  private once(key: string, write: () => Promise<Order>): Promise<Order> {
    const running = this.writes.get(key);
    if (running) return running;
    const promise = write().finally(() => this.writes.delete(key));
    this.writes.set(key, promise);
    return promise;
  }

  /** One search of a kind at a time: starting one aborts the previous, whose promise rejects with `aborted`. */
  private async search<T>(kind: 'customers' | 'products', call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.searches.get(kind)?.abort();
    const controller = new AbortController();
    this.searches.set(kind, controller);
    const stale = (): ApiError => new ApiError({ code: 'aborted', message: 'A newer search replaced this one.' });
    try {
      const result = await call(controller.signal);
      if (controller.signal.aborted) throw stale();
      return result;
    } catch (thrown) {
      throw controller.signal.aborted ? stale() : toApiError(thrown);
    } finally {
      if (this.searches.get(kind) === controller) this.searches.delete(kind);
    }
  }

  importOrders(drafts: readonly OrderDraft[]): Promise<ImportResult> {
    return this.sendImport(drafts, crypto.randomUUID());
  }

  listOrders(query: OrderQuery, page: PageRequest, signal?: AbortSignal): Promise<OrderPage> {
    return this.read(() => this.api.listOrders(query, page, signal ? { signal } : undefined));
  }

  listShipments(
    query: ShipmentQuery,
    page: PageRequest,
    signal?: AbortSignal,
  ): Promise<{ readonly items: readonly ShipmentRow[]; readonly total: number }> {
    return this.read(() => this.api.listShipments(query, page, signal ? { signal } : undefined));
  }

  listPayments(
    query: PaymentQuery,
    page: PageRequest,
    signal?: AbortSignal,
  ): Promise<{ readonly items: readonly PaymentRow[]; readonly total: number; readonly totals: PaymentTotals }> {
    return this.read(() => this.api.listPayments(query, page, signal ? { signal } : undefined));
  }

  calendar(request: CalendarRequest, signal?: AbortSignal): Promise<readonly CalendarBucket[]> {
    return this.read(() => this.api.calendar(request, signal ? { signal } : undefined));
  }

  async findOrdersByCode(code: string, signal?: AbortSignal): Promise<readonly Order[]> {
    const orders = await this.read(() => this.api.findOrdersByCode(code, signal ? { signal } : undefined));
    for (const order of orders) this.put(order);
    return orders;
  }

  loadOrders(target: OrderBatchTarget, options: LoadOrdersOptions = {}): Promise<OrderBatch> {
    return loadOrderBatch(this.api, target, { cached: (id) => this.snapshot.orders.get(id), ...options });
  }

  async recordPrints(orderIds: readonly string[], document: PrintDocumentKind, copies = 1): Promise<readonly BulkItemResult[]> {
    if (orderIds.length === 0) return [];
    const results = await this.read(() =>
      this.api.runBulkAction({ orderIds, action: 'record-print', input: { document, copies } }, { idempotencyKey: crypto.randomUUID() }),
    );
    const updated = results.flatMap((r) => (r.ok ? [r.order] : []));
    this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, updated) }));
    this.refresh();
    return results;
  }

  private async read<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (thrown) {
      throw toApiError(thrown);
    }
  }

  postOrders(request: PostOrdersRequest): Promise<PostOrdersResult> {
    return this.sendPost(request, crypto.randomUUID());
  }

  retryPosting(batchId: string): Promise<PostingBatch> {
    return this.sendRetryPosting(batchId, crypto.randomUUID());
  }

  morePostings(): void {
    this.postingHistory?.more();
  }

  reloadPostings(): void {
    this.postingHistory?.reload();
  }

  dismissError(id: string): void {
    this.update((s) => (s.errors.some((e) => e.id === id) ? { ...s, errors: s.errors.filter((e) => e.id !== id) } : s));
  }

  markRead(orderId: string): void {
    this.update((s) =>
      s.notifications.some((n) => n.orderId === orderId)
        ? { ...s, notifications: s.notifications.filter((n) => n.orderId !== orderId) }
        : s,
    );
  }

  markAllRead(): void {
    this.update((s) => (s.notifications.length === 0 ? s : { ...s, notifications: [] }));
  }

  dispose(): void {
    if (this.disposed) return;
    this.workflowLoad?.abort();
    this.disposed = true;
    this.unsubscribeApi();
    this.abortPages();
    this.countsLoad?.abort();
    this.countsLoad = undefined;
    clearTimeout(this.refreshTimer);
    this.deferred.clear();
    this.postingHistory?.dispose();
    this.subject.complete();
    this.changes.complete();
    this.completed.complete();
  }

  // ── State plumbing ───────────────────────────────────────────────────────────────────────────

  private update(change: (state: StoreState) => StoreState): void {
    if (this.disposed) return;
    const current = this.subject.getValue();
    const next = change(current);
    if (next !== current) this.subject.next(next);
  }

  /** Applies a transition; a stale one schedules a refetch of the window and counts. */
  private commit(transition: (state: StoreState) => Transition): void {
    let stale = false;
    this.update((s) => {
      const result = transition(s);
      stale = result.stale;
      return result.state;
    });
    if (stale) this.scheduleRefresh();
  }

  /**
   * Adds an error entry. `retry` is offered only where it can help (`isRetryable`); using it
   * dismisses the entry first (a new one appears if the retry fails too).
   */
  private pushError(entry: Omit<StoreError, 'id' | 'retry'>, retry?: () => Promise<unknown>): void {
    const id = `error-${++this.errorSeq}`;
    const error: StoreError = {
      id,
      ...entry,
      ...(retry && isRetryable(entry.error) && {
        retry: () => {
          this.dismissError(id);
          return retry();
        },
      }),
    };
    this.update((s) => ({ ...s, errors: [...s.errors, error] }));
  }

  /** Caches an order the backend just returned, unless the cache already holds a newer version. */
  private put(order: Order): void {
    this.update((s) => {
      const current = s.orders.get(order.id);
      if (current === order || (current && current.version > order.version)) return s;
      return { ...s, orders: new Map(s.orders).set(order.id, order) };
    });
  }

  /** Caches orders, unless the cache holds a newer version or an action on the order is in flight. */
  private mergeOrders(orders: ReadonlyMap<string, Order>, incoming: readonly Order[]): ReadonlyMap<string, Order> {
    let next: Map<string, Order> | undefined;
    for (const order of incoming) {
      if (this.running.has(order.id)) continue;
      const current = orders.get(order.id);
      if (current && current.version >= order.version) continue;
      next ??= new Map(orders);
      next.set(order.id, order);
    }
    return next ?? orders;
  }

  // ── List loading ─────────────────────────────────────────────────────────────────────────────

  private loadPage(page: number): void {
    const generation = this.generation;
    const controller = new AbortController();
    const { query } = this.snapshot;
    this.pageLoads.set(page, controller);
    this.update((s) => (s.list.loading ? s : { ...s, list: { ...s.list, loading: true } }));
    const offset = page * this.pageSize;
    this.api.listOrders(query, { offset, limit: this.pageSize }, { signal: controller.signal }).then(
      (result) => {
        if (generation !== this.generation || controller.signal.aborted) return;
        this.pageLoads.delete(page);
        this.landPage(offset, result);
      },
      (error: unknown) => {
        if (generation !== this.generation || controller.signal.aborted) return;
        this.pageLoads.delete(page);
        const loading = this.pageLoads.size > 0;
        this.update((s) => ({ ...s, list: { ...s.list, loading, error: toApiError(error) } }));
      },
    );
  }

  private landPage(offset: number, page: OrderPage): void {
    this.update((s) => {
      const ids = page.items.map((o) => o.id);
      const placed = withPage(s.list, offset, ids, this.pageSize, page.total);
      const { list, dropped } = trimWindow(placed, this.lastRange, this.pageSize, this.maxPages);
      const orders = this.evict(this.mergeOrders(s.orders, page.items), dropped, list);
      return { ...s, orders, list: { ...list, loading: this.pageLoads.size > 0 } };
    });
  }

  /** Forgets cached orders whose rows left the window, unless watched, in flight or still listed. */
  private evict(orders: ReadonlyMap<string, Order>, dropped: readonly string[], list: ListWindow): ReadonlyMap<string, Order> {
    if (dropped.length === 0) return orders;
    const listed = new Set(list.rows.values());
    const next = new Map(orders);
    for (const id of dropped) {
      if (!listed.has(id) && !this.watched.has(id) && !this.running.has(id)) next.delete(id);
    }
    return next;
  }

  private abortPages(): void {
    this.generation++;
    for (const controller of this.pageLoads.values()) controller.abort();
    this.pageLoads.clear();
    this.update((s) => (s.list.loading ? { ...s, list: { ...s.list, loading: false } } : s));
  }

  /** Refetches the pages of the last requested range, keeping the rows shown until they land. */
  private reloadWindow(): void {
    this.abortPages();
    const range = this.lastRange;
    const { total } = this.snapshot.list;
    const pages = range ? pagesCovering(range[0], range[1], this.pageSize, total) : [];
    this.update((s) => ({ ...s, list: { ...keepPages(s.list, new Set(pages), this.pageSize), error: undefined } }));
    if (!range) return;
    // With no total yet (or an empty list) ask again for what was asked for.
    const wanted = pages.length > 0 ? pages : pagesCovering(range[0], range[1], this.pageSize, undefined);
    for (const page of wanted) this.loadPage(page);
  }

  /** Coalesces bursts of change events into one window reload and one counts refresh. */
  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined || this.disposed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, this.refreshDelayMs);
  }

  // ── Counts ───────────────────────────────────────────────────────────────────────────────────

  /** Asks for the counts; while a request is out, one more is queued instead of overlapping it. */
  private loadCounts(): void {
    if (this.disposed) return;
    if (this.countsLoad) {
      this.countsAgain = true;
      return;
    }
    const controller = new AbortController();
    this.countsLoad = controller;
    this.update((s) => (s.counts.loading ? s : { ...s, counts: { ...s.counts, loading: true } }));
    const query = withoutTab(this.snapshot.query);
    const settle = (counts: (c: TabCounts) => TabCounts): void => {
      if (this.countsLoad !== controller) return;
      this.countsLoad = undefined;
      const again = this.countsAgain;
      this.countsAgain = false;
      this.update((s) => ({ ...s, counts: counts(s.counts) }));
      if (again) this.loadCounts();
    };
    this.api.countTabs(query, { signal: controller.signal }).then(
      (values) => settle(() => ({ values, loading: false, error: undefined })),
      (error: unknown) => settle((c) => ({ ...c, loading: false, error: toApiError(error) })),
    );
  }

  /** The query outside the tab changed: the counts in flight are for the old one. */
  private reloadCounts(): void {
    this.countsLoad?.abort();
    this.countsLoad = undefined;
    this.countsAgain = false;
    this.loadCounts();
  }

  // ── Single orders ────────────────────────────────────────────────────────────────────────────

  private loadOrder(id: string, force = false): Promise<void> {
    const pending = this.orderLoads.get(id);
    if (pending && !force) return pending;
    const load = this.api.getOrder(id).then(
      (order) => this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, [order]) })),
      (thrown: unknown) => {
        this.pushError({ kind: 'load', orderId: id, error: toApiError(thrown) }, () => this.loadOrder(id, true));
      },
    ).finally(() => {
      if (this.orderLoads.get(id) === load) this.orderLoads.delete(id);
    });
    this.orderLoads.set(id, load);
    return load;
  }

  // ── Actions ──────────────────────────────────────────────────────────────────────────────────

  /** Registers the intent as the order's running action before anything else can observe state. */
  private startIntent(intent: ActionIntent, retrying: boolean): Promise<Order> {
    const running = this.running.get(intent.orderId);
    if (running) return running;
    let resolve!: (order: Order) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<Order>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.running.set(intent.orderId, promise);
    this.perform(intent, retrying)
      .finally(() => this.settle(intent.orderId))
      .then(resolve, reject);
    return promise;
  }

  private async perform(intent: ActionIntent, retrying: boolean): Promise<Order> {
    const { orderId, action } = intent;
    let base = this.snapshot.orders.get(orderId);
    if (!base) {
      this.update((s) => ({ ...s, inFlight: new Map(s.inFlight).set(orderId, action) }));
      try {
        base = await this.api.getOrder(orderId);
      } catch (error) {
        throw this.actionFailed(intent, toApiError(error));
      }
      this.put(base);
    }
    intent.expectedVersion ??= base.version;
    const applied = applyAction(this.workflow, base, action, intent.input, {
      viewer: this.viewer,
      now: this.now(),
      newId: (prefix) => `${prefix}-pending-${crypto.randomUUID()}`,
      system: false,
    });
    // A retry still goes out when the local copy moved on: the backend may hold the first result.
    if (!applied.ok && !retrying) throw this.actionFailed(intent, refusalError(applied.refusal));
    // One emission: the order is in flight and already shows the result it should have.
    let record: OptimisticRecord | undefined;
    const before = base;
    this.update((s) => {
      const inFlight = new Map(s.inFlight).set(orderId, action);
      if (!applied.ok || before.version !== intent.expectedVersion) return { ...s, inFlight };
      const result = applyOptimistic(s, before, applied.order, this.workflow);
      record = result.record;
      return { ...result.state, inFlight };
    });
    try {
      const server = this.postsToAccounting(action)
        ? await this.postOne(orderId, intent.key)
        : await this.api.runAction(
            { orderId, action, ...(intent.input !== undefined && { input: intent.input }), expectedVersion: intent.expectedVersion },
            { idempotencyKey: intent.key },
          );
      this.reconcile(record, server);
      this.complete('action', action, [{ before: base, after: server }], []);
      return server;
    } catch (thrown) {
      const error = toApiError(thrown);
      if (record) {
        const done = record;
        this.commit((s) => rollbackOptimistic(s, done));
      }
      if (error.code === 'conflict') this.afterConflict(orderId, error);
      throw this.actionFailed(intent, error);
    }
  }

  private reconcile(record: OptimisticRecord | undefined, server: Order): void {
    if (record) {
      const done = record;
      this.commit((s) => reconcileOptimistic(s, done, server, this.workflow));
    } else {
      this.put(server);
      this.scheduleRefresh();
    }
    // Without realtime no change event will confirm the move: ask for the truth now.
    if (!this.api.capabilities.realtime) this.scheduleRefresh();
  }

  /** The server holds a newer order: show it (from the error at once, then refetched). */
  private afterConflict(orderId: string, error: OrderApiError): void {
    if (error.current) this.put(error.current);
    void this.loadOrder(orderId, true);
    this.scheduleRefresh();
  }

  private actionFailed(intent: ActionIntent, error: OrderApiError): OrderApiError {
    this.pushError({ kind: 'action', orderId: intent.orderId, action: intent.action, error }, () => this.startIntent(intent, true));
    return error;
  }

  private complete(kind: ActionCompletion['kind'], action: string, changed: ActionCompletion['changed'], failed: readonly string[]): void {
    if (this.disposed || (changed.length === 0 && failed.length === 0)) return;
    this.completed.next({ id: ++this.completionSeq, kind, action, changed, failed });
  }

  /** The action on the order settled: it leaves `inFlight`, and a deferred change event applies. */
  private settle(orderId: string): void {
    this.running.delete(orderId);
    this.update((s) => {
      if (!s.inFlight.has(orderId)) return s;
      const inFlight = new Map(s.inFlight);
      inFlight.delete(orderId);
      return { ...s, inFlight };
    });
    const event = this.deferred.get(orderId);
    this.deferred.delete(orderId);
    if (event) this.onChange(event);
  }

  // ── Bulk and create ──────────────────────────────────────────────────────────────────────────

  private async sendBulk(
    action: string,
    input: ActionInput | undefined,
    target: () => Promise<BulkTarget>,
    key: string,
  ): Promise<readonly BulkItemResult[]> {
    this.update((s) => ({ ...s, bulk: { action, running: true, results: undefined, error: undefined } }));
    try {
      const request = await target();
      if (request.orderIds?.length === 0) {
        this.update((s) => ({ ...s, bulk: { action, running: false, results: [], error: undefined } }));
        return [];
      }
      const results = this.postsToAccounting(action)
        ? await this.postAsBulk(request, key)
        : await this.api.runBulkAction({ ...request, action, ...(input !== undefined && { input }) }, { idempotencyKey: key });
      const updated = results.flatMap((r) => (r.ok ? [r.order] : []));
      const known = this.snapshot.orders;
      this.update((s) => ({
        ...s,
        orders: this.mergeOrders(s.orders, updated),
        bulk: { action, running: false, results, error: undefined },
        // The selection survives (a second action can follow, failed orders included); "all matching"
        // becomes the orders this run reached, since the query may no longer match them.
        selection: s.selection.mode === 'ids' ? s.selection : { mode: 'ids', ids: new Set(results.map((r) => r.orderId)) },
      }));
      this.refresh();
      const failed = results.flatMap((r) => (r.ok ? [] : [r.orderId]));
      this.complete('bulk', action, updated.map((after) => ({ before: known.get(after.id), after })), failed);
      return results;
    } catch (thrown) {
      const error = toApiError(thrown);
      this.update((s) => ({ ...s, bulk: { action, running: false, results: undefined, error } }));
      this.pushError({ kind: 'bulk', action, error }, () => this.sendBulk(action, input, target, key));
      throw error;
    }
  }

  // ── Accounting ───────────────────────────────────────────────────────────────────────────────

  /** With a connector, the workflow's `post-accounting` action is a posting batch, not a bare action. */
  private postsToAccounting(actionKey: string): boolean {
    return this.accounting !== undefined && this.workflow.actions.find((a) => a.key === actionKey)?.operation === 'post-accounting';
  }

  private connector(): AccountingConnector {
    if (!this.accounting) throw new OrderApiError({ code: 'unavailable', message: 'No accounting system is connected.' });
    return this.accounting;
  }

  /** Posts, then shows the new orders and the batch at once (change events confirm them later). */
  private async post(request: PostOrdersRequest, key: string): Promise<PostOrdersResult> {
    const result = await this.connector().postOrders(request, { idempotencyKey: key });
    const updated = result.results.flatMap((r) => (r.ok && r.order ? [r.order] : []));
    this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, updated) }));
    if (result.batch) this.postingHistory?.upsert(result.batch);
    return result;
  }

  private async sendPost(request: PostOrdersRequest, key: string): Promise<PostOrdersResult> {
    try {
      const result = await this.post(request, key);
      this.refresh();
      return result;
    } catch (thrown) {
      const error = toApiError(thrown);
      this.pushError({ kind: 'posting', error }, () => this.sendPost(request, key));
      throw error;
    }
  }

  private async sendRetryPosting(batchId: string, key: string): Promise<PostingBatch> {
    try {
      const batch = await this.connector().retryBatch(batchId, { idempotencyKey: key });
      this.postingHistory?.upsert(batch);
      this.refresh();
      return batch;
    } catch (thrown) {
      const error = toApiError(thrown);
      this.pushError({ kind: 'posting', error }, () => this.sendRetryPosting(batchId, key));
      throw error;
    }
  }

  /** One order's "Post Order": a batch of one; a refusal is the order's error. */
  private async postOne(orderId: string, key: string): Promise<Order> {
    const { results } = await this.post({ orderIds: [orderId] }, key);
    const result = results.find((r) => r.orderId === orderId);
    if (!result) throw new OrderApiError({ code: 'unavailable', message: 'The accounting system did not answer for this order.' });
    if (!result.ok) throw new OrderApiError(result.error);
    return result.order ?? this.api.getOrder(orderId);
  }

  /** A bulk "Post Order": one batch, its per-order results as bulk results. */
  private async postAsBulk(target: BulkTarget, key: string): Promise<readonly BulkItemResult[]> {
    const request: PostOrdersRequest = target.orderIds ? { orderIds: target.orderIds } : { query: target.query ?? {} };
    const { results } = await this.post(request, key);
    return Promise.all(
      results.map(async (r): Promise<BulkItemResult> => (r.ok ? { orderId: r.orderId, ok: true, order: r.order ?? (await this.api.getOrder(r.orderId)) } : r)),
    );
  }

  private async sendCreate(draft: OrderDraft, key: string): Promise<Order> {
    try {
      const order = await this.api.createOrder(draft, { idempotencyKey: key });
      this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, [order]) }));
      this.refresh();
      return order;
    } catch (thrown) {
      const error = toApiError(thrown);
      this.pushError({ kind: 'create', error }, () => this.sendCreate(draft, key));
      throw error;
    }
  }

  private async sendImport(drafts: readonly OrderDraft[], key: string): Promise<ImportResult> {
    try {
      const result = await this.api.importOrders(drafts, { idempotencyKey: key });
      this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, result.created) }));
      this.refresh();
      return result;
    } catch (thrown) {
      const error = toApiError(thrown);
      this.pushError({ kind: 'import', error }, () => this.sendImport(drafts, key));
      throw error;
    }
  }

  // ── Realtime ─────────────────────────────────────────────────────────────────────────────────

  private onChange(event: ChangeEvent): void {
    if (this.disposed) return;
    this.handleChange(event);
    this.changes.next(event);
  }

  private handleChange(event: ChangeEvent): void {
    if (event.type === 'reset') {
      this.reset();
      return;
    }
    if (event.type === 'workflow-updated') {
      void this.loadWorkflow();
      return;
    }
    if (event.type === 'order-created' && event.origin !== 'self') void this.notify(event);
    if (this.running.has(event.orderId)) {
      this.deferred.set(event.orderId, event);
      return;
    }
    if (event.type === 'order-removed') this.removeCached(event.orderId);
    else this.applyRemote(event);
    this.scheduleRefresh();
  }

  private applyRemote(event: OrderChange): void {
    const current = this.snapshot.orders.get(event.orderId);
    const wanted = current !== undefined || this.watched.has(event.orderId);
    // Stale events (not newer than what is cached) change nothing.
    if (!wanted || (current && current.version >= event.version)) return;
    const order = event.order;
    if (order) this.update((s) => ({ ...s, orders: this.mergeOrders(s.orders, [order]) }));
    else void this.loadOrder(event.orderId, true);
  }

  private removeCached(id: string): void {
    this.update((s) => {
      if (!s.orders.has(id)) return s;
      const orders = new Map(s.orders);
      orders.delete(id);
      return { ...s, orders };
    });
  }

  private async notify(event: OrderChange): Promise<void> {
    // The event of an order this store is creating may arrive before the answer does.
    if (this.creating.size > 0) {
      await Promise.race([Promise.allSettled([...this.creating]), new Promise((resolve) => setTimeout(resolve, CREATE_WAIT_MS))]);
    }
    if (this.createdHere.has(event.orderId)) return;
    let order = event.order;
    if (!order) {
      try {
        order = await this.api.getOrder(event.orderId);
      } catch {
        return; // Out of scope or gone: nothing to announce.
      }
    }
    if (!inScope(this.viewer, order.storeId)) return;
    const note = toNotification(order);
    this.update((s) => {
      const notifications = withNotification(s.notifications, note);
      return notifications === s.notifications ? s : { ...s, notifications };
    });
  }

  /** The whole data set changed: drop what is cached (but in-flight orders) and load again. */
  private reset(): void {
    const range = this.lastRange;
    this.abortPages();
    this.update((s) => {
      const orders = new Map<string, Order>();
      for (const id of this.running.keys()) {
        const order = s.orders.get(id);
        if (order) orders.set(id, order);
      }
      return { ...s, orders, list: EMPTY_LIST, selection: EMPTY_SELECTION };
    });
    for (const id of this.watched.keys()) void this.loadOrder(id, true);
    if (range) this.requestRange(range[0], range[1]);
    this.loadCounts();
  }
}

const selectWorkflow = (s: StoreState): WorkflowDefinition => s.workflow;
const selectQuery = (s: StoreState): OrderQuery => s.query;
const selectList = (s: StoreState): ListWindow => s.list;
const selectCounts = (s: StoreState): TabCounts => s.counts;
const selectSelection = (s: StoreState): Selection => s.selection;
const selectSelectionCount = (s: StoreState): number => selectionSize(s.selection, s.list.total);
const selectInFlight = (s: StoreState): ReadonlyMap<string, string> => s.inFlight;
const selectErrors = (s: StoreState): readonly StoreError[] => s.errors;
const selectNotifications = (s: StoreState): readonly OrderNotification[] => s.notifications;
const selectBulk = (s: StoreState): BulkState | undefined => s.bulk;
