/**
 * `<order-form>`: enter an order by hand (a phone or walk-in customer) or edit a placed one, with live
 * totals from the model, one idempotent create, a draft that survives a reload or a failed request, the
 * workflow's edit rules shown on each field, and a conflict view when someone else changed the order.
 * No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { BehaviorSubject, of, switchMap } from 'rxjs';
import type { CustomerMatch, OrderApiError, ProductMatch } from '../../api/types.js';
import { formatDateTime, formatMoney } from '../../i18n/format.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { editableFields, editDiff, EDITABLE_FIELDS, type EditChange, type EditRules } from '../../model/edit.js';
import { money, times, type Money } from '../../model/money.js';
import { can } from '../../model/permissions.js';
import type { Order, PaymentMethod, Person, Store } from '../../model/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { listViewStyles } from '../shared/list-view.styles.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { channelLabel, paymentMethodLabel, statusLabel } from '../shared/order-labels.js';
import { editFieldLabel, editValueText } from '../shared/timeline-text.js';
import { tokens } from '../shared/tokens.js';
import { formatMoneyInput, parseMoneyInput } from '../order-action-dialog/money-input.js';
import { OrderFormCloseEvent, OrderSavedEvent } from './events.js';
import {
  backendErrors,
  buildDraft,
  discardDraft,
  draftFromOrder,
  emptyDraft,
  lineErrorId,
  loadDraft,
  newKey,
  saveDraft,
  type AddressText,
  type Built,
  type FieldErrors,
  type FormDraft,
  type FormLine,
} from './form-draft.js';
import { rebaseDraft } from './rebase.js';
import { styles } from './order-form.styles.js';

const CHANNELS = ['phone', 'walk-in', 'whatsapp', 'online', 'pos', 'manual'] as const;
const SEARCH_DELAY = 250;

/** A persisted edit draft keeps the order it was filled from, so a later save diffs against exactly that. */
type EditDraft = FormDraft & { base?: Order };

/**
 * Creates an order (no `order-id`) or edits the placed order `order-id`, through the store from context
 * (`<order-admin>`, `<order-provider>`) or `.store`.
 *
 * **Create.** Customer: search past customers (`store.searchCustomers`) or type a new one (name, phone,
 * e-mail, shipping and billing address; phone and e-mail follow the product's one rule). Items: search
 * the store's catalogue (`store.searchProducts`), pick a variant, set the quantity, override a unit price
 * with a reason, remove lines, or add a custom line (title and price). Money: discount (amount or
 * percent), delivery fee and tax; the totals are the model's (`newOrder`), in the store's currency.
 * Payment method (the workflow's) and paid now (amount, reference — sent inside the same create) or
 * unpaid. Store, channel, delivery agent, CSR, scheduled date, note and tags. Create sends ONE request
 * with the draft's idempotency key: a double click, a retry after a network failure and a reload while
 * the request was out all send that same key, so the backend creates one order.
 *
 * **Edit.** The same fields (store and channel stay), with what the workflow allows now
 * (`editableFields`): a completed or cancelled order is read-only, a line with fulfilled units cannot
 * be removed or go below them, and the form says why. Saving sends only what changed, with the version
 * the form was filled from; a change made meanwhile is shown field by field (before → after) with
 * "Redo against the current order". Totals, outstanding and the refund due follow as you type.
 *
 * Field errors sit beside their fields (`aria-invalid`, `aria-describedby`) and are listed in an
 * announced summary; a backend's `invalid-input` lands on the same fields. The draft is kept in
 * sessionStorage per viewer and store (or order) until it is saved or discarded.
 *
 * @tag order-form
 *
 * @fires {OrderSavedEvent} order-saved - `{ order, mode }` after the backend created or updated the order.
 * @fires {OrderOpenEvent} order-open - `{ orderId }` right after `order-saved`, so `<order-admin>` opens the order.
 * @fires {OrderFormCloseEvent} order-form-close - `{ orderId, discarded }` when the person leaves with Cancel or Discard.
 *
 * @csspart form - The `<form>`.
 * @csspart heading - The form's heading.
 * @csspart error-summary - The announced list of problems.
 * @csspart notice - A read-only or locked notice.
 * @csspart conflict - What changed meanwhile, with the redo button.
 * @csspart section - Each fieldset (store, customer, addresses, items, money, payment, fulfilment).
 * @csspart field - Each label + control + error group.
 * @csspart field-error - A field's error message.
 * @csspart search-results - Customer or product search results.
 * @csspart line - An item line.
 * @csspart totals - The totals list.
 * @csspart actions - The button row.
 * @csspart submit-button - Create order / Update order.
 * @csspart discard-button - Discard the draft.
 * @csspart cancel-button - Leave without discarding.
 *
 * @cssprop --od-order-form-max-width - Widest the form grows (default 64rem).
 */
export class OrderForm extends LitElement {
  static override styles = [tokens, listViewStyles, styles];

  private readonly locale = localeChanges(this);
  private readonly orderId$ = new BehaviorSubject<string>('');
  private readonly order = new StoreController(this, (store) => this.orderId$.pipe(switchMap((id) => (id ? store.order$(id) : of(undefined)))));

