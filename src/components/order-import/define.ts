/** Registers `<order-import>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import {
  OrderImport,
  ImportCloseEvent,
  ImportCompleteEvent,
  TrackingCompleteEvent,
  type ImportCompleteDetail,
  type TrackingCompleteDetail,
  type TrackingRowResult,
  type TrackingOutcome,
} from './order-import.js';

defineElement('order-import', OrderImport);

declare global {
  interface HTMLElementTagNameMap {
    'order-import': OrderImport;
  }
}

export {
  OrderImport,
  ImportCloseEvent,
  ImportCompleteEvent,
  TrackingCompleteEvent,
  type ImportCompleteDetail,
  type TrackingCompleteDetail,
  type TrackingRowResult,
  type TrackingOutcome,
};
