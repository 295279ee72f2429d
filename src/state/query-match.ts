/**
 * Client-side membership of an order in a query, used only to move an optimistically changed order
 * out of the visible list and between tab counts. The adapter stays the judge: the store refetches
 * after every change event, so a disagreement here is corrected, never persisted. Free-text search
 * is the adapter's (it spans store names and tracking numbers), so it is not evaluated here.
 */
import type { OrderQuery } from '../api/types.js';
import { matchesFilter } from '../model/filter.js';
import type { Order } from '../model/types.js';
import type { OrderFilter, WorkflowDefinition } from '../model/workflow/types.js';

/** The tab's filter with the query's `archived` / `deleted` overrides applied. */
export function effectiveFilter(query: OrderQuery, workflow: WorkflowDefinition, tabKey: string | undefined): OrderFilter {
  const tab = tabKey === undefined ? undefined : workflow.tabs.find((t) => t.key === tabKey);
  return {
    ...tab?.filter,
    ...(query.archived !== undefined && { archived: query.archived }),
    ...(query.deleted !== undefined && { deleted: query.deleted }),
  };
}

/** Every narrowing field of the query except the tab and the free-text search. */
export function matchesFields(order: Order, query: OrderQuery): boolean {
  if (query.storeIds && !query.storeIds.includes(order.storeId)) return false;
  if (query.channels && !query.channels.includes(order.channel)) return false;
  if (query.statuses && !query.statuses.includes(order.status)) return false;
  if (query.paymentStatus && !query.paymentStatus.includes(order.paymentStatus)) return false;
  if (query.fulfillmentStatus && !query.fulfillmentStatus.includes(order.fulfillmentStatus)) return false;
  if (query.assigneeId !== undefined &&
      order.assignees.csr?.id !== query.assigneeId && order.assignees.agent?.id !== query.assigneeId) return false;
  if (query.notPrinted && query.notPrinted.length > 0 && printedAny(order, query.notPrinted)) return false;
  if (query.from !== undefined || query.to !== undefined) {
    const at = order[query.dateField ?? 'createdAt'];
    if (at === undefined) return false;
    if (query.from !== undefined && at < query.from) return false;
    if (query.to !== undefined && at >= query.to) return false;
  }
  return true;
}

/** True when one of `documents` was printed for the order. */
export function printedAny(order: Pick<Order, 'prints'>, documents: readonly string[]): boolean {
  return (order.prints ?? []).some((p) => documents.includes(p.document));
}

/** True when the order belongs to the query under tab `tabKey` (search not evaluated). */
export function matchesQuery(order: Order, query: OrderQuery, workflow: WorkflowDefinition, tabKey: string | undefined): boolean {
  return matchesFilter(order, effectiveFilter(query, workflow, tabKey)) && matchesFields(order, query);
}

/**
 * Tab counts after `before` became `after`: −1 on each tab it left, +1 on each it entered.
 * Returns the same object when nothing moves.
 */
export function movedCounts(
  counts: Readonly<Record<string, number>>,
  before: Order,
  after: Order,
  query: OrderQuery,
  workflow: WorkflowDefinition,
): Readonly<Record<string, number>> {
  let next: Record<string, number> | undefined;
  for (const tab of workflow.tabs) {
    const current = counts[tab.key];
    if (current === undefined) continue;
    const delta = Number(matchesQuery(after, query, workflow, tab.key)) - Number(matchesQuery(before, query, workflow, tab.key));
    if (delta === 0) continue;
    next ??= { ...counts };
    next[tab.key] = Math.max(0, current + delta);
  }
  return next ?? counts;
}
