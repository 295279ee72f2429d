/**
 * What the list benchmark needs from each table under test: mount it on a data set, drive it the way
 * its own API intends, and read back what is on screen (from the DOM, so a table that renders the
 * wrong thing, or nothing, fails the checks).
 */
import type { SortSpec } from '../../src/api/types.js';
import type { MemoryOrders } from './memory-orders.js';

/** Height of the rows' viewport (below the header) every table is given. */
export const VIEW_HEIGHT = 600;
export const ROW_HEIGHT = 40;
export const TABLE_WIDTH = 1240;

/** One body row on screen, read from the DOM. */
export interface ShownRow {
  readonly index: number;
  /** The order-number cell's text. */
  readonly number: string;
  /** The status cell's label. */
  readonly status: string;
  readonly selected: boolean;
}

export interface TableImpl {
  readonly name: string;
  /** Creates the table in `container` showing every order (no tab, no search, default sort). */
  mount(container: HTMLElement, data: MemoryOrders): void;
  unmount(): void;
  setSearch(text: string): void;
  setSort(sort: SortSpec): void;
  selectAll(): void;
  clearSelection(): void;
  /** The element whose `scrollTop` scrolls the rows. */
  scroller(): HTMLElement;
  /** Rows intersecting the rows' viewport, by index. */
  shownRows(): ShownRow[];
  /** The row count the table exposes (ARIA row count, grid size…); undefined while unknown. */
  shownTotal(): number | undefined;
  /** How many orders the table says are selected. */
  selectedCount(): number;
  /** The row under a point `y` px below the top of the rows' viewport, or null where nothing is drawn. */
  rowAt(y: number): { index: number; number: string } | null;
}
