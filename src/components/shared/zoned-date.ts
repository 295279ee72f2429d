/**
 * Calendar days and wall-clock times in an IANA time zone, for elements that show days (the calendar,
 * date filters, scheduling inputs). A day is written `YYYY-MM-DD`; the UTC bounds of a zoned day are
 * computed from the zone's real offsets, so days that are 23 or 25 hours long (daylight saving) and
 * days whose midnight does not exist come out right. Pure functions over `Intl`; formatters are cached.
 *
 * Day arithmetic (`addDays`, `addMonths`, `isoWeekday`) needs no zone: a day is a label, computed in UTC.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

// Which zones exist and the browser's own are model helpers (the store resolves a view's zone with them).
export { browserTimeZone, isTimeZone } from '../../model/time-zone.js';

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

interface Wall {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly h: number;
  readonly min: number;
  readonly s: number;
}

/** The wall-clock fields of the instant `ms` in `zone`. */
function wallClock(ms: number, zone: string): Wall {
  const f: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(ms)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  return { y: f.year ?? 1970, m: f.month ?? 1, d: f.day ?? 1, h: f.hour ?? 0, min: f.minute ?? 0, s: f.second ?? 0 };
}

/** How far `zone`'s wall clock is ahead of UTC at the instant `ms`, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function fields(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function fromUtc(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD` of the day the instant `ms` falls on in `zone`. */
export function dayOf(ms: number, zone: string): string {
  const w = wallClock(ms, zone);
  return `${pad(w.y, 4)}-${pad(w.m)}-${pad(w.d)}`;
}

/** The day `n` days after (before, for negative `n`) `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = fields(day);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + n)));
}

/** The same day of the month `n` months later (earlier), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = fields(day);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))));
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = fields(a);
  const [by, bm, bd] = fields(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const [y, m, d] = fields(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** The first day of `day`'s month. */
export function startOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** A day as a UTC `Date` at noon, for `Intl` formatting with `timeZone: 'UTC'` (the day's own label, no zone shift). */
export function dayAsDate(day: string): Date {
  const [y, m, d] = fields(day);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/**
 * The instant a wall-clock time on `day` happens in `zone`, as an ISO string. `time` is `HH:mm` or
 * `HH:mm:ss` (default midnight). A time skipped by a daylight-saving change moves forward by the gap
 * (02:30 → 03:30, as browsers resolve it); a repeated time resolves to its first occurrence.
 */
export function zonedInstant(day: string, zone: string, time = '00:00'): string {
  const [y, m, d] = fields(day);
  const [h = 0, min = 0, s = 0] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, min, s);
  // The answer is `guess - offset` for the offset in force at the answer. Try the offsets in force a
  // day either side: one fits (a normal time), two fit (a repeated hour: the first wins), or none (a
  // skipped hour: the earlier offset, which moves the time forward by the gap).
  const candidates = [...new Set([-86_400_000, 0, 86_400_000].map((shift) => guess - offsetAt(guess + shift, zone)))];
  const fits = candidates.filter((t) => t + offsetAt(t, zone) === guess);
  const instant = fits.length > 0 ? Math.min(...fits) : Math.max(...candidates);
  return new Date(instant).toISOString();
}

/**
 * The instant `day` begins in `zone`: its first wall-clock moment, which is 00:00 except where a
 * daylight-saving change skips midnight (then 01:00).
 */
export function startOfDay(day: string, zone: string): string {
  // A skipped midnight resolves forward to the day's first existing moment.
  return zonedInstant(day, zone);
}

/** The instant range `[from, to)` of whole days `first`…`last` (inclusive) in `zone`. */
export function dayBounds(first: string, zone: string, last: string = first): { readonly from: string; readonly to: string } {
  return { from: startOfDay(first, zone), to: startOfDay(addDays(last, 1), zone) };
}

/** The wall-clock time of day of an ISO instant in `zone`, `HH:mm:ss` (undefined when unreadable). */
export function wallTimeOf(iso: string, zone: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const w = wallClock(ms, zone);
  return `${pad(w.h)}:${pad(w.min)}:${pad(w.s)}`;
}