  @state() private draft: EditDraft | undefined;
  @state() private errors: FieldErrors = {};
  @state() private formError = '';
  @state() private showErrors = false;
  @state() private busy = false;
  @state() private announcement = '';
  @state() private customerQuery = '';
  @state() private customerResults: readonly CustomerMatch[] | undefined;
  @state() private productQuery = '';
  @state() private productResults: readonly ProductMatch[] | undefined;
  @state() private searchError = '';
  @state() private conflict: { current: Order; changes: EditChange[] } | undefined;
  private storageKey = '';
  private customerTimer: ReturnType<typeof setTimeout> | undefined;
  private productTimer: ReturnType<typeof setTimeout> | undefined;
  private resumed = false;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The merchant's stores (names and currencies); the viewer's own are offered. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** People who can be delivery agent or CSR. */
  @property({ attribute: false }) people: readonly Person[] = [];

  /** The order to edit; empty to create a new one. */
  @property({ attribute: 'order-id' }) orderId = '';

  /** The store a new order starts in (the only one of a staff member with one store otherwise). */
  @property({ attribute: 'store-id' }) storeId = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.customerTimer);
    clearTimeout(this.productTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('orderId') && this.orderId$.getValue() !== this.orderId) {
      this.orderId$.next(this.orderId);
      this.draft = undefined;
      this.conflict = undefined;
    }
    if (changed.has('storeId') && !this.orderId && changed.get('storeId') !== undefined) this.draft = undefined;
    if (!this.draft) this.initDraft();
  }

  protected override updated(): void {
    if (this.draft?.pending && !this.resumed && !this.busy) {
      // Reloaded while a request was out: send the very same request (same key) again; the backend
      // answers with what it did the first time, or does it now — once.
      this.resumed = true;
      this.announcement = msg('A save was in progress when the page reloaded; finishing it…');
      void this.submit();
    }
  }

  private get activeStore(): OrderStore | undefined {
    return this.order.store;
  }

  /** Stores the viewer may sell in. */
  private viewerStores(store: OrderStore): readonly Store[] {
    const v = store.viewer;
    return v.role === 'staff' ? this.stores.filter((s) => v.storeIds.includes(s.id)) : this.stores;
  }

  private initDraft(): void {
    const store = this.activeStore;
    if (!store) return;
    if (this.orderId) {
      const order = this.order.value;
      if (!order) return;
      this.storageKey = `orderdeck:order-form:${store.viewer.id}:edit:${order.id}`;
      const saved = loadDraft(this.storageKey) as EditDraft | undefined;
      if (saved?.base && saved.base.id === order.id) {
        this.draft = saved;
        if (saved.base.version !== order.version && !saved.pending) this.showConflict(saved.base, order);
      } else this.draft = { ...draftFromOrder(order), base: order };
      return;
    }
    const own = this.viewerStores(store);
    const storeId = this.storeId || (own.length === 1 ? (own[0]?.id ?? '') : '');
    this.storageKey = `orderdeck:order-form:${store.viewer.id}:new:${this.storeId || 'any'}`;
    const method = store.workflow.paymentMethods[0] ?? '';
    this.draft = loadDraft(this.storageKey) ?? emptyDraft(storeId, 'phone', method);
  }

  private currency(): string {
    const d = this.draft;
    if (d?.base) return d.base.currency;
    return this.stores.find((s) => s.id === d?.storeId)?.currency ?? this.stores[0]?.currency ?? 'USD';
  }

  private build(submit: boolean): Built | undefined {
    const store = this.activeStore;
    const d = this.draft;
    if (!store || !d) return undefined;
    return buildDraft(d, {
      currency: this.currency(),
      people: this.people,
      workflow: store.workflow,
      viewer: store.viewer,
      ...(d.base && { order: d.base }),
    }, submit);
  }

  /** Changes the draft, keeps it in sessionStorage, and re-checks shown errors. */
  private change(patch: Partial<FormDraft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    saveDraft(this.storageKey, this.draft);
    if (this.showErrors) this.errors = this.build(true)?.errors ?? {};
  }

  // ── render ───────────────────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    void this.locale;
    const store = this.activeStore;
    const d = this.draft;
    if (!store || !d) {
      return html`<p role="status" part="notice">${this.orderId ? msg('Loading the order…') : msg('Loading…')}</p>`;
    }
    const editing = d.base !== undefined;
    const mayAct = can(store.viewer, editing ? 'orders.edit' : 'orders.create') && store.api.capabilities.orderEntry !== false;
    const built = this.build(false);
    const rules = d.base ? editableFields(d.base, store.workflow) : undefined;
    const readOnly = !mayAct || rules?.readOnly !== undefined;
    const errors = this.showErrors ? { ...(built?.errors ?? {}), ...this.errors } : this.errors;
    const heading = editing ? msg(str`Edit order ${d.base?.number ?? ''}`) : msg('New order');
    return html`<form part="form" novalidate aria-labelledby="form-heading" @submit=${this.onSubmit}>
      <h2 id="form-heading" part="heading" tabindex="-1">${heading}</h2>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderNotice(store, d, rules, mayAct)} ${this.renderConflict()} ${this.renderSummary(errors)}
      <fieldset part="section" ?disabled=${readOnly}>
        <legend>${msg('Store and channel')}</legend>
        <div class="grid">
          ${this.select('store', msg('Store', { desc: 'A shop or outlet of the merchant' }), d.storeId, [
            ['', msg('Choose a store')],
            ...this.viewerStores(store).map((s): [string, string] => [s.id, s.name]),
          ], (v) => this.change({ storeId: v }), errors, editing)}
          ${this.select('channel', msg('Channel', { id: 'meta.channel', desc: 'Where the order came from' }), d.channel, CHANNELS.map((c): [string, string] => [c, channelLabel(c)]), (v) => this.change({ channel: v }), errors, editing)}
        </div>
      </fieldset>
      ${this.renderCustomer(d, errors, readOnly)} ${this.renderAddresses(d, errors, readOnly)} ${this.renderItems(d, errors, rules, readOnly)}
      ${this.renderMoney(d, errors, built, readOnly)} ${this.renderPayment(store, d, errors, readOnly)} ${this.renderFulfilment(store, d, errors, readOnly)}
      ${this.formError ? html`<p class="error" role="alert" part="form-error">${this.formError}</p>` : nothing}
      <div part="actions" class="actions">
        ${readOnly
          ? nothing
          : html`<button part="submit-button" class="control primary" type="submit" ?disabled=${this.busy} aria-disabled=${this.busy ? 'true' : 'false'}>
              ${this.busy ? msg('Saving…') : editing ? msg('Update order') : msg('Create order')}
            </button>`}
        <button part="cancel-button" class="control" type="button" @click=${this.onCancel}>${uiStrings.cancel()}</button>
        ${readOnly ? nothing : html`<button part="discard-button" class="control quiet" type="button" ?disabled=${this.busy} @click=${this.onDiscard}>${msg('Discard draft')}</button>`}
      </div>
    </form>`;
  }

  private renderNotice(store: OrderStore, d: EditDraft, rules: EditRules | undefined, mayAct: boolean): TemplateResult | typeof nothing {
    if (!mayAct) {
      return html`<p part="notice" class="notice">${d.base ? msg('You may not edit orders.') : msg('You may not create orders here.')}</p>`;
    }
    if (!d.base || !rules) return nothing;
    if (rules.readOnly) {
      const status = statusLabel(store.workflow, d.base.status);
      return html`<p part="notice" class="notice">
        ${rules.readOnly === 'deleted' ? msg('This order is deleted; restore it before editing.') : msg(str`This order is ${status}: it can no longer be edited.`)}
      </p>`;
    }
    const fixed = Object.values(rules.lines).some((r) => r.fixed);
    return fixed ? html`<p part="notice" class="notice">${msg('Items already fulfilled cannot be removed, repriced or reduced below what was fulfilled.')}</p>` : nothing;
  }

  private renderConflict(): TemplateResult | typeof nothing {
    const c = this.conflict;
    if (!c) return nothing;
    return html`<section part="conflict" class="conflict" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title">${msg('Someone changed this order while you were editing it')}</h3>
      <p>${msg('Nothing was saved. What changed meanwhile:')}</p>
      <ul>
        ${c.changes.length
          ? c.changes.map((ch) => html`<li>${editFieldLabel(ch)}: ${ch.field === 'line' && ch.kind === 'quantity' ? `${ch.from} → ${ch.to}` : `${editValueText(ch, ch.from)} → ${editValueText(ch, ch.to)}`}</li>`)
          : html`<li>${msg(str`Version ${String(c.current.version)} (status, payments or shipments)`)}</li>`}
      </ul>
      <div class="actions">
        <button type="button" class="control primary" @click=${this.onRedo}>${msg('Redo against the current order')}</button>
        <button type="button" class="control" @click=${this.onDiscard}>${msg('Discard my changes')}</button>
      </div>
    </section>`;
  }

  private renderSummary(errors: FieldErrors): TemplateResult | typeof nothing {
    const entries = Object.entries(errors).filter(([id]) => id !== 'form');
    if (!this.showErrors || entries.length === 0) return nothing;
    return html`<div part="error-summary" class="error-summary" role="alert" aria-labelledby="summary-title" tabindex="-1">
      <h3 id="summary-title">${entries.length === 1 ? msg('Fix 1 problem before saving:') : msg(str`Fix ${entries.length} problems before saving:`)}</h3>
      <ul>
        ${entries.map(([id, text]) => html`<li><a href=${`#${id}`} @click=${(e: Event) => this.focusField(e, id)}>${text}</a></li>`)}
      </ul>
    </div>`;
  }

  private renderCustomer(d: FormDraft, errors: FieldErrors, readOnly: boolean): TemplateResult {
    const results = this.customerResults;
    return html`<fieldset part="section" ?disabled=${readOnly}>
      <legend>${msg('Customer')}</legend>
      <div part="field" class="field wide">
        <label for="customer-search">${msg('Find a past customer')}</label>
        <input id="customer-search" type="search" autocomplete="off" placeholder=${msg('Name or phone')} .value=${this.customerQuery}
          aria-describedby="customer-search-hint" @input=${this.onCustomerQuery} />
        <span id="customer-search-hint" class="hint">${msg('Or type a new customer below.')}</span>
      </div>
      ${results
        ? html`<ul part="search-results" class="results" aria-label=${msg('Customers found')}>
            ${results.length === 0 ? html`<li class="muted">${msg('No customer found.')}</li>` : nothing}
            ${results.map((m) => html`<li>
              <button type="button" class="control result" @click=${() => this.useCustomer(m)}>
                <span>${m.customer.name}</span><span class="muted">${[m.customer.phone, m.customer.email].filter(Boolean).join(' · ')}</span>
                <span class="muted">${msg(str`${m.orderCount} orders, last ${formatDateTime(m.lastOrderAt)}`)}</span>
              </button>
            </li>`)}
          </ul>`
        : nothing}
      <div class="grid">
        ${this.input('name', msg('Name'), d.name, (v) => this.change({ name: v }), errors, { autocomplete: 'name', required: true })}
        ${this.input('phone', msg('Phone', { id: 'form.phone', desc: 'Order form: the customer’s phone number' }), d.phone, (v) => this.change({ phone: v }), errors, { type: 'tel', autocomplete: 'tel', hint: msg('With country code, e.g. +60 12-345 6789') })}
        ${this.input('email', msg('E-mail'), d.email, (v) => this.change({ email: v }), errors, { type: 'email', autocomplete: 'email' })}
      </div>
    </fieldset>`;
  }

  private renderAddress(prefix: 'ship' | 'bill', a: AddressText, set: (a: AddressText) => void, errors: FieldErrors): TemplateResult {
    const field = (key: keyof AddressText, label: string, autocomplete: string, wide = false): TemplateResult =>
      this.input(`${prefix}-${key}`, label, a[key], (v) => set({ ...a, [key]: v }), errors, { autocomplete: `${prefix === 'ship' ? 'shipping' : 'billing'} ${autocomplete}`, wide });
    return html`<div class="grid">
      ${field('name', msg('Recipient'), 'name')} ${field('line1', msg('Street address'), 'address-line1', true)}
      ${field('line2', msg('Address line 2'), 'address-line2', true)} ${field('city', msg('City'), 'address-level2')}
      ${field('region', msg('Region'), 'address-level1')} ${field('postalCode', msg('Postal code'), 'postal-code')}
      ${field('country', msg('Country code'), 'country')}
    </div>`;
  }

  private renderAddresses(d: FormDraft, errors: FieldErrors, readOnly: boolean): TemplateResult {
    return html`<fieldset part="section" ?disabled=${readOnly}>
      <legend>${msg('Shipping address')}</legend>
      ${this.renderAddress('ship', d.shipping, (a) => this.change({ shipping: a }), errors)}
      <label class="check"><input type="checkbox" .checked=${d.billingSame} @change=${(e: Event) => this.change({ billingSame: (e.target as HTMLInputElement).checked })} />
        ${msg('Billing address is the same')}</label>
      ${d.billingSame
        ? nothing
        : html`<fieldset class="nested"><legend>${msg('Billing address')}</legend>${this.renderAddress('bill', d.billing, (a) => this.change({ billing: a }), errors)}</fieldset>`}
    </fieldset>`;
  }

  private renderItems(d: FormDraft, errors: FieldErrors, rules: EditRules | undefined, readOnly: boolean): TemplateResult {
    const results = this.productResults;
    const c = this.currency();
    return html`<fieldset part="section" ?disabled=${readOnly}>
      <legend>${msg('Items', { id: 'form.items', desc: 'Order form section: the order lines' })}</legend>
      <div class="row">
        <div part="field" class="field grow">
          <label for="product-search">${msg('Add a product')}</label>
          <input id="product-search" type="search" autocomplete="off" placeholder=${msg('Name or SKU')} .value=${this.productQuery}
            ?disabled=${!d.storeId} @input=${this.onProductQuery} />
        </div>
      </div>
      ${this.searchError ? html`<p class="error" role="alert">${this.searchError}</p>` : nothing}
      ${results
        ? html`<ul part="search-results" class="results" aria-label=${msg('Products found')}>
            ${results.length === 0 ? html`<li class="muted">${msg('No product found.')}</li>` : nothing}
            ${results.flatMap((p) => p.variants.map((v) => html`<li>
              <button type="button" class="control result" @click=${() => this.addProduct(p, v)}>
                <span>${p.name}${v.variant ? html` · <span class="muted">${v.variant}</span>` : nothing}</span>
                <span class="muted mono">${v.sku}</span>
                <span class="num">${v.unitPrice ? formatMoney(v.unitPrice) : msg('no price')}</span>
              </button>
            </li>`))}
          </ul>`
        : nothing}
      <div class="row">
        <button type="button" class="control" @click=${this.addCustomLine} ?disabled=${!d.storeId}>${msg('Add custom item')}</button>
        <span class="hint">${msg('For something not in the catalogue: a title and a price.')}</span>
      </div>
      ${d.lines.length === 0
        ? html`<p class="muted" id="lines" tabindex="-1">${msg('No items yet.')}</p>`
        : html`<ul class="lines" id="lines" tabindex="-1" aria-label=${msg('Order items')}>
            ${repeat(d.lines, (l) => l.key, (l, i) => this.renderLine(l, i, errors, rules, c))}
          </ul>`}
      ${errors.lines ? html`<p class="error" part="field-error" id="lines-error">${errors.lines}</p>` : nothing}
    </fieldset>`;
  }

  private renderLine(l: FormLine, index: number, errors: FieldErrors, rules: EditRules | undefined, currency: string): TemplateResult {
    const rule = rules?.lines[l.key];
    const set = (patch: Partial<FormLine>): void => this.updateLine(l.key, patch);
    const priced = this.linePrice(l, currency);
    const overridden = !l.custom && l.listPrice !== undefined && priced !== undefined && priced.amount !== l.listPrice.amount;
    const title = l.custom ? msg(str`Custom item ${index + 1}`) : l.variant ? `${l.name} · ${l.variant}` : l.name;
    return html`<li part="line" class="line">
      <div class="line-title">
        ${l.custom
          ? this.input(lineErrorId(l, 'name'), msg('Title'), l.name, (v) => set({ name: v }), errors, {})
          : html`<span>${title}</span> <span class="muted mono">${l.sku}</span>`}
        ${rule?.fixed ? html`<span class="badge" part="lock">${msg(str`${rule.minQuantity} fulfilled`)}</span>` : nothing}
      </div>
      ${this.input(lineErrorId(l, 'price'), msg(str`Unit price (${currency})`), l.priceText, (v) => set({ priceText: v }), errors, { inputmode: 'decimal', disabled: rule?.fixed === true })}
      ${overridden || l.priceReason ? this.input(lineErrorId(l, 'reason'), msg('Reason for the price'), l.priceReason, (v) => set({ priceReason: v }), errors, {}) : nothing}
      ${this.input(lineErrorId(l, 'qty'), msg('Quantity'), l.quantity, (v) => set({ quantity: v }), errors, {
        type: 'number', inputmode: 'numeric', min: String(Math.max(1, rule?.minQuantity ?? 1)),
        ...(rule?.fixed && { hint: msg(str`At least ${rule.minQuantity}`) }),
      })}
      <div class="field line-total">
        <span class="hint">${msg('Line total')}</span>
        <span class="num">${priced && /^\d+$/.test(l.quantity.trim()) ? formatMoney(times(priced, Number(l.quantity))) : '—'}</span>
      </div>
      <button type="button" class="control quiet" ?disabled=${rule?.fixed === true} aria-label=${msg(str`Remove ${title}`)} @click=${() => this.removeLine(l.key)}>
        ${msg('Remove')}
      </button>
    </li>`;
  }

  private renderMoney(d: FormDraft, errors: FieldErrors, built: Built | undefined, readOnly: boolean): TemplateResult {
    const c = this.currency();
    const t = built?.preview?.totals;
    const refundDue = t ? t.paid.amount - t.refunded.amount - t.total.amount : 0;
    return html`<fieldset part="section" ?disabled=${readOnly}>
      <legend>${msg('Money')}</legend>
      <div class="grid">
        <div part="field" class="field">
          <label for="discount-mode">${msg('Discount as')}</label>
          <select id="discount-mode" .value=${d.discountMode} @change=${(e: Event) => this.change({ discountMode: (e.target as HTMLSelectElement).value as 'amount' | 'percent', discountText: '' })}>
            <option value="amount" ?selected=${d.discountMode === 'amount'}>${msg(str`Amount (${c})`)}</option>
            <option value="percent" ?selected=${d.discountMode === 'percent'}>${msg('Percent')}</option>
          </select>
        </div>
        ${this.input('discount', d.discountMode === 'percent' ? msg('Discount (%)') : msg(str`Discount (${c})`), d.discountText, (v) => this.change({ discountText: v }), errors, { inputmode: 'decimal' })}
        ${this.input('fee', msg(str`Delivery fee (${c})`), d.feeText, (v) => this.change({ feeText: v }), errors, { inputmode: 'decimal' })}
        ${this.input('tax', msg(str`Tax (${c})`), d.taxText, (v) => this.change({ taxText: v }), errors, { inputmode: 'decimal' })}
      </div>
      ${t
        ? html`<dl part="totals" class="totals" aria-live="polite">
            <div><dt>${msg('Subtotal')}</dt><dd class="num">${formatMoney(t.subtotal)}</dd></div>
            <div><dt>${msg('Discount')}</dt><dd class="num">${t.discount.amount ? `−${formatMoney(t.discount)}` : formatMoney(t.discount)}</dd></div>
            <div><dt>${msg('Delivery fee')}</dt><dd class="num">${formatMoney(t.deliveryFee)}</dd></div>
            <div><dt>${msg('Tax')}</dt><dd class="num">${formatMoney(t.tax)}</dd></div>
            <div class="grand"><dt>${msg('Total', { id: 'form.total', desc: 'Order form totals: the order total' })}</dt><dd class="num">${formatMoney(t.total)}</dd></div>
            ${t.paid.amount ? html`<div><dt>${msg('Paid', { id: 'form.paid', desc: 'Order form totals: money received' })}</dt><dd class="num">${formatMoney(t.paid)}</dd></div>` : nothing}
            ${t.refunded.amount ? html`<div><dt>${msg('Refunded', { id: 'form.refunded', desc: 'Order form totals: money given back' })}</dt><dd class="num">${formatMoney(t.refunded)}</dd></div>` : nothing}
            <div><dt>${msg('Outstanding')}</dt><dd class="num">${formatMoney(t.outstanding)}</dd></div>
            ${refundDue > 0
              ? html`<div class="refund-due" part="refund-due"><dt>${msg('Refund due')}</dt><dd class="num">${formatMoney(money(refundDue, c))}</dd></div>`
              : nothing}
          </dl>`
        : nothing}
    </fieldset>`;
  }

  private renderPayment(store: OrderStore, d: FormDraft, errors: FieldErrors, readOnly: boolean): TemplateResult {
    const methods = store.workflow.paymentMethods;
    const editing = this.draft?.base !== undefined;
    return html`<fieldset part="section" ?disabled=${readOnly}>
      <legend>${msg('Payment', { id: 'form.payment', desc: 'Order form section: payment method and status' })}</legend>
      <div class="grid">
        ${this.select('method', msg('Payment method'), d.paymentMethod, [
          ['', msg('Not chosen')],
          ...methods.map((m): [string, string] => [m, paymentMethodLabel(m)]),
        ], (v) => this.change({ paymentMethod: v as PaymentMethod | '' }), errors)}
      </div>
      ${editing
        ? nothing
        : html`<fieldset class="nested" role="radiogroup">
            <legend>${msg('Payment status')}</legend>
            <label class="check"><input type="radio" name="paid" .checked=${!d.paidNow} @change=${() => this.change({ paidNow: false })} />${msg('Unpaid (pay later or on delivery)')}</label>
            <label class="check"><input type="radio" name="paid" .checked=${d.paidNow} @change=${this.onPaidNow} />${msg('Paid now')}</label>
          </fieldset>
          ${d.paidNow
            ? html`<div class="grid">
                ${this.input('paid-amount', msg(str`Amount received (${this.currency()})`), d.paidText, (v) => this.change({ paidText: v }), errors, { inputmode: 'decimal' })}
                ${this.input('paid-reference', msg('Reference (transfer or receipt number)'), d.paidReference, (v) => this.change({ paidReference: v }), errors, {})}
              </div>`
            : nothing}`}
    </fieldset>`;
  }

  private renderFulfilment(store: OrderStore, d: FormDraft, errors: FieldErrors, readOnly: boolean): TemplateResult {
    const people = [...this.people];
    if (!people.some((p) => p.id === store.viewer.id)) people.push({ id: store.viewer.id, name: store.viewer.name });
    for (const p of [this.draft?.base?.assignees.agent, this.draft?.base?.assignees.csr]) if (p && !people.some((x) => x.id === p.id)) people.push(p);
    const options: [string, string][] = [['', msg('Nobody yet')], ...people.map((p): [string, string] => [p.id, p.name])];
    return html`<fieldset part="section" ?disabled=${readOnly}>
      <legend>${msg('Fulfilment', { id: 'form.fulfilment', desc: 'Order form section: agent, schedule, note' })}</legend>
      <div class="grid">
        ${this.select('agent', msg('Delivery agent'), d.agentId, options, (v) => this.change({ agentId: v }), errors)}
        ${this.select('csr', msg('Customer service (CSR)'), d.csrId, options, (v) => this.change({ csrId: v }), errors)}
        ${this.input('scheduled', msg('Scheduled delivery or booking'), d.scheduledAt, (v) => this.change({ scheduledAt: v }), errors, { type: 'datetime-local', hint: msg('Shows in the calendar.') })}
        ${this.input('tags', msg('Tags'), d.tags, (v) => this.change({ tags: v }), errors, { hint: msg('Separate with commas.') })}
      </div>
      <div part="field" class="field wide">
        <label for="note">${msg('Note')}</label>
        <textarea id="note" rows="2" .value=${d.note} @input=${(e: Event) => this.change({ note: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
    </fieldset>`;
  }

  // ── field helpers ────────────────────────────────────────────────────────────────────────────────

  private input(
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    errors: FieldErrors,
    o: { type?: 'text' | 'tel' | 'email' | 'number' | 'datetime-local'; autocomplete?: string; inputmode?: string; hint?: string; required?: boolean; disabled?: boolean; min?: string; wide?: boolean },
  ): TemplateResult {
    const error = errors[id];
    const described = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class=${o.wide ? 'field wide' : 'field'}>
      <label for=${id}>${label}${o.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      <input id=${id} type=${o.type ?? 'text'} .value=${value} .autocomplete=${(o.autocomplete ?? 'off') as AutoFill} inputmode=${o.inputmode ?? 'text'}
        .min=${o.min ?? ''} ?required=${o.required === true} ?disabled=${o.disabled === true}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />
      ${o.hint ? html`<span class="hint" id=${`${id}-hint`}>${o.hint}</span>` : nothing}
      ${error ? html`<span class="error" part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  private select(id: string, label: string, value: string, options: readonly [string, string][], set: (v: string) => void, errors: FieldErrors, disabled = false): TemplateResult {
    const error = errors[id];
    return html`<div part="field" class="field">
      <label for=${id}>${label}</label>
      <select id=${id} ?disabled=${disabled} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
      ${error ? html`<span class="error" part="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  private linePrice(l: FormLine, currency: string): Money | undefined {
    return l.priceText.trim() === '' ? undefined : parseMoneyInput(l.priceText, currency);
  }

  private focusField(event: Event, id: string): void {
    event.preventDefault();
    const node = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    node?.focus();
  }

  // ── searches ─────────────────────────────────────────────────────────────────────────────────────

  private readonly onCustomerQuery = (e: Event): void => {
    this.customerQuery = (e.target as HTMLInputElement).value;
    clearTimeout(this.customerTimer);
    if (this.customerQuery.trim() === '') {
      this.customerResults = undefined;
      return;
    }
    this.customerTimer = setTimeout(() => void this.searchCustomers(this.customerQuery), SEARCH_DELAY);
  };

  private async searchCustomers(query: string): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    try {
      const storeId = this.draft?.storeId;
      this.customerResults = await store.searchCustomers(query, storeId ? { storeId } : {});
      this.searchError = '';
    } catch (e) {
      if ((e as OrderApiError).code !== 'aborted') this.searchError = msg('The search failed. Check the connection and type again.');
    }
  }

  private useCustomer(m: CustomerMatch): void {
    const d = this.draft;
    if (!d) return;
    const text = (a: typeof m.shippingAddress): AddressText => ({
      name: a?.name ?? '', line1: a?.line1 ?? '', line2: a?.line2 ?? '', city: a?.city ?? '', region: a?.region ?? '', postalCode: a?.postalCode ?? '', country: a?.country ?? '',
    });
    const sameBilling = !m.billingAddress || JSON.stringify(m.billingAddress) === JSON.stringify(m.shippingAddress);
    this.change({
      name: m.customer.name,
      phone: m.customer.phone ?? '',
      email: m.customer.email ?? '',
      shipping: text(m.shippingAddress),
      billingSame: sameBilling,
      billing: text(sameBilling ? undefined : m.billingAddress),
    });
    this.customerResults = undefined;
    this.customerQuery = '';
    this.announcement = msg(str`Customer ${m.customer.name} filled in.`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus());
  }

  private readonly onProductQuery = (e: Event): void => {
    this.productQuery = (e.target as HTMLInputElement).value;
    clearTimeout(this.productTimer);
    if (this.productQuery.trim() === '') {
      this.productResults = undefined;
      return;
    }
    this.productTimer = setTimeout(() => void this.searchProducts(this.productQuery), SEARCH_DELAY);
  };

  private async searchProducts(query: string): Promise<void> {
    const store = this.activeStore;
    const storeId = this.draft?.storeId;
    if (!store || !storeId) return;
    try {
      this.productResults = await store.searchProducts(query, storeId);
      this.searchError = '';
    } catch (e) {
      if ((e as OrderApiError).code !== 'aborted') this.searchError = msg('The search failed. Check the connection and type again.');
    }
  }

  private addProduct(p: ProductMatch, v: ProductMatch['variants'][number]): void {
    const d = this.draft;
    if (!d) return;
    const existing = d.lines.find((l) => !l.custom && l.sku === v.sku);
    if (existing) {
      this.updateLine(existing.key, { quantity: String((Number(existing.quantity) || 0) + 1) });
    } else {
      const line: FormLine = {
        key: `new-${newKey()}`,
        sku: v.sku,
        name: p.name,
        ...(v.variant !== undefined && { variant: v.variant }),
        ...(v.unitPrice && { listPrice: v.unitPrice }),
        priceText: v.unitPrice ? formatMoneyInput(v.unitPrice) : '',
        priceReason: '',
        quantity: '1',
        custom: false,
      };
      this.change({ lines: [...d.lines, line] });
    }
    this.productQuery = '';
    this.productResults = undefined;
    this.announcement = msg(str`${p.name} added.`);
    const focusKey = existing?.key ?? this.draft?.lines.at(-1)?.key;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#line-${CSS.escape(focusKey ?? '')}-qty`)?.focus());
  }

  private readonly addCustomLine = (): void => {
    const d = this.draft;
    if (!d) return;
    const key = `new-${newKey()}`;
    this.change({ lines: [...d.lines, { key, sku: 'CUSTOM', name: '', priceText: '', priceReason: '', quantity: '1', custom: true }] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#line-${CSS.escape(key)}-name`)?.focus());
  };

  private updateLine(key: string, patch: Partial<FormLine>): void {
    const d = this.draft;
    if (!d) return;
    this.change({ lines: d.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) });
  }

  private removeLine(key: string): void {
    const d = this.draft;
    if (!d) return;
    const line = d.lines.find((l) => l.key === key);
    this.change({ lines: d.lines.filter((l) => l.key !== key) });
    this.announcement = msg(str`${line?.name || msg('Item')} removed.`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#product-search')?.focus());
  }

  private readonly onPaidNow = (): void => {
    const built = this.build(false);
    const total = built?.preview?.totals.total;
    this.change({ paidNow: true, ...(this.draft?.paidText === '' && total && total.amount > 0 && { paidText: formatMoneyInput(total) }) });
  };

  // ── submit ───────────────────────────────────────────────────────────────────────────────────────

  private readonly onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.submit();
  };

  /** Sends the draft: one create with the draft's key, or one update with the expected version. */
  async submit(): Promise<void> {
    const store = this.activeStore;
    const d = this.draft;
    if (!store || !d || this.busy) return;
    const built = this.build(true);
    if (!built) return;
    this.showErrors = true;
    this.errors = {};
    this.formError = '';
    const problems = Object.keys(built.errors).length;
    if (problems > 0) {
      this.change({ pending: false });
      this.announcement = problems === 1 ? msg('1 problem to fix.') : msg(str`${problems} problems to fix.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
      return;
    }
    if (d.base && built.patch && Object.keys(built.patch).length === 0) {
      this.formError = msg('Nothing changed.');
      return;
    }
    this.busy = true;
    this.change({ pending: true });
    try {
      const order = d.base
        ? await store.updateOrder(d.base.id, built.patch ?? {}, { expectedVersion: d.base.version, idempotencyKey: d.key })
        : await store.createOrder(built.draft as NonNullable<Built['draft']>, { idempotencyKey: d.key });
      discardDraft(this.storageKey);
      this.busy = false;
      this.showErrors = false;
      this.draft = undefined;
      this.announcement = d.base ? msg(str`Order ${order.number} updated.`) : msg(str`Order ${order.number} created.`);
      // Made first, then dispatched: the manifest analyzer reads `dispatchEvent(new X(arg))` as an event named after `arg`.
      const saved = new OrderSavedEvent({ order, mode: d.base ? 'edit' : 'create' });
      this.dispatchEvent(saved);
      const open = new OrderOpenEvent(order.id);
      this.dispatchEvent(open);
    } catch (thrown) {
      this.busy = false;
      this.failed(thrown as OrderApiError, d);
    }
  }

  private failed(error: OrderApiError, d: EditDraft): void {
    const retryable = error.code === 'network' || error.code === 'unavailable' || error.code === 'rate-limited' || error.code === 'aborted';
    // A definite answer is stored under the key: the next attempt (after fixing) is a new request.
    this.change({ pending: false, ...(!retryable && { key: newKey() }) });
    if (error.code === 'conflict' && d.base && error.current) {
      this.showConflict(d.base, error.current);
      return;
    }
    if (error.code === 'invalid-input' && error.fields?.length) {
      const placed = backendErrors(error.fields, d.lines.map((l) => l.key));
      this.errors = Object.fromEntries(Object.entries(placed.fields).map(([id, text]) => [id, localiseProblem(id, text)]));
      this.formError = placed.form ? msg(str`The order was not saved: ${placed.form}`) : '';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus());
      return;
    }
    this.formError = retryable
      ? msg('The order could not be sent (no connection or the server is busy). Nothing you typed is lost: try again, and it will be saved only once.')
      : msg(str`The order was not saved: ${error.message}`);
  }

  private showConflict(base: Order, current: Order): void {
    const changes = editDiff(base, current, EDITABLE_FIELDS).filter((c) => c.from !== c.to);
    this.conflict = { current, changes };
    this.announcement = msg('Someone changed this order while you were editing it.');
  }

  private readonly onRedo = (): void => {
    const c = this.conflict;
    const d = this.draft;
    if (!c || !d) return;
    const built = this.build(false);
    this.draft = { ...rebaseDraft(d, built?.patch ?? {}, c.current), base: c.current };
    saveDraft(this.storageKey, this.draft);
    this.conflict = undefined;
    this.announcement = msg('Your changes are now on top of the current order. Check them and save again.');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#form-heading')?.focus());
  };

  private readonly onDiscard = (): void => {
    discardDraft(this.storageKey);
    this.draft = undefined;
    this.conflict = undefined;
    this.errors = {};
    this.formError = '';
    this.showErrors = false;
    this.customerResults = undefined;
    this.productResults = undefined;
    const closed = new OrderFormCloseEvent({ orderId: this.orderId, discarded: true });
    this.dispatchEvent(closed);
  };

  private readonly onCancel = (): void => {
    const closed = new OrderFormCloseEvent({ orderId: this.orderId, discarded: false });
    this.dispatchEvent(closed);
  };
}

/** A backend's English problem on a field the form knows, in the reader's language. */
function localiseProblem(id: string, text: string): string {
  if (id === 'phone') return msg('Enter a phone number: 6 to 15 digits, optionally starting with +.');
  if (id === 'email') return msg('Enter an e-mail address such as name@example.com.');
  return text;
}
