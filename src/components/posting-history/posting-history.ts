/**
 * `<posting-history>`: the accounting posting history of the store's connector — each batch with its
 * state, time, size, orders, per-order errors and Retry for the failed ones. No side effects:
 * registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PostingBatch, PostingBatchOrder, PostingBatchState } from '../../api/accounting/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { can } from '../../model/permissions.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { formatCount } from '../shared/format-count.js';
import { alertIcon, checkIcon, progressIcon } from '../shared/icons.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './posting-history.styles.js';

const ATTENTION: Readonly<Record<PostingBatchState, number>> = { failed: 0, 'in-progress': 1, completed: 2 };

/** A batch's orders with the failed ones first, then those in progress, then the posted ones. */
function byAttention(orders: readonly PostingBatchOrder[]): readonly PostingBatchOrder[] {
  return [...orders].sort((a, b) => ATTENTION[a.state] - ATTENTION[b.state]);
}

/** The label of a batch's (or a batch order's) state. */
export function postingStateLabel(state: PostingBatchState): string {
  switch (state) {
    case 'in-progress':
      return msg('In progress', { desc: 'State of an accounting posting batch' });
    case 'completed':
      return msg('Completed', { desc: 'State of an accounting posting batch' });
    default:
      return msg('Failed', { desc: 'State of an accounting posting batch' });
  }
}

/** The icon of a posting state: a spinner arc, a check, or an alert (always beside its text). */
export function postingStateIcon(state: PostingBatchState): TemplateResult {
  return state === 'in-progress' ? progressIcon() : state === 'completed' ? checkIcon() : alertIcon();
}

/**
 * The posting history: batches newest first, from `store.postings$` (the store's
 * `AccountingConnector`), live while shown.
 *
 * Each batch shows its state as an icon and a word — in progress (blue), completed (green), failed
 * (red) — when it was posted and by whom, how many orders it holds, the batch's own error ("Timed
 * out…"), and a disclosure with its orders: each order's number (a button that fires `order-open`),
 * its state, the accounting reference or the error, and "Changed after posting" when the order (as
 * the store has it) changed since. A failed batch offers "Retry failed orders" to viewers who may post
 * (`store.retryPosting`). "Show older postings" loads the next page.
 *
 * Without an accounting connector in the store it says that posting history is not available.
 *
 * Keyboard: everything is a native button or disclosure (`<details>`), in reading order.
 *
 * @tag posting-history
 * @summary Accounting posting batches with their states, orders, errors and Retry.
 *
 * @fires {OrderOpenEvent} order-open - The user chose an order of a batch; `detail.orderId`.
 *
 * @csspart heading - The title ("Posting history · SQL Account").
 * @csspart list - The list of batches.
 * @csspart batch - One batch; also `in-progress`, `completed` or `failed`.
 * @csspart state - A batch's state badge (icon and text).
 * @csspart orders - A batch's disclosure of its orders.
 * @csspart order - One order of a batch.
 * @csspart order-button - The order number button (opens the order).
 * @csspart order-error - An order's error.
 * @csspart stale - The "Changed after posting" badge.
 * @csspart retry-button - "Retry failed orders" of a failed batch.
 * @csspart more-button - "Show older postings".
 * @csspart empty - The text shown when there is no posting yet.
 * @csspart error - A load failure with Retry.
 *
 * @cssprop --od-posting-history-in-progress - Colour of "in progress" (default the info colour).
 * @cssprop --od-posting-history-completed - Colour of "completed" (default the success colour).
 * @cssprop --od-posting-history-failed - Colour of "failed" (default the danger colour).
 */
