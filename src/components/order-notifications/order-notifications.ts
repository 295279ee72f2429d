/**
 * `<order-notifications>`: the new-order bell. An unread count on a bell button, a popover listing
 * the unread new orders, and a toast when one arrives. No side effects: registration lives in
 * `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney, formatRelative } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import type { Store } from '../../model/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderNotification, OrderStore } from '../../state/types.js';
import { DismissController } from '../shared/dismiss-controller.js';
import { formatCount } from '../shared/format-count.js';
import { bellIcon, closeIcon } from '../shared/icons.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './order-notifications.styles.js';

const DEFAULT_TOAST_MS = 6000;
/** How often the relative times of an open list are refreshed. */
const CLOCK_MS = 30_000;

/**
 * The new-order bell.
 *
 * Reads `store.notifications$`: the unread new orders that reached this store from elsewhere
 * (another tab, another user, the server), newest first. The bell button shows their count and is
 * named by it ("3 new orders"). It opens a popover listing them (number, customer, total, how long
 * ago, and the store when `stores` names it); choosing one fires `order-open` and marks it read.
 * "Mark all read" empties the list.
 *
 * When a new one arrives, a toast says so in a polite live region (`role=status`) and hides itself
 * after `toast-duration` ms, waiting while the pointer or focus is on it; the order stays in the bell
 * until read. Clicking the toast opens the order (several at once: opens the list).
 *
 * Keyboard: the bell is a button (Enter / Space); in the open list, Tab moves through the orders,
 * Escape closes it and returns focus to the bell. A press outside, or focus leaving it, also closes
 * it. The outside-press listener exists only while the list is open.
 *
 * @tag order-notifications
 * @summary New-order bell with unread count, list and toast.
 *
 * @fires {OrderOpenEvent} order-open - The user chose a new order (in the list or the toast);
 *   `detail.orderId`. It is marked read in the store too.
 *
 * @csspart bell - The bell button.
 * @csspart badge - The unread count on the bell (absent at zero).
 * @csspart popover - The list's popup (`role=dialog`).
 * @csspart header - The popup's title row with "Mark all read".
 * @csspart mark-all - The "Mark all read" button.
 * @csspart list - The list of unread new orders.
 * @csspart item - Each order in the list (a button).
 * @csspart empty - The "No new orders" text of an empty list.
 * @csspart toast - The toast announcing a new order.
 *
 * @cssprop --od-order-notifications-badge-background - Badge colour (default the danger colour).
 * @cssprop --od-order-notifications-badge-color - Badge text colour.
 * @cssprop --od-order-notifications-popover-width - Width of the list popup.
 * @cssprop --od-order-notifications-toast-offset - Distance of the toast from the viewport's bottom and end edges.
 * @cssprop --od-order-notifications-toast-background - Toast background.
 * @cssprop --od-order-notifications-toast-color - Toast text colour.
 */
