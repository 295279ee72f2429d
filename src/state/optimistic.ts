/**
 * Optimistic updates as pure state transitions: apply an action's local result to the cache, the
 * visible list and the tab counts; undo exactly what was applied; or settle on the server's order.
 */
import type { Order } from '../model/types.js';
import type { WorkflowDefinition } from '../model/workflow/types.js';
import { rowIndexOf, withoutRow } from './list-window.js';
import { matchesQuery, movedCounts } from './query-match.js';
import type { ListWindow, StoreState, TabCounts } from './types.js';

/** What an optimistic update replaced, and with what, so it can be undone exactly. */
export interface OptimisticRecord {
  readonly orderId: string;
  readonly before: Order;
  readonly optimistic: Order;
  readonly prevList: ListWindow;
  readonly nextList: ListWindow;
  readonly prevCounts: TabCounts;
  readonly nextCounts: TabCounts;
}

/** A state after a transition, and whether the list and counts need a refetch to be right. */
export interface Transition {
  readonly state: StoreState;
  readonly stale: boolean;
}

/**
 * Puts `after` in the cache; removes its row when it leaves the current tab; moves it between tab
 * counts when the store can tell (it is in the loaded rows, or the query has no free-text search).
 */
export function applyOptimistic(
  state: StoreState,
  before: Order,
  after: Order,
  workflow: WorkflowDefinition,
): { state: StoreState; record: OptimisticRecord } {
  const { query, list, counts } = state;
  const index = rowIndexOf(list, before.id);
  const leaves = matchesQuery(before, query, workflow, query.tab) && !matchesQuery(after, query, workflow, query.tab);
  const nextList = index !== undefined && leaves ? withoutRow(list, index) : list;
  let nextCounts = counts;
  if (counts.values && (index !== undefined || !query.search)) {
    const values = movedCounts(counts.values, before, after, query, workflow);
    if (values !== counts.values) nextCounts = { ...counts, values };
  }
  const orders = new Map(state.orders).set(before.id, after);
  const record: OptimisticRecord = {
    orderId: before.id,
    before,
    optimistic: after,
    prevList: list,
    nextList,
    prevCounts: counts,
    nextCounts,
  };
  return { state: { ...state, orders, list: nextList, counts: nextCounts }, record };
}

/**
 * Undoes an optimistic update. Parts nobody touched since are restored to the very objects they
 * were; a part that changed meanwhile (a page or count answer landed) cannot be undone exactly and
 * is reported stale, to be refetched.
 */
export function rollbackOptimistic(state: StoreState, record: OptimisticRecord): Transition {
  const orders = state.orders.get(record.orderId) === record.optimistic
    ? new Map(state.orders).set(record.orderId, record.before)
    : state.orders;
  let stale = false;
  let list = state.list;
  if (record.nextList !== record.prevList) {
    if (state.list === record.nextList) list = record.prevList;
    else if (state.list.rows === record.nextList.rows && state.list.total === record.nextList.total) {
      list = { ...state.list, rows: record.prevList.rows, total: record.prevList.total };
    } else stale = true;
  }
  let counts = state.counts;
  if (record.nextCounts !== record.prevCounts) {
    if (state.counts === record.nextCounts) counts = record.prevCounts;
    else if (state.counts.values === record.nextCounts.values) counts = { ...state.counts, values: record.prevCounts.values };
    else stale = true;
  }
  return { state: { ...state, orders, list, counts }, stale };
}

/**
 * Replaces the optimistic order with the server's (the truth). Stale when the server's order sits
 * in other tabs than the optimistic one did (an automation moved it further, say).
 */
export function reconcileOptimistic(
  state: StoreState,
  record: OptimisticRecord,
  server: Order,
  workflow: WorkflowDefinition,
): Transition {
  const current = state.orders.get(record.orderId);
  const replace = current === record.optimistic || current === undefined || server.version > current.version;
  const orders = replace ? new Map(state.orders).set(record.orderId, server) : state.orders;
  const tabs = [state.query.tab, ...workflow.tabs.map((t) => t.key)];
  const stale = tabs.some(
    (tab) => matchesQuery(server, state.query, workflow, tab) !== matchesQuery(record.optimistic, state.query, workflow, tab),
  );
  return { state: { ...state, orders }, stale };
}
