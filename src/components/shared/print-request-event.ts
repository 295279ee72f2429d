/**
 * The `order-print-request` event: any element that offers printing (the bulk-action bar, the toolbar,
 * an order's detail, the scan-to-ship round) asks for documents with it, and `<order-admin>` (or a
 * host page) answers by opening the print preview. One typed event, wherever printing is offered.
 */
import type { OrderQuery } from '../../api/types.js';

/** The warehouse and office documents orderdeck prints. */
export type PrintDocumentKind =
  /** One consolidated list of every line of the chosen orders, grouped by SKU, for batch picking. */
  | 'picking-summary'
  /** One page per order with the order number as a barcode, for picking and scan to ship. */
  | 'picking-list'
  /** Air waybill: a 4×6 in shipping label per shipment. */
  | 'awb'
  /** Per courier: every parcel handed over, with totals and signature lines. */
  | 'manifest'
  | 'packing-slip'
  | 'invoice';

export const PRINT_DOCUMENT_KINDS: readonly PrintDocumentKind[] = [
  'picking-summary',
  'picking-list',
  'awb',
  'manifest',
  'packing-slip',
  'invoice',
];

/**
 * Detail of `order-print-request`: which document, for which orders — explicit ids (a selection, one
 * order, a scan round) or every order matching a query (a whole tab, "all matching").
 */
export interface PrintRequestDetail {
  readonly document: PrintDocumentKind;
  readonly orderIds?: readonly string[];
  readonly query?: OrderQuery;
}

/** Fired (bubbles, composed) when the user asks to print; the admin or host opens the print preview. */
export class PrintRequestEvent extends CustomEvent<PrintRequestDetail> {
  constructor(detail: PrintRequestDetail) {
    super('order-print-request', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-print-request': PrintRequestEvent;
  }
}
