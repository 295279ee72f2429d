/** Registers `<shipment-detail>` and the `<order-action-dialog>` it uses (each warns and skips when already defined). */
import { defineElement } from '../../define-element.js';
import '../order-action-dialog/define.js';
import { ShipmentDetail } from './shipment-detail.js';

defineElement('shipment-detail', ShipmentDetail);

declare global {
  interface HTMLElementTagNameMap {
    'shipment-detail': ShipmentDetail;
  }
}

export { ShipmentDetail };
