/**
 * Public types of the store (DESIGN.md §2.3): the immutable state snapshot, its parts, and the
 * `OrderStore` interface components program against.
 */
import type { Observable } from 'rxjs';
import type { AccountingConnector, PostingBatch, PostOrdersRequest, PostOrdersResult } from '../api/accounting/types.js';
import type {
  BulkItemResult,
  CalendarBucket,
  CalendarRequest,
  ChangeEvent,
  CustomerMatch,
  OrderPatch,
  ProductMatch,
  ImportResult,
  OrderApi,
  OrderApiError,
  OrderPage,
  OrderQuery,
  PageRequest,
  PaymentQuery,
  PaymentRow,
  PaymentTotals,
  ShipmentQuery,
  ShipmentRow,
  StoredWorkflow,
} from '../api/types.js';
import type { Money } from '../model/money.js';
import type { Order, OrderDraft, PrintDocumentKind, Store, Timestamp, Viewer } from '../model/types.js';
import type { ViewZone } from './time-zone.js';
import type { LoadOrdersOptions, OrderBatch, OrderBatchTarget } from './load-orders.js';
import type { ActionInput, WorkflowDefinition } from '../model/workflow/types.js';
import type { PostingHistoryState } from './postings.js';

export type { PostingHistoryState } from './postings.js';

/**
 * The loaded part of the result list for the current query. Rows are sparse: only the pages that
 * were requested (and are still in the window) are present, keyed by their index in the full list.
 */
export interface ListWindow {
  /** How many orders match the query in all; undefined until the first page arrives. */
  readonly total: number | undefined;
  /** Index in the full result list → order id. Missing indices are not loaded (yet). */
  readonly rows: ReadonlyMap<number, string>;
  /** True while at least one page is being fetched. */
  readonly loading: boolean;
  /** The last page load failure; cleared by `retry()`, `refresh()` or a query change. */
  readonly error: OrderApiError | undefined;
}

/** Counts per tab key for the current query without its tab. */
export interface TabCounts {
  /** Undefined until the first answer. */
  readonly values: Readonly<Record<string, number>> | undefined;
  readonly loading: boolean;
  readonly error: OrderApiError | undefined;
}

/** Explicit ids, or every order matching the query except some. */
export type Selection =
  | { readonly mode: 'ids'; readonly ids: ReadonlySet<string> }
  | { readonly mode: 'all'; readonly except: ReadonlySet<string> };

/** What a failed command was doing. */
export type StoreErrorKind = 'action' | 'bulk' | 'create' | 'import' | 'load' | 'posting';

/** A failure the UI should show; stays until dismissed (or retried). */
export interface StoreError {
  /** Unique per entry, for `dismissError` and keyed rendering. */
  readonly id: string;
  readonly kind: StoreErrorKind;
  /** The order concerned, when one is. */
  readonly orderId?: string;
  /** The action key, for `action` and `bulk` errors. */
  readonly action?: string;
  /** `conflict` errors carry `error.current`: the stored order, to show what changed. */
  readonly error: OrderApiError;
  /**
   * Sends the same intent again with the same idempotency key (so a write that did reach the
   * backend is not applied twice). Present only where a retry can help (network, unavailable,
   * rate-limited, aborted); absent for refusals, conflicts and invalid input.
   */
  readonly retry?: () => Promise<unknown>;
}

/** An unread new order (from another tab, another user or the server). */
export interface OrderNotification {
  readonly orderId: string;
  readonly number: string;
  readonly storeId: string;
  readonly customerName: string;
  readonly total: Money;
  readonly createdAt: Timestamp;
}

/** The last bulk action: running, then its per-order results. */
export interface BulkState {
  readonly action: string;
  readonly running: boolean;
  /** One entry per order once it finished; partial success is normal. */
  readonly results: readonly BulkItemResult[] | undefined;
  readonly error: OrderApiError | undefined;
}

/** One order an action changed: as it was (when the store knew it) and as the backend returned it. */
export interface ChangedOrder {
  readonly before: Order | undefined;
  readonly after: Order;
}

/**
 * A completed action (issue 12, rule 5): one per `runAction` that succeeded and one per bulk run
 * with at least one result, whichever element started it — what a toast confirms.
 */
