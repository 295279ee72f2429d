/**
 * Reading CSV text into rows with papaparse: delimiter detection (comma, semicolon, tab, pipe),
 * quoted cells with line breaks, and syntax errors named by the row a spreadsheet shows (the header
 * is row 1). Rows are kept exactly as parsed, empty ones included, so row numbers never shift;
 * `unneutralise` and trimming happen where each field is read (`import.ts`, `tracking.ts`).
 */
import Papa from 'papaparse';

/** A syntax error in the file: an unclosed or stray quote. */
export interface CsvSyntaxError {
  /** The record's row number as a spreadsheet shows it (1 = the first line, the header). */
  readonly row: number;
  readonly code: 'missing-quotes' | 'invalid-quotes';
  /** papaparse's English description. */
  readonly message: string;
}

/** A parsed file: every record (header first) and the syntax errors found. */
export interface ParsedCsv {
  readonly rows: readonly (readonly string[])[];
  readonly errors: readonly CsvSyntaxError[];
  /** The delimiter used (detected). */
  readonly delimiter: string;
}

/** The papaparse settings every reader uses (text, file chunks in a worker, main-thread fallback). */
export const PARSE_CONFIG = {
  header: false,
  skipEmptyLines: false,
  delimiter: '',
  delimitersToGuess: [',', ';', '\t', '|'],
  dynamicTyping: false,
} as const;

/**
 * Collects papaparse results chunk by chunk into one `ParsedCsv`: error rows are made absolute (papaparse
 * counts them from the start of each chunk) and a byte order mark papaparse left on the first cell is removed.
 */
export class CsvCollector {
  private readonly rows: string[][] = [];
  private readonly errors: CsvSyntaxError[] = [];
  private delimiter = ',';

  /** Adds one chunk's `results` (the object papaparse hands to `chunk` or `complete`). */
  add(results: Papa.ParseResult<string[]>): void {
    const offset = this.rows.length;
    if (offset === 0) {
      const first = results.data[0];
      if (first && typeof first[0] === 'string' && first[0].startsWith('\uFEFF')) first[0] = first[0].slice(1);
    }
    for (const row of results.data) this.rows.push(row);
    if (results.meta.delimiter) this.delimiter = results.meta.delimiter;
    for (const error of results.errors) {
      if (error.code !== 'MissingQuotes' && error.code !== 'InvalidQuotes') continue;
      this.errors.push({
        row: offset + (error.row ?? 0) + 1,
        code: error.code === 'MissingQuotes' ? 'missing-quotes' : 'invalid-quotes',
        message: error.message,
      });
    }
  }

  /** How many records so far. */
  get count(): number {
    return this.rows.length;
  }

  result(): ParsedCsv {
    return { rows: this.rows, errors: this.errors, delimiter: this.delimiter };
  }
}

/** Parses CSV text at once (small files, tests, the template). A leading byte order mark is ignored. */
export function parseCsv(text: string): ParsedCsv {
  const collector = new CsvCollector();
  collector.add(Papa.parse<string[]>(text, { ...PARSE_CONFIG, delimitersToGuess: [...PARSE_CONFIG.delimitersToGuess] }));
  return collector.result();
}

/** True when every cell of a row is empty or white space (a blank spreadsheet line). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
