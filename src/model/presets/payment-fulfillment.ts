/**
 * `payment-fulfillment`: the Malaysian storefront builder (seeds/002). What merchants track is the
 * pair of derived statuses — payment (pending → paid → refunded) and fulfilment (unfulfilled → shipped
 * → fulfilled, i.e. delivered) — so the workflow status stays minimal: open, closed, cancelled.
 * Tabs All / Unpaid / Unfulfilled / Open / Archived filter on those derived statuses and the archive flag.
 */
import type { FulfillmentStatus } from '../types.js';
import type { WorkflowDefinition } from '../workflow/types.js';
import { addNote, recordPrint, archiveActions, courierUpdate, couriers, t, refundAction, trackingUpdate } from './shared.js';

/** Not yet fully handed to a courier: the product's "Unfulfilled — needs shipping". */
const NEEDS_SHIPPING: FulfillmentStatus[] = ['unfulfilled', 'partially-fulfilled', 'fulfilled', 'partially-shipped'];

export const paymentFulfillment: WorkflowDefinition = {
  key: 'payment-fulfillment',
  label: t('Payment & fulfilment', 'Pembayaran & pemenuhan'),
  initial: 'open',
  statuses: [
    { key: 'open', label: t('Open', 'Terbuka'), category: 'open', tone: 'info' },
    { key: 'closed', label: t('Closed', 'Ditutup'), category: 'done', tone: 'success' },
    { key: 'cancelled', label: t('Cancelled', 'Dibatalkan'), category: 'cancelled', tone: 'danger' },
  ],
  actions: [
    {
      // Card checkout (Stripe) reports the payment.
      key: 'payment-received',
      label: t('Payment received', 'Pembayaran diterima'),
      operation: 'record-payment',
      from: ['open'],
      required: ['method'],
      permission: 'orders.system',
      bulk: false,
      destructive: false,
      system: true,
    },
    {
      // COD, bank transfer and WhatsApp orders are marked paid by hand.
      key: 'mark-paid',
      label: t('Mark as paid', 'Tandai sudah dibayar'),
      operation: 'record-payment',
      from: ['open'],
      required: ['method'],
      permission: 'orders.pay',
      bulk: false,
      destructive: false,
      guard: { paymentStatus: ['unpaid', 'partially-paid'] },
    },
    {
      // Tracking is optional; a shipment may carry only some of the lines (split shipments).
      key: 'create-shipment',
      label: t('Create shipment', 'Buat pengiriman'),
      operation: 'create-shipment',
      from: ['open'],
      fixed: { notifyCustomer: true },
      required: ['courier'],
      permission: 'orders.fulfil',
      bulk: false,
      destructive: false,
      guard: { fulfillmentStatus: ['unfulfilled', 'partially-fulfilled', 'partially-shipped', 'partially-delivered'] },
    },
    courierUpdate(['open']),
    // Tracking is optional at Create shipment; it is added here once the courier gives one.
    trackingUpdate(['open', 'closed']),
    {
      key: 'fulfill',
      label: t('Fulfill', 'Penuhi pesanan'),
      operation: 'mark-delivered',
      from: ['open'],
      fixed: { notifyCustomer: true },
      permission: 'orders.fulfil',
      bulk: true,
      destructive: false,
      guard: { fulfillmentStatus: [...NEEDS_SHIPPING, 'shipped', 'partially-delivered'] },
    },
    {
      key: 'complete',
      label: t('Complete', 'Selesaikan'),
      operation: 'complete',
      from: ['open'],
      to: 'closed',
      permission: 'orders.status',
      bulk: true,
      destructive: false,
      guard: { paymentStatus: ['paid', 'partially-refunded'], fulfillmentStatus: ['delivered'] },
    },
    {
      // Bookings and scheduled deliveries on the calendar.
      key: 'reschedule',
      label: t('Reschedule', 'Jadwalkan ulang'),
      operation: 'reschedule',
      from: ['open'],
      required: ['scheduledAt'],
      permission: 'orders.edit',
      bulk: false,
      destructive: false,
    },
    {
      key: 'cancel',
      label: t('Cancel order', 'Batalkan pesanan'),
      operation: 'cancel',
      from: ['open'],
      to: 'cancelled',
      required: ['reason'],
      permission: 'orders.cancel',
      bulk: true,
      destructive: true,
    },
    refundAction(['open', 'closed', 'cancelled']),
    ...archiveActions('*'),
    addNote,
    recordPrint,
  ],
  tabs: [
    { key: 'all', label: t('All', 'Semua'), filter: { archived: 'any' } },
    {
      key: 'unpaid',
      label: t('Unpaid', 'Belum dibayar'),
      filter: { status: ['open'], paymentStatus: ['unpaid', 'partially-paid'] },
    },
    {
      key: 'unfulfilled',
      label: t('Unfulfilled', 'Belum dipenuhi'),
      filter: { status: ['open'], fulfillmentStatus: NEEDS_SHIPPING },
    },
    { key: 'open', label: t('Open', 'Terbuka'), filter: { status: ['open'] } },
    { key: 'archived', label: t('Archived', 'Diarsipkan'), filter: { archived: true } },
  ],
  automations: [
    // "Refunded — money returned, order closed."
    { on: 'fully-refunded', from: ['open'], to: 'closed' },
  ],
  couriers: couriers('poslaju', 'jnt', 'dhl', 'fedex', 'other'),
  paymentMethods: ['cod', 'bank-transfer', 'whatsapp', 'card'],
};
