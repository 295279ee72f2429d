/** Registers `<order-action-dialog>` and the `<shipment-form>` it embeds (each warns and skips when already defined). */
import { defineElement } from '../../define-element.js';
import '../shipment-form/define.js';
import { OrderActionDialog } from './order-action-dialog.js';

defineElement('order-action-dialog', OrderActionDialog);

declare global {
  interface HTMLElementTagNameMap {
    'order-action-dialog': OrderActionDialog;
  }
}

export { OrderActionDialog };
