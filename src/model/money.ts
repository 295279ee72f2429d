/**
 * Money: integer minor units plus an ISO 4217 currency. No floats ever hold money.
 * Exponents and formatting come from `Intl.NumberFormat`; mixing currencies throws.
 */

/** An exact amount of money in the currency's minor units (cents, sen; whole rupiah for IDR). */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Thrown when two amounts in different currencies meet in one calculation: a programmer error. */
export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`Cannot combine ${a} with ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

const exponentCache = new Map<string, number>();

/** Number of minor-unit digits of a currency (IDR 0, MYR 2, ...), as `Intl` knows it. */
export function minorDigits(currency: string): number {
  let digits = exponentCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    exponentCache.set(currency, digits);
  }
  return digits;
}

/** True for a string that Intl accepts as an ISO 4217 currency code. */
export function isCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  try {
    minorDigits(code);
    return true;
  } catch {
    return false;
  }
}

/** Makes money from minor units; throws on a non-integer or unsafe amount. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount must be a safe integer, got ${amount}`);
  return { amount, currency };
}

export const zero = (currency: string): Money => ({ amount: 0, currency });

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** Multiplies by a whole quantity. */
export function times(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be an integer, got ${quantity}`);
  return money(a.amount * quantity, a.currency);
}

export function sum(items: Iterable<Money>, currency: string): Money {
  let total = 0;
  for (const m of items) {
    if (m.currency !== currency) throw new CurrencyMismatchError(currency, m.currency);
    total += m.amount;
  }
  return money(total, currency);
}

export function compare(a: Money, b: Money): number {
  same(a, b);
  return a.amount - b.amount;
}

export function min(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Money, b: Money): Money {
  return compare(a, b) >= 0 ? a : b;
}

export const isZero = (m: Money): boolean => m.amount === 0;

/**
 * Exact decimal text in major units, for CSV and APIs: `{ amount: 12345, currency: 'MYR' }` → `"123.45"`.
 * Built from the integer's digits, never from float division.
 */
export function toMajorString(m: Money): string {
  const digits = minorDigits(m.currency);
  const negative = m.amount < 0;
  const text = String(Math.abs(m.amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const frac = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/**
 * Parses a major-unit decimal string ("199.00", "-5", "1,234.5" is refused) exactly into minor units.
 * Returns undefined for text that is not a plain decimal or has more decimals than the currency allows.
 */
export function parseMajor(text: string | number, currency: string): Money | undefined {
  const source = typeof text === 'number' ? numberToPlain(text) : text.trim();
  if (source === undefined) return undefined;
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(source);
  if (!match) return undefined;
  const digits = minorDigits(currency);
  let frac = match[3] ?? '';
  // Trailing zeros beyond the exponent are harmless ("199.000" for IDR 199); other digits are not.
  while (frac.length > digits && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (frac.length > digits) return undefined;
  const amount = Number(`${match[2]}${frac.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(amount)) return undefined;
  return money(match[1] ? -amount : amount, currency);
}

function numberToPlain(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  // Shortest round-trip representation; exponent forms are not plain decimals.
  const text = String(n);
  return /e/i.test(text) ? undefined : text;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats for display in a locale, with the currency's own exponent. */
export function formatMoney(m: Money, locale = 'en'): string {
  const key = `${locale}|${m.currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    formatters.set(key, f);
  }
  // Integer division by a power of ten as a decimal string keeps it exact for Intl's decimal parser.
  return f.format(toMajorString(m) as unknown as number);
}
