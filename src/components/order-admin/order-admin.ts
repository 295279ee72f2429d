/**
 * `<order-admin>`: the whole order admin in one tag — it provides the store, lays out the toolbar,
 * status tabs, bulk-action bar and table, and routes between the list, an order, and the other views
 * with `Routes` from @lit-labs/router, in hash, path or memory mode, without taking over the page.
 * No side effects: registration lives in `./define.ts`.
 */
import { provide } from '@lit/context';
import { msg, str } from '@lit/localize';
import { Routes, RoutesConnectedEvent } from '@lit-labs/router';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Subscription } from 'rxjs';
import type { AccountingConnector } from '../../api/accounting/types.js';
import type { OrderApi, OrderQuery } from '../../api/types.js';
import type { OrderFormCloseEvent } from '../order-form/events.js';
import type { OrderEditRequestEvent } from '../shared/order-edit-event.js';
import { formatDateTime, formatMoney, localeChanges, resolveText, uiStrings } from '../../i18n/index.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../../model/presets/index.js';
import type { Order, Person, Store, Viewer } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import type { ProductCatalog } from '../../model/csv/catalog.js';
import { can } from '../../model/permissions.js';
import { orderStoreContext } from '../../state/context.js';
import { sameQuery } from '../../state/query.js';
import { createOrderStore } from '../../state/store.js';
import type { OrderStore } from '../../state/types.js';
import type { OrderOpenEvent } from '../shared/order-open-event.js';
import type { PrintRequestDetail, PrintRequestEvent } from '../shared/print-request-event.js';
import type { PrintTarget } from '../print-menu/print-menu.js';
import { tokens } from '../shared/tokens.js';
import { ADMIN_VIEWS, matchPath, pathOf, type AdminViewKey } from './admin-routes.js';
import { exportParts } from './exported-parts.js';
import { styles } from './order-admin.styles.js';
import { PostingControls } from './posting-controls.js';
import { paramsToQuery, queryToSearch, replacingPatch } from './query-params.js';
import { RouteLocation, type AdminLocation, type RoutingMode } from './route-location.js';

/** Detail of `route-change`: the admin's route as a path and query (`orders/ord_12?tab=new`). */
export interface RouteChangeDetail {
  readonly route: string;
}

export type RouteChangeEvent = CustomEvent<RouteChangeDetail>;

const MODES: readonly RoutingMode[] = ['hash', 'path', 'memory'];
const TABS_PARTS = exportParts('tabs');
const TOOLBAR_PARTS = exportParts('toolbar');
const BULK_PARTS = exportParts('bulk');
const TABLE_PARTS = exportParts('table');
const NOTIFICATION_PARTS = exportParts('notifications');
const SHIPMENTS_PARTS = exportParts('shipments');
const PAYMENTS_PARTS = exportParts('payments');
const CALENDAR_PARTS = exportParts('calendar');
const DETAIL_PARTS = exportParts('detail');
const FORM_PARTS = exportParts('form');
const EXPORT_PARTS = exportParts('export');
const IMPORT_PARTS = exportParts('import');
const SCAN_PARTS = exportParts('scan');
const PRINT_PARTS = exportParts('print');
const SETTINGS_PARTS = exportParts('settings');
/**
 * Elements loaded on first use, so the list opens without their code: the views beside the list and
 * the CSV dialogs (the importer brings a CSV parser). Each registers itself when its module runs.
 */
const LAZY = {
  'order-shipments': () => import('../order-shipments/define.js'),
  'order-payments': () => import('../order-payments/define.js'),
  'order-calendar': () => import('../order-calendar/define.js'),
  'order-export': () => import('../order-export/define.js'),
  'order-import': () => import('../order-import/define.js'),
  'scan-to-ship': () => import('../scan-to-ship/define.js'),
  'order-form': () => import('../order-form/define.js'),
  'order-print': () => import('../order-print/define.js'),
  'workflow-settings': () => import('../workflow-settings/define.js'),
} as const;
type LazyTag = keyof typeof LAZY;

/** `Routes` from @lit-labs/router matches paths with `URLPattern` (Chromium; recent Firefox and Safari). */
const HAS_URL_PATTERN = typeof (globalThis as { URLPattern?: unknown }).URLPattern === 'function';
/** How long query changes settle before the URL is rewritten (typing in the search, say). */
const QUERY_WRITE_DELAY = 250;

