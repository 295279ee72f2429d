/**
 * `<order-detail>`: one order — header with the actions the workflow allows this viewer now, customer
 * and addresses, lines, money, payments, shipments, refunds, expenses, accounting, requests and the
 * timeline with notes — and the dialogs that run its actions. No side effects: registration lives in
 * `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { BehaviorSubject, of, switchMap } from 'rxjs';
import { isOrderApiError, type OrderApiError } from '../../api/types.js';
import { localeChanges } from '../../i18n/localize.js';
import type { Order, Person, Store } from '../../model/types.js';
import { availableActions, canOffer } from '../../model/workflow/engine.js';
import type { ActionDef, ActionInput, WorkflowDefinition } from '../../model/workflow/types.js';
import { adoptStores } from '../../state/time-zone.js';
import { hasToastRegion } from '../shared/toast-presence.js';
import { StoreController } from '../../state/store-controller.js';
import { editableFields } from '../../model/edit.js';
import { can } from '../../model/permissions.js';
import { OrderEditRequestEvent } from '../shared/order-edit-event.js';
import type { OrderStore, StoreError } from '../../state/types.js';
import {
  dialogShape,
  formField,
  type ActionSubmitEvent,
  type DialogDraft,
  type OrderActionDialog,
  type ShowOptions,
} from '../order-action-dialog/order-action-dialog.js';
import { DismissController } from '../shared/dismiss-controller.js';
import { chevronDownIcon, pencilIcon } from '../shared/icons.js';
import { actionLabel, errorKindLabel } from '../shared/order-labels.js';
import { tokens } from '../shared/tokens.js';
import { OrderActionEvent, OrderActionRequestEvent } from './events.js';
import type { DetailContext } from './parts/context.js';
import { renderCustomer } from './parts/customer.js';
import { renderHeader } from './parts/header.js';
import { renderLines } from './parts/lines.js';
import { renderMoney } from './parts/money.js';
import { renderPayments } from './parts/payments.js';
import { renderPosting } from './parts/posting.js';
import { renderProblems, type Intent, type ProblemHandlers } from './parts/problems.js';
import { renderExpenses, renderRefunds } from './parts/refunds.js';
import { renderRequests } from './parts/requests.js';
import { renderShipments } from './parts/shipments.js';
import { renderTimeline, type NoteForm } from './parts/timeline.js';
import { styles } from './order-detail.styles.js';

export type { OrderActionDetail, OrderActionRequestDetail } from './events.js';
export { OrderActionEvent, OrderActionRequestEvent } from './events.js';

const DEFAULT_MAX_ACTIONS = 3;
/** Below this width (px) the detail switches to one column with compact lines. */
const NARROW_BELOW = 640;