export class OrderNotifications extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly notifications$ = new StoreController(this, (store) => store.notifications$);
  private readonly dismiss = new DismissController(this, () => this.close(false));

  constructor() {
    super();
    // After the store controller's own hostUpdate, which may have just subscribed and received the
    // first list: compare lists there, so the first list is never taken for arrivals.
    this.addController({ hostUpdate: () => this.noticeArrivals() });
  }

  @query('[part~="bell"]') private bell!: HTMLButtonElement | null;

  @state() private open = false;
  /** The orders the visible toast announces (newest first); empty when no toast shows. */
  @state() private toastIds: readonly string[] = [];

  /** Order ids already known (shown or announced), so only arrivals raise a toast. */
  private known: Set<string> | undefined;
  private knownStore: OrderStore | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private toastHeld = false;
  private clock: ReturnType<typeof setInterval> | undefined;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** Stores, to show each order's store name in the list (optional). */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** How long a toast stays, in milliseconds (default 6000). Not a positive number: warns, uses the default. */
  @property({ type: Number, attribute: 'toast-duration' }) toastDuration = DEFAULT_TOAST_MS;

  /** No toasts: new orders only update the bell. */
  @property({ type: Boolean, attribute: 'no-toast' }) noToast = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
    this.dismiss.watch(false);
    this.stopClock();
    this.hideToast();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('toastDuration') && !(this.toastDuration > 0)) {
      console.warn(`orderdeck: <order-notifications> toast-duration must be a positive number of ms; using ${DEFAULT_TOAST_MS}.`);
      this.toastDuration = DEFAULT_TOAST_MS;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.dismiss.watch(this.open);
    if (!this.open) this.stopClock();
    else if (this.clock === undefined) this.startClock();
  }

  /** Moves keyboard focus to the bell. */
  override focus(options?: FocusOptions): void {
    (this.bell ?? this).focus(options);
  }

  protected override render(): unknown {
    void this.locale; // Re-rendered by it on a locale change.
    const list = this.list;
    return html`
      <button
        part="bell"
        type="button"
        aria-label=${unreadLabel(list.length)}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'panel' : nothing}
        @click=${this.toggle}
      >
        ${bellIcon()}
        ${list.length > 0 ? html`<span part="badge" aria-hidden="true">${list.length > 99 ? '99+' : formatCount(list.length)}</span>` : nothing}
      </button>
      ${this.open ? this.renderPanel(list) : nothing}
      <div class="toast-region" role="status">${this.renderToast(list)}</div>
    `;
  }

  private renderPanel(list: readonly OrderNotification[]): unknown {
    return html`<div
      id="panel"
      part="popover"
      role="dialog"
      aria-labelledby="panel-title"
      tabindex="-1"
      @keydown=${this.onPanelKeyDown}
      @focusout=${this.onFocusOut}
    >
      <div part="header">
        <span class="title" id="panel-title">${msg('New orders', { desc: 'Title of the new-order notification list' })}</span>
        ${list.length > 0 ? html`<button part="mark-all" type="button" @click=${this.markAll}>${msg('Mark all read')}</button>` : nothing}
      </div>
      ${list.length === 0
        ? html`<p part="empty">${msg('No new orders. New ones appear here until you read them.')}</p>`
        : html`<ul part="list">
            ${repeat(
              list,
              (n) => n.orderId,
              (n) => html`<li>${this.renderItem(n)}</li>`,
            )}
          </ul>`}
    </div>`;
  }

  private renderItem(n: OrderNotification): unknown {
    const storeName = this.stores.find((s) => s.id === n.storeId)?.name;
    return html`<button part="item" type="button" data-order=${n.orderId} @click=${() => this.openOrder(n.orderId)}>
      <span class="number">${n.number}</span>
      <span class="time">${formatRelative(n.createdAt)}</span>
      <span class="customer">${n.customerName}</span>
      <span class="total">${formatMoney(n.total)}</span>
      ${storeName ? html`<span class="meta">${storeName}</span>` : nothing}
    </button>`;
  }

  private renderToast(list: readonly OrderNotification[]): unknown {
    const shown = list.filter((n) => this.toastIds.includes(n.orderId));
    if (shown.length === 0) return nothing;
    const first = shown[0] as OrderNotification;
    const single = shown.length === 1;
    return html`<div
      part="toast"
      @pointerenter=${this.holdToast}
      @pointerleave=${this.releaseToast}
      @focusin=${this.holdToast}
      @focusout=${this.releaseToast}
    >
      <button class="toast-open" type="button" @click=${() => (single ? this.openOrder(first.orderId) : this.openFromToast())}>
        <span class="toast-title"
          >${single
            ? msg(str`New order ${first.number}`, { desc: 'Toast: one new order arrived' })
            : newOrdersText(shown.length)}</span
        >
        <span class="toast-detail"
          >${single ? `${first.customerName} · ${formatMoney(first.total)}` : msg('Open the list to see them.')}</span
        >
      </button>
      <button class="toast-close" type="button" aria-label=${msg('Dismiss')} @click=${this.hideToast}>
        ${closeIcon()}
      </button>
    </div>`;
  }

  // ── Private ──────────────────────────────────────────────────────────────────────────────────

  private get list(): readonly OrderNotification[] {
    return this.notifications$.value ?? [];
  }

  /** Compares the unread list with the ids known so far: new ones raise a toast. */
  private noticeArrivals(): void {
    const store = this.notifications$.store;
    const value = this.notifications$.value;
    if (store !== this.knownStore || value === undefined) {
      // A new store (or none yet): what it holds now is not news.
      this.knownStore = value === undefined ? undefined : store;
      this.known = value === undefined ? undefined : new Set(value.map((n) => n.orderId));
      return;
    }
    const known = this.known ?? new Set<string>();
    const arrived = value.filter((n) => !known.has(n.orderId)).map((n) => n.orderId);
    this.known = new Set(value.map((n) => n.orderId));
    if (arrived.length > 0 && !this.noToast && !this.open) this.showToast(arrived);
  }

  private showToast(ids: readonly string[]): void {
    const unread = new Set(this.list.map((n) => n.orderId));
    // A toast already showing keeps announcing what is still unread, plus the arrivals.
    this.toastIds = [...ids, ...this.toastIds.filter((id) => unread.has(id) && !ids.includes(id))];
    this.scheduleHide();
  }

  private scheduleHide(): void {
    clearTimeout(this.toastTimer);
    this.toastTimer = undefined;
    if (this.toastHeld) return;
    this.toastTimer = setTimeout(() => this.hideToast(), this.toastDuration);
  }

  private readonly hideToast = (): void => {
    clearTimeout(this.toastTimer);
    this.toastTimer = undefined;
    this.toastHeld = false;
    this.toastIds = [];
  };

  private holdToast(): void {
    this.toastHeld = true;
    clearTimeout(this.toastTimer);
    this.toastTimer = undefined;
  }

  private releaseToast(event: Event): void {
    const toast = event.currentTarget as HTMLElement;
    const focusInside =
      event instanceof FocusEvent ? toast.contains(event.relatedTarget as Node | null) : toast.contains(this.shadowRoot?.activeElement ?? null);
    const hovered = event.type !== 'pointerleave' && toast.matches(':hover');
    if (focusInside || hovered) return;
    this.toastHeld = false;
    if (this.toastIds.length > 0) this.scheduleHide();
  }

  private toggle(): void {
    if (this.open) this.close(true);
    else this.show();
  }

  private show(): void {
    this.open = true;
    this.hideToast();
    void this.updateComplete.then(() => {
      const panel = this.renderRoot.querySelector<HTMLElement>('#panel');
      // The newest order first; Shift+Tab reaches "Mark all read" above the list.
      (panel?.querySelector<HTMLElement>('[part~="item"]') ?? panel)?.focus();
    });
  }

  private close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) void this.updateComplete.then(() => this.bell?.focus());
  }

  private openOrder(orderId: string): void {
    const store = this.notifications$.store;
    const wasOpen = this.open;
    this.hideToast();
    // Made first, then dispatched: the manifest analyzer would read `orderId` as an event name.
    const event = new OrderOpenEvent(orderId);
    this.dispatchEvent(event);
    store?.markRead(orderId);
    if (wasOpen) this.close(true);
  }

  private openFromToast(): void {
    this.show();
  }

  private markAll(): void {
    this.notifications$.store?.markAllRead();
    this.close(true);
  }

  private onPanelKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close(true);
  }

  /** Focus leaving the list (and the bell) closes it. */
  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next) return;
    const panel = event.currentTarget as HTMLElement;
    if (!panel.contains(next) && next !== this.bell) this.close(false);
  }

  private startClock(): void {
    this.stopClock();
    this.clock = setInterval(() => this.requestUpdate(), CLOCK_MS);
  }

  private stopClock(): void {
    clearInterval(this.clock);
    this.clock = undefined;
  }
}

/** The bell's accessible name: how many new orders are unread. */
function unreadLabel(count: number): string {
  if (count === 0) return msg('No new orders', { desc: 'Name of the notification bell with nothing unread' });
  return newOrdersText(count);
}

/** "1 new order", "3 new orders" (the bell's name, a toast for several at once). */
function newOrdersText(count: number): string {
  const n = formatCount(count);
  return count === 1
    ? msg(str`${n} new order`, { desc: 'How many new orders are unread (one)' })
    : msg(str`${n} new orders`, { desc: 'How many new orders are unread' });
}
