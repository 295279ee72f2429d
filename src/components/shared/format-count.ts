/**
 * Whole-number counts in the active locale (`1,234` / `1.234`), with one cached `Intl.NumberFormat`
 * per locale.
 */
import { intlLocale } from '../../i18n/format.js';

const formatters = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number, locale: string = intlLocale()): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}