export interface ActionCompletion {
  /** Increasing per store. */
  readonly id: number;
  readonly kind: 'action' | 'bulk';
  /** The action key. */
  readonly action: string;
  /** The orders it changed. */
  readonly changed: readonly ChangedOrder[];
  /** Ids of the orders a bulk run failed on (they stay selected). */
  readonly failed: readonly string[];
}

/** The whole store state: one immutable snapshot; unchanged parts keep their identity. */
export interface StoreState {
  /**
   * The workflow definition in effect: the backend's (`api.getWorkflow`, when its capabilities say it
   * stores workflows) once loaded, else the one the store was created with. Every view reads it here.
   */
  readonly workflow: WorkflowDefinition;
  /** The backend's version of `workflow`; undefined while it applies the given one unsaved or unloaded. */
  readonly workflowVersion: number | undefined;
  readonly query: OrderQuery;
  readonly list: ListWindow;
  /** The entity cache: order id → the newest order known (optimistic while an action is in flight). */
  readonly orders: ReadonlyMap<string, Order>;
  readonly counts: TabCounts;
  readonly selection: Selection;
  /** Order id → key of the action in flight on it. */
  readonly inFlight: ReadonlyMap<string, string>;
  readonly errors: readonly StoreError[];
  /** Unread, newest first. */
  readonly notifications: readonly OrderNotification[];
  readonly bulk: BulkState | undefined;
  /** The merchant's stores (names and time zones), as the host handed them over. */
  readonly stores: readonly Store[];
  /** The zone the viewer chose for all-stores views; undefined for the default. */
  readonly zoneChoice: string | undefined;
}

export interface CreateOrderStoreOptions {
  readonly api: OrderApi;
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  /** Orders per page request (default 50). Pages are aligned to multiples of it. */
  readonly pageSize?: number;
  /** The query the store starts with (default: the workflow's first tab). */
  readonly query?: OrderQuery;
  /**
   * How long realtime bursts are coalesced before the list and counts are refetched (default 100 ms).
   */
  readonly refreshDelayMs?: number;
  /**
   * Most pages kept in the window (default 40). Pages farthest from the last requested range are
   * dropped beyond it, so scrolling through 1M remote orders keeps memory bounded.
   */
  readonly maxPages?: number;
  /** Clock for optimistic updates (default `new Date().toISOString()`). */
  readonly now?: () => Timestamp;
  /**
   * The accounting system orders are posted to (the `marketplace` preset's "Post Order"). With one,
   * the workflow's `post-accounting` action — single, bulk or `postOrders` — goes through it as a
   * posting batch, and `postings$` shows the history; without one, that action runs as any other.
   */
  readonly accounting?: AccountingConnector;
  /** The merchant's stores, for the view's time zone (also settable later with `setStores`). */
  readonly stores?: readonly Store[];
}

export interface RunActionOptions {
  /**
   * The version of the order the person saw, when the view got it from elsewhere than the store's
   * cache (a page of `listOrders`, say). A newer stored version is then a conflict, as it is for an
   * order the store had cached; without it the store sends the version it holds or loads.
   */
  readonly expectedVersion?: number;
}

/** The store one admin instance shares between its components. */
export interface CreateOrderOptions {
  readonly idempotencyKey?: string;
}

export interface UpdateOrderOptions {
  readonly expectedVersion: number;
  /** One per save intent; a retry of the same save sends the same key. */
  readonly idempotencyKey?: string;
}

export interface OrderStore {
  readonly api: OrderApi;
  /** The workflow definition in effect now (`snapshot.workflow`): follow `workflow$` for changes. */
  readonly workflow: WorkflowDefinition;
  /** The definition the store was created with (the preset): what "Reset to preset" goes back to. */
  readonly presetWorkflow: WorkflowDefinition;
  /** True when the backend stores the workflow (`capabilities.workflows` and `saveWorkflow`). */
  readonly workflowEditable: boolean;
  /** The workflow in effect; emits when a saved definition arrives (this tab, another tab, another viewer). */
  readonly workflow$: Observable<WorkflowDefinition>;
  readonly viewer: Viewer;
  readonly pageSize: number;
  /** The accounting connector, when the store was given one. */
  readonly accounting: AccountingConnector | undefined;

  /** Every state change. Prefer the narrower selectors below. */
  readonly state$: Observable<StoreState>;
  /** The current state. */
  readonly snapshot: StoreState;
  /** A memoised selector: emits the selected value on subscription and only when it changes (`===`). */
  select<T>(selector: (state: StoreState) => T): Observable<T>;

