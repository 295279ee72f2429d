/**
 * Scanned and typed codes (scan to ship): what a barcode on a picking list or a shipping label can
 * name — an order number (the marketplace's order id), a shipment's tracking number or its air
 * waybill — and the one exact-match rule every adapter applies. Pure; shared by the local engine,
 * the mock server and tests.
 */
import type { Order } from './types.js';

/** Longest code accepted (a tracking number is at most 100 characters; numbers are shorter). */
export const CODE_MAX = 200;

/**
 * The comparable form of a code: trimmed, lower-cased, without one leading `#` (order numbers are
 * printed both as `#MP-1001` and `MP-1001`). Empty when nothing is left.
 */
export function normalizeCode(text: string): string {
  return text.trim().replace(/^#/, '').trim().toLowerCase();
}

/** The fields of an order a code is compared with. */
export interface CodeFields {
  readonly number: string;
  readonly shipments: readonly { readonly trackingNumber?: string | undefined; readonly airWaybill?: string | undefined }[];
}

/** True when `key` (from `normalizeCode`) is this order's number, or one of its tracking numbers or air waybills. */
export function matchesCode(order: CodeFields, key: string): boolean {
  if (key === '') return false;
  if (normalizeCode(order.number) === key) return true;
  for (const s of order.shipments) {
    if (s.trackingNumber !== undefined && normalizeCode(s.trackingNumber) === key) return true;
    if (s.airWaybill !== undefined && normalizeCode(s.airWaybill) === key) return true;
  }
  return false;
}

/** Convenience over full orders. */
export const orderMatchesCode = (order: Order, code: string): boolean => matchesCode(order, normalizeCode(code));
