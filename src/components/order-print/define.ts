/** Registers `<order-print>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { DocumentPrintEvent, OrderPrint, PrintCloseEvent, PrintCompleteEvent } from './order-print.js';

defineElement('order-print', OrderPrint);

declare global {
  interface HTMLElementTagNameMap {
    'order-print': OrderPrint;
  }
}

export { DocumentPrintEvent, OrderPrint, PrintCloseEvent, PrintCompleteEvent };
export type { DocumentPrintDetail, Paper, PrintCompleteDetail } from './order-print.js';
