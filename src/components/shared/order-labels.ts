/**
 * Localised names of the order vocabulary that is code, not workflow data: derived payment and
 * fulfilment statuses, channels, payment methods, shipment and posting statuses, timeline kinds, and
 * the kinds of API error. Functions, so `msg()` runs at render time in the locale active then.
 * Workflow statuses and actions carry their own labels (`resolveText`), see `statusLabel`/`actionLabel`.
 */
import { msg } from '@lit/localize';
import type { DatePreset } from './date-range.js';
import type { OrderApiErrorCode } from '../../api/types.js';
import { resolveText } from '../../i18n/text.js';
import { COLLECTED_COURIER, type FulfilmentStage } from '../../model/derive.js';
import type {
  Courier,
  FulfillmentStatus,
  PaymentMethod,
  PaymentStatus,
  PostingStatus,
  PrintDocumentKind,
  ShipmentStatus,
  TimelineKind,
} from '../../model/types.js';
import type { StatusDef, Tone, WorkflowDefinition } from '../../model/workflow/types.js';

export function paymentStatusLabel(status: PaymentStatus): string {
  switch (status) {
    case 'unpaid':
      return msg('Unpaid', { desc: 'Payment status of an order' });
    case 'partially-paid':
      return msg('Partially paid', { desc: 'Payment status of an order' });
    case 'paid':
      return msg('Paid', { desc: 'Payment status of an order' });
    case 'partially-refunded':
      return msg('Partially refunded', { desc: 'Payment status of an order' });
    case 'refunded':
      return msg('Refunded', { desc: 'Payment status of an order' });
    default:
      return status;
  }
}

/** The tone a payment status badge is drawn in. */
export function paymentStatusTone(status: PaymentStatus): Tone {
  switch (status) {
    case 'paid':
      return 'success';
    case 'partially-paid':
      return 'attention';
    case 'partially-refunded':
    case 'refunded':
      return 'warning';
    default:
      return 'neutral';
  }
}

export function fulfillmentStatusLabel(status: FulfillmentStatus): string {
  switch (status) {
    case 'unfulfilled':
      return msg('Unfulfilled', { desc: 'Fulfilment status of an order' });
    case 'partially-fulfilled':
      return msg('Partially fulfilled', { desc: 'Fulfilment status of an order' });
    case 'fulfilled':
      return msg('Fulfilled', { desc: 'Fulfilment status of an order: packed into shipments' });
    case 'partially-shipped':
      return msg('Partially shipped', { desc: 'Fulfilment status of an order' });
    case 'shipped':
      return msg('Shipped', { desc: 'Fulfilment status of an order' });
    case 'partially-delivered':
      return msg('Partially delivered', { desc: 'Fulfilment status of an order' });
    case 'delivered':
      return msg('Delivered', { desc: 'Fulfilment status of an order' });
    case 'returned':
      return msg('Returned', { desc: 'Fulfilment status of an order' });
    default:
      return status;
  }
}

/** The tone a fulfilment status badge is drawn in. */
export function fulfillmentStatusTone(status: FulfillmentStatus): Tone {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'returned':
      return 'warning';
    case 'unfulfilled':
      return 'neutral';
    default:
      return 'info';
  }
}

/**
 * The fulfilment word people read (`fulfilmentStage` in the model): Unfulfilled / Partially fulfilled /
 * Fulfilled (handed to a courier) / Delivered, or Collected in store, or Returned.
 */
export function fulfilmentStageLabel(stage: FulfilmentStage): string {
  switch (stage) {
    case 'unfulfilled':
      return msg('Unfulfilled', { desc: 'Fulfilment status of an order' });
    case 'partially-fulfilled':
      return msg('Partially fulfilled', { id: 'fulfilment-stage.partially-fulfilled', desc: 'Fulfilment status of an order: some items handed to a courier' });
    case 'fulfilled':
      return msg('Fulfilled', { id: 'fulfilment-stage.fulfilled', desc: 'Fulfilment status of an order: every item handed to a courier' });
    case 'delivered':
      return msg('Delivered', { desc: 'Fulfilment status of an order' });
    case 'collected':
      return msg('Collected in store', { desc: 'Fulfilment status of an in-store sale: the customer took the items at the counter' });
    case 'returned':
      return msg('Returned', { desc: 'Fulfilment status of an order' });
    default:
      return stage;
  }
}

/** The tone a fulfilment word's badge is drawn in. */
export function fulfilmentStageTone(stage: FulfilmentStage): Tone {
  switch (stage) {
    case 'delivered':
    case 'collected':
      return 'success';
    case 'returned':
      return 'warning';
    case 'unfulfilled':
      return 'neutral';
    default:
      return 'info';
  }
}

