/**
 * The `order-edit-request` event: a person asked to edit a placed order (`<order-detail>`'s Edit
 * button). `<order-admin>` routes to the order's edit form; a host without the admin shows `<order-form>`.
 */

/** Detail of `order-edit-request`: which order to edit. */
export interface OrderEditRequestDetail {
  readonly orderId: string;
}

/** Fired (bubbles, composed) when the person asks to edit an order. */
export class OrderEditRequestEvent extends CustomEvent<OrderEditRequestDetail> {
  constructor(orderId: string) {
    super('order-edit-request', { detail: { orderId }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-edit-request': OrderEditRequestEvent;
  }
}
