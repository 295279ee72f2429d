/**
 * The payments view's totals per method, grouped by currency: the backend keys them `method` while
 * one currency is involved and `method:currency` once several mix (see `listPayments`), and every
 * value carries its currency anyway. Amounts of one currency may be added (integers, exactly);
 * amounts of different currencies never are. Private to `<order-payments>`.
 */
import type { PaymentTotals } from '../../api/types.js';
import type { Money } from '../../model/money.js';

export interface MethodTotal {
  readonly method: string;
  readonly amount: Money;
}

export interface CurrencyTotals {
  readonly currency: string;
  /** Per method, largest first. */
  readonly methods: readonly MethodTotal[];
  /** All methods of this currency together. */
  readonly total: Money;
}

/** The totals grouped by currency (currencies in code order), or an error when an amount is not exact. */
export function groupTotals(totals: PaymentTotals): CurrencyTotals[] {
  const byCurrency = new Map<string, MethodTotal[]>();
  for (const [key, amount] of Object.entries(totals.byMethod)) {
    const method = key.includes(':') ? key.slice(0, key.lastIndexOf(':')) : key;
    const list = byCurrency.get(amount.currency) ?? [];
    list.push({ method, amount });
    byCurrency.set(amount.currency, list);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, methods]) => {
      let sum = 0;
      for (const m of methods) sum += m.amount.amount;
      if (!Number.isSafeInteger(sum)) throw new RangeError(`The ${currency} total exceeds exact integer range.`);
      return {
        currency,
        methods: [...methods].sort((a, b) => b.amount.amount - a.amount.amount || (a.method < b.method ? -1 : 1)),
        total: { amount: sum, currency },
      };
    });
}
