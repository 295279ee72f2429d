/**
 * What a timeline entry or a customer message says, as data: a message key and its parameters.
 * The model never composes sentences for people to read in the UI; the components render the key in
 * the viewer's language (src/components/shared/timeline-text.ts). `englishText` keeps an English
 * rendering in `message` for consumers without a UI: logs, CSV export, search, a backend's audit trail.
 *
 * Parameters are plain strings. Codes (a shipment status, a payment method, a channel) are passed as
 * their keys, so each UI localises them with its own labels.
 */

export interface TimelineTemplates {
  'stock.accepted': Record<string, never>;
  'stock.rejected': { reason: string };
  /** `lines`: "SKU ×n" items, comma-separated. */
  'stock.partial': { lines: string; reason?: string };
  /** `method`: a PaymentMethod key. */
  'payment.received': { method: string; reference?: string };
  'expense.recorded': { label: string };
  packed: Record<string, never>;
  'shipment.created': { courier: string; tracking?: string };
  /** No `courier` while the courier service is still searching for one. */
  'courier.booked': { courier?: string };
  /** `status`: a ShipmentStatus key. */
  'courier.progress': { courier: string; status: string; note?: string };
  shipped: { courier: string; tracking?: string };
  'tracking.added': { tracking: string; courier: string };
  'tracking.changed': { from: string; tracking: string; courier: string };
  'tracking.updated': { tracking: string; courier: string };
  delivered: Record<string, never>;
  completed: Record<string, never>;
  cancelled: { reason: string; restocked?: 'yes' };
  'cancellation.requested': { reason: string };
  'cancellation.declined': { reason?: string };
  'return.requested': { reason: string };
  'return.approved': Record<string, never>;
  'return.declined': { reason?: string };
  'return.received': { restocked?: 'yes' };
  refunded: { reason: string };
  archived: Record<string, never>;
  unarchived: Record<string, never>;
  deleted: Record<string, never>;
  restored: Record<string, never>;
  /** An empty string clears the role. */
  assigned: { csr?: string; agent?: string };
  'posting.started': Record<string, never>;
  'posting.completed': Record<string, never>;
  'posting.failed': { error: string };
  /** `date`: `YYYY-MM-DD`. */
  rescheduled: { date: string };
  /** `document`: a PrintDocumentKind key; `copies`: a decimal count. */
  printed: { document: string; copies: string };
  'notify.skipped': Record<string, never>;
  /** A placed order was edited. `changes`: JSON of `EditChange[]` (src/model/edit.ts): field, before → after. */
  'order.edited': { changes: string };
  /** A message to the customer. `channel`: CustomerMessage channel; `url` only http(s). */
  'notify.shipped': { channel: string; recipient: string; number: string; courier: string; tracking?: string; url?: string };
  'notify.delivered': { channel: string; recipient: string; number: string };
  'notify.cancelled': { channel: string; recipient: string; number: string; reason: string };
}

export type TimelineTemplateKey = keyof TimelineTemplates;

/** A message key with its parameters. */
export type TimelineTemplate = {
  [K in TimelineTemplateKey]: { readonly key: K; readonly params?: Readonly<TimelineTemplates[K]> };
}[TimelineTemplateKey];

/** Builds a template with its parameters type-checked against the key. */
export function said<K extends TimelineTemplateKey>(key: K, params?: TimelineTemplates[K]): TimelineTemplate {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) if (typeof value === 'string') clean[name] = value;
  return (Object.keys(clean).length > 0 ? { key, params: clean } : { key }) as TimelineTemplate;
}

export const TIMELINE_TEMPLATE_KEYS: readonly TimelineTemplateKey[] = [
  'stock.accepted', 'stock.rejected', 'stock.partial', 'payment.received', 'expense.recorded', 'packed',
  'shipment.created', 'courier.booked', 'courier.progress', 'shipped', 'tracking.added', 'tracking.changed',
  'tracking.updated', 'delivered', 'completed', 'cancelled', 'cancellation.requested', 'cancellation.declined',
  'return.requested', 'return.approved', 'return.declined', 'return.received', 'refunded', 'archived',
  'unarchived', 'deleted', 'restored', 'assigned', 'posting.started', 'posting.completed', 'posting.failed',
  'rescheduled', 'printed', 'notify.skipped', 'order.edited', 'notify.shipped', 'notify.delivered', 'notify.cancelled',
];

/** English names of the printed documents, for `printed`. */
const PRINTED_NAMES: Readonly<Record<string, string>> = {
  'picking-summary': 'picking list summary',
  'picking-list': 'picking list',
  awb: 'air waybill',
  manifest: 'courier manifest',
  'packing-slip': 'packing slip',
  invoice: 'invoice',
};

const paren = (text: string | undefined): string => (text ? ` (${text})` : '');
const colon = (text: string | undefined): string => (text ? `: ${text}` : '');

