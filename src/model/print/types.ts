/**
 * The data of every printed document (src/model/print/): plain values computed from orders, with no
 * formatting and no DOM. The print view (`<order-print>`) lays them out; tests compare them with the
 * orders. Money stays in minor units; names and addresses stay as the order has them (rendered as text).
 */
import type { Money } from '../money.js';
import type { Address, Channel, Courier, Customer, PaymentMethod, PrintDocumentKind, Store, Timestamp } from '../types.js';

/** What every builder needs beside the orders: the stores (sender blocks, names) and "now" (dates). */
export interface PrintContext {
  readonly stores: ReadonlyMap<string, Store>;
  readonly now: Timestamp;
  /** The IANA zone dates print in: the zone of the screen the print was asked from (the browser's when absent). */
  readonly timeZone?: string;
}

/** Why an order contributes nothing to a document. */
export type SkipReason =
  /** Every accepted unit is already shipped (or every line was rejected): nothing to pick or pack. */
  | 'nothing-to-pick'
  /** No live shipment and nothing left to ship: no label to print. */
  | 'nothing-to-ship';

export interface Skipped {
  readonly orderId: string;
  readonly number: string;
  readonly reason: SkipReason;
}

/** The orders a document left out, and why; the preview lists them so nothing is forgotten silently. */
interface WithSkipped {
  readonly skipped: readonly Skipped[];
}

/** One order's reference as printed beside a line or a parcel. */
export interface OrderRef {
  readonly orderId: string;
  readonly number: string;
}

// ── picking ───────────────────────────────────────────────────────────────────────────────────────

/** A line to pick: units accepted and not yet shipped (`ordered − rejected − shipped`). */
export interface PickLine {
  readonly lineId: string;
  readonly sku: string;
  readonly name: string;
  readonly variant?: string;
  readonly quantity: number;
}

export interface PickingList {
  readonly orderId: string;
  readonly number: string;
  readonly storeName: string;
  readonly channel: Channel;
  readonly customer: Customer;
  readonly createdAt: Timestamp;
  readonly note?: string;
  readonly lines: readonly PickLine[];
  /** Σ lines' quantity. */
  readonly units: number;
}

export interface PickingListDocument extends WithSkipped {
  readonly kind: 'picking-list';
  readonly pages: readonly PickingList[];
}

export interface PickingSummaryRow {
  /** `sku` and `variant`, the grouping key. */
  readonly key: string;
  readonly sku: string;
  readonly variant?: string;
  /** The name of the first line seen with this SKU and variant. */
  readonly name: string;
  /** Σ units to pick over `orders`. */
  readonly quantity: number;
  readonly orders: readonly (OrderRef & { readonly quantity: number })[];
}

export interface PickingSummaryDocument extends WithSkipped {
  readonly kind: 'picking-summary';
  /** Sorted for a walk along the shelves: by SKU, then variant (numeric-aware). */
  readonly rows: readonly PickingSummaryRow[];
  readonly units: number;
  /** Orders with at least one unit to pick. */
  readonly orderCount: number;
  readonly date: Timestamp;
}

// ── shipping ──────────────────────────────────────────────────────────────────────────────────────

export interface Party {
  readonly name: string;
  readonly phone?: string;
  readonly address?: Address;
}

/** One 100 × 150 mm label: a live shipment, or an order still waiting for one. */
export interface AwbLabel {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly channel: Channel;
  /** Absent on a label for an order with no shipment yet. */
  readonly shipmentId?: string;
  readonly courier?: Courier;
  /** The delivery service, when known (a self-delivery agent's name). */
  readonly service?: string;
  readonly trackingNumber?: string;
  readonly airWaybill?: string;
  readonly sender: Party;
  readonly recipient: Party;
  /** Cash to collect: the order's outstanding amount when it is paid on delivery; on its first label only. */
  readonly cod?: Money;
  /** Units in the parcel. */
  readonly pieces: number;
  /** Grams, when the catalogue knows weights (this one does not: always absent). */
  readonly weightGrams?: number;
  readonly paymentMethod?: PaymentMethod;
}

export interface AwbDocument extends WithSkipped {
  readonly kind: 'awb';
  readonly labels: readonly AwbLabel[];
}

export interface ManifestRow {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly trackingNumber?: string;
  readonly recipient: string;
  readonly city?: string;
  readonly pieces: number;
  readonly cod?: Money;
}

export interface ManifestGroup {
  /** Undefined for parcels with no courier yet. */
  readonly courier?: Courier;
  readonly rows: readonly ManifestRow[];
  readonly parcels: number;
  readonly pieces: number;
  /** COD to collect, one sum per currency (stores may sell in several). */
  readonly cod: readonly Money[];
}

export interface ManifestDocument extends WithSkipped {
  readonly kind: 'manifest';
  readonly date: Timestamp;
  /** One group per courier, by courier name. */
  readonly groups: readonly ManifestGroup[];
}

// ── statements ────────────────────────────────────────────────────────────────────────────────────

/** A line over accepted units: `total = unitPrice × quantity − discount` (the order's own `lineTotal`). */
export interface StatementLine {
  readonly lineId: string;
  readonly sku: string;
  readonly name: string;
  readonly variant?: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** The line discount scaled to accepted units. */
  readonly discount: Money;
  readonly total: Money;
}

export interface StatementTotals {
  readonly subtotal: Money;
  readonly discount: Money;
  readonly deliveryFee: Money;
  readonly tax: Money;
  readonly total: Money;
  readonly paid: Money;
  readonly refunded: Money;
  readonly outstanding: Money;
}

export interface Statement {
  readonly orderId: string;
  readonly number: string;
  readonly storeName: string;
  readonly channel: Channel;
  readonly createdAt: Timestamp;
  readonly currency: string;
  readonly customer: Customer;
  readonly shippingAddress?: Address;
  readonly billingAddress?: Address;
  readonly paymentMethod?: PaymentMethod;
  readonly note?: string;
  readonly lines: readonly StatementLine[];
  readonly totals: StatementTotals;
}

export interface StatementDocument extends WithSkipped {
  readonly kind: 'invoice' | 'packing-slip';
  readonly pages: readonly Statement[];
}

export type PrintDocument =
  | PickingSummaryDocument
  | PickingListDocument
  | AwbDocument
  | ManifestDocument
  | StatementDocument;

/** The document data a kind produces (packing slips and invoices share one shape). */
export type DocumentOf<K extends PrintDocumentKind> = K extends 'invoice' | 'packing-slip' ? StatementDocument : Extract<PrintDocument, { kind: K }>;