/**
 * One order and everything that can be done with it now.
 *
 * Reads the order with `store.order$(orderId)` from the store in context (`<order-provider>`,
 * `<order-admin>`) or the `store` property, and shows loading, not-found and error states (with
 * Retry). Everything follows the store: an action shows its optimistic result at once, a courier's
 * progress arrives as it happens, and a failure rolls back exactly.
 *
 * **Actions.** The header offers exactly `availableActions(workflow, order, viewer)`: never a button
 * the workflow would refuse for permission, scope or status. The first non-destructive one is the
 * primary button; destructive ones are drawn as such; beyond `max-actions` buttons the rest move to a
 * "More actions" menu. Actions that need input open `<order-action-dialog>` (stock confirmation with
 * live totals, payment, refund, cancellation, shipping, assignment, status…); the others run at once,
 * destructive ones after a confirmation. Before any action runs, `order-action-request` is fired: a
 * host can veto it with `preventDefault()`. After the backend accepted it, `order-action` is fired.
 * Notes are added from the timeline's form (the workflow's add-note action).
 *
 * **Failures.** A failed action shows what kind of failure it was (refused by the workflow, conflict,
 * forbidden, network…) with Retry where the store offers it (same idempotency key: never applied
 * twice). A refusal about one field opens the dialog again with the message next to that field. A
 * conflict (someone else changed the order) shows what changed — status, version, when, by whom — and
 * "Reload and redo", which opens the same dialog with the same input against the newer order.
 *
 * **Focus.** Dialogs are modal (focus stays inside, Escape closes) and give focus back to the button
 * that opened them; when that button is gone (the order moved on), focus goes to the order's heading.
 *
 * Order data is rendered as text only; tracking links only for http(s) URLs; phone and e-mail links
 * are built from the digits / a plausible address only.
 *
 * @tag order-detail
 * @summary One order with its lifecycle actions, money, shipments and timeline.
 *
 * @csspart edit-button - "Edit order" (the pencil), after the workflow's actions.
 * @fires {OrderEditRequestEvent} order-edit-request - The person pressed "Edit order" (shown with
 *   `orders.edit` while the workflow lets the order change); `detail` is `{ orderId }`.
 * @fires {PrintRequestEvent} order-print-request - From the Print menu: `{ document, orderIds: [id] }` for this order;
 *   `<order-admin>` opens the print preview.
 * @csspart print-menu - The Print menu (`<print-menu>`); its parts are re-exported as `print-button`, `print-menu-list`, `print-menu-item`.
 * @fires {OrderActionRequestEvent} order-action-request - Before an action runs; `detail` is
 *   `{ orderId, action, input }`. Cancelable: `preventDefault()` stops it (nothing is sent).
 * @fires {OrderActionEvent} order-action - After the backend accepted an action started here;
 *   `detail` is `{ orderId, action, order }`.
 *
 * @csspart header - The order's header (title, badges, meta, tags, actions).
 * @csspart title - The order number heading.
 * @csspart badges - The row of status badges; each is a `badge` with `status-badge`, `payment-badge`, `fulfillment-badge`, `archived-badge` or `deleted-badge`.
 * @csspart badge - Every badge (status, payment, shipment, posting…).
 * @csspart meta - Channel, store and dates.
 * @csspart tags - The order's tags; `tag` each tag.
 * @csspart actions - The action bar.
 * @csspart action-button - Every action button; with `primary`, `secondary` or `destructive`.
 * @csspart more-button - The "More actions" menu button.
 * @csspart menu - The overflow menu; `menu-item` its items (`destructive` for destructive ones).
 * @csspart busy - "Saving…", shown while an action on the order is in flight.
 * @csspart announcement - Status messages (done, copied).
 * @csspart errors - The list of failed actions.
 * @csspart section - Every section card; each also has its own name: `customer`, `lines-section`, `totals-section`, `payments`, `shipments`, `refunds`, `expenses`, `posting`, `requests`, `timeline-section`.
 * @csspart lines - The lines table; `line` each row (`rejected-line` when nothing of it is supplied).
 * @csspart totals - The financial breakdown; `total-row` each row, plus `total-<key>` (`total-outstanding`…).
 * @csspart timeline - The timeline list; `timeline-entry` each entry.
 * @csspart note-form - The add-note form.
 * @csspart dialog - The action dialog (`<dialog>`); its pieces are exported as `dialog-title`, `dialog-body`, `dialog-footer`, `dialog-preview`, `dialog-field`, `dialog-input`, `dialog-button`.
 * @csspart ledger - The payments, refunds and expenses tables; `ledger-row` their rows.
 * @csspart shipment-details-button - A shipment's Details button: opens `<shipment-detail>`.
 * @csspart shipment - One shipment; `shipment-status` its badge, `tracking-number`, `tracking-link` (http/https only) or `tracking-text`, `shipment-events` its courier history.
 * @csspart copy-button - The buttons that copy a phone number, e-mail, address or tracking number.
 * @csspart error - A failed action (`error conflict` for a conflict); `retry-button`, `redo-button`, `dismiss-button` its buttons.
 * @csspart status-description - The workflow's description of the current status.
 * @csspart loading - The loading state.
 * @csspart error-state - The not-found / failed-to-load state.
 * @csspart empty-state - Shown without a store or without an order id.
 *
 * @cssprop --od-order-detail-side-width - Width of the side column (money, customer) in the two-column layout (default `20rem`).
 * @cssprop --od-order-detail-gap - Space between sections.
 * @cssprop --od-order-detail-card-background - Background of the section cards.
 * @cssprop --od-order-detail-card-padding - Padding of the section cards.
 */
