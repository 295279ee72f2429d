/** Events of `<order-print>`. */
import type { BulkItemResult } from '../../api/types.js';
import type { PrintDocumentKind } from '../../model/types.js';
import type { Paper } from './print-sheet.js';

/** Detail of `document-print`: the print document is built and about to go to the browser's print dialog. */
export interface DocumentPrintDetail {
  readonly document: PrintDocumentKind;
  readonly paper: Paper;
  readonly copies: number;
  /** The orders the printed document covers (orders with nothing to print left out). */
  readonly orderIds: readonly string[];
  /** The print frame's document (same origin): its pages as printed. */
  readonly printDocument: Document;
}

/**
 * Fired when the print document is ready, just before the browser's print dialog opens. Cancelable:
 * `preventDefault()` skips the browser dialog (a host that sends the document to a print service, or
 * a test); the print is recorded on the orders either way.
 */
export class DocumentPrintEvent extends CustomEvent<DocumentPrintDetail> {
  constructor(detail: DocumentPrintDetail) {
    super('document-print', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of `print-complete`. */
export interface PrintCompleteDetail {
  readonly document: PrintDocumentKind;
  readonly copies: number;
  readonly orderIds: readonly string[];
  /** One result per order of recording the print (`record-print`); partial success is possible. */
  readonly recorded: readonly BulkItemResult[];
}

/** Fired after printing, once the print was recorded on the orders. */
export class PrintCompleteEvent extends CustomEvent<PrintCompleteDetail> {
  constructor(detail: PrintCompleteDetail) {
    super('print-complete', { detail, bubbles: true, composed: true });
  }
}

/** Fired when the modal print dialog closed. */
export class PrintCloseEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('print-close', { detail: {}, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'document-print': DocumentPrintEvent;
    'print-complete': PrintCompleteEvent;
    'print-close': PrintCloseEvent;
  }
}
