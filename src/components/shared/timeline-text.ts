/**
 * Timeline entries and customer messages in the reader's language: the model records what happened as
 * a template (src/model/timeline-text.ts); this renders each key with `msg()`. Codes in the parameters
 * (shipment status, payment method, message channel) go through the shared labels. An entry without a
 * template (a person's note) or with a key this version does not know shows its `message` as written.
 */
import { msg, str } from '@lit/localize';
import type { ShipmentStatus } from '../../model/types.js';
import type { TimelineTemplate } from '../../model/timeline-text.js';
import { parseEditChanges, type EditChange } from '../../model/edit.js';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format.js';
import { paymentMethodLabel, printDocumentLabel, shipmentStatusLabel } from './order-labels.js';

type Params = Readonly<Record<string, string | undefined>>;

function channelName(channel: string | undefined): string {
  switch (channel) {
    case 'whatsapp': return 'WhatsApp';
    case 'sms': return 'SMS';
    case 'email': return msg('E-mail');
    default: return channel ?? '';
  }
}

/** The customer-facing sentence of a notify.* template, in the reader's language. */
export function customerMessageText(template: TimelineTemplate): string | undefined {
  const p = (template.params ?? {}) as Params;
  const number = p.number ?? '';
  switch (template.key) {
    case 'notify.shipped': {
      const courier = p.courier ?? '';
      const head = msg(str`Your order ${number} has shipped with ${courier}.`, { desc: 'Message to the customer' });
      const tracking = p.tracking ? ` ${msg(str`Tracking number ${p.tracking}.`, { desc: 'Message to the customer' })}` : '';
      const link = p.url ? ` ${msg(str`Track it at ${p.url}`, { desc: 'Message to the customer: a tracking link follows' })}` : '';
      return `${head}${tracking}${link}`;
    }
    case 'notify.delivered':
      return msg(str`Your order ${number} has been delivered.`, { desc: 'Message to the customer' });
    case 'notify.cancelled': {
      const reason = p.reason ?? '';
      return msg(str`Your order ${number} was cancelled: ${reason}`, { desc: 'Message to the customer' });
    }
    default:
      return undefined;
  }
}

/** What a timeline entry says, in the reader's language; undefined when it says nothing. */
export function timelineText(entry: { readonly template?: TimelineTemplate; readonly message?: string }): string | undefined {
  const t = entry.template;
  if (!t) return entry.message;
  return render(t) ?? entry.message;
}

/** The label of an edited field, in the reader's language. */
export function editFieldLabel(change: Pick<EditChange, 'field' | 'label'>): string {
  switch (change.field) {
    case 'customer': return msg('Customer');
    case 'shippingAddress': return msg('Shipping address');
    case 'billingAddress': return msg('Billing address');
    case 'lines': return msg('Items', { id: 'edit.items', desc: 'Timeline edit diff: the order lines' });
    case 'line': return change.label ?? msg('Item');
    case 'discount': return msg('Discount');
    case 'deliveryFee': return msg('Delivery fee');
    case 'tax': return msg('Tax');
    case 'paymentMethod': return msg('Payment method');
    case 'assignees': return change.label === 'csr' ? msg('CSR') : msg('Delivery agent');
    case 'tags': return msg('Tags');
    case 'note': return msg('Note');
    case 'scheduledAt': return msg('Scheduled date');
    default: return change.field;
  }
}

/** One value of an edit, formatted for the reader. */
export function editValueText(change: EditChange, value: string): string {
  if (value === '') return msg('none', { id: 'edit.none', desc: 'An edited field had no value (before) or has none now (after)' });
  switch (change.kind) {
    case 'money': {
      const amount = Number(value);
      return change.currency && Number.isSafeInteger(amount) ? formatMoney({ amount, currency: change.currency }) : value;
    }
    case 'method': return paymentMethodLabel(value);
    case 'date': return formatDateTime(value);
    default: return value;
  }
}

/** `Field: before → after` for each change recorded by an `order.edited` entry. */
export function editChangeTexts(json: string | undefined): string[] {
  return parseEditChanges(json).map((c) => {
    const label = editFieldLabel(c);
    if (c.field === 'line' && c.kind === 'quantity') {
      if (c.from === '0') return msg(str`${label}: added ×${c.to}`, { desc: 'Timeline edit diff: a line was added with a quantity' });
      if (c.to === '0') return msg(str`${label}: removed (was ×${c.from})`, { desc: 'Timeline edit diff: a line was removed' });
      return msg(str`${label}: quantity ${c.from} → ${c.to}`, { desc: 'Timeline edit diff: a line quantity changed' });
    }
    const from = editValueText(c, c.from);
    const to = editValueText(c, c.to);
    return msg(str`${label}: ${from} → ${to}`, { desc: 'Timeline edit diff: field, value before, value after' });
  });
}

