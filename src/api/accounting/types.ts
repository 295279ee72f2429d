/**
 * The `AccountingConnector` contract (DESIGN.md §2.2, beside `OrderApi`): the port a merchant
 * implements to post orders to their accounting system (the `marketplace` preset posts to "SQL
 * Account"). A connector posts batches of orders, reports a result per order, keeps the posting
 * history, retries the failed orders of a batch, and tells listeners when a batch changes.
 *
 * The order side of a posting — an order is "posting in progress", then "posted" (and archived) or
 * "posting failed" — lives on the order (`Order.posting`, the workflow's `post-accounting` and
 * `posting-result` operations). The connector owns the batch side: which orders went together, when,
 * and what the accounting system answered for each.
 *
 * Errors are `OrderApiError`s with the same codes as `OrderApi` (`forbidden`, `not-found`,
 * `invalid-input`, `refused`, `unavailable`, `aborted`, `network`…).
 */
import type { Order, Timestamp } from '../../model/types.js';
import type { OrderApiErrorData, OrderQuery, RequestOptions, WriteOptions } from '../types.js';

/**
 * A batch's state: `in-progress` while the accounting system has not answered for every order;
 * `completed` when every order was posted; `failed` when at least one order failed (each with its
 * error) — including a batch that did not finish within the connector's timeout ("timed out").
 */
export type PostingBatchState = 'in-progress' | 'completed' | 'failed';

/** One order's part in a batch. */
export interface PostingBatchOrder {
  readonly orderId: string;
  /** The order's number when it was posted (shown without loading the order). */
  readonly orderNumber: string;
  readonly storeId: string;
  readonly state: PostingBatchState;
  /** Why it failed (`failed` only), in the accounting system's words. */
  readonly error?: string;
  /** The accounting system's document reference (`completed` only), e.g. an invoice number. */
  readonly reference?: string;
  /** How many times this order was sent in this batch (1, then +1 per retry). */
  readonly attempts: number;
  /** When the accounting system answered for it last. */
  readonly settledAt?: Timestamp;
}

/** One posting batch: the orders posted together by one "Post Order" (or a retry of its failures). */
export interface PostingBatch {
  readonly id: string;
  readonly state: PostingBatchState;
  /** When the batch was first posted. */
  readonly createdAt: Timestamp;
  /** When it was last sent (the post, or the latest retry). The timeout counts from here. */
  readonly sentAt: Timestamp;
  /** When it last settled (completed or failed). */
  readonly settledAt?: Timestamp;
  /** Who posted it. */
  readonly postedBy: { readonly id: string; readonly name: string };
  /** How many orders it holds (those the viewer may see, when the viewer's scope is narrower). */
  readonly count: number;
  /** Its orders (those the viewer may see). */
  readonly orders: readonly PostingBatchOrder[];
  /** Why the batch as a whole failed, when it did (e.g. "Timed out"). */
  readonly error?: string;
}

/** What to post: explicit order ids, or every order matching a query (a status tab). */
export type PostOrdersRequest =
  | { readonly orderIds: readonly string[]; readonly query?: never }
  | { readonly query: OrderQuery; readonly orderIds?: never };

/** One requested order's outcome when posting: sent in the batch, or refused before sending. */
export type PostingItemResult =
  /** `order`: the order as it is now (posting in progress), when the connector has it at hand. */
  | { readonly orderId: string; readonly ok: true; readonly order?: Order }
  | { readonly orderId: string; readonly ok: false; readonly error: OrderApiErrorData };

/** The answer to a post: the batch (absent when no order could be sent), and a result per order. */
export interface PostOrdersResult {
  readonly batch: PostingBatch | undefined;
  readonly results: readonly PostingItemResult[];
}

export interface PostingHistoryPage {
  /** Newest first. */
  readonly items: readonly PostingBatch[];
  /** How many batches the viewer may see in all. */
  readonly total: number;
  readonly offset: number;
}

/** A batch was created or changed (`batch` as it is now, in the listener's viewer scope); `reset`: reload all. */
export type PostingChangeEvent =
  | { readonly type: 'batch-updated'; readonly batch: PostingBatch }
  | { readonly type: 'reset' };

/** What a connector supports, so the UI degrades honestly. */
export interface AccountingCapabilities {
  /** Posting history can be read (`listBatches`, `getBatch`). */
  readonly history: boolean;
  /** `retryBatch` works. */
  readonly retry: boolean;
  /** `subscribe` reports changes as they happen (otherwise the UI polls while a batch is in progress). */
  readonly realtime: boolean;
}

/**
 * The port to an accounting system. It acts for one viewer: it posts only orders the viewer may post
 * (`orders.post`, in their stores) and lists only batches holding orders the viewer may see.
 */
export interface AccountingConnector {
  readonly capabilities: AccountingCapabilities;
  /** The accounting system's name, for the UI ("SQL Account"). */
  readonly systemName: string;

  /**
   * Posts orders as one batch. Each order is checked first (scope, permission, the workflow's
   * `post-accounting` rules: shipped, delivered or completed, not in progress, not posted and
   * unchanged since); refused ones are reported in `results` and left out. Resolves once the batch is
   * sent (state `in-progress`); the accounting system's answers arrive later (`subscribe`).
   * The same idempotency key returns the first result and posts nothing again.
   */
  postOrders(request: PostOrdersRequest, options: WriteOptions): Promise<PostOrdersResult>;

  /**
   * Sends the failed orders of a failed batch again, in the same batch (which turns `in-progress`).
   * Refused (`refused`) when the batch is not failed; `not-found` when it does not exist or holds
   * nothing the viewer may see.
   */
  retryBatch(batchId: string, options: WriteOptions): Promise<PostingBatch>;

  /** The posting history, newest first, paged. */
  listBatches(page: { readonly offset: number; readonly limit: number }, options?: RequestOptions): Promise<PostingHistoryPage>;

  /** One batch; `not-found` when it does not exist or holds nothing the viewer may see. */
  getBatch(batchId: string, options?: RequestOptions): Promise<PostingBatch>;

  /** Batch changes (this tab's and other tabs'); returns the unsubscribe function. */
  subscribe(listener: (event: PostingChangeEvent) => void): () => void;
}
