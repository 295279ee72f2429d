/**
 * Query helpers: structural equality (so an unchanged query never resets the window) and the query
 * without its tab (what tab counts are computed for).
 */
import type { OrderQuery } from '../api/types.js';

/** The query minus its tab: counts are per tab for everything else. */
export function withoutTab(query: OrderQuery): OrderQuery {
  const { tab: _tab, ...rest } = query;
  return rest;
}

/** Structural equality of two queries; absent and `undefined` fields are the same. */
export function sameQuery(a: OrderQuery, b: OrderQuery): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
