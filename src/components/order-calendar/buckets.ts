/**
 * Calendar buckets (one per day and kind, from `store.calendar`) arranged for drawing: per day, per
 * kind, the count and the status split in the workflow's status order with each status's tone.
 * Also the optimistic move of one order between days while a reschedule is in flight.
 */
import type { CalendarBucket, CalendarKind } from '../../api/types.js';
import type { Tone, WorkflowDefinition } from '../../model/workflow/types.js';

export const CALENDAR_KINDS: readonly CalendarKind[] = ['scheduled', 'shipment', 'created'];

/** One status's share of a day's count. */
export interface StatusShare {
  readonly status: string;
  readonly count: number;
  readonly tone: Tone;
}

export interface KindCount {
  readonly count: number;
  /** In the workflow's status order (unknown statuses last, neutral). */
  readonly statuses: readonly StatusShare[];
}

/** Day (`YYYY-MM-DD`) → kind → count. Days and kinds without orders are absent. */
export type DayCounts = ReadonlyMap<string, Readonly<Partial<Record<CalendarKind, KindCount>>>>;

function shares(byStatus: Readonly<Record<string, number>>, workflow: WorkflowDefinition): StatusShare[] {
  const order = new Map(workflow.statuses.map((s, i) => [s.key, i]));
  return Object.entries(byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => {
      const def = workflow.statuses.find((s) => s.key === status);
      return { status, count, tone: def?.tone ?? 'neutral' };
    })
    .sort((a, b) => (order.get(a.status) ?? Infinity) - (order.get(b.status) ?? Infinity) || (a.status < b.status ? -1 : 1));
}

/** Arranges buckets by day and kind. */
export function indexBuckets(buckets: readonly CalendarBucket[], workflow: WorkflowDefinition): DayCounts {
  const days = new Map<string, Partial<Record<CalendarKind, KindCount>>>();
  for (const bucket of buckets) {
    if (bucket.count <= 0) continue;
    const day = days.get(bucket.day) ?? {};
    day[bucket.kind] = { count: bucket.count, statuses: shares(bucket.byStatus, workflow) };
    days.set(bucket.day, day);
  }
  return days;
}

/** The total of the shown kinds on a day. */
export function dayTotal(counts: DayCounts, day: string, kinds: readonly CalendarKind[]): number {
  const entry = counts.get(day);
  if (!entry) return 0;
  return kinds.reduce((sum, kind) => sum + (entry[kind]?.count ?? 0), 0);
}

/** The distinct tones of the shown kinds on a day, in first-seen order (for the compact dots). */
export function dayTones(counts: DayCounts, day: string, kinds: readonly CalendarKind[]): Tone[] {
  const entry = counts.get(day);
  const tones: Tone[] = [];
  if (!entry) return tones;
  for (const kind of kinds) for (const share of entry[kind]?.statuses ?? []) if (!tones.includes(share.tone)) tones.push(share.tone);
  return tones;
}

function adjust(counts: Map<string, Partial<Record<CalendarKind, KindCount>>>, day: string, status: string, tone: Tone, delta: number): void {
  const entry = { ...(counts.get(day) ?? {}) };
  const current = entry.scheduled ?? { count: 0, statuses: [] };
  const count = current.count + delta;
  const found = current.statuses.some((s) => s.status === status);
  const statuses = (found ? current.statuses : [...current.statuses, { status, count: 0, tone }])
    .map((s) => (s.status === status ? { ...s, count: s.count + delta } : s))
    .filter((s) => s.count > 0);
  if (count > 0) entry.scheduled = { count, statuses };
  else delete entry.scheduled;
  counts.set(day, entry);
}

/**
 * The counts with one scheduled order moved from `from` to `to` (days outside the grid are simply
 * absent), shown while the reschedule is in flight; the refetch after it replaces them.
 */
export function moveScheduled(counts: DayCounts, from: string, to: string, status: string, tone: Tone): DayCounts {
  const next = new Map(counts);
  if (next.has(from)) adjust(next, from, status, tone, -1);
  adjust(next, to, status, tone, 1);
  return next;
}
