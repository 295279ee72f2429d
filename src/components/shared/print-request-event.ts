/**
 * The `order-print-request` event: any element that offers printing (the bulk-action bar, the toolbar,
 * an order's detail, the scan-to-ship round) asks for documents with it, and `<order-admin>` (or a
 * host page) answers by opening the print preview. One typed event, wherever printing is offered.
 */
import type { OrderQuery } from '../../api/types.js';

/** The warehouse and office documents orderdeck prints; defined by the model (src/model/types.ts). */
export type { PrintDocumentKind } from '../../model/types.js';
export { PRINT_DOCUMENT_KINDS } from '../../model/types.js';
import type { PrintDocumentKind } from '../../model/types.js';

/**
 * Detail of `order-print-request`: which document, for which orders — explicit ids (a selection, one
 * order, a scan round) or every order matching a query (a whole tab, "all matching").
 */
export interface PrintRequestDetail {
  readonly document: PrintDocumentKind;
  readonly orderIds?: readonly string[];
  readonly query?: OrderQuery;
  /** With `query`: orders to leave out ("all matching" minus the ones unticked). */
  readonly exceptIds?: readonly string[];
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
