/**
 * `<order-table>` under test, fed through the real store (`createOrderStore`) over `MemoryOrderApi`.
 * Driven the way a page drives it: the query through `store.setQuery` (what `<order-toolbar>` and
 * the sort headers call), selection through the store's commands; read back from its shadow DOM.
 */
import type { SortSpec } from '../../src/api/types.js';
import '../../src/components/order-table/define.js';
import { demoStores, demoViewers } from '../../src/model/generate.js';
import type { Store } from '../../src/model/types.js';
import { createOrderStore } from '../../src/state/store.js';
import type { OrderStore } from '../../src/state/types.js';
import { ROW_HEIGHT, TABLE_WIDTH, VIEW_HEIGHT, type ShownRow, type TableImpl } from './impl.js';
import { MemoryOrderApi } from './memory-api.js';
import type { MemoryOrders } from './memory-orders.js';

/** What the driver needs of the element: a store, the stores' names, and its shadow DOM. */
export type TableElement = HTMLElement & { store?: OrderStore; stores: readonly Store[]; storageKey?: string };

export class OursTable implements TableImpl {
  readonly name: string = 'order-table';
  protected el: TableElement | undefined;
  protected store: OrderStore | undefined;

  /** The element to create (a subclass may test a variant). */
  protected create(): TableElement {
    return document.createElement('order-table');
  }

  mount(container: HTMLElement, data: MemoryOrders): void {
    const viewer = demoViewers[1] ?? demoViewers[0];
    if (!viewer) throw new Error('no viewer');
    this.store = createOrderStore({ api: new MemoryOrderApi(data), workflow: data.workflow, viewer, query: {} });
    const el = this.create();
    el.store = this.store;
    el.stores = demoStores;
    el.storageKey = `bench:${crypto.randomUUID()}`;
    // The toolbar above the grid takes 44px; the grid itself gets the same 640px as the others.
    el.style.cssText = `width:${TABLE_WIDTH}px;height:${VIEW_HEIGHT + ROW_HEIGHT + 44}px;--od-order-table-row-height:${ROW_HEIGHT}px`;
    this.el = el;
    container.append(el);
  }

  unmount(): void {
    this.el?.remove();
    this.store?.dispose();
    this.el = undefined;
    this.store = undefined;
  }

  setSearch(text: string): void {
    this.store?.setQuery({ search: text || undefined });
  }

  setSort(sort: SortSpec): void {
    this.store?.setQuery({ sort });
  }

  selectAll(): void {
    this.store?.selectAllMatching();
  }

  clearSelection(): void {
    this.store?.clearSelection();
  }

  scroller(): HTMLElement {
    return this.el?.shadowRoot?.querySelector('.scroller') as HTMLElement;
  }

  shownRows(): ShownRow[] {
    const scroller = this.scroller();
    if (!scroller) return [];
    const box = scroller.getBoundingClientRect();
    const top = box.top + ROW_HEIGHT;
    const rows: ShownRow[] = [];
    for (const row of scroller.querySelectorAll<HTMLElement>('.body > [role="row"]')) {
      const r = row.getBoundingClientRect();
      if (r.bottom <= top || r.top >= box.bottom) continue;
      rows.push({
        index: Number(row.getAttribute('aria-rowindex')) - 2,
        number: row.querySelector('.col-number')?.textContent ?? '',
        status: row.querySelector('.col-status .status')?.textContent ?? '',
        selected: row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? false,
      });
    }
    return rows.sort((a, b) => a.index - b.index);
  }

  shownTotal(): number | undefined {
    const count = Number(this.scroller()?.getAttribute('aria-rowcount'));
    return count > 0 ? count - 1 : undefined;
  }

  selectedCount(): number {
    const text = this.el?.shadowRoot?.querySelector('.selection-bar .count')?.textContent ?? '';
    const digits = text.replace(/[^0-9]/g, '');
    return digits === '' ? 0 : Number(digits);
  }

  rowAt(y: number): { index: number; number: string } | null {
    const scroller = this.scroller();
    const root = this.el?.shadowRoot;
    if (!scroller || !root) return null;
    const box = scroller.getBoundingClientRect();
    const hit = root.elementFromPoint(box.left + 200, box.top + ROW_HEIGHT + y);
    const row = hit?.closest<HTMLElement>('.body > [role="row"]');
    if (!row) return null;
    return { index: Number(row.getAttribute('aria-rowindex')) - 2, number: row.querySelector('.col-number')?.textContent ?? '' };
  }
}