/** A sales channel's name; a merchant's custom channel is shown as written. */
export function channelLabel(channel: string): string {
  switch (channel) {
    case 'online':
      return msg('Online store', { desc: 'Sales channel: the merchant’s own web store' });
    case 'pos':
      return msg('In-store (POS)', { desc: 'Sales channel: a point-of-sale register in a shop' });
    case 'shopee':
      return 'Shopee';
    case 'lazada':
      return 'Lazada';
    case 'tiktok':
      return 'TikTok Shop';
    case 'phone':
      return msg('Phone', { desc: 'Sales channel: an order taken by phone' });
    case 'walk-in':
      return msg('Walk-in', { desc: 'Sales channel: a customer who came to the shop' });
    case 'whatsapp':
      return 'WhatsApp';
    case 'manual':
      return msg('Manual', { desc: 'Sales channel: an order entered by hand' });
    default:
      return channel;
  }
}

export function paymentMethodLabel(method: PaymentMethod | string): string {
  switch (method) {
    case 'cash':
      return msg('Cash', { desc: 'Payment method' });
    case 'card':
      return msg('Card', { desc: 'Payment method' });
    case 'bank-transfer':
      return msg('Bank transfer', { desc: 'Payment method' });
    case 'cod':
      return msg('Cash on delivery (COD)', { desc: 'Payment method' });
    case 'e-wallet':
      return msg('E-wallet', { desc: 'Payment method' });
    case 'pos':
      return msg('POS terminal', { desc: 'Payment method: paid at a point-of-sale terminal' });
    case 'whatsapp':
      return msg('WhatsApp', { desc: 'Payment method: arranged over WhatsApp' });
    case 'marketplace':
      return msg('Marketplace', { desc: 'Payment method: paid through the marketplace' });
    case 'other':
      return msg('Other', { desc: 'Payment method' });
    default:
      return method;
  }
}

export function shipmentStatusLabel(status: ShipmentStatus): string {
  switch (status) {
    case 'booked':
      return msg('Booked', { desc: 'Shipment status' });
    case 'searching':
      return msg('Searching for a courier', { desc: 'Shipment status' });
    case 'assigned':
      return msg('Courier assigned', { desc: 'Shipment status' });
    case 'picked-up':
      return msg('Picked up', { desc: 'Shipment status' });
    case 'in-transit':
      return msg('In transit', { desc: 'Shipment status' });
    case 'out-for-delivery':
      return msg('Out for delivery', { desc: 'Shipment status' });
    case 'delivered':
      return msg('Delivered', { id: 'shipment-status.delivered', desc: 'Shipment status' });
    case 'failed':
      return msg('Failed', { id: 'shipment-status.failed', desc: 'Shipment status' });
    case 'returned':
      return msg('Returned to sender', { desc: 'Shipment status' });
    case 'cancelled':
      return msg('Cancelled', { id: 'shipment-status.cancelled', desc: 'Shipment status' });
    default:
      return status;
  }
}

export function shipmentStatusTone(status: ShipmentStatus): Tone {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'failed':
    case 'cancelled':
      return 'danger';
    case 'returned':
      return 'warning';
    case 'searching':
    case 'booked':
      return 'attention';
    default:
      return 'info';
  }
}

/** A courier's display name; the engine's placeholder and self-delivery names are localised. */
export function courierLabel(courier: Courier): string {
  if (courier.code === 'auto') return msg('Searching for a courier', { desc: 'Shipment status' });
  if (courier.code === COLLECTED_COURIER) return msg('Collected in store', { desc: 'Fulfilment status of an in-store sale: the customer took the items at the counter' });
  if (courier.code === 'self') {
    const own = msg('Own delivery agent', { desc: 'Courier: the merchant delivers it themselves' });
    // Self-delivery shipments carry the agent's name; the engine's default name is English.
    // The agent's name first: it is what a narrow courier column must not cut off.
    return courier.name && courier.name !== 'Own delivery agent' ? `${courier.name} · ${own}` : own;
  }
  return courier.name;
}

export function postingStatusLabel(status: PostingStatus): string {
  switch (status) {
    case 'in-progress':
      return msg('Posting in progress', { desc: 'Accounting posting status' });
    case 'completed':
      return msg('Posted', { desc: 'Accounting posting status' });
    case 'failed':
      return msg('Posting failed', { desc: 'Accounting posting status' });
    default:
      return status;
  }
}

