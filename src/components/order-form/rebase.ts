/**
 * "Redo against the current order": after a conflict, the person's own changes (the fields of their
 * patch) are kept and everything else is taken from the order as it is now. Private to `<order-form>`.
 */
import type { OrderPatch } from '../../api/types.js';
import type { Order } from '../../model/types.js';
import { draftFromOrder, newKey, type FormDraft } from './form-draft.js';

export function rebaseDraft(mine: FormDraft, patch: OrderPatch, current: Order): FormDraft {
  const fresh = draftFromOrder(current);
  const keep = (keys: readonly (keyof FormDraft)[]): Partial<FormDraft> => Object.fromEntries(keys.map((k) => [k, mine[k]]));
  const changed = new Set(Object.keys(patch));
  return {
    ...fresh,
    ...(changed.has('customer') && keep(['name', 'phone', 'email'])),
    ...(changed.has('shippingAddress') && keep(['shipping'])),
    ...(changed.has('billingAddress') && keep(['billing', 'billingSame'])),
    ...(changed.has('lines') && keep(['lines'])),
    ...(changed.has('discount') && keep(['discountMode', 'discountText'])),
    ...(changed.has('deliveryFee') && keep(['feeText'])),
    ...(changed.has('tax') && keep(['taxText'])),
    ...(changed.has('paymentMethod') && keep(['paymentMethod'])),
    ...(changed.has('assignees') && keep(['agentId', 'csrId'])),
    ...(changed.has('tags') && keep(['tags'])),
    ...(changed.has('note') && keep(['note'])),
    ...(changed.has('scheduledAt') && keep(['scheduledAt'])),
    key: newKey(),
    pending: false,
    baseVersion: current.version,
  };
}
