/**
 * The `order-open` event, shared by every element that lets a user open an order (the table's rows,
 * the notification bell, search results…), so a host listens for one typed event wherever it comes from.
 */

/** Detail of `order-open`: which order the user asked to open. */
export interface OrderOpenDetail {
  readonly orderId: string;
}

/** Fired (bubbles, composed) when the user asks to open an order; the host shows or routes to it. */
export class OrderOpenEvent extends CustomEvent<OrderOpenDetail> {
  constructor(orderId: string) {
    super('order-open', { detail: { orderId }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-open': OrderOpenEvent;
  }
}
