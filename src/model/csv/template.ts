/**
 * The downloadable import templates: every field's header and one example row, written the way the
 * export writes (byte order mark for Excel, CRLF, neutralised text), so a merchant can fill it in a
 * spreadsheet and import it back unchanged.
 */
import { minorDigits, money, toMajorString } from '../money.js';
import type { Store } from '../types.js';
import { demoCatalog } from './catalog.js';
import { encodeCsv, type CellKind } from './encode.js';
import { IMPORT_FIELDS, TRACKING_FIELDS, type ImportFieldKey, type TrackingFieldKey } from './fields.js';

const NUMBER_FIELDS = new Set<ImportFieldKey>(['quantity', 'unitPrice', 'itemDiscount', 'discount', 'deliveryFee', 'tax']);

/** The order import template for the first of `stores` (its id and currency in the example row). */
export function importTemplate(stores: readonly Store[] = []): string {
  const store = stores[0];
  const currency = store?.currency ?? 'IDR';
  const digits = minorDigits(currency);
  const amount = (minor: number) => toMajorString(money(minor, currency));
  const product = demoCatalog().find('KOP-GAYO-250-WB');
  const listPrice = product?.price(currency);
  const example: Record<ImportFieldKey, string> = {
    number: 'WEB-1001',
    store: store?.id ?? 'st_jkt',
    channel: 'online',
    currency,
    paymentMethod: 'bank-transfer',
    scheduledAt: '2026-12-01 10:00',
    tags: 'vip, gift',
    note: 'Leave at the front desk',
    customerName: 'Siti Rahayu',
    customerPhone: '+62 812-3456-7890',
    customerEmail: 'siti@example.com',
    shippingName: 'Siti Rahayu',
    shippingPhone: '+62 812-3456-7890',
    shippingLine1: 'Jl. Sudirman No. 10',
    shippingLine2: '',
    shippingCity: 'Jakarta Selatan',
    shippingRegion: 'DKI Jakarta',
    shippingPostalCode: '12190',
    shippingCountry: 'ID',
    sku: product?.sku ?? 'KOP-GAYO-250-WB',
    itemName: product?.name ?? 'Gayo Arabica Coffee 250 g',
    variant: product?.variant ?? 'Whole bean',
    quantity: '2',
    unitPrice: listPrice ? toMajorString(listPrice) : amount(100 * 10 ** digits),
    itemDiscount: amount(0),
    discount: amount(0),
    deliveryFee: amount(digits === 0 ? 15000 : 5 * 10 ** digits),
    tax: amount(0),
  };
  const kinds: CellKind[] = IMPORT_FIELDS.map((f) => (NUMBER_FIELDS.has(f.key) ? 'number' : 'text'));
  return encodeCsv(
    IMPORT_FIELDS.map((f) => f.header),
    [IMPORT_FIELDS.map((f) => example[f.key])],
    kinds,
    { bom: true },
  );
}

/** The courier tracking template. */
export function trackingTemplate(): string {
  const example: Record<TrackingFieldKey, string> = {
    number: 'WEB-1001',
    courier: 'J&T Express',
    trackingNumber: 'JP1234567890',
    trackingUrl: 'https://jet.co.id/track?awb=JP1234567890',
  };
  return encodeCsv(
    TRACKING_FIELDS.map((f) => f.header),
    [TRACKING_FIELDS.map((f) => example[f.key])],
    [],
    { bom: true },
  );
}
