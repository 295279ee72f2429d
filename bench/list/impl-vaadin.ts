/**
 * `<vaadin-grid>` (the peer) on the same data, used the way its documentation intends for a large
 * remote list: a `dataProvider` answering pages from `MemoryOrders` (synchronously), a
 * `<vaadin-grid-selection-column>`, renderers writing text, `itemIdPath` so selection follows ids.
 * A query change calls `clearCache()`; pushed updates call `requestContentUpdate()` (the renderers
 * read the newest order by id, so no page is refetched); select all sets `selectedItems` to the
 * matching orders. Rows are styled to the same 40px height as the other two.
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import '@vaadin/grid/vaadin-grid-selection-column.js';
import type { Grid, GridDataProviderCallback, GridDataProviderParams } from '@vaadin/grid';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import type { OrderQuery, SortSpec } from '../../src/api/types.js';
import { demoStores, demoViewers } from '../../src/model/generate.js';
import type { Order } from '../../src/model/types.js';
import { plainColumns } from './cells.js';
import { ROW_HEIGHT, TABLE_WIDTH, VIEW_HEIGHT, type ShownRow, type TableImpl } from './impl.js';
import type { MemoryOrders } from './memory-orders.js';

const CSS = `
vaadin-grid.bench { width: ${TABLE_WIDTH}px; height: ${VIEW_HEIGHT + ROW_HEIGHT}px; font: 14px system-ui, sans-serif; color: #1c2430;
  --vaadin-grid-cell-padding: 0 12px; border: 1px solid #d5dce4; border-radius: 6px; }
vaadin-grid.bench vaadin-grid-cell-content { line-height: ${ROW_HEIGHT - 1}px; height: ${ROW_HEIGHT - 1}px; box-sizing: border-box; white-space: nowrap; }
vaadin-grid.bench vaadin-checkbox { vertical-align: middle; line-height: normal; }
vaadin-grid.bench .status { display: inline-block; padding: 0 8px; border-radius: 999px; line-height: 22px; font-size: 12px; font-weight: 600; }
vaadin-grid.bench .tone-neutral { color: #52606f; } vaadin-grid.bench .tone-info { color: #1f5fa8; } vaadin-grid.bench .tone-attention { color: #7a3fb0; }
vaadin-grid.bench .tone-warning { color: #9a5b00; } vaadin-grid.bench .tone-success { color: #1b7f3b; } vaadin-grid.bench .tone-danger { color: #b42318; }
`;

type OrderGrid = Grid<Order>;

export class VaadinTable implements TableImpl {
  readonly name = 'vaadin-grid';
  private grid: OrderGrid | undefined;
  private data!: MemoryOrders;
  private query: OrderQuery = {};
  private scheduled = false;
  private unsubscribe: (() => void) | undefined;

  mount(container: HTMLElement, data: MemoryOrders): void {
    if (!document.getElementById('vaadin-bench-css')) {
      const style = document.createElement('style');
      style.id = 'vaadin-bench-css';
      style.textContent = CSS;
      document.head.append(style);
    }
    this.data = data;
    this.query = {};
    const viewer = demoViewers[1] ?? demoViewers[0];
    if (!viewer) throw new Error('no viewer');
    const grid = document.createElement('vaadin-grid') as OrderGrid;
    grid.className = 'bench';
    grid.itemIdPath = 'id';
    grid.pageSize = 50;
    const selection = document.createElement('vaadin-grid-selection-column');
    selection.width = '44px';
    selection.flexGrow = 0;
    grid.append(selection);
    for (const c of plainColumns(data.workflow, viewer, demoStores)) {
      const column = document.createElement('vaadin-grid-column') as GridColumn<Order>;
      column.header = c.header;
      column.width = `${c.width}px`;
      column.flexGrow = 0;
      column.dataset.key = c.key;
      if (c.align === 'end') column.textAlign = 'end';
      const tone = c.tone;
      column.renderer = tone
        ? (root, _column, model) => {
            const order = this.data.get(model.item.id) ?? model.item;
            let badge = root.firstElementChild as HTMLSpanElement | null;
            if (!badge) {
              badge = document.createElement('span');
              root.append(badge);
            }
            badge.textContent = c.text(order);
            badge.className = `status tone-${tone(order)}`;
          }
        : (root, _column, model) => {
            root.textContent = c.text(this.data.get(model.item.id) ?? model.item);
          };
      grid.append(column);
    }
    grid.dataProvider = (params: GridDataProviderParams<Order>, callback: GridDataProviderCallback<Order>) => {
      const all = this.data.query(this.query);
      const start = params.page * params.pageSize;
      callback(all.slice(start, start + params.pageSize), all.length);
    };
    this.unsubscribe = data.subscribe(() => this.schedule());
    this.grid = grid;
    container.append(grid);
  }

  unmount(): void {
    this.unsubscribe?.();
    this.grid?.remove();
    this.grid = undefined;
  }

  setSearch(text: string): void {
    this.query = { ...this.query, search: text || undefined };
    this.reload();
  }

  setSort(sort: SortSpec): void {
    this.query = { ...this.query, sort };
    this.reload();
  }

  selectAll(): void {
    if (this.grid) this.grid.selectedItems = [...this.data.query(this.query)];
  }

  clearSelection(): void {
    if (this.grid) this.grid.selectedItems = [];
  }

  scroller(): HTMLElement {
    return this.grid?.shadowRoot?.querySelector('#table') as HTMLElement;
  }

  shownRows(): ShownRow[] {
    const table = this.scroller();
    if (!table) return [];
    const box = table.getBoundingClientRect();
    const top = box.top + ROW_HEIGHT;
    const rows: ShownRow[] = [];
    for (const row of table.querySelectorAll<HTMLTableRowElement & { index: number }>('#items > tr')) {
      if (row.hidden) continue;
      const r = row.getBoundingClientRect();
      if (r.height === 0 || r.bottom <= top || r.top >= box.bottom) continue;
      const texts = this.cellTexts(row);
      rows.push({
        index: row.index,
        number: texts[1] ?? '',
        status: row.querySelectorAll('td')[10] ? this.contentOf(row.querySelectorAll('td')[10] as HTMLElement)?.querySelector('.status')?.textContent ?? '' : '',
        selected: row.hasAttribute('selected'),
      });
    }
    return rows.sort((a, b) => a.index - b.index);
  }

  shownTotal(): number | undefined {
    // The grid's ARIA row count: its header row plus the size the data provider reported.
    const count = Number(this.scroller()?.getAttribute('aria-rowcount'));
    return count > 0 ? count - 1 : undefined;
  }

  selectedCount(): number {
    return this.grid?.selectedItems?.length ?? 0;
  }

  rowAt(y: number): { index: number; number: string } | null {
    const table = this.scroller();
    const root = this.grid?.shadowRoot;
    if (!table || !root) return null;
    const box = table.getBoundingClientRect();
    const hit = root.elementFromPoint(box.left + 200, box.top + ROW_HEIGHT + y);
    // Cell content is slotted light DOM: find its cell through the slot it is assigned to.
    const inShadow = hit?.localName === 'vaadin-grid-cell-content' ? hit.assignedSlot : hit;
    const row = inShadow?.closest('tr') as (HTMLTableRowElement & { index: number }) | null;
    if (!row || !row.parentElement || row.parentElement.id !== 'items' || row.hidden) return null;
    return { index: row.index, number: this.cellTexts(row)[1] ?? '' };
  }

  private contentOf(td: HTMLElement): HTMLElement | undefined {
    const slot = td.querySelector('slot');
    return slot?.assignedElements()[0] as HTMLElement | undefined;
  }

  private cellTexts(row: HTMLElement): string[] {
    return [...row.querySelectorAll<HTMLElement>('td')].map((td) => this.contentOf(td)?.textContent ?? '');
  }

  private reload(): void {
    const grid = this.grid;
    if (!grid) return;
    grid.clearCache();
    grid.scrollToIndex(0);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.grid?.requestContentUpdate();
    });
  }
}
