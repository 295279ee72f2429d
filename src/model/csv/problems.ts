/**
 * Problems an import finds, each named by the row a spreadsheet shows (the header is row 1) and the
 * column as the file calls it. Errors block the import; `skip` notices (an order that already exists)
 * do not: the backend skips those orders, so importing the same file twice creates nothing new.
 */
import type { MoneyProblem } from './values.js';

export type ImportProblemCode =
  /** A required field has no column (row 1, the header). */
  | 'missing-column'
  /** A required cell is empty. */
  | 'missing-value'
  /** The file has a header but no data rows. */
  | 'no-rows'
  /** Broken CSV: an unclosed or stray quote. */
  | 'bad-csv'
  | 'unknown-product'
  | MoneyProblem
  | 'bad-quantity'
  | 'bad-date'
  | 'bad-country'
  | 'bad-payment-method'
  | 'bad-url'
  | 'bad-tracking-number'
  | 'bad-phone'
  | 'bad-email'
  /** An item discount larger than the item's price × quantity. */
  | 'discount-too-large'
  /** The order number is on another row with different order details (or twice in a tracking file). */
  | 'duplicate-number'
  /** An order with this number exists already: it will be skipped (severity `skip`). */
  | 'already-exists'
  | 'unknown-store'
  /** A store the viewer is not assigned to. */
  | 'store-not-allowed'
  | 'unknown-channel'
  | 'unknown-currency';

export interface ImportProblem {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** The column's header as written in the file (or the field's own header when no column is mapped). */
  readonly column: string;
  /** The column's position in the file (0 = the first, "A" in a spreadsheet), when it has one. */
  readonly columnIndex?: number;
  /** The import field read from that column, when one is. */
  readonly field?: string;
  readonly code: ImportProblemCode;
  /** `error` blocks the import; `skip` says the order will be skipped. */
  readonly severity: 'error' | 'skip';
  /** The cell's text, when it helps to show it. */
  readonly value?: string;
  /** The other row involved (`duplicate-number`: where the number first appears). */
  readonly otherRow?: number;
  /** The currency the amount was read in (`too-many-decimals`, `ambiguous-money`). */
  readonly currency?: string;
  /** A plain English description (logs, tests); elements show their own localised text by `code`. */
  readonly message: string;
}

/** Orders problems by row, then by column from left to right (problems without a column first), then as found. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.row - b.p.row || (a.p.columnIndex ?? -1) - (b.p.columnIndex ?? -1) || a.i - b.i)
    .map(({ p }) => p);
}

/** A spreadsheet's name for a column position: 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** True when any problem blocks the import. */
export const hasErrors = (problems: readonly ImportProblem[]): boolean => problems.some((p) => p.severity === 'error');
