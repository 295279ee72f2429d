/**
 * The variant that decided how `<order-table>` virtualises: the same rows (same cells, renderers,
 * styles and store) drawn by `@lit-labs/virtualizer` (`virtualize()`, flow layout, keyed by index)
 * instead of the table's fixed-row-height pool. Only the benchmark uses it (`--impls=...,lit-virtualizer`).
 */
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultColumns, type CellContext, type StatusView } from '../../src/components/order-table/columns.js';
import { styles } from '../../src/components/order-table/order-table.styles.js';
import { tokens } from '../../src/components/shared/tokens.js';
import { resolveText } from '../../src/i18n/text.js';
import { demoStores } from '../../src/model/generate.js';
import type { Order, Store } from '../../src/model/types.js';
import { isSelected, selectionSize } from '../../src/state/selection.js';
import { StoreController } from '../../src/state/store-controller.js';
import type { OrderStore, StoreState } from '../../src/state/types.js';
import { OursTable, type TableElement } from './impl-ours.js';

const selectOrders = (s: StoreState): ReadonlyMap<string, Order> => s.orders;
const OVERSCAN = 6;

export class LitVirtualizerTable extends LitElement {
  static override styles = [tokens, styles, css`.body { contain: none; }`];

  @property({ attribute: false }) store?: OrderStore;
  @property({ attribute: false }) stores: readonly Store[] = [];

  private readonly list$ = new StoreController(this, (s) => s.list$);
  private readonly orders$ = new StoreController(this, (s) => s.select(selectOrders));
  private readonly selection$ = new StoreController(this, (s) => s.selection$);
  private readonly columns = defaultColumns();
  private items: number[] = [];
  private ctx: CellContext | undefined;

  protected override willUpdate(): void {
    const store = this.list$.store;
    const list = this.list$.value;
    if (store && list && list.total === undefined && !list.error) store.requestRange(0, 50);
    const total = list?.total ?? 0;
    if (this.items.length !== total) this.items = Array.from({ length: total }, (_, i) => i);
    if (store && !this.ctx) {
      const statuses = new Map<string, StatusView>(store.workflow.statuses.map((s) => [s.key, { label: resolveText(s.label), tone: s.tone }]));
      const byId = new Map(this.stores.map((s) => [s.id, s]));
      this.ctx = {
        workflow: store.workflow,
        viewer: store.viewer,
        locale: 'en',
        storeName: (id) => byId.get(id)?.name ?? id,
        storeTimeZone: (id) => byId.get(id)?.timeZone,
        timeZone: store.timeZone,
        status: (key) => statuses.get(key) ?? { label: key, tone: 'neutral' },
        rowActions: () => [],
        index: 0,
        busyAction: undefined,
        error: undefined,
        tabIndex: -1,
      };
    }
  }

  protected override render(): TemplateResult {
    const list = this.list$.value;
    const selection = this.selection$.value;
    const count = selection ? selectionSize(selection, list?.total) : 0;
    const cols = `var(--_select-width) ${this.columns.map((c) => c.width ?? '160px').join(' ')}`;
    return html`<div class="toolbar"><div class="selection-bar"><span class="count">${count > 0 ? `${count} selected` : ''}</span></div></div>
      <div class="frame" style=${`--_cols:${cols}`}>
        <div class="scroller" role="grid" aria-rowcount=${list?.total === undefined ? -1 : list.total + 1}>
          <div class="head" role="rowgroup"><div class="row header-row" role="row">
            <div class="cell select" role="columnheader"></div>
            ${this.columns.map((c) => html`<div class="cell" role="columnheader">${typeof c.header === 'function' ? c.header() : c.header}</div>`)}
          </div></div>
          <div class="body" role="rowgroup" @visibilityChanged=${this.onVisible}>
            ${virtualize({ items: this.items, renderItem: (i: number) => this.renderRow(i) })}
          </div>
        </div>
      </div>`;
  }

  private renderRow(index: number): TemplateResult {
    const id = this.list$.value?.rows.get(index);
    const order = id === undefined ? undefined : this.orders$.value?.get(id);
    if (!order || !this.ctx) {
      return html`<div role="row" class="row placeholder" aria-rowindex=${index + 2}><div role="gridcell" class="cell loading"><span class="bar"></span></div></div>`;
    }
    const selection = this.selection$.value;
    const selected = selection !== undefined && isSelected(selection, order.id);
    const ctx: CellContext = { ...this.ctx, index };
    return html`<div role="row" class="row" aria-rowindex=${index + 2} aria-selected=${selected ? 'true' : 'false'}>
      <div role="gridcell" class="cell select"><input type="checkbox" tabindex="-1" .checked=${selected} /></div>
      ${this.columns.map((c) => html`<div role="gridcell" class=${`cell ${c.align ?? 'start'} col-${c.key}`}>${c.renderer(order, ctx)}</div>`)}
    </div>`;
  }

  private onVisible(event: VisibilityChangedEvent): void {
    this.list$.store?.requestRange(Math.max(0, event.first - OVERSCAN), event.last + 1 + OVERSCAN);
  }
}

if (!customElements.get('bench-litvirt-table')) customElements.define('bench-litvirt-table', LitVirtualizerTable);

declare global {
  interface HTMLElementTagNameMap {
    'bench-litvirt-table': LitVirtualizerTable;
  }
}

/** The benchmark driver for the variant (same store, same reading of the DOM as `<order-table>`). */
export class LitVirtTable extends OursTable {
  override readonly name: string = 'lit-virtualizer';

  protected override create(): TableElement {
    const el = document.createElement('bench-litvirt-table');
    el.stores = demoStores;
    return el;
  }
}
