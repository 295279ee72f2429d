/**
 * The demo's order list: `<order-toolbar>` (search, filters, saved views) and `<status-tabs>` over the
 * virtualised `<order-table>`, and a detail panel that runs the actions the workflow allows this
 * viewer (a row's `order-open` shows it there). It reads the store only through `StoreController`, as
 * the real elements do. (`<order-detail>` replaces the panel in a later issue.)
 */
import { LitElement, css, html, nothing } from 'lit';
import { defineElement } from '../src/define-element.js';
import { property, state } from 'lit/decorators.js';
import type { Subscription } from 'rxjs';
import { formatDateTime, formatMoney, localeChanges, resolveText } from '../src/i18n/index.js';
import type { Order, Store } from '../src/model/types.js';
import { availableActions } from '../src/model/workflow/engine.js';
import type { OrderOpenEvent } from '../src/components/shared/order-open-event.js';
import { StoreController } from '../src/state/store-controller.js';
import type { OrderStore } from '../src/state/types.js';
import { isOrderApiError } from '../src/api/types.js';

export class DemoOrderList extends LitElement {
  static override styles = css`
    :host { display: block; font: 14px/1.4 system-ui, sans-serif; color: #1c2430; }
    order-toolbar { margin-bottom: 12px; }
    status-tabs { margin-bottom: 8px; }
    .bar { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
    .layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 16px; align-items: start; }
    order-table { height: max(420px, calc(100vh - 240px)); }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; background: #eef1f5; font-size: 12px; }
    aside { background: #fff; border: 1px solid #e3e8ee; border-radius: 8px; padding: 12px 16px; position: sticky; top: 12px; }
    aside h2 { font-size: 16px; margin: 0 0 4px; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 8px 0; }
    dt { color: #4a5868; }
    dd { margin: 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
    .actions button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #1f4e8c; background: #fff; color: #1f4e8c; cursor: pointer; }
    .actions button[data-destructive] { border-color: #b42318; color: #b42318; }
    .actions button:disabled { opacity: 0.5; cursor: progress; }
    .error { color: #b42318; }
    ol.timeline { padding-inline-start: 18px; margin: 4px 0; max-height: 220px; overflow: auto; }
    .muted { color: #4a5868; }
  `;

  @property({ attribute: false }) store?: OrderStore;
  /** Store id → name, for display. */
  @property({ attribute: false }) storeNames: Readonly<Record<string, string>> = {};
  /** The stores, for the toolbar's store filter. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  @state() private selectedId: string | undefined;

  private readonly locale = localeChanges(this);
  private readonly query = new StoreController(this, (s) => s.query$);
  private readonly list = new StoreController(this, (s) => s.list$);
  private readonly orders = new StoreController(this, (s) => s.select((st) => st.orders));
  private readonly inFlight = new StoreController(this, (s) => s.inFlight$);
  private readonly errors = new StoreController(this, (s) => s.errors$);
  /** Keeps an order opened from elsewhere (the bell) loaded while it is shown. */
  private opened: Subscription | undefined;

  private get activeStore(): OrderStore | undefined {
    return this.query.store;
  }

  /** Shows an order in the detail panel, loading it when it is not in the list (e.g. from the bell). */
  openOrder(id: string): void {
    this.opened?.unsubscribe();
    this.opened = this.activeStore?.order$(id).subscribe();
    this.selectedId = id;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.opened?.unsubscribe();
    this.opened = undefined;
  }

  override render() {
    void this.locale;
    const store = this.activeStore;
    if (!store) return html`<p class="muted">No store.</p>`;
    const list = this.list.value;
    const orders = this.orders.value;
    const selected = this.selectedId ? orders?.get(this.selectedId) : undefined;
    return html`
      <order-toolbar .stores=${this.stores}></order-toolbar>
      <status-tabs panel-id="demo-orders"></status-tabs>
      <div class="bar">
        <span class="muted" aria-live="polite">${list?.total === undefined ? 'Loading…' : `${list.total.toLocaleString()} orders`}</span>
        ${list?.error ? html`<span class="error">${list.error.message} <button @click=${() => store.retry()}>Retry</button></span>` : nothing}
      </div>
      <div class="layout">
        <order-table
          id="demo-orders"
          .stores=${this.stores}
          @order-open=${(e: OrderOpenEvent) => this.openOrder(e.detail.orderId)}
        ></order-table>
        ${selected ? this.renderDetail(store, selected) : html`<aside class="muted">Select an order to see it and act on it.</aside>`}
      </div>
    `;
  }

