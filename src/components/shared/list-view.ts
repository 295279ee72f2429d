/**
 * Pieces shared by the paged list views beside the order list (`<order-shipments>`, `<order-payments>`):
 * the `filter-change` event, a controller that fetches one page through the store (aborting the stale
 * request, refetching on the store's change events), the pager, a date-range filter, and checkbox
 * menus for multi-choice filters. Views render with them; they hold no markup of their own beyond that.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { debounceTime, scan, startWith } from 'rxjs';
import type { OrderApiError, PaymentQuery, ShipmentQuery } from '../../api/types.js';
import { toApiError } from '../../state/errors.js';
import { StoreController, type StoreHost } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import {
  browserTimeZone,
  DATE_PRESETS,
  dayRangeToInstants,
  detectPreset,
  instantsToDayRange,
  isDay,
  isTimeZone,
  presetRange,
  type DatePreset,
  type DayRange,
  type InstantRange,
} from './date-range.js';
import { DismissController } from './dismiss-controller.js';
import { formatCount } from './format-count.js';
import { chevronDownIcon } from './icons.js';
import { datePresetLabel } from './order-labels.js';

// ── filter-change ──────────────────────────────────────────────────────────────────────────────

/** Detail of `filter-change`: the view's whole filter after the user changed it. */
export interface FilterChangeDetail<Q> {
  readonly query: Q;
}

/**
 * Fired (bubbles, composed) when the user changed a list view's filters; `detail.query` is the
 * element's new `query`, for the host to keep (in the URL, say) and hand back later.
 */
