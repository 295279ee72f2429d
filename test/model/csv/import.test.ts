import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkDraft } from '../../../src/api/validate.js';
import { demoCatalog } from '../../../src/model/csv/catalog.js';
import { EXPORT_COLUMNS, OrderCsvWriter } from '../../../src/model/csv/columns.js';
import { encodeCsv } from '../../../src/model/csv/encode.js';
import { autoMatch, IMPORT_FIELDS, TRACKING_FIELDS, type ImportFieldKey } from '../../../src/model/csv/fields.js';
import { rowsToDrafts, syntaxProblems, type ImportContext } from '../../../src/model/csv/import.js';
import { parseCsv } from '../../../src/model/csv/parse.js';
import { importTemplate, trackingTemplate } from '../../../src/model/csv/template.js';
import { readDate, readMoney } from '../../../src/model/csv/values.js';
import { money } from '../../../src/model/money.js';
import type { Viewer } from '../../../src/model/types.js';
import { hostileDraft, orderOf, stores } from './fixtures.js';

const context: ImportContext = { stores, catalog: demoCatalog() };

/** A file from a header and rows (text cells), parsed back as the import reads it. */
function file(header: readonly string[], rows: readonly (readonly string[])[]): readonly (readonly string[])[] {
  return parseCsv(encodeCsv(header, rows)).rows;
}

const HEADER = ['Order number', 'Store ID', 'Currency', 'Customer name', 'SKU', 'Quantity', 'Unit price', 'Delivery fee', 'Scheduled at'];
const good = (number: string, sku = 'KOP-CB-1L', qty = '1'): string[] => [number, 'st_jkt', 'IDR', 'Budi', sku, qty, '', '15000', ''];

function plan(rows: readonly (readonly string[])[], ctx: ImportContext = context) {
  const parsed = file(HEADER, rows);
  return rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), ctx);
}

/** Problems as "row|column|code" for compact assertions. */
const where = (problems: readonly { row: number; column: string; code: string }[]): string[] => problems.map((p) => `${p.row}|${p.column}|${p.code}`);

describe('CSV import: header matching', () => {
  it('matches headers ignoring case, spaces and punctuation, with English and Indonesian synonyms', () => {
    const headers = ['NOMOR PESANAN', 'Nama Pembeli', 'No. HP', 'Alamat', 'Kota', 'Kode Pos', 'Negara', 'sku', 'Jumlah', 'Harga Satuan', 'Ongkir', 'Catatan', 'Toko', 'Mata Uang', 'Variasi', 'Nama Produk', 'Diskon'];
    expect(autoMatch(headers, IMPORT_FIELDS)).to.deep.equal({
      number: 0,
      customerName: 1,
      customerPhone: 2,
      shippingLine1: 3,
      shippingCity: 4,
      shippingPostalCode: 5,
      shippingCountry: 6,
      sku: 7,
      quantity: 8,
      unitPrice: 9,
      deliveryFee: 10,
      note: 11,
      store: 12,
      currency: 13,
      variant: 14,
      itemName: 15,
      discount: 16,
    });
    expect(autoMatch(['order_no', 'Qty', 'E-mail', 'Customer'], IMPORT_FIELDS)).to.deep.equal({ number: 0, quantity: 1, customerEmail: 2, customerName: 3 });
    expect(autoMatch(['No Resi', 'Kurir', 'Nomor Pesanan', 'Link Lacak'], TRACKING_FIELDS)).to.deep.equal({ trackingNumber: 0, courier: 1, number: 2, trackingUrl: 3 });
  });

  it('matches a Malaysian file’s Malay headers, taking Kuantiti as the quantity where Jumlah is the total', () => {
    const headers = ['No. Pesanan', 'Nama Pelanggan', 'Nombor Telefon', 'E-mel', 'Alamat Penghantaran', 'Bandar', 'Poskod', 'Negeri', 'SKU', 'Jumlah', 'Kuantiti', 'Harga Seunit', 'Caj Penghantaran', 'Cukai', 'Kaedah Bayaran', 'Kedai', 'Mata Wang', 'Nota'];
    expect(autoMatch(headers, IMPORT_FIELDS)).to.deep.equal({
      number: 0,
      customerName: 1,
      customerPhone: 2,
      customerEmail: 3,
      shippingLine1: 4,
      shippingCity: 5,
      shippingPostalCode: 6,
      shippingRegion: 7,
      sku: 8,
      quantity: 10,
      unitPrice: 11,
      deliveryFee: 12,
      tax: 13,
      paymentMethod: 14,
      store: 15,
      currency: 16,
      note: 17,
    });
    expect(autoMatch(['Nombor Penjejakan', 'Kurier', 'Nombor Pesanan', 'Pautan Penjejakan'], TRACKING_FIELDS)).to.deep.equal({ trackingNumber: 0, courier: 1, number: 2, trackingUrl: 3 });
  });

  it('gives each field its own header before any synonym, and a column to one field only', () => {
    // "Store" is a synonym of the store field, but "Store ID" is its own header and wins.
    const headers = EXPORT_COLUMNS.map((c) => c.header);
    const mapping = autoMatch(headers, IMPORT_FIELDS);
    expect(headers[mapping.store!]).to.equal('Store ID');
    expect(headers[mapping.customerName!]).to.equal('Customer name');
    expect(headers[mapping.shippingLine1!]).to.equal('Shipping address line 1');
    // Every import field is among the export's columns, so an export maps itself completely.
    expect(IMPORT_FIELDS.filter((f) => mapping[f.key] === undefined).map((f) => f.key)).to.deep.equal([]);
    const used = Object.values(mapping);
    expect(new Set(used).size).to.equal(used.length);
  });

  it('offers templates whose header maps every field and whose example row imports cleanly', () => {
    const parsed = parseCsv(importTemplate(stores)).rows;
    const mapping = autoMatch(parsed[0]!, IMPORT_FIELDS);
    expect(Object.keys(mapping)).to.have.length(IMPORT_FIELDS.length);
    const result = rowsToDrafts(parsed, mapping, context);
    expect(result.problems).to.deep.equal([]);
    expect(result.drafts).to.have.length(1);
    expect(result.drafts[0]!.customer.phone).to.equal('+62 812-3456-7890');
    // 10:00 in Jakarta is 03:00 UTC.
    expect(result.drafts[0]!.scheduledAt).to.equal('2026-12-01T03:00:00.000Z');
    const tracking = parseCsv(trackingTemplate()).rows;
    expect(Object.keys(autoMatch(tracking[0]!, TRACKING_FIELDS))).to.have.length(TRACKING_FIELDS.length);
  });
});

