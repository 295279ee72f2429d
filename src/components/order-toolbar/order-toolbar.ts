/**
 * `<order-toolbar>`: search and filters over the order list (date range, store, channel, archived),
 * plus saved views, all reading and writing the store's query. No side effects: registration lives in
 * `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { OrderQuery } from '../../api/types.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import type { PrintDocumentKind, Store } from '../../model/types.js';
import { sameQuery } from '../../state/query.js';
import { StoreController } from '../../state/store-controller.js';
import { adoptStores, zoneChoices, type ViewZone } from '../../state/time-zone.js';
import type { OrderStore } from '../../state/types.js';
import { DismissController } from '../shared/dismiss-controller.js';
import { archiveIcon, bookmarkIcon, chevronDownIcon, closeIcon, filterOffIcon, searchIcon } from '../shared/icons.js';
import { tokens } from '../shared/tokens.js';
import { channelLabel, datePresetLabel } from '../shared/order-labels.js';
import { DEFAULT_CHANNELS } from './channels.js';
import {
  browserTimeZone,
  dayRangeToInstants,
  DATE_PRESETS,
  detectPreset,
  instantsToDayRange,
  isDay,
  isTimeZone,
  presetRange,
  type DatePreset,
  type DayRange,
} from '../shared/date-range.js';
import { styles } from './order-toolbar.styles.js';
import { readViews, viewsKey, withView, writeViews, type SavedView } from './saved-views.js';

/** How long typing pauses before the search is sent (the store cancels the stale request). */
const SEARCH_DELAY_MS = 200;

/** The query fields this toolbar filters by; "Clear filters" clears exactly these. */
const FILTER_FIELDS = ['search', 'from', 'to', 'storeIds', 'channels', 'archived', 'notPrinted'] as const;

/** The print-state filter's choices and the documents each means "not printed" for. */
const NOT_PRINTED: Readonly<Record<'picking' | 'label', readonly PrintDocumentKind[]>> = {
  picking: ['picking-list', 'picking-summary'],
  label: ['awb'],
};

function notPrintedChoice(q: OrderQuery): '' | 'picking' | 'label' | 'other' {
  const docs = q.notPrinted ?? [];
  if (docs.length === 0) return '';
  for (const key of ['picking', 'label'] as const) {
    const want = NOT_PRINTED[key];
    if (docs.length === want.length && want.every((d) => docs.includes(d))) return key;
  }
  return 'other';
}

type Menu = 'channels' | 'views';

/** Reads `channels="online pos shopee"` (spaces or commas) as a list. */
const listConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(' '),
};

