/**
 * The admin's accounting controls (private to `<order-admin>`): "Post Order" on the tabs whose orders
 * the workflow posts (Shipped, Delivered, Completed in `marketplace`), a status button that sums up
 * the posting history (in progress / completed / failed, icon and text) and opens it, and the dialog
 * holding `<posting-history>`, loaded on first use. Shown only when the store has an accounting
 * connector (`store.accounting`) — a backend without one shows no posting history.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { combineLatest, type Subscription } from 'rxjs';
import type { PostOrdersRequest } from '../../api/accounting/types.js';
import type { OrderQuery } from '../../api/types.js';
import { can } from '../../model/permissions.js';
import type { PostingBatchState } from '../../api/accounting/types.js';
import type { PostingHistoryState } from '../../state/postings.js';
import type { OrderStore, Selection } from '../../state/types.js';
import { formatCount } from '../shared/format-count.js';
import { alertIcon, checkIcon, ledgerIcon, progressIcon } from '../shared/icons.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

interface Seen {
  readonly postings: PostingHistoryState;
  readonly counts: Readonly<Record<string, number>> | undefined;
  readonly selected: number;
  readonly selection: Selection;
  readonly query: OrderQuery;
}

const RESOLVE_PAGE = 500;

/** The tab keys whose every status the workflow's "post-accounting" action accepts (never Archived). */
export function postableTabs(store: OrderStore): ReadonlySet<string> {
  const action = store.workflow.actions.find((a) => a.operation === 'post-accounting' && !a.system);
  if (!action) return new Set();
  const accepts = (status: string): boolean => action.from === '*' || action.from.includes(status);
  return new Set(
    store.workflow.tabs
      .filter((t) => t.filter.archived !== true && t.filter.deleted !== true && (t.filter.status?.length ?? 0) > 0 && t.filter.status!.every(accepts))
      .map((t) => t.key),
  );
}

export class PostingControls implements ReactiveController {
  private subscription: Subscription | undefined;
  private store: OrderStore | undefined;
  private seen: Seen | undefined;
  private posting = false;
  private message = '';
  private loading: Promise<unknown> | undefined;

  constructor(
    private readonly host: Host,
    private readonly current: () => OrderStore | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.store = undefined;
  }

  /** "Post Order" (on a postable tab) and the history status button, for the toolbar's actions. */
  renderActions(): TemplateResult | typeof nothing {
    const store = this.store;
    const seen = this.seen;
    if (!store?.accounting || !seen) return nothing;
    const tab = seen.query.tab;
    const postable = tab !== undefined && postableTabs(store).has(tab) && can(store.viewer, 'orders.post');
    const count = seen.selected > 0 ? seen.selected : (seen.counts?.[tab ?? ''] ?? 0);
    const label = seen.selected > 0
      ? msg(str`Post Order (${formatCount(count)} selected)`, { desc: 'Button: post the selected orders to accounting' })
      : msg(str`Post Order (${formatCount(count)})`, { desc: 'Button: post the orders of the current tab to accounting' });
    const headline = this.headline(seen.postings);
    return html`${postable
        ? html`<button type="button" part="post-button" class="post-button" ?disabled=${this.posting || count === 0} @click=${this.post}>
            ${this.posting ? msg('Posting…', { desc: 'Order list: being posted to accounting (short)' }) : label}
          </button>`
        : nothing}
      <button
        type="button"
        part="posting-status-button"
        class=${`posting-status ${headline?.state ?? 'none'}`}
        aria-haspopup="dialog"
        @click=${this.open}
      >
        ${headline ? this.stateIcon(headline.state) : ledgerIcon()}
        <span>${headline ? headline.text : msg('Posting history')}</span>
      </button>
      <span class="posting-message" role="status">${this.message}</span>`;
  }

  /** The dialog with the posting history (its element loads when first opened). */
  renderDialog(): TemplateResult | typeof nothing {
    if (!this.store?.accounting) return nothing;
    return html`<dialog part="posting-dialog" class="posting-dialog" aria-label=${msg('Posting history')} @order-open=${this.close}>
      <div class="posting-dialog-body">
        ${customElements.get('posting-history')
          ? html`<posting-history exportparts="heading: posting-heading, batch: posting-batch, state: posting-state, retry-button: posting-retry-button"></posting-history>`
          : html`<p role="status">${msg('Loading…')}</p>`}
      </div>
      <div class="posting-dialog-buttons">
        <button type="button" class="posting-close" @click=${this.close}>${msg('Close', { desc: 'Button: close a menu or panel' })}</button>
      </div>
    </dialog>`;
  }