describe('CSV import: values', () => {
  it('reads money exactly, refusing thousands-separator ambiguity and extra decimals', () => {
    expect(readMoney('150000', 'IDR')).to.deep.equal({ ok: true, value: money(150000, 'IDR') });
    expect(readMoney('199.00', 'IDR')).to.deep.equal({ ok: true, value: money(199, 'IDR') });
    expect(readMoney('19.99', 'MYR')).to.deep.equal({ ok: true, value: money(1999, 'MYR') });
    expect(readMoney('1.005', 'KWD')).to.deep.equal({ ok: true, value: money(1005, 'KWD') });
    expect(readMoney('0.1', 'KWD')).to.deep.equal({ ok: true, value: money(100, 'KWD') });
    expect(readMoney('150.000', 'IDR')).to.deep.equal({ ok: false, problem: 'ambiguous-money' });
    expect(readMoney('1.500', 'MYR')).to.deep.equal({ ok: false, problem: 'ambiguous-money' });
    expect(readMoney('1,500', 'MYR')).to.deep.equal({ ok: false, problem: 'ambiguous-money' });
    expect(readMoney('1.234.567', 'IDR')).to.deep.equal({ ok: false, problem: 'ambiguous-money' });
    expect(readMoney('12,50', 'MYR')).to.deep.equal({ ok: false, problem: 'ambiguous-money' });
    expect(readMoney('1 250 000', 'IDR')).to.deep.equal({ ok: false, problem: 'ambiguous-money' });
    expect(readMoney('10.5', 'IDR')).to.deep.equal({ ok: false, problem: 'too-many-decimals' });
    expect(readMoney('1.9999', 'MYR')).to.deep.equal({ ok: false, problem: 'too-many-decimals' });
    expect(readMoney('1.0005', 'KWD')).to.deep.equal({ ok: false, problem: 'too-many-decimals' });
    expect(readMoney('-5', 'MYR')).to.deep.equal({ ok: false, problem: 'negative-money' });
    expect(readMoney('Rp 15000', 'IDR')).to.deep.equal({ ok: false, problem: 'bad-money' });
    expect(readMoney('=1+1', 'IDR')).to.deep.equal({ ok: false, problem: 'bad-money' });
    expect(readMoney('99999999999999999999', 'IDR')).to.deep.equal({ ok: false, problem: 'bad-money' });
    // Without a currency only the form is checked.
    expect(readMoney('12.345', undefined)).to.deep.equal({ ok: true, value: undefined });
  });

  it('never reads a different amount than it was given (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('IDR', 'MYR', 'KWD', 'JPY'), (n, c) => {
        const digits = c === 'KWD' ? 3 : c === 'MYR' ? 2 : 0;
        const text = digits ? `${Math.floor(n / 10 ** digits)}.${String(n % 10 ** digits).padStart(digits, '0')}` : String(n);
        const read = readMoney(text, c);
        // A 1–3 digit whole part with 3 decimals is refused as ambiguous, except in KWD; all else is exact.
        if (read.ok) expect(read.value).to.deep.equal(money(n, c));
        else expect(read.problem).to.equal('ambiguous-money');
      }),
    );
  });

  it('reads dates with a zone, wall-clock times in the store zone, and refuses guesses', () => {
    expect(readDate('2026-11-22T14:30:00+07:00', undefined)).to.deep.equal({ ok: true, value: '2026-11-22T07:30:00.000Z' });
    expect(readDate('2026-11-22T07:30:00.000Z', 'Asia/Jakarta')).to.deep.equal({ ok: true, value: '2026-11-22T07:30:00.000Z' });
    expect(readDate('2026-11-22 14:30', 'Asia/Jakarta')).to.deep.equal({ ok: true, value: '2026-11-22T07:30:00.000Z' });
    expect(readDate('2026-11-22', 'Asia/Kuala_Lumpur')).to.deep.equal({ ok: true, value: '2026-11-21T16:00:00.000Z' });
    // Daylight saving: 2026-03-29 02:30 does not exist in Berlin; 2026-07-01 is UTC+2.
    expect(readDate('2026-07-01 12:00', 'Europe/Berlin')).to.deep.equal({ ok: true, value: '2026-07-01T10:00:00.000Z' });
    expect(readDate('2026-01-15 12:00', 'Europe/Berlin')).to.deep.equal({ ok: true, value: '2026-01-15T11:00:00.000Z' });
    for (const bad of ['22/11/2026', '11/22/2026', '2026-02-30', '2026-13-01', '2026-11-22 25:00', 'tomorrow', '2026-11-22T10:00+25:00']) {
      expect(readDate(bad, 'Asia/Jakarta'), bad).to.deep.equal({ ok: false, problem: 'bad-date' });
    }
  });
});

