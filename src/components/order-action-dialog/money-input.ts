/**
 * Money typed by a person, in major units and the locale's own separators (`150.000` is a hundred and
 * fifty thousand rupiah in Indonesian, `1,234.50` a thousand-odd ringgit in English), turned into exact
 * minor units with `parseMajor` — never through a float.
 */
import { intlLocale } from '../../i18n/format.js';
import { parseMajor, toMajorString, type Money } from '../../model/money.js';

interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const cache = new Map<string, Separators>();

function separators(locale: string): Separators {
  let found = cache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    cache.set(locale, found);
  }
  return found;
}

/**
 * Parses a typed amount exactly: group separators (and spaces) are dropped, the locale's decimal
 * separator becomes `.`, then `parseMajor` checks the digits against the currency's exponent.
 * Undefined for anything that is not a plain amount (letters, two decimal marks, too many decimals).
 */
export function parseMoneyInput(text: string, currency: string, locale: string = intlLocale()): Money | undefined {
  const { decimal, group } = separators(locale);
  const plain = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (plain === '') return undefined;
  const [whole = '', ...rest] = plain.split(decimal);
  if (rest.length > 1) return undefined;
  // Grouping must look like grouping (`1.234.567`), so `12.50` typed in Indonesian is refused, not read as 1250.
  const groups = whole.split(group);
  if (groups.length > 1 && !groups.every((g, i) => (i === 0 ? /^[-]?\d{1,3}$/.test(g) : /^\d{3}$/.test(g)))) {
    return undefined;
  }
  return parseMajor(rest.length ? `${groups.join('')}.${rest[0]}` : groups.join(''), currency);
}

/** An amount as a person would type it in this locale, without grouping: `150000`, `12,50` (id), `12.50` (en). */
export function formatMoneyInput(m: Money, locale: string = intlLocale()): string {
  const { decimal } = separators(locale);
  const text = toMajorString(m);
  return decimal === '.' ? text : text.replace('.', decimal);
}