  private renderDetail(store: OrderStore, o: Order) {
    const actions = availableActions(store.workflow, o, store.viewer);
    const busy = this.inFlight.value?.get(o.id);
    const errors = (this.errors.value ?? []).filter((e) => e.orderId === o.id);
    return html`<aside aria-label="Order ${o.number}">
      <h2>${o.number} <span class="badge">${this.statusLabel(o.status)}</span></h2>
      <div class="muted">${this.storeNames[o.storeId] ?? o.storeId} · ${o.channel} · v${o.version}</div>
      <dl>
        <dt>Customer</dt><dd>${o.customer.name}${o.customer.phone ? html` · ${o.customer.phone}` : nothing}</dd>
        <dt>Items</dt><dd>${o.lines.map((l) => `${l.name} ×${l.quantity.ordered - l.quantity.rejected}`).join(', ')}</dd>
        <dt>Total</dt><dd>${formatMoney(o.totals.total)}</dd>
        <dt>Paid</dt><dd>${formatMoney(o.totals.paid)}</dd>
        <dt>Outstanding</dt><dd>${formatMoney(o.totals.outstanding)}</dd>
        <dt>Shipments</dt><dd>${o.shipments.map((s) => `${s.courier.name} (${s.status})`).join(', ') || '—'}</dd>
      </dl>
      <div class="actions" aria-label="Actions">
        ${actions.map(
          (a) => html`<button ?disabled=${!!busy} ?data-destructive=${a.destructive} @click=${() => this.run(store, o, a.key)}>
            ${resolveText(a.label)}
          </button>`,
        )}
      </div>
      ${errors.map(
        (e) => html`<p class="error" role="alert">${e.error.message}
          <button @click=${() => store.dismissError(e.id)}>Dismiss</button></p>`,
      )}
      <ol class="timeline">
        ${[...o.timeline].reverse().map(
          (e) => html`<li>${formatDateTime(e.at, { style: 'short' })} — ${e.actor.name}:
            ${e.from || e.to ? `${e.from ? this.statusLabel(e.from) : ''} → ${e.to ? this.statusLabel(e.to) : ''} ` : ''}${e.message ?? ''}</li>`,
        )}
      </ol>
    </aside>`;
  }

  private statusLabel(key: string): string {
    const s = this.activeStore?.workflow.statuses.find((x) => x.key === key);
    return s ? resolveText(s.label) : key;
  }

  /** The demo asks for the few inputs an action needs with simple prompts; real dialogs come later. */
  private async run(store: OrderStore, o: Order, key: string): Promise<void> {
    const action = store.workflow.actions.find((a) => a.key === key);
    if (!action) return;
    const input: Record<string, unknown> = {};
    const ask = (field: string, question: string, fallback = ''): boolean => {
      const answer = prompt(question, fallback);
      if (answer === null) return false;
      input[field] = answer;
      return true;
    };
    const op = action.operation;
    const needs = new Set(action.required ?? []);
    if (op === 'record-payment') input.method = o.paymentMethod ?? store.workflow.paymentMethods[0] ?? 'cash';
    if ((op === 'cancel' || op === 'refund' || (op === 'confirm-stock' && action.fixed?.mode === 'none')) && !ask('reason', 'Reason?')) return;
    if (op === 'refund') input.amount = { ...o.totals.paid, amount: o.totals.paid.amount - o.totals.refunded.amount };
    if (op === 'confirm-stock' && action.fixed?.mode === 'some') {
      input.lines = o.lines.map((l, i) => ({ lineId: l.id, accepted: i === o.lines.length - 1 ? 0 : l.quantity.ordered }));
    }
    if ((op === 'create-shipment' || op === 'mark-shipped' || needs.has('courier')) && !input.courier) {
      input.courier = store.workflow.couriers[0]?.code;
    }
    if (needs.has('trackingNumber') && !ask('trackingNumber', 'Tracking number?', `TRK${Date.now() % 1e8}`)) return;
    if (op === 'add-note' && !ask('text', 'Note?')) return;
    if (op === 'set-status' && !action.to) {
      const keys = store.workflow.statuses.map((s) => s.key).filter((k) => k !== o.status);
      if (!ask('status', `New status (${keys.join(', ')})?`, keys[0])) return;
    }
    if (op === 'assign') input.agent = { id: 'agent-demo', name: 'Demo Agent' };
    if (op === 'record-expense') {
      input.label = 'Fuel';
      input.amount = { amount: 500 * 10 ** 0, currency: o.currency };
    }
    try {
      await store.runAction(o.id, key, input);
    } catch (e) {
      if (!isOrderApiError(e)) console.error(e);
    }
  }
}

defineElement('demo-order-list', DemoOrderList);

declare global {
  interface HTMLElementTagNameMap {
    'demo-order-list': DemoOrderList;
  }
}
