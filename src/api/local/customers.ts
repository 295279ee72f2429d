/**
 * Customer search over the summary index: one pass over the orders the viewer may see, grouping
 * matches by customer (phone digits, else name) and keeping each one's newest order. Private to the engine.
 */
import type { Summary } from './summary.js';

export interface CustomerGroup {
  /** The newest order of this customer. */
  newest: Summary;
  count: number;
}

const digits = (s: string): string => s.replace(/\D/g, '');

/** Customers whose name or phone contains `query`, newest first, at most `limit`. */
export function matchCustomers(summaries: Iterable<Summary>, query: string, limit: number): CustomerGroup[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const needleDigits = digits(needle);
  // A query that is mostly digits is a phone number: match it on digits only (`0812-3` finds `+62 812 3…`).
  const phoneLike = needleDigits.length >= 3 && needleDigits.length >= needle.replace(/[\s()+.-]/g, '').length;
  const groups = new Map<string, CustomerGroup>();
  for (const s of summaries) {
    if (s.deletedAt !== undefined) continue;
    const phone = s.phone ?? '';
    const hit = s.customer.toLowerCase().includes(needle) || phone.toLowerCase().includes(needle) || (phoneLike && digits(phone).includes(needleDigits));
    if (!hit) continue;
    const key = phone !== '' ? `p:${digits(phone)}` : `n:${s.customer.trim().toLowerCase()}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { newest: s, count: 1 });
    else {
      group.count++;
      if (s.createdAt > group.newest.createdAt) group.newest = s;
    }
  }
  return [...groups.values()].sort((a, b) => (a.newest.createdAt < b.newest.createdAt ? 1 : -1)).slice(0, limit);
}
