/**
 * What a bulk action targets: the selected ids, or every order matching the query. "All matching
 * except some" cannot be said to the `OrderApi` (a bulk request has ids or a query, no exclusions),
 * so it is resolved to ids by listing the query page by page.
 */
import type { BulkActionRequest, OrderApi, OrderQuery } from '../api/types.js';
import type { Selection } from './types.js';

export type BulkTarget = Pick<BulkActionRequest, 'orderIds' | 'query'>;

/** Page size used to list the ids of "all matching except…". */
const RESOLVE_PAGE = 500;

export async function resolveBulkTarget(api: OrderApi, selection: Selection, query: OrderQuery): Promise<BulkTarget> {
  if (selection.mode === 'ids') return { orderIds: [...selection.ids] };
  if (selection.except.size === 0) return { query };
  const ids: string[] = [];
  for (let offset = 0; ; offset += RESOLVE_PAGE) {
    const page = await api.listOrders(query, { offset, limit: RESOLVE_PAGE });
    for (const order of page.items) if (!selection.except.has(order.id)) ids.push(order.id);
    if (page.items.length < RESOLVE_PAGE || offset + RESOLVE_PAGE >= page.total) return { orderIds: ids };
  }
}
