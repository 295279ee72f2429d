/** Registers `<order-notifications>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderNotifications } from './order-notifications.js';

defineElement('order-notifications', OrderNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'order-notifications': OrderNotifications;
  }
}

export { OrderNotifications };
export { OrderOpenEvent, type OrderOpenDetail } from '../shared/order-open-event.js';
