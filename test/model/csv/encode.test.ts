import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  BOM,
  encodeCell,
  encodeCsv,
  encodeRow,
  FORMULA_TRIGGERS,
  needsNeutralising,
  neutralise,
  unneutralise,
} from '../../../src/model/csv/encode.js';
import { parseCsv } from '../../../src/model/csv/parse.js';

/** Parses with papaparse exactly as a strict reader would: comma, no guessing. */
const papa = (text: string): string[][] => {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: false });
  expect(result.errors, JSON.stringify(result.errors)).to.deep.equal([]);
  return result.data;
};

/** Any string, with the characters that matter for CSV and spreadsheets made frequent. */
const hostile = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', "'", ';', ' ', '\0', '\uFEFF') },
    { weight: 3, arbitrary: fc.constantFrom('a', '1', 'Ñ', '注', '٣', '🚚', 'é') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 12,
});

describe('CSV encoding (RFC 4180 + neutralisation)', () => {
  it('quotes only when needed, doubles quotes, ends records with CRLF', () => {
    expect(encodeCell('plain')).to.equal('plain');
    expect(encodeCell('a,b')).to.equal('"a,b"');
    expect(encodeCell('say "hi"')).to.equal('"say ""hi"""');
    expect(encodeCell('two\nlines')).to.equal('"two\nlines"');
    expect(encodeCell('cr\rhere')).to.equal('"cr\rhere"');
    expect(encodeCell(' padded ')).to.equal('" padded "');
    expect(encodeCell('')).to.equal('');
    expect(encodeRow(['a', 'b,c', ''])).to.equal('a,"b,c",');
    expect(encodeCsv(['H1', 'H2'], [['1', '2']])).to.equal('H1,H2\r\n1,2\r\n');
    expect(encodeCsv(['H'], [], [], { bom: true })).to.equal(`${BOM}H\r\n`);
  });

  it('neutralises formula triggers, a leading quote mark and NUL, in text cells', () => {
    expect(encodeCell('=HYPERLINK("http://x","y")')).to.equal(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(encodeCell('+62 812')).to.equal("'+62 812");
    expect(encodeCell('-5')).to.equal("'-5");
    expect(encodeCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(encodeCell('\t=1')).to.equal(`'\t=1`);
    expect(encodeCell('\r=1')).to.equal(`"'\r=1"`);
    expect(encodeCell("'quoted")).to.equal("''quoted");
    expect(encodeCell('a\0=b')).to.equal(`"'a\0=b"`);
    // Not triggers: a formula char later in the text, full text that merely contains one.
    expect(encodeCell('a=b')).to.equal('a=b');
    expect(encodeCell('Ñandú')).to.equal('Ñandú');
  });

  it('writes generated numbers bare, negatives included, and treats a non-number as text', () => {
    expect(encodeCell('-12.50', 'number')).to.equal('-12.50');
    expect(encodeCell('150000', 'number')).to.equal('150000');
    expect(encodeCell('', 'number')).to.equal('');
    expect(encodeCell('-1+1', 'number')).to.equal("'-1+1");
    expect(encodeCell('=1', 'number')).to.equal("'=1");
    expect(encodeRow(['-5', '-5'], ['text', 'number'])).to.equal("'-5,-5");
  });

  it('un-neutralises exactly what it neutralised and leaves hand-typed text alone', () => {
    expect(unneutralise("'=1")).to.equal('=1');
    expect(unneutralise("''x")).to.equal("'x");
    expect(unneutralise("'a\0")).to.equal('a\0');
    expect(unneutralise("'hello")).to.equal("'hello");
    expect(unneutralise('=1')).to.equal('=1');
    expect(unneutralise("'")).to.equal("'");
  });

  it('neutralise → unneutralise is the identity (property)', () => {
    fc.assert(fc.property(hostile, (s) => unneutralise(neutralise(s)) === s));
  });

  it('encode → papaparse → decode round-trips arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostile, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), fc.boolean(), (rows, bom) => {
        const text = encodeCsv(['a', 'b', 'c'], rows, [], { bom });
        const parsed = papa(bom ? text.slice(1) : text);
        // The last CRLF leaves one empty record behind.
        expect(parsed.pop()).to.deep.equal(['']);
        expect(parsed.slice(1).map((r) => r.map(unneutralise))).to.deep.equal(rows);
        // And through the import's own reader (delimiter detection, byte order mark).
        expect(parseCsv(text).rows.slice(1, rows.length + 1).map((r) => r.map(unneutralise))).to.deep.equal(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('no cell of the output starts with a formula trigger unless it is a generated number (property)', () => {
    const number = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((n) => {
      const digits = (n < 0n ? -n : n).toString().padStart(3, '0');
      return `${n < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, number, hostile), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = encodeCsv(['text', 'amount', 'more'], rows, ['text', 'number', 'text']);
        const parsed = papa(text).slice(1, -1);
        parsed.forEach((cells, r) => {
          cells.forEach((cell, c) => {
            if (c === 1) {
              expect(cell).to.equal(rows[r]![1]);
              return;
            }
            expect(FORMULA_TRIGGERS.includes(cell[0] ?? ''), JSON.stringify(cell)).to.equal(false);
            expect(cell.includes('\0') && !cell.startsWith("'"), JSON.stringify(cell)).to.equal(false);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('names the cells it neutralises', () => {
    for (const t of FORMULA_TRIGGERS) expect(needsNeutralising(`${t}x`), JSON.stringify(t)).to.equal(true);
    expect(needsNeutralising('x\0')).to.equal(true);
    expect(needsNeutralising("'x")).to.equal(true);
    expect(needsNeutralising('x=1')).to.equal(false);
    expect(needsNeutralising('')).to.equal(false);
  });
});
