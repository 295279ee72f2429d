/**
 * The `OrderApi` contract (DESIGN.md §2.2): the one interface every backend implements — the embedded
 * IndexedDB engine, the REST adapter, and platform mappers. The store talks to nothing else.
 */
import type { OrderEdit } from '../model/edit.js';
import type { Money } from '../model/money.js';
import type {
  Address,
  Customer,
  FulfillmentStatus,
  Order,
  OrderDraft,
  Payment,
  PaymentEntryStatus,
  PaymentMethod,
  PaymentStatus,
  PrintDocumentKind,
  Shipment,
  ShipmentStatus,
  Timestamp,
} from '../model/types.js';
import type { ActionInput, Refusal, WorkflowDefinition } from '../model/workflow/types.js';

export type SortField =
  | 'createdAt'
  | 'updatedAt'
  | 'number'
  | 'customer'
  | 'store'
  | 'total'
  | 'status'
  | 'scheduledAt';

export interface SortSpec {
  readonly field: SortField;
  readonly direction: 'asc' | 'desc';
}

/** What to list. Every field narrows; absent fields do not. */
export interface OrderQuery {
  /** A tab key of the workflow; its filter applies first. */
  readonly tab?: string;
  /** Case-insensitive substring over order number, customer name and phone, store name, tracking numbers. */
  readonly search?: string;
  readonly sort?: SortSpec;
  /** Inclusive lower and exclusive upper bound on `dateField` (default `createdAt`). */
  readonly from?: Timestamp;
  readonly to?: Timestamp;
  readonly dateField?: 'createdAt' | 'updatedAt' | 'scheduledAt';
  readonly storeIds?: readonly string[];
  readonly channels?: readonly string[];
  readonly statuses?: readonly string[];
  readonly paymentStatus?: readonly PaymentStatus[];
  readonly fulfillmentStatus?: readonly FulfillmentStatus[];
  /** Overrides the tab: `true` archived only, `false` active only, `'any'` both. */
  readonly archived?: boolean | 'any';
  /** Soft-deleted orders only (the restore bin). */
  readonly deleted?: boolean;
  readonly assigneeId?: string;
  /**
   * Only orders for which none of these documents was ever printed (`Order.prints`): the list filters
   * "picking list not printed" (`['picking-list', 'picking-summary']`) and "label not printed" (`['awb']`).
   */
  readonly notPrinted?: readonly PrintDocumentKind[];
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

export interface OrderPage {
  readonly items: readonly Order[];
  /** How many orders match the query in all. */
  readonly total: number;
  readonly offset: number;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

export interface WriteOptions extends RequestOptions {
  /** One per user intent: a replay with the same key returns the first result and applies nothing. */
  readonly idempotencyKey: string;
}

export interface ActionRequest {
  readonly orderId: string;
  readonly action: string;
  readonly input?: ActionInput;
  /** The version the user saw; a newer stored version is a conflict. */
  readonly expectedVersion: number;
}

/**
 * Fields of an order a merchant may edit after creation (004's "Update Order"); what may change in each
 * status is `editableFields` (src/model/edit.ts), enforced by every backend.
 */
export type OrderPatch = OrderEdit;

export interface UpdateRequest {
  readonly orderId: string;
  readonly patch: OrderPatch;
  readonly expectedVersion: number;
}

export interface BulkActionRequest {
  /** Explicit ids, or every order matching `query` ("select all N matching"). */
  readonly orderIds?: readonly string[];
  readonly query?: OrderQuery;
  readonly action: string;
  readonly input?: ActionInput;
}

/** One order's outcome in a bulk action: partial success is normal. */
export type BulkItemResult =
  | { readonly orderId: string; readonly ok: true; readonly order: Order }
  | { readonly orderId: string; readonly ok: false; readonly error: OrderApiErrorData };

export interface ImportResult {
  readonly created: readonly Order[];
  /** Drafts skipped because their order number already exists in the same store (re-import is a no-op); a number used in another store refuses the import (invalid-input naming `[i].number`). */
  readonly skipped: readonly { readonly number: string; readonly orderId: string }[];
}

export interface ShipmentRow {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly storeId: string;
  readonly shipment: Shipment;
}

export interface PaymentRow {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly storeId: string;
  readonly payment: Payment;
}

export interface ShipmentQuery {
  readonly courier?: string;
  readonly status?: readonly ShipmentStatus[];
  readonly from?: Timestamp;
  readonly to?: Timestamp;
  readonly storeIds?: readonly string[];
}

export interface PaymentQuery {
  readonly method?: readonly PaymentMethod[];
  /** Ledger entry statuses (pending, succeeded, failed); every status when absent. */
  readonly status?: readonly PaymentEntryStatus[];
  readonly from?: Timestamp;
  readonly to?: Timestamp;
  readonly storeIds?: readonly string[];
}

export interface PaymentTotals {
  readonly byMethod: Readonly<Record<string, Money>>;
}

export type CalendarKind = 'created' | 'scheduled' | 'shipment';

/** Counts for one day (in `timeZone`) and kind, split by workflow status. */
export interface CalendarBucket {
  /** `YYYY-MM-DD` in the requested time zone. */
  readonly day: string;
  readonly kind: CalendarKind;
  readonly count: number;
  readonly byStatus: Readonly<Record<string, number>>;
}

export interface CalendarRequest {
  readonly from: Timestamp;
  readonly to: Timestamp;
  readonly timeZone: string;
  readonly storeIds?: readonly string[];
}

/** A customer found in the viewer's past orders (`searchCustomers`). */
export interface CustomerMatch {
  readonly customer: Customer;
  /** The addresses of their most recent order, when it had them. */
  readonly shippingAddress?: Address;
  readonly billingAddress?: Address;
  /** Orders of theirs the viewer may see (among those searched), and when the newest was placed. */
  readonly orderCount: number;
  readonly lastOrderAt: Timestamp;
  /** The store of the newest order. */
  readonly storeId: string;
}

export interface CustomerSearchOptions extends RequestOptions {
  /** Only customers of this store's orders. */
  readonly storeId?: string;
  /** At most this many (default 10, at most 50). */
  readonly limit?: number;
}

/** One sellable variant of a catalogue product. */
export interface ProductVariant {
  readonly sku: string;
  /** Absent for a product without variants. */
  readonly variant?: string;
  /** The list price in the store's currency (minor units); absent when the catalogue has none. */
  readonly unitPrice?: Money;
}

/** A catalogue product with its variants (`searchProducts`). */
export interface ProductMatch {
  readonly name: string;
  readonly variants: readonly ProductVariant[];
}

export interface ProductSearchScope {
  /** Whose catalogue and currency. */
  readonly storeId: string;
  /** At most this many products (default 10, at most 50). */
  readonly limit?: number;
}

export type ChangeOrigin = 'self' | 'other-tab' | 'server';

/** Realtime change events. `order` is the stored order after the change, when the backend sends it. */
export type ChangeEvent =
  | {
      readonly type: 'order-created' | 'order-updated';
      readonly orderId: string;
      readonly version: number;
      readonly order?: Order;
      /** The action key that caused it (`courier-event` for courier progress). */
      readonly cause?: string;
      readonly origin: ChangeOrigin;
    }
  | { readonly type: 'order-removed'; readonly orderId: string; readonly origin: ChangeOrigin }
  /** The whole data set changed (reseeded, imported): refetch everything. */
  | { readonly type: 'reset'; readonly origin: ChangeOrigin }
  /** The workflow definition was saved (`saveWorkflow`); `getWorkflow` returns this version now. */
  | { readonly type: 'workflow-updated'; readonly version: number; readonly origin: ChangeOrigin };

/** The workflow definition a backend applies, with its version (a concurrency token like an order's). */
export interface StoredWorkflow {
  readonly definition: WorkflowDefinition;
  /** 0 while the backend has none saved and applies the preset it was configured with. */
  readonly version: number;
}

export interface SaveWorkflowRequest {
  readonly definition: WorkflowDefinition;
  /** The version the person edited; a newer stored version is a conflict carrying it (`currentWorkflow`). */
  readonly expectedVersion: number;
}

/** What a backend supports, so the UI can degrade honestly. */
export interface Capabilities {
  readonly concurrency: boolean;
  readonly idempotency: boolean;
  readonly realtime: boolean;
  readonly bulk: boolean;
  readonly import: boolean;
  readonly calendar: boolean;
  /**
   * Entering and editing orders by hand: `createOrder`, `updateOrder`, `searchCustomers` and
   * `searchProducts`. Absent means supported (backends written before it).
   */
  readonly orderEntry?: boolean;
  /**
   * The backend stores the workflow definition (`getWorkflow`/`saveWorkflow`), so every viewer and
   * tab applies the same one. Absent or false: the UI applies the preset it was given.
   */
  readonly workflows?: boolean;
}

export type OrderApiErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'invalid-input'
  | 'refused'
  | 'network'
  | 'rate-limited'
  | 'aborted'
  | 'unavailable';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The serialisable part of an `OrderApiError` (what crosses bulk results and the wire). */
export interface OrderApiErrorData {
  readonly code: OrderApiErrorCode;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
  readonly refusal?: Refusal;
  readonly retryAfterMs?: number;
  /** For `conflict`: the stored version, so the UI can show what changed. */
  readonly current?: Order;
  /** For a `conflict` on `saveWorkflow`: the stored definition and its version. */
  readonly currentWorkflow?: StoredWorkflow;
}

/** Every failure of an `OrderApi` call is one of these, with a typed `code`. */
export class OrderApiError extends Error implements OrderApiErrorData {
  readonly code: OrderApiErrorCode;
  readonly fields?: readonly FieldProblem[];
  readonly refusal?: Refusal;
  readonly retryAfterMs?: number;
  readonly current?: Order;
  readonly currentWorkflow?: StoredWorkflow;

