/**
 * Locale-aware display of money, dates and relative times through `Intl`, following the active
 * orderdeck locale unless one is passed. Formatters are created once per locale and options, then reused.
 */
import { formatMoney as formatMoneyIn, type Money } from '../model/money.js';
import { getLocale } from './localize.js';

/** Region to assume for a bare language code, so amounts and dates follow local conventions. */
const DEFAULT_REGION: Readonly<Record<string, string>> = { id: 'id-ID', ms: 'ms-MY' };

/** The `Intl` locale for an orderdeck locale: `id` → `id-ID`, `ms` → `ms-MY`; others unchanged. */
export function intlLocale(locale: string = getLocale()): string {
  return DEFAULT_REGION[locale] ?? locale;
}

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** A fraction (0…1) as a whole percentage in the locale's style: `42%` (en), `42%` (id). Not for money. */
export function formatPercent(fraction: number, locale?: string): string {
  const tag = intlLocale(locale);
  let formatter = percentFormatters.get(tag);
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    percentFormatters.set(tag, formatter);
  }
  return formatter.format(fraction);
}

/** An amount in the currency's own format for the locale: `Rp 150.000` (id), `IDR 150,000` (en). */
export function formatMoney(m: Money, locale?: string): string {
  return formatMoneyIn(m, intlLocale(locale));
}

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

export interface DateFormatOptions {
  /** IANA time zone to show the date in (a store's zone); the browser's zone when omitted. */
  readonly timeZone?: string;
  /** Date style (default `medium`). */
  readonly style?: DateStyle;
  /** Locale; the active orderdeck locale when omitted. */
  readonly locale?: string;
}

export interface DateTimeFormatOptions extends DateFormatOptions {
  /** Time style (default `short`). */
  readonly timeStyle?: DateStyle;
}

/** A date, a time stamp in milliseconds, or an ISO 8601 string as orders carry them. */
export type DateInput = string | number | Date;

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
const warnedTimeZones = new Set<string>();

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch (error) {
      // A bad time zone in merchant settings should not blank the screen: warn once, use the browser's zone.
      if (!(error instanceof RangeError) || options.timeZone === undefined) throw error;
      if (!warnedTimeZones.has(options.timeZone)) {
        warnedTimeZones.add(options.timeZone);
        console.warn(`orderdeck: unknown time zone "${options.timeZone}"; using the browser's.`);
      }
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

function toDate(value: DateInput): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Unreadable input is shown as it came (as text), never as "Invalid Date" or an exception. */
function unreadable(value: DateInput): string {
  return typeof value === 'string' ? value : '';
}

/** A calendar date: `22 Nov 2026` (en), `22 Nov 2026` (id, medium). */
export function formatDate(value: DateInput, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return unreadable(value);
  const { timeZone, style = 'medium', locale } = options;
  return dateFormatter(intlLocale(locale), { timeZone, dateStyle: style }).format(date);
}

/** A date with its time of day. */
export function formatDateTime(value: DateInput, options: DateTimeFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return unreadable(value);
  const { timeZone, style = 'medium', timeStyle = 'short', locale } = options;
  return dateFormatter(intlLocale(locale), { timeZone, dateStyle: style, timeStyle }).format(date);
}

/**
 * A date and time short enough for a list cell: "22 Nov, 09.01" — with the year ("22 Nov 2025")
 * instead of the time when it is not the year of `now` in that time zone.
 */
export function formatCompactDateTime(
  value: DateInput,
  options: { readonly timeZone?: string; readonly locale?: string; readonly now?: DateInput } = {},
): string {
  const date = toDate(value);
  if (!date) return unreadable(value);
  const { timeZone, locale } = options;
  const now = toDate(options.now ?? Date.now()) ?? new Date();
  const year = dateFormatter(intlLocale(locale), { timeZone, year: 'numeric' });
  const sameYear = year.format(date) === year.format(now);
  const fields: Intl.DateTimeFormatOptions = sameYear
    ? { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
    : { timeZone, year: 'numeric', month: 'short', day: 'numeric' };
  return dateFormatter(intlLocale(locale), fields).format(date);
}

export interface RelativeFormatOptions {
  /** The moment to count from (default: now). */
  readonly now?: DateInput;
  readonly style?: Intl.RelativeTimeFormatStyle;
  readonly locale?: string;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Time from `now` in the largest fitting unit: `5 minutes ago`, `in 2 days`, `yesterday` / `5 menit yang lalu`. */
export function formatRelative(value: DateInput, options: RelativeFormatOptions = {}): string {
  const date = toDate(value);
  const now = toDate(options.now ?? Date.now());
  if (!date || !now) return unreadable(value);
  const locale = intlLocale(options.locale);
  const style = options.style ?? 'long';
  const key = `${locale}|${style}`;
  let formatter = relativeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style });
    relativeFormatters.set(key, formatter);
  }
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return formatter.format(Math.round(seconds / size), unit);
}