describe('CSV import: rows to drafts', () => {
  it('turns good rows into drafts, with catalogue names, variants and prices', () => {
    const result = plan([good('A-1', 'KOP-GAYO-250-WB', '2'), good('A-2')]);
    expect(result.problems).to.deep.equal([]);
    expect(result.drafts).to.have.length(2);
    expect(result.drafts[0]).to.deep.include({ number: 'A-1', storeId: 'st_jkt', currency: 'IDR', channel: 'manual', deliveryFee: money(15000, 'IDR') });
    expect(result.drafts[0]!.lines).to.deep.equal([
      { sku: 'KOP-GAYO-250-WB', name: 'Gayo Arabica Coffee 250 g', variant: 'Whole bean', unitPrice: demoCatalog().find('KOP-GAYO-250-WB')!.price('IDR')!, quantity: 2 },
    ]);
  });

  it('groups rows with one order number into the lines of one order when the order cells agree', () => {
    const rows = [good('A-1', 'KOP-GAYO-250-WB'), ['A-1', '', '', '', 'KOP-CB-1L', '3', '240000.00', '', ''], good('A-1', 'LIN-TOTE-NAT')];
    const result = plan(rows);
    expect(result.problems).to.deep.equal([]);
    expect(result.drafts).to.have.length(1);
    expect(result.drafts[0]!.lines.map((l) => [l.sku, l.quantity])).to.deep.equal([
      ['KOP-GAYO-250-WB', 1],
      ['KOP-CB-1L', 3],
      ['LIN-TOTE-NAT', 1],
    ]);
    expect(result.orders[0]!.rows).to.deep.equal([2, 3, 4]);
  });

  it('names every bad row and column: missing, unknown product, bad money, bad date, unknown store and currency, duplicates', () => {
    const rows = [
      good('A-1'), // row 2: fine
      ['', 'st_jkt', 'IDR', 'Budi', 'KOP-CB-1L', '1', '', '', ''], // row 3: no number
      ['A-3', 'st_jkt', 'IDR', '', 'NOPE-1', '0', '', '', ''], // row 4: no name, unknown SKU, bad quantity
      ['A-4', 'st_jkt', 'IDR', 'Budi', 'KOP-CB-1L', '1', '150.000', '1,500', ''], // row 5: ambiguous price and fee
      ['A-5', 'st_kul', 'MYR', 'Nur', 'KOP-CB-1L', '1', '1.9999', '', '22/11/2026'], // row 6: too many decimals, bad date
      ['A-6', 'st_mars', 'IDR', 'Budi', 'KOP-CB-1L', '1', '', '', ''], // row 7: unknown store
      ['A-7', 'st_jkt', 'XYZ', 'Budi', 'KOP-CB-1L', '1', '', '', ''], // row 8: unknown currency
      ['A-1', 'st_jkt', 'IDR', 'Someone else', 'KOP-CB-1L', '1', '', '15000', ''], // row 9: same number, other customer
      [], // row 10: blank, skipped
      ['A-8', 'st_jkt', 'IDR', 'Budi', 'KOP-CB-1L', '1', '-5', '', ''], // row 11: negative price
    ];
    const result = plan(rows);
    expect(where(result.problems)).to.deep.equal([
      '3|Order number|missing-value',
      '4|Customer name|missing-value',
      '4|SKU|unknown-product',
      '4|Quantity|bad-quantity',
      '5|Unit price|ambiguous-money',
      '5|Delivery fee|ambiguous-money',
      '6|Unit price|too-many-decimals',
      '6|Scheduled at|bad-date',
      '7|Store ID|unknown-store',
      '8|Currency|unknown-currency',
      '9|Customer name|duplicate-number',
      '11|Unit price|negative-money',
    ]);
    expect(result.problems.every((p) => p.severity === 'error')).to.equal(true);
    const dup = result.problems.find((p) => p.code === 'duplicate-number')!;
    expect(dup).to.include({ otherRow: 2, value: 'Someone else' });
    expect(dup.message).to.equal('Row 9, Customer name: Order number A-1 is also on row 2, with a different “Customer name”; rows of one order must agree.');
    expect(result.problems.find((p) => p.code === 'too-many-decimals')).to.include({ currency: 'MYR', value: '1.9999' });
    // A-1 is good on row 2 but fails with its row 9; every other order has a problem of its own.
    expect(result.drafts.map((d) => d.number)).to.deep.equal([]);
  });

  it('names the file column as the file calls it, and a missing required column on row 1', () => {
    const parsed = file(['Nomor Pesanan', 'Nama Pembeli', 'Jumlah'], [['A-1', 'Budi', 'dua']]);
    const result = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), context);
    expect(where(result.problems)).to.deep.equal(['1|Store ID|missing-column', '1|SKU|missing-column', '2|Jumlah|bad-quantity']);
  });

  it('needs item name and unit price columns without a catalogue, and takes any SKU then', () => {
    const parsed = file(['Order number', 'Store ID', 'Customer name', 'SKU', 'Quantity'], [['A-1', 'st_jkt', 'Budi', 'ANY-SKU', '1']]);
    const result = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), { stores });
    expect(where(result.problems)).to.deep.equal(['1|Item name|missing-column', '1|Unit price|missing-column']);
  });

  it('marks orders that exist already as skipped, not as errors', () => {
    const existing = new Map([['st_jkt|A-2', 'ord_9']]);
    const result = plan([good('A-1'), good('A-2')], { ...context, existing: (n, s) => existing.get(`${s}|${n}`) });
    expect(where(result.problems)).to.deep.equal(['3|Order number|already-exists']);
    expect(result.problems[0]!.severity).to.equal('skip');
    expect(result.drafts.map((d) => d.number)).to.deep.equal(['A-1', 'A-2']);
    expect(result.orders[1]!.existingId).to.equal('ord_9');
  });

  it("refuses stores outside the viewer's scope, and defaults to the viewer's only store", () => {
    const staff: Viewer = { id: 'u-s', name: 'Sari', role: 'staff', storeIds: ['st_jkt'] };
    const result = plan([good('A-1'), ['A-2', 'Rimba Living Kuala Lumpur', '', 'Nur', 'KOP-CB-1L', '1', '', '', '']], { ...context, viewer: staff });
    expect(where(result.problems)).to.deep.equal(['3|Store ID|store-not-allowed']);
    const parsed = file(['Order number', 'Customer name', 'SKU', 'Quantity'], [['A-1', 'Budi', 'KOP-CB-1L', '1']]);
    const own = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), { ...context, viewer: staff });
    expect(own.problems).to.deep.equal([]);
    expect(own.drafts[0]).to.deep.include({ storeId: 'st_jkt', currency: 'IDR' });
  });

  it('reads channels and payment methods by key or name, and refuses unknown ones', () => {
    const parsed = file(
      ['Order number', 'Store', 'Customer name', 'SKU', 'Quantity', 'Saluran', 'Metode Pembayaran'],
      [
        ['A-1', 'kopi senja jakarta', 'Budi', 'KOP-CB-1L', '1', 'TikTok Shop', 'Bayar di tempat'],
        ['A-2', 'st_jkt', 'Budi', 'KOP-CB-1L', '1', 'Friendster', 'Barter'],
      ],
    );
    const result = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), context);
    expect(where(result.problems)).to.deep.equal(['3|Saluran|unknown-channel', '3|Metode Pembayaran|bad-payment-method']);
    expect(result.drafts[0]).to.deep.include({ channel: 'tiktok', paymentMethod: 'cod', storeId: 'st_jkt' });
  });

  it('reports an empty file and CSV syntax errors by row', () => {
    const empty = rowsToDrafts(parseCsv('Order number,SKU\r\n').rows, { number: 0, sku: 1 }, context);
    expect(where(empty.problems)).to.include('1||no-rows');
    const broken = parseCsv('Order number,Customer name\r\nA-1,"Budi\r\nA-2,Nur\r\n');
    expect(syntaxProblems(broken.errors).map((p) => [p.row, p.code])).to.deep.equal([[2, 'bad-csv']]);
  });

  it('round-trips an exported hostile order exactly, through every import field', () => {
    const order = orderOf(hostileDraft('H-1'));
    const writer = new OrderCsvWriter(EXPORT_COLUMNS.map((c) => c.key), 'line', { stores }, true);
    const parsed = parseCsv(writer.start() + writer.write([order]).text).rows;
    const result = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), context);
    expect(result.problems).to.deep.equal([]);
    const draft = hostileDraft('H-1');
    const expected = {
      ...draft,
      // An order stores a zero line discount; the export writes it, the import reads it back.
      lines: draft.lines.map((l) => ({ ...l, discount: l.discount ?? money(0, 'IDR') })),
    };
    expect(result.drafts).to.deep.equal([expected]);
  });

  it('takes Indonesian money as exact integers and refuses dotted thousands', () => {
    const parsed = file(['Nomor Pesanan', 'Toko', 'Nama Pelanggan', 'SKU', 'Jumlah', 'Harga', 'Ongkir'], [
      ['INV-1', 'st_jkt', 'Budi', 'KOP-CB-1L', '2', '240000', '15000'],
      ['INV-2', 'st_jkt', 'Budi', 'KOP-CB-1L', '2', '240.000', '15.000'],
    ]);
    const result = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), context);
    expect(result.drafts[0]!.lines[0]!.unitPrice).to.deep.equal(money(240000, 'IDR'));
    expect(where(result.problems)).to.deep.equal(['3|Harga|ambiguous-money', '3|Ongkir|ambiguous-money']);
  });

  it('never produces a draft the local api would refuse, nor drops a row silently (property)', () => {
    const key = fc.constantFrom<ImportFieldKey>(...IMPORT_FIELDS.map((f) => f.key));
    const template = parseCsv(importTemplate(stores)).rows;
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', ' ', '0', '-1', '1.5', '1,000', 'st_kul', 'MYR', 'KWD', 'LIN-TOTE-NAT', '2026-02-30', 'xx'));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (cells) => {
        const header = IMPORT_FIELDS.map((f) => f.header);
        const row = IMPORT_FIELDS.map((f, i) => cells[f.key] ?? template[1]![i]!);
        const parsed = file(header, [row]);
        const result = rowsToDrafts(parsed, autoMatch(parsed[0]!, IMPORT_FIELDS), context);
        for (const d of result.drafts) expect(checkDraft(d)).to.deep.equal([]);
        if (result.drafts.length === 0) expect(result.problems.some((p) => p.severity === 'error')).to.equal(true);
      }),
      { numRuns: 200 },
    );
  });
});
