/** Registers `<print-menu>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { PrintMenu, type PrintTarget } from './print-menu.js';

defineElement('print-menu', PrintMenu);

declare global {
  interface HTMLElementTagNameMap {
    'print-menu': PrintMenu;
  }
}

export { PrintMenu, type PrintTarget };
