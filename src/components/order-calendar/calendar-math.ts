/**
 * The calendar's periods as days: which day a week starts on in a locale, the weeks of a month grid,
 * the days a month, week or day view shows, and moving between periods. Pure functions over
 * `YYYY-MM-DD` day labels (no time zone: the element turns days into instants with `zoned-date.ts`).
 */
import { addDays, addMonths, daysBetween, isoWeekday, startOfMonth } from '../shared/zoned-date.js';

export type CalendarView = 'month' | 'week' | 'day';

export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week', 'day'];

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * orderdeck's own choice for languages it ships, ahead of CLDR: Indonesian business software starts
 * the week on Monday (Senin), following SNI ISO 8601, where CLDR's regional data says Sunday for ID.
 */
const PRODUCT_FIRST_DAY: Readonly<Record<string, Weekday>> = { id: 1 };

/** For engines without `Intl.Locale#getWeekInfo` / `weekInfo`: regions whose week starts on Sunday or Saturday (CLDR). */
const SUNDAY_REGIONS = new Set([
  'AG', 'AS', 'BD', 'BR', 'BS', 'BT', 'BW', 'BZ', 'CA', 'CN', 'CO', 'DM', 'DO', 'ET', 'GT', 'GU', 'HK', 'HN',
  'IL', 'IN', 'JM', 'JP', 'KE', 'KH', 'KR', 'LA', 'MH', 'MM', 'MO', 'MT', 'MX', 'MZ', 'NI', 'NP', 'PA', 'PE',
  'PH', 'PK', 'PR', 'PT', 'PY', 'SA', 'SG', 'SV', 'TH', 'TT', 'TW', 'UM', 'US', 'VE', 'VI', 'WS', 'YE', 'ZA', 'ZW',
]);
const SATURDAY_REGIONS = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY']);
/** The region assumed for a bare language in the fallback (`en` → US, as `Intl` does). */
const LIKELY_REGION: Readonly<Record<string, string>> = { en: 'US', ja: 'JP', zh: 'CN', ko: 'KR', pt: 'BR', ar: 'EG', he: 'IL', hi: 'IN', th: 'TH' };

interface WeekInfo {
  readonly firstDay?: number;
}

const cache = new Map<string, Weekday>();

/** The day a week starts on in `locale` (a BCP 47 tag such as `en-US`, `id-ID`, `en-GB`). */
export function firstDayOfWeek(locale: string): Weekday {
  let day = cache.get(locale);
  if (day === undefined) {
    day = computeFirstDay(locale);
    cache.set(locale, day);
  }
  return day;
}

function computeFirstDay(locale: string): Weekday {
  let tag: Intl.Locale | undefined;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    tag = undefined;
  }
  const language = (tag?.language ?? locale.split(/[-_]/)[0] ?? '').toLowerCase();
  const product = PRODUCT_FIRST_DAY[language];
  if (product) return product;
  if (tag) {
    const withInfo = tag as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
    let info: WeekInfo | undefined;
    try {
      info = withInfo.getWeekInfo?.() ?? withInfo.weekInfo;
    } catch {
      info = undefined;
    }
    const first = info?.firstDay;
    if (first !== undefined && Number.isInteger(first) && first >= 1 && first <= 7) return first as Weekday;
  }
  const region = (tag?.region ?? locale.split(/[-_]/)[1] ?? LIKELY_REGION[language] ?? '').toUpperCase();
  if (SUNDAY_REGIONS.has(region)) return 7;
  if (SATURDAY_REGIONS.has(region)) return 6;
  return 1;
}

/** The first day of the week containing `day`, for weeks starting on `firstDay`. */
export function startOfWeek(day: string, firstDay: Weekday): string {
  return addDays(day, -((isoWeekday(day) - firstDay + 7) % 7));
}

/** The seven weekdays in display order, as days of the week containing `day` (for their names). */
export function weekDays(day: string, firstDay: Weekday): string[] {
  const start = startOfWeek(day, firstDay);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The first and last day (inclusive) a view of `day` shows. A month shows whole weeks. */
export function visibleRange(view: CalendarView, day: string, firstDay: Weekday): { readonly start: string; readonly end: string } {
  switch (view) {
    case 'day':
      return { start: day, end: day };
    case 'week': {
      const start = startOfWeek(day, firstDay);
      return { start, end: addDays(start, 6) };
    }
    default: {
      const first = startOfMonth(day);
      const last = addDays(addMonths(first, 1), -1);
      const start = startOfWeek(first, firstDay);
      return { start, end: addDays(startOfWeek(last, firstDay), 6) };
    }
  }
}

/** The weeks (rows of seven days) a view of `day` shows; one row of one day for the day view. */
export function gridWeeks(view: CalendarView, day: string, firstDay: Weekday): string[][] {
  const { start, end } = visibleRange(view, day, firstDay);
  if (view === 'day') return [[day]];
  const weeks: string[][] = [];
  const count = daysBetween(start, end) + 1;
  for (let i = 0; i < count; i += 7) weeks.push(Array.from({ length: 7 }, (_, j) => addDays(start, i + j)));
  return weeks;
}

/** A key that is the same for two days exactly when one view shows both as its own period. */
export function periodKey(view: CalendarView, day: string, firstDay: Weekday): string {
  switch (view) {
    case 'day':
      return `day:${day}`;
    case 'week':
      return `week:${startOfWeek(day, firstDay)}`;
    default:
      return `month:${day.slice(0, 7)}`;
  }
}

/** The day `n` periods after (before) `day`: months keep the day of the month (clamped), weeks 7 days. */
export function shiftPeriod(view: CalendarView, day: string, n: number): string {
  switch (view) {
    case 'day':
      return addDays(day, n);
    case 'week':
      return addDays(day, 7 * n);
    default:
      return addMonths(day, n);
  }
}
