/**
 * The store of DESIGN.md §2.3: `createOrderStore`, its context, the controller components read it
 * through, and the pure helpers components share (selection, list window).
 */
export { createOrderStore } from './store.js';
export { orderStoreContext } from './context.js';
export { StoreController, type StoreHost } from './store-controller.js';
export { EMPTY_SELECTION, isSelected, selectionSize } from './selection.js';
export { EMPTY_LIST, isPageComplete, pagesCovering, rowIndexOf } from './list-window.js';
export { matchesQuery } from './query-match.js';
export { resolveViewZone, zoneChoices, type ViewZone } from './time-zone.js';
export { loadOrderBatch, type LoadOrdersOptions, type OrderBatch, type OrderBatchTarget } from './load-orders.js';
export type {
  ActionCompletion,
  ChangedOrder,
  BulkState,
  CreateOrderStoreOptions,
  ListWindow,
  OrderNotification,
  OrderStore,
  PostingHistoryState,
  RunActionOptions,
  Selection,
  StoreError,
  StoreErrorKind,
  StoreState,
  TabCounts,
} from './types.js';
