/**
 * The viewer's column choice (order and visibility), kept in `localStorage` per viewer and workflow,
 * and applied to whatever columns the table has now: unknown keys in a saved choice are ignored and
 * columns the choice does not know keep their default place and visibility. Private to `<order-table>`.
 */
import type { OrderTableColumn } from './columns.js';

/** A saved column choice: every known key in display order, and the hidden ones. */
export interface ColumnPrefs {
  readonly order: readonly string[];
  readonly hidden: readonly string[];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Reads a saved choice; anything unreadable (absent, corrupt, storage blocked) is no choice. */
export function readPrefs(key: string): ColumnPrefs | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { order, hidden } = parsed as Record<string, unknown>;
    return isStringArray(order) && isStringArray(hidden) ? { order, hidden } : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a choice; a full or blocked storage only loses the persistence, never the choice on screen. */
export function writePrefs(key: string, prefs: ColumnPrefs | undefined): void {
  try {
    if (prefs) globalThis.localStorage?.setItem(key, JSON.stringify(prefs));
    else globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage unavailable (private mode, quota): the choice lasts until reload.
  }
}

/** A column with its effective visibility. */
export interface ArrangedColumn {
  readonly column: OrderTableColumn;
  readonly visible: boolean;
}

/**
 * The columns in display order with their visibility under `prefs`. Saved keys come first in their
 * saved order; a column the choice does not know is placed right after the column that precedes it
 * by default (so a column added in a later release appears where it belongs).
 */
export function arrange(columns: readonly OrderTableColumn[], prefs: ColumnPrefs | undefined): ArrangedColumn[] {
  if (!prefs) return columns.map((column) => ({ column, visible: !column.hidden }));
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const hidden = new Set(prefs.hidden);
  const known = new Set(prefs.order.filter((k) => byKey.has(k)));
  const ordered: OrderTableColumn[] = [...known].map((k) => byKey.get(k) as OrderTableColumn);
  columns.forEach((column, i) => {
    if (known.has(column.key)) return;
    const previous = columns[i - 1];
    const at = previous ? ordered.indexOf(previous) : -1;
    ordered.splice(at + 1, 0, column);
  });
  return ordered.map((column) => ({
    column,
    visible: known.has(column.key) ? !hidden.has(column.key) : !column.hidden,
  }));
}

/** The choice that `arranged` represents. */
export function toPrefs(arranged: readonly ArrangedColumn[]): ColumnPrefs {
  return {
    order: arranged.map((a) => a.column.key),
    hidden: arranged.filter((a) => !a.visible).map((a) => a.column.key),
  };
}
