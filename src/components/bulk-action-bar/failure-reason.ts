/**
 * A short, localised reason for one order's failure in a bulk action, from the workflow's refusal
 * code, else the typed error code. The backend's own message is shown beside it.
 * Private to `<bulk-action-bar>`.
 */
import { msg } from '@lit/localize';
import type { OrderApiErrorData } from '../../api/types.js';
import { errorKindLabel } from '../shared/order-labels.js';

export function failureReason(error: OrderApiErrorData): string {
  if (error.code === 'refused' && error.refusal) {
    switch (error.refusal.code) {
      case 'wrong-status':
        return msg('Not possible in its current status');
      case 'not-permitted':
        return msg('You may not do this');
      case 'out-of-scope':
        return msg('Outside your stores');
      case 'missing-field':
        return msg('Information is missing');
      case 'invalid-field':
        return msg('Invalid information');
      case 'amount-too-large':
        return msg('Amount too large');
      case 'quantity-too-large':
        return msg('Quantity too large');
      case 'not-applicable':
        return msg('Does not apply to this order');
      case 'unknown-action':
        return msg('Unknown action');
    }
  }
  return errorKindLabel(error.code);
}
