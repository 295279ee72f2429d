/**
 * `confirm-first`: the Indonesian multi-store seller tool (seeds/000). Staff confirm stock by hand
 * ("Semua tersedia" / "Ada stok kosong" / "Tolak pesanan"), the customer pays or cancels, paid orders
 * wait in "Siap diproses", "Pesan kurir" books a courier that the system finds by itself, and the
 * courier's own events move the order through "Dalam pengiriman" to "Selesai". Indonesian labels are
 * the product's own.
 */
import type { WorkflowDefinition } from '../workflow/types.js';
import { addNote, recordPrint, courierUpdate, couriers, t, refundAction, trackingUpdate } from './shared.js';

const PRE_SHIPMENT = ['new', 'awaiting-payment', 'ready-to-process', 'searching-courier'];

export const confirmFirst: WorkflowDefinition = {
  key: 'confirm-first',
  label: t('Confirm first', 'Konfirmasi dulu'),
  initial: 'new',
  statuses: [
    {
      key: 'new',
      label: t('New order', 'Pesanan baru'),
      category: 'open',
      tone: 'attention',
      description: t('Waiting for staff to confirm stock.', 'Menunggu konfirmasi stok.'),
    },
    {
      key: 'awaiting-payment',
      label: t('Awaiting payment', 'Menunggu pembayaran'),
      category: 'open',
      tone: 'info',
      description: t('Confirmed; the customer pays or cancels.', 'Sudah dikonfirmasi; pelanggan membayar atau membatalkan.'),
    },
    {
      key: 'ready-to-process',
      label: t('Ready to process', 'Siap diproses'),
      category: 'open',
      tone: 'attention',
      description: t('Paid: prepare it and book a courier.', 'Sudah dibayar: siapkan dan pesan kurir.'),
    },
    {
      key: 'searching-courier',
      label: t('Finding a courier', 'Mencari kurir'),
      category: 'open',
      tone: 'info',
      description: t('Courier booked; waiting for pick-up.', 'Kurir dipesan; menunggu penjemputan.'),
    },
    {
      key: 'in-delivery',
      label: t('In delivery', 'Dalam pengiriman'),
      category: 'open',
      tone: 'info',
      description: t('Picked up; moves on by itself with the courier.', 'Sudah dijemput; berjalan otomatis mengikuti kurir.'),
    },
    { key: 'completed', label: t('Completed', 'Selesai'), category: 'done', tone: 'success' },
    { key: 'cancelled', label: t('Cancelled', 'Dibatalkan'), category: 'cancelled', tone: 'danger' },
  ],
  actions: [
    {
      key: 'accept-all',
      label: t('All in stock', 'Semua tersedia'),
      operation: 'confirm-stock',
      from: ['new'],
      to: 'awaiting-payment',
      fixed: { mode: 'all' },
      permission: 'orders.confirm',
      bulk: false,
      destructive: false,
    },
    {
      key: 'accept-some',
      label: t('Some out of stock', 'Ada stok kosong'),
      operation: 'confirm-stock',
      from: ['new'],
      to: 'awaiting-payment',
      fixed: { mode: 'some' },
      required: ['lines'],
      permission: 'orders.confirm',
      bulk: false,
      destructive: false,
    },
    {
      // No `to`: the all-lines-rejected automation moves the order to "Dibatalkan".
      key: 'reject-all',
      label: t('Reject order', 'Tolak pesanan'),
      operation: 'confirm-stock',
      from: ['new'],
      fixed: { mode: 'none' },
      required: ['reason'],
      permission: 'orders.confirm',
      bulk: false,
      destructive: true,
    },
    {
      key: 'payment-received',
      label: t('Customer paid', 'Pelanggan membayar'),
      operation: 'record-payment',
      from: ['awaiting-payment'],
      required: ['method'],
      permission: 'orders.system',
      bulk: false,
      destructive: false,
      system: true,
    },
    {
      key: 'mark-paid',
      label: t('Confirm payment', 'Konfirmasi pembayaran'),
      operation: 'record-payment',
      from: ['awaiting-payment'],
      required: ['method'],
      permission: 'orders.pay',
      bulk: false,
      destructive: false,
    },
    {
      key: 'customer-cancel',
      label: t('Cancelled by customer', 'Dibatalkan pelanggan'),
      operation: 'cancel',
      from: ['new', 'awaiting-payment'],
      to: 'cancelled',
      required: ['reason'],
      permission: 'orders.system',
      bulk: false,
      destructive: true,
      system: true,
    },
    {
      key: 'cancel',
      label: t('Cancel order', 'Batalkan pesanan'),
      operation: 'cancel',
      from: PRE_SHIPMENT,
      to: 'cancelled',
      required: ['reason'],
      permission: 'orders.cancel',
      bulk: true,
      destructive: true,
    },
    {
      key: 'book-courier',
      label: t('Book courier', 'Pesan kurir'),
      operation: 'book-courier',
      from: ['ready-to-process'],
      to: 'searching-courier',
      permission: 'orders.fulfil',
      bulk: true,
      destructive: false,
    },
    courierUpdate(['searching-courier', 'in-delivery']),
    // A booked shipment exists from "Mencari kurir" on; one that failed or came back sends the order to
    // "Siap diproses" with nothing left to track.
    trackingUpdate(['searching-courier', 'in-delivery', 'completed']),
    refundAction(['cancelled', 'completed']),
    addNote,
    recordPrint,
  ],
  tabs: [
    { key: 'all', label: t('All', 'Semua'), filter: {} },
    { key: 'new', label: t('New order', 'Pesanan baru'), filter: { status: ['new'] } },
    { key: 'awaiting-payment', label: t('Awaiting payment', 'Menunggu pembayaran'), filter: { status: ['awaiting-payment'] } },
    // The order stays with the store until the courier picks it up.
    {
      key: 'ready-to-process',
      label: t('Ready to process', 'Siap diproses'),
      filter: { status: ['ready-to-process', 'searching-courier'] },
    },
    { key: 'in-delivery', label: t('In delivery', 'Dalam pengiriman'), filter: { status: ['in-delivery'] } },
    { key: 'completed', label: t('Completed', 'Selesai'), filter: { status: ['completed'] } },
    { key: 'cancelled', label: t('Cancelled', 'Dibatalkan'), filter: { status: ['cancelled'] } },
  ],
  automations: [
    { on: 'fully-paid', from: ['awaiting-payment'], to: 'ready-to-process' },
    { on: 'all-lines-rejected', to: 'cancelled' },
    {
      on: 'courier-progress',
      from: ['searching-courier'],
      shipmentStatus: ['picked-up', 'in-transit', 'out-for-delivery'],
      to: 'in-delivery',
    },
    // No courier found (or the booking failed before pick-up): back to the store to book again.
    { on: 'courier-progress', from: ['searching-courier'], shipmentStatus: ['failed'], to: 'ready-to-process' },
    // The parcel came back to the store.
    { on: 'courier-progress', from: ['in-delivery'], shipmentStatus: ['returned'], to: 'ready-to-process' },
    { on: 'all-delivered', from: ['searching-courier', 'in-delivery'], to: 'completed' },
  ],
  couriers: couriers('gosend', 'grabexpress', 'lalamove', 'jne', 'jnt', 'sicepat', 'ninjavan'),
  paymentMethods: ['bank-transfer', 'e-wallet', 'card', 'cash'],
};
