/**
 * `<order-table>`: the virtualised order list. Fixed-height rows are placed absolutely inside a
 * spacer as tall as the whole result, and only the rows in view (plus a few) exist in the DOM; they
 * are recycled as the list scrolls. Data comes from the store's windowed list: the table asks for the
 * rows it shows (`requestRange`) and draws placeholders until they land. No side effects:
 * registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, render, supportsAdoptingStyleSheets, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SortSpec } from '../../api/types.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { resolveText } from '../../i18n/text.js';
import type { Order, Store } from '../../model/types.js';
import type { ActionDef } from '../../model/workflow/types.js';
import { isSelected, selectionSize } from '../../state/selection.js';
import { browserTimeZone } from '../../model/time-zone.js';
import { adoptStores } from '../../state/time-zone.js';
import { StoreController } from '../../state/store-controller.js';
import type { ListWindow, OrderStore, StoreError, StoreState } from '../../state/types.js';
import { DismissController } from '../shared/dismiss-controller.js';
import { formatCount } from '../shared/format-count.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { tokens } from '../shared/tokens.js';
import { arrange, readPrefs, toPrefs, writePrefs, type ArrangedColumn, type ColumnPrefs } from './column-prefs.js';
import {
  defaultColumns,
  headerText,
  storeLookup,
  type CellContext,
  type CellRenderer,
  type OrderTableColumn,
  type OrderTableContext,
  type StatusView,
} from './columns.js';
import { OrderActionRequestEvent } from '../shared/order-action-events.js';
import { SelectionChangeEvent } from './events.js';
import { styles } from './order-table.styles.js';
import { actionStateKey, menuActions, menuItems, type RowMenuItem } from './row-actions.js';
import { dialogShape } from '../order-action-dialog/shape.js';
import type { ActionSubmitEvent } from '../order-action-dialog/order-action-dialog.js';
// Type only (erased): the tag's type for the template. The table never registers the dialog itself.
import type { OrderActionDialog } from '../order-action-dialog/define.js';
import { RowPool } from './row-pool.js';
import { fitColumns, pxOf, textWidth, type FitInput } from './fit.js';
import { rowWindow, scrollTopFor, type RowWindow } from './viewport.js';

/** A visible column, ready to render. */
interface ShownColumn {
  readonly column: OrderTableColumn;
  readonly render: CellRenderer;
  readonly className: string;
}

/** The open status menu of one row. */
interface RowMenu {
  readonly orderId: string;
  readonly index: number;
  readonly number: string;
  readonly items: readonly RowMenuItem[];
  readonly top: number;
  readonly left: number;
}

/** The dynamic layout values of one render, as CSS values ('' removes one). */
interface Layout {
  readonly cols: string;
  readonly sticky: string;
  readonly tableWidth: string;
  readonly bodyHeight: string;
  readonly menuTop: string;
  readonly menuLeft: string;
  /** Card mode: the labelled lines under a card's first line (`--_card-lines`). */
  readonly cardLines: string;
}

/** How the rows are drawn: as a table, as cards, or chosen by the table's width. */
export type OrderTableLayout = 'auto' | 'table' | 'cards';
const LAYOUTS: readonly OrderTableLayout[] = ['auto', 'table', 'cards'];
/** Default `card-breakpoint`: below this width (px) the columns besides number and status drop to fewer than about four. */
export const CARD_BREAKPOINT = 840;
/** Card mode: at this width (px) and wider a card's labelled lines go two to a line. */
const CARD_TWO_COLUMNS = 560;
/** The columns on a card's first line (never truncated); the rest are labelled lines under it. */
const CARD_HEAD = new Set(['number', 'status']);

/** What a recycled row element shows now, so only changes touch the DOM. */
interface RowView {
  top: number;
  index: number;
  part: string;
  selected: string;
  busy: string;
}

/** An action failure shown beside its row for a while. */
interface RowError {
  readonly errorId: string;
  readonly message: string;
}

const columnsLabel = (): string => msg('Columns', { desc: 'Button and panel: choose which table columns show' });
const selectOrders = (s: StoreState): ReadonlyMap<string, Order> => s.orders;
const NO_ORDERS: ReadonlyMap<string, Order> = new Map();
const NO_FLIGHTS: ReadonlyMap<string, string> = new Map();
/** How long an action failure stays beside its row. */
const ERROR_MS = 8000;
/** Row height until the real one is measured. */
const FALLBACK_ROW_HEIGHT = 40;
/** The checkbox column's width (`--_select-width`). */
const SELECT_WIDTH = 44;
/** Placeholder rows shown while the first page loads. */
const LOADING_ROWS = 8;
/** Scrolling pauses this long before the row elements are put back in visual order. */
const REORDER_MS = 150;
/** How long the previous rows stay while a new list loads, before placeholders replace them. */
const HOLD_MS = 300;
/** Controls a cell may hold (interaction mode moves focus to them). */
const CONTROL = ':is(button, a[href], input, select, textarea, [tabindex]:not([data-col])):not([hidden])';

/**
 * The order list: virtualised, sortable and selectable, with configurable columns, an inline status
 * menu per row, and full keyboard use as an ARIA grid.
 *
 * **Data.** Reads the store from `<order-provider>` / `<order-admin>` context or the `store`
 * property: the windowed list (`list$`), the entity cache, the selection, the actions in flight and
 * action errors. It asks `store.requestRange` for the rows in view plus `overscan`, and shows
 * placeholder rows for indices not loaded yet. Rows are fixed-height (`--od-order-table-row-height`),
 * absolutely positioned and recycled while scrolling; lists taller than a browser can draw are scaled.
 *
 * **Columns.** `columns` lists them as data (key, header, renderer, width, sort field, alignment);
 * the default is `defaultColumns()`. `renderers` replaces the renderer of a column by key. The user
 * shows, hides and reorders columns from the Columns menu; the choice is stored in `localStorage`
 * under `<storage-key>:<viewer id>:<workflow key>` and restored on reload.
 *
 * **Selection.** A checkbox per row; Shift-click (or Shift+Space) selects the range from the last
 * toggled row; the header checkbox selects the rows on screen (indeterminate when some are). When
 * every row on screen is selected the bar offers "Select all N matching" and "Clear selection".
 *
 * **Sorting.** Headers of columns with a `sortField` are buttons; a click sorts by that field
 * (`store.setQuery({ sort })`), a second click reverses it; the header carries `aria-sort`.
 *
 * **Status menu.** The status cell has a menu of the actions the workflow allows this viewer on the
 * order now that change its status or need no input. Picking one fires `order-action-request`
 * (cancelable); unless the host cancels it, the table runs it (`store.runAction`) — or, when it needs
 * input or confirmation, opens that action's `<order-action-dialog>` right here (when the element is
 * registered, as it is with `<order-admin>`), else fires `order-open` so the detail can collect it. A row shows its action in
 * flight and, for a while, the reason it failed (the store rolls the order back).
 *
 * **Keyboard** (ARIA grid, one tab stop): arrows move between cells; PageUp/PageDown by a screenful;
 * Home/End to the first/last cell of the row; Ctrl+Home/Ctrl+End to the first/last row; Enter opens
 * the order (`order-open`), or on a cell with controls enters it (as F2 does), where Escape returns
 * to cell navigation; Space toggles the row's selection (Shift+Space selects the range from the last
 * toggled row), Ctrl+A selects the rows on screen; on a header, Enter or Space sorts (or toggles the
 * screen's selection). Focus is kept on its row while the list scrolls (the focused row stays drawn).
 *
 * **Cards** (issue 12, rule 3). Narrower than `card-breakpoint` (default 840 px: below it fewer than
 * about four of the default columns besides number and status fit) — the table's own width, read by its
 * ResizeObserver, not the viewport's — each row is drawn as a card (`layout="auto"`; `"cards"` and
 * `"table"` force one or the other): the checkbox, the order number and the status with its menu
 * on the first line, never truncated (the status moves to a line of its own under the number when
 * both do not fit whole), then one line per other visible column, labelled with its header, the
 * value ellipsized (whole on hover); from 560 px wide two such fields share a line. No column is dropped for width in card mode. Cards keep the
 * grid semantics and keyboard model: each card is a `row`, each field a `gridcell`; ArrowUp/Down
 * move between cards, ArrowLeft/Right between a card's fields, Enter opens the order (or, on the
 * status, enters it to reach its menu button), Space selects. The header row shows only the
 * "select all on screen" checkbox (sort from the table layout or the host's controls). Every card
 * has the same height, so the list stays virtualised: `--od-order-table-card-height`, by default
 * 2 × 8 px padding + a 32 px first line + 22 px per line of fields.
 *
 * **Loading.** While a new list loads, what was shown stays for up to 300 ms (dimmed after 150 ms),
 * then placeholder rows replace it; "No orders match" (slot `empty`) when nothing matches; the load
 * error with a Retry button (`store.retry()`) when it failed.
 *
 * @tag order-table
 * @summary Virtualised, sortable, selectable order list with keyboard grid navigation.
 *
 * @fires {OrderOpenEvent} order-open - The user opened an order: a row click (not on a control),
 *   Enter on a row, or a status-menu action that needs input. `detail.orderId`.
 * @fires {SelectionChangeEvent} selection-change - The user changed the selection; `detail.count`
 *   is the number of orders selected now.
 * @fires {OrderActionRequestEvent} order-action-request - Cancelable; the user picked an action
 *   from a row's status menu (`detail.orderId`, `detail.action`, and `detail.input`: what the table
 *   would send, e.g. `{ status }` for a generic status change). Cancel it to handle the action
 *   yourself (a dialog for its input, a confirmation, a veto). Not cancelled, the table runs it — or,
 *   when it needs input the table does not have or is destructive, fires `order-open` instead.
 *
 * @slot empty - Replaces the "No orders match" message shown when the query matches nothing.
 * @slot selection-actions - Extra controls in the selection bar (e.g. a `<bulk-action-bar>`).
 *
 * @csspart toolbar - The bar above the grid (selection summary and the Columns button).
 * @csspart selection-bar - The selection summary with "Select all N matching" and "Clear selection".
 * @csspart column-menu-button - The button that opens the column menu.
 * @csspart column-menu - The column menu (visibility checkboxes, move up/down buttons).
 * @csspart table - The grid (`role=grid`), which is also the scroll container.
 * @csspart header - The sticky header row group.
 * @csspart header-cell - Each column header.
 * @csspart row - Each body row; also `selected`, `busy` (an action in flight) and `placeholder`
 *   (not loaded yet): `row selected`, `row busy`, `row placeholder`.
 * @csspart selected - Added to the parts of a selected row.
 * @csspart busy - Added to the parts of a row whose order has an action in flight.
 * @csspart placeholder - Added to the parts of a row whose order is still loading.
 * @csspart cell - Each body cell.
 * @csspart card - Added to the parts of every body row in card mode (`row card`).
 * @csspart card-field - A labelled line of a card (with `cell`): every visible column but the number and status.
 * @csspart card-label - The label (the column header) of a card field.
 * @csspart status-menu - A row's status menu (`role=menu`).
 * @csspart empty-state - Shown when nothing matches.
 * @csspart error-state - Shown when the list failed to load, with a Retry button.
 *
 * @cssprop --od-order-table-row-height - Height of every body row (default 40px).
 * @cssprop --od-order-table-card-height - Height of every card in card mode (default: 48px + 22px per labelled line, plus 1px border); longer cards clip.
 * @cssprop --od-order-table-height - Height of the element (default 600px); or size the element itself.
 * @cssprop --od-order-table-header-background - Background of the header row.
 * @cssprop --od-order-table-row-hover-background - Background of the row under the pointer.
 * @cssprop --od-order-table-selected-background - Background of selected rows.
 * @cssprop --od-order-table-border-color - Lines between rows and around the grid.
 */
