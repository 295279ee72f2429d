/**
 * The order model of DESIGN.md §2.1: plain, serialisable data shared by every adapter, the store and
 * the components. No DOM, no classes: orders cross IndexedDB, postMessage and JSON unchanged.
 */
import type { Money } from './money.js';
import type { TimelineTemplate } from './timeline-text.js';

/** ISO 8601 timestamp in UTC, e.g. `2026-11-22T08:15:00.000Z`. */
export type Timestamp = string;

export type Role = 'superadmin' | 'admin' | 'staff';

/** Who is looking. Staff see only `storeIds`; admins and super-admins see every store. */
export interface Viewer {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly storeIds: readonly string[];
}

export interface Store {
  readonly id: string;
  readonly name: string;
  /** IANA time zone used for calendars and "today". */
  readonly timeZone: string;
  readonly currency: string;
}

/**
 * Where an order came from. Known values are listed; any other string is a custom channel.
 * `online` is the merchant's own web store, `pos` an in-store register.
 */
export type Channel =
  | 'online'
  | 'pos'
  | 'shopee'
  | 'lazada'
  | 'tiktok'
  | 'phone'
  | 'walk-in'
  | 'whatsapp'
  | 'manual'
  | (string & {});

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface Customer {
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface Address {
  readonly name?: string;
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly phone?: string;
}

/**
 * Per-line quantity counters, as the large platforms keep them, instead of per-line status flags.
 * Invariants (checked by `checkInvariants`): every counter ≥ 0; rejected + fulfilled ≤ ordered;
 * shipped ≤ fulfilled; delivered ≤ shipped; returned ≤ delivered; refunded ≤ ordered (a refunded unit
 * may later be rejected too, when the rest of the order is cancelled).
 */
export interface LineQuantities {
  readonly ordered: number;
  /** Turned down at stock confirmation, or cancelled before fulfilment. */
  readonly rejected: number;
  /** Placed into a shipment (packed / allocated). */
  readonly fulfilled: number;
  /** Handed to a courier or out with a delivery agent. */
  readonly shipped: number;
  readonly delivered: number;
  readonly returned: number;
  readonly refunded: number;
}

export type LineCounter = keyof LineQuantities;

export interface LineItem {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly variant?: string;
  /** Only http(s) URLs are ever rendered. */
  readonly imageUrl?: string;
  readonly unitPrice: Money;
  /** Discount on the whole line (not per unit). */
  readonly discount: Money;
  readonly quantity: LineQuantities;
}

export type PaymentMethod =
  | 'cash'
  | 'card'
  | 'bank-transfer'
  | 'cod'
  | 'e-wallet'
  | 'pos'
  | 'whatsapp'
  | 'marketplace'
  | 'other';

export type PaymentEntryStatus = 'pending' | 'succeeded' | 'failed';

/** One row of the payments ledger: money received (or attempted). Refunds are kept in `refunds`. */
export interface Payment {
  readonly id: string;
  readonly method: PaymentMethod;
  readonly amount: Money;
  readonly status: PaymentEntryStatus;
  readonly reference?: string;
  readonly at: Timestamp;
  readonly by: Person;
}

export interface LineQuantity {
  readonly lineId: string;
  readonly quantity: number;
}

export interface Refund {
  readonly id: string;
  readonly amount: Money;
  readonly reason: string;
  /** Lines refunded by quantity; empty for a refund by amount only. */
  readonly lines: readonly LineQuantity[];
  readonly restock: boolean;
  readonly at: Timestamp;
  readonly by: Person;
}

export interface Expense {
  readonly id: string;
  readonly label: string;
  readonly amount: Money;
  readonly at: Timestamp;
  readonly by: Person;
}

export type ShipmentStatus =
  | 'booked'
  | 'searching'
  | 'assigned'
  | 'picked-up'
  | 'in-transit'
  | 'out-for-delivery'
  | 'delivered'
  | 'failed'
  | 'returned'
  | 'cancelled';

export interface Courier {
  /** Stable code (`jnt`, `poslaju`, …) or `other` with a free-text `name`. */
  readonly code: string;
  readonly name: string;
}

export interface ShipmentEvent {
  readonly status: ShipmentStatus;
  readonly at: Timestamp;
  readonly note?: string;
}

export interface Shipment {
  readonly id: string;
  readonly courier: Courier;
  readonly trackingNumber?: string;
  /** Rendered as a link only when its scheme is http or https. */
  readonly trackingUrl?: string;
  readonly airWaybill?: string;
  readonly lines: readonly LineQuantity[];
  readonly status: ShipmentStatus;
  readonly events: readonly ShipmentEvent[];
  readonly scheduledAt?: Timestamp;
  /** Set when the merchant delivers it themselves. */
  readonly selfDeliveryAgent?: Person;
  readonly createdAt: Timestamp;
}

export type RequestStatus = 'requested' | 'approved' | 'declined';

export interface CancellationRequest {
  readonly status: RequestStatus;
  readonly reason: string;
  readonly requestedAt: Timestamp;
  readonly decidedAt?: Timestamp;
  /** The status the order had when the request arrived, restored when it is declined. */
  readonly previousStatus: string;
}

export interface ReturnRequest {
  readonly status: RequestStatus | 'received';
  readonly reason: string;
  readonly lines: readonly LineQuantity[];
  readonly requestedAt: Timestamp;
  readonly decidedAt?: Timestamp;
  readonly previousStatus: string;
}

export type PostingStatus = 'in-progress' | 'completed' | 'failed';

export interface PostingAttempt {
  readonly status: PostingStatus;
  readonly at: Timestamp;
  readonly error?: string;
  readonly reference?: string;
}

/** Accounting posting state (the `marketplace` preset posts to an accounting system). */
export interface Posting {
  readonly status: PostingStatus;
  /** The order version that was posted; a later change makes the posting stale. */
  readonly postedVersion?: number;
  readonly stale: boolean;
  readonly history: readonly PostingAttempt[];
}

/** The documents orderdeck prints (see src/model/print/ for what each contains). */
export type PrintDocumentKind =
  /** One consolidated list of every line of the chosen orders, grouped by SKU, for batch picking. */
  | 'picking-summary'
  /** One page per order with the order number as a barcode, for picking and scan to ship. */
  | 'picking-list'
  /** Air waybill: a 4×6 in shipping label per shipment. */
  | 'awb'
  /** Per courier: every parcel handed over, with totals and signature lines. */
  | 'manifest'
  | 'packing-slip'
  | 'invoice';

export const PRINT_DOCUMENT_KINDS: readonly PrintDocumentKind[] = [
  'picking-summary',
  'picking-list',
  'awb',
  'manifest',
  'packing-slip',
  'invoice',
];

/** One printing of a document for an order: which, when, by whom, how many copies. */
export interface PrintRecord {
  readonly document: PrintDocumentKind;
  readonly at: Timestamp;
  readonly by: Person;
  readonly copies: number;
}

export interface Assignees {
  readonly csr?: Person;
  readonly agent?: Person;
}

/** A message the backend sent (or would send) to the customer. */
export interface CustomerMessage {
  readonly channel: 'email' | 'sms' | 'whatsapp';
  readonly recipient: string;
  /** The message in English, as a backend without templates of its own would send it. */
  readonly text: string;
  /** What it says as data, for sending (or showing) it in another language. */
  readonly template?: TimelineTemplate;
}

export type TimelineKind =
  | 'created'
  | 'status'
  | 'action'
  | 'note'
  | 'payment'
  | 'refund'
  | 'shipment'
  | 'courier'
  | 'expense'
  | 'notification'
  | 'edit'
  | 'system';

/** One entry of an order's history: who did what, when, from which status to which. */
export interface TimelineEvent {
  readonly id: string;
  readonly at: Timestamp;
  readonly actor: Person;
  readonly kind: TimelineKind;
  /** The action key that caused it, when one did. */
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  /** Free text: a person's note, or the English text of `template`. */
  readonly message?: string;
  /** What the event says as data (a message key and parameters); the UI renders it in the reader's language. */
  readonly template?: TimelineTemplate;
}

export interface Totals {
  readonly subtotal: Money;
  readonly discount: Money;
  readonly deliveryFee: Money;
  readonly tax: Money;
  /** subtotal − discount + deliveryFee + tax, over accepted (non-rejected) quantities. */
  readonly total: Money;
  /** Succeeded payments. */
  readonly paid: Money;
  readonly refunded: Money;
  /** max(0, total − paid): refunds never make the customer owe again. */
  readonly outstanding: Money;
  readonly expenses: Money;
  /** total − expenses: what a delivery agent should remit (the `cod-delivery` preset). */
  readonly expectedRemittance: Money;
}

export type PaymentStatus = 'unpaid' | 'partially-paid' | 'paid' | 'partially-refunded' | 'refunded';

export type FulfillmentStatus =
  | 'unfulfilled'
  | 'partially-fulfilled'
  | 'fulfilled'
  | 'partially-shipped'
  | 'shipped'
  | 'partially-delivered'
  | 'delivered'
  | 'returned';

/** A payment taken while the order is placed ("paid now"): recorded by the model in the same creation. */
export interface InitialPayment {
  readonly method: PaymentMethod;
  readonly amount: Money;
  readonly reference?: string;
}

/** The input an order is created from; everything derived is computed by the model. */
export interface OrderDraft {
  readonly number?: string;
  readonly channel: Channel;
  readonly storeId: string;
  readonly customer: Customer;
  readonly shippingAddress?: Address;
  readonly billingAddress?: Address;
  readonly currency: string;
  readonly lines: readonly {
    readonly sku: string;
    readonly name: string;
    readonly variant?: string;
    readonly imageUrl?: string;
    readonly unitPrice: Money;
    readonly discount?: Money;
    readonly quantity: number;
  }[];
  readonly discount?: Money;
  readonly deliveryFee?: Money;
  readonly tax?: Money;
  readonly paymentMethod?: PaymentMethod;
  readonly assignees?: Assignees;
  readonly tags?: readonly string[];
  readonly note?: string;
  readonly scheduledAt?: Timestamp;
  /** Paid now: one succeeded ledger entry recorded with the order (never a second request). */
  readonly initialPayment?: InitialPayment;
}

export interface Order {
  readonly id: string;
  /** Human / marketplace reference, unique per store. */
  readonly number: string;
  readonly channel: Channel;
  readonly storeId: string;
  readonly customer: Customer;
  readonly shippingAddress?: Address;
  readonly billingAddress?: Address;
  readonly currency: string;
  readonly lines: readonly LineItem[];
  /** Order-level discount, delivery fee and tax as entered; totals are derived. */
  readonly discount: Money;
  readonly deliveryFee: Money;
  readonly tax: Money;
  readonly totals: Totals;
  /** The payment method the customer chose at checkout (COD, transfer…), when known. */
  readonly paymentMethod?: PaymentMethod;
  readonly payments: readonly Payment[];
  readonly refunds: readonly Refund[];
  readonly shipments: readonly Shipment[];
  readonly expenses: readonly Expense[];
  readonly assignees: Assignees;
  readonly tags: readonly string[];
  readonly note?: string;
  readonly cancellation?: CancellationRequest;
  readonly returnRequest?: ReturnRequest;
  readonly cancelReason?: string;
  readonly posting?: Posting;
  /** Documents printed for this order, oldest first (the `record-print` operation); absent when none. */
  readonly prints?: readonly PrintRecord[];
  readonly messages: readonly CustomerMessage[];
  readonly scheduledAt?: Timestamp;
  readonly archived: boolean;
  readonly deletedAt?: Timestamp;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
  /** Concurrency token: +1 on every change. Writes carry the version they expect. */
  readonly version: number;
  /** The merchant-facing workflow status (a status key of the order's workflow). */
  readonly status: string;
  /** Derived from the payments ledger and refunds. */
  readonly paymentStatus: PaymentStatus;
  /** Derived from the line counters. */
  readonly fulfillmentStatus: FulfillmentStatus;
  readonly timeline: readonly TimelineEvent[];
}
