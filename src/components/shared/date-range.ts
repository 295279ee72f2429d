/**
 * Calendar-day date ranges in an IANA time zone, for the toolbar's date filter: the presets (today,
 * last 7 and 30 days, this month), custom day ranges from two `<input type="date">` values, and the
 * reverse (which preset or days a query's `from`/`to` instants are), so the filter reflects a query
 * set by the URL or a saved view. Ranges are `[from, to)` in UTC instants, as `OrderQuery` wants.
 * Pure functions; "now" is passed in.
 */
import { addDays, dayOf, startOfDay } from './zoned-date.js';

export type DatePreset = 'any' | 'today' | 'last-7' | 'last-30' | 'this-month' | 'custom';

export const DATE_PRESETS: readonly DatePreset[] = ['any', 'today', 'last-7', 'last-30', 'this-month', 'custom'];

/** A range of UTC instants (ISO strings): `from` inclusive, `to` exclusive; either may be absent. */
export interface InstantRange {
  readonly from?: string;
  readonly to?: string;
}

/** A range of calendar days (`YYYY-MM-DD`), both inclusive; either may be empty. */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

// The zoned-day arithmetic is shared with the calendar; re-exported for the filter's users.
export { addDays, browserTimeZone, dayOf, isDay, isTimeZone, startOfDay } from './zoned-date.js';

/** The instant range covering whole days `start`…`end` (inclusive) in `zone`. */
export function dayRangeToInstants(range: DayRange, zone: string): InstantRange {
  return {
    ...(range.start && { from: startOfDay(range.start, zone) }),
    ...(range.end && { to: startOfDay(addDays(range.end, 1), zone) }),
  };
}

/** The days (inclusive) an instant range covers in `zone`: `to` is exclusive, so its day is the one before. */
export function instantsToDayRange(range: InstantRange, zone: string): DayRange {
  const from = range.from ? Date.parse(range.from) : NaN;
  const to = range.to ? Date.parse(range.to) : NaN;
  return {
    start: Number.isNaN(from) ? '' : dayOf(from, zone),
    end: Number.isNaN(to) ? '' : dayOf(to - 1, zone),
  };
}

/** The day range of a preset (undefined for `any` and `custom`), for the day `today` in `zone`. */
export function presetDays(preset: DatePreset, today: string): DayRange | undefined {
  switch (preset) {
    case 'today':
      return { start: today, end: today };
    case 'last-7':
      return { start: addDays(today, -6), end: today };
    case 'last-30':
      return { start: addDays(today, -29), end: today };
    case 'this-month': {
      const first = `${today.slice(0, 8)}01`;
      return { start: first, end: addDays(addDays(first, 32).slice(0, 8) + '01', -1) };
    }
    default:
      return undefined;
  }
}

/** The instant range of a preset at `nowMs` in `zone`; undefined for `any` (no filter) and `custom`. */
export function presetRange(preset: DatePreset, zone: string, nowMs: number): InstantRange | undefined {
  const days = presetDays(preset, dayOf(nowMs, zone));
  return days && dayRangeToInstants(days, zone);
}

/**
 * Which preset an instant range is, at `nowMs` in `zone`: `any` without bounds, a preset when the range
 * is exactly that preset's today, `custom` otherwise (a bookmarked "today" from last week shows as the
 * custom days it covers).
 */
export function detectPreset(range: InstantRange, zone: string, nowMs: number): DatePreset {
  if (!range.from && !range.to) return 'any';
  for (const preset of ['today', 'last-7', 'last-30', 'this-month'] as const) {
    const candidate = presetRange(preset, zone, nowMs);
    if (candidate && sameInstant(candidate.from, range.from) && sameInstant(candidate.to, range.to)) return preset;
  }
  return 'custom';
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Date.parse(a) === Date.parse(b);
}