/** The English rendering: stored in `message` beside the template. */
export function englishText(template: TimelineTemplate): string {
  const p = (template.params ?? {}) as Readonly<Record<string, string | undefined>>;
  switch (template.key) {
    case 'stock.accepted': return 'All items in stock.';
    case 'stock.rejected': return `Order rejected: ${p.reason}`;
    case 'stock.partial': return `Out of stock: ${p.lines || 'none'}${paren(p.reason)}`;
    case 'payment.received': return `Payment received by ${p.method}${paren(p.reference)}`;
    case 'expense.recorded': return `Expense: ${p.label}`;
    case 'packed': return 'Packed.';
    case 'shipment.created': return `Shipment created with ${p.courier}${p.tracking ? `, tracking ${p.tracking}` : ''}.`;
    case 'courier.booked': return p.courier ? `Courier booked: ${p.courier}.` : 'Courier booked: searching for a courier.';
    case 'courier.progress': return `${p.courier}: ${p.status}${p.note ? ` — ${p.note}` : ''}`;
    case 'shipped': return `Shipped with ${p.courier}${p.tracking ? `, tracking ${p.tracking}` : ''}.`;
    case 'tracking.added': return `Tracking number ${p.tracking} added (${p.courier}).`;
    case 'tracking.changed': return `Tracking number changed from ${p.from} to ${p.tracking} (${p.courier}).`;
    case 'tracking.updated': return `Tracking details of ${p.tracking} updated (${p.courier}).`;
    case 'delivered': return 'Delivered.';
    case 'completed': return 'Completed.';
    case 'cancelled': return `Cancelled: ${p.reason}${p.restocked ? ' (items restocked)' : ''}`;
    case 'cancellation.requested': return `Buyer asked to cancel: ${p.reason}`;
    case 'cancellation.declined': return `Cancellation declined${colon(p.reason)}.`;
    case 'return.requested': return `Buyer asked to return: ${p.reason}`;
    case 'return.approved': return 'Return approved.';
    case 'return.declined': return `Return declined${colon(p.reason)}.`;
    case 'return.received': return `Return received${p.restocked ? ' and restocked' : ''}.`;
    case 'refunded': return `Refunded: ${p.reason}`;
    case 'archived': return 'Archived.';
    case 'unarchived': return 'Unarchived.';
    case 'deleted': return 'Deleted (can be restored by a super-admin).';
    case 'restored': return 'Restored.';
    case 'assigned': {
      const parts = [
        p.csr !== undefined && `CSR ${p.csr || 'none'}`,
        p.agent !== undefined && `agent ${p.agent || 'none'}`,
      ].filter(Boolean);
      return `Assigned ${parts.join(', ')}.`;
    }
    case 'posting.started': return 'Posting to accounting.';
    case 'posting.completed': return 'Posted to accounting; archived.';
    case 'posting.failed': return `Posting failed: ${p.error}`;
    case 'rescheduled': return `Rescheduled to ${p.date}.`;
    case 'printed': {
      const name = PRINTED_NAMES[p.document ?? ''] ?? p.document;
      return p.copies === '1' ? `Printed: ${name}.` : `Printed: ${name} (${p.copies} copies).`;
    }
    case 'notify.skipped': return 'Customer not notified: no phone or e-mail on the order.';
    case 'order.edited': return `Edited: ${editedText(p.changes)}`;
    case 'notify.shipped':
    case 'notify.delivered':
    case 'notify.cancelled':
      return `${p.channel} to ${p.recipient}: ${customerText(template)}`;
  }
}

/** `field from → to; …` in English, from the JSON of an `order.edited` entry (codes and minor units as stored). */
function editedText(json: string | undefined): string {
  let changes: unknown;
  try {
    changes = JSON.parse(json ?? '[]');
  } catch {
    changes = [];
  }
  if (!Array.isArray(changes)) return '';
  return changes
    .map((c: { field?: string; label?: string; from?: string; to?: string; currency?: string }) => {
      const what = c.field === 'line' || c.field === 'assignees' ? `${c.field} ${c.label ?? ''}` : (c.field ?? '');
      const unit = c.currency ? ` ${c.currency}` : '';
      return `${what} ${c.from || '—'}${c.from ? unit : ''} → ${c.to || '—'}${c.to ? unit : ''}`;
    })
    .join('; ');
}

/** The English text of a customer message (the notify.* templates), without channel and recipient. */
export function customerText(template: TimelineTemplate): string {
  const p = (template.params ?? {}) as Readonly<Record<string, string | undefined>>;
  switch (template.key) {
    case 'notify.shipped': {
      const tracking = p.tracking ? ` Tracking number ${p.tracking}.` : '';
      const link = p.url ? ` Track it at ${p.url}` : '';
      return `Your order ${p.number} has shipped with ${p.courier}.${tracking}${link}`;
    }
    case 'notify.delivered': return `Your order ${p.number} has been delivered.`;
    case 'notify.cancelled': return `Your order ${p.number} was cancelled: ${p.reason}`;
    default: return englishText(template);
  }
}
