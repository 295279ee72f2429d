/**
 * Workflow definitions are data, not code: statuses, actions, tabs and automations. The engine
 * (`engine.ts`) interprets them; the five presets (`presets/`) are instances; merchants add their own.
 */
import type { Money } from '../money.js';
import type {
  Courier,
  FulfillmentStatus,
  LineQuantity,
  Order,
  PaymentMethod,
  PaymentStatus,
  Person,
  PrintDocumentKind,
  ShipmentStatus,
  TimelineEvent,
  Timestamp,
  Viewer,
} from '../types.js';

/** Text shown to people: plain (used for every locale) or per locale with English required. */
export type LocalizedText = string | Readonly<{ en: string } & Record<string, string>>;

export type StatusCategory = 'open' | 'done' | 'cancelled';
export type Tone = 'neutral' | 'info' | 'attention' | 'warning' | 'success' | 'danger';

export interface StatusDef {
  readonly key: string;
  readonly label: LocalizedText;
  readonly category: StatusCategory;
  readonly tone: Tone;
  readonly description?: LocalizedText;
  /**
   * Hidden by the merchant (workflow settings): never offered as a target (no action into it, not in a
   * "set status" choice), but kept for the orders already in it, which still show and filter by it.
   */
  readonly hidden?: boolean;
}

export type Permission =
  | 'orders.create'
  | 'orders.edit'
  | 'orders.confirm'
  | 'orders.pay'
  | 'orders.fulfil'
  | 'orders.cancel'
  | 'orders.refund'
  | 'orders.assign'
  | 'orders.status'
  | 'orders.note'
  | 'orders.archive'
  | 'orders.delete'
  | 'orders.restore'
  | 'orders.post'
  | 'orders.import'
  /** Change the workflow definition itself (statuses, transitions, tabs): workflow settings. */
  | 'workflow.edit'
  | 'orders.system';

/** The built-in operations an action can perform. An action is an operation plus its rules. */
export interface OperationInputs {
  /** Stock confirmation: accept everything, accept some lines/quantities, or reject everything. */
  'confirm-stock': {
    mode: 'all' | 'some' | 'none';
    /** For `some`: accepted units per line; lines not listed are accepted in full. */
    lines?: { lineId: string; accepted: number }[];
    reason?: string;
  };
  'record-payment': { method: PaymentMethod; amount?: Money; reference?: string };
  'record-expense': { label: string; amount: Money };
  pack: Record<string, never>;
  'create-shipment': {
    courier: Courier;
    trackingNumber?: string;
    trackingUrl?: string;
    /** Lines and quantities; every unfulfilled unit when omitted. */
    lines?: LineQuantity[];
    scheduledAt?: Timestamp;
    selfDeliveryAgent?: Person;
    notifyCustomer?: boolean;
  };
  /** Ask the courier service for a pick-up; the courier is searched for automatically when omitted. */
  'book-courier': { courier?: Courier; scheduledAt?: Timestamp };
  /** A courier's progress report (system). */
  'courier-event': {
    shipmentId: string;
    status: ShipmentStatus;
    note?: string;
    courier?: Courier;
    trackingNumber?: string;
    trackingUrl?: string;
  };
  /**
   * Hand over to the courier: creates a shipment for unshipped units when none is open. With `agent`
   * it is a self-delivery: the shop's own driver takes it (courier `self` named after the agent, the
   * shipment's `selfDeliveryAgent`, and the order's assigned agent).
   */
  'mark-shipped': {
    courier?: Courier;
    agent?: Person;
    trackingNumber?: string;
    trackingUrl?: string;
    notifyCustomer?: boolean;
  };
  'mark-delivered': { shipmentId?: string; notifyCustomer?: boolean };
  /**
   * Set or correct the tracking number (and optionally the courier and tracking link) of a shipment
   * that exists and is not cancelled or failed: `shipmentId`, or the order's only such shipment.
   */
  'update-tracking': {
    shipmentId?: string;
    courier?: Courier;
    trackingNumber: string;
    trackingUrl?: string;
  };
  complete: Record<string, never>;
  cancel: { reason: string; restock?: boolean; notifyCustomer?: boolean };
  'request-cancellation': { reason: string };
  'approve-cancellation': { restock?: boolean };
  'decline-cancellation': { reason?: string };
  'request-return': { reason: string; lines: LineQuantity[] };
  'approve-return': Record<string, never>;
  'decline-return': { reason?: string };
  'receive-return': { restock?: boolean };
  refund: { amount?: Money; lines?: LineQuantity[]; reason: string; restock?: boolean };
  archive: Record<string, never>;
  unarchive: Record<string, never>;
  'soft-delete': Record<string, never>;
  restore: Record<string, never>;
  assign: { csr?: Person | null; agent?: Person | null };
  'set-status': { status: string; note?: string };
  'add-note': { text: string };
  'post-accounting': Record<string, never>;
  'posting-result': { status: 'completed' | 'failed'; error?: string; reference?: string };
  reschedule: { scheduledAt: Timestamp };
  /**
   * Record that a document was printed for the order (it does not move the order, and it leaves an
   * accounting posting as it is, like `update-tracking`). `copies` defaults to 1.
   */
  'record-print': { document: PrintDocumentKind; copies?: number };
}

