/** Registers `<posting-history>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { PostingHistory } from './posting-history.js';

defineElement('posting-history', PostingHistory);

declare global {
  interface HTMLElementTagNameMap {
    'posting-history': PostingHistory;
  }
}

export { PostingHistory };
export { OrderOpenEvent, type OrderOpenDetail } from '../shared/order-open-event.js';