  constructor(data: OrderApiErrorData) {
    super(data.message);
    this.name = 'OrderApiError';
    this.code = data.code;
    if (data.fields) this.fields = data.fields;
    if (data.refusal) this.refusal = data.refusal;
    if (data.retryAfterMs !== undefined) this.retryAfterMs = data.retryAfterMs;
    if (data.current) this.current = data.current;
    if (data.currentWorkflow) this.currentWorkflow = data.currentWorkflow;
  }

  toJSON(): OrderApiErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields && { fields: this.fields }),
      ...(this.refusal && { refusal: this.refusal }),
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
      ...(this.current && { current: this.current }),
      ...(this.currentWorkflow && { currentWorkflow: this.currentWorkflow }),
    };
  }
}

export const isOrderApiError = (e: unknown): e is OrderApiError => e instanceof OrderApiError;

/**
 * The one interface every backend implements. Every method takes an `AbortSignal` (in `options`);
 * every write takes an idempotency key; single-order actions carry the expected version.
 * The adapter acts for one viewer and enforces that viewer's store scope on every read and write.
 */
export interface OrderApi {
  readonly capabilities: Capabilities;

  listOrders(query: OrderQuery, page: PageRequest, options?: RequestOptions): Promise<OrderPage>;
  /** Counts per tab key of the workflow, for the query without its tab. */
  countTabs(query: OrderQuery, options?: RequestOptions): Promise<Readonly<Record<string, number>>>;
  getOrder(id: string, options?: RequestOptions): Promise<Order>;
  listShipments(query: ShipmentQuery, page: PageRequest, options?: RequestOptions): Promise<{
    readonly items: readonly ShipmentRow[];
    readonly total: number;
  }>;
  listPayments(query: PaymentQuery, page: PageRequest, options?: RequestOptions): Promise<{
    readonly items: readonly PaymentRow[];
    readonly total: number;
    readonly totals: PaymentTotals;
  }>;
  calendar(request: CalendarRequest, options?: RequestOptions): Promise<readonly CalendarBucket[]>;
  /**
   * The orders a scanned or typed code names (scan to ship): an exact, case-insensitive match of the
   * trimmed code (one leading `#` ignored, src/model/codes.ts) with the order number or a shipment's
   * tracking number or air waybill. Archived orders are included, soft-deleted ones never. Only
   * orders in the viewer's scope are returned; when every match lies in a store the viewer may not
   * see, the call fails `forbidden`. An empty or over-long code (> 200) is `invalid-input` on `code`.
   * No match is an empty list.
   */
  findOrdersByCode(code: string, options?: RequestOptions): Promise<readonly Order[]>;
  /**
   * Customers of past orders in the viewer's stores whose name, phone or e-mail contains `query`
   * (case-insensitive; a phone matches on its digits), newest first, one entry per customer.
   */
  searchCustomers(query: string, options?: CustomerSearchOptions): Promise<readonly CustomerMatch[]>;
  /** Products of the store's catalogue whose name, SKU or variant contains `query`, priced in the store's currency. */
  searchProducts(query: string, scope: ProductSearchScope, options?: RequestOptions): Promise<readonly ProductMatch[]>;

  runAction(request: ActionRequest, options: WriteOptions): Promise<Order>;
  runBulkAction(request: BulkActionRequest, options: WriteOptions): Promise<readonly BulkItemResult[]>;
  createOrder(draft: OrderDraft, options: WriteOptions): Promise<Order>;
  updateOrder(request: UpdateRequest, options: WriteOptions): Promise<Order>;
  importOrders(drafts: readonly OrderDraft[], options: WriteOptions): Promise<ImportResult>;

  /**
   * The workflow definition the backend applies (present when `capabilities.workflows`): the one saved,
   * or the configured preset with version 0.
   */
  getWorkflow?(options?: RequestOptions): Promise<StoredWorkflow>;
  /**
   * Saves a workflow definition (permission `workflow.edit`) after validating it — every problem is an
   * `invalid-input` field named `statuses.<key>.<field>`, `actions.<key>.<field>`, `tabs.<key>.<field>`
   * (see model/workflow/validate.ts), including statuses removed while orders are in them. A stale
   * `expectedVersion` is a `conflict` carrying `currentWorkflow`. Listeners then get `workflow-updated`.
   */
  saveWorkflow?(request: SaveWorkflowRequest, options: WriteOptions): Promise<StoredWorkflow>;

  /** Change events; returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}