  readonly query$: Observable<OrderQuery>;
  readonly list$: Observable<ListWindow>;
  readonly counts$: Observable<TabCounts>;
  readonly selection$: Observable<Selection>;
  /** Selected orders; for "all matching" it is the list total minus the exceptions. */
  readonly selectionCount$: Observable<number>;
  readonly inFlight$: Observable<ReadonlyMap<string, string>>;
  readonly errors$: Observable<readonly StoreError[]>;
  readonly notifications$: Observable<readonly OrderNotification[]>;
  readonly bulkResult$: Observable<BulkState | undefined>;
  /**
   * Every change event from the adapter, after the store has applied it. Views that read outside the
   * windowed list (shipments, payments, calendar) refetch on it.
   */
  readonly changes$: Observable<ChangeEvent>;
  /**
   * The one time zone of the view (issue 12, rule 2): every day boundary (date filters, presets,
   * calendar, export ranges) and every date shown use it. One store in view: that store's zone;
   * all stores: the viewer's choice (`setTimeZone`), else the first store's, else the browser's.
   */
  readonly viewZone$: Observable<ViewZone>;
  /** Every completed action and bulk run, as it completes (not replayed to late subscribers). */
  readonly completions$: Observable<ActionCompletion>;
  /** `viewZone$`'s zone alone. */
  readonly timeZone$: Observable<string>;
  /** The view's zone now (what `timeZone$` last emitted). */
  readonly timeZone: string;

  /** Hands over the merchant's stores (names and time zones). */
  setStores(stores: readonly Store[]): void;
  /**
   * The viewer's zone for all-stores views (undefined: back to the default); kept per viewer. A view
   * scoped to one store keeps that store's zone. An unknown zone warns and changes nothing.
   */
  setTimeZone(zone: string | undefined): void;

  /** Merges `patch` into the query (an `undefined` value clears a field). */
  setQuery(patch: Partial<OrderQuery>): void;
  setTab(key: string): void;

  /** Loads the missing pages covering rows `start` (inclusive) to `end` (exclusive). */
  requestRange(start: number, end: number): void;
  /** Refetches the window and the counts, keeping what is shown until the answers arrive. */
  refresh(): void;
  /** After a list or counts error: clears it and loads again. */
  retry(): void;

  /** One order, loaded through `api.getOrder` when it is not cached; undefined until then. */
  order$(id: string): Observable<Order | undefined>;
  getCached(id: string): Order | undefined;

  toggle(id: string): void;
  /** Selects the loaded rows from `fromIndex` to `toIndex`, both inclusive, in either order. */
  selectRange(fromIndex: number, toIndex: number): void;
  /** Replaces the selection with exactly these ids. */
  selectIds(ids: Iterable<string>): void;
  selectAllMatching(): void;
  clearSelection(): void;

  /**
   * Runs a workflow action on one order: applied locally at once, sent with one idempotency key and
   * the expected version, then replaced by the server's order — or rolled back exactly, with an
   * entry in `errors$`. While an action is in flight on the order, a second call returns the same
   * promise and sends nothing.
   */
  runAction(orderId: string, actionKey: string, input?: ActionInput, options?: RunActionOptions): Promise<Order>;
  /**
   * Runs an action on the selection; resolves with (and publishes) one result per order. The
   * selection stays as it was (the orders that failed included), so a second action can follow;
   * "select all matching" becomes the ids the run reached.
   */
  runBulkAction(actionKey: string, input?: ActionInput): Promise<readonly BulkItemResult[]>;
  /**
   * Creates an order. With `idempotencyKey` (a draft's own key, kept with the draft across reloads and
   * retries) the same key never creates two orders, a call while that key is in flight returns the same
   * promise, and failures are left to the caller (the form) instead of `errors$`.
   */
  createOrder(draft: OrderDraft, options?: CreateOrderOptions): Promise<Order>;
  /**
   * Edits a placed order with the version the person saw: a newer stored version is a `conflict` whose
   * `current` is the stored order (also put in the cache). A second call with the same key while it is
   * in flight returns the same promise.
   */
  updateOrder(orderId: string, patch: OrderPatch, options: UpdateOrderOptions): Promise<Order>;
  /**
   * Customers of past orders for the order form. A newer search cancels the older one still running:
   * the older promise rejects with `aborted`.
   */
  searchCustomers(query: string, options?: { readonly storeId?: string; readonly limit?: number }): Promise<readonly CustomerMatch[]>;
  /** The store's catalogue for the order form; a newer search cancels the older one (`aborted`). */
  searchProducts(query: string, storeId: string, options?: { readonly limit?: number }): Promise<readonly ProductMatch[]>;
  /**
   * Imports drafts all or nothing, with one idempotency key for the intent (a retry or a second click
   * creates nothing twice); order numbers that already exist are skipped by the backend.
   */
  importOrders(drafts: readonly OrderDraft[]): Promise<ImportResult>;
  /**
   * Saves a workflow definition through the adapter, with the version this store holds as the
   * expected one; on success it is in effect at once (tabs, counts, menus, filters follow). Rejects
   * with the adapter's `OrderApiError` — `invalid-input` naming each problem's field, `conflict`
   * carrying `currentWorkflow`, `forbidden` — and changes nothing then.
   */
  saveWorkflow(definition: WorkflowDefinition): Promise<StoredWorkflow>;