export type Operation = keyof OperationInputs;
export type ActionInput<O extends Operation = Operation> = Partial<OperationInputs[O]>;

/** Where an order's accounting posting stands; `stale` is a completed posting the order changed after. */
export type PostingState = 'none' | 'in-progress' | 'completed' | 'stale' | 'failed';

/** Where a cancellation or return request stands; `none` when there never was one. */
export type RequestState = 'none' | 'requested' | 'approved' | 'declined' | 'received';

/**
 * Conditions on an order's state for an action to be offered — and, by the same check, accepted.
 * Every operation brings its own (`OPERATION_GUARDS` in guards.ts: a restore needs a deleted order,
 * a posting needs none in progress…); an action's `guard` narrows further. `availableActions` and
 * `applyAction` both ask `guardRefusal`, so nothing is offered that the engine then refuses for the
 * order's state. Absent fields do not constrain.
 */
export interface ActionGuard {
  readonly paymentStatus?: readonly PaymentStatus[];
  readonly fulfillmentStatus?: readonly FulfillmentStatus[];
  readonly archived?: boolean;
  /** Offered only while the order has a shipment that is not cancelled or failed. */
  readonly liveShipment?: boolean;
  /** `true`: only on soft-deleted orders (restore); `false`: only on live ones (every other operation). */
  readonly deleted?: boolean;
  /** Only while the accounting posting is in one of these states. */
  readonly posting?: readonly PostingState[];
  /** Only while the cancellation request is in one of these states. */
  readonly cancellation?: readonly RequestState[];
  /** Only while the return request is in one of these states. */
  readonly returnRequest?: readonly RequestState[];
  /** `true`: only while money is still owed. */
  readonly outstanding?: boolean;
  /** `true`: only while received money is not all refunded. */
  readonly refundable?: boolean;
  /** `true`: only while some accepted units are in no shipment yet. */
  readonly unallocated?: boolean;
  /** `true`: only while some accepted units wait for the hand-over (in no shipment, or in one not picked up). */
  readonly awaitingHandover?: boolean;
  /** `true`: only while something can still be delivered (a shipment on its way or waiting, or unshipped units). */
  readonly deliverable?: boolean;
  /** `false`: only while no unit is with the courier or delivered (and not returned). */
  readonly withCourier?: boolean;
  /** `false`: only before any unit went into a shipment. */
  readonly fulfilmentStarted?: boolean;
  /** `true`: only while some line still has accepted units. */
  readonly accepted?: boolean;
  /** `true`: only while some delivered unit has not come back. */
  readonly returnable?: boolean;
}

export interface ActionDef {
  /** Unique in its workflow (`accept-all`, `pack`, `mark-paid`…). */
  readonly key: string;
  readonly label: LocalizedText;
  readonly operation: Operation;
  /** Statuses where the action is allowed; `*` for any status. */
  readonly from: readonly string[] | '*';
  /** The status the order moves to, when the action moves it. */
  readonly to?: string;
  /** Fixed input that the user's input cannot override (`{ mode: 'all' }` for "accept all"). */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Input fields that must be present and non-empty (`['courier', 'trackingNumber']`). */
  readonly required?: readonly string[];
  readonly permission: Permission;
  readonly bulk: boolean;
  readonly destructive: boolean;
  /** Raised by the backend (courier, buyer, accounting), never offered to staff. */
  readonly system?: boolean;
  readonly guard?: ActionGuard;
  /**
   * How a person reverses the action (the Undo after it ran): the action that does, and its input —
   * `previous-status` gives `{ status: <the status before> }` (a manual status change back). Undo is
   * offered only where the engine accepts that action on the order as it now is.
   */
  readonly undo?: ActionUndo;
}