export class OrderTable extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly list$ = new StoreController(this, (store) => store.list$);
  private readonly orders$ = new StoreController(this, (store) => store.select(selectOrders));
  private readonly selection$ = new StoreController(this, (store) => store.selection$);
  private readonly inFlight$ = new StoreController(this, (store) => store.inFlight$);
  private readonly query$ = new StoreController(this, (store) => store.query$);
  private readonly errors$ = new StoreController(this, (store) => store.errors$);
  private readonly timeZone$ = new StoreController(this, (store) => store.timeZone$);
  private readonly dismiss = new DismissController(
    this,
    () => this.closePopups(false),
    () => [this.popup, this.popupTrigger],
  );

  @query('.scroller') private scroller!: HTMLElement | null;
  @query('.head') private head!: HTMLElement | null;
  @query('.body') private body!: HTMLElement | null;
  @query('.probe') private probe!: HTMLElement | null;
  @query('[part~="column-menu"], [part~="status-menu"]') private popup!: HTMLElement | null;

  /** The element that opened the popup, to return focus and to ignore presses on it. */
  private popupTrigger: HTMLElement | null = null;

  // Viewport, read from the DOM (not reactive: a scroll re-renders only when the rows in view change).
  private scrollPos = 0;
  /** A guess until measured (a generous one: it only decides how many rows the first request asks for). */
  private viewHeight = 1000;
  private rowHeight = FALLBACK_ROW_HEIGHT;
  private win: RowWindow = rowWindow({ scrollTop: 0, height: 480, rowHeight: FALLBACK_ROW_HEIGHT, total: 0, overscan: 0 });
  private resizeObserver: ResizeObserver | undefined;
  private pool: RowPool | undefined;
  private readonly rowViews = new WeakMap<Element, RowView>();
  private syncedStart = -1;
  private measured = false;
  /** The header checkbox's state as last rendered. */
  private renderedScreen: 'all' | 'some' | 'none' = 'none';
  private reorderTimer: ReturnType<typeof setTimeout> | undefined;

  // Derived once per change of what they depend on, not per row.
  /** The columns drawn: the user's visible ones that fit the width (see `fit.ts`). */
  private shown: readonly ShownColumn[] = [];
  /** The user's visible columns, before fitting. */
  private visible: readonly ShownColumn[] = [];
  /** Grid tracks of `shown` and the rows' width, from the last fit. */
  private tracks: readonly string[] = [];
  private tableWidth = 0;
  /** Whether the first column stays in view while the rows scroll sideways (see `pinsFirstColumn`). */
  private pinned = true;
  /** What `render` computed for the layout sheet (see `applyLayout`). */
  private layoutValues: Layout | undefined;
  /** True while the rows are drawn as cards (see `layout` and `cardBreakpoint`). */
  private cards = false;
  /** Card mode: the status goes under the number (both never truncated) when they do not fit on one line. */
  private stacked = false;
  /** Card mode: the labelled lines go two to a line (the table is at least `CARD_TWO_COLUMNS` wide). */
  private twoColumns = false;
  /** Set when the card mode changed: the row height is measured again after the render. */
  private modeChanged = false;
  /** The scroller's outer width (scrollbar included), which decides the card mode. */
  private boxWidth = 0;
  /**
   * The dynamic layout values (column tracks, table width, body height, status-menu position) as rules
   * of one constructable stylesheet adopted by the shadow root, so no `style` attribute is ever bound
   * (a strict `style-src` CSP blocks those).
   */
  private readonly layoutSheet = supportsAdoptingStyleSheets ? new CSSStyleSheet() : undefined;
  private layoutRules: { frame: CSSStyleDeclaration; body: CSSStyleDeclaration; menu: CSSStyleDeclaration } | undefined;
  /** The scroller's inner width the last fit used. */
  private viewWidth = 0;
  private fitKey = '';
  private arranged: readonly ArrangedColumn[] = [];
  private columnsVersion = 0;
  private context: OrderTableContext | undefined;
  private contextVersion = 0;
  private contextKey: readonly unknown[] = [];
  private prefsKey = '';
  private prefs: ColumnPrefs | undefined;

  // Keyboard and focus.
  /** The active cell: row index in the list (-1 is the header row) and column (0 is the checkbox column). */
  @state() private activeRow = 0;
  @state() private activeCol = 1;
  /** True while the user operates a control inside the active cell (Enter / F2), until Escape. */
  @state() private interacting = false;
  private focusInside = false;
  /** Set by End: the active cell stays in the last column while the columns refit, until the user moves. */
  private atLastCol = false;
  private lostFocus: Element | null = null;
  private focusPending = false;
  private anchor: number | undefined;

  // Popups.
  @state() private columnMenuOpen = false;
  @state() private rowMenu: RowMenu | undefined;
  /** The action whose input dialog is open (a row-menu item that needs input), and on which order. */
  @state() private actionDialog: { readonly orderId: string; readonly action: string } | undefined;
  private columnFocus: { key: string; control: string } | undefined;
  /** Set when a popup opened or changed and focus should go into it after the render. */
  private popupPending = false;

  // Action failures shown beside rows.
  @state() private rowErrors: ReadonlyMap<string, RowError> = new Map();
  private readonly seenErrors = new Set<string>();
  private readonly errorTimers = new Map<string, ReturnType<typeof setTimeout>>();
  @state() private announcement = '';

  private lastQuery: unknown;
  private holding = false;
  private holdStarted = false;
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private scrollReset = false;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The column definitions, in default order (default: `defaultColumns()`). */
  @property({ attribute: false }) columns: readonly OrderTableColumn[] = defaultColumns();

  /** Replacement renderers by column key, applied over `columns`. */
  @property({ attribute: false }) renderers: Readonly<Record<string, CellRenderer>> = {};

  /** The merchant's stores, for store names and time zones (ids are shown without them). */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /** Accessible name of the grid (default "Orders", localised). */
  @property() label = '';

  /** Prefix of the `localStorage` key the column choice is kept under. */
  @property({ attribute: 'storage-key' }) storageKey = 'orderdeck:order-table:columns';

  /** Rows rendered beyond each edge of the viewport (default 6). */
  @property({ type: Number }) overscan = 6;

  /**
   * How the rows are drawn: `'table'` (columns fitted to the width, dropped by priority),
   * `'cards'` (one card per order), or `'auto'` (default): cards while the table's own width — not
   * the viewport's — is below `card-breakpoint`.
   */
  @property({ reflect: true }) layout: OrderTableLayout = 'auto';

  /** With `layout="auto"`, the table's width (px) below which rows are cards (default 840). */
  @property({ attribute: 'card-breakpoint', type: Number }) cardBreakpoint = CARD_BREAKPOINT;

  /** Whether the rows are drawn as cards now (from `layout` and, for `'auto'`, the table's width). */
  get cardMode(): boolean {
    return this.cards;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeSizes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    clearTimeout(this.reorderTimer);
    this.reorderTimer = undefined;
    clearTimeout(this.holdTimer);
    this.holdStarted = false;
    for (const timer of this.errorTimers.values()) clearTimeout(timer);
    this.errorTimers.clear();
    this.closePopups(false);
  }

  /** Moves keyboard focus to the grid's active cell. */
  override focus(options?: FocusOptions): void {
    const cell = this.activeCell();
    if (cell) cell.focus({ preventScroll: true, ...options });
    else super.focus(options);
  }

  /**
   * Moves keyboard focus to the row of an order (scrolling it into view), e.g. when the user comes
   * back from its detail. Returns false, and focuses the grid's active cell, when the order is not
   * in the loaded part of the list.
   */
  focusOrder(orderId: string): boolean {
    const list = this.list$.value;
    let index: number | undefined;
    if (list) for (const [i, id] of list.rows) if (id === orderId) index = i;
    if (index === undefined) {
      this.focus();
      return false;
    }
    this.moveTo(index, this.activeCol);
    return true;
  }

  /** Scrolls the list so the row at `index` is in view. */
  scrollToIndex(index: number): void {
    const total = this.list$.value?.total ?? 0;
    if (total === 0) return;
    this.setScrollTop(scrollTopFor(Math.max(0, Math.min(total - 1, index)), this.viewport(total)));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    adoptStores(this.list$.store, this.stores);
    if (changed.has('overscan') && !(Number.isInteger(this.overscan) && this.overscan >= 0)) {
      console.warn(`orderdeck: <order-table> overscan must be a whole number ≥ 0, got "${String(this.overscan)}"; using 6.`);
      this.overscan = 6;
    }
    if (changed.has('layout') && !LAYOUTS.includes(this.layout)) {
      console.warn(`orderdeck: <order-table> layout must be "auto", "table" or "cards", got "${String(this.layout)}"; using "auto".`);
      this.layout = 'auto';
    }
    if (changed.has('cardBreakpoint') && !(Number.isFinite(this.cardBreakpoint) && this.cardBreakpoint >= 0)) {
      console.warn(`orderdeck: <order-table> card-breakpoint must be a width in px ≥ 0, got "${String(this.cardBreakpoint)}"; using ${CARD_BREAKPOINT}.`);
      this.cardBreakpoint = CARD_BREAKPOINT;
    }
    const store = this.list$.store;
    this.syncColumns(store, changed);
    this.syncContext(store);
    this.syncQuery();
    this.syncErrors();
    const list = this.list$.value;
    this.syncHold(list);
    if (this.scrollReset && this.scroller) {
      // Before this render touches the DOM, so setting it does not force a layout of the new rows.
      this.scrollReset = false;
      this.scroller.scrollTop = 0;
    }
    const total = list?.total ?? 0;
    if (!this.holding) this.win = rowWindow(this.viewport(total));
    if (list?.total !== undefined && this.activeRow >= total) this.activeRow = total > 0 ? total - 1 : -1;
    // Fit the columns to the width before the active cell is checked against them: a refit may
    // drop columns (or bring them back), and the keyboard user stays on the same column when it is
    // still shown, else on the nearest one that is, and sees it once the new layout is drawn.
    const activeKey = this.activeCol > 0 ? this.shown[this.activeCol - 1]?.column.key : undefined;
    const shownBefore = this.shown;
    if (this.fitToWidth()) {
      if (this.shown !== shownBefore && activeKey !== undefined) {
        const at = this.shown.findIndex((c) => c.column.key === activeKey);
        if (at >= 0) this.activeCol = at + 1;
      }
      if (this.focusInside) this.focusPending = true;
    }
    if (this.atLastCol || this.activeCol > this.shown.length) this.activeCol = this.shown.length;
    this.requestRows(store, list);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    const sheet = this.layoutSheet;
    if (sheet && root instanceof ShadowRoot) {
      sheet.replaceSync('.frame {} .body {} .status-menu {}');
      const [frame, body, menu] = [...sheet.cssRules].map((r) => (r as CSSStyleRule).style);
      this.layoutRules = { frame: frame!, body: body!, menu: menu! };
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    return root;
  }

  /**
   * Writes this render's layout values: into the adopted layout sheet, or (where a shadow root cannot
   * adopt sheets) through the CSSOM of the nodes themselves. Either way no `style` attribute is bound.
   */
  private applyLayout(): void {
    const layout = this.layoutValues;
    const root = this.shadowRoot;
    if (!layout || !root) return;
    const rules = this.layoutRules ?? {
      frame: root.querySelector<HTMLElement>('.frame')?.style,
      body: this.body?.style,
      menu: root.querySelector<HTMLElement>('.status-menu')?.style,
    };
    set(rules.frame, '--_cols', layout.cols);
    set(rules.frame, '--_sticky', layout.sticky);
    set(rules.frame, '--_table-width', layout.tableWidth);
    set(rules.frame, '--_card-lines', layout.cardLines);
    set(rules.body, 'block-size', layout.bodyHeight);
    set(rules.menu, 'top', layout.menuTop);
    set(rules.menu, 'left', layout.menuLeft);
  }

  protected override firstUpdated(): void {
    this.observeSizes();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.applyLayout();
    if (this.modeChanged) this.remeasureRows();
    if (!this.measured) {
      // The first render made the frame: measure it now, before any row is drawn, and draw the
      // right number of rows in this same update (a resize later re-renders through the observer).
      this.measured = true;
      if (this.measure()) this.requestRows(this.list$.store, this.list$.value);
    }
    this.syncRows();
    this.restoreFocus();
    if (this.popupPending) {
      this.popupPending = false;
      this.focusPopup();
    }
  }

  protected override render(): TemplateResult {
    const list = this.list$.value;
    const total = list?.total;
    const cols = this.shown;
    const template = this.tracks.length === cols.length ? this.tracks : cols.map((c) => c.column.width ?? '160px');
    const first = template[0] ?? '0px';
    this.pinned = this.pinsFirstColumn(template);
    const loading = !this.holding && (list === undefined || (total === undefined && !list.error));
    // Applied in updated() through the adopted layout sheet: no `style` attribute (strict CSP).
    this.layoutValues = {
      cardLines: this.cards ? String(this.cardLines()) : '',
      cols: `var(--_select-width) ${template.join(' ')}`,
      sticky: this.pinned ? `calc(var(--_select-width) + ${first.startsWith('minmax') ? '0px' : first})` : 'var(--_select-width)',
      tableWidth: this.tableWidth > 0 ? `${this.tableWidth}px` : '',
      bodyHeight: `${loading ? LOADING_ROWS * this.rowHeight : this.win.bodyHeight}px`,
      menuTop: this.rowMenu ? `${this.rowMenu.top}px` : '',
      menuLeft: this.rowMenu ? `${this.rowMenu.left}px` : '',
    };
    return html`
      ${this.renderToolbar(list)}
      <div class=${`frame${this.pinned ? '' : ' unpinned'}${this.cards ? ' cards' : ''}${this.cards && this.stacked ? ' stack' : ''}${this.cards && this.twoColumns ? ' wide' : ''}`}>
        <div
          class="scroller"
          part="table"
          role="grid"
          aria-label=${this.label || uiStrings.orders()}
          aria-rowcount=${total === undefined ? -1 : total + 1}
          aria-colcount=${cols.length + 1}
          aria-multiselectable="true"
          aria-busy=${loading || this.holding || list?.loading ? 'true' : 'false'}
          @scroll=${this.onScroll}
          @keydown=${this.onKeyDown}
          @click=${this.onClick}
          @focusin=${this.onFocusIn}
          @focusout=${this.onFocusOut}
        >
          <div class="head" role="rowgroup" part="header">${this.renderHeader(cols)}</div>
          <div class=${this.holding ? 'body stale' : 'body'} role="rowgroup"></div>
        </div>
        ${this.renderState(list)}
        <div class="probe" aria-hidden="true"></div>
      </div>
      ${this.rowMenu ? this.renderRowMenu(this.rowMenu) : nothing} ${this.renderActionDialog()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────────────

  /** The input dialog of a row-menu action, the same `<order-action-dialog>` the detail uses. */
  private renderActionDialog(): TemplateResult | typeof nothing {
    const open = this.actionDialog;
    const store = this.list$.store;
    const order = open && store?.getCached(open.orderId);
    if (!open || !store || !order) return nothing;
    return html`<order-action-dialog
      action-key=${open.action}
      .order=${order}
      .workflow=${store.workflow}
      .viewer=${store.viewer}
      time-zone=${this.timeZone$.value ?? store.timeZone}
      @action-submit=${this.onActionSubmit}
      @dialog-close=${this.onActionDialogClose}
    ></order-action-dialog>`;
  }

  private renderToolbar(list: ListWindow | undefined): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      ${this.renderSelectionBar(list)}
      <span class="spacer"></span>
      <button
        type="button"
        class="columns-button"
        part="column-menu-button"
        aria-haspopup="true"
        aria-expanded=${this.columnMenuOpen ? 'true' : 'false'}
        @click=${this.toggleColumnMenu}
      >
        ${columnsLabel()}
      </button>
      ${this.columnMenuOpen ? this.renderColumnMenu() : nothing}
    </div>`;
  }

  private renderSelectionBar(list: ListWindow | undefined): TemplateResult {
    const selection = this.selection$.value;
    const total = list?.total;
    const count = selection ? selectionSize(selection, total) : 0;
    if (!selection || count === 0) {
      return html`<div class="selection-bar" part="selection-bar" aria-live="polite"></div>`;
    }
    const all = selection.mode === 'all';
    const offerAll = !all && total !== undefined && count < total && this.screenState() === 'all';
    const matching = formatCount(total ?? 0);
    return html`<div class="selection-bar" part="selection-bar" aria-live="polite">
      <span class="count">${all
        ? msg(str`All ${formatCount(count)} matching orders selected`, { desc: 'Selection bar, everything selected' })
        : msg(str`${formatCount(count)} selected`, { desc: 'Selection bar: how many orders are selected' })}</span>
      ${offerAll
        ? html`<button type="button" class="link" @click=${this.selectAllMatching}>
            ${msg(str`Select all ${matching} matching`, { desc: 'Button: select every order matching the query' })}
          </button>`
        : nothing}
      <button type="button" class="link" @click=${this.clearSelection}>${msg('Clear selection')}</button>
      <slot name="selection-actions"></slot>
    </div>`;
  }

  private renderHeader(cols: readonly ShownColumn[]): TemplateResult {
    const sort = this.query$.value?.sort;
    const active = this.activeRow === -1;
    const screen = this.screenState();
    this.renderedScreen = screen;
    return html`<div class="row header-row" role="row" aria-rowindex="1">
      <div role="columnheader" part="header-cell" class="cell select" data-col="0" tabindex=${active && this.activeCol === 0 ? 0 : -1}>
        <input
          type="checkbox"
          tabindex="-1"
          data-od-action="select-screen"
          aria-label=${msg('Select all orders on screen')}
          .checked=${screen === 'all'}
          .indeterminate=${screen === 'some'}
        />${this.cards
          ? html`<span class="select-all-text" data-od-action="select-screen" aria-hidden="true">${msg('Select all orders on screen')}</span>`
          : nothing}
      </div>
      ${cols.map((c, i) => {
        const col = i + 1;
        const field = c.column.sortField;
        const direction = field !== undefined && sort?.field === field ? sort.direction : undefined;
        const text = headerText(c.column);
        return html`<div
          role="columnheader"
          part="header-cell"
          class=${c.className}
          data-col=${col}
          tabindex=${active && this.activeCol === col ? 0 : -1}
          aria-sort=${ifDefined(field === undefined ? undefined : direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none')}
          title=${text}
        >
          ${field === undefined
            ? text
            : html`<button type="button" class="sort" tabindex="-1" data-od-action="sort">
                <span>${text}</span><span class="sort-mark" aria-hidden="true">${direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
              </button>`}
        </div>`;
      })}
    </div>`;
  }

  // ── Rows ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Shows the rows in view plus overscan (placeholders while loading) in the recycled row elements,
   * and the active row wherever it is, so keyboard focus survives scrolling. Runs after every render.
   */
  private syncRows(): void {
    const body = this.body;
    if (!body || this.holding) return;
    const pool = (this.pool ??= new RowPool(body, () => {
      const el = document.createElement('div');
      el.setAttribute('role', 'row');
      return el;
    }));
    const list = this.list$.value;
    const size = this.poolSize();
    let start = 0;
    let end = 0;
    let pinned = -1;
    if (list && !list.error && list.total === undefined) {
      end = Math.min(LOADING_ROWS, size);
    } else if (list && !list.error && list.total !== undefined) {
      ({ start, end } = this.win);
      if (this.activeRow >= 0 && this.activeRow < list.total) pinned = this.activeRow;
    }
    pool.sync(start, end, size, pinned, (el, index) => this.renderRow(el, index, list));
    if (start !== this.syncedStart) {
      this.syncedStart = start;
      this.scheduleReorder();
    }
  }

  /** Puts the row elements back in visual order once scrolling pauses (screen readers read DOM order). */
  private scheduleReorder(): void {
    clearTimeout(this.reorderTimer);
    this.reorderTimer = setTimeout(() => {
      this.reorderTimer = undefined;
      this.pool?.reorder(this.shadowRoot?.activeElement ?? null);
    }, REORDER_MS);
  }

  /** Writes one row: its attributes (only what changed) and its cells (Lit, guarded per row). */
  private renderRow(el: HTMLElement, index: number, list: ListWindow | undefined): void {
    const view = this.rowViews.get(el) ?? { top: NaN, index: -1, part: '', selected: '', busy: '' };
    this.rowViews.set(el, view);
    const top = index * this.rowHeight - this.win.offset;
    if (view.top !== top) {
      view.top = top;
      el.style.transform = `translateY(${top}px)`;
    }
    if (view.index !== index) {
      view.index = index;
      el.setAttribute('aria-rowindex', String(index + 2));
      el.dataset.index = String(index);
    }
    const id = list?.rows.get(index);
    const order = id === undefined ? undefined : (this.orders$.value ?? NO_ORDERS).get(id);
    const isActive = index === this.activeRow;
    const activeCol = isActive ? this.activeCol : -1;
    // No order yet, or no store any more (an update that lands after the table lost its store).
    if (!order || !this.context) {
      this.setRowState(el, view, this.cards ? 'row card placeholder' : 'row placeholder', '', 'true');
      render(this.renderLoadingCell(isActive), el, { host: this });
      return;
    }
    const selection = this.selection$.value;
    const selected = selection !== undefined && isSelected(selection, order.id);
    const busyAction = (this.inFlight$.value ?? NO_FLIGHTS).get(order.id);
    const error = this.rowErrors.get(order.id)?.message;
    const interacting = isActive && this.interacting;
    const part = `row${this.cards ? ' card' : ''}${selected ? ' selected' : ''}${busyAction !== undefined ? ' busy' : ''}`;
    this.setRowState(el, view, part, selected ? 'true' : 'false', busyAction !== undefined ? 'true' : 'false');
    render(
      html`${guard([order, selected, activeCol === 0, this.locale.locale], () => this.renderSelectCell(order, selected, activeCol === 0))}${guard(
        [order, busyAction, error, index, activeCol, interacting, this.columnsVersion, this.contextVersion],
        () => this.renderCells(order, index, busyAction, error, activeCol, interacting),
      )}`,
      el,
      { host: this },
    );
  }

  private setRowState(el: HTMLElement, view: RowView, part: string, selected: string, busy: string): void {
    if (view.part !== part) {
      view.part = part;
      el.setAttribute('part', part);
      el.className = part;
    }
    if (view.selected !== selected) {
      view.selected = selected;
      if (selected) el.setAttribute('aria-selected', selected);
      else el.removeAttribute('aria-selected');
    }
    if (view.busy !== busy) {
      view.busy = busy;
      el.setAttribute('aria-busy', busy);
    }
  }

  private renderLoadingCell(active: boolean): TemplateResult {
    return html`<div role="gridcell" part="cell" class="cell loading" aria-colspan=${this.shown.length + 1} data-col="0" tabindex=${active ? 0 : -1}>
      <span class="visually-hidden">${uiStrings.loading()}</span><span class="bar" aria-hidden="true"></span>
    </div>`;
  }

  private renderSelectCell(order: Order, selected: boolean, active: boolean): TemplateResult {
    return html`<div role="gridcell" part="cell" class="cell select" data-col="0" tabindex=${active ? 0 : -1}>
      <input
        type="checkbox"
        tabindex="-1"
        data-od-action="select"
        aria-label=${msg(str`Select order ${order.number}`)}
        .checked=${selected}
      />
    </div>`;
  }

  private renderCells(
    order: Order,
    index: number,
    busyAction: string | undefined,
    error: string | undefined,
    activeCol: number,
    interacting: boolean,
  ): TemplateResult[] {
    const base = this.context as OrderTableContext;
    // One context per row; the cell being interacted with gets its own (its controls are tabbable).
    const ctx: CellContext = { ...base, index, busyAction, error, tabIndex: -1 };
    const templates: TemplateResult[] = [];
    const shown = this.shown;
    for (let i = 0; i < shown.length; i++) {
      const c = shown[i] as ShownColumn;
      const col = i + 1;
      const here = activeCol === col;
      const cellCtx = here && interacting ? { ...ctx, tabIndex: 0 } : ctx;
      const content = c.render(order, cellCtx);
      if (this.cards && !CARD_HEAD.has(c.column.key)) {
        // A labelled line of the card: the column's header, then the value (ellipsized, whole on hover).
        // The label is drawn from `data-label` by CSS (and read by screen readers as text), so the
        // cell's textContent is its value alone, as in the table: hosts and tests read it the same way.
        templates.push(
          html`<div role="gridcell" part="cell card-field" class=${`${c.className} field`} data-col=${col} tabindex=${here && !interacting ? 0 : -1}><span class="card-label" part="card-label" data-label=${headerText(c.column)}></span><span class="card-value" title=${ifDefined(typeof content === 'string' ? content : undefined)}>${content}</span></div>`,
        );
        continue;
      }
      // Text that may ellipsize keeps its whole self on hover (screen readers read the text itself).
      templates.push(
        html`<div role="gridcell" part="cell" class=${c.className} data-col=${col} tabindex=${here && !interacting ? 0 : -1} title=${ifDefined(typeof content === 'string' ? content : undefined)}>${content}</div>`,
      );
    }
    return templates;
  }

  private renderState(list: ListWindow | undefined): TemplateResult | typeof nothing {
    if (list?.error) {
      return html`<div class="state" part="error-state" role="alert">
        <p class="title">${msg('The orders could not be loaded.')}</p>
        <p class="hint">${list.error.message}</p>
        <button type="button" class="primary" @click=${this.retry}>${uiStrings.retry()}</button>
      </div>`;
    }
    if (list?.total === 0) {
      return html`<div class="state" part="empty-state">
        <slot name="empty">
          <p class="title">${uiStrings.noOrdersMatch()}</p>
          <p class="hint">${msg('Try another tab, a shorter search or a wider date range.', { desc: 'Hint under "No orders match"' })}</p>
        </slot>
      </div>`;
    }
    return nothing;
  }

  private renderColumnMenu(): TemplateResult {
    const arranged = this.arranged;
    const visibleCount = arranged.filter((a) => a.visible).length;
    return html`<div class="popup column-menu" part="column-menu" role="dialog" aria-label=${columnsLabel()} @keydown=${this.onPopupKeyDown}>
      <ul>
        ${repeat(
          arranged,
          (a) => a.column.key,
          (a, i) => {
            const text = headerText(a.column);
            return html`<li data-key=${a.column.key}>
              <label>
                <input
                  type="checkbox"
                  data-control="toggle"
                  .checked=${a.visible}
                  ?disabled=${a.visible && visibleCount === 1}
                  @change=${() => this.toggleColumn(a.column.key)}
                />
                ${text}
              </label>
              <button type="button" class="icon" data-control="up" ?disabled=${i === 0}
                aria-label=${msg(str`Move ${text} up`, { desc: 'Column menu: move a column earlier' })}
                @click=${() => this.moveColumn(a.column.key, -1)}>↑</button>
              <button type="button" class="icon" data-control="down" ?disabled=${i === arranged.length - 1}
                aria-label=${msg(str`Move ${text} down`, { desc: 'Column menu: move a column later' })}
                @click=${() => this.moveColumn(a.column.key, 1)}>↓</button>
            </li>`;
          },
        )}
      </ul>
      <div class="popup-actions">
        <button type="button" class="link" @click=${this.resetColumns}>${msg('Reset columns')}</button>
        <button type="button" class="link" @click=${() => this.closePopups(true)}>${msg('Close', { desc: 'Button: close a menu or panel' })}</button>
      </div>
    </div>`;
  }

  private renderRowMenu(menu: RowMenu): TemplateResult {
    const store = this.list$.store;
    return html`<div
      class="popup status-menu"
      part="status-menu"
      role="menu"
      aria-label=${msg(str`Change status of order ${menu.number}`)}
      @keydown=${this.onPopupKeyDown}
    >
      ${menu.items.length === 0
        ? html`<div role="menuitem" aria-disabled="true" tabindex="-1" class="empty">${msg('No status changes available')}</div>`
        : menu.items.map((item) => {
            const label = item.status !== undefined && store
              ? msg(str`${resolveText(item.action.label)}: ${this.statusView(item.status).label}`, { desc: 'Status menu: a generic status change and its target' })
              : resolveText(item.action.label);
            return html`<button type="button" role="menuitem" tabindex="-1" class=${item.action.destructive ? 'destructive' : ''}
              @click=${() => this.chooseAction(menu, item)}>${label}${item.needsHost ? '…' : ''}</button>`;
          })}
    </div>`;
  }

  // ── Derived state ──────────────────────────────────────────────────────────────────────────

  /** Row elements kept for recycling: enough for a screenful plus overscan at any scroll offset. */
  private poolSize(): number {
    return Math.ceil(this.viewHeight / this.rowHeight) + 1 + 2 * Math.max(0, this.overscan);
  }

  private viewport(total: number): { scrollTop: number; height: number; rowHeight: number; total: number; overscan: number } {
    return { scrollTop: this.scrollPos, height: this.viewHeight, rowHeight: this.rowHeight, total, overscan: Math.max(0, this.overscan) };
  }

  private syncColumns(store: OrderStore | undefined, changed: PropertyValues<this>): void {
    const key = store ? `${this.storageKey}:${store.viewer.id}:${store.workflow.key}` : '';
    const keyChanged = key !== this.prefsKey;
    if (keyChanged) {
      this.prefsKey = key;
      this.prefs = key ? readPrefs(key) : undefined;
    }
    if (!keyChanged && !changed.has('columns') && !changed.has('renderers') && this.columnsVersion > 0) return;
    this.arrangeColumns();
  }

  private arrangeColumns(): void {
    this.arranged = arrange(this.columns, this.prefs);
    this.fitKey = '';
    this.visible = this.arranged
      .filter((a) => a.visible)
      .map(({ column }) => ({
        column,
        render: this.renderers[column.key] ?? column.renderer,
        className: `cell ${column.align ?? 'start'}${column.sortField ? ' sortable' : ''} col-${column.key.replace(/[^\w-]/g, '-')}`,
      }));
    this.shown = this.visible;
    this.columnsVersion++;
  }

  /**
   * Fits the visible columns into the width the table has (issue 12, rule 3): the order number and
   * the status as wide as their longest content (loaded numbers; every status label of the workflow
   * in this locale), the rest flexing down to their minimum; columns go by priority when even that
   * does not fit. Runs before each render (in `willUpdate`); does nothing, and returns false, when
   * nothing it depends on changed.
   */
  private fitToWidth(): boolean {
    const store = this.list$.store;
    this.measureContent();
    const statusWidth = store ? this.statusWidth(store) : 0;
    const widths = [...this.contentWidths.values()].join(',');
    const cards = this.wantsCards();
    const mode = `${cards}|${this.boxWidth}`;
    const key = `${this.columnsVersion}|${this.viewWidth}|${widths}|${statusWidth}|${mode}`;
    if (key === this.fitKey) return false;
    if (cards !== this.cards) {
      this.cards = cards;
      this.modeChanged = true;
      this.columnsVersion++;
    }
    if (cards) {
      this.fitCards(statusWidth);
      this.fitKey = `${this.columnsVersion}|${this.viewWidth}|${widths}|${statusWidth}|${mode}`;
      return true;
    }
    const inputs: FitInput[] = this.visible.map(({ column }) => {
      const measured = this.contentWidths.get(column.key);
      const fixed =
        column.fit === 'content'
          ? column.key === 'status' && statusWidth > 0
            ? statusWidth
            : measured !== undefined
              ? measured
              : (pxOf(column.width) ?? 160)
          : column.minWidth === undefined
            ? (pxOf(column.width) ?? 160)
            : undefined;
      return { key: column.key, fixed, min: column.minWidth ?? 0, grow: column.grow ?? 1, priority: column.priority ?? 2 };
    });
    const fit = fitColumns(inputs, this.viewWidth, SELECT_WIDTH);
    const kept = new Set(fit.keys);
    const shown = this.visible.filter((c) => kept.has(c.column.key));
    if (shown.length !== this.shown.length || shown.some((c, i) => c !== this.shown[i])) {
      this.shown = shown;
      this.columnsVersion++;
    }
    this.fitKey = `${this.columnsVersion}|${this.viewWidth}|${widths}|${statusWidth}|${mode}`;
    this.tracks = fit.tracks;
    this.tableWidth = fit.width;
    return true;
  }

  /** Whether the rows should be cards: `layout`, and for `'auto'` the table's own width against `cardBreakpoint`. */
  private wantsCards(): boolean {
    return this.layout === 'cards' || (this.layout === 'auto' && this.boxWidth > 0 && this.boxWidth < this.cardBreakpoint);
  }

  /**
   * Card mode: every visible column is on the card (none dropped for width); the order number and
   * the status share the first line when both fit whole beside the checkbox, else the status goes on
   * a line of its own under the number, so neither is ever truncated.
   */
  private fitCards(statusWidth: number): void {
    if (this.shown !== this.visible) {
      this.shown = this.visible;
      this.columnsVersion++;
    }
    this.tracks = [];
    this.tableWidth = 0;
    const keys = new Set(this.shown.map((c) => c.column.key));
    // Measured widths include the table's 2 × 10 px cell padding; a card's head cells have 2 × 6 px,
    // and the card 8 px at its inline end. The number may carry the printed mark (16 + 4 px).
    const number = keys.has('number') ? (this.contentWidths.get('number') ?? 164) - 22 + 12 + 20 : 0;
    const status = keys.has('status') ? (statusWidth > 0 ? statusWidth : 210) - 20 + 12 : 0;
    const stacked = number > 0 && status > 0 && SELECT_WIDTH + number + status + 8 > this.viewWidth;
    const twoColumns = this.viewWidth >= CARD_TWO_COLUMNS;
    if (stacked !== this.stacked || twoColumns !== this.twoColumns) {
      this.stacked = stacked;
      this.twoColumns = twoColumns;
      this.modeChanged = true;
    }
  }

  /** Card mode: the labelled lines under the first line (one more when the status is stacked). */
  private cardLines(): number {
    const fields = this.shown.filter((c) => !CARD_HEAD.has(c.column.key)).length;
    return Math.ceil(fields / (this.twoColumns ? 2 : 1)) + (this.stacked ? 1 : 0);
  }

  /**
   * After the card mode (or the card's shape) changed, the probe has the new row height: measure it
   * now and keep the first row in view where it was, so the switch does not jump through the list.
   */
  private remeasureRows(): void {
    this.modeChanged = false;
    const rowHeight = this.probe?.offsetHeight || FALLBACK_ROW_HEIGHT;
    if (rowHeight === this.rowHeight) return;
    const total = this.list$.value?.total ?? 0;
    const first = this.win.first;
    this.rowHeight = rowHeight;
    if (this.holding) return;
    this.win = rowWindow(this.viewport(total));
    // From below every row, scrollTopFor puts the row at the top of the view.
    if (total > 0) this.setScrollTop(first === 0 ? 0 : scrollTopFor(first, { ...this.viewport(total), scrollTop: Number.MAX_SAFE_INTEGER }));
    else this.requestUpdate();
  }

  /**
   * The first column is pinned beside the checkbox only while the grid can still show it together
   * with the widest of the other columns: below that (a phone-narrow table, where only the columns
   * that never drop are left) pinning would hide part of any other focused cell, so it scrolls too.
   */
  private pinsFirstColumn(template: readonly string[]): boolean {
    if (this.viewWidth <= 0 || template.length < 2) return true;
    const least = (track: string): number => pxOf(track) ?? Number(/^minmax\((\d+(?:\.\d+)?)px/.exec(track)?.[1] ?? 0);
    const widest = Math.max(...template.slice(1).map(least));
    return SELECT_WIDTH + least(template[0]!) + widest <= this.viewWidth;
  }

  /**
   * Widths (px, padding and border included) of the content-fitted columns over the loaded rows; they
   * only grow while scrolling (no jitter), and start again when the columns, locale or zone change.
   */
  private contentWidths = new Map<string, number>();
  private measuredList: unknown;
  private measuredKey: unknown[] = [];
  private measureContent(): void {
    const list = this.list$.value;
    const orders = this.orders$.value;
    const ctx = this.context;
    if (!list || !orders || !ctx) return;
    const key = [this.visible, this.locale.locale, ctx];
    if (key.some((k, i) => k !== this.measuredKey[i])) {
      this.measuredKey = key;
      this.contentWidths = new Map();
      this.measuredList = undefined;
    }
    if (this.measuredList === list) return;
    this.measuredList = list;
    const fonts = [this.cellFont(600, '--_font-size', 14), this.cellFont(400, '--_font-size', 14)];
    const sample: Order[] = [];
    for (const id of list.rows.values()) {
      const order = orders.get(id);
      if (order) sample.push(order);
      if (sample.length >= 300) break;
    }
    if (sample.length === 0) return;
    const next = new Map(this.contentWidths);
    this.visible.forEach(({ column }, i) => {
      const text = column.fit === 'content' ? column.fitText : undefined;
      if (!text) return;
      // The first column is bold (the order number); the padding is 2 × 10 px, plus the sticky border.
      const font = fonts[i === 0 ? 0 : 1]!;
      let widest = 0;
      for (const order of sample) widest = Math.max(widest, textWidth(text(order, ctx), font));
      if (widest > 0) next.set(column.key, Math.max(next.get(column.key) ?? 0, Math.ceil(widest) + 20 + (i === 0 ? 2 : 1)));
    });
    this.contentWidths = next;
  }

  /** The status column's width: the widest status pill of the workflow in this locale, plus its menu button. */
  private statusCache: { key: unknown[]; width: number } | undefined;
  private statusWidth(store: OrderStore): number {
    const key = [store.workflow, this.locale.locale];
    if (this.statusCache && key.every((k, i) => k === this.statusCache!.key[i])) return this.statusCache.width;
    const font = this.cellFont(600, '--_font-size-sm', 12);
    const widest = Math.max(0, ...store.workflow.statuses.map((s) => textWidth(resolveText(s.label, this.locale.locale), font)));
    // Pill padding 2×8, the menu button 24 + 4, the cell's padding 2×10, and a little slack.
    const width = widest > 0 ? Math.ceil(widest) + 16 + 28 + 20 + 4 : 0;
    this.statusCache = { key, width };
    return width;
  }

  private cellFont(weight: number, sizeVar: string, fallback: number): string {
    const style = getComputedStyle(this);
    const size = parseFloat(style.getPropertyValue(sizeVar)) || fallback;
    return `${weight} ${size}px ${style.fontFamily || 'sans-serif'}`;
  }

  private syncContext(store: OrderStore | undefined): void {
    const locale = this.locale.locale;
    const timeZone = this.timeZone$.value ?? store?.timeZone ?? browserTimeZone();
    const key = [store?.workflow, store?.viewer, this.stores, locale, timeZone];
    if (this.context && key.every((k, i) => k === this.contextKey[i])) return;
    this.contextKey = key;
    if (!store) {
      this.context = undefined;
      return;
    }
    const { workflow, viewer } = store;
    const statuses = new Map<string, StatusView>(
      workflow.statuses.map((s) => [s.key, { label: resolveText(s.label, locale), tone: s.tone }]),
    );
    const lookup = storeLookup(this.stores);
    const actions = new Map<string, readonly ActionDef[]>();
    this.context = {
      workflow,
      viewer,
      locale,
      storeName: lookup.name,
      storeTimeZone: lookup.timeZone,
      timeZone,
      status: (key) => statuses.get(key) ?? { label: key, tone: 'neutral' },
      rowActions: (order) => {
        const k = actionStateKey(order);
        let found = actions.get(k);
        if (!found) {
          found = menuActions(workflow, order, viewer);
          actions.set(k, found);
        }
        return found;
      },
    };
    this.contextVersion++;
  }

  private statusView(key: string): StatusView {
    return this.context?.status(key) ?? { label: key, tone: 'neutral' };
  }

  /**
   * While a new list loads (first load, a new query, a data reset), what was shown stays — the
   * previous rows, dimmed after a moment, or nothing yet — for up to `HOLD_MS` before placeholders
   * replace it: a fast backend answers well within it, so nothing flickers and no row is rebuilt
   * twice; a slow one gets placeholders.
   */
  private syncHold(list: ListWindow | undefined): void {
    const resetting = list !== undefined && list.total === undefined && !list.error;
    if (!resetting) {
      this.holding = false;
      this.holdStarted = false;
      clearTimeout(this.holdTimer);
      return;
    }
    if (this.holdStarted) return;
    this.holdStarted = true;
    this.holding = true;
    this.holdTimer = setTimeout(() => {
      this.holding = false;
      this.requestUpdate();
    }, HOLD_MS);
  }

  /** A new query shows a new list: back to its top, nothing anchored, no menu open. */
  private syncQuery(): void {
    const query = this.query$.value;
    if (query === this.lastQuery) return;
    const first = this.lastQuery === undefined;
    this.lastQuery = query;
    if (first) return;
    this.scrollPos = 0;
    this.scrollReset = true;
    this.anchor = undefined;
    if (this.activeRow > 0) this.activeRow = 0;
    this.rowMenu = undefined;
  }

  /** Picks up new action failures: shown beside their row for a while, and announced. */
  private syncErrors(): void {
    const errors = this.errors$.value;
    if (!errors) return;
    let next: Map<string, RowError> | undefined;
    for (const error of errors) {
      if (this.seenErrors.has(error.id) || error.kind !== 'action' || error.orderId === undefined) continue;
      this.seenErrors.add(error.id);
      next ??= new Map(this.rowErrors);
      next.set(error.orderId, { errorId: error.id, message: error.error.message });
      this.announce(this.describeError(error));
      this.expireError(error.orderId, error.id);
    }
    if (next) this.rowErrors = next;
  }

  private describeError(error: StoreError): string {
    const order = error.orderId === undefined ? undefined : this.orders$.value?.get(error.orderId);
    const number = order?.number ?? error.orderId ?? '';
    return msg(str`Order ${number}: ${error.error.message}`, { desc: 'Announcement: an action on an order failed' });
  }

  private expireError(orderId: string, errorId: string): void {
    clearTimeout(this.errorTimers.get(orderId));
    this.errorTimers.set(
      orderId,
      setTimeout(() => {
        this.errorTimers.delete(orderId);
        if (this.rowErrors.get(orderId)?.errorId !== errorId) return;
        const next = new Map(this.rowErrors);
        next.delete(orderId);
        this.rowErrors = next;
      }, ERROR_MS),
    );
  }

  /**
   * Asks the store for the rows in view plus overscan and a screenful beyond each edge when any of
   * them is missing, so the rows scrolled to next are usually loaded before they are drawn.
   */
  private requestRows(store: OrderStore | undefined, list: ListWindow | undefined): void {
    if (!store || !list || list.error || list.total === 0) return;
    const screen = Math.ceil(this.viewHeight / this.rowHeight);
    const total = list.total ?? this.win.start + screen + this.overscan;
    const from = Math.max(0, this.win.start - screen);
    const to = Math.min(total, (list.total === undefined ? total : this.win.end) + screen);
    for (let i = from; i < to; i++) {
      if (!list.rows.has(i)) {
        store.requestRange(from, to);
        return;
      }
    }
  }

  /** True when every row to draw (in view plus overscan) is loaded. */
  private rowsLoaded(): boolean {
    const list = this.list$.value;
    if (!list || list.total === undefined) return false;
    const { start, end } = this.win;
    for (let i = start; i < end; i++) if (!list.rows.has(i)) return false;
    return true;
  }

  /** Whether the loaded rows on screen are all, some or none selected. */
  private screenState(): 'all' | 'some' | 'none' {
    const list = this.list$.value;
    const selection = this.selection$.value;
    if (!list || !selection) return 'none';
    let loaded = 0;
    let selected = 0;
    for (let i = this.win.first; i < this.win.last; i++) {
      const id = list.rows.get(i);
      if (id === undefined) continue;
      loaded++;
      if (isSelected(selection, id)) selected++;
    }
    if (loaded === 0 || selected === 0) return 'none';
    return selected === loaded ? 'all' : 'some';
  }

  // ── DOM: sizes, scrolling, focus ──────────────────────────────────────────────────────────

  private observeSizes(): void {
    if (this.resizeObserver || typeof ResizeObserver === 'undefined') return;
    this.resizeObserver = new ResizeObserver(() => {
      if (this.measure()) this.requestUpdate();
    });
    for (const el of [this.scroller, this.head, this.probe]) if (el) this.resizeObserver.observe(el);
  }

  /** Reads the row height and the rows' viewport height; true when either changed. */
  private measure(): boolean {
    const scroller = this.scroller;
    if (!scroller) return false;
    const rowHeight = this.probe?.offsetHeight || FALLBACK_ROW_HEIGHT;
    const viewHeight = Math.max(0, scroller.clientHeight - (this.head?.offsetHeight ?? 0));
    const viewWidth = scroller.clientWidth;
    const boxWidth = scroller.offsetWidth;
    if (viewWidth !== this.viewWidth || boxWidth !== this.boxWidth) {
      this.viewWidth = viewWidth;
      this.boxWidth = boxWidth;
      // Refitting resizes the header the observer watches, and switching between table and cards the
      // probe it watches: re-render in the next frame, not this one.
      if ((rowHeight === this.rowHeight && viewHeight === this.viewHeight) || this.wantsCards() !== this.cards) {
        requestAnimationFrame(() => this.requestUpdate());
        return false;
      }
    }
    if (rowHeight === this.rowHeight && viewHeight === this.viewHeight) return false;
    this.rowHeight = rowHeight;
    this.viewHeight = viewHeight;
    if (!this.holding) this.win = rowWindow(this.viewport(this.list$.value?.total ?? 0));
    return true;
  }

  private onScroll(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const moved = scroller.scrollTop !== this.scrollPos;
    this.scrollPos = scroller.scrollTop;
    const next = rowWindow(this.viewport(this.list$.value?.total ?? 0));
    const win = this.win;
    if (next.start !== win.start || next.end !== win.end || next.first !== win.first || next.last !== win.last || next.offset !== win.offset) {
      this.win = next;
      // Ask for missing rows now: a fast backend answers before the render this schedules.
      this.requestRows(this.list$.store, this.list$.value);
      if (this.rowsLoaded() && !this.holding) {
        // Everything to draw is loaded: rebind the rows right here, without re-rendering the rest
        // (a full update follows only when the header checkbox's state changes with the rows on screen).
        this.syncRows();
        this.restoreFocus();
        if (this.screenState() !== this.renderedScreen) this.requestUpdate();
      } else {
        this.requestUpdate();
      }
    }
    // The menu belongs to a row that moved away; sideways scrolling keeps it.
    if (this.rowMenu && moved) this.closePopups(false);
  }

  private setScrollTop(top: number): void {
    const scroller = this.scroller;
    this.scrollPos = Math.max(0, top);
    if (scroller && Math.abs(scroller.scrollTop - top) >= 1) scroller.scrollTop = top;
    this.requestUpdate();
  }

  private activeCell(): HTMLElement | null {
    const root = this.shadowRoot;
    if (!root) return null;
    const row = this.activeRow === -1 ? root.querySelector('.header-row') : this.pool?.elementFor(this.activeRow);
    if (!row) return null;
    return row.querySelector<HTMLElement>(`[data-col="${this.activeCol}"]`) ?? row.querySelector<HTMLElement>('[data-col]');
  }

  /** Keeps DOM focus on the active cell across re-renders (rows are recycled while scrolling). */
  private restoreFocus(): void {
    const root = this.shadowRoot;
    if (!root || this.popupPending || this.rowMenu) return;
    const lost = this.lostFocus !== null && !this.lostFocus.isConnected;
    if (!this.focusPending && !lost && !this.focusInside) return;
    const cell = this.activeCell();
    if (!cell) return;
    const current = root.activeElement;
    const inCell = current !== null && cell.contains(current);
    if (!this.focusPending && !lost && inCell) return;
    this.focusPending = false;
    this.lostFocus = null;
    if (!inCell || (current !== cell && !this.interacting)) {
      // The focused node was recycled for another row or removed: focus follows the active cell.
      if (this.interacting) this.interacting = false;
      cell.focus({ preventScroll: true });
    }
    this.keepColumnInView(cell);
  }

  private keepColumnInView(cell: HTMLElement): void {
    const scroller = this.scroller;
    if (!scroller) return;
    // The checkbox and (while pinned) the first column are sticky: they are always in view. For the
    // others the scroller's scroll-padding keeps them clear of the sticky ones, in either direction.
    const col = Number(cell.dataset.col);
    if (col === 0 || (col === 1 && this.pinned)) return;
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private onFocusIn(event: FocusEvent): void {
    this.focusInside = true;
    this.lostFocus = null;
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-col]');
    if (!cell) return;
    const row = cell.closest<HTMLElement>('[role="row"]');
    const index = row?.dataset.index === undefined ? -1 : Number(row.dataset.index);
    // A placeholder row has one cell: it stands in for the active column, it does not change it.
    const col = cell.classList.contains('loading') ? this.activeCol : Number(cell.dataset.col);
    if (index !== this.activeRow || col !== this.activeCol) {
      this.atLastCol = false;
      this.activeRow = index;
      this.activeCol = col;
      this.interacting = false;
    }
    if (target !== cell && !this.interacting && target.matches(CONTROL)) {
      // A pointer press focused a control: the user is working inside the cell now.
      this.interacting = true;
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && this.scroller?.contains(next)) return;
    this.focusInside = false;
    this.lostFocus = event.target as Element;
    if (next) {
      this.lostFocus = null;
      this.interacting = false;
    }
  }

  // ── Keyboard ───────────────────────────────────────────────────────────────────────────────

  private onKeyDown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-col]');
    if (!cell || event.altKey || event.metaKey) return;
    if (this.interacting && target !== cell) {
      if (event.key === 'Escape' || event.key === 'F2') {
        event.preventDefault();
        this.interacting = false;
        this.focusPending = true;
        this.requestUpdate();
      }
      return;
    }
    const total = this.list$.value?.total ?? 0;
    // A card list's header row shows only its checkbox (the other headers are hidden).
    const lastCol = this.cards && this.activeRow === -1 ? 0 : this.shown.length;
    const page = Math.max(1, this.win.last - this.win.first - 1);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const row = this.activeRow;
    const col = this.activeCol;
    const ctrl = event.ctrlKey;
    switch (event.key) {
      case 'ArrowDown':
        this.moveTo(Math.min(row + 1, total - 1), col);
        break;
      case 'ArrowUp':
        this.moveTo(Math.max(row - 1, -1), col);
        break;
      case 'ArrowRight':
        this.moveTo(row, Math.max(0, Math.min(lastCol, col + (rtl ? -1 : 1))));
        break;
      case 'ArrowLeft':
        this.moveTo(row, Math.max(0, Math.min(lastCol, col + (rtl ? 1 : -1))));
        break;
      case 'PageDown':
        this.moveTo(Math.min(total - 1, Math.max(0, row + page)), col);
        break;
      case 'PageUp':
        this.moveTo(row <= 0 ? row : Math.max(0, row - page), col);
        break;
      case 'Home':
        this.moveTo(ctrl ? (total > 0 ? 0 : -1) : row, 0);
        break;
      case 'End':
        this.moveTo(ctrl ? total - 1 : row, lastCol);
        // The last column, whatever the next fit keeps (the columns may be refitting to a new width).
        this.atLastCol = true;
        break;
      case 'Enter':
        this.activateCell(cell, row);
        break;
      case 'F2':
        this.enterCell(cell);
        break;
      case ' ':
        if (row === -1) this.activateHeader(cell);
        else this.toggleRow(row, event.shiftKey);
        break;
      case 'a':
        if (!ctrl || row === -1) return;
        this.selectScreen();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private moveTo(row: number, col: number): void {
    this.atLastCol = false;
    const total = this.list$.value?.total ?? 0;
    const nextRow = total === 0 ? -1 : Math.max(-1, Math.min(total - 1, row));
    this.activeRow = nextRow;
    this.activeCol = this.cards && nextRow === -1 ? 0 : col;
    this.interacting = false;
    this.focusPending = true;
    if (nextRow >= 0) {
      const top = scrollTopFor(nextRow, this.viewport(total));
      if (top !== this.scrollPos) this.setScrollTop(top);
    }
    this.requestUpdate();
  }

  /** Enter: sort / toggle on a header, enter a cell with controls, or open the order. */
  private activateCell(cell: HTMLElement, row: number): void {
    if (row === -1) {
      this.activateHeader(cell);
      return;
    }
    if (this.enterCell(cell)) return;
    this.openRow(row);
  }

  private activateHeader(cell: HTMLElement): void {
    const control = cell.querySelector<HTMLElement>('[data-od-action]');
    if (control?.dataset.odAction === 'select-screen') this.toggleScreen();
    else if (control?.dataset.odAction === 'sort') this.sortBy(Number(cell.dataset.col));
  }

  /** Moves focus into the cell's first control (interaction mode); false when it has none. */
  private enterCell(cell: HTMLElement): boolean {
    if (cell.dataset.col === '0') return false;
    const control = cell.querySelector<HTMLElement>(CONTROL);
    if (!control) return false;
    this.interacting = true;
    for (const el of cell.querySelectorAll<HTMLElement>(CONTROL)) el.tabIndex = 0;
    cell.tabIndex = -1;
    control.focus();
    return true;
  }

  // ── Pointer ────────────────────────────────────────────────────────────────────────────────

  private onClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>('[data-col]');
    const rowEl = target.closest<HTMLElement>('[role="row"]');
    if (!cell || !rowEl) return;
    const header = rowEl.classList.contains('header-row');
    const index = header ? -1 : Number(rowEl.dataset.index);
    const action = target.closest<HTMLElement>('[data-od-action]')?.dataset.odAction;
    const control = target.closest<HTMLElement>(CONTROL);
    this.activeRow = index;
    this.activeCol = Number(cell.dataset.col);
    switch (action) {
      case 'select-screen':
        this.toggleScreen();
        (target as HTMLInputElement).checked = this.screenState() === 'all';
        this.refocus();
        return;
      case 'sort':
        this.sortBy(Number(cell.dataset.col));
        this.refocus();
        return;
      case 'select':
        this.toggleRow(index, event.shiftKey);
        (target as HTMLInputElement).checked = this.isRowSelected(index);
        this.refocus();
        return;
      case 'status-menu':
        this.openRowMenu(index, target.closest('button') as HTMLButtonElement);
        return;
      default:
        break;
    }
    if (control && control !== cell) return;
    if (header) return;
    // The checkbox column is a large target for the checkbox; elsewhere a click opens the order.
    if (cell.dataset.col === '0') {
      this.toggleRow(index, event.shiftKey);
      this.refocus();
    } else {
      this.openRow(index);
    }
  }

  /** Back to cell navigation, focus on the active cell. */
  private refocus(): void {
    this.interacting = false;
    this.focusPending = true;
    this.requestUpdate();
  }

  // ── Commands ───────────────────────────────────────────────────────────────────────────────

  private orderAt(index: number): Order | undefined {
    const id = this.list$.value?.rows.get(index);
    return id === undefined ? undefined : this.orders$.value?.get(id);
  }

  private isRowSelected(index: number): boolean {
    const id = this.list$.value?.rows.get(index);
    const selection = this.selection$.value;
    return id !== undefined && selection !== undefined && isSelected(selection, id);
  }

  private openRow(index: number): void {
    const id = this.list$.value?.rows.get(index);
    if (id === undefined) return;
    /** @ignore (documented by @fires on the class) */
    this.dispatchEvent(new OrderOpenEvent(id));
  }

  private toggleRow(index: number, range: boolean): void {
    const store = this.list$.store;
    const id = this.list$.value?.rows.get(index);
    if (!store || id === undefined) return;
    if (range && this.anchor !== undefined) store.selectRange(this.anchor, index);
    else store.toggle(id);
    this.anchor = index;
    this.selectionChanged();
  }

  private toggleScreen(): void {
    const store = this.list$.store;
    if (!store) return;
    if (this.screenState() === 'all') store.clearSelection();
    else this.selectScreen();
    this.selectionChanged();
  }

  private selectScreen(): void {
    const store = this.list$.store;
    const { first, last } = this.win;
    if (!store || last <= first) return;
    store.selectRange(first, last - 1);
    this.selectionChanged();
  }

  private selectAllMatching(): void {
    this.list$.store?.selectAllMatching();
    this.selectionChanged();
  }

  private clearSelection(): void {
    this.list$.store?.clearSelection();
    this.anchor = undefined;
    this.selectionChanged();
  }

  private selectionChanged(): void {
    const store = this.list$.store;
    if (!store) return;
    const { selection, list } = store.snapshot;
    /** @ignore (documented by @fires on the class) */
    this.dispatchEvent(new SelectionChangeEvent(selectionSize(selection, list.total)));
  }

  private sortBy(col: number): void {
    const store = this.list$.store;
    const column = this.shown[col - 1]?.column;
    const field = column?.sortField;
    if (!store || !column || field === undefined) return;
    const current = store.snapshot.query.sort;
    const sort: SortSpec =
      current?.field === field
        ? { field, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { field, direction: column.sortDirection ?? 'asc' };
    store.setQuery({ sort });
    const text = headerText(column);
    this.announce(
      sort.direction === 'asc'
        ? msg(str`Sorted by ${text}, ascending`, { desc: 'Announcement after sorting' })
        : msg(str`Sorted by ${text}, descending`, { desc: 'Announcement after sorting' }),
    );
  }

  private retry(): void {
    this.list$.store?.retry();
  }

  private announce(text: string): void {
    // A changed string is announced; the same one twice in a row needs a nudge.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  // ── Status menu ────────────────────────────────────────────────────────────────────────────

  private openRowMenu(index: number, button: HTMLButtonElement): void {
    const order = this.orderAt(index);
    const store = this.list$.store;
    if (!order || !store || !this.context) return;
    const items = menuItems(store.workflow, order, this.context.rowActions(order));
    const hostBox = this.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    const menuHeight = Math.min(320, items.length * 36 + 16);
    const below = box.bottom - hostBox.top;
    const top = below + menuHeight > hostBox.height && box.top - hostBox.top > menuHeight ? box.top - hostBox.top - menuHeight : below;
    // The menu hangs from the button's inline end: its right edge in LTR, its left edge in RTL.
    const rtl = getComputedStyle(this).direction === 'rtl';
    const start = rtl ? box.left - hostBox.left : box.right - hostBox.left - 240;
    const left = Math.max(0, Math.min(start, hostBox.width - 240));
    this.popupTrigger = button;
    this.columnMenuOpen = false;
    this.rowMenu = { orderId: order.id, index, number: order.number, items, top, left };
    this.popupPending = true;
    this.dismiss.watch(true);
  }

  private chooseAction(menu: RowMenu, item: RowMenuItem): void {
    this.closePopups(false);
    this.activeRow = menu.index;
    this.refocus();
    const request = new OrderActionRequestEvent({ orderId: menu.orderId, action: item.action.key, input: item.input ?? {} });
    if (!this.dispatchEvent(request)) return;
    if (item.needsHost) {
      // Input to collect or a confirmation: its dialog, right here, when <order-action-dialog> is
      // registered (it is with <order-admin> or define.js); otherwise the order opens to collect it.
      if (customElements.get('order-action-dialog') && dialogShape(item.action) && this.list$.store?.getCached(menu.orderId)) {
        void this.openActionDialog(menu.orderId, item.action.key);
        return;
      }
      /** @ignore (documented by @fires on the class) */
      this.dispatchEvent(new OrderOpenEvent(menu.orderId));
      return;
    }
    const store = this.list$.store;
    // A failure lands in the store's errors (shown beside the row); the promise needs no handler here.
    store?.runAction(menu.orderId, item.action.key, item.input).catch(() => undefined);
  }

  private async openActionDialog(orderId: string, action: string): Promise<void> {
    this.actionDialog = { orderId, action };
    await this.updateComplete;
    await this.renderRoot.querySelector<OrderActionDialog>('order-action-dialog')?.show();
  }

  private readonly onActionSubmit = (event: ActionSubmitEvent): void => {
    event.stopPropagation();
    const { orderId, action, input } = event.detail;
    // A failure lands in the store's errors (shown beside the row); a success in its completions (the toast).
    this.list$.store?.runAction(orderId, action, input).catch(() => undefined);
  };

  private readonly onActionDialogClose = (event: Event): void => {
    event.stopPropagation();
    this.actionDialog = undefined;
    this.refocus();
  };

  // ── Column menu ────────────────────────────────────────────────────────────────────────────

  private toggleColumnMenu(event: Event): void {
    if (this.columnMenuOpen) {
      this.closePopups(true);
      return;
    }
    this.rowMenu = undefined;
    this.popupTrigger = event.currentTarget as HTMLElement;
    this.columnMenuOpen = true;
    this.popupPending = true;
    this.dismiss.watch(true);
  }

  private toggleColumn(key: string): void {
    this.saveColumns(this.arranged.map((a) => (a.column.key === key ? { ...a, visible: !a.visible } : a)));
    this.columnFocus = { key, control: 'toggle' };
  }

  private moveColumn(key: string, delta: number): void {
    const list = [...this.arranged];
    const from = list.findIndex((a) => a.column.key === key);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= list.length) return;
    const [moved] = list.splice(from, 1);
    list.splice(to, 0, moved as ArrangedColumn);
    const edge = to === 0 || to === list.length - 1;
    this.columnFocus = { key, control: edge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down' };
    this.saveColumns(list);
  }

  private resetColumns(): void {
    this.prefs = undefined;
    writePrefs(this.prefsKey, undefined);
    this.arrangeColumns();
    this.requestUpdate();
  }

  private saveColumns(arranged: readonly ArrangedColumn[]): void {
    this.prefs = toPrefs(arranged);
    if (this.prefsKey) writePrefs(this.prefsKey, this.prefs);
    this.arrangeColumns();
    if (this.activeCol > this.shown.length) this.activeCol = this.shown.length;
    this.popupPending = true;
    this.requestUpdate();
  }

  // ── Popups ─────────────────────────────────────────────────────────────────────────────────

  private closePopups(returnFocus: boolean): void {
    const trigger = this.popupTrigger;
    const wasRowMenu = this.rowMenu !== undefined;
    this.columnMenuOpen = false;
    this.rowMenu = undefined;
    this.popupTrigger = null;
    this.dismiss.watch(false);
    if (!returnFocus) return;
    if (wasRowMenu) this.refocus();
    else trigger?.focus();
  }

  private focusPopup(): void {
    const popup = this.popup;
    if (!popup) return;
    if (this.columnFocus) {
      const { key, control } = this.columnFocus;
      this.columnFocus = undefined;
      const target = popup.querySelector<HTMLElement>(`li[data-key="${key}"] [data-control="${control}"]`);
      if (target && !(target as HTMLButtonElement).disabled) {
        target.focus({ preventScroll: true });
        return;
      }
    }
    if (popup.contains(this.shadowRoot?.activeElement ?? null)) return;
    popup.querySelector<HTMLElement>('[role="menuitem"], input, button:not([disabled])')?.focus({ preventScroll: true });
  }

  private onPopupKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closePopups(true);
      return;
    }
    if (!this.rowMenu) return;
    const items = [...(this.popup?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const current = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Tab':
        this.closePopups(true);
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    // Never scroll the grid to reach a menu item: a scroll closes the row's menu.
    items[next]?.focus({ preventScroll: true });
  }
}

/** Sets (or, for '', removes) one CSS property when it changed. */
function set(style: CSSStyleDeclaration | undefined, name: string, value: string): void {
  if (!style || style.getPropertyValue(name) === value) return;
  if (value === '') style.removeProperty(name);
  else style.setProperty(name, value);
}
