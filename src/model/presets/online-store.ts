/**
 * `online-store`: a POS with an online store (seeds/001). Online and in-store (register) transactions
 * sit on separate tabs; online orders arrive paid; staff change the status from the list or the detail,
 * and marking an order Shipped takes a courier name and a tracking ID and notifies the customer.
 */
import type { WorkflowDefinition } from '../workflow/types.js';
import { addNote, recordPrint, couriers, t, refundAction, trackingUpdate } from './shared.js';

const UNSHIPPED = ['paid', 'processing', 'ready-for-pickup'];

export const onlineStore: WorkflowDefinition = {
  key: 'online-store',
  label: t('Online store + POS', 'Toko online + POS'),
  initial: 'pending-payment',
  statuses: [
    { key: 'pending-payment', label: t('Pending payment', 'Menunggu pembayaran'), category: 'open', tone: 'neutral' },
    { key: 'paid', label: t('Paid', 'Dibayar'), category: 'open', tone: 'attention' },
    { key: 'processing', label: t('Processing', 'Diproses'), category: 'open', tone: 'info' },
    { key: 'ready-for-pickup', label: t('Ready for pickup', 'Siap diambil'), category: 'open', tone: 'info' },
    { key: 'shipped', label: t('Shipped', 'Dikirim'), category: 'open', tone: 'info' },
    { key: 'delivered', label: t('Delivered', 'Terkirim'), category: 'done', tone: 'success' },
    { key: 'completed', label: t('Completed', 'Selesai'), category: 'done', tone: 'success' },
    { key: 'cancelled', label: t('Cancelled', 'Dibatalkan'), category: 'cancelled', tone: 'danger' },
    { key: 'refunded', label: t('Refunded', 'Dana dikembalikan'), category: 'cancelled', tone: 'warning' },
  ],
  actions: [
    {
      // The online store's checkout reports the payment.
      key: 'payment-received',
      label: t('Payment received', 'Pembayaran diterima'),
      operation: 'record-payment',
      from: ['pending-payment'],
      required: ['method'],
      permission: 'orders.system',
      bulk: false,
      destructive: false,
      system: true,
    },
    {
      // Taking payment at the register, or a transfer confirmed by hand.
      key: 'record-payment',
      label: t('Take payment', 'Terima pembayaran'),
      operation: 'record-payment',
      from: ['pending-payment'],
      required: ['method'],
      permission: 'orders.pay',
      bulk: false,
      destructive: false,
    },
    {
      key: 'mark-processing',
      label: t('Mark as processing', 'Tandai diproses'),
      operation: 'set-status',
      from: ['paid'],
      to: 'processing',
      permission: 'orders.status',
      bulk: true,
      destructive: false,
    },
    {
      key: 'mark-ready-for-pickup',
      label: t('Mark as ready for pickup', 'Tandai siap diambil'),
      operation: 'set-status',
      from: ['paid', 'processing'],
      to: 'ready-for-pickup',
      permission: 'orders.status',
      bulk: true,
      destructive: false,
    },
    {
      // Each order has its own tracking ID, so this one is not offered in bulk.
      key: 'mark-shipped',
      label: t('Mark as shipped', 'Tandai dikirim'),
      operation: 'mark-shipped',
      from: ['paid', 'processing'],
      to: 'shipped',
      fixed: { notifyCustomer: true },
      required: ['courier', 'trackingNumber'],
      permission: 'orders.fulfil',
      bulk: false,
      destructive: false,
    },
    {
      key: 'mark-delivered',
      label: t('Mark as delivered', 'Tandai terkirim'),
      operation: 'mark-delivered',
      from: ['shipped'],
      to: 'delivered',
      permission: 'orders.fulfil',
      bulk: true,
      destructive: false,
    },
    {
      // Handed over in store: a register sale, or an online order collected by the customer.
      key: 'mark-completed',
      label: t('Mark as completed', 'Tandai selesai'),
      operation: 'mark-delivered',
      from: UNSHIPPED,
      to: 'completed',
      permission: 'orders.status',
      bulk: true,
      destructive: false,
    },
    {
      key: 'cancel',
      label: t('Cancel order', 'Batalkan pesanan'),
      operation: 'cancel',
      from: ['pending-payment', ...UNSHIPPED],
      to: 'cancelled',
      required: ['reason'],
      permission: 'orders.cancel',
      bulk: true,
      destructive: true,
    },
    refundAction([...UNSHIPPED, 'shipped', 'delivered', 'completed', 'cancelled']),
    // Shipments start at Mark as shipped; a completed (handed-over) order holds a delivered one too.
    trackingUpdate(['shipped', 'delivered', 'completed', 'refunded']),
    addNote,
    recordPrint,
  ],
  tabs: [
    { key: 'online', label: t('Online', 'Online'), filter: { channel: ['online'] } },
    { key: 'in-store', label: t('In store', 'Di toko'), filter: { channel: ['pos'] } },
    { key: 'unpaid', label: t('Pending payment', 'Menunggu pembayaran'), filter: { status: ['pending-payment'] } },
    { key: 'to-fulfil', label: t('To fulfil', 'Perlu diproses'), filter: { status: UNSHIPPED } },
    { key: 'shipped', label: t('Shipped', 'Dikirim'), filter: { status: ['shipped'] } },
    { key: 'completed', label: t('Completed', 'Selesai'), filter: { status: ['delivered', 'completed'] } },
    { key: 'cancelled', label: t('Cancelled & refunded', 'Batal & dana kembali'), filter: { status: ['cancelled', 'refunded'] } },
  ],
  automations: [
    { on: 'fully-paid', from: ['pending-payment'], to: 'paid' },
    // A cancelled order keeps "Cancelled" when its money goes back.
    { on: 'fully-refunded', from: [...UNSHIPPED, 'shipped', 'delivered', 'completed'], to: 'refunded' },
  ],
  couriers: couriers('poslaju', 'jnt', 'ninjavan', 'dhl', 'fedex', 'lalamove', 'grabexpress', 'other'),
  paymentMethods: ['card', 'e-wallet', 'bank-transfer', 'cash'],
};
