/**
 * Pieces the five presets share: the courier directory, localized-text helpers and the actions every
 * preset offers in the same form (notes, archiving, courier updates, tracking, refunds). Private to `presets/`.
 */
import type { Courier } from '../types.js';
import type { ActionDef, LocalizedText } from '../workflow/types.js';

/** English and Indonesian text of a label. */
export const t = (en: string, id: string): LocalizedText => ({ en, id });

/** Every courier a preset may offer, by stable code. `other` takes a free-text name. */
export const COURIERS = {
  poslaju: { code: 'poslaju', name: 'Poslaju' },
  jnt: { code: 'jnt', name: 'J&T Express' },
  dhl: { code: 'dhl', name: 'DHL' },
  fedex: { code: 'fedex', name: 'FedEx' },
  jne: { code: 'jne', name: 'JNE' },
  sicepat: { code: 'sicepat', name: 'SiCepat' },
  ninjavan: { code: 'ninjavan', name: 'Ninja Van' },
  gosend: { code: 'gosend', name: 'GoSend' },
  grabexpress: { code: 'grabexpress', name: 'GrabExpress' },
  lalamove: { code: 'lalamove', name: 'Lalamove' },
  /** The merchant's own delivery agent (the engine names self-delivery shipments `self` too). */
  self: { code: 'self', name: 'Own delivery agent' },
  other: { code: 'other', name: 'Others' },
} as const satisfies Record<string, Courier>;

export type CourierCode = keyof typeof COURIERS;

export const couriers = (...codes: CourierCode[]): Courier[] => codes.map((c) => COURIERS[c]);

/** "Add note": any status, any staff member, one order at a time. */
export const addNote: ActionDef = {
  key: 'add-note',
  label: t('Add note', 'Tambah catatan'),
  operation: 'add-note',
  from: '*',
  required: ['text'],
  permission: 'orders.note',
  bulk: false,
  destructive: false,
};

/** Archive / unarchive as a flag beside the status (the status itself does not change). */
export function archiveActions(from: readonly string[] | '*' = '*'): ActionDef[] {
  return [
    {
      key: 'archive',
      label: t('Archive', 'Arsipkan'),
      operation: 'archive',
      from,
      permission: 'orders.archive',
      bulk: true,
      destructive: false,
      guard: { archived: false },
      undo: { action: 'unarchive' },
    },
    {
      key: 'unarchive',
      label: t('Unarchive', 'Batalkan arsip'),
      operation: 'unarchive',
      from,
      permission: 'orders.archive',
      bulk: true,
      destructive: false,
      guard: { archived: true },
      undo: { action: 'archive' },
    },
  ];
}

/** A courier's progress report, raised by the courier integration (system). */
export function courierUpdate(from: readonly string[] | '*'): ActionDef {
  return {
    key: 'courier-update',
    label: t('Courier update', 'Pembaruan kurir'),
    operation: 'courier-event',
    from,
    required: ['shipmentId', 'status'],
    permission: 'orders.system',
    bulk: false,
    destructive: false,
    system: true,
  };
}

/** Refund, full or partial, with a reason; offered once something was paid (the engine caps it at what is refundable). */
export function refundAction(from: readonly string[]): ActionDef {
  return {
    key: 'refund',
    label: t('Refund', 'Kembalikan dana'),
    operation: 'refund',
    from,
    required: ['reason'],
    permission: 'orders.refund',
    bulk: false,
    destructive: true,
    guard: { paymentStatus: ['paid', 'partially-paid', 'partially-refunded'] },
  };
}

/**
 * Set or correct a shipment's tracking number (and courier / link) without moving the order: from the
 * shipments list, the detail or a CSV tracking import. `from` lists the statuses where the order can
 * hold a shipment that is not cancelled or failed; the guard keeps it off orders with no such shipment.
 */
export function trackingUpdate(from: readonly string[] | '*'): ActionDef {
  return {
    key: 'update-tracking',
    label: t('Update tracking', 'Perbarui nomor resi'),
    operation: 'update-tracking',
    from,
    required: ['trackingNumber'],
    permission: 'orders.fulfil',
    bulk: false,
    destructive: false,
    guard: { liveShipment: true },
  };
}

/**
 * "Record print": notes on the order which document was printed, when, by whom and how many copies.
 * Offered in every status and every preset, run by the print preview (never a button of its own: it
 * needs a `document`); permission `orders.fulfil`, the one warehouse staff hold. It moves nothing and
 * leaves an accounting posting as it is.
 */
export const recordPrint: ActionDef = {
  key: 'record-print',
  label: t('Record print', 'Catat cetak'),
  operation: 'record-print',
  from: '*',
  required: ['document'],
  permission: 'orders.fulfil',
  bulk: true,
  destructive: false,
};
