/**
 * Finding orders by their number through the store: a search (substring over numbers, names, phones…)
 * narrowed to exact number matches, archived orders included.
 */
import type { Order } from '../../model/types.js';
import { exactNumber } from '../../model/csv/tracking.js';
import type { OrderStore } from '../../state/types.js';
import { runPool } from './pool.js';

/** Orders whose number is exactly `number`, in every store the viewer sees. */
export async function ordersNumbered(store: OrderStore, number: string, signal?: AbortSignal): Promise<Order[]> {
  const page = await store.listOrders({ search: number, archived: 'any' }, { offset: 0, limit: 100 }, signal);
  return exactNumber(page.items, number);
}

/**
 * For each number, the existing orders' ids by store (`number → storeId → orderId`), looked up with
 * `concurrency` requests at a time. `onProgress` gets how many numbers are done.
 */
export async function existingNumbers(
  store: OrderStore,
  numbers: readonly string[],
  options: { readonly concurrency: number; readonly signal?: AbortSignal; readonly onProgress?: (done: number) => void },
): Promise<Map<string, Map<string, string>>> {
  const found = new Map<string, Map<string, string>>();
  let done = 0;
  await runPool(
    numbers,
    options.concurrency,
    async (number) => {
      const orders = await ordersNumbered(store, number, options.signal);
      if (orders.length) found.set(number, new Map(orders.map((o) => [o.storeId, o.id])));
      options.onProgress?.(++done);
    },
    options.signal,
  );
  return found;
}
