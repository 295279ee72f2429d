/**
 * Calendar-day date ranges in an IANA time zone, for the toolbar's date filter: the presets (today,
 * last 7 and 30 days, this month), custom day ranges from two `<input type="date">` values, and the
 * reverse (which preset or days a query's `from`/`to` instants are), so the filter reflects a query
 * set by the URL or a saved view. Ranges are `[from, to)` in UTC instants, as `OrderQuery` wants.
 * Pure functions; "now" is passed in.
 */

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

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The browser's IANA time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True when `Intl` knows the IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in `zone`. */
function wallClock(ms: number, zone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return { y: fields.year!, m: fields.month!, d: fields.day!, h: fields.hour!, min: fields.minute!, s: fields.second! };
}

/** How far `zone`'s wall clock is ahead of UTC at the instant `ms` (milliseconds). */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the calendar day the instant falls on in `zone`. */
export function dayOf(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day `n` days after (or before, for negative `n`) `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * The instant `day` begins in `zone` (its first wall-clock moment, which is 00:00 except where a DST
 * change skips midnight), as an ISO string.
 */
export function startOfDay(day: string, zone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - offsetAt(guess, zone);
  // Once more with the offset in force at that instant (differs across a DST change).
  const second = guess - offsetAt(instant, zone);
  if (second !== instant && dayOf(second, zone) === day) instant = second;
  // Midnight skipped by DST: the instant landed on the previous day; the day starts an hour later.
  if (dayOf(instant, zone) !== day) instant += 3_600_000;
  return new Date(instant).toISOString();
}

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