  /** Opens the history dialog (after loading its element), focus on its heading. */
  readonly open = async (): Promise<void> => {
    this.loading ??= import('../posting-history/define.js').catch((e: unknown) => {
      this.loading = undefined;
      console.warn('orderdeck: <order-admin> could not load <posting-history>.', e);
    });
    const dialog = this.dialog();
    if (dialog && !dialog.open) dialog.showModal();
    await this.loading;
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const history = this.host.renderRoot.querySelector('posting-history');
    await history?.updateComplete;
    history?.shadowRoot?.querySelector<HTMLElement>('#posting-history-title')?.focus();
  };

  private readonly close = (): void => {
    this.dialog()?.close();
  };

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.posting-dialog');
  }

  /** Posts the selection, or else every order of the current tab; then shows the history. */
  private readonly post = async (): Promise<void> => {
    const store = this.store;
    const seen = this.seen;
    if (!store || !seen || this.posting) return;
    this.posting = true;
    this.message = '';
    this.host.requestUpdate();
    try {
      const request = seen.selected > 0 ? await this.selectionTarget(store, seen.selection, seen.query) : { query: seen.query };
      const { batch, results } = await store.postOrders(request);
      const refused = results.filter((r) => !r.ok).length;
      const sent = batch?.count ?? 0;
      const system = store.accounting?.systemName ?? '';
      this.message = refused > 0
        ? msg(str`${formatCount(sent)} orders sent to ${system}; ${formatCount(refused)} could not be posted.`)
        : msg(str`${formatCount(sent)} orders sent to ${system}.`);
      store.clearSelection();
      if (batch) void this.open();
    } catch (e) {
      this.message = msg(str`Posting failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.posting = false;
      this.host.requestUpdate();
    }
  };

  /** Explicit ids as they are; "all matching except some" resolved to ids by listing the query. */
  private async selectionTarget(store: OrderStore, selection: Selection, query: OrderQuery): Promise<PostOrdersRequest> {
    if (selection.mode === 'ids') return { orderIds: [...selection.ids] };
    if (selection.except.size === 0) return { query };
    const ids: string[] = [];
    for (let offset = 0; ; offset += RESOLVE_PAGE) {
      const page = await store.listOrders(query, { offset, limit: RESOLVE_PAGE });
      for (const order of page.items) if (!selection.except.has(order.id)) ids.push(order.id);
      if (page.items.length < RESOLVE_PAGE || offset + RESOLVE_PAGE >= page.total) return { orderIds: ids };
    }
  }

  /** The history summed up: any batch in progress, else the newest batch's state. */
  private headline(history: PostingHistoryState): { state: PostingBatchState; text: string } | undefined {
    const batches = history.batches;
    if (!batches || batches.length === 0) return undefined;
    const running = batches.filter((b) => b.state === 'in-progress').length;
    if (running > 0) {
      return { state: 'in-progress', text: msg(str`Posting: ${formatCount(running)} in progress`, { desc: 'Posting history button while batches run' }) };
    }
    const newest = batches[0]!;
    return newest.state === 'failed'
      ? { state: 'failed', text: msg('Posting: last one failed', { desc: 'Posting history button' }) }
      : { state: 'completed', text: msg('Posting: all completed', { desc: 'Posting history button' }) };
  }

  /** A batch that settled while shown is said in the live region (the status button's change is not announced). */
  private announce(before: PostingHistoryState | undefined, after: PostingHistoryState): void {
    const was = new Map((before?.batches ?? []).map((b) => [b.id, b.state]));
    const settled = (after.batches ?? []).find((b) => was.get(b.id) === 'in-progress' && b.state !== 'in-progress');
    if (!settled) return;
    const failed = settled.orders.filter((o) => o.state === 'failed').length;
    this.message = settled.state === 'completed'
      ? msg(str`Posting of ${formatCount(settled.count)} orders completed.`)
      : msg(str`Posting failed for ${formatCount(failed)} of ${formatCount(settled.count)} orders.`);
  }

  private stateIcon(state: PostingBatchState): TemplateResult {
    return state === 'in-progress' ? progressIcon() : state === 'completed' ? checkIcon() : alertIcon();
  }

  private sync(): void {
    const store = this.current();
    if (store === this.store) return;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.store = store;
    this.seen = undefined;
    if (!store?.accounting) return;
    this.subscription = combineLatest([store.postings$, store.counts$, store.selectionCount$, store.selection$, store.query$]).subscribe(
      ([postings, counts, selected, selection, query]) => {
        this.announce(this.seen?.postings, postings);
        this.seen = { postings, counts: counts.values, selected, selection, query };
        this.host.requestUpdate();
      },
    );
  }
}
