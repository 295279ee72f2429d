/** Events of `<order-form>`. */
import type { Order } from '../../model/types.js';

/** Detail of `order-saved`: the order as the backend stored it, and whether it was created or edited. */
export interface OrderSavedDetail {
  readonly order: Order;
  readonly mode: 'create' | 'edit';
}

/** Fired (bubbles, composed) after the backend created or updated the order; the draft is discarded. */
export class OrderSavedEvent extends CustomEvent<OrderSavedDetail> {
  constructor(detail: OrderSavedDetail) {
    super('order-saved', { detail, bubbles: true, composed: true });
  }
}

/** Detail of `order-form-close`: the order being edited (empty for a new order), and whether the draft was discarded. */
export interface OrderFormCloseDetail {
  readonly orderId: string;
  readonly discarded: boolean;
}

/** Fired (bubbles, composed) when the person leaves the form without saving (Cancel or Discard). */
export class OrderFormCloseEvent extends CustomEvent<OrderFormCloseDetail> {
  constructor(detail: OrderFormCloseDetail) {
    super('order-form-close', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-saved': OrderSavedEvent;
    'order-form-close': OrderFormCloseEvent;
  }
}
