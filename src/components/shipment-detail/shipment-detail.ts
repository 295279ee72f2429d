/**
 * `<shipment-detail>`: one shipment in a modal dialog (seed 002, "Open shipment details → Enter
 * tracking number → Select courier → Save"), opened from the shipments view and from the order. The
 * tracking is changed through the workflow's `update-tracking` action with `<order-action-dialog>`'s
 * own form, run by the store (optimistic, rolled back on failure). No side effects: registration
 * lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { BehaviorSubject, of, switchMap } from 'rxjs';
import { isOrderApiError, type OrderApiError } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import type { Order, Shipment } from '../../model/types.js';
import { StoreController } from '../../state/store-controller.js';
import { toApiError } from '../../state/errors.js';
import type { OrderStore } from '../../state/types.js';
import type { ActionSubmitEvent } from '../order-action-dialog/events.js';
import type { OrderActionDialog } from '../order-action-dialog/order-action-dialog.js';
import { canEdit, describeFailure, trackingAction, type SaveFailure } from '../order-shipments/tracking-edit.js';
import { courierLabel, shipmentStatusLabel, shipmentStatusTone } from '../shared/order-labels.js';
import { httpUrl } from '../shared/safe-links.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './shipment-detail.styles.js';

/**
 * The detail of one shipment of one order: courier, status, tracking number, the customer-facing
 * tracking link (a link only for http/https URLs; anything else is shown as text), air waybill,
 * scheduled date, self-delivery agent, the lines in it, and the courier's events with their dates
 * (in `time-zone`).
 *
 * Set `order-id` and `shipment-id` (and a store, from context or `.store`), then call `show()`.
 * Where the workflow offers its `update-tracking` action to this viewer on this order now, **Edit
 * tracking** opens `<order-action-dialog>` on that action with this shipment's tracking number, link
 * and courier filled in (a courier outside the list is "Others" with its name as free text). Saving
 * runs the action through the store: the detail shows the new values at once, and if the backend
 * refuses or the network fails, the old ones come back and the reason is shown with what was typed
 * (and Retry where that can help). `<order-action-dialog>` must be registered (this element's
 * define.ts does it).
 *
 * @tag shipment-detail
 * @summary One shipment in a dialog: lines, events, dates, agent and tracking link, with tracking edits.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading (courier and order number).
 * @csspart status-badge - The shipment's status.
 * @csspart body - The scrolling content.
 * @csspart tracking-number - The tracking number.
 * @csspart tracking-link - The customer-facing tracking link (http/https only).
 * @csspart tracking-text - A tracking URL that is not http/https, shown as text.
 * @csspart lines - The list of lines in the shipment.
 * @csspart events - The list of courier events.
 * @csspart event - One event.
 * @csspart failure - A failed tracking save: what happened, what was typed, Retry.
 * @csspart footer - The buttons.
 * @csspart edit-button - Edit tracking.
 * @csspart close-button - Close.
 *
 * @cssprop --od-shipment-detail-width - Width of the dialog (default `min(40rem, 100vw - 2rem)`).
 */