/**
 * The order list's toolbar: search, date range, store, channel and archived filters, "Clear filters",
 * and saved views. Every control writes the store's query (`store.setQuery`) and shows the query the
 * store holds, whoever set it (the URL, a saved view, the host): the toolbar is two-way.
 *
 * - **Search** (order number, customer name or phone, store name, tracking number) is sent 200 ms
 *   after typing pauses, or at once on Enter; the store cancels the request of a stale search.
 *   Escape empties the field.
 * - **Date** filters `createdAt` by whole days in the view's time zone (the store's `timeZone$`; the
 *   `time-zone` attribute overrides it): Today, Last 7 days and Last 30 days (each ending today), This
 *   month, or Custom (two date inputs, both days inclusive). A query whose range is no preset of today
 *   shows as Custom with its days. When the view's zone changes, a preset range follows it.
 * - **Time zone** names the zone every day and date of the view uses: the store's, when one store is
 *   in view; otherwise a dropdown of the stores' zones and the browser's (`store.setTimeZone`, kept
 *   per viewer).
 * - **Store** is a dropdown ("All stores" and each of `stores`) for admins and super-admins only;
 *   staff see no dropdown (the adapter scopes their orders to their stores anyway).
 * - **Channel** is a menu of checkboxes over `channels`; none checked means every channel.
 * - **Archived** shows archived orders only while pressed; released, the tab decides again (the
 *   query's `archived` is removed rather than set to `false`, which would empty an "Archived" tab).
 * - **Saved views** name the current query and recall it (the whole query, tab and sort included), or
 *   delete it. They are kept in `localStorage` per viewer and workflow; when the browser refuses
 *   storage they last until the page closes, and the menu says so.
 *
 * Menus close on Escape (focus returns to their button), on a press outside, or when focus leaves them.
 *
 * @tag order-toolbar
 * @summary Search, filters and saved views for the order list.
 *
 * @slot toolbar-actions - The host's own buttons (export, new order…), at the end of the toolbar.
 *
 * @csspart toolbar - Everything: a row with search, saved views and the host's actions, above the filters.
 * @csspart filters - The row of filters (date, store, channel, archived, clear); wraps on narrow screens.
 * @csspart search - The search field's wrapper.
 * @csspart search-input - The search `<input>`.
 * @csspart date-select - The date preset `<select>`.
 * @csspart custom-range - The two date inputs of a custom range.
 * @csspart date-input - Each of the two date inputs.
 * @csspart printed-select - The print-state `<select>` ("Picking list not printed", "Label not printed": `OrderQuery.notPrinted`).
 * @csspart store-select - The store `<select>` (admins only).
 * @csspart channel-button - The button that opens the channel menu.
 * @csspart archived-toggle - The archived toggle button.
 * @csspart clear-button - "Clear filters" (shown while any filter is set).
 * @csspart views-button - The button that opens the saved views menu.
 * @csspart popover - Each open menu (`popover channel-menu`, `popover views-menu`).
 * @csspart channel-menu - The channel menu.
 * @csspart views-menu - The saved views menu.
 * @csspart save-form - The "Save view" form in the saved views menu.
 * @csspart actions - The wrapper of the `toolbar-actions` slot.
 *
 * @cssprop --od-order-toolbar-control-height - Height of buttons, fields and selects.
 * @cssprop --od-order-toolbar-search-width - Preferred width of the search field.
 * @cssprop --od-order-toolbar-popover-width - Largest width of a menu.
 */