/**
 * The full order admin: header, navigation, new-order bell, toolbar, status tabs, bulk-action bar
 * and the order table, the order detail, and the shipments, payments and calendar views (settings is
 * still a placeholder).
 *
 * **Store.** Give it a ready `store` (shared with other islands; never disposed here), or an `api`
 * with a `preset` key (or a `workflow` definition) and a `viewer`, from which it creates its own
 * store — disposed when the element leaves the document or those inputs change. The store is
 * provided through `@lit/context` to every orderdeck element inside (its own and slotted ones).
 *
 * **Routing** (`routing` attribute), with `Routes` from @lit-labs/router; it never intercepts
 * clicks outside itself or sends the page elsewhere:
 * - `hash` (default): the route lives in `location.hash` under `route-prefix`
 *   (`#/orders/ord_12?tab=new`). The element reacts only to hashes under its own prefix that name one
 *   of its routes, so two admins with different prefixes share a page without fighting (the URL holds
 *   the one last used; the other keeps its place).
 * - `path`: `history.pushState` under `base` (`/admin/orders/ord_12`), the query in
 *   `location.search` (names behind `param-prefix`; the page's other parameters are kept);
 *   `popstate` is handled only for paths under `base`. The server must serve the page for them.
 * - `memory`: the route stays in memory (for hosts with their own router); links become buttons.
 *   Read it with `route`, set it with `navigate()`, follow it with `route-change`.
 *
 * Routes: `orders` (also the empty path) the list, `orders/:id` an order, `shipments`, `payments`,
 * `calendar`, `scan` (scan to ship, for workflows with `scanToShip` steps), `settings`. **The whole list query is in the URL** (tab, search, dates, stores,
 * channels, archived, sort…): read when the element starts (before the first list load) and on
 * back/forward, rewritten with `replaceState` shortly after it changes.
 *
 * Printing: an `order-print-request` from inside (the bulk bar's Print menu, "Print tab" in the toolbar,
 * the detail's Print menu, or any other view, e.g. a scan-to-ship round with `orderIds`) opens
 * `<order-print>` (loaded on first use) with that request.
 *
 * Opening an order (`order-open` from the table or the bell) goes to `orders/:id`; the order shows
 * in `<order-detail>` when that element is defined, otherwise as a short read-only summary. "Back to
 * orders" returns to the list as it was (same query, same scroll) and focus goes back to the row.
 *
 * @tag order-admin
 * @summary The complete order admin: store, layout and routing in one element.
 *
 * @fires {RouteChangeEvent} route-change - The user moved to another view or changed the list query; `detail.route` is the new route (`orders?tab=new`). Not fired for `navigate()` or for the browser's back and forward.
 *
 * @slot header - The host's own header, above the admin's navigation.
 * @slot toolbar-actions - Extra buttons at the end of the toolbar (export, new order…).
 *
 * Every part of the nested elements is re-exported with a prefix per element — `tabs-`, `toolbar-`,
 * `bulk-`, `table-`, `notifications-`, `detail-`, `shipments-`, `payments-`, `calendar-`, `export-`, `import-` — so `order-admin::part(table-row)` styles the table's rows.
 *
 * @csspart header - The row holding the `header` slot.
 * @csspart nav - The navigation between views.
 * @csspart nav-link - Each navigation link (a button in memory mode); also `current` on the current one.
 * @csspart current - The navigation link of the current view.
 * @csspart notifications - The `<order-notifications>` bell.
 * @csspart toasts - The `<order-toasts>` region confirming every completed action (with Undo where
 *   the workflow allows); its `toast`, `message`, `undo-button` and `dismiss-button` parts are re-exported.
 * @csspart list - The order list view (toolbar, tabs, bulk bar, table).
 * @csspart toolbar - The `<order-toolbar>`.
 * @csspart tabs - The `<status-tabs>`.
 * @csspart bulk-bar - The `<bulk-action-bar>`.
 * @csspart table - The `<order-table>`.
 * @csspart scan-button - "Scan to ship" in the toolbar, for workflows with scan-to-ship steps: opens the `scan` view.
 * @csspart print-menu - "Print tab" in the toolbar (`<print-menu>`): documents for every order of the current tab and filters;
 *   its parts are re-exported as `print-button`, `print-menu-list`, `print-menu-item`. The preview's parts are re-exported as `print-*`.
 * @csspart export-button - "Export" in the toolbar: opens `<order-export>` (its parts are re-exported as `export-*`).
 * @csspart import-button - "Import" in the toolbar, for viewers who may import: opens `<order-import>` (parts as `import-*`).
 * @csspart post-button - "Post Order (N)" in the toolbar on the tabs the workflow posts to accounting (with an `accounting` connector): posts the selection, or else the tab's orders.
 * @csspart posting-status-button - The posting history's status (in progress / completed / failed, icon and text); opens the history.
 * @csspart posting-dialog - The dialog holding `<posting-history>` (its `heading`, `batch`, `state`, `retry-button` parts are re-exported as `posting-*`).
 * @csspart detail - The order detail view (`<order-detail>`'s own parts are re-exported as `detail-*`).
 * @csspart back-link - "Back to orders" in the detail view.
 * @csspart view - A view other than the list and the detail (shipments, payments, calendar).
 * @csspart shipments - The shipments view around `<order-shipments>` (its parts are re-exported as `shipments-*`).
 * @csspart scan - The scan-to-ship view around `<scan-to-ship>` (its parts are re-exported as `scan-*`).
 * @csspart payments - The payments view around `<order-payments>` (its parts are re-exported as `payments-*`).
 * @csspart calendar - The calendar view around `<order-calendar>` (its parts are re-exported as `calendar-*`).
 * @csspart placeholder - A view that is not built yet ("coming soon").
 * @csspart view-error - A view whose code could not be loaded, with Retry.
 * @csspart tabs-tab - Each status tab (all of `<status-tabs>`' parts are re-exported as `tabs-*`).
 * @csspart toolbar-search-input - The search field (all of `<order-toolbar>`'s parts are re-exported as `toolbar-*`).
 * @csspart bulk-bar - Also the bulk bar's own strip (all of `<bulk-action-bar>`'s parts are re-exported as `bulk-*`).
 * @csspart table-row - Each table row (all of `<order-table>`'s parts are re-exported as `table-*`).
 * @csspart notifications-bell - The bell button (all of `<order-notifications>`' parts are re-exported as `notifications-*`).
 *
 * @cssprop --od-order-admin-gap - Space between the admin's regions (default `12px`).
 * @cssprop --od-order-admin-padding - Padding around the admin (default `0`).
 * @cssprop --od-order-admin-background - Background of the admin (default transparent).
 */
