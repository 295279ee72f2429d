/** Registers `<order-detail>` and the `<order-action-dialog>` it uses (each warns and skips when already defined). */
import { defineElement } from '../../define-element.js';
import '../order-action-dialog/define.js';
import '../print-menu/define.js';
import '../shipment-detail/define.js';
import { OrderDetail } from './order-detail.js';

defineElement('order-detail', OrderDetail);

declare global {
  interface HTMLElementTagNameMap {
    'order-detail': OrderDetail;
  }
}

export { OrderDetail };
