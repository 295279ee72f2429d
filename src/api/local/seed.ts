/**
 * Seeding helpers: checking orders handed to `seed` (shape, unique ids, numbers unique per merchant),
 * ordering them by creation time, merging store lists.
 */
import type { Order, Store } from '../../model/types.js';
import { OrderApiError, type FieldProblem } from '../types.js';
import { checkOrder } from '../validate.js';

export function mergeStores(base: readonly Store[], override: readonly Store[]): Store[] {
  const byId = new Map<string, Store>();
  for (const s of base) byId.set(s.id, s);
  for (const s of override) byId.set(s.id, s);
  return [...byId.values()];
}

/**
 * Validates orders given to `seed` (shape, ids unique, numbers unique per merchant) and returns them
 * sorted by creation time, so summary chunks hold orders of the same period.
 */
export function checkSeed(orders: readonly Order[]): Order[] {
  if (!Array.isArray(orders)) throw invalid([{ field: 'orders', message: 'must be a list' }]);
  const problems: FieldProblem[] = [];
  const ids = new Set<string>();
  const numbers = new Set<string>();
  for (let i = 0; i < orders.length && problems.length < 20; i++) {
    const found = checkOrder(orders[i], ['orders', i]);
    if (found.length) {
      problems.push(...found);
      continue;
    }
    const order = orders[i] as Order;
    if (ids.has(order.id)) problems.push({ field: `orders[${i}].id`, message: `repeats id ${order.id}` });
    ids.add(order.id);
    if (numbers.has(order.number)) problems.push({ field: `orders[${i}].number`, message: `repeats number ${order.number}` });
    numbers.add(order.number);
  }
  if (problems.length) throw invalid(problems);
  const keyed = orders.map((order) => ({ order, t: Date.parse(order.createdAt) }));
  keyed.sort((a, b) => a.t - b.t || (a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0));
  return keyed.map((k) => k.order);
}


function invalid(problems: readonly FieldProblem[]): OrderApiError {
  const first = problems[0];
  return new OrderApiError({ code: 'invalid-input', message: `Invalid seed orders: ${first?.field} ${first?.message}`, fields: problems });
}