export class OrderAdmin extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly location = new RouteLocation(this, {
    isRoute: (path) => matchPath(path) !== undefined,
    onChange: (location) => this.applyLocation(location),
  });
  private readonly posting = new PostingControls(this, () => this.current as OrderStore | undefined);
  private readonly router = new Routes(
    this,
    ADMIN_VIEWS.flatMap((view) =>
      view.patterns.map((path) => ({ path, name: view.key, render: (params: Record<string, string | undefined>) => this.renderView(view.key, params) })),
    ),
    { fallback: { render: () => nothing } },
  );

  /** The path shown now (`orders`, `orders/ord_12`…), as in the URL. */
  @state() private path = 'orders';
  /** Lazy elements whose module failed to load. */
  @state() private lazyFailed: readonly LazyTag[] = [];
  private readonly loads = new Map<LazyTag, Promise<boolean>>();

  /** Whether the host slotted a header (the empty row takes no space otherwise). */
  @state() private hasHeader = false;
  /** The order shown by the built-in summary (when `<order-detail>` is not defined). */
  @state() private summaryOrder: Order | undefined;

  private owned: OrderStore | undefined;
  private querySubscription: Subscription | undefined;
  private summarySubscription: Subscription | undefined;
  private summaryId: string | undefined;
  private queryTimer: ReturnType<typeof setTimeout> | undefined;
  /** May write the URL without a user action (the URL held this admin's route, or nothing, at start). */
  private ownsUrl = false;
  /** The first query emission of a store only reports where it starts. */
  private firstQuery = true;
  /** The order opened last from the list: focus returns to its row. */
  private openedFrom: string | undefined;
  private started = false;

  /** A store made elsewhere (shared with other islands). Wins over `api` / `preset` / `workflow` / `viewer`. */
  @property({ attribute: false }) store: OrderStore | undefined;

  /** The backend adapter for a store this element creates. */
  @property({ attribute: false }) api: OrderApi | undefined;

  /** A workflow preset key (`confirm-first`, `online-store`, `payment-fulfillment`, `marketplace`, `cod-delivery`), for a store this element creates. */
  @property() preset: PresetKey | undefined;

  /**
   * The accounting system orders are posted to, for a store this element creates (the embedded
   * default is `createSimulatedAccounting`). With one, "Post Order" posts through it and the posting
   * history is shown; without one (or with a given `store` that has none) neither is.
   */
  @property({ attribute: false }) accounting: AccountingConnector | undefined;

  /** A workflow definition (a merchant's own); wins over `preset`. */
  @property({ attribute: false }) workflow: WorkflowDefinition | undefined;

  /** Who uses the admin, for a store this element creates. */
  @property({ attribute: false }) viewer: Viewer | undefined;

  /** Store names and time zones, for the store filter, the table, the bell and the detail. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /**
   * People offered when assigning a CSR or a delivery agent (in the detail and the bulk bar). When
   * empty, the bulk bar offers the people found on the loaded orders.
   */
  @property({ attribute: false }) people: readonly Person[] = [];

  /**
   * The products a CSV import may name (by SKU). Without one, any SKU is accepted and each line needs
   * its name and unit price in the file.
   */
  @property({ attribute: false }) catalog: ProductCatalog | undefined;

  /** Where the route lives: `hash` (default), `path` or `memory`. */
  @property() routing: RoutingMode = 'hash';

  /** Path mode: the URL path the admin's routes live under, e.g. `/admin/orders`. */
  @property() base = '';

  /** Hash mode: what this admin's hashes start with after `#` (default `/`). Give two admins on one page different prefixes. */
  @property({ attribute: 'route-prefix' }) routePrefix = '/';

  /** Path mode: a prefix for the admin's URL parameters (`od-` gives `?od-tab=new`), to keep clear of the page's own. */
  @property({ attribute: 'param-prefix' }) paramPrefix = '';

  /**
   * The store in effect, as given to descendants; undefined (at run time) until one is available.
   * @readonly
   */
  @provide({ context: orderStoreContext })
  current!: OrderStore;

  constructor() {
    super();
    // Keep the router to ourselves: a host page's own @lit-labs/router must not adopt it as a child.
    this.addEventListener(RoutesConnectedEvent.eventName, (event) => {
      if ((event as RoutesConnectedEvent).routes === this.router) event.stopPropagation();
    });
    this.addEventListener('order-open', (event: OrderOpenEvent) => this.onOrderOpen(event));
    this.addEventListener('order-edit-request', (event: OrderEditRequestEvent) => this.go(pathOf('edit', { id: event.detail.orderId }), true));
    this.addEventListener('order-form-close', (event: OrderFormCloseEvent) => {
      const id = event.detail.orderId;
      this.go(id ? pathOf('detail', { id }) : pathOf('list'), true);
    });
    // Any element inside (bulk bar, toolbar, detail, another helper's view) asks for printing with this event.
    this.addEventListener('order-print-request', (event: PrintRequestEvent) => void this.openPrint(event.detail));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.configureLocation();
    this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.queryTimer);
    this.queryTimer = undefined;
    this.started = false;
    // A move in the DOM disconnects and reconnects in one task: keep the store across it.
    queueMicrotask(() => {
      if (!this.isConnected) this.release();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('routing') || changed.has('base') || changed.has('routePrefix') || changed.has('paramPrefix')) {
      this.configureLocation();
      // Changed after the first render: follow the new place (the first time, start() has).
      if (this.started && this.hasUpdated) this.readUrl();
    }
    if (changed.has('store') || changed.has('api') || changed.has('preset') || changed.has('workflow') || changed.has('viewer') || changed.has('accounting')) {
      this.resolveStore();
    }
    // The view's time zone (store.timeZone$) is derived from the stores the admin was given.
    if (this.stores.length > 0) this.current?.setStores(this.stores);
    // The built-in summary loads its order; <order-detail> loads its own.
    const match = matchPath(this.path);
    if (match?.view.key === 'detail' && !customElements.get('order-detail')) this.watchSummary(match.params['id'] ?? '');
  }

  /** The current route: path and list query, as in the URL (`orders/ord_12?tab=new`). */
  get route(): string {
    return this.routeString({ path: this.path, search: this.currentSearch() });
  }

  /**
   * Goes to a route (`orders/ord_12`, `shipments`, `orders?tab=new&q=budi`): a new history entry in
   * hash and path modes. A query part replaces the list query. Does not fire `route-change`.
   */
  navigate(route: string): void {
    const at = route.indexOf('?');
    const path = trimSlashes(at < 0 ? route : route.slice(0, at));
    if (!matchPath(path)) {
      console.warn(`orderdeck: <order-admin> has no route "${route}".`);
      return;
    }
    this.flushQueryWrite(false);
    const leaving = { path: this.path, search: this.currentSearch() };
    if (at >= 0) this.applyQuery(route.slice(at + 1));
    this.go(path, false, leaving);
  }

  protected override render(): unknown {
    void this.locale;
    const view = matchPath(this.path)?.view.key ?? 'list';
    const people = this.people.length > 0 ? this.people : undefined;
    return html`
      <div part="header" class="header" ?hidden=${!this.hasHeader}>
        <slot name="header" @slotchange=${this.onHeaderSlot}></slot>
      </div>
      <div class="topbar">
        ${this.renderNav(view)}
        <order-notifications part="notifications" exportparts=${NOTIFICATION_PARTS} .stores=${this.stores}></order-notifications>
      </div>
      <section part="list" class="list" aria-label=${msg('Order list')} ?hidden=${view !== 'list'}>
        <order-toolbar part="toolbar" exportparts=${TOOLBAR_PARTS} .stores=${this.stores}>
          <span slot="toolbar-actions" class="admin-actions">
            ${this.posting.renderActions()}
            ${(this.current?.workflow.scanToShip?.length ?? 0) > 0
              ? html`<button type="button" part="scan-button" @click=${() => this.go(pathOf('scan'), true)}>${msg('Scan to ship')}</button>`
              : nothing}
            <print-menu part="print-menu" exportparts="button: print-button, menu: print-menu-list, menu-item: print-menu-item" label=${msg('Print tab', { desc: 'Toolbar menu button: print documents for every order of the current tab' })} .target=${this.tabPrintTarget}></print-menu>
            <button type="button" part="export-button" @click=${this.openExport}>${msg('Export', { desc: 'Button: export orders to CSV' })}</button>
            ${this.canImport()
              ? html`<button type="button" part="import-button" @click=${this.openImport}>${msg('Import', { desc: 'Button: import orders from CSV' })}</button>`
              : nothing}
            ${this.canCreate()
              ? html`<button type="button" part="new-order-button" @click=${() => this.go(pathOf('new'), true)}>${msg('+ New order')}</button>`
              : nothing}
            <slot name="toolbar-actions"></slot>
          </span>
        </order-toolbar>
        <status-tabs part="tabs" exportparts=${TABS_PARTS} panel-id="orders-table"></status-tabs>
        <bulk-action-bar part="bulk-bar" exportparts=${BULK_PARTS} .csrs=${people} .agents=${people}></bulk-action-bar>
        <order-table part="table" exportparts=${TABLE_PARTS} id="orders-table" .stores=${this.stores}></order-table>
      </section>
      ${view === 'list' ? nothing : this.outlet()}
      <order-export modal exportparts=${EXPORT_PARTS} .stores=${this.stores}></order-export>
      ${this.posting.renderDialog()}
      <order-print modal exportparts=${PRINT_PARTS} .stores=${this.stores}></order-print>
      ${this.canImport()
        ? html`<order-import modal exportparts=${IMPORT_PARTS} .stores=${this.stores} .catalog=${this.catalog}></order-import>`
        : nothing}
      <order-toasts part="toasts" exportparts="toast, message, undo-button, dismiss-button"></order-toasts>
    `;
  }

  // ── Views ────────────────────────────────────────────────────────────────────────────────────

  /**
   * The current view: `Routes`' outlet. Browsers without `URLPattern` (which `Routes` matches with)
   * get the same views from the admin's own matcher of the same route table.
   */
  private outlet(): unknown {
    if (HAS_URL_PATTERN) return this.router.outlet();
    const match = matchPath(this.path);
    if (!match) return nothing;
    // matchPath's parameters are decoded already; Routes' are as in the URL.
    if (match.view.key === 'detail') return this.renderDetail(match.params['id'] ?? '');
    // renderView decodes as it does for Routes' parameters.
    return this.renderView(match.view.key, match.view.key === 'edit' ? { id: encodeURIComponent(match.params['id'] ?? '') } : {});
  }

  /** "+ New order" needs the permission and a backend that takes orders entered by hand. */
  private canCreate(): boolean {
    const store = this.current as OrderStore | undefined;
    return store !== undefined && can(store.viewer, 'orders.create') && store.api.capabilities.orderEntry !== false;
  }

  /** Import needs the permission and a backend that imports. */
  private canImport(): boolean {
    const store = this.current as OrderStore | undefined;
    return store !== undefined && can(store.viewer, 'orders.import') && store.api.capabilities.import;
  }

  private readonly openExport = (): void => {
    void this.openDialog('order-export');
  };

  /** The Print tab menu prints every order of the list's current query (tab, search, filters). */
  private readonly tabPrintTarget = (): PrintTarget => ({ query: this.current.snapshot.query });

  /** Loads `<order-print>` if needed, then opens its preview for the request. */
  private async openPrint(request: PrintRequestDetail): Promise<void> {
    if (!(await this.load('order-print'))) return;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('order-print');
    if (!dialog) return;
    await dialog.updateComplete;
    await dialog.open(request);
  }

  private readonly openImport = (): void => {
    void this.openDialog('order-import');
  };

  /** Loads the CSV dialog's element if needed, then opens it. */
  private async openDialog(tag: 'order-export' | 'order-import'): Promise<void> {
    if (!(await this.load(tag))) return;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector(tag);
    if (!dialog) return;
    await dialog.updateComplete;
    await dialog.show();
  }

  /**
   * Loads a lazy element's module once; resolves true when the tag is defined. A failed load (the
   * network dropped) is remembered for the view to show, with a retry.
   */
  private load(tag: LazyTag): Promise<boolean> {
    if (customElements.get(tag)) return Promise.resolve(true);
    let pending = this.loads.get(tag);
    if (!pending) {
      pending = LAZY[tag]()
        .then(() => customElements.whenDefined(tag))
        .then(() => true)
        .catch((error: unknown) => {
          console.warn(`orderdeck: <order-admin> could not load <${tag}>.`, error);
          this.loads.delete(tag);
          return false;
        })
        .then((ok) => {
          this.lazyFailed = ok ? this.lazyFailed.filter((t) => t !== tag) : [...this.lazyFailed, tag];
          this.requestUpdate();
          return ok;
        });
      this.loads.set(tag, pending);
    }
    return pending;
  }

  /** The settings view is offered to viewers who may change the workflow, on a backend that stores it. */
  private maySettings(): boolean {
    const store = this.current;
    return store !== undefined && can(store.viewer, 'workflow.edit') && store.workflowEditable;
  }

  /** While a view's element loads: a loading line; if it failed: the error with Retry. */
  private lazyState(tag: LazyTag): unknown {
    if (customElements.get(tag)) return nothing;
    if (this.lazyFailed.includes(tag)) {
      return html`<div part="view-error" class="view-error" role="alert">
        <p>${msg('This view could not be loaded. Check the connection and try again.')}</p>
        <button type="button" @click=${() => void this.load(tag)}>${uiStrings.retry()}</button>
      </div>`;
    }
    void this.load(tag);
    return html`<p role="status" class="view-loading">${uiStrings.loading()}</p>`;
  }

  private renderNav(current: AdminViewKey): TemplateResult {
    const workflow = this.current?.workflow;
    const items = ADMIN_VIEWS.filter((v) => v.nav && (v.key !== 'settings' || this.maySettings()) && (!v.available || (workflow !== undefined && v.available(workflow))));
    const memory = this.location.mode === 'memory';
    const active = current === 'detail' || current === 'new' || current === 'edit' ? 'list' : current;
    return html`<nav part="nav" aria-label=${msg('Order views')}>
      <ul>
        ${items.map((v) => {
          const path = pathOf(v.key);
          const on = v.key === active;
          const part = on ? 'nav-link current' : 'nav-link';
          const label = v.nav?.() ?? v.key;
          return html`<li>
            ${memory
              ? html`<button type="button" part=${part} aria-current=${on ? 'page' : 'false'} @click=${() => this.go(path, true)}>${label}</button>`
              : html`<a part=${part} href=${this.hrefFor(path)} aria-current=${on ? 'page' : 'false'} @click=${(e: MouseEvent) => this.onLink(e, path)}>${label}</a>`}
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderView(key: AdminViewKey, params: Record<string, string | undefined>): unknown {
    if (key === 'list') return nothing;
    if (key === 'detail') return this.renderDetail(safeDecode(params['id'] ?? ''));
    switch (key) {
      case 'shipments':
        return html`<section part="view shipments" class="view" aria-label=${msg('Shipments')}>
          ${this.lazyState('order-shipments')}
          <order-shipments exportparts=${SHIPMENTS_PARTS} .stores=${this.stores}></order-shipments>
        </section>`;
      case 'payments':
        return html`<section part="view payments" class="view" aria-label=${msg('Payments')}>
          ${this.lazyState('order-payments')}
          <order-payments exportparts=${PAYMENTS_PARTS} .stores=${this.stores}></order-payments>
        </section>`;
      case 'new':
      case 'edit': {
        const id = key === 'edit' ? safeDecode(params['id'] ?? '') : '';
        return html`<section part="view form" class="view" aria-label=${key === 'new' ? msg('New order') : msg('Edit order')}>
          ${id ? this.backLink() : nothing} ${this.lazyState('order-form')}
          <order-form exportparts=${FORM_PARTS} order-id=${id} .stores=${this.stores} .people=${this.people}></order-form>
        </section>`;
      }
      case 'calendar':
        return html`<section part="view calendar" class="view" aria-label=${msg('Calendar')}>
          ${this.lazyState('order-calendar')}
          <order-calendar exportparts=${CALENDAR_PARTS} .stores=${this.stores}></order-calendar>
        </section>`;
      case 'scan':
        return html`<section part="view scan" class="view" aria-label=${msg('Scan to ship')}>
          ${this.lazyState('scan-to-ship')}
          <scan-to-ship exportparts=${SCAN_PARTS}></scan-to-ship>
        </section>`;
      case 'settings':
        return html`<section part="view settings" class="view" aria-label=${msg('Settings')}>
          ${this.lazyState('workflow-settings')}
          <workflow-settings exportparts=${SETTINGS_PARTS}></workflow-settings>
        </section>`;
      default:
        break;
    }
    const view = ADMIN_VIEWS.find((v) => v.key === key);
    const title = view?.placeholder?.() ?? key;
    return html`<section part="view placeholder" class="placeholder" aria-labelledby="view-title">
      <h2 id="view-title" tabindex="-1">${title}</h2>
      <p>${msg('Coming soon.')}</p>
      ${this.backLink()}
    </section>`;
  }

  private renderDetail(id: string): TemplateResult {
    const defined = customElements.get('order-detail') !== undefined;
    const order = this.current?.getCached(id) ?? (this.summaryId === id ? this.summaryOrder : undefined);
    const title = order ? msg(str`Order ${order.number}`) : msg('Order details');
    return html`<section part="detail" class="detail" aria-label=${title} tabindex="-1">
      ${this.backLink()}
      ${defined ? html`<order-detail exportparts=${DETAIL_PARTS} order-id=${id} .stores=${this.stores} .people=${this.people}></order-detail>` : this.renderSummary(order)}
    </section>`;
  }

  /** The built-in read-only summary, until `<order-detail>` is there. */
  private renderSummary(order: Order | undefined): TemplateResult {
    if (!order) {
      return html`<div class="summary"><h2 id="detail-title" tabindex="-1">${msg('Order details')}</h2><p role="status">${uiStrings.loading()}</p></div>`;
    }
    const store = this.current;
    const status = store?.workflow.statuses.find((s) => s.key === order.status);
    const storeName = this.stores.find((s) => s.id === order.storeId)?.name ?? order.storeId;
    return html`<div class="summary">
      <h2 id="detail-title" tabindex="-1">${msg(str`Order ${order.number}`)}</h2>
      <dl>
        <dt>${uiStrings.status()}</dt>
        <dd>${status ? resolveText(status.label) : order.status}</dd>
        <dt>${uiStrings.customer()}</dt>
        <dd>${order.customer.name}</dd>
        <dt>${uiStrings.store()}</dt>
        <dd>${storeName}</dd>
        <dt>${msg('Placed', { desc: 'When the customer placed the order' })}</dt>
        <dd>${formatDateTime(order.createdAt)}</dd>
        <dt>${uiStrings.total()}</dt>
        <dd>${formatMoney(order.totals.total)}</dd>
      </dl>
    </div>`;
  }

  private backLink(): TemplateResult {
    const path = pathOf('list');
    const label = msg('Back to orders');
    return this.location.mode === 'memory'
      ? html`<button type="button" part="back-link" class="back" @click=${() => this.go(path, true)}>← ${label}</button>`
      : html`<a part="back-link" class="back" href=${this.hrefFor(path)} @click=${(e: MouseEvent) => this.onLink(e, path)}>← ${label}</a>`;
  }

  // ── Store ────────────────────────────────────────────────────────────────────────────────────

  /** Provides the given store, or one made (with the URL's query) from api + workflow + viewer. */
  private resolveStore(): void {
    const given = this.store;
    let next: OrderStore | undefined;
    if (given) {
      this.disposeOwned();
      next = given;
    } else {
      const workflow = this.resolveWorkflow();
      const { api, viewer, accounting } = this;
      const owned = this.owned;
      if (owned && owned.api === api && owned.presetWorkflow === workflow && owned.viewer === viewer && owned.accounting === accounting) {
        next = owned;
      } else {
        this.disposeOwned();
        if (api && workflow && viewer) {
          const query = this.urlQuery(workflow, viewer);
          this.owned = createOrderStore({ api, workflow, viewer, ...(query && { query }), ...(accounting && { accounting }) });
          next = this.owned;
        }
      }
    }
    if (next === this.current) return;
    this.current = next as OrderStore;
    this.watchQuery(next);
  }

  private resolveWorkflow(): WorkflowDefinition | undefined {
    if (this.workflow) return this.workflow;
    const preset = this.preset;
    if (preset === undefined) return undefined;
    if (!PRESET_KEYS.includes(preset)) {
      console.warn(`orderdeck: <order-admin preset="${String(preset)}"> is not a preset (${PRESET_KEYS.join(', ')}).`);
      return undefined;
    }
    return getPreset(preset);
  }

  private release(): void {
    this.querySubscription?.unsubscribe();
    this.querySubscription = undefined;
    this.summarySubscription?.unsubscribe();
    this.summarySubscription = undefined;
    this.summaryId = undefined;
    this.disposeOwned();
    this.current = undefined as unknown as OrderStore;
  }

  private disposeOwned(): void {
    const owned = this.owned;
    this.owned = undefined;
    owned?.dispose();
  }

  /** Follows the store's query: every change after the first is written to the URL, debounced. */
  private watchQuery(store: OrderStore | undefined): void {
    this.querySubscription?.unsubscribe();
    this.querySubscription = undefined;
    if (!store) return;
    // A given store starts from the URL's query when the URL has this admin's route.
    if (store === this.store && this.started) this.readUrl();
    this.firstQuery = true;
    this.querySubscription = store.query$.subscribe(() => {
      const first = this.firstQuery;
      this.firstQuery = false;
      if (first && !this.ownsUrl) return;
      this.ownsUrl = true;
      this.scheduleQueryWrite(!first);
    });
  }

  private watchSummary(id: string): void {
    if (this.summaryId === id || !this.current) return;
    this.summarySubscription?.unsubscribe();
    this.summaryId = id;
    this.summaryOrder = undefined;
    this.summarySubscription = this.current.order$(id).subscribe((order) => {
      this.summaryOrder = order;
    });
  }

  // ── Routing ──────────────────────────────────────────────────────────────────────────────────

  private configureLocation(): void {
    let mode = this.routing;
    if (!MODES.includes(mode)) {
      console.warn(`orderdeck: <order-admin routing="${String(mode)}"> must be hash, path or memory; using hash.`);
      mode = 'hash';
    }
    let prefix = this.routePrefix ?? '/';
    if (/[?#]/.test(prefix)) {
      console.warn(`orderdeck: <order-admin route-prefix="${prefix}"> may not contain "?" or "#"; using "/".`);
      prefix = '/';
    }
    this.location.mode = mode;
    this.location.prefix = prefix;
    this.location.base = this.base ?? '';
    this.location.paramPrefix = this.paramPrefix ?? '';
  }

  /** First connection: take the route (and query) from the URL, or claim a blank URL. */
  private start(): void {
    this.resolveStore();
    this.started = true;
    this.readUrl();
  }

  /** Applies the URL's location when it is this admin's; otherwise stays where it is. */
  private readUrl(): void {
    const location = this.location.read();
    if (location) {
      this.ownsUrl = true;
      this.applyQuery(location.search);
      this.show(location.path, true);
      return;
    }
    const here = { path: this.path, search: this.currentSearch() };
    // Memory is this admin's alone; a blank hash is nobody's: claim it, so Back to this entry returns here.
    const mode = this.location.mode;
    const blank = mode === 'memory' || (mode === 'hash' && this.ownerDocument.defaultView?.location.hash.replace('#', '') === '');
    this.ownsUrl = blank;
    if (blank) this.location.replace(here);
    else this.location.remember(here);
    this.show(this.path, true);
  }

  /** The URL's query for a store about to be created (undefined when the URL has no route of ours). */
  private urlQuery(workflow: WorkflowDefinition, viewer: Viewer): OrderQuery | undefined {
    this.configureLocation();
    const location = this.location.read();
    if (!location) return undefined;
    return this.withTab(paramsToQuery(new URLSearchParams(location.search), workflow, viewer), workflow);
  }

  /** Shows a location (from the URL, back/forward or `navigate`): its query, then its view. */
  private applyLocation(location: AdminLocation): void {
    this.applyQuery(location.search);
    this.show(location.path);
  }

  private applyQuery(search: string): void {
    const store = this.current;
    if (!store) return;
    const next = this.withTab(paramsToQuery(new URLSearchParams(search), store.workflow, store.viewer), store.workflow);
    const current = store.snapshot.query;
    if (!sameQuery(next, current)) store.setQuery(replacingPatch(current, next));
  }

  /** The first tab when a query names none (a URL without `tab` means the default view). */
  private withTab(query: OrderQuery, workflow: WorkflowDefinition): OrderQuery {
    const first = workflow.tabs[0]?.key;
    return query.tab === undefined && first !== undefined ? { ...query, tab: first } : query;
  }

  /** A move to `path`: a new history entry (with the current query), then the view. */
  private go(path: string, byUser: boolean, leaving?: AdminLocation): void {
    if (!leaving) this.flushQueryWrite(false);
    const from = leaving ?? { path: this.path, search: this.currentSearch() };
    // The new entry carries the query: nothing left to write.
    clearTimeout(this.queryTimer);
    this.queryTimer = undefined;
    this.ownsUrl = true;
    const location = { path, search: this.currentSearch() };
    this.location.push(location, from);
    this.show(path);
    if (byUser) this.fireRouteChange(location);
  }

  /** Switches the outlet to `path` and, when focus was in the admin, moves it to what it shows. */
  private show(path: string, force = false): void {
    const canonical = path === '' ? pathOf('list') : path;
    if (canonical === this.path && !force) return;
    const moved = canonical !== this.path;
    const before = matchPath(this.path)?.view.key;
    const hadFocus = this.matches(':focus-within');
    this.path = canonical;
    const after = matchPath(canonical)?.view.key ?? 'list';
    const routed = HAS_URL_PATTERN ? this.router.goto(`/${canonical}`) : Promise.resolve();
    void routed.then(() => {
      if (moved) void this.moveFocus(before, after, hadFocus);
    });
  }

  private async moveFocus(before: AdminViewKey | undefined, after: AdminViewKey, hadFocus: boolean): Promise<void> {
    await this.updateComplete;
    if (!this.started || !hadFocus) return;
    const root = this.renderRoot;
    if (after === 'list') {
      if (before !== 'list' && this.openedFrom) this.focusRow(this.openedFrom);
      return;
    }
    const target = root.querySelector<HTMLElement>('#detail-title, #view-title') ?? root.querySelector<HTMLElement>('[part~="detail"]');
    target?.focus({ preventScroll: true });
    // A new view starts at the admin's top (its navigation in sight), not wherever the list was scrolled.
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
  }

  /** Focus back on the row of the order the user opened. */
  private focusRow(orderId: string): void {
    const table = this.renderRoot.querySelector('order-table') as (HTMLElement & { focusOrder?: (id: string) => unknown }) | null;
    if (table && typeof table.focusOrder === 'function') table.focusOrder(orderId);
    else table?.focus();
  }

  private onOrderOpen(event: OrderOpenEvent): void {
    const id = event.detail?.orderId;
    if (!id) return;
    // Opened from the list: remember the row, so Back returns focus to it.
    const fromTable = event.composedPath().some((node) => node instanceof HTMLElement && node.localName === 'order-table');
    this.openedFrom = fromTable ? id : undefined;
    this.go(pathOf('detail', { id }), true);
  }

  private onHeaderSlot(event: Event): void {
    this.hasHeader = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  /** Same-tab plain clicks on the admin's own links route in place; others (new tab…) are the browser's. */
  private onLink(event: MouseEvent, path: string): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.go(path, true);
  }

  private hrefFor(path: string): string {
    return this.location.href({ path, search: this.currentSearch() });
  }

  private currentSearch(): string {
    const query = this.current?.snapshot.query;
    return query ? queryToSearch(query) : '';
  }

  private routeString(location: AdminLocation): string {
    return `${location.path}${location.search ? `?${location.search}` : ''}`;
  }

  // ── Query → URL ──────────────────────────────────────────────────────────────────────────────

  private scheduleQueryWrite(byUser: boolean): void {
    clearTimeout(this.queryTimer);
    this.queryTimer = setTimeout(() => this.flushQueryWrite(byUser), QUERY_WRITE_DELAY);
    // Links carry the query too.
    this.requestUpdate();
  }

  private flushQueryWrite(byUser: boolean): void {
    if (this.queryTimer === undefined) return;
    clearTimeout(this.queryTimer);
    this.queryTimer = undefined;
    if (!this.started) return;
    const location = { path: this.path, search: this.currentSearch() };
    const before = this.location.read();
    if (before && before.path === location.path && before.search === location.search) return;
    this.location.replace(location);
    if (byUser) this.fireRouteChange(location);
  }

  private fireRouteChange(location: AdminLocation): void {
    this.dispatchEvent(
      new CustomEvent<RouteChangeDetail>('route-change', { detail: { route: this.routeString(location) }, bubbles: true, composed: true }),
    );
  }
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
