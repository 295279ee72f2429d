/** Registers `<order-export>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderExport, ExportCloseEvent, ExportCompleteEvent, type ExportCompleteDetail } from './order-export.js';

defineElement('order-export', OrderExport);

declare global {
  interface HTMLElementTagNameMap {
    'order-export': OrderExport;
  }
}

export { OrderExport, ExportCloseEvent, ExportCompleteEvent, type ExportCompleteDetail };
