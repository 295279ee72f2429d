/**
 * Saved views of the order list: named queries kept in `localStorage`, one list per viewer and
 * workflow. Storage can be missing, full or blocked (private mode, a sandboxed iframe, a quota):
 * reads then give an empty list and writes report failure, and the caller keeps the list in memory.
 */
import type { OrderQuery } from '../../api/types.js';

export interface SavedView {
  readonly name: string;
  readonly query: OrderQuery;
}

/** The storage key for a viewer's views of a workflow. */
export function viewsKey(viewerId: string, workflowKey: string): string {
  return `orderdeck:saved-views:${workflowKey}:${viewerId}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Accessing localStorage itself throws when storage is blocked.
  }
}

function isView(value: unknown): value is SavedView {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && v.name.trim() !== '' && v.query !== null && typeof v.query === 'object' && !Array.isArray(v.query);
}

/** The saved views under `key`; an empty list when there are none or they cannot be read. */
export function readViews(key: string): SavedView[] {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isView) : [];
  } catch {
    console.warn(`orderdeck: the saved views in "${key}" are not readable; ignoring them.`);
    return [];
  }
}

/** Stores `views` under `key`; false when the browser refused (the caller keeps them in memory). */
export function writeViews(key: string, views: readonly SavedView[]): boolean {
  const target = storage();
  if (!target) return false;
  try {
    if (views.length === 0) target.removeItem(key);
    else target.setItem(key, JSON.stringify(views));
    return true;
  } catch {
    return false;
  }
}

/** `views` with `view` added, replacing a view of the same name (case-insensitive) in place. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim().toLocaleLowerCase();
  const at = views.findIndex((v) => v.name.trim().toLocaleLowerCase() === name);
  if (at < 0) return [...views, view];
  return views.map((v, i) => (i === at ? view : v));
}
