/** Registers `<order-shipments>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import '../shipment-detail/define.js';
import { FilterChangeEvent, type FilterChangeDetail } from '../shared/list-view.js';
import { OrderOpenEvent, type OrderOpenDetail } from '../shared/order-open-event.js';
import { OrderShipments } from './order-shipments.js';

defineElement('order-shipments', OrderShipments);

declare global {
  interface HTMLElementTagNameMap {
    'order-shipments': OrderShipments;
  }
}

export { FilterChangeEvent, OrderOpenEvent, OrderShipments, type FilterChangeDetail, type OrderOpenDetail };
