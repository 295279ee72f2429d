/**
 * Public types of the store (DESIGN.md §2.3): the immutable state snapshot, its parts, and the
 * `OrderStore` interface components program against.
 */
import type { Observable } from 'rxjs';
import type {
  BulkItemResult,
  CalendarBucket,
  CalendarRequest,
  ChangeEvent,
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
import type { Order, OrderDraft, Timestamp, Viewer } from '../model/types.js';
import type { ActionInput, WorkflowDefinition } from '../model/workflow/types.js';

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
export type StoreErrorKind = 'action' | 'bulk' | 'create' | 'import' | 'load';

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
  /** Runs an action on the selection; resolves with (and publishes) one result per order. */
  runBulkAction(actionKey: string, input?: ActionInput): Promise<readonly BulkItemResult[]>;
  createOrder(draft: OrderDraft): Promise<Order>;
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

  dismissError(id: string): void;
  markRead(orderId: string): void;
  markAllRead(): void;

  /** Unsubscribes from the api, aborts loads, completes every observable. */
  dispose(): void;
}
