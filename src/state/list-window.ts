/**
 * The windowed result list as a value: which pages cover a range, which are complete, how a page
 * lands, how a row leaves, and how the window is trimmed to a bounded number of pages. Pure.
 */
import type { ListWindow } from './types.js';

export const EMPTY_LIST: ListWindow = { total: undefined, rows: new Map(), loading: false, error: undefined };

/** Page numbers covering rows `start` (inclusive) to `end` (exclusive), clamped to `total` when known. */
export function pagesCovering(start: number, end: number, pageSize: number, total: number | undefined): number[] {
  const from = Math.max(0, Math.floor(start));
  const to = total === undefined ? Math.ceil(end) : Math.min(Math.ceil(end), total);
  if (to <= from) return [];
  const pages: number[] = [];
  for (let p = Math.floor(from / pageSize); p <= Math.floor((to - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/** True when every row of the page is present (a page past the end counts as complete). */
export function isPageComplete(list: ListWindow, page: number, pageSize: number): boolean {
  if (list.total === undefined) return false;
  const from = page * pageSize;
  const to = Math.min(from + pageSize, list.total);
  for (let i = from; i < to; i++) if (!list.rows.has(i)) return false;
  return true;
}

/** The list with a page's ids at `offset`, the new total, and no rows past that total. */
export function withPage(
  list: ListWindow,
  offset: number,
  ids: readonly string[],
  limit: number,
  total: number,
): ListWindow {
  const rows = new Map(list.rows);
  ids.forEach((id, i) => rows.set(offset + i, id));
  // A short page means the rows after it in this page no longer exist.
  for (let i = offset + ids.length; i < offset + limit; i++) rows.delete(i);
  if (list.total === undefined || total < list.total) {
    for (const index of rows.keys()) if (index >= total) rows.delete(index);
  }
  return { ...list, rows, total };
}

/** The index of an order in the loaded rows, if it is there. */
export function rowIndexOf(list: ListWindow, id: string): number | undefined {
  for (const [index, rowId] of list.rows) if (rowId === id) return index;
  return undefined;
}

/** The list without the row at `index`: later rows (and holes) move up by one; the total drops by one. */
export function withoutRow(list: ListWindow, index: number): ListWindow {
  const rows = new Map<number, string>();
  for (const [i, id] of list.rows) {
    if (i < index) rows.set(i, id);
    else if (i > index) rows.set(i - 1, id);
  }
  const total = list.total === undefined ? undefined : Math.max(0, list.total - 1);
  return { ...list, rows, total };
}

/** Pages that hold at least one loaded row. */
export function loadedPages(list: ListWindow, pageSize: number): Set<number> {
  const pages = new Set<number>();
  for (const index of list.rows.keys()) pages.add(Math.floor(index / pageSize));
  return pages;
}

/** Only the rows of the given pages. */
export function keepPages(list: ListWindow, pages: ReadonlySet<number>, pageSize: number): ListWindow {
  const rows = new Map<number, string>();
  for (const [i, id] of list.rows) if (pages.has(Math.floor(i / pageSize))) rows.set(i, id);
  return rows.size === list.rows.size ? list : { ...list, rows };
}

/**
 * Keeps at most `maxPages` pages, the nearest to the range last asked for; returns the trimmed list
 * and the ids whose rows were dropped.
 */
export function trimWindow(
  list: ListWindow,
  range: readonly [number, number] | undefined,
  pageSize: number,
  maxPages: number,
): { list: ListWindow; dropped: string[] } {
  const pages = loadedPages(list, pageSize);
  if (pages.size <= maxPages) return { list, dropped: [] };
  const first = range ? Math.floor(range[0] / pageSize) : 0;
  const last = range ? Math.floor(Math.max(range[0], range[1] - 1) / pageSize) : 0;
  const distance = (p: number): number => (p < first ? first - p : p > last ? p - last : 0);
  const keep = new Set([...pages].sort((a, b) => distance(a) - distance(b)).slice(0, maxPages));
  const trimmed = keepPages(list, keep, pageSize);
  const dropped: string[] = [];
  for (const [i, id] of list.rows) if (!keep.has(Math.floor(i / pageSize))) dropped.push(id);
  return { list: trimmed, dropped };
}
