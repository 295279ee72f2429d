/** Registers `<order-toolbar>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderToolbar } from './order-toolbar.js';

defineElement('order-toolbar', OrderToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'order-toolbar': OrderToolbar;
  }
}

export { OrderToolbar };
