/**
 * `cod-delivery`: the cash-on-delivery operations tool (seeds/004). The statuses are a configurable
 * workflow (Pending, Processing, In Transit, Delivered, Failed, Cancelled, plus the merchant's own, see
 * `withCustomStatus`) changed with one "Update Status" action, in bulk too. Staff assign a CSR and a
 * delivery agent, record payments and expenses (expected remittance = total − expenses), and soft-delete
 * orders that only a super-admin can restore.
 */
import type { WorkflowDefinition } from '../workflow/types.js';
import { addNote, recordPrint, couriers, t, refundAction, trackingUpdate } from './shared.js';

const BEFORE_DELIVERY = ['pending', 'processing', 'in-transit'];

export const codDelivery: WorkflowDefinition = {
  key: 'cod-delivery',
  label: t('Cash on delivery', 'Bayar di tempat (COD)'),
  initial: 'pending',
  statuses: [
    {
      key: 'pending',
      label: t('Pending', 'Menunggu'),
      category: 'open',
      tone: 'neutral',
      description: t('Newly created, awaiting processing.', 'Baru dibuat, menunggu diproses.'),
    },
    {
      key: 'processing',
      label: t('Processing', 'Diproses'),
      category: 'open',
      tone: 'info',
      description: t('Being prepared for delivery.', 'Sedang disiapkan untuk dikirim.'),
    },
    {
      key: 'in-transit',
      label: t('In Transit', 'Dalam perjalanan'),
      category: 'open',
      tone: 'info',
      description: t('Out for delivery.', 'Sedang diantar.'),
    },
    { key: 'delivered', label: t('Delivered', 'Terkirim'), category: 'done', tone: 'success' },
    {
      key: 'failed',
      label: t('Failed', 'Gagal'),
      category: 'cancelled',
      tone: 'danger',
      description: t('Delivery unsuccessful.', 'Pengiriman tidak berhasil.'),
    },
    { key: 'cancelled', label: t('Cancelled', 'Dibatalkan'), category: 'cancelled', tone: 'danger' },
  ],
  actions: [
    {
      // The configurable workflow's "Update Status": any status to any other, custom ones included.
      key: 'update-status',
      label: t('Update status', 'Ubah status'),
      operation: 'set-status',
      from: '*',
      required: ['status'],
      permission: 'orders.status',
      bulk: true,
      destructive: false,
      // A mistaken status change is undone by changing it back.
      undo: { action: 'update-status', input: 'previous-status' },
    },
    {
      key: 'assign-csr',
      label: t('Assign CSR', 'Tetapkan CSR'),
      operation: 'assign',
      from: '*',
      required: ['csr'],
      permission: 'orders.assign',
      bulk: true,
      destructive: false,
    },
    {
      key: 'assign-agent',
      label: t('Assign agent', 'Tetapkan kurir'),
      operation: 'assign',
      from: '*',
      required: ['agent'],
      permission: 'orders.assign',
      bulk: true,
      destructive: false,
    },
    {
      // Hands the parcel to the delivery agent (courier `self`) or a third-party courier.
      key: 'dispatch',
      label: t('Send out', 'Kirim'),
      operation: 'mark-shipped',
      from: ['pending', 'processing'],
      to: 'in-transit',
      required: ['courier'],
      permission: 'orders.fulfil',
      bulk: false,
      destructive: false,
    },
    // Update Status moves an order anywhere, so a dispatched parcel can sit in any status.
    trackingUpdate('*'),
    {
      key: 'mark-delivered',
      label: t('Mark as delivered', 'Tandai terkirim'),
      operation: 'mark-delivered',
      from: BEFORE_DELIVERY,
      to: 'delivered',
      permission: 'orders.fulfil',
      bulk: true,
      destructive: false,
    },
    {
      key: 'record-payment',
      label: t('Record payment', 'Catat pembayaran'),
      operation: 'record-payment',
      from: '*',
      required: ['method'],
      permission: 'orders.pay',
      bulk: false,
      destructive: false,
      guard: { paymentStatus: ['unpaid', 'partially-paid'] },
    },
    {
      key: 'record-expense',
      label: t('Record expense', 'Catat biaya'),
      operation: 'record-expense',
      from: '*',
      required: ['label', 'amount'],
      permission: 'orders.pay',
      bulk: false,
      destructive: false,
    },
    {
      key: 'reschedule',
      label: t('Change delivery date', 'Ubah tanggal kirim'),
      operation: 'reschedule',
      from: BEFORE_DELIVERY,
      required: ['scheduledAt'],
      permission: 'orders.edit',
      bulk: false,
      destructive: false,
    },
    {
      key: 'cancel',
      label: t('Cancel order', 'Batalkan pesanan'),
      operation: 'cancel',
      from: ['pending', 'processing'],
      to: 'cancelled',
      required: ['reason'],
      permission: 'orders.cancel',
      bulk: true,
      destructive: true,
    },
    refundAction(['delivered', 'failed', 'cancelled']),
    {
      key: 'delete',
      label: t('Delete', 'Hapus'),
      operation: 'soft-delete',
      from: '*',
      permission: 'orders.delete',
      bulk: true,
      destructive: true,
      // Offered only to whoever may restore (super-admins).
      undo: { action: 'restore' },
    },
    {
      key: 'restore',
      label: t('Restore', 'Pulihkan'),
      operation: 'restore',
      from: '*',
      permission: 'orders.restore',
      bulk: true,
      destructive: false,
    },
    addNote,
    recordPrint,
  ],
  tabs: [
    { key: 'all', label: t('All', 'Semua'), filter: {} },
    { key: 'pending', label: t('Pending', 'Menunggu'), filter: { status: ['pending'] } },
    { key: 'processing', label: t('Processing', 'Diproses'), filter: { status: ['processing'] } },
    { key: 'in-transit', label: t('In Transit', 'Dalam perjalanan'), filter: { status: ['in-transit'] } },
    { key: 'delivered', label: t('Delivered', 'Terkirim'), filter: { status: ['delivered'] } },
    { key: 'failed', label: t('Failed / Cancelled', 'Gagal / Batal'), filter: { status: ['failed', 'cancelled'] } },
    { key: 'deleted', label: t('Deleted', 'Terhapus'), filter: { deleted: true, archived: 'any' } },
  ],
  automations: [],
  couriers: couriers('self', 'gosend', 'grabexpress', 'lalamove', 'ninjavan', 'other'),
  paymentMethods: ['cash', 'card', 'bank-transfer', 'pos'],
};
