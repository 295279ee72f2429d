/** Registers `<shipment-form>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { ShipmentForm } from './shipment-form.js';

defineElement('shipment-form', ShipmentForm);

declare global {
  interface HTMLElementTagNameMap {
    'shipment-form': ShipmentForm;
  }
}

export { ShipmentForm };
export {
  ShipmentCancelEvent,
  ShipmentSubmitEvent,
  type ShipmentCancelDetail,
  type ShipmentInput,
  type ShipmentSubmitDetail,
} from './shipment-form.js';
