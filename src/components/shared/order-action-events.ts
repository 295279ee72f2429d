/** Events around workflow actions, shared by every element that runs them: before an action runs (cancelable) and after it succeeded. */
import type { Order } from '../../model/types.js';
import type { ActionInput } from '../../model/workflow/types.js';

/** Detail of `order-action-request`: the action about to run, with the person's input. */
export interface OrderActionRequestDetail {
  readonly orderId: string;
  readonly action: string;
  readonly input: ActionInput;
}

/**
 * Fired (bubbles, composed, cancelable) before a workflow action runs. A host vetoes it, or takes it
 * over with its own confirmation, with `preventDefault()`: nothing is sent then.
 */
export class OrderActionRequestEvent extends CustomEvent<OrderActionRequestDetail> {
  constructor(detail: OrderActionRequestDetail) {
    super('order-action-request', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of `order-action`: the action that succeeded and the order the backend returned. */
export interface OrderActionDetail {
  readonly orderId: string;
  readonly action: string;
  readonly order: Order;
}

/** Fired (bubbles, composed) after the backend accepted an action the person started here. */
export class OrderActionEvent extends CustomEvent<OrderActionDetail> {
  constructor(detail: OrderActionDetail) {
    super('order-action', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'order-action-request': OrderActionRequestEvent;
    'order-action': OrderActionEvent;
  }
}
