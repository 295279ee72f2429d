/**
 * Selection as a value: explicit ids, or "all matching the query" minus exceptions. Pure functions;
 * the store keeps the current selection in its snapshot.
 */
import type { Selection } from './types.js';

export const EMPTY_SELECTION: Selection = { mode: 'ids', ids: new Set() };

/** True when the order is selected. */
export function isSelected(selection: Selection, id: string): boolean {
  return selection.mode === 'ids' ? selection.ids.has(id) : !selection.except.has(id);
}

/** How many orders are selected, given the list total for "all matching". */
export function selectionSize(selection: Selection, total: number | undefined): number {
  if (selection.mode === 'ids') return selection.ids.size;
  return Math.max(0, (total ?? 0) - selection.except.size);
}

export function toggled(selection: Selection, id: string): Selection {
  if (selection.mode === 'ids') return { mode: 'ids', ids: flip(selection.ids, id) };
  return { mode: 'all', except: flip(selection.except, id) };
}

/** Adds every id (removes them from the exceptions when everything is selected). */
export function withIds(selection: Selection, ids: Iterable<string>): Selection {
  if (selection.mode === 'ids') {
    const next = new Set(selection.ids);
    for (const id of ids) next.add(id);
    return next.size === selection.ids.size ? selection : { mode: 'ids', ids: next };
  }
  const except = new Set(selection.except);
  for (const id of ids) except.delete(id);
  return except.size === selection.except.size ? selection : { mode: 'all', except };
}

/** Removes these ids from the selection. */
export function withoutIds(selection: Selection, ids: Iterable<string>): Selection {
  if (selection.mode === 'all') {
    const except = new Set(selection.except);
    for (const id of ids) except.add(id);
    return except.size === selection.except.size ? selection : { mode: 'all', except };
  }
  const next = new Set(selection.ids);
  for (const id of ids) next.delete(id);
  return next.size === selection.ids.size ? selection : { mode: 'ids', ids: next };
}

function flip(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
