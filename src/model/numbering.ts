/**
 * Order numbers: one format per preset, used by every creator — the seeded generator, and the engine
 * for manual orders, simulated orders and imported rows without a number — so every order of a preset
 * reads alike. Each format carries the merchant-wide sequence number, so numbers are unique per
 * merchant by construction (the engines refuse a duplicate given by hand or by an import).
 */
import type { Channel, Store } from './types.js';

/** What a number is made from: the store, the channel, the merchant-wide sequence and the creation time. */
export interface NumberSource {
  readonly store: Pick<Store, 'id' | 'timeZone'>;
  readonly channel: Channel;
  /** 1, 2, 3… across all stores of the merchant, in creation order. */
  readonly seq: number;
  /** Creation time, ms since the epoch. */
  readonly createdMs: number;
}

/** Three letters naming a store in order numbers (`st_jkt` → `JKT`). */
export function storeCode(store: Pick<Store, 'id'>): string {
  return store.id.replace(/^st_/, '').replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 3) || 'STR';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The creation day in the store's time zone, `YYYYMMDD`. */
function localDay(store: Pick<Store, 'timeZone'>, ms: number): string {
  let f = dayFormats.get(store.timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: store.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    }
    dayFormats.set(store.timeZone, f);
  }
  return f.format(ms).replace(/-/g, '');
}

/** A bijective scramble of the sequence (odd multiplier mod 2^32): random-looking, still unique. */
const scramble = (seq: number, salt: number): number => Math.imul(seq + salt * 7919, 0x9e3779b1) >>> 0;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The order number of the `seq`-th order of a merchant using this workflow (`#100042` for custom workflows). */
export function formatOrderNumber(workflowKey: string, source: NumberSource): string {
  const { store, channel, seq, createdMs } = source;
  switch (workflowKey) {
    case 'confirm-first':
      return `INV/${localDay(store, createdMs)}/${storeCode(store)}/${pad(seq, 5)}`;
    case 'online-store':
      return `${storeCode(store)}-${channel === 'pos' ? 'R' : 'W'}${pad(seq, 6)}`;
    case 'payment-fulfillment':
      return `#${1000 + seq}`;
    case 'marketplace': {
      // Each marketplace's own shape (lengths differ, so channels never collide).
      const s = scramble(seq, 0);
      if (channel === 'lazada') return `${5 + (seq % 4)}${pad(s, 10)}${pad(scramble(seq, 1) % 10_000, 4)}`;
      if (channel === 'tiktok') return `57${pad(s, 10)}${pad(scramble(seq, 2) % 1_000_000, 6)}`;
      return `${localDay(store, createdMs).slice(2)}${s.toString(36).toUpperCase().padStart(7, '0')}`;
    }
    case 'cod-delivery':
      return `COD-${storeCode(store)}-${pad(seq, 5)}`;
    default:
      return `#${100_000 + seq}`;
  }
}

/** The shape of each preset's numbers, for checks and tests. */
export const NUMBER_PATTERNS: Readonly<Record<string, RegExp>> = {
  'confirm-first': /^INV\/\d{8}\/[A-Z0-9]{1,3}\/\d{5,}$/,
  'online-store': /^[A-Z0-9]{1,3}-[RW]\d{6,}$/,
  'payment-fulfillment': /^#\d{4,}$/,
  marketplace: /^(?:[5-8]\d{14}|57\d{16}|\d{6}[0-9A-Z]{7})$/,
  'cod-delivery': /^COD-[A-Z0-9]{1,3}-\d{5,}$/,
};

/** True when the number has the workflow's shape (any number for a workflow without one). */
export function matchesNumberFormat(workflowKey: string, number: string): boolean {
  const pattern = NUMBER_PATTERNS[workflowKey];
  return pattern ? pattern.test(number) : /^#\d+$/.test(number);
}