export class OrderToolbar extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly query$ = new StoreController(this, (store) => store.query$);
  private readonly viewZone$ = new StoreController(this, (store) => store.viewZone$);
  private readonly dismiss = new DismissController(
    this,
    () => this.closeMenu(false),
    () => [...this.renderRoot.querySelectorAll('.menu.open')],
  );

  @query('[part~="search-input"]') private searchInput!: HTMLInputElement | null;

  /** The search text as typed (sent after a pause). */
  @state() private searchText = '';
  /** The user chose "Custom" (the inputs stay, whatever range they give). */
  @state() private customOpen = false;
  /** Custom days that do not make a range yet (end before start), kept while the user fixes them. */
  @state() private customDraft: DayRange | undefined;
  @state() private openMenu: Menu | undefined;
  @state() private views: SavedView[] = [];
  /** False after the browser refused to store the views. */
  @state() private viewsStored = true;
  @state() private viewName = '';
  @state() private viewNameError = '';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private shownQuery: OrderQuery | undefined;
  private loadedViewsKey: string | undefined;
  private warnedZone = '';
  private shownZone: ViewZone | undefined;
  /** The date range this toolbar wrote last (so its own change is not taken for someone else's). */
  private writtenRange: { from: string | undefined; to: string | undefined } | undefined;
  /** The menu whose popover was last placed. */
  private placedMenu: Menu | undefined;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** The stores an admin may filter by (names for the dropdown). Ignored for staff. */
  @property({ attribute: false }) stores: readonly Store[] = [];

  /**
   * The channels the channel filter offers, in order (default every known one: online, pos, shopee,
   * lazada, tiktok, phone, walk-in, whatsapp). As an attribute: names separated by spaces or commas.
   */
  @property({ converter: listConverter }) channels: readonly string[] = DEFAULT_CHANNELS;

  /**
   * An IANA time zone that overrides the view's (the store's `timeZone$`) for the date filter, e.g.
   * `Asia/Jakarta`; empty to follow the store. An unknown zone warns and falls back to the store's.
   */
  @property({ attribute: 'time-zone' }) timeZone = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.openMenu = undefined;
    this.dismiss.watch(false);
  }

  constructor() {
    super();
    // After the store controller's own hostUpdate (which may have just subscribed and received the
    // first query), so a new store or query is taken in before this render.
    this.addController({ hostUpdate: () => this.syncFromStore() });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.dismiss.watch(this.openMenu !== undefined);
    if (this.openMenu && this.placedMenu !== this.openMenu) this.placeMenu();
    this.placedMenu = this.openMenu;
  }

  /** Moves keyboard focus to the search field. */
  override focus(options?: FocusOptions): void {
    (this.searchInput ?? this).focus(options);
  }

  protected override render(): unknown {
    void this.locale; // Re-rendered by it on a locale change; msg() reads the locale itself.
    const store = this.query$.store;
    const q = this.query$.value ?? {};
    return html`
      <div part="toolbar">
        <div class="row">
          ${this.renderSearch()} ${store ? this.renderViews() : nothing}
          <div part="actions"><slot name="toolbar-actions"></slot></div>
        </div>
        <div part="filters" class="row">
          ${this.renderDate(q)} ${this.datePreset(q) === 'custom' ? this.renderCustomRange(q) : nothing}
          ${store && store.viewer.role !== 'staff' ? this.renderStores(q) : nothing} ${this.renderChannels(q)}
          ${this.renderPrinted(q)} ${this.renderArchived(q)} ${this.hasFilters(q) ? this.renderClear() : nothing} ${this.renderZone()}
        </div>
      </div>
    `;
  }

  private renderSearch(): unknown {
    return html`<div part="search">
      ${searchIcon()}
      <input
        part="search-input"
        type="search"
        autocomplete="off"
        aria-label=${msg('Search orders', { desc: 'Accessible name of the order search field' })}
        placeholder=${msg('Order no., customer, phone, store, tracking', { desc: 'Placeholder of the order search field' })}
        .value=${live(this.searchText)}
        @input=${this.onSearchInput}
        @keydown=${this.onSearchKeyDown}
      />
    </div>`;
  }

  private renderDate(q: OrderQuery): unknown {
    const preset = this.datePreset(q);
    return html`<span class="select"><select
      part="date-select"
      class=${preset === 'any' ? '' : 'filtered'}
      aria-label=${msg('Order date', { desc: 'Accessible name of the date range filter' })}
      @change=${this.onPresetChange}
    >
      ${DATE_PRESETS.map((p) => html`<option value=${p} ?selected=${p === preset}>${datePresetLabel(p)}</option>`)}
    </select>${chevronDownIcon()}</span>`;
  }

  private renderCustomRange(q: OrderQuery): unknown {
    const days = this.customDraft ?? instantsToDayRange(q, this.zone);
    const invalid = this.customDraft !== undefined;
    return html`<div part="custom-range" role="group" aria-label=${msg('Custom date range')}>
      <label
        >${msg('From', { desc: 'Start day of a custom date range' })}
        <input
          part="date-input"
          type="date"
          data-edge="start"
          .value=${live(days.start)}
          max=${ifDefined(days.end || undefined)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'range-error' : nothing}
          @change=${this.onCustomChange}
      /></label>
      <label
        >${msg('To', { desc: 'End day of a custom date range (inclusive)' })}
        <input
          part="date-input"
          type="date"
          data-edge="end"
          .value=${live(days.end)}
          min=${ifDefined(days.start || undefined)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'range-error' : nothing}
          @change=${this.onCustomChange}
      /></label>
      ${invalid
        ? html`<span id="range-error" class="error" role="alert">${msg('The end date is before the start date.')}</span>`
        : nothing}
    </div>`;
  }

  private renderStores(q: OrderQuery): unknown {
    if (this.stores.length === 0) return nothing;
    const ids = q.storeIds ?? [];
    const value = ids.length === 0 ? '' : ids.length === 1 ? ids[0] : '*';
    return html`<span class="select"><select
      part="store-select"
      class=${ids.length ? 'filtered' : ''}
      aria-label=${uiStrings.store()}
      @change=${this.onStoreChange}
    >
      <option value="" ?selected=${value === ''}>${msg('All stores')}</option>
      ${ids.length > 1
        ? html`<option value="*" selected disabled>${msg(str`${ids.length} stores`, { desc: 'Several stores are filtered' })}</option>`
        : nothing}
      ${this.stores.map((s) => html`<option value=${s.id} ?selected=${s.id === value}>${s.name}</option>`)}
    </select>${chevronDownIcon()}</span>`;
  }

  /** Names the view's zone; for an all-stores view (and no `time-zone` override), lets the viewer switch it. */
  private renderZone(): unknown {
    const store = this.query$.store;
    const view = this.viewZone$.value;
    const zone = this.zone;
    if (!store || !view || this.timeZone || view.source === 'store') {
      return html`<span part="zone" class="zone" title=${msg('Days and times on this screen are in this time zone')}
        >${msg(str`Times in ${zone}`, { desc: 'Names the time zone of every date on the screen' })}</span
      >`;
    }
    const stores = store.snapshot.stores.length > 0 ? store.snapshot.stores : this.stores;
    const choices = zoneChoices(stores);
    const offered = choices.includes(zone) ? choices : [zone, ...choices];
    return html`<label part="zone" class="zone"
      >${msg('Times in', { desc: 'Label of the time zone dropdown: "Times in <zone>"' })}
      <span class="select"
        ><select part="zone-select" title=${msg('Days and times on this screen are in this time zone')} @change=${this.onZoneChange}>
          ${offered.map((z) => html`<option value=${z} ?selected=${z === zone}>${z}</option>`)}
        </select>${chevronDownIcon()}</span
      ></label
    >`;
  }

  private renderChannels(q: OrderQuery): unknown {
    const chosen = new Set(q.channels ?? []);
    const open = this.openMenu === 'channels';
    // Channels in the query that the list does not offer still show, so they can be unchecked.
    const offered = [...this.channels, ...[...chosen].filter((c) => !this.channels.includes(c))];
    let text: string;
    if (chosen.size === 0) text = msg('All channels');
    else if (chosen.size === 1) text = channelLabel([...chosen][0] as string);
    else text = msg(str`${chosen.size} channels`, { desc: 'Several sales channels are filtered' });
    return html`<div class="menu ${open ? 'open' : ''}" @keydown=${this.onMenuKeyDown} @focusout=${this.onMenuFocusOut}>
      <button
        part="channel-button"
        class="control ${chosen.size ? 'filtered' : ''}"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="channel-menu"
        data-menu="channels"
        @click=${() => this.toggleMenu('channels')}
      >
        <span class="visually-hidden">${msg('Sales channel', { desc: 'Label of the sales channel filter button' })}:</span> ${text} ${chevronDownIcon()}
      </button>
      <div id="channel-menu" part="popover channel-menu" ?hidden=${!open}>
        <fieldset>
          <legend>${msg('Sales channels')}</legend>
          ${offered.map(
            (c) => html`<label class="check"
              ><input type="checkbox" .checked=${live(chosen.has(c))} value=${c} @change=${this.onChannelChange} />${channelLabel(c)}</label
            >`,
          )}
        </fieldset>
        <div class="menu-footer">
          <button class="control quiet" type="button" ?disabled=${chosen.size === 0} @click=${this.clearChannels}>
            ${msg('All channels')}
          </button>
        </div>
      </div>
    </div>`;
  }

  /** "Picking list not printed" / "Label not printed": orders never printed with that document. */
  private renderPrinted(q: OrderQuery): unknown {
    const value = notPrintedChoice(q);
    return html`<span class="select"><select
      part="printed-select"
      class=${value ? 'filtered' : ''}
      aria-label=${msg('Print state', { desc: 'Label of the filter by printed documents' })}
      @change=${this.onPrintedChange}
    >
      <option value="" ?selected=${value === ''}>${msg('Any print state', { desc: 'Print filter: no filter' })}</option>
      <option value="picking" ?selected=${value === 'picking'}>${msg('Picking list not printed', { desc: 'Print filter' })}</option>
      <option value="label" ?selected=${value === 'label'}>${msg('Label not printed', { desc: 'Print filter: no air waybill printed' })}</option>
      ${value === 'other' ? html`<option value="other" selected disabled>${msg('Not printed (custom)', { desc: 'Print filter set from the URL or a saved view' })}</option>` : nothing}
    </select>${chevronDownIcon()}</span>`;
  }

  private renderArchived(q: OrderQuery): unknown {
    const pressed = q.archived === true ? 'true' : q.archived === 'any' ? 'mixed' : 'false';
    return html`<button
      part="archived-toggle"
      class="control"
      type="button"
      aria-pressed=${pressed}
      title=${msg('Show archived orders only')}
      @click=${this.onArchivedClick}
    >
      ${archiveIcon()} ${msg('Archived')}
    </button>`;
  }

  private renderClear(): unknown {
    return html`<button part="clear-button" class="control quiet" type="button" @click=${this.clearFilters}>
      ${filterOffIcon()} ${msg('Clear filters')}
    </button>`;
  }

  private renderViews(): unknown {
    const open = this.openMenu === 'views';
    return html`<div class="menu ${open ? 'open' : ''}" @keydown=${this.onMenuKeyDown} @focusout=${this.onMenuFocusOut}>
      <button
        part="views-button"
        class="control"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="views-menu"
        data-menu="views"
        @click=${() => this.toggleMenu('views')}
      >
        ${bookmarkIcon()} ${msg('Saved views')} ${chevronDownIcon()}
      </button>
      <div id="views-menu" part="popover views-menu" role="group" aria-label=${msg('Saved views')} ?hidden=${!open}>
        ${this.views.length === 0
          ? html`<p class="empty">${msg('No saved views yet.')}</p>`
          : html`<ul class="views">
              ${repeat(
                this.views,
                (v) => v.name,
                (v) => html`<li>
                  <button class="view-apply" type="button" @click=${() => this.applyView(v)}>${v.name}</button>
                  <button
                    class="icon-button"
                    type="button"
                    aria-label=${msg(str`Delete view ${v.name}`)}
                    title=${msg(str`Delete view ${v.name}`)}
                    @click=${() => this.deleteView(v)}
                  >
                    ${closeIcon()}
                  </button>
                </li>`,
              )}
            </ul>`}
        <form part="save-form" @submit=${this.onSaveView} novalidate>
          <label for="view-name">${msg('Save the current filters as a view')}</label>
          <div class="save-row">
            <input
              id="view-name"
              type="text"
              maxlength="60"
              autocomplete="off"
              placeholder=${msg('View name')}
              .value=${live(this.viewName)}
              aria-invalid=${this.viewNameError ? 'true' : 'false'}
              aria-describedby=${this.viewNameError ? 'view-name-error' : nothing}
              @input=${(e: Event) => {
                this.viewName = (e.target as HTMLInputElement).value;
                this.viewNameError = '';
              }}
            />
            <button class="control primary" type="submit">${msg('Save view')}</button>
          </div>
          ${this.viewNameError
            ? html`<span id="view-name-error" class="error" role="alert">${this.viewNameError}</span>`
            : nothing}
          ${this.viewsStored
            ? nothing
            : html`<span class="note" role="status"
                >${msg('This browser did not let us keep your views; they last until you close the page.')}</span
              >`}
        </form>
      </div>
    </div>`;
  }

  // ── Query reflection ─────────────────────────────────────────────────────────────────────────

  /** Takes in the store's query and the viewer's saved views, before each render. */
  private syncFromStore(): void {
    adoptStores(this.query$.store, this.stores);
    const zone = this.viewZone$.value;
    if (zone !== this.shownZone) {
      this.followZone(this.shownZone, zone);
      this.shownZone = zone;
    }
    const current = this.query$.value;
    if (current && current !== this.shownQuery) {
      this.reflect(this.shownQuery, current);
      this.shownQuery = current;
    }
    const store = this.query$.store;
    const key = store ? viewsKey(store.viewer.id, store.workflow.key) : undefined;
    if (key !== this.loadedViewsKey) {
      this.loadedViewsKey = key;
      this.views = key ? readViews(key) : [];
      this.viewsStored = true;
    }
  }

  /** The store's query changed (by this toolbar or anyone else): bring the controls in line. */
  private reflect(before: OrderQuery | undefined, after: OrderQuery): void {
    // Typing in progress wins; otherwise show the query's search.
    if (this.searchTimer === undefined && (after.search ?? '') !== this.searchText.trim()) {
      this.searchText = after.search ?? '';
    }
    const written = this.writtenRange;
    const ours = written !== undefined && written.from === after.from && written.to === after.to;
    if (before && (before.from !== after.from || before.to !== after.to) && !ours) {
      // Someone else set the range: drop a half-made custom range; no range closes the custom inputs.
      this.customDraft = undefined;
      if (!after.from && !after.to) this.customOpen = false;
    }
  }

  /** The zone of the view: the `time-zone` override, else the store's, else the browser's. */
  private get zone(): string {
    const fallback = this.viewZone$.value?.zone ?? browserTimeZone();
    if (!this.timeZone) return fallback;
    if (isTimeZone(this.timeZone)) return this.timeZone;
    if (this.warnedZone !== this.timeZone) {
      this.warnedZone = this.timeZone;
      console.warn(`orderdeck: <order-toolbar> time-zone "${this.timeZone}" is not an IANA time zone; using the view's.`);
    }
    return fallback;
  }

  /** The view's zone changed: a preset range ("Today", "Last 7 days"…) moves to the new zone's days. */
  private followZone(before: ViewZone | undefined, after: ViewZone | undefined): void {
    const store = this.query$.store;
    const q = this.query$.value;
    if (!store || !q || !before || !after || before.zone === after.zone || this.timeZone) return;
    const preset = detectPreset(q, before.zone, Date.now());
    if (preset === 'any' || preset === 'custom') return;
    const range = presetRange(preset, after.zone, Date.now());
    if (range) {
      this.writtenRange = { from: range.from, to: range.to };
      store.setQuery({ from: range.from, to: range.to });
    }
  }

  private readonly onZoneChange = (event: Event): void => {
    this.query$.store?.setTimeZone((event.target as HTMLSelectElement).value);
  };

  private datePreset(q: OrderQuery): DatePreset {
    if (this.customOpen) return 'custom';
    return detectPreset(q, this.zone, Date.now());
  }

  private hasFilters(q: OrderQuery): boolean {
    return FILTER_FIELDS.some((field) => {
      const value = q[field];
      return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
    });
  }

  private setQuery(patch: Partial<OrderQuery>): void {
    this.query$.store?.setQuery(patch);
  }

  // ── Search ───────────────────────────────────────────────────────────────────────────────────

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.sendSearch(), SEARCH_DELAY_MS);
  }

  private onSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      this.sendSearch();
    } else if (event.key === 'Escape' && this.searchText !== '') {
      // Handled here: the field empties and a surrounding dialog stays open.
      event.preventDefault();
      event.stopPropagation();
      this.searchText = '';
      this.sendSearch();
    }
  }

  private sendSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    const search = this.searchText.trim();
    this.setQuery({ search: search === '' ? undefined : search });
  }

  // ── Date ─────────────────────────────────────────────────────────────────────────────────────

  private onPresetChange(event: Event): void {
    const preset = (event.target as HTMLSelectElement).value as DatePreset;
    this.customDraft = undefined;
    if (preset === 'custom') {
      // Start from the range shown so far (a preset's days), or none: the inputs say which days.
      this.customOpen = true;
      return;
    }
    this.customOpen = false;
    const range = presetRange(preset, this.zone, Date.now());
    this.writeRange({ from: range?.from, to: range?.to });
  }

  private onCustomChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const q = this.query$.value ?? {};
    const days = { ...(this.customDraft ?? instantsToDayRange(q, this.zone)) };
    const value = isDay(input.value) ? input.value : '';
    if (input.dataset.edge === 'start') days.start = value;
    else days.end = value;
    if (days.start && days.end && days.end < days.start) {
      this.customDraft = days;
      return;
    }
    this.customDraft = undefined;
    const range = dayRangeToInstants(days, this.zone);
    this.writeRange({ from: range.from, to: range.to });
  }

  private writeRange(range: { from: string | undefined; to: string | undefined }): void {
    this.writtenRange = range;
    this.setQuery(range);
  }

  // ── Store, channel, archived ────────────────────────────────────────────────────────────────

  private onPrintedChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.setQuery({ notPrinted: value === 'picking' || value === 'label' ? NOT_PRINTED[value] : undefined });
  }

  private onStoreChange(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    this.setQuery({ storeIds: id ? [id] : undefined });
  }

  private onChannelChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const chosen = new Set(this.query$.value?.channels ?? []);
    if (input.checked) chosen.add(input.value);
    else chosen.delete(input.value);
    // In the order the menu lists them, so the same choice is the same query.
    const offered = [...this.channels, ...[...chosen].filter((c) => !this.channels.includes(c))];
    const channels = offered.filter((c) => chosen.has(c));
    this.setQuery({ channels: channels.length ? channels : undefined });
  }

  private clearChannels(): void {
    this.setQuery({ channels: undefined });
    this.focusMenuButton('channels');
  }

  private onArchivedClick(): void {
    this.setQuery({ archived: this.query$.value?.archived === true ? undefined : true });
  }

  private clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchText = '';
    this.customOpen = false;
    this.customDraft = undefined;
    this.setQuery(Object.fromEntries(FILTER_FIELDS.map((f) => [f, undefined])));
    // The button goes away with the filters: keep focus in the toolbar.
    this.searchInput?.focus();
  }

  // ── Menus ────────────────────────────────────────────────────────────────────────────────────

  private toggleMenu(menu: Menu): void {
    if (this.openMenu === menu) {
      this.closeMenu(false);
      return;
    }
    this.openMenu = menu;
    if (menu === 'views') {
      // Another tab may have saved views meanwhile.
      if (this.loadedViewsKey && this.viewsStored) this.views = readViews(this.loadedViewsKey);
      this.viewNameError = '';
    }
    void this.updateComplete.then(() => {
      const popover = this.renderRoot.querySelector<HTMLElement>(`#${menu === 'views' ? 'views-menu' : 'channel-menu'}`);
      popover?.querySelector<HTMLElement>('button:not(:disabled), input')?.focus();
    });
  }

  /**
   * Aligns the open popover with its button's start edge, or its end edge when that keeps more of it
   * in the viewport (a button near the right edge, or wrapped to a new row).
   */
  private placeMenu(): void {
    const popover = this.renderRoot.querySelector<HTMLElement>('.menu.open [part~="popover"]');
    if (!popover) return;
    const overflow = (): number => {
      const box = popover.getBoundingClientRect();
      const width = this.ownerDocument.documentElement.clientWidth;
      return Math.max(0, -box.left) + Math.max(0, box.right - width);
    };
    popover.removeAttribute('data-align-end');
    const atStart = overflow();
    if (atStart === 0) return;
    popover.setAttribute('data-align-end', '');
    if (overflow() > atStart) popover.removeAttribute('data-align-end');
  }

  private closeMenu(returnFocus: boolean): void {
    const menu = this.openMenu;
    if (!menu) return;
    this.openMenu = undefined;
    if (returnFocus) this.focusMenuButton(menu);
  }

  private focusMenuButton(menu: Menu): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-menu="${menu}"]`)?.focus());
  }

  private onMenuKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.openMenu) return;
    event.preventDefault();
    event.stopPropagation();
    this.closeMenu(true);
  }

  /** Tabbing out of an open menu (and its button) closes it. */
  private onMenuFocusOut(event: FocusEvent): void {
    const menu = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && !menu.contains(next) && menu.classList.contains('open')) this.closeMenu(false);
  }

  // ── Saved views ──────────────────────────────────────────────────────────────────────────────

  private onSaveView(event: SubmitEvent): void {
    event.preventDefault();
    const name = this.viewName.trim();
    if (!name) {
      this.viewNameError = msg('Give the view a name.');
      this.renderRoot.querySelector<HTMLInputElement>('#view-name')?.focus();
      return;
    }
    const current = this.query$.value ?? {};
    this.storeViews(withView(this.views, { name, query: current }));
    this.viewName = '';
    this.viewNameError = '';
  }

  private applyView(view: SavedView): void {
    const current = this.query$.value ?? {};
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(current)) patch[key] = undefined;
    Object.assign(patch, view.query);
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.customOpen = false;
    this.customDraft = undefined;
    if (!sameQuery(current, view.query)) this.setQuery(patch as Partial<OrderQuery>);
    this.closeMenu(true);
  }

  private deleteView(view: SavedView): void {
    const index = this.views.indexOf(view);
    this.storeViews(this.views.filter((v) => v !== view));
    // Focus the next view's button (or the name field), not the document.
    void this.updateComplete.then(() => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('#views-menu .view-apply');
      (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#view-name'))?.focus();
    });
  }

  private storeViews(views: SavedView[]): void {
    this.views = views;
    if (this.loadedViewsKey && !writeViews(this.loadedViewsKey, views)) this.viewsStored = false;
  }
}