export class PostingHistory extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly postings = new StoreController(this, (s) => s.postings$);
  /** Re-render when cached orders change (for "Changed after posting"). */
  private readonly orders = new StoreController(this, (s) => s.select((state) => state.orders));

  /** Batches whose Retry is on its way. */
  @state() private retrying: ReadonlySet<string> = new Set();
  /** The last retry failure, shown at the top. */
  @state() private retryError = '';

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store: OrderStore | undefined;

  protected override render(): unknown {
    void this.locale;
    void this.orders.value;
    const store = this.postings.store;
    if (!store) return nothing;
    const accounting = store.accounting;
    if (!accounting) {
      return html`<p part="empty" class="empty">${msg('Posting history is not available with this backend.')}</p>`;
    }
    const history = this.postings.value;
    const batches = history?.batches;
    return html`
      <h2 part="heading" class="heading" tabindex="-1" id="posting-history-title">
        ${msg('Posting history')} <span class="system">${accounting.systemName}</span>
      </h2>
      ${this.retryError ? html`<p class="retry-error" role="alert">${this.retryError}</p>` : nothing}
      ${history?.error
        ? html`<div part="error" class="load-error" role="alert">
            <p>${msg('The posting history could not be loaded.')} ${history.error.message}</p>
            <button type="button" @click=${() => store.reloadPostings()}>${uiStrings.retry()}</button>
          </div>`
        : nothing}
      ${batches === undefined
        ? history?.error
          ? nothing
          : html`<p role="status" class="muted">${uiStrings.loading()}</p>`
        : batches.length === 0
          ? html`<p part="empty" class="empty">${msg('Nothing has been posted yet.')}</p>`
          : html`<ol part="list" class="list" aria-labelledby="posting-history-title">
              ${repeat(batches, (b) => b.id, (b) => this.renderBatch(store, b))}
            </ol>`}
      ${batches && history?.total !== undefined && batches.length < history.total
        ? html`<button type="button" part="more-button" class="more" ?disabled=${history.loading} @click=${() => store.morePostings()}>
            ${msg(str`Show older postings (${formatCount(history.total - batches.length)} more)`)}
          </button>`
        : nothing}
    `;
  }

  private renderBatch(store: OrderStore, batch: PostingBatch): TemplateResult {
    const failed = batch.orders.filter((o) => o.state === 'failed');
    const canRetry = batch.state === 'failed' && failed.length > 0 && store.accounting?.capabilities.retry === true && can(store.viewer, 'orders.post');
    const busy = this.retrying.has(batch.id);
    const titleId = `batch-${batch.id}`;
    return html`<li part=${`batch ${batch.state}`} class=${`batch ${batch.state}`} aria-labelledby=${titleId}>
      <div class="batch-head">
        <span part="state" class="state">${postingStateIcon(batch.state)}<span>${postingStateLabel(batch.state)}</span></span>
        <span class="when" id=${titleId}>
          ${batch.count === 1 ? msg('1 order') : msg(str`${formatCount(batch.count)} orders`, { id: 'posting-history.orders', desc: 'Posting history: how many orders a batch holds' })}
          · <time datetime=${batch.createdAt}>${formatDateTime(batch.createdAt)}</time>
        </span>
        <span class="by muted">${msg(str`by ${batch.postedBy.name}`, { id: 'posting-history.by', desc: 'Posting history: who posted a batch' })}</span>
      </div>
      ${batch.state === 'failed'
        ? html`<p class="summary-line">
            ${batch.error ? html`<span class="batch-error">${batch.error}.</span>` : nothing}
            ${msg(str`${formatCount(failed.length)} of ${formatCount(batch.count)} failed.`, { desc: 'Posting history: failed orders of a batch' })}
          </p>`
        : batch.state === 'in-progress'
          ? html`<p class="summary-line muted">${msg(str`Waiting for ${store.accounting?.systemName ?? ''}…`)}</p>`
          : nothing}
      ${canRetry
        ? html`<button type="button" part="retry-button" class="retry" ?disabled=${busy} @click=${() => this.retry(store, batch.id)}>
            ${busy ? msg('Retrying…') : msg(str`Retry failed orders (${formatCount(failed.length)})`)}
          </button>`
        : nothing}
      <details part="orders" class="orders" ?open=${batch.state === 'failed' && failed.length <= 5}>
        <summary>${msg('Orders in this posting')}</summary>
        <ul>
          ${repeat(byAttention(batch.orders), (o) => o.orderId, (o) => this.renderOrder(store, o))}
        </ul>
      </details>
    </li>`;
  }

  private renderOrder(store: OrderStore, item: PostingBatchOrder): TemplateResult {
    const stale = store.getCached(item.orderId)?.posting?.stale === true && item.state === 'completed';
    return html`<li part="order" class=${`order ${item.state}`}>
      <button type="button" part="order-button" class="link" @click=${() => this.openOrder(item.orderId)}>
        ${item.orderNumber}
      </button>
      <span class="order-state">${postingStateIcon(item.state)}<span>${postingStateLabel(item.state)}</span></span>
      ${item.reference ? html`<span class="mono muted">${item.reference}</span>` : nothing}
      ${stale ? html`<span part="stale" class="stale">${msg('Changed after posting')}</span>` : nothing}
      ${item.error ? html`<span part="order-error" class="order-error">${item.error}</span>` : nothing}
    </li>`;
  }

  private openOrder(orderId: string): void {
    // Made first, then dispatched: the manifest analyzer would read `orderId` as an event name.
    const event = new OrderOpenEvent(orderId);
    this.dispatchEvent(event);
  }

  private async retry(store: OrderStore, batchId: string): Promise<void> {
    this.retrying = new Set([...this.retrying, batchId]);
    this.retryError = '';
    try {
      await store.retryPosting(batchId);
    } catch (e) {
      this.retryError = msg(str`Retry failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      const next = new Set(this.retrying);
      next.delete(batchId);
      this.retrying = next;
    }
  }
}
