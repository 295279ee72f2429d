/** Registers `<order-toasts>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderToasts, type ToastOptions } from './order-toasts.js';

defineElement('order-toasts', OrderToasts);

declare global {
  interface HTMLElementTagNameMap {
    'order-toasts': OrderToasts;
  }
}

export { OrderToasts, type ToastOptions };
