/**
 * Localised names of the derived order statuses (payment, fulfilment) and of the sales channels, as
 * the table shows them. Functions, so `msg()` runs at render time in the locale active then.
 * Private to `<order-table>`.
 */
import { msg } from '@lit/localize';
import type { FulfillmentStatus, PaymentStatus } from '../../model/types.js';

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
