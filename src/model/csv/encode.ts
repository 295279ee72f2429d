/**
 * CSV cells and rows as RFC 4180 writes them (CRLF line ends, a cell quoted when it must be, double
 * quotes doubled), with formula-injection neutralisation for spreadsheets, and its exact inverse for
 * import. Pure string functions; no DOM.
 *
 * **Neutralisation.** Spreadsheets (Excel, LibreOffice, Google Sheets, Numbers) run a cell as a
 * formula when its text starts with `=`, `+`, `-` or `@`, and some also after a leading tab or
 * carriage return (OWASP "CSV Injection"). Every *text* cell that starts with one of those is written
 * with a `'` in front, which every spreadsheet takes as "this is text" and does not show.
 * Two more cases are prefixed, so that the rule can be undone exactly:
 * - text that already starts with `'` (else an imported `'=1` could not be told from a neutralised `=1`);
 * - text that contains a NUL character (U+0000) anywhere. **The NUL rule:** a NUL is kept (the data
 *   round-trips exactly) but the cell is prefixed and quoted, because C-based readers may cut the cell
 *   at the NUL and read what follows as a new cell, where a formula could hide; with the prefix the cell
 *   is text from its first character, whatever a reader does with the rest.
 *
 * `unneutralise` removes the prefix exactly when `neutralise` would have added it, so
 * `unneutralise(neutralise(x)) === x` for every string, while a hand-typed `'hello` stays as it is.
 *
 * **Generated numbers.** Money and counts the exporter writes itself (`toMajorString`, integers) are
 * `number` cells: written bare, never prefixed, so `-12.50` stays a negative number in a
 * spreadsheet. A `number` cell whose text is not a plain decimal is treated as text (defence in depth).
 */

/** What a cell holds: user text (neutralised) or a number the exporter generated (written bare). */
export type CellKind = 'text' | 'number';

/** First characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** The line end RFC 4180 prescribes. */
export const CRLF = '\r\n';

/** UTF-8 byte order mark: tells Excel the file is UTF-8 (else it guesses a legacy code page). */
export const BOM = '\uFEFF';

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n\0]|^[\s\uFEFF]|\s$/;

/** True when a text cell must be prefixed with `'` (see the module comment for the rule). */
export function needsNeutralising(text: string): boolean {
  if (text === '') return false;
  const first = text[0] as string;
  return FORMULA_TRIGGERS.includes(first) || first === "'" || text.includes('\0');
}

/** Makes text inert in a spreadsheet by prefixing `'` when it needs it. */
export function neutralise(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text;
}

/**
 * Undoes `neutralise`: removes a leading `'` only when the rest is text the exporter would have
 * prefixed, so cells the exporter wrote come back exactly and hand-typed text is left alone.
 */
export function unneutralise(cell: string): string {
  if (cell.startsWith("'") && needsNeutralising(cell.slice(1))) return cell.slice(1);
  return cell;
}

/** True for the bare decimal form generated number cells must have (`-12.50`, `150000`). */
export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}

/**
 * Quotes a cell when RFC 4180 requires it (comma, double quote, CR or LF) and also when it holds a
 * NUL, starts or ends with white space, or starts with a byte order mark (readers trim or strip those
 * from bare cells). Double quotes inside are doubled.
 */
export function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell as it goes into the file. */
export function encodeCell(value: string, kind: CellKind = 'text'): string {
  if (kind === 'number' && (value === '' || isPlainNumber(value))) return value;
  return quote(neutralise(value));
}

/** One record: cells joined by commas, no line end. `kinds[i]` defaults to text. */
export function encodeRow(cells: readonly string[], kinds: readonly CellKind[] = []): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += ',';
    out += encodeCell(cells[i] as string, kinds[i] ?? 'text');
  }
  return out;
}

export interface EncodeOptions {
  /** Start with a UTF-8 byte order mark (for Excel). Default false. */
  readonly bom?: boolean;
}

/** A whole file: the header (text cells) and the rows, every record ended by CRLF. */
export function encodeCsv(
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  kinds: readonly CellKind[] = [],
  options: EncodeOptions = {},
): string {
  let out = (options.bom ? BOM : '') + encodeRow(header) + CRLF;
  for (const row of rows) out += encodeRow(row, kinds) + CRLF;
  return out;
}