export class OrderDetail extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly orderId$ = new BehaviorSubject<string>('');
  private readonly order = new StoreController(this, (store) =>
    this.orderId$.pipe(switchMap((id) => (id ? store.order$(id) : of(undefined)))),
  );
  private readonly errors = new StoreController(this, (store) => store.errors$);
  private readonly timeZone$ = new StoreController(this, (store) => store.timeZone$);
  private readonly inFlight = new StoreController(this, (store) => store.inFlight$);
  private readonly dismiss = new DismissController(
    this,
    () => this.closeMenu(false),
    () => [this.renderRoot.querySelector('[part~="menu"]'), this.renderRoot.querySelector('[part~="more-button"]')],
  );

  @query('order-action-dialog') private dialog!: OrderActionDialog | null;

  @state() private dialogAction = '';
  @state() private menuOpen = false;
  @state() private announcement = '';
  @state() private noteText = '';
  @state() private noteError: string | undefined;
  /** One column with compact lines, when the element itself is narrow (a phone, a side panel). */
  @state() private narrow = false;
  private resizeObserver: ResizeObserver | undefined;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The element that opened the current dialog or ran the current action. */
  private invoker: HTMLElement | undefined;
  /** What the person was doing when an action failed (by the error the store reports). */
  private readonly intents = new WeakMap<OrderApiError, Intent>();

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The id of the order to show. */
  @property({ attribute: 'order-id' }) orderId = '';

  /** The merchant's stores, for the store name and time zone (dates are shown in the store's zone). */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** People to choose from when assigning a CSR or a delivery agent (any name can be typed too). */
  @property({ attribute: false }) people: readonly Person[] = [];

  /** How many action buttons show before the rest move to the "More actions" menu (default 3). */
  @property({ type: Number, attribute: 'max-actions' }) maxActions = DEFAULT_MAX_ACTIONS;

  protected override willUpdate(changed: PropertyValues<this>): void {
    adoptStores(this.order.store, this.stores);
    if (changed.has('orderId') && this.orderId$.getValue() !== this.orderId) {
      this.menuOpen = false;
      this.orderId$.next(this.orderId ?? '');
    }
    if (changed.has('maxActions') && (!Number.isInteger(this.maxActions) || this.maxActions < 1)) {
      console.warn(`orderdeck: <order-detail> max-actions must be a whole number ≥ 1, got "${this.maxActions}"; using ${DEFAULT_MAX_ACTIONS}.`);
      this.maxActions = DEFAULT_MAX_ACTIONS;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The element's own width decides the layout, wherever the host puts it: measured now (before
    // rendering), then followed by the observer (which a page in the background does not run).
    const width = this.getBoundingClientRect().width;
    if (width > 0) this.narrow = width < NARROW_BELOW;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      const narrow = width > 0 && width < NARROW_BELOW;
      if (narrow === this.narrow) return;
      // Next task: re-rendering inside the observer's callback would loop it (and a background page runs no frames).
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => (this.narrow = narrow));
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.menuOpen = false;
    this.resizeObserver?.disconnect();
    clearTimeout(this.resizeTimer);
  }

  /** The order shown (optimistic while an action is in flight), once loaded. */
  get currentOrder(): Order | undefined {
    return this.order.value;
  }

  protected override render(): unknown {
    const store = this.order.store;
    if (!store) return html`<p part="empty-state">${msg('No order store is connected.')}</p>`;
    if (!this.orderId) return html`<p part="empty-state">${msg('No order selected.')}</p>`;
    const order = this.order.value;
    if (!order) return this.renderLoading();
    const ctx: DetailContext = {
      order,
      workflow: store.workflow,
      shop: this.stores.find((s) => s.id === order.storeId),
      timeZone: this.timeZone$.value ?? store.timeZone,
      copy: this.copy,
      ...(customElements.get('shipment-detail') && { openShipment: this.openShipment }),
    };
    const errors = (this.errors.value ?? []).filter((e) => e.orderId === order.id && e.kind === 'action');
    const workflow = store.workflow;
    const showExpenses = order.expenses.length > 0 || workflow.actions.some((a) => a.operation === 'record-expense');
    const showPosting = order.posting !== undefined || workflow.actions.some((a) => a.operation === 'post-accounting');
    void this.locale.locale;
    return html`
      ${renderHeader(ctx, this.renderActions(order, store))}
      <p class="announcement" part="announcement" role="status">${this.announcement}</p>
      ${renderProblems(ctx, errors, this.problemHandlers)}
      ${this.narrow
        ? html`<div class="layout narrow">
            ${renderRequests(ctx)} ${renderLines(ctx, true)} ${renderMoney(ctx)} ${renderCustomer(ctx)}
            ${renderShipments(ctx)} ${renderPayments(ctx)} ${order.refunds.length ? renderRefunds(ctx) : nothing}
            ${showExpenses ? renderExpenses(ctx) : nothing} ${showPosting ? renderPosting(ctx) : nothing}
            ${renderTimeline(ctx, this.noteForm(order, store))}
          </div>`
        : html`<div class="layout">
            <div class="main">
              ${renderRequests(ctx)} ${renderLines(ctx)} ${renderShipments(ctx)} ${renderPayments(ctx)}
              ${order.refunds.length ? renderRefunds(ctx) : nothing} ${showExpenses ? renderExpenses(ctx) : nothing}
              ${renderTimeline(ctx, this.noteForm(order, store))}
            </div>
            <aside class="side" aria-label=${msg('Order summary')}>
              ${renderMoney(ctx)} ${renderCustomer(ctx)} ${showPosting ? renderPosting(ctx) : nothing}
            </aside>
          </div>`}
      <order-action-dialog
        exportparts="dialog, title: dialog-title, body: dialog-body, footer: dialog-footer, preview: dialog-preview, field: dialog-field, input: dialog-input, button: dialog-button"
        action-key=${this.dialogAction}
        .order=${order}
        .workflow=${workflow}
        .viewer=${store.viewer}
        .people=${this.people}
        time-zone=${ctx.timeZone}
        @action-submit=${this.onActionSubmit}
        @dialog-close=${this.onDialogClose}
      ></order-action-dialog>
      <shipment-detail .store=${this.store} order-id=${order.id} time-zone=${ctx.shop?.timeZone ?? ''}></shipment-detail>
    `;
  }

  /** Opens `<shipment-detail>` on one shipment of this order (tracking number, courier and link edits). */
  private readonly openShipment = (shipmentId: string): void => {
    const detail = this.renderRoot.querySelector('shipment-detail');
    if (!detail) return;
    detail.shipmentId = shipmentId;
    void detail.show();
  };

  private renderLoading(): TemplateResult {
    const failed = (this.errors.value ?? []).find((e) => e.kind === 'load' && e.orderId === this.orderId);
    if (!failed) {
      return html`<div class="state" part="loading" role="status">${msg('Loading the order…')}</div>`;
    }
    const code = failed.error.code;
    const title =
      code === 'not-found'
        ? msg('Order not found')
        : code === 'forbidden'
          ? msg('You cannot open this order')
          : msg('The order could not be loaded');
    const text =
      code === 'not-found'
        ? msg('It may have been deleted, or the link is wrong.')
        : code === 'forbidden'
          ? msg('It belongs to a store you are not assigned to.')
          : `${errorKindLabel(code)}: ${failed.error.message}`;
    return html`<div class="state" part="error-state" role="alert">
      <h2>${title}</h2>
      <p>${text}</p>
      ${code === 'forbidden'
        ? nothing
        : html`<button type="button" part="button retry-button" class="primary" @click=${() => this.retryLoad(failed)}>
            ${msg('Retry', { desc: 'Button: try a failed request again' })}
          </button>`}
    </div>`;
  }

  private renderActions(order: Order, store: OrderStore): TemplateResult {
    // Forward actions first (the first is the primary one), destructive ones last; workflow order within.
    const offered = availableActions(store.workflow, order, store.viewer).filter((a) => a.operation !== 'add-note' && a.operation !== 'record-print');
    const actions = [...offered.filter((a) => !a.destructive), ...offered.filter((a) => a.destructive)];
    const busy = this.inFlight.value?.has(order.id) ?? false;
    const primary = actions.find((a) => !a.destructive);
    const inline = actions.length <= this.maxActions + 1 ? actions : this.pickInline(actions);
    const overflow = actions.filter((a) => !inline.includes(a));
    const kind = (a: ActionDef): string => (a.destructive ? 'destructive' : a === primary ? 'primary' : 'secondary');
    const editable = can(store.viewer, 'orders.edit') && store.api.capabilities.orderEntry !== false && !editableFields(order, store.workflow).readOnly;
    const print = html`<print-menu part="print-menu" exportparts="button: print-button, menu: print-menu-list, menu-item: print-menu-item" .target=${() => ({ orderIds: [order.id] })}></print-menu>`;
    if (actions.length === 0 && !busy && !editable) return html`<div part="actions" class="actions" role="group" aria-label=${msg('Order actions')}>${print}</div>`;
    return html`<div part="actions" class="actions" role="group" aria-label=${msg('Order actions')}>

      ${repeat(
        inline,
        (a) => a.key,
        (a) => html`<button
          type="button"
          part=${`action-button ${kind(a)}`}
          class=${kind(a)}
          data-action=${a.key}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${(event: Event) => this.invoke(a, event.currentTarget as HTMLElement)}
        >
          ${actionLabel(store.workflow, a.key)}
        </button>`,
      )}
      ${overflow.length ? this.renderMenu(overflow, store.workflow, busy) : nothing}
      ${editable
        ? html`<button type="button" part="edit-button" class="secondary edit" @click=${() => this.requestEdit(order.id)}>
            ${pencilIcon()} ${msg('Edit order')}
          </button>`
        : nothing}
      ${print}
      ${busy ? html`<span class="busy" part="busy" role="status">${msg('Saving…')}</span>` : nothing}
    </div>`;
  }

  private requestEdit(orderId: string): void {
    // Made first, then dispatched: the manifest analyzer reads `dispatchEvent(new X(arg))` as an event named after `arg`.
    const request = new OrderEditRequestEvent(orderId);
    this.dispatchEvent(request);
  }

  /** The buttons that stay in the bar: the first non-destructive actions, in workflow order. */
  private pickInline(actions: readonly ActionDef[]): ActionDef[] {
    return actions.filter((a) => !a.destructive).slice(0, this.maxActions);
  }

  private renderMenu(actions: readonly ActionDef[], workflow: WorkflowDefinition, busy: boolean): TemplateResult {
    return html`<div class="menu-wrap">
      <button
        type="button"
        part="action-button more-button"
        class="secondary more"
        aria-haspopup="menu"
        aria-expanded=${this.menuOpen ? 'true' : 'false'}
        aria-controls="more-menu"
        @click=${() => (this.menuOpen ? this.closeMenu(true) : this.openMenu('first'))}
        @keydown=${this.onMoreKeyDown}
      >
        ${msg('More actions')} ${chevronDownIcon()}
      </button>
      <div id="more-menu" part="menu" role="menu" aria-label=${msg('More actions')} ?hidden=${!this.menuOpen} @keydown=${this.onMenuKeyDown}>
        ${repeat(
          actions,
          (a) => a.key,
          (a) => html`<button
            type="button"
            role="menuitem"
            tabindex="-1"
            part=${a.destructive ? 'menu-item destructive' : 'menu-item'}
            class=${a.destructive ? 'destructive' : ''}
            data-action=${a.key}
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => this.invoke(a, this.moreButton ?? undefined)}
          >
            ${actionLabel(workflow, a.key)}
          </button>`,
        )}
      </div>
    </div>`;
  }

  private noteForm(order: Order, store: OrderStore): NoteForm | undefined {
    const action = store.workflow.actions.find(
      (a) => a.operation === 'add-note' && canOffer(store.workflow, order, store.viewer, a.key),
    );
    if (!action) return undefined;
    return {
      text: this.noteText,
      error: this.noteError,
      disabled: false,
      onInput: (text) => {
        this.noteText = text;
        if (this.noteError) this.noteError = undefined;
      },
      onSubmit: (event) => {
        event.preventDefault();
        void this.addNote(action);
      },
    };
  }

  // ── Running actions ────────────────────────────────────────────────────────────────────────────

  private get moreButton(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="more-button"]');
  }

  /** A click on an action: open its dialog, or run it at once. */
  private invoke(action: ActionDef, invoker: HTMLElement | undefined): void {
    const order = this.order.value;
    const store = this.order.store;
    if (!order || !store || store.snapshot.inFlight.has(order.id)) return;
    this.closeMenu(false);
    this.invoker = invoker;
    if (dialogShape(action)) void this.openDialog(action.key, {});
    else void this.run(action.key, {}, order, false);
  }

  private async openDialog(actionKey: string, options: ShowOptions): Promise<void> {
    this.dialogAction = actionKey;
    await this.updateComplete;
    await this.dialog?.show(options);
  }

  /**
   * Fires `order-action-request`, then runs the action through the store (optimistic at once),
   * then fires `order-action`. A failure stays in the store's errors and is shown here; a refusal
   * about a field re-opens the dialog with the message next to the field.
   */
  private async run(actionKey: string, input: ActionInput, base: Order, fromDialog: boolean, draft?: DialogDraft): Promise<boolean> {
    const store = this.order.store;
    if (!store) return false;
    const request = new OrderActionRequestEvent({ orderId: base.id, action: actionKey, input });
    this.dispatchEvent(request);
    if (request.defaultPrevented) return false;
    const label = actionLabel(store.workflow, actionKey);
    const running = store.runAction(base.id, actionKey, input);
    // The optimistic change may remove the button that was pressed: keep keyboard focus in the detail.
    if (!fromDialog) void this.updateComplete.then(() => this.keepFocus());
    try {
      const order = await running;
      // With an <order-toasts> on the store, the toast confirms it (once, for screen readers too).
      if (!hasToastRegion(store)) this.announce(msg(str`${label}: done.`));
      this.succeeded(base.id, actionKey, order);
      return true;
    } catch (thrown) {
      if (!isOrderApiError(thrown)) throw thrown;
      this.intents.set(thrown, { action: actionKey, input, base, ...(draft && { draft }) });
      // The store listed the error before this promise rejected: show it again with what was intended.
      this.requestUpdate();
      this.announce(''); // the error card (role=alert) says what went wrong
      this.reopenForField(actionKey, thrown, draft);
      return false;
    }
  }

  /** Fires `order-action` for an action the person started here. */
  private succeeded(orderId: string, action: string, order: Order): void {
    const done = new OrderActionEvent({ orderId, action, order });
    this.dispatchEvent(done);
  }

  /** A refusal that names a field of the dialog's form goes back into the dialog, next to the field. */
  private reopenForField(actionKey: string, error: OrderApiError, draft: DialogDraft | undefined): void {
    const store = this.order.store;
    const action = store?.workflow.actions.find((a) => a.key === actionKey);
    if (!store || !action || !dialogShape(action)) return;
    const onField = error.refusal?.field ? formField(error.refusal.field) : error.fields?.some((f) => formField(f.field));
    if (!onField || error.code === 'conflict') return;
    const entry = store.snapshot.errors.find((e) => e.error === error);
    if (entry) store.dismissError(entry.id);
    void this.openDialog(actionKey, {
      keep: true,
      ...(draft && { draft }),
      ...(error.refusal ? { refusal: error.refusal } : { problems: error.fields ?? [] }),
    });
  }

  private async addNote(action: ActionDef): Promise<void> {
    const order = this.order.value;
    const text = this.noteText.trim();
    if (!order) return;
    if (!text) {
      this.noteError = msg('Write the note first.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#note-text')?.focus();
      return;
    }
    this.invoker = this.renderRoot.querySelector<HTMLElement>('[part~="note-button"]') ?? undefined;
    if (await this.run(action.key, { text }, order, false)) this.noteText = '';
  }

  private onActionSubmit = (event: ActionSubmitEvent): void => {
    event.stopPropagation();
    const order = this.order.value;
    if (!order || order.id !== event.detail.orderId) return;
    void this.run(event.detail.action, event.detail.input, order, true, this.dialog?.snapshot());
  };

  private onDialogClose = (event: Event): void => {
    event.stopPropagation();
    void this.updateComplete.then(() => this.restoreFocus());
  };

  /** After a dialog: back to the button that opened it, or the heading when that button is gone. */
  private restoreFocus(): void {
    const invoker = this.invoker;
    if (invoker?.isConnected && !invoker.hidden) invoker.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="title"]')?.focus();
  }

  /** After a direct action: if focus was lost with the pressed button, put it on the heading. */
  private keepFocus(): void {
    const active = this.shadowRoot?.activeElement;
    if (active && active.isConnected) return;
    const outside = document.activeElement;
    if (outside && outside !== document.body && outside !== this) return;
    this.restoreFocus();
  }

  private readonly problemHandlers: ProblemHandlers = {
    intentOf: (e) => this.intents.get(e.error),
    canRedo: (action) => {
      const store = this.order.store;
      const order = this.order.value;
      return !!store && !!order && canOffer(store.workflow, order, store.viewer, action);
    },
    retry: (e) => {
      const store = this.order.store;
      const retry = e.retry;
      if (!retry || !store) return;
      const order = this.order.value;
      retry().then(
        (result) => {
          if (e.action && order && isOrderResult(result)) {
            if (!hasToastRegion(store)) this.announce(msg(str`${actionLabel(store.workflow, e.action)}: done.`));
            this.succeeded(order.id, e.action, result);
          }
        },
        () => undefined, // A new error entry shows why.
      );
    },
    dismiss: (e) => {
      this.order.store?.dismissError(e.id);
      void this.updateComplete.then(() => this.keepFocus());
    },
    redo: (e, intent) => {
      const store = this.order.store;
      const order = this.order.value;
      const action = store?.workflow.actions.find((a) => a.key === intent.action);
      if (!store || !order || !action) return;
      store.dismissError(e.id);
      if (dialogShape(action)) {
        void this.openDialog(intent.action, {
          keep: true,
          ...(intent.draft ? { draft: intent.draft as DialogDraft } : {}),
          message: msg('The order changed since you filled this in. Check it against the current order and confirm again.'),
        });
      } else {
        this.invoker = undefined;
        void this.run(intent.action, intent.input, order, false);
      }
    },
  };

  private retryLoad(failed: StoreError): void {
    const store = this.order.store;
    if (!store) return;
    store.dismissError(failed.id);
    if (failed.retry) {
      void failed.retry().catch(() => undefined);
      return;
    }
    // Subscribe afresh: an order that is not cached is fetched again.
    const id = this.orderId;
    this.orderId$.next('');
    this.orderId$.next(id);
  }

  // ── Overflow menu ──────────────────────────────────────────────────────────────────────────────

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private async openMenu(focus: 'first' | 'last'): Promise<void> {
    this.menuOpen = true;
    this.dismiss.watch(true);
    await this.updateComplete;
    const items = this.menuItems();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  private closeMenu(returnFocus: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    this.dismiss.watch(false);
    if (returnFocus) this.moreButton?.focus();
  }

  private onMoreKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private onMenuKeyDown = (event: KeyboardEvent): void => {
    const items = this.menuItems();
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    const go = (i: number): void => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(items.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.closeMenu(true);
        break;
      case 'Tab':
        this.closeMenu(false);
        break;
      default:
    }
  };

  // ── Announcements and clipboard ────────────────────────────────────────────────────────────────

  private announce(text: string): void {
    this.announcement = text;
  }

  private readonly copy = (text: string, what: string): void => {
    const fail = (): void => this.announce(msg(str`Copying failed (${what}): select the text and copy it yourself.`));
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard?.writeText) {
      fail();
      return;
    }
    clipboard.writeText(text).then(() => this.announce(msg(str`${what} copied.`)), fail);
  };
}

function isOrderResult(value: unknown): value is Order {
  return typeof value === 'object' && value !== null && 'version' in value && 'timeline' in value;
}