function render(t: TimelineTemplate): string | undefined {
  const p = (t.params ?? {}) as Params;
  const v = (name: string): string => p[name] ?? '';
  switch (t.key) {
    case 'stock.accepted': return msg('All items in stock.');
    case 'stock.rejected': return msg(str`Order rejected: ${v('reason')}`);
    case 'stock.partial':
      return p.reason
        ? msg(str`Out of stock: ${v('lines')} (${v('reason')})`)
        : msg(str`Out of stock: ${v('lines')}`);
    case 'payment.received': {
      const method = paymentMethodLabel(v('method'));
      return p.reference
        ? msg(str`Payment received by ${method} (${v('reference')})`)
        : msg(str`Payment received by ${method}`);
    }
    case 'expense.recorded': return msg(str`Expense: ${v('label')}`);
    case 'packed': return msg('Packed.');
    case 'shipment.created':
      return p.tracking
        ? msg(str`Shipment created with ${v('courier')}, tracking ${v('tracking')}.`)
        : msg(str`Shipment created with ${v('courier')}.`);
    case 'courier.booked':
      return p.courier ? msg(str`Courier booked: ${v('courier')}.`) : msg('Courier booked: searching for a courier.');
    case 'courier.progress': {
      const status = shipmentStatusLabel(v('status') as ShipmentStatus);
      return p.note
        ? msg(str`${v('courier')}: ${status} — ${v('note')}`, { id: 'timeline-courier-progress-note', desc: 'Timeline: courier, shipment status, note' })
        : msg(str`${v('courier')}: ${status}`, { id: 'timeline-courier-progress', desc: 'Timeline: courier and shipment status' });
    }
    case 'shipped':
      return p.tracking
        ? msg(str`Shipped with ${v('courier')}, tracking ${v('tracking')}.`)
        : msg(str`Shipped with ${v('courier')}.`);
    case 'tracking.added': return msg(str`Tracking number ${v('tracking')} added (${v('courier')}).`);
    case 'tracking.changed': return msg(str`Tracking number changed from ${v('from')} to ${v('tracking')} (${v('courier')}).`);
    case 'tracking.updated': return msg(str`Tracking details of ${v('tracking')} updated (${v('courier')}).`);
    case 'delivered': return msg('Delivered.', { desc: 'Timeline: the shipment arrived' });
    case 'completed': return msg('Completed.', { desc: 'Timeline: the order is done' });
    case 'cancelled':
      return p.restocked
        ? msg(str`Cancelled: ${v('reason')} (items restocked)`)
        : msg(str`Cancelled: ${v('reason')}`);
    case 'cancellation.requested': return msg(str`Buyer asked to cancel: ${v('reason')}`);
    case 'cancellation.declined':
      return p.reason ? msg(str`Cancellation declined: ${v('reason')}.`) : msg('Cancellation declined.');
    case 'return.requested': return msg(str`Buyer asked to return: ${v('reason')}`);
    case 'return.approved': return msg('Return approved.');
    case 'return.declined': return p.reason ? msg(str`Return declined: ${v('reason')}.`) : msg('Return declined.');
    case 'return.received': return p.restocked ? msg('Return received and restocked.') : msg('Return received.');
    case 'refunded': return msg(str`Refunded: ${v('reason')}`);
    case 'archived': return msg('Archived.', { desc: 'Timeline: the order was archived' });
    case 'unarchived': return msg('Unarchived.', { desc: 'Timeline: the order was taken out of the archive' });
    case 'deleted': return msg('Deleted (can be restored by a super-admin).');
    case 'restored': return msg('Restored.', { desc: 'Timeline: a deleted order was restored' });
    case 'assigned': {
      const none = msg('nobody', { desc: 'Timeline: a role was unassigned' });
      const parts: string[] = [];
      if (p.csr !== undefined) parts.push(msg(str`CSR ${p.csr || none}`));
      if (p.agent !== undefined) parts.push(msg(str`agent ${p.agent || none}`));
      return msg(str`Assigned ${parts.join(', ')}.`);
    }
    case 'posting.started': return msg('Posting to accounting.');
    case 'posting.completed': return msg('Posted to accounting; archived.');
    case 'posting.failed': return msg(str`Posting failed: ${v('error')}`);
    case 'rescheduled': {
      // A calendar day (YYYY-MM-DD): formatted in UTC so it is never shifted to the day before.
      const date = formatDate(v('date'), { timeZone: 'UTC' });
      return msg(str`Rescheduled to ${date}.`);
    }
    case 'printed': {
      const document = printDocumentLabel(v('document'));
      const copies = Number(v('copies')) || 1;
      return copies === 1
        ? msg(str`Printed: ${document}.`, { desc: 'Timeline: a document was printed for the order' })
        : msg(str`Printed: ${document} (${copies} copies).`, { desc: 'Timeline: a document was printed, several copies' });
    }
    case 'notify.skipped': return msg('Customer not notified: no phone or e-mail on the order.');
    case 'order.edited': {
      const parts = editChangeTexts(p.changes);
      return parts.length ? msg(str`Edited: ${parts.join('; ')}`, { desc: 'Timeline: a placed order was edited; a list of "field: before → after" follows' }) : msg('Edited.');
    }
    case 'notify.shipped':
    case 'notify.delivered':
    case 'notify.cancelled': {
      const channel = channelName(p.channel);
      const text = customerMessageText(t) ?? '';
      return msg(str`${channel} to ${v('recipient')}: ${text}`, { desc: 'Timeline: a message sent to the customer' });
    }
    default:
      return undefined;
  }
}
