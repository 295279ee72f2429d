/** Registers `<order-provider>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderProvider } from './order-provider.js';

defineElement('order-provider', OrderProvider);

declare global {
  interface HTMLElementTagNameMap {
    'order-provider': OrderProvider;
  }
}

export { OrderProvider };
