/** Registers `<order-payments>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { FilterChangeEvent, type FilterChangeDetail } from '../shared/list-view.js';
import { OrderOpenEvent, type OrderOpenDetail } from '../shared/order-open-event.js';
import { OrderPayments } from './order-payments.js';

defineElement('order-payments', OrderPayments);

declare global {
  interface HTMLElementTagNameMap {
    'order-payments': OrderPayments;
  }
}

export { FilterChangeEvent, OrderOpenEvent, OrderPayments, type FilterChangeDetail, type OrderOpenDetail };