export class ShipmentDetail extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly orderId$ = new BehaviorSubject<string>('');
  private readonly order = new StoreController(this, (store) => this.orderId$.pipe(switchMap((id) => (id ? store.order$(id) : of(undefined)))));

  @query('dialog') private dialogEl!: HTMLDialogElement | null;
  @query('order-action-dialog') private actionDialog!: OrderActionDialog | null;

  @state() private failure: SaveFailure | undefined;
  /** Content is rendered only while open: a closed detail adds nothing to its host's tree. */
  @state() private isOpen = false;
  @state() private announcement = '';

  /** A store made elsewhere; wins over the one provided by `<order-admin>` / `<order-provider>`. */
  @property({ attribute: false }) store: OrderStore | undefined;

  /** The order the shipment belongs to. */
  @property({ attribute: 'order-id' }) orderId = '';

  /** The shipment to show. */
  @property({ attribute: 'shipment-id' }) shipmentId = '';

  /** IANA time zone for dates (the shop's); the browser's when empty. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** True while the dialog is open. */
  get open(): boolean {
    return this.dialogEl?.open ?? false;
  }

  /** Opens the dialog (modal). */
  async show(): Promise<void> {
    this.failure = undefined;
    this.announcement = '';
    this.isOpen = true;
    await this.updateComplete;
    const dialog = this.dialogEl;
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Closes the dialog; focus goes back to where it was. */
  close(): void {
    this.dialogEl?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orderId') && this.orderId$.getValue() !== this.orderId) this.orderId$.next(this.orderId);
    if (changed.has('shipmentId') || changed.has('orderId')) this.failure = undefined;
  }

  protected override render(): TemplateResult {
    void this.locale;
    if (!this.isOpen) return html`<dialog part="dialog" aria-label=${msg('Shipment details')}></dialog>`;
    const order = this.order.value;
    const shipment = order?.shipments.find((s) => s.id === this.shipmentId);
    const title = shipment && order ? msg(str`${courierLabel(shipment.courier)} · order ${order.number}`) : msg('Shipment details');
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose}>
      <div class="head">
        <h2 id="title" part="title">${title}</h2>
        ${shipment
          ? html`<span class="badge tone-${shipmentStatusTone(shipment.status)}" part="status-badge"
              ><span class="visually-hidden">${msg('Shipment status:')} </span>${shipmentStatusLabel(shipment.status)}</span
            >`
          : nothing}
      </div>
      <div class="body" part="body">
        ${order && shipment ? this.renderBody(order, shipment) : html`<p role="status">${order ? msg('This shipment no longer exists.') : msg('Loading…', { id: 'shipment-detail.loading' })}</p>`}
        ${this.failure ? this.renderFailure(this.failure) : nothing}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </div>
      <div class="footer" part="footer">
        ${order && shipment && this.editable(order, shipment)
          ? html`<button type="button" class="button primary" part="edit-button" @click=${() => void this.edit()}>${msg('Edit tracking')}</button>`
          : nothing}
        <button type="button" class="button" part="close-button" @click=${() => this.close()}>${msg('Close', { id: 'shipment-detail.close' })}</button>
      </div>
      ${order && this.order.store
        ? html`<order-action-dialog
            .order=${order}
            .workflow=${this.order.store.workflow}
            .viewer=${this.order.store.viewer}
            time-zone=${this.timeZone}
            action-key=${trackingAction(this.order.store.workflow)?.key ?? ''}
            @action-submit=${this.onSubmit}
          ></order-action-dialog>`
        : nothing}
    </dialog>`;
  }

  private renderBody(order: Order, s: Shipment): TemplateResult {
    const names = new Map(order.lines.map((l) => [l.id, l.name]));
    const link = httpUrl(s.trackingUrl);
    const events = [...s.events].reverse();
    return html`<dl class="pairs">
        <div><dt>${msg('Courier')}</dt><dd>${courierLabel(s.courier)}</dd></div>
        <div>
          <dt>${msg('Tracking number')}</dt>
          <dd>${s.trackingNumber ? html`<span class="mono" part="tracking-number">${s.trackingNumber}</span>` : html`<span class="muted">${msg('No tracking number')}</span>`}</dd>
        </div>
        <div>
          <dt>${msg('Customer tracking link')}</dt>
          <dd>
            ${link
              ? html`<a part="tracking-link" href=${link} target="_blank" rel="noopener noreferrer"
                  >${msg('Track the parcel')}<span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
                >`
              : s.trackingUrl
                ? html`<span class="mono" part="tracking-text">${s.trackingUrl}</span>`
                : html`<span class="muted">${msg('None', { id: 'shipment-detail.none' })}</span>`}
          </dd>
        </div>
        ${s.airWaybill ? html`<div><dt>${msg('Air waybill')}</dt><dd class="mono">${s.airWaybill}</dd></div>` : nothing}
        <div><dt>${msg('Created', { id: 'shipment-detail.created' })}</dt><dd>${this.when(s.createdAt)}</dd></div>
        <div><dt>${msg('Scheduled')}</dt><dd>${s.scheduledAt ? this.when(s.scheduledAt) : html`<span class="muted">${msg('Not scheduled')}</span>`}</dd></div>
        ${s.selfDeliveryAgent ? html`<div><dt>${msg('Delivered by')}</dt><dd>${s.selfDeliveryAgent.name}</dd></div>` : nothing}
      </dl>
      <h3 id="lines-title">${msg('Items', { id: 'ledger.items', desc: 'Which lines and quantities' })}</h3>
      <ul part="lines" aria-labelledby="lines-title">
        ${s.lines.map((l) => html`<li><span>${names.get(l.lineId) ?? l.lineId}</span> <span class="num">×${l.quantity}</span></li>`)}
      </ul>
      <h3 id="events-title">${msg('Courier history')}</h3>
      ${events.length
        ? html`<ol part="events" aria-labelledby="events-title">
            ${events.map(
              (e) => html`<li part="event">
                <span class="event-status">${shipmentStatusLabel(e.status)}</span>
                <span class="muted">${this.when(e.at)}</span>
                ${e.note ? html`<div class="note">${e.note}</div>` : nothing}
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${msg('No courier events yet.')}</p>`}`;
  }

  private renderFailure(f: SaveFailure): TemplateResult {
    return html`<div part="failure" class="failure" role="alert">
      <strong>${f.title}</strong>
      <p>${f.message}</p>
      ${f.value ? html`<p>${msg('You typed:')} <span class="mono">${f.value}</span></p>` : nothing}
      ${f.retry ? html`<button type="button" class="button" @click=${() => void this.retry(f)}>${msg('Retry', { id: 'shipment-detail.retry' })}</button>` : nothing}
    </div>`;
  }

  private when(at: string): TemplateResult {
    return html`<time datetime=${at}>${formatDateTime(at, this.timeZone ? { timeZone: this.timeZone } : {})}</time>`;
  }

  private editable(order: Order, s: Shipment): boolean {
    const store = this.order.store;
    if (!store) return false;
    return canEdit(store.workflow, store.viewer, { orderId: order.id, orderNumber: order.number, storeId: order.storeId, shipment: s }, order);
  }

  private async edit(): Promise<void> {
    this.failure = undefined;
    await this.updateComplete;
    await this.actionDialog?.show({ shipmentId: this.shipmentId });
  }

  private readonly onSubmit = (e: ActionSubmitEvent): void => {
    // This element runs it: hosts above need not (and must not run it twice).
    e.stopPropagation();
    const store = this.order.store;
    if (!store) return;
    const { orderId, action, input } = e.detail;
    const tracking = (input as { trackingNumber?: unknown }).trackingNumber;
    const typed = typeof tracking === 'string' ? tracking : '';
    this.announcement = '';
    store.runAction(orderId, action, input).then(
      () => {
        this.announcement = msg('Tracking saved.');
      },
      (error: unknown) => {
        const apiError: OrderApiError = isOrderApiError(error) ? error : toApiError(error);
        const entry = store.snapshot.errors.find((x) => x.orderId === orderId && x.action === action && x.error === apiError);
        this.failure = describeFailure(apiError, typed, entry?.retry);
      },
    );
  };

  private async retry(f: SaveFailure): Promise<void> {
    this.failure = undefined;
    try {
      await f.retry?.();
      this.announcement = msg('Tracking saved.');
    } catch (error) {
      this.failure = describeFailure(toApiError(error), f.value, undefined);
    }
  }

  private readonly onClose = (e: Event): void => {
    // Only this dialog's own close (the inner action dialog's close event does not concern it).
    if (e.target !== this.dialogEl) return;
    this.failure = undefined;
    this.isOpen = false;
  };
}
