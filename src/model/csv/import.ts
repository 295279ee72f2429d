/**
 * Order import: parsed CSV rows and a column mapping → order drafts, and every problem named by row
 * and column. Rows that share an order number are the lines of one order, as long as their order-level
 * cells agree (a blank cell on a later row means "same as above", as platform exports write them).
 * Cells are un-neutralised (`unneutralise`), so a file this product exported comes back exactly;
 * free text (names, addresses, notes) is kept as written, codes and numbers are trimmed. Pure; no DOM.
 */
import { isEmail, isPhone } from '../contact.js';
import { inScope } from '../permissions.js';
import { times, type Money } from '../money.js';
import type { Address, Customer, OrderDraft, PaymentMethod, Store, Viewer } from '../types.js';
import type { CsvSyntaxError } from './parse.js';
import { isBlankRow } from './parse.js';
import { unneutralise } from './encode.js';
import type { ProductCatalog } from './catalog.js';
import { IMPORT_FIELDS, type ColumnMapping, type FieldSpec, type ImportFieldKey } from './fields.js';
import { sortProblems, type ImportProblem, type ImportProblemCode } from './problems.js';
import {
  KNOWN_CHANNELS,
  normalizeKey,
  readChannel,
  readCountry,
  readCurrency,
  readDate,
  readMoney,
  readPaymentMethod,
  readQuantity,
} from './values.js';

/** What the import checks rows against. */
export interface ImportContext {
  /** The merchant's stores: a store cell names one by id or by name (any case). */
  readonly stores: readonly Store[];
  /** Who imports: stores outside this viewer's scope are refused (`store-not-allowed`). */
  readonly viewer?: Viewer;
  /**
   * SKUs are looked up here (`unknown-product` otherwise); a known SKU fills in a missing item name,
   * variant and unit price. Without a catalogue any SKU is taken and the item name and unit price
   * columns are required.
   */
  readonly catalog?: ProductCatalog;
  /** Channel keys accepted (default every known channel: online, pos, shopee, …, manual). */
  readonly channels?: readonly string[];
  /** Channel of rows without one (default `manual`). */
  readonly defaultChannel?: string;
  /** The id of the order that already has this number in this store, if any (a `skip` notice). */
  readonly existing?: (number: string, storeId: string) => string | undefined;
}

/** One order the file describes. */
export interface ImportedOrder {
  readonly draft: OrderDraft;
  /** Its rows, as a spreadsheet numbers them. */
  readonly rows: readonly number[];
  /** The existing order with the same number and store: the backend will skip this one. */
  readonly existingId?: string;
}

export interface ImportPlan {
  /** The drafts of every order without errors, in file order (existing ones included: the backend skips them). */
  readonly drafts: readonly OrderDraft[];
  readonly orders: readonly ImportedOrder[];
  /** Every problem, by row then column. */
  readonly problems: readonly ImportProblem[];
}

const ORDER_FIELDS: readonly ImportFieldKey[] = [
  'store',
  'channel',
  'currency',
  'paymentMethod',
  'scheduledAt',
  'tags',
  'note',
  'customerName',
  'customerPhone',
  'customerEmail',
  'shippingName',
  'shippingPhone',
  'shippingLine1',
  'shippingLine2',
  'shippingCity',
  'shippingRegion',
  'shippingPostalCode',
  'shippingCountry',
  'discount',
  'deliveryFee',
  'tax',
];
const SHIPPING_FIELDS: readonly ImportFieldKey[] = ORDER_FIELDS.filter((f) => f.startsWith('shipping'));
const MONEY_FIELDS = new Set<ImportFieldKey>(['discount', 'deliveryFee', 'tax', 'unitPrice', 'itemDiscount']);
/** Fields compared ignoring case, spaces and punctuation (codes); others are compared exactly. */
const CODE_FIELDS = new Set<ImportFieldKey>(['store', 'channel', 'currency', 'paymentMethod', 'shippingCountry']);

const SPEC = new Map(IMPORT_FIELDS.map((f) => [f.key, f]));

interface OrderHead {
  readonly firstRow: number;
  readonly number: string;
  /** Canonical text of each non-empty order-level cell of the first row, for comparing later rows. */
  readonly canonical: ReadonlyMap<ImportFieldKey, string>;
  readonly store?: Store;
  readonly currency?: string;
  readonly fields: Partial<OrderDraftFields>;
  lines: OrderDraft['lines'][number][];
  rows: number[];
  failed: boolean;
}

