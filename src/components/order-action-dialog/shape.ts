/**
 * Which form an action needs, from its operation and its `fixed` input: one form per input shape.
 * Actions that take no input from a person and are not destructive run at once, without a dialog.
 */
import type { ActionDef } from '../../model/workflow/types.js';

export type DialogShape =
  /** Stock confirmation with a mode chooser (a custom workflow's confirm-stock without `fixed.mode`). */
  | 'stock'
  /** Accept some: per-line toggles and quantities, totals live. */
  | 'stock-some'
  /** Reject everything, with a reason. */
  | 'stock-none'
  | 'payment'
  | 'expense'
  | 'refund'
  | 'cancel'
  | 'approve-cancellation'
  /** Decline a cancellation or return request, with an optional reason. */
  | 'decline'
  | 'receive-return'
  /** create-shipment: courier, tracking, notify. */
  | 'shipment'
  | 'book-courier'
  /** mark-shipped: courier, tracking number and link, notify. */
  | 'ship'
  /** update-tracking: which shipment, its new tracking number, courier and link. */
  | 'tracking'
  /** mark-delivered with a notify choice. */
  | 'deliver'
  | 'assign'
  | 'set-status'
  | 'reschedule'
  | 'note'
  /** No input: a confirmation (destructive actions). */
  | 'confirm';

/** The form an action needs, or undefined when it runs at once (no input, not destructive). */
export function dialogShape(action: ActionDef): DialogShape | undefined {
  const fixed = action.fixed ?? {};
  const direct = (): DialogShape | undefined => (action.destructive ? 'confirm' : undefined);
  switch (action.operation) {
    case 'confirm-stock':
      if (fixed['mode'] === 'all') return direct();
      if (fixed['mode'] === 'some') return 'stock-some';
      if (fixed['mode'] === 'none') return 'stock-none';
      return 'stock';
    case 'record-payment':
      return 'payment';
    case 'record-expense':
      return 'expense';
    case 'refund':
      return 'refund';
    case 'cancel':
      return 'cancel';
    case 'approve-cancellation':
      return 'approve-cancellation';
    case 'decline-cancellation':
    case 'decline-return':
      return 'decline';
    case 'receive-return':
      return 'receive-return';
    case 'create-shipment':
      return 'shipment';
    case 'book-courier':
      return 'book-courier';
    case 'mark-shipped':
      // Self-delivery (the `agent` input): who drives it is all it asks.
      return (action.required ?? []).includes('agent') ? 'assign' : 'ship';
    case 'update-tracking':
      return 'tracking';
    case 'mark-delivered':
      return 'notifyCustomer' in fixed ? direct() : 'deliver';
    case 'assign':
      return 'assign';
    case 'set-status':
      return action.to ? direct() : 'set-status';
    case 'reschedule':
      return 'reschedule';
    case 'add-note':
      return 'note';
    default:
      return direct();
  }
}