export class FilterChangeEvent<Q = ShipmentQuery | PaymentQuery> extends CustomEvent<FilterChangeDetail<Q>> {
  constructor(query: Q) {
    super('filter-change', { detail: { query }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'filter-change': FilterChangeEvent;
  }
}

// ── Fetching one page ──────────────────────────────────────────────────────────────────────────

/** How long a burst of change events is coalesced before the page is fetched again. */
export const REFRESH_DELAY_MS = 150;

/**
 * Fetches what a view shows through the store, and keeps it fresh.
 *
 * The store comes from the host's `store` property or the context (through a `StoreController`).
 * Before each host update the controller compares the store, `key()` (the serialised filter and
 * page) and a counter of the store's change events (debounced by `REFRESH_DELAY_MS`); when any of
 * them moved it aborts the request in flight and sends `load` again. `value` keeps the last answer
 * while a newer one loads, so the rows stay put during a refresh; `error` is the last failure, cleared
 * by the next success.
 */
export class PageFetchController<R> implements ReactiveController {
  /** The last answer (kept while a newer request loads). */
  value: R | undefined;
  /** True while a request is in flight. */
  loading = false;
  /** The last failure; cleared when a request succeeds. */
  error: OrderApiError | undefined;

  private readonly changes: StoreController<number>;
  private abort: AbortController | undefined;
  private fetched: { store: OrderStore; key: string; tick: number } | undefined;

  constructor(
    private readonly host: StoreHost,
    private readonly load: (store: OrderStore, signal: AbortSignal) => Promise<R>,
    private readonly key: () => string,
    delayMs = REFRESH_DELAY_MS,
  ) {
    this.changes = new StoreController(host, (store) =>
      store.changes$.pipe(
        debounceTime(delayMs),
        scan((n) => n + 1, 0),
        startWith(0),
      ),
    );
    host.addController(this);
  }

  /** The store in use. */
  get store(): OrderStore | undefined {
    return this.changes.store;
  }

  hostUpdate(): void {
    const store = this.changes.store;
    const tick = this.changes.value ?? 0;
    if (!store) return;
    const key = this.key();
    const last = this.fetched;
    if (last && last.store === store && last.key === key && last.tick === tick) return;
    if (last && last.store !== store) this.value = undefined;
    this.fetched = { store, key, tick };
    this.send(store);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.loading = false;
    // Connected again later: fetch afresh (changes were missed meanwhile).
    this.fetched = undefined;
  }

  /** Sends the request again now (after an error, or to refresh by hand). */
  reload(): void {
    const store = this.changes.store;
    if (!store) return;
    this.send(store);
    this.host.requestUpdate();
  }

  private send(store: OrderStore): void {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    this.load(store, abort.signal).then(
      (value) => {
        if (this.abort !== abort) return;
        this.abort = undefined;
        this.value = value;
        this.loading = false;
        this.error = undefined;
        this.host.requestUpdate();
      },
      (thrown: unknown) => {
        if (this.abort !== abort) return;
        this.abort = undefined;
        this.loading = false;
        this.error = toApiError(thrown);
        this.host.requestUpdate();
      },
    );
  }
}

// ── Pager ──────────────────────────────────────────────────────────────────────────────────────

/** "1–50 of 1,234" for rows `offset + 1` to `offset + count` of `total`. */
export function rangeText(offset: number, count: number, total: number): string {
  if (total === 0 || count === 0) return msg(str`0 of ${formatCount(total)}`, { desc: 'Pager: no rows shown of the total' });
  const first = formatCount(offset + 1);
  const last = formatCount(offset + count);
  return msg(str`${first}–${last} of ${formatCount(total)}`, { desc: 'Pager: rows shown of the total, e.g. 1–50 of 1,234' });
}

/** The first row of the page before / after, clamped to the list. */
export function pageOffsets(offset: number, pageSize: number, total: number): { previous: number | undefined; next: number | undefined } {
  return {
    previous: offset > 0 ? Math.max(0, offset - pageSize) : undefined,
    next: offset + pageSize < total ? offset + pageSize : undefined,
  };
}

/**
 * Previous / next with the range shown, in a `pagination` part (a `nav` with its own name). The range
 * is a live region, so paging is announced.
 */
export function renderPager(
  label: string,
  offset: number,
  count: number,
  total: number,
  pageSize: number,
  go: (offset: number) => void,
): TemplateResult {
  const { previous, next } = pageOffsets(offset, pageSize, total);
  return html`<nav part="pagination" aria-label=${label}>
    <span class="range" role="status">${rangeText(offset, count, total)}</span>
    <button
      type="button"
      class="control"
      part="previous-button"
      ?disabled=${previous === undefined}
      @click=${() => previous !== undefined && go(previous)}
    >
      ${msg('Previous', { desc: 'Pager: the page before' })}
    </button>
    <button type="button" class="control" part="next-button" ?disabled=${next === undefined} @click=${() => next !== undefined && go(next)}>
      ${msg('Next', { desc: 'Pager: the page after' })}
    </button>
  </nav>`;
}

// ── Date range filter ──────────────────────────────────────────────────────────────────────────


/**
 * A date filter of whole days in a time zone: a preset `<select>` (any date, today, last 7 / 30 days,
 * this month, custom) and, for custom, two date inputs (both days inclusive). It reads the range from
 * the view's query and hands a new `[from, to)` instant range to `change`. State of its own: whether
 * "Custom" is open, and a half-made custom range (end before start) while the user fixes it.
 */
export class DateRangeFilter implements ReactiveController {
  private customOpen = false;
  private draft: DayRange | undefined;
  private shown: InstantRange = {};
  private warnedZone = '';

  constructor(
    private readonly host: StoreHost,
    /** The IANA zone whose days count (empty: the browser's). */
    private readonly timeZone: () => string,
    private readonly change: (range: InstantRange) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing: the filter draws from the query each render.
  }

  /** Forget a custom range in progress (the query was replaced from outside). */
  reset(range: InstantRange): void {
    this.draft = undefined;
    if (!range.from && !range.to) this.customOpen = false;
  }

  render(range: InstantRange, label: string): TemplateResult {
    this.shown = range;
    const preset = this.preset(range);
    return html`<span class="select"
        ><select part="date-select" class=${preset === 'any' ? '' : 'filtered'} aria-label=${label} @change=${this.onPreset}>
          ${DATE_PRESETS.map((p) => html`<option value=${p} ?selected=${p === preset}>${datePresetLabel(p)}</option>`)}
        </select>${chevronDownIcon()}</span
      >${preset === 'custom' ? this.renderCustom(range) : nothing}`;
  }

  private renderCustom(range: InstantRange): TemplateResult {
    const days = this.draft ?? instantsToDayRange(range, this.zone);
    const invalid = this.draft !== undefined;
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
          aria-describedby=${ifDefined(invalid ? 'range-error' : undefined)}
          @change=${this.onCustom}
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
          aria-describedby=${ifDefined(invalid ? 'range-error' : undefined)}
          @change=${this.onCustom}
      /></label>
      ${invalid ? html`<span id="range-error" class="error" role="alert">${msg('The end date is before the start date.')}</span>` : nothing}
    </div>`;
  }

  private get zone(): string {
    const zone = this.timeZone();
    if (!zone) return browserTimeZone();
    if (isTimeZone(zone)) return zone;
    if (this.warnedZone !== zone) {
      this.warnedZone = zone;
      console.warn(`orderdeck: <${this.host.localName}> time-zone "${zone}" is not an IANA time zone; using the browser's.`);
    }
    return browserTimeZone();
  }

  private preset(range: InstantRange): DatePreset {
    return this.customOpen ? 'custom' : detectPreset(range, this.zone, Date.now());
  }

  private readonly onPreset = (event: Event): void => {
    const preset = (event.target as HTMLSelectElement).value as DatePreset;
    this.draft = undefined;
    this.customOpen = preset === 'custom';
    if (preset === 'custom') {
      this.host.requestUpdate();
      return;
    }
    this.change(presetRange(preset, this.zone, Date.now()) ?? {});
  };

  private readonly onCustom = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const days = { ...(this.draft ?? instantsToDayRange(this.shown, this.zone)) };
    const value = isDay(input.value) ? input.value : '';
    if (input.dataset['edge'] === 'start') days.start = value;
    else days.end = value;
    if (days.start && days.end && days.end < days.start) {
      this.draft = days;
      this.host.requestUpdate();
      return;
    }
    this.draft = undefined;
    this.change(dayRangeToInstants(days, this.zone));
  };
}

