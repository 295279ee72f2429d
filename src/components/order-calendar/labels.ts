/**
 * The calendar's words and icons for its three kinds of day entries, and its date formats (through
 * `Intl`, in the active locale). Functions, so `msg()` runs at render time in the locale active then.
 */
import { msg, str } from '@lit/localize';
import { html, svg, type TemplateResult } from 'lit';
import type { CalendarKind } from '../../api/types.js';
import { intlLocale } from '../../i18n/format.js';
import { formatCount } from '../shared/format-count.js';
import { dayAsDate } from '../shared/zoned-date.js';
import type { CalendarView } from './calendar-math.js';

/** The name of a kind, on its toggle and in the day list. */
export function kindLabel(kind: CalendarKind): string {
  switch (kind) {
    case 'scheduled':
      return msg('Scheduled', { id: 'calendar.kind.scheduled', desc: 'Calendar: orders with a delivery or booking date on the day' });
    case 'shipment':
      return msg('Shipments', { id: 'calendar.kind.shipment', desc: 'Calendar: shipments scheduled or sent on the day' });
    default:
      return msg('Created', { id: 'calendar.kind.created', desc: 'Calendar: orders created (placed) on the day' });
  }
}

/** A day's count of a kind for screen readers: "3 scheduled", "1 shipment". */
export function kindCount(kind: CalendarKind, count: number): string {
  const n = formatCount(count);
  switch (kind) {
    case 'scheduled':
      return msg(str`${n} scheduled`, { desc: 'Calendar day: orders scheduled for delivery or booked on the day' });
    case 'shipment':
      return count === 1
        ? msg(str`${n} shipment`, { desc: 'Calendar day: one shipment on the day' })
        : msg(str`${n} shipments`, { desc: 'Calendar day: shipments on the day' });
    default:
      return msg(str`${n} created`, { desc: 'Calendar day: orders created on the day' });
  }
}

/** The name of a view, on the view switch. */
export function viewLabel(view: CalendarView): string {
  switch (view) {
    case 'day':
      return msg('Day', { id: 'calendar.view.day', desc: 'Calendar view: one day' });
    case 'week':
      return msg('Week', { id: 'calendar.view.week', desc: 'Calendar view: one week' });
    default:
      return msg('Month', { id: 'calendar.view.month', desc: 'Calendar view: one month' });
  }
}

/** The previous / next buttons' names. */
export function stepLabel(view: CalendarView, direction: -1 | 1): string {
  switch (view) {
    case 'day':
      return direction < 0 ? msg('Previous day') : msg('Next day');
    case 'week':
      return direction < 0 ? msg('Previous week') : msg('Next week');
    default:
      return direction < 0 ? msg('Previous month') : msg('Next month');
  }
}

function icon(paths: TemplateResult): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}

/** A small icon per kind (hidden from assistive technology; the text beside it names the kind). */
export function kindIcon(kind: CalendarKind): TemplateResult {
  switch (kind) {
    case 'scheduled':
      return icon(svg`<rect x="2.5" y="3.5" width="11" height="10" rx="1.5"/><path d="M2.5 6.5h11M5.5 2v3M10.5 2v3M8 8.5V10.5l1.5 1"/>`);
    case 'shipment':
      return icon(svg`<path d="M1.5 4.5h8v6.5h-8zM9.5 7h3l2 2v2h-5"/><circle cx="4.5" cy="12" r="1.3"/><circle cx="12" cy="12" r="1.3"/>`);
    default:
      return icon(svg`<path d="M3.5 2h9v12l-1.5-1-1.5 1-1.5-1-1.5 1-1.5-1-1.5 1zM6 5.5h4M6 8h4"/>`);
  }
}

export const chevron = (direction: -1 | 1): TemplateResult =>
  icon(direction < 0 ? svg`<path d="m10 3.5-4.5 4.5 4.5 4.5"/>` : svg`<path d="m6 3.5 4.5 4.5-4.5 4.5"/>`);

/** A calendar with an arrow: "move to another day". */
export const moveIcon = (): TemplateResult =>
  icon(svg`<path d="M13.5 7V4.5a1 1 0 0 0-1-1h-9a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1H8M2.5 6.5h11M5.5 2v3M10.5 2v3M10 12h4.5M12.5 10l2 2-2 2"/>`);

export const closeIcon = (): TemplateResult => icon(svg`<path d="m4 4 8 8M12 4l-8 8"/>`);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** A day label in a style, in the active locale (the label itself, no zone shift). */
export function formatDay(day: string, style: 'full' | 'long' | 'medium' | 'day-month' | 'weekday-short' | 'weekday-long' | 'weekday-narrow' | 'number', locale = intlLocale()): string {
  const utc = { timeZone: 'UTC' } as const;
  switch (style) {
    case 'full':
      return formatter(locale, { ...utc, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayAsDate(day));
    case 'long':
      return formatter(locale, { ...utc, day: 'numeric', month: 'long', year: 'numeric' }).format(dayAsDate(day));
    case 'medium':
      return formatter(locale, { ...utc, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(dayAsDate(day));
    case 'day-month':
      return formatter(locale, { ...utc, weekday: 'long', day: 'numeric', month: 'long' }).format(dayAsDate(day));
    case 'weekday-short':
      return formatter(locale, { ...utc, weekday: 'short' }).format(dayAsDate(day));
    case 'weekday-long':
      return formatter(locale, { ...utc, weekday: 'long' }).format(dayAsDate(day));
    case 'weekday-narrow':
      return formatter(locale, { ...utc, weekday: 'narrow' }).format(dayAsDate(day));
    default:
      return formatter(locale, { ...utc, day: 'numeric' }).format(dayAsDate(day));
  }
}

/** The heading of a view's period: "January 2026", "25 – 31 Jan 2026", "Saturday, 31 January 2026". */
export function periodTitle(view: CalendarView, start: string, end: string, locale = intlLocale()): string {
  switch (view) {
    case 'day':
      return formatDay(start, 'full', locale);
    case 'week':
      return formatter(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).formatRange(dayAsDate(start), dayAsDate(end));
    default:
      return formatter(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(dayAsDate(start));
  }
}

/** A time of day of an instant in a zone: "14:30" / "2:30 PM". */
export function formatTime(iso: string, timeZone: string, locale = intlLocale()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return formatter(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A date with its time in a zone, for the reschedule notices: "Thu, 5 Feb 2026, 14:30". */
export function formatWhen(iso: string, timeZone: string, locale = intlLocale()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return formatter(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(ms);
}
