/**
 * Reading one import cell into a typed value, strictly: exact money (no guessing about thousands
 * separators or decimal commas), whole quantities, dates with an explicit or a store time zone,
 * channels, payment methods and countries. Each reader returns the value or the problem code the
 * import reports. Pure; no DOM.
 */
import { isCurrency, minorDigits, parseMajor, type Money } from '../money.js';
import type { PaymentMethod } from '../types.js';

/** Lower case, accents removed, only letters and digits kept: `"Nomor  Pesanan"` → `"nomorpesanan"`. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export type MoneyProblem = 'bad-money' | 'ambiguous-money' | 'too-many-decimals' | 'negative-money';

export type Read<T, P extends string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: P };

const PLAIN = /^(-)?(\d+)(?:\.(\d+))?$/;
/** Digits with separators that could be grouping or decimal marks: `1,234`, `1.234.567`, `1 234,50`, `1'000`. */
const SEPARATED = /^-?\d[\d.,'\u00a0\u202f ]*\d$/;
/** One to three digits, a dot, three digits: `1.500` reads as 1500 to half the world and 1.5 to the rest. */
const GROUPED_THOUSAND = /^[1-9]\d{0,2}\.\d{3}$/;

/**
 * Reads an amount in major units exactly into `currency`'s minor units (via `parseMajor`), or says why
 * not. Only a plain decimal with a dot is accepted (`1234.50`, `150000`). Refused:
 * - `ambiguous-money`: thousands separators or a decimal comma (`1,234`, `1.234.567`, `1 234`, `12,5`),
 *   and one to three digits, a dot and three digits in a currency without three decimals (`150.000`
 *   in IDR is 150 or 150000 depending on who typed it: an error, never a guess);
 * - `too-many-decimals`: more decimals than the currency has (`1.999` MYR; `10.5` IDR), trailing zeros
 *   excepted (`199.00` IDR is 199);
 * - `negative-money`: a minus sign (amounts on an import are prices, fees and discounts);
 * - `bad-money`: anything else (currency symbols, letters, formulas, an amount too large to be exact).
 *
 * Without a `currency` (unknown yet) only the form is checked; the value is then undefined.
 */
export function readMoney(text: string, currency: string | undefined): Read<Money | undefined, MoneyProblem> {
  const source = text.trim();
  const match = PLAIN.exec(source);
  if (!match) return { ok: false, problem: SEPARATED.test(source) ? 'ambiguous-money' : 'bad-money' };
  if (match[1]) return { ok: false, problem: 'negative-money' };
  if (currency === undefined || !isCurrency(currency)) return { ok: true, value: undefined };
  const digits = minorDigits(currency);
  const fraction = match[3] ?? '';
  if (digits !== 3 && GROUPED_THOUSAND.test(source)) return { ok: false, problem: 'ambiguous-money' };
  if (fraction.replace(/0+$/, '').length > digits) return { ok: false, problem: 'too-many-decimals' };
  const value = parseMajor(source, currency);
  return value ? { ok: true, value } : { ok: false, problem: 'bad-money' };
}

/** A whole number of units, at least 1 (`2`; not `2.0`, `1,000` or `0`). */
export function readQuantity(text: string): Read<number, 'bad-quantity'> {
  const source = text.trim();
  if (!/^\d+$/.test(source)) return { ok: false, problem: 'bad-quantity' };
  const value = Number(source);
  return Number.isSafeInteger(value) && value >= 1 ? { ok: true, value } : { ok: false, problem: 'bad-quantity' };
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads a date or date-time into an ISO 8601 UTC timestamp (`2026-11-22T07:30:00.000Z`). Accepted:
 * - ISO 8601 with a zone: `2026-11-22T14:30:00+07:00`, `2026-11-22T07:30Z` (what the export writes);
 * - a wall-clock time without a zone, `2026-11-22 14:30` or `2026-11-22T14:30:00`, in `timeZone`;
 * - a day, `2026-11-22`: the start of that day in `timeZone`.
 * Anything else (`22/11/2026`, `Nov 22`, `2026-02-30`) is `bad-date`: day-month order is a guess.
 * Without a `timeZone` (the store is unknown yet) a zone-less value is only checked, and the value is undefined.
 */
export function readDate(text: string, timeZone: string | undefined): Read<string | undefined, 'bad-date'> {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return { ok: false, problem: 'bad-date' };
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = match;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms);
  const check = new Date(wall);
  const valid =
    check.getUTCFullYear() === parts[0] &&
    check.getUTCMonth() === parts[1] - 1 &&
    check.getUTCDate() === parts[2] &&
    parts[3] < 24 &&
    parts[4] < 60 &&
    parts[5] < 60;
  if (!valid) return { ok: false, problem: 'bad-date' };
  if (zone) {
    const offset = zone.toUpperCase() === 'Z' ? 0 : offsetMinutes(zone);
    if (offset === undefined) return { ok: false, problem: 'bad-date' };
    return { ok: true, value: new Date(wall - offset * 60_000).toISOString() };
  }
  if (!timeZone) return { ok: true, value: undefined };
  return { ok: true, value: new Date(zonedToUtc(wall, timeZone)).toISOString() };
}

function offsetMinutes(zone: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (wall clock − UTC). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time (given as if it were UTC) in an IANA zone. Two passes settle
 * the offset across a daylight-saving change; a wall time that does not exist moves forward with it.
 */
export function zonedToUtc(wallAsUtc: number, timeZone: string): number {
  let guess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  guess = wallAsUtc - zoneOffsetMs(guess, timeZone);
  return guess;
}

/** ISO 3166-1 alpha-2, any case (`id` → `ID`). */
export function readCountry(text: string): Read<string, 'bad-country'> {
  const source = text.trim();
  return /^[A-Za-z]{2}$/.test(source) ? { ok: true, value: source.toUpperCase() } : { ok: false, problem: 'bad-country' };
}

let knownCurrencies: ReadonlySet<string> | undefined;

/**
 * True for a currency in use: one `Intl.supportedValuesOf('currency')` lists (Intl formats any
 * well-formed three-letter code, `XYZ` included, so `isCurrency` alone would take typos).
 */
function isKnownCurrency(code: string): boolean {
  if (!isCurrency(code)) return false;
  if (!knownCurrencies) {
    const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
    knownCurrencies = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('currency') : []);
  }
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
}

/** An ISO 4217 code in use, any case (`idr` → `IDR`); `XYZ` and `RP` are `unknown-currency`. */
export function readCurrency(text: string): Read<string, 'unknown-currency'> {
  const code = text.trim().toUpperCase();
  return isKnownCurrency(code) ? { ok: true, value: code } : { ok: false, problem: 'unknown-currency' };
}

/** Names people type for the known channels (normalised with `normalizeKey`), beside the keys themselves. */
const CHANNEL_NAMES: Readonly<Record<string, readonly string[]>> = {
  online: ['online store', 'web', 'website', 'webstore', 'toko online'],
  pos: ['point of sale', 'in store', 'in-store', 'kasir', 'register'],
  shopee: [],
  lazada: [],
  tiktok: ['tiktok shop', 'tik tok'],
  phone: ['telephone', 'telepon', 'phone order'],
  'walk-in': ['walk in', 'walkin', 'datang langsung'],
  whatsapp: ['wa', 'whats app'],
  manual: ['manual order', 'pesanan manual'],
};

/** The channel keys an import accepts by default: every known channel. */
export const KNOWN_CHANNELS: readonly string[] = Object.keys(CHANNEL_NAMES);

/** A channel key from `channels` (by key or a known name, any case); other text is `unknown-channel`. */
export function readChannel(text: string, channels: readonly string[]): Read<string, 'unknown-channel'> {
  const key = normalizeKey(text);
  for (const channel of channels) {
    if (normalizeKey(channel) === key) return { ok: true, value: channel };
    if ((CHANNEL_NAMES[channel] ?? []).some((name) => normalizeKey(name) === key)) return { ok: true, value: channel };
  }
  return { ok: false, problem: 'unknown-channel' };
}

const PAYMENT_NAMES: Readonly<Record<PaymentMethod, readonly string[]>> = {
  cash: ['tunai', 'cash payment'],
  card: ['credit card', 'debit card', 'kartu', 'kartu kredit', 'kartu debit'],
  'bank-transfer': ['transfer', 'bank', 'transfer bank', 'wire'],
  cod: ['cash on delivery', 'bayar di tempat'],
  'e-wallet': ['ewallet', 'wallet', 'dompet digital'],
  pos: ['point of sale'],
  whatsapp: ['wa'],
  marketplace: [],
  other: ['lainnya', 'others'],
};

/** The payment methods an order draft accepts. */
export const PAYMENT_METHODS = Object.keys(PAYMENT_NAMES) as PaymentMethod[];

/** A payment method by key or a common name, any case. */
export function readPaymentMethod(text: string): Read<PaymentMethod, 'bad-payment-method'> {
  const key = normalizeKey(text);
  for (const method of PAYMENT_METHODS) {
    if (normalizeKey(method) === key || PAYMENT_NAMES[method].some((name) => normalizeKey(name) === key)) {
      return { ok: true, value: method };
    }
  }
  return { ok: false, problem: 'bad-payment-method' };
}

/** An http(s) link, as the workflow accepts tracking links; anything else is `bad-url`. */
export function readUrl(text: string): Read<string, 'bad-url'> {
  try {
    const url = new URL(text.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, value: url.href };
  } catch {
    // not a URL
  }
  return { ok: false, problem: 'bad-url' };
}
