/**
 * The floor: a minimal hand-written virtualised table in plain DOM, the least work a browser can do
 * to show these rows. Fixed row height, absolutely positioned rows recycled by `index % pool`, cells
 * written with `textContent` only when a row shows another order, rendering synchronously in the
 * scroll handler. Same columns and cell text as the other two.
 */
import type { OrderQuery, SortSpec } from '../../src/api/types.js';
import { demoStores, demoViewers } from '../../src/model/generate.js';
import type { Order } from '../../src/model/types.js';
import { plainColumns, type PlainColumn } from './cells.js';
import { ROW_HEIGHT, TABLE_WIDTH, VIEW_HEIGHT, type ShownRow, type TableImpl } from './impl.js';
import type { MemoryOrders } from './memory-orders.js';

const OVERSCAN = 4;
const SELECT_WIDTH = 44;

interface PoolRow {
  readonly el: HTMLDivElement;
  readonly check: HTMLInputElement;
  readonly cells: HTMLDivElement[];
  readonly badge: HTMLSpanElement;
  index: number;
  order: Order | undefined;
  selected: boolean;
}

const CSS = `
.floor { width: ${TABLE_WIDTH}px; border: 1px solid #d5dce4; border-radius: 6px; font: 14px system-ui, sans-serif; color: #1c2430; background: #fff; overflow: hidden; }
.floor-scroller { position: relative; height: ${VIEW_HEIGHT + ROW_HEIGHT}px; overflow: auto; }
.floor-head { position: sticky; top: 0; z-index: 2; display: grid; height: ${ROW_HEIGHT}px; background: #f4f6f9; font-size: 12px; font-weight: 600; color: #52606f; width: max-content; min-width: 100%; }
.floor-body { position: relative; width: max-content; min-width: 100%; }
.floor-row { position: absolute; top: 0; left: 0; display: grid; box-sizing: border-box; height: ${ROW_HEIGHT}px; width: max-content; min-width: 100%; border-bottom: 1px solid #d5dce4; background: #fff; contain: layout style; }
.floor-row[hidden] { display: none; }
.floor-row.sel { background: #e3edfa; }
.floor-row > div, .floor-head > div { box-sizing: border-box; padding: 0 12px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; line-height: ${ROW_HEIGHT - 1}px; }
.floor-row > .end, .floor-head > .end { text-align: end; }
.floor-row > .sel-cell, .floor-head > .sel-cell { display: flex; align-items: center; justify-content: center; padding: 0; }
.floor .status { display: inline-block; padding: 0 8px; border-radius: 999px; line-height: 22px; font-size: 12px; font-weight: 600; }
.floor .tone-neutral { color: #52606f; } .floor .tone-info { color: #1f5fa8; } .floor .tone-attention { color: #7a3fb0; }
.floor .tone-warning { color: #9a5b00; } .floor .tone-success { color: #1b7f3b; } .floor .tone-danger { color: #b42318; }
`;

export class FloorTable implements TableImpl {
  readonly name = 'floor';
  private root: HTMLDivElement | undefined;
  private scrollEl!: HTMLDivElement;
  private body!: HTMLDivElement;
  private data!: MemoryOrders;
  private columns: PlainColumn[] = [];
  private template = '';
  private query: OrderQuery = {};
  private result: readonly Order[] = [];
  private pool: PoolRow[] = [];
  private readonly rowOf = new WeakMap<Element, PoolRow>();
  private allSelected = false;
  private readonly selected = new Set<string>();
  private scheduled = false;
  private unsubscribe: (() => void) | undefined;

  mount(container: HTMLElement, data: MemoryOrders): void {
    if (!document.getElementById('floor-css')) {
      const style = document.createElement('style');
      style.id = 'floor-css';
      style.textContent = CSS;
      document.head.append(style);
    }
    this.data = data;
    this.query = {};
    this.allSelected = false;
    this.selected.clear();
    const viewer = demoViewers[1] ?? demoViewers[0];
    if (!viewer) throw new Error('no viewer');
    this.columns = plainColumns(data.workflow, viewer, demoStores);
    this.template = `${SELECT_WIDTH}px ${this.columns.map((c) => `${c.width}px`).join(' ')}`;
    const root = document.createElement('div');
    root.className = 'floor';
    const scroller = document.createElement('div');
    scroller.className = 'floor-scroller';
    const head = document.createElement('div');
    head.className = 'floor-head';
    head.style.gridTemplateColumns = this.template;
    const all = document.createElement('div');
    all.className = 'sel-cell';
    const allBox = document.createElement('input');
    allBox.type = 'checkbox';
    allBox.setAttribute('aria-label', 'Select all');
    all.append(allBox);
    head.append(all);
    for (const c of this.columns) {
      const h = document.createElement('div');
      h.textContent = c.header;
      if (c.align === 'end') h.className = 'end';
      head.append(h);
    }
    const body = document.createElement('div');
    body.className = 'floor-body';
    scroller.append(head, body);
    root.append(scroller);
    this.root = root;
    this.scrollEl = scroller;
    this.body = body;
    this.pool = [];
    scroller.addEventListener('scroll', () => this.render(), { passive: true });
    this.unsubscribe = data.subscribe(() => this.schedule());
    container.append(root);
    this.refresh();
  }