/** The inverse of an action, as data (see `ActionDef.undo` and `undoFor` in `workflow/undo.ts`). */
export interface ActionUndo {
  /** The key of the action that reverses this one. */
  readonly action: string;
  /** `previous-status`: `{ status }` of the order before the action ran; absent: no input. */
  readonly input?: 'previous-status';
}

/** Which orders a tab shows. Absent fields do not filter. Archived and deleted default to false. */
export interface OrderFilter {
  readonly status?: readonly string[];
  readonly paymentStatus?: readonly PaymentStatus[];
  readonly fulfillmentStatus?: readonly FulfillmentStatus[];
  readonly channel?: readonly string[];
  /** `true` only archived, `false` (default) only active, `'any'` both. */
  readonly archived?: boolean | 'any';
  readonly deleted?: boolean;
  readonly cancellationRequested?: boolean;
  readonly returnRequested?: boolean;
  readonly posting?: readonly ('none' | 'in-progress' | 'completed' | 'failed')[];
  /**
   * `true`: only orders with a self-delivery shipment (courier `self`) still on its way (not delivered,
   * returned, failed or cancelled); `false`: only orders without one.
   */
  readonly selfDelivery?: boolean;
}

export interface TabDef {
  readonly key: string;
  readonly label: LocalizedText;
  readonly filter: OrderFilter;
}

export type Trigger =
  /** A payment succeeded and the order is now fully paid. */
  | 'fully-paid'
  /** Every line was rejected at stock confirmation. */
  | 'all-lines-rejected'
  /** A courier event arrived; `shipmentStatus` narrows which. */
  | 'courier-progress'
  /** Every accepted unit was delivered. */
  | 'all-delivered'
  | 'fully-refunded'
  | 'cancellation-requested'
  | 'return-requested';

export interface AutomationDef {
  readonly on: Trigger;
  /** Only from these statuses (any when omitted). */
  readonly from?: readonly string[];
  readonly to: string;
  readonly shipmentStatus?: readonly ShipmentStatus[];
}

/**
 * One step of the scan-to-ship view: an order scanned in status `from` runs `action` (an action of the
 * workflow whose `from` includes that status). Statuses without a step are "wrong status" for a scan.
 */
export interface ScanStep {
  readonly from: string;
  readonly action: string;
}

export interface WorkflowDefinition {
  readonly key: string;
  readonly label: LocalizedText;
  /** Status of a newly created order. */
  readonly initial: string;
  readonly statuses: readonly StatusDef[];
  readonly actions: readonly ActionDef[];
  readonly tabs: readonly TabDef[];
  readonly automations: readonly AutomationDef[];
  /** Couriers offered by shipment forms; `other` allows a free-text name. */
  readonly couriers: readonly Courier[];
  readonly paymentMethods: readonly PaymentMethod[];
  /** What a scan in the scan-to-ship view does, per status; no scan-to-ship when absent or empty. */
  readonly scanToShip?: readonly ScanStep[];
}

/** Who acts and when; ids come from the caller so the engine stays pure and deterministic. */
export interface ApplyContext {
  readonly viewer: Viewer;
  readonly now: Timestamp;
  readonly newId: (prefix: string) => string;
  /** Allows `system` actions (courier events, buyer requests) — set by backends, never by the UI. */
  readonly system?: boolean;
}

export type RefusalCode =
  | 'unknown-action'
  | 'wrong-status'
  | 'not-permitted'
  | 'out-of-scope'
  | 'missing-field'
  | 'invalid-field'
  | 'amount-too-large'
  | 'quantity-too-large'
  | 'not-applicable';

/** Why the workflow refused: a typed code, a human message, and the input field at fault if any. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  readonly field?: string;
}

export type ApplyResult =
  | { readonly ok: true; readonly order: Order; readonly events: readonly TimelineEvent[] }
  | { readonly ok: false; readonly refusal: Refusal };