interface OrderDraftFields {
  channel: string;
  customer: Customer;
  shippingAddress: Address;
  paymentMethod: PaymentMethod;
  scheduledAt: string;
  tags: string[];
  note: string;
  discount: Money;
  deliveryFee: Money;
  tax: Money;
}

/** A decimal without insignificant zeros, so `15000.00` and `15000` compare equal. */
function canonicalDecimal(text: string): string {
  const m = /^(-?)0*(\d+?)(?:\.(\d*?)0*)?$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}${m[2]}${m[3] ? `.${m[3]}` : ''}`;
}

function canonical(field: ImportFieldKey, raw: string): string {
  if (MONEY_FIELDS.has(field)) return canonicalDecimal(raw);
  if (CODE_FIELDS.has(field)) return normalizeKey(raw);
  if (field === 'tags') return splitTags(raw).join('\u0000');
  if (field === 'scheduledAt') return raw.trim();
  return raw;
}

const splitTags = (raw: string): string[] =>
  raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** Turns `rows` (the whole parsed file, header first) into order drafts and problems. */
export function rowsToDrafts(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping<ImportFieldKey>,
  context: ImportContext,
): ImportPlan {
  return new Reader(rows, mapping, context).run();
}

/** Problems for CSV syntax errors (unclosed quotes), in the import's terms. */
export function syntaxProblems(errors: readonly CsvSyntaxError[]): ImportProblem[] {
  return errors.map((e) => ({
    row: e.row,
    column: '',
    code: 'bad-csv',
    severity: 'error',
    message: `Row ${e.row}: ${e.message}`,
  }));
}

class Reader {
  private readonly problems: ImportProblem[] = [];
  private readonly headers: readonly string[];
  private readonly allowedStores: readonly Store[];
  private readonly channels: readonly string[];

  constructor(
    private readonly rows: readonly (readonly string[])[],
    private readonly mapping: ColumnMapping<ImportFieldKey>,
    private readonly context: ImportContext,
  ) {
    this.headers = rows[0] ?? [];
    const viewer = context.viewer;
    this.allowedStores = viewer ? context.stores.filter((s) => inScope(viewer, s.id)) : context.stores;
    this.channels = context.channels ?? KNOWN_CHANNELS;
  }

  run(): ImportPlan {
    this.checkColumns();
    const groups = new Map<string, OrderHead>();
    let dataRows = 0;
    for (let i = 1; i < this.rows.length; i++) {
      const cells = this.rows[i] as readonly string[];
      if (isBlankRow(cells)) continue;
      dataRows++;
      this.readRow(i + 1, cells, groups);
    }
    if (dataRows === 0) {
      this.problem(1, undefined, 'no-rows', 'The file has no data rows under its header.');
    }
    const orders: ImportedOrder[] = [];
    for (const head of groups.values()) {
      if (head.failed || !head.store || head.lines.length === 0) continue;
      const draft = this.draftOf(head);
      const existingId = this.context.existing?.(head.number, head.store.id);
      if (existingId !== undefined) {
        this.problem(head.firstRow, 'number', 'already-exists', `Order ${head.number} already exists; it will be skipped.`, {
          severity: 'skip',
          value: head.number,
        });
      }
      orders.push({ draft, rows: head.rows, ...(existingId !== undefined && { existingId }) });
    }
    return { drafts: orders.map((o) => o.draft), orders, problems: sortProblems(this.problems) };
  }

  // ── columns ────────────────────────────────────────────────────────────────────────────────────

  private checkColumns(): void {
    const required = new Set(IMPORT_FIELDS.filter((f) => f.required).map((f) => f.key));
    if (this.allowedStores.length !== 1) required.add('store');
    if (!this.context.catalog) {
      required.add('itemName');
      required.add('unitPrice');
    }
    for (const f of IMPORT_FIELDS) {
      if (required.has(f.key) && this.mapping[f.key] === undefined) {
        this.problem(1, f.key, 'missing-column', `No column is mapped to “${f.header}”.`);
      }
    }
  }

  private columnName(field: ImportFieldKey | undefined): string {
    if (field === undefined) return '';
    const index = this.mapping[field];
    const header = index === undefined ? undefined : this.headers[index];
    return header !== undefined && header.trim() !== '' ? unneutralise(header) : (SPEC.get(field) as FieldSpec).header;
  }

  /** The cell of `field` in a row, un-neutralised and untrimmed; '' when unmapped or missing. */
  private cell(cells: readonly string[], field: ImportFieldKey): string {
    const index = this.mapping[field];
    return index === undefined ? '' : unneutralise(cells[index] ?? '');
  }

  private problem(
    row: number,
    field: ImportFieldKey | undefined,
    code: ImportProblemCode,
    message: string,
    extra: Partial<Pick<ImportProblem, 'severity' | 'value' | 'otherRow' | 'currency'>> = {},
  ): void {
    const index = field === undefined ? undefined : this.mapping[field];
    this.problems.push({
      row,
      column: this.columnName(field),
      ...(index !== undefined && { columnIndex: index }),
      ...(field !== undefined && { field }),
      code,
      severity: extra.severity ?? 'error',
      ...(extra.value !== undefined && { value: extra.value }),
      ...(extra.otherRow !== undefined && { otherRow: extra.otherRow }),
      ...(extra.currency !== undefined && { currency: extra.currency }),
      message: `Row ${row}${field ? `, ${this.columnName(field)}` : ''}: ${message}`,
    });
  }

  // ── rows ───────────────────────────────────────────────────────────────────────────────────────

  private readRow(row: number, cells: readonly string[], groups: Map<string, OrderHead>): void {
    const before = this.problems.length;
    const number = this.cell(cells, 'number').trim();
    if (number === '' && this.mapping.number !== undefined) this.problem(row, 'number', 'missing-value', 'The order number is empty.');
    let head = number === '' ? undefined : groups.get(number);
    if (head) {
      this.compareHead(row, cells, head);
    } else {
      head = this.readHead(row, number, cells);
      if (number !== '') groups.set(number, head);
    }
    const line = this.readLine(row, cells, head);
    head.rows.push(row);
    if (line) head.lines.push(line);
    if (this.problems.length > before || number === '') head.failed = true;
  }

  private readHead(row: number, number: string, cells: readonly string[]): OrderHead {
    const get = (f: ImportFieldKey) => this.cell(cells, f);
    const canonicalCells = new Map<ImportFieldKey, string>();
    for (const f of ORDER_FIELDS) {
      const raw = get(f);
      if (raw.trim() !== '') canonicalCells.set(f, canonical(f, raw));
    }
    const store = this.readStore(row, get('store'));
    const currency = this.readOrderCurrency(row, get('currency'), store);
    const fields: Partial<OrderDraftFields> = {};

    const channelText = get('channel').trim();
    if (channelText === '') fields.channel = this.context.defaultChannel ?? 'manual';
    else {
      const channel = readChannel(channelText, this.channels);
      if (channel.ok) fields.channel = channel.value;
      else this.problem(row, 'channel', 'unknown-channel', `“${channelText}” is not a sales channel.`, { value: channelText });
    }

    const methodText = get('paymentMethod').trim();
    if (methodText !== '') {
      const method = readPaymentMethod(methodText);
      if (method.ok) fields.paymentMethod = method.value;
      else this.problem(row, 'paymentMethod', 'bad-payment-method', `“${methodText}” is not a payment method.`, { value: methodText });
    }

    const scheduledText = get('scheduledAt').trim();
    if (scheduledText !== '') {
      const date = readDate(scheduledText, store?.timeZone);
      if (!date.ok) this.problem(row, 'scheduledAt', 'bad-date', `“${scheduledText}” is not a date (write 2026-11-22 or 2026-11-22 14:30).`, { value: scheduledText });
      else if (date.value !== undefined) fields.scheduledAt = date.value;
    }

    const tags = splitTags(get('tags'));
    if (tags.length) fields.tags = tags;
    const note = get('note');
    if (note.trim() !== '') fields.note = note;

    const name = get('customerName');
    if (name.trim() === '') {
      if (this.mapping.customerName !== undefined) this.problem(row, 'customerName', 'missing-value', 'The customer name is empty.');
    }
    const phone = get('customerPhone');
    const email = get('customerEmail');
    if (phone.trim() !== '' && !isPhone(phone)) this.problem(row, 'customerPhone', 'bad-phone', `“${phone}” is not a phone number.`, { value: phone });
    if (email.trim() !== '' && !isEmail(email)) this.problem(row, 'customerEmail', 'bad-email', `“${email}” is not an e-mail address.`, { value: email });
    fields.customer = {
      name,
      ...(phone.trim() !== '' && { phone }),
      ...(email.trim() !== '' && { email }),
    };

    const address = this.readAddress(row, get);
    if (address) fields.shippingAddress = address;

    for (const f of ['discount', 'deliveryFee', 'tax'] as const) {
      const amount = this.readAmount(row, f, get(f), currency);
      if (amount) fields[f] = amount;
    }

    return {
      firstRow: row,
      number,
      canonical: canonicalCells,
      ...(store && { store }),
      ...(currency && { currency }),
      fields,
      lines: [],
      rows: [],
      failed: false,
    };
  }

  private readStore(row: number, raw: string): Store | undefined {
    const text = raw.trim();
    if (text === '') {
      if (this.allowedStores.length === 1) return this.allowedStores[0];
      if (this.mapping.store !== undefined) this.problem(row, 'store', 'missing-value', 'The store is empty.');
      return undefined;
    }
    const key = normalizeKey(text);
    const store =
      this.context.stores.find((s) => s.id === text) ?? this.context.stores.find((s) => normalizeKey(s.id) === key || normalizeKey(s.name) === key);
    if (!store) {
      this.problem(row, 'store', 'unknown-store', `“${text}” is not one of the stores.`, { value: text });
      return undefined;
    }
    if (!this.allowedStores.includes(store)) {
      this.problem(row, 'store', 'store-not-allowed', `You are not assigned to the store “${store.name}”.`, { value: text });
      return undefined;
    }
    return store;
  }

  private readOrderCurrency(row: number, raw: string, store: Store | undefined): string | undefined {
    const text = raw.trim();
    if (text === '') return store?.currency;
    const currency = readCurrency(text);
    if (currency.ok) return currency.value;
    this.problem(row, 'currency', 'unknown-currency', `“${text}” is not an ISO 4217 currency code.`, { value: text });
    return undefined;
  }

  private readAddress(row: number, get: (f: ImportFieldKey) => string): Address | undefined {
    if (SHIPPING_FIELDS.every((f) => get(f).trim() === '')) return undefined;
    let complete = true;
    for (const f of ['shippingLine1', 'shippingCity', 'shippingCountry'] as const) {
      if (get(f).trim() === '') {
        complete = false;
        this.problem(row, f, 'missing-value', `A shipping address needs “${(SPEC.get(f) as FieldSpec).header}”.`);
      }
    }
    const countryText = get('shippingCountry').trim();
    const country = countryText === '' ? undefined : readCountry(countryText);
    if (country && !country.ok) {
      complete = false;
      this.problem(row, 'shippingCountry', 'bad-country', `“${countryText}” is not a two-letter country code.`, { value: countryText });
    }
    if (!complete || !country?.ok) return undefined;
    const optional = (f: ImportFieldKey) => (get(f).trim() === '' ? undefined : get(f));
    const name = optional('shippingName');
    const phone = optional('shippingPhone');
    const line2 = optional('shippingLine2');
    const region = optional('shippingRegion');
    const postalCode = optional('shippingPostalCode')?.trim();
    return {
      ...(name !== undefined && { name }),
      line1: get('shippingLine1'),
      ...(line2 !== undefined && { line2 }),
      city: get('shippingCity'),
      ...(region !== undefined && { region }),
      ...(postalCode !== undefined && { postalCode }),
      country: country.value,
      ...(phone !== undefined && { phone }),
    };
  }

  private readAmount(row: number, field: ImportFieldKey, raw: string, currency: string | undefined): Money | undefined {
    const text = raw.trim();
    if (text === '') return undefined;
    const read = readMoney(text, currency);
    if (read.ok) return read.value;
    const messages: Record<typeof read.problem, string> = {
      'bad-money': `“${text}” is not an amount.`,
      'ambiguous-money': `“${text}” is ambiguous: write amounts without thousands separators, with a dot for decimals.`,
      'too-many-decimals': `“${text}” has more decimals than ${currency ?? 'the currency'} allows.`,
      'negative-money': `“${text}” is negative.`,
    };
    this.problem(row, field, read.problem, messages[read.problem], { value: text, ...(currency && { currency }) });
    return undefined;
  }

  /** A later row of an order already seen: its non-empty order-level cells must match the first row's. */
  private compareHead(row: number, cells: readonly string[], head: OrderHead): void {
    for (const f of ORDER_FIELDS) {
      const raw = this.cell(cells, f);
      if (raw.trim() === '') continue;
      if (head.canonical.get(f) !== canonical(f, raw)) {
        this.problem(
          row,
          f,
          'duplicate-number',
          `Order number ${head.number} is also on row ${head.firstRow}, with a different “${this.columnName(f)}”; rows of one order must agree.`,
          { otherRow: head.firstRow, value: raw },
        );
      }
    }
  }

  private readLine(row: number, cells: readonly string[], head: OrderHead): OrderDraft['lines'][number] | undefined {
    const get = (f: ImportFieldKey) => this.cell(cells, f);
    const currency = head.currency;
    const sku = get('sku').trim();
    const catalog = this.context.catalog;
    const product = sku !== '' && catalog ? catalog.find(sku) : undefined;
    if (sku === '') {
      if (this.mapping.sku !== undefined) this.problem(row, 'sku', 'missing-value', 'The SKU is empty.');
    } else if (catalog && !product) {
      this.problem(row, 'sku', 'unknown-product', `No product has the SKU “${sku}”.`, { value: sku });
    }

    const nameCell = get('itemName');
    const name = nameCell.trim() !== '' ? nameCell : product?.name;
    if (name === undefined && (product || !catalog) && this.mapping.itemName !== undefined) {
      this.problem(row, 'itemName', 'missing-value', 'The item name is empty.');
    }
    const variantCell = get('variant');
    const variant = variantCell.trim() !== '' ? variantCell : product?.variant;

    const quantityText = get('quantity').trim();
    let quantity: number | undefined;
    if (quantityText === '') {
      if (this.mapping.quantity !== undefined) this.problem(row, 'quantity', 'missing-value', 'The quantity is empty.');
    } else {
      const q = readQuantity(quantityText);
      if (q.ok) quantity = q.value;
      else this.problem(row, 'quantity', 'bad-quantity', `“${quantityText}” is not a whole number of at least 1.`, { value: quantityText });
    }

    // An empty price takes the catalogue's; without a currency (a problem of its own) it stays unknown.
    let unitPrice: Money | undefined;
    if (get('unitPrice').trim() !== '') unitPrice = this.readAmount(row, 'unitPrice', get('unitPrice'), currency);
    else if (product && currency) {
      unitPrice = product.price(currency);
      if (!unitPrice) this.problem(row, 'unitPrice', 'missing-value', `The catalogue has no ${currency} price for this SKU; give a unit price.`);
    } else if (!catalog && this.mapping.unitPrice !== undefined) {
      this.problem(row, 'unitPrice', 'missing-value', 'The unit price is empty.');
    }

    const discount = this.readAmount(row, 'itemDiscount', get('itemDiscount'), currency);
    if (discount && unitPrice && quantity !== undefined && discount.amount > times(unitPrice, quantity).amount) {
      this.problem(row, 'itemDiscount', 'discount-too-large', 'The item discount is larger than price × quantity.', {
        value: get('itemDiscount').trim(),
      });
    }

    if (sku === '' || name === undefined || quantity === undefined || !unitPrice) return undefined;
    return {
      sku,
      name,
      ...(variant !== undefined && { variant }),
      unitPrice,
      ...(discount && { discount }),
      quantity,
    };
  }

  private draftOf(head: OrderHead): OrderDraft {
    const f = head.fields;
    const store = head.store as Store;
    return {
      number: head.number,
      channel: f.channel ?? this.context.defaultChannel ?? 'manual',
      storeId: store.id,
      customer: f.customer ?? { name: '' },
      ...(f.shippingAddress && { shippingAddress: f.shippingAddress }),
      currency: head.currency ?? store.currency,
      lines: head.lines,
      ...(f.discount && { discount: f.discount }),
      ...(f.deliveryFee && { deliveryFee: f.deliveryFee }),
      ...(f.tax && { tax: f.tax }),
      ...(f.paymentMethod && { paymentMethod: f.paymentMethod }),
      ...(f.tags && { tags: f.tags }),
      ...(f.note !== undefined && { note: f.note }),
      ...(f.scheduledAt && { scheduledAt: f.scheduledAt }),
    };
  }
}