  unmount(): void {
    this.unsubscribe?.();
    this.root?.remove();
    this.root = undefined;
  }

  setSearch(text: string): void {
    this.query = { ...this.query, search: text || undefined };
    this.scrollEl.scrollTop = 0;
    this.refresh();
  }

  setSort(sort: SortSpec): void {
    this.query = { ...this.query, sort };
    this.scrollEl.scrollTop = 0;
    this.refresh();
  }

  selectAll(): void {
    this.allSelected = true;
    this.render();
  }

  clearSelection(): void {
    this.allSelected = false;
    this.selected.clear();
    this.render();
  }

  scroller(): HTMLElement {
    return this.scrollEl;
  }

  shownRows(): ShownRow[] {
    const box = this.scrollEl.getBoundingClientRect();
    const top = box.top + ROW_HEIGHT;
    const rows: ShownRow[] = [];
    for (const row of this.pool) {
      if (row.el.hidden || !row.order) continue;
      const r = row.el.getBoundingClientRect();
      if (r.bottom <= top || r.top >= box.bottom) continue;
      rows.push({ index: row.index, number: row.cells[0]?.textContent ?? '', status: row.badge.textContent ?? '', selected: row.check.checked });
    }
    return rows.sort((a, b) => a.index - b.index);
  }

  shownTotal(): number {
    return this.result.length;
  }

  selectedCount(): number {
    return this.allSelected ? this.result.length : this.selected.size;
  }

  rowAt(y: number): { index: number; number: string } | null {
    const box = this.scrollEl.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + 200, box.top + ROW_HEIGHT + y);
    const rowEl = hit?.closest('.floor-row');
    const row = rowEl ? this.rowOf.get(rowEl) : undefined;
    if (!row || row.el.hidden) return null;
    return { index: row.index, number: row.cells[0]?.textContent ?? '' };
  }

  private refresh(): void {
    this.result = this.data.query(this.query);
    this.body.style.height = `${this.result.length * ROW_HEIGHT}px`;
    for (const row of this.pool) row.index = -1;
    this.render();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.render();
    });
  }

  private render(): void {
    const total = this.result.length;
    const visible = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 1;
    const size = visible + 2 * OVERSCAN;
    while (this.pool.length < size) this.pool.push(this.createRow());
    const first = Math.floor(this.scrollEl.scrollTop / ROW_HEIGHT);
    const start = Math.max(0, first - OVERSCAN);
    const end = Math.min(total, first + visible + OVERSCAN);
    const used = new Set<PoolRow>();
    for (let i = start; i < end; i++) {
      const row = this.pool[i % size] as PoolRow;
      used.add(row);
      const listed = this.result[i] as Order;
      const order = this.data.get(listed.id) ?? listed;
      if (row.index !== i) {
        row.index = i;
        row.el.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
        row.el.hidden = false;
      }
      if (row.order !== order) this.fill(row, order);
      const selected = this.allSelected || this.selected.has(order.id);
      if (row.selected !== selected) {
        row.selected = selected;
        row.check.checked = selected;
        row.el.classList.toggle('sel', selected);
      }
    }
    for (const row of this.pool) {
      if (!used.has(row) && !row.el.hidden) {
        row.el.hidden = true;
        row.index = -1;
      }
    }
  }

  private createRow(): PoolRow {
    const el = document.createElement('div');
    el.className = 'floor-row';
    el.style.gridTemplateColumns = this.template;
    el.hidden = true;
    const selCell = document.createElement('div');
    selCell.className = 'sel-cell';
    const check = document.createElement('input');
    check.type = 'checkbox';
    selCell.append(check);
    el.append(selCell);
    const cells: HTMLDivElement[] = [];
    let badge: HTMLSpanElement | undefined;
    for (const c of this.columns) {
      const cell = document.createElement('div');
      if (c.align === 'end') cell.className = 'end';
      if (c.key === 'status') {
        badge = document.createElement('span');
        cell.append(badge);
      }
      cells.push(cell);
      el.append(cell);
    }
    this.body.append(el);
    const row: PoolRow = { el, check, cells, badge: badge as HTMLSpanElement, index: -1, order: undefined, selected: false };
    this.rowOf.set(el, row);
    return row;
  }

  private fill(row: PoolRow, order: Order): void {
    row.order = order;
    this.columns.forEach((c, i) => {
      if (c.tone) {
        row.badge.textContent = c.text(order);
        row.badge.className = `status tone-${c.tone(order)}`;
      } else {
        (row.cells[i] as HTMLDivElement).textContent = c.text(order);
      }
    });
  }
}
