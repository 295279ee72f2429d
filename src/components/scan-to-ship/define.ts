/** Registers `<scan-to-ship>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderOpenEvent, type OrderOpenDetail } from '../shared/order-open-event.js';
import { PrintRequestEvent, type PrintRequestDetail } from '../shared/print-request-event.js';
import { OrderScanEvent, ScanToShip, type OrderScanDetail } from './scan-to-ship.js';

defineElement('scan-to-ship', ScanToShip);

declare global {
  interface HTMLElementTagNameMap {
    'scan-to-ship': ScanToShip;
  }
  interface HTMLElementEventMap {
    'order-scan': OrderScanEvent;
  }
}

export { OrderOpenEvent, OrderScanEvent, PrintRequestEvent, ScanToShip, type OrderOpenDetail, type OrderScanDetail, type PrintRequestDetail };
