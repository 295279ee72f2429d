/**
 * The import's problems in words, in the active locale: what is wrong with the cell and how to fix
 * it. The row and the column are shown beside the text (in their own table cells).
 */
import { msg, str } from '@lit/localize';
import { minorDigits } from '../../model/money.js';
import type { ImportProblem } from '../../model/csv/problems.js';

/** One problem as a sentence (without its row and column, which the table shows). */
export function problemText(p: ImportProblem): string {
  const value = p.value ?? '';
  switch (p.code) {
    case 'missing-column':
      return msg(str`No column of the file is mapped to “${p.column}”, which is required.`, { id: 'csv.no-column-of-the-file-is-mapped-to-x-which-is-re', desc: 'CSV import problem' });
    case 'missing-value':
      return msg('This cell is empty but required.', { id: 'csv.this-cell-is-empty-but-required', desc: 'CSV import problem' });
    case 'no-rows':
      return msg('The file has a header but no data rows.', { id: 'csv.the-file-has-a-header-but-no-data-rows', desc: 'CSV import problem' });
    case 'bad-csv':
      return msg('A quote mark is not closed or is out of place, so the rows after it cannot be read reliably.', { id: 'csv.a-quote-mark-is-not-closed-or-is-out-of-place-so', desc: 'CSV import problem' });
    case 'unknown-product':
      return msg(str`No product has the SKU “${value}”.`, { id: 'csv.no-product-has-the-sku-x', desc: 'CSV import problem' });
    case 'bad-money':
      return msg(str`“${value}” is not an amount. Write digits with a dot for decimals, without a currency symbol: 1234.50`, { id: 'csv.x-is-not-an-amount-write-digits-with-a-dot-for-d', desc: 'CSV import problem' });
    case 'ambiguous-money':
      return msg(str`“${value}” is ambiguous: it could use thousands separators or a decimal comma. Write it without separators, with a dot for decimals: 150000 or 1234.50`, {
        id: 'csv.x-is-ambiguous-it-could-use-thousands-separators', desc: 'CSV import problem',
      });
    case 'too-many-decimals': {
      const currency = p.currency ?? '';
      const digits = p.currency ? minorDigits(p.currency) : 0;
      return digits === 0
        ? msg(str`“${value}” has decimals, but ${currency} amounts are whole numbers.`, { id: 'csv.x-has-decimals-but-x-amounts-are-whole-numbers', desc: 'CSV import problem' })
        : msg(str`“${value}” has more than ${digits} decimals, the most ${currency} allows.`, { id: 'csv.x-has-more-than-x-decimals-the-most-x-allows', desc: 'CSV import problem' });
    }
    case 'negative-money':
      return msg(str`“${value}” is negative; amounts here cannot be.`, { id: 'csv.x-is-negative-amounts-here-cannot-be', desc: 'CSV import problem' });
    case 'bad-quantity':
      return msg(str`“${value}” is not a whole number of at least 1.`, { id: 'csv.x-is-not-a-whole-number-of-at-least-1', desc: 'CSV import problem' });
    case 'bad-date':
      return msg(str`“${value}” is not a date this import reads. Write 2026-11-22, 2026-11-22 14:30, or ISO 8601 with a time zone.`, { id: 'csv.x-is-not-a-date-this-import-reads-write-2026-11', desc: 'CSV import problem' });
    case 'bad-country':
      return msg(str`“${value}” is not a two-letter country code (ID, MY, SG…).`, { id: 'csv.x-is-not-a-two-letter-country-code-id-my-sg', desc: 'CSV import problem' });
    case 'bad-payment-method':
      return msg(str`“${value}” is not a payment method (cash, card, bank-transfer, cod, e-wallet…).`, { id: 'csv.x-is-not-a-payment-method-cash-card-bank-transfe', desc: 'CSV import problem' });
    case 'bad-url':
      return msg(str`“${value}” is not a link starting with http:// or https://.`, { id: 'csv.x-is-not-a-link-starting-with-http-or-https', desc: 'CSV import problem' });
    case 'bad-tracking-number':
      return msg(str`“${value}” is not a tracking number: use only letters, digits, spaces and - _ . / #, at most 100.`, { id: 'csv.x-is-not-a-tracking-number-use-only-letters-digi', desc: 'CSV import problem' });
    case 'bad-phone':
      return msg(str`“${value}” is not a phone number: 6 to 15 digits, optionally starting with +.`, { id: 'csv.x-is-not-a-phone-number', desc: 'CSV import problem' });
    case 'bad-email':
      return msg(str`“${value}” is not an e-mail address (name@example.com).`, { id: 'csv.x-is-not-an-email-address', desc: 'CSV import problem' });
    case 'discount-too-large':
      return msg(str`The item discount ${value} is more than the price times the quantity.`, { id: 'csv.the-item-discount-x-is-more-than-the-price-times', desc: 'CSV import problem' });
    case 'duplicate-number': {
      const other = String(p.otherRow ?? '');
      return p.field === undefined || p.field === 'number'
        ? msg(str`This order number is also on row ${other}.`, { id: 'csv.this-order-number-is-also-on-row-x', desc: 'CSV import problem: tracking file' })
        : msg(str`Same order number as row ${other}, but a different “${p.column}”. Rows of one order must agree.`, { id: 'csv.same-order-number-as-row-x-but-a-different-x-row', desc: 'CSV import problem' });
    }
    case 'already-exists':
      return msg(str`Order ${value} already exists; it will be skipped.`, { id: 'csv.order-x-already-exists-it-will-be-skipped', desc: 'CSV import notice' });
    case 'unknown-store':
      return msg(str`“${value}” is not one of your stores (use the store ID or its name).`, { id: 'csv.x-is-not-one-of-your-stores-use-the-store-id-or', desc: 'CSV import problem' });
    case 'store-not-allowed':
      return msg(str`You are not assigned to the store “${value}”.`, { id: 'csv.you-are-not-assigned-to-the-store-x', desc: 'CSV import problem' });
    case 'unknown-channel':
      return msg(str`“${value}” is not a sales channel (online, pos, shopee, lazada, tiktok, phone, walk-in, whatsapp, manual).`, { id: 'csv.x-is-not-a-sales-channel-online-pos-shopee-lazad', desc: 'CSV import problem' });
    case 'unknown-currency':
      return msg(str`“${value}” is not a currency code (IDR, MYR, SGD…).`, { id: 'csv.x-is-not-a-currency-code-idr-myr-sgd', desc: 'CSV import problem' });
    default:
      return p.message;
  }
}