/** The name of a printed document, as a menu item or a document title. */
export function printDocumentLabel(kind: PrintDocumentKind | string): string {
  switch (kind) {
    case 'picking-summary':
      return msg('Picking list summary', { desc: 'Printed document: every line of many orders, grouped by SKU' });
    case 'picking-list':
      return msg('Picking list', { desc: 'Printed document: one page per order for picking' });
    case 'awb':
      return msg('Air waybill', { id: 'print.air-waybill', desc: 'Printed document: the shipping label (AWB)' });
    case 'manifest':
      return msg('Courier manifest', { desc: 'Printed document: parcels handed to a courier' });
    case 'packing-slip':
      return msg('Packing slip', { desc: 'Printed document' });
    case 'invoice':
      return msg('Invoice', { id: 'print.invoice', desc: 'Printed document' });
    default:
      return kind;
  }
}

export function timelineKindLabel(kind: TimelineKind): string {
  switch (kind) {
    case 'created':
      return msg('Created', { id: 'timeline-kind.created', desc: 'Timeline entry kind' });
    case 'status':
      return msg('Status changed', { desc: 'Timeline entry kind' });
    case 'action':
      return msg('Action', { desc: 'Timeline entry kind' });
    case 'note':
      return msg('Note', { id: 'timeline-kind.note', desc: 'Timeline entry kind' });
    case 'payment':
      return msg('Payment', { id: 'timeline-kind.payment', desc: 'Timeline entry kind' });
    case 'refund':
      return msg('Refund', { id: 'timeline-kind.refund', desc: 'Timeline entry kind' });
    case 'shipment':
      return msg('Shipment', { desc: 'Timeline entry kind' });
    case 'courier':
      return msg('Courier update', { desc: 'Timeline entry kind' });
    case 'expense':
      return msg('Expense', { desc: 'Timeline entry kind' });
    case 'notification':
      return msg('Customer notified', { desc: 'Timeline entry kind' });
    case 'edit':
      return msg('Edited', { desc: 'Timeline entry kind' });
    case 'system':
      return msg('System', { desc: 'Timeline entry kind' });
    default:
      return kind;
  }
}

/** What went wrong, by API error code, in a few words. */
export function errorKindLabel(code: OrderApiErrorCode): string {
  switch (code) {
    case 'refused':
      return msg('Refused by the workflow', { desc: 'Kind of error' });
    case 'invalid-input':
      return msg('Check the details', { desc: 'Kind of error: the input was not accepted' });
    case 'conflict':
      return msg('Changed by someone else', { desc: 'Kind of error: stale version' });
    case 'forbidden':
      return msg('Not allowed', { desc: 'Kind of error: permission or store scope' });
    case 'network':
      return msg('Network problem', { desc: 'Kind of error' });
    case 'unavailable':
      return msg('Backend unavailable', { desc: 'Kind of error' });
    case 'rate-limited':
      return msg('Too many requests', { desc: 'Kind of error' });
    case 'aborted':
      return msg('Cancelled', { id: 'error-kind.aborted', desc: 'Kind of error: the request was aborted' });
    case 'not-found':
      return msg('Not found', { desc: 'Kind of error' });
    default:
      return code;
  }
}

/** A person's name; the system actor (automations, backend events) is named in the active locale. */
export function personName(person: { readonly id: string; readonly name: string }): string {
  return person.id === 'system' ? msg('System', { id: 'actor.system', desc: 'Who did it: the system (automations, backend events)' }) : person.name;
}

/** The workflow's definition of a status, when it has one. */
export function statusDef(workflow: WorkflowDefinition, key: string): StatusDef | undefined {
  return workflow.statuses.find((s) => s.key === key);
}

/** A workflow status's label in the active locale; an unknown key is shown as it is. */
export function statusLabel(workflow: WorkflowDefinition, key: string): string {
  const def = statusDef(workflow, key);
  return def ? resolveText(def.label) : key;
}

/** A workflow action's label in the active locale; an unknown key is shown as it is. */
export function actionLabel(workflow: WorkflowDefinition, key: string): string {
  const def = workflow.actions.find((a) => a.key === key);
  return def ? resolveText(def.label) : key;
}

/** The label of a date-filter preset (the toolbar's and the list views' date select). */
export function datePresetLabel(preset: DatePreset): string {
  switch (preset) {
    case 'any':
      return msg('Any date', { desc: 'Date filter: no date range' });
    case 'today':
      return msg('Today');
    case 'last-7':
      return msg('Last 7 days');
    case 'last-30':
      return msg('Last 30 days');
    case 'this-month':
      return msg('This month');
    case 'custom':
      return msg('Custom range…', { desc: 'Date filter: pick two days' });
  }
}
