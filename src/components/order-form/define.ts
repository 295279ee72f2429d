/** Registers `<order-form>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderForm } from './order-form.js';

defineElement('order-form', OrderForm);

declare global {
  interface HTMLElementTagNameMap {
    'order-form': OrderForm;
  }
}

export { OrderForm };
