/**
 * `<status-tabs>`: the workflow's tabs (New, To ship, Completed…) with live order counts, as an ARIA
 * tab list with roving focus. No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localeChanges } from '../../i18n/localize.js';
import { resolveText } from '../../i18n/text.js';
import type { TabDef } from '../../model/workflow/types.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { formatCount } from '../shared/format-count.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './status-tabs.styles.js';

/** Detail of `tab-change`: the key of the tab the user chose. */
export interface TabChangeDetail {
  readonly tab: string;
}

/** Fired after the user chose a tab (and the store's query moved to it). */
export class TabChangeEvent extends CustomEvent<TabChangeDetail> {
  constructor(tab: string) {
    super('tab-change', { detail: { tab }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tab-change': TabChangeEvent;
  }
}

/**
 * The workflow's status tabs with live counts.
 *
 * Reads the store (from `<order-provider>` / `<order-admin>` context or the `store` property): tab
 * labels from `store.workflow.tabs`, counts from `store.counts$` (they follow every filter but the tab,
 * and update when orders change), the selected tab from `store.query$` — so a tab set by the URL or
 * by a saved view shows as selected. Choosing a tab calls `store.setTab(key)`, then fires `tab-change`.
 *
 * Keyboard (ARIA tabs pattern): the tab list is one stop in the Tab order (the selected tab; roving
 * tabindex). ArrowLeft / ArrowRight move focus to the previous / next tab, swapped in right-to-left
 * layouts, wrapping at the ends; Home / End go to the first / last tab. **Manual activation**: moving
 * focus does not select; Enter or Space (or a click) does. Every selection loads a new list and new
 * pages from the backend, so automatic activation would fire a request per arrow press and move the
 * list under a keyboard user who only wanted to reach the fifth tab.
 *
 * The tabs scroll horizontally when they do not fit (narrow screens, long labels); then a scroll
 * button at each end that has more tabs beyond it (with a fade) shows that more exist and scrolls a
 * page of tabs, counts included. The buttons are for pointers; the keyboard reaches every tab with
 * the arrow keys, and the focused tab and the selected one are kept in view.
 *
 * Panel: the tabs control the list the host shows below them. Set `panel-id` to the id of that
 * element (in the same document or shadow root as `<status-tabs>`) and the selected tab points at it
 * with `aria-controls` (through ARIA element reflection, since an id cannot cross the shadow
 * boundary). Give the panel an accessible name of its own (e.g. `aria-label="Orders"`).
 *
 * @tag status-tabs
 * @summary Workflow status tabs with live counts and roving keyboard focus.
 *
 * @fires {TabChangeEvent} tab-change - The user chose another tab; `detail.tab` is its key. Fired
 *   after `store.setTab`, never for a tab set by the app or the URL.
 *
 * @csspart tablist - The scrolling row of tabs (`role=tablist`).
 * @csspart tab - Each tab button.
 * @csspart active - Added to the selected tab (`tab active`).
 * @csspart label - The tab's label text.
 * @csspart count - The tab's order count (a quiet placeholder while unknown).
 * @csspart scroll-button - The buttons that scroll hidden tabs into view (`scroll-start`, `scroll-end`).
 * @csspart scroll-start - The button that scrolls towards the first tabs.
 * @csspart scroll-end - The button that scrolls towards the last tabs.
 *
 * @cssprop --od-status-tabs-gap - Space between tabs.
 * @cssprop --od-status-tabs-indicator-color - Colour of the selected tab's underline (default the accent).
 * @cssprop --od-status-tabs-indicator-size - Thickness of the selected tab's underline.
 * @cssprop --od-status-tabs-count-background - Background of the count badge of unselected tabs.
 */
export class StatusTabs extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly query$ = new StoreController(this, (store) => store.query$);
  private readonly counts$ = new StoreController(this, (store) => store.counts$);

  @query('[part~="tablist"]') private tablist!: HTMLElement | null;

  /** The selected tab key that was last scrolled into view. */
  private shownActive: string | undefined;
  /** Tabs hidden before (start) or after (end) the visible part of the scrolling list. */
  @state() private overflow = { start: false, end: false };
  private resizeObserver: ResizeObserver | undefined;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /**
   * The id of the element that shows the selected tab's orders (in the same document or shadow root
   * as this element); the selected tab gets `aria-controls` pointing at it.
   */
  @property({ attribute: 'panel-id' }) panelId = '';

  /** Accessible name of the tab list (default "Order status", localised). */
  @property() label = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // Measured in the next frame: showing a scroll button resizes the list, which must not loop the observer.
    this.resizeObserver ??= new ResizeObserver(() => requestAnimationFrame(() => this.measureOverflow()));
    void this.updateComplete.then(() => {
      if (this.tablist && this.isConnected) this.resizeObserver?.observe(this.tablist);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.linkPanel();
    this.measureOverflow();
    const active = this.activeKey;
    if (active !== undefined && active !== this.shownActive) {
      this.shownActive = active;
      const tab = this.tabFor(active);
      if (tab) this.keepInView(tab);
    }
  }

  /** Moves keyboard focus to the selected tab (or the first). */
  override focus(options?: FocusOptions): void {
    const tab = this.tabFor(this.activeKey) ?? this.tabs()[0];
    if (tab) tab.focus(options);
    else super.focus(options);
  }

  protected override render(): unknown {
    const store = this.query$.store;
    const defs = store?.workflow.tabs ?? [];
    const active = this.activeKey;
    const focusable = defs.some((t) => t.key === active) ? active : defs[0]?.key;
    const { start, end } = this.overflow;
    return html`<div class="strip ${start ? 'more-start' : ''} ${end ? 'more-end' : ''}">
      <button part="scroll-button scroll-start" class="scroll start" type="button" tabindex="-1" aria-hidden="true"
        title=${msg('Earlier tabs', { desc: 'Scroll button: show the tabs before the visible ones' })} ?hidden=${!start} @click=${() => this.scrollByPage(-1)}>‹</button>
      <div
        part="tablist"
        role="tablist"
        aria-label=${this.label || msg('Order status', { desc: 'Accessible name of the workflow status tabs' })}
        @keydown=${this.onKeyDown}
        @scroll=${this.measureOverflow}
      >
        ${repeat(
          defs,
          (tab) => tab.key,
          (tab) => this.renderTab(tab, tab.key === active, tab.key === focusable),
        )}
      </div>
      <button part="scroll-button scroll-end" class="scroll end" type="button" tabindex="-1" aria-hidden="true"
        title=${msg('More tabs', { desc: 'Scroll button: show the tabs after the visible ones' })} ?hidden=${!end} @click=${() => this.scrollByPage(1)}>›</button>
    </div>`;
  }

  private renderTab(tab: TabDef, selected: boolean, focusable: boolean): unknown {
    return html`<button
      part=${selected ? 'tab active' : 'tab'}
      role="tab"
      type="button"
      id=${`tab-${tab.key}`}
      data-key=${tab.key}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${focusable ? '0' : '-1'}
      @click=${() => this.choose(tab.key)}
      @focus=${this.onTabFocus}
    >
      <span part="label">${resolveText(tab.label, this.locale.locale)}</span>${this.renderCount(tab.key)}
    </button>`;
  }

  private renderCount(key: string): unknown {
    const value = this.counts$.value?.values?.[key];
    if (value === undefined) {
      return html`<span part="count" aria-hidden="true"><span class="unknown"></span></span>`;
    }
    const text = formatCount(value);
    const spoken =
      value === 1
        ? msg(str`${text} order`, { desc: 'Count on a status tab, read by screen readers (one order)' })
        : msg(str`${text} orders`, { desc: 'Count on a status tab, read by screen readers' });
    return html`<span part="count" aria-hidden="true">${text}</span><span class="visually-hidden">, ${spoken}</span>`;
  }

  // ── Private ──────────────────────────────────────────────────────────────────────────────────

  private get activeKey(): string | undefined {
    return this.query$.value?.tab;
  }

  private tabs(): HTMLButtonElement[] {
    return [...(this.tablist?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
  }

  private tabFor(key: string | undefined): HTMLButtonElement | undefined {
    if (key === undefined) return undefined;
    return this.tabs().find((tab) => tab.dataset.key === key);
  }

  private choose(key: string): void {
    const store = this.query$.store;
    if (!store || key === this.activeKey) return;
    store.setTab(key);
    // Made first, then dispatched: the manifest analyzer would read `key` as an event name.
    const event = new TabChangeEvent(key);
    this.dispatchEvent(event);
  }

  private onKeyDown(event: KeyboardEvent): void {
    const tabs = this.tabs();
    const current = tabs.findIndex((tab) => tab === this.shadowRoot?.activeElement);
    if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = current + (rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = current + (rtl ? 1 : -1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    tabs[(next + tabs.length) % tabs.length]?.focus();
  }

  private onTabFocus(event: FocusEvent): void {
    this.keepInView(event.currentTarget as HTMLElement);
  }

  /**
   * Scrolls the tab list (only the list, never the page) so `tab` is fully visible, with a little of
   * its neighbours showing.
   */
  private keepInView(tab: HTMLElement): void {
    const list = this.tablist;
    if (!list || list.scrollWidth <= list.clientWidth) return;
    const margin = 24;
    const listBox = list.getBoundingClientRect();
    const tabBox = tab.getBoundingClientRect();
    if (tabBox.left < listBox.left + margin) list.scrollLeft -= listBox.left + margin - tabBox.left;
    else if (tabBox.right > listBox.right - margin) list.scrollLeft += tabBox.right - (listBox.right - margin);
  }

  /** Whether tabs are hidden before or after the visible part of the list (reading direction aware). */
  private readonly measureOverflow = (): void => {
    const list = this.tablist;
    if (!list) return;
    const max = list.scrollWidth - list.clientWidth;
    const at = Math.abs(list.scrollLeft); // negative in right-to-left layouts
    const next = { start: max > 1 && at > 1, end: max > 1 && at < max - 1 };
    if (next.start !== this.overflow.start || next.end !== this.overflow.end) this.overflow = next;
  };

  /** Scrolls the list by most of its width towards the end (1) or the start (-1). */
  private scrollByPage(direction: 1 | -1): void {
    const list = this.tablist;
    if (!list) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    list.scrollBy({ left: direction * (rtl ? -1 : 1) * Math.max(80, list.clientWidth * 0.8) });
  }

  /** Points the selected tab at the host's panel (element reflection: ids do not cross shadow roots). */
  private linkPanel(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const panel = this.panelId ? root.getElementById?.(this.panelId) ?? null : null;
    for (const tab of this.tabs()) {
      const wanted = panel && tab.getAttribute('aria-selected') === 'true' ? [panel] : null;
      if ('ariaControlsElements' in tab) {
        (tab as { ariaControlsElements: Element[] | null }).ariaControlsElements = wanted;
      }
    }
  }
}