// ── Checkbox menus ─────────────────────────────────────────────────────────────────────────────

/** One choice of a checkbox menu. */
export interface MenuOption {
  readonly value: string;
  readonly label: string;
}

/**
 * Multi-choice filters as a button and a popover of checkboxes (nothing checked means everything).
 * One menu is open at a time; it closes on Escape (focus back on its button), on a press outside, or
 * when focus leaves it.
 */
export class CheckMenus implements ReactiveController {
  /** The key of the open menu. */
  open: string | undefined;

  private readonly dismiss: DismissController;

  constructor(private readonly host: StoreHost) {
    host.addController(this);
    this.dismiss = new DismissController(
      host,
      () => this.close(false),
      () => [...(host.shadowRoot?.querySelectorAll('.menu.open') ?? [])],
    );
  }

  hostUpdated(): void {
    this.dismiss.watch(this.open !== undefined);
  }

  hostDisconnected(): void {
    this.open = undefined;
  }

  /**
   * The menu `key`: its button says `summary` (the visually hidden `name` first), its popover lists
   * `options` with `chosen` checked; `change` gets the new choice in the options' order.
   */
  render(
    key: string,
    name: string,
    options: readonly MenuOption[],
    chosen: readonly string[],
    change: (values: string[]) => void,
  ): TemplateResult {
    const open = this.open === key;
    const set = new Set(chosen);
    // Values in the query that the options do not list still show, so they can be unchecked.
    const shown = [...options, ...chosen.filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: v }))];
    const summary =
      set.size === 0
        ? msg('All', { desc: 'Filter menu button: nothing filtered' })
        : set.size === 1
          ? (shown.find((o) => set.has(o.value))?.label ?? '')
          : msg(str`${set.size} selected`, { id: 'list-view.filter-selected', desc: 'Filter menu button: how many choices are checked' });
    const toggle = (value: string, on: boolean): void => {
      const next = new Set(set);
      if (on) next.add(value);
      else next.delete(value);
      change(shown.map((o) => o.value).filter((v) => next.has(v)));
    };
    return html`<div class="menu ${open ? 'open' : ''}" @keydown=${this.onKeyDown} @focusout=${this.onFocusOut}>
      <button
        part=${`filter-button ${key}-button`}
        class="control ${set.size ? 'filtered' : ''}"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${`${key}-menu`}
        data-menu=${key}
        @click=${() => this.toggle(key)}
      >
        <span class="label">${name}:</span> ${summary} ${chevronDownIcon()}
      </button>
      <div id=${`${key}-menu`} part=${`popover ${key}-menu`} ?hidden=${!open}>
        <fieldset>
          <legend>${name}</legend>
          ${shown.map(
            (o) => html`<label class="check"
              ><input
                type="checkbox"
                value=${o.value}
                .checked=${live(set.has(o.value))}
                @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
              />${o.label}</label
            >`,
          )}
        </fieldset>
        <div class="menu-footer">
          <button class="control quiet" type="button" ?disabled=${set.size === 0} @click=${() => change([])}>
            ${msg('Show all', { desc: 'Filter menu: clear this filter' })}
          </button>
        </div>
      </div>
    </div>`;
  }

  private toggle(key: string): void {
    if (this.open === key) {
      this.close(false);
      return;
    }
    this.open = key;
    this.host.requestUpdate();
    void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => {
      this.host.shadowRoot?.querySelector<HTMLElement>(`#${key}-menu input`)?.focus();
    });
  }

  private close(returnFocus: boolean): void {
    const key = this.open;
    if (key === undefined) return;
    this.open = undefined;
    this.host.requestUpdate();
    if (returnFocus) {
      void (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLElement>(`[data-menu="${key}"]`)?.focus(),
      );
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.open === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    this.close(true);
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const menu = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (this.open !== undefined && menu.classList.contains('open') && next && !menu.contains(next)) this.close(false);
  };
}
