/**
 * Registers `<order-admin>` and the elements it lays out (each warns and skips when its tag is
 * already defined), so `import 'orderdeck/order-admin.js'` is all a page needs. The shipments,
 * payments and calendar views and the CSV dialogs load on first use (see `LAZY` in order-admin.ts).
 */
import { defineElement } from '../../define-element.js';
import '../bulk-action-bar/define.js';
import '../status-tabs/define.js';
import '../order-toolbar/define.js';
import '../order-notifications/define.js';
import '../order-table/define.js';
import '../order-detail/define.js';
import '../order-toasts/define.js';
import '../print-menu/define.js';
import { OrderAdmin, type RouteChangeEvent } from './order-admin.js';

defineElement('order-admin', OrderAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'order-admin': OrderAdmin;
  }
  interface HTMLElementEventMap {
    'route-change': RouteChangeEvent;
  }
}

export { OrderAdmin };
export type { RouteChangeDetail, RouteChangeEvent } from './order-admin.js';