  /**
   * Read-throughs for views beside the list. They leave the store state alone, normalise every
   * failure to an `OrderApiError`, and honour `signal` so a newer request can cancel an older one.
   */
  listOrders(query: OrderQuery, page: PageRequest, signal?: AbortSignal): Promise<OrderPage>;
  listShipments(
    query: ShipmentQuery,
    page: PageRequest,
    signal?: AbortSignal,
  ): Promise<{ readonly items: readonly ShipmentRow[]; readonly total: number }>;
  listPayments(
    query: PaymentQuery,
    page: PageRequest,
    signal?: AbortSignal,
  ): Promise<{ readonly items: readonly PaymentRow[]; readonly total: number; readonly totals: PaymentTotals }>;
  calendar(request: CalendarRequest, signal?: AbortSignal): Promise<readonly CalendarBucket[]>;
  /**
   * The orders a scanned or typed code names (`OrderApi.findOrdersByCode`: order number, tracking
   * number or air waybill, exact and case-insensitive). The orders found are cached, so an action run
   * on one next starts from what the backend just said. Fails `forbidden` when the code names only
   * orders of stores the viewer may not see, `invalid-input` for an empty code.
   */
  findOrdersByCode(code: string, signal?: AbortSignal): Promise<readonly Order[]>;

  /**
   * Posts orders to the accounting system as one batch (needs `accounting`): explicit ids, or every
   * order matching a query (a status tab). One idempotency key per call; a failure of the request as
   * a whole goes to `errors$` (kind `posting`) with a retry where one can help.
   */
  postOrders(request: PostOrdersRequest): Promise<PostOrdersResult>;
  /** Sends the failed orders of a failed batch again (needs `accounting`). */
  retryPosting(batchId: string): Promise<PostingBatch>;
  /**
   * The posting history, newest first: loaded on first subscription, kept current from the
   * connector. Without `accounting` it stays empty (`batches` undefined).
   */
  readonly postings$: Observable<PostingHistoryState>;
  /** Loads the next page of older batches. */
  morePostings(): void;
  /** Loads the posting history again (after an error). */
  reloadPostings(): void;
  /**
   * Whole orders for work beyond the list window (printing a selection, a tab, "all matching"): by
   * ids (in their order; cached ones are not fetched again) or every order matching a query, page by
   * page, with `onProgress(loaded, total)`. Rejects with an `OrderApiError`, `aborted` when `signal`
   * fires. Leaves the store state alone.
   */
  loadOrders(target: OrderBatchTarget, options?: LoadOrdersOptions): Promise<OrderBatch>;
  /**
   * Records that `document` was printed (`copies` copies) for these orders: the workflow's
   * `record-print` action through the adapter's bulk path, one idempotency key per intent. Updated
   * orders land in the cache and the list refreshes; the selection and the bulk bar's report are
   * left alone. Resolves with one result per order.
   */
  recordPrints(orderIds: readonly string[], document: PrintDocumentKind, copies?: number): Promise<readonly BulkItemResult[]>;

  dismissError(id: string): void;
  markRead(orderId: string): void;
  markAllRead(): void;

  /** Unsubscribes from the api, aborts loads, completes every observable. */
  dispose(): void;
}
