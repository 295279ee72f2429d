/**
 * The export's column registry and writer: named columns over an order (and, one row per line item,
 * over a line), encoded with `encode.ts`. Money is written exactly in major units with
 * `toMajorString` (never through a float), the currency code in its own column; timestamps are
 * ISO 8601 in UTC with a `Z` (`2026-11-22T07:30:00.000Z`), the form they are stored in, which every
 * spreadsheet and the import read back without guessing a zone. Pure; no DOM.
 */
import { lineTotal } from '../derive.js';
import { toMajorString, type Money } from '../money.js';
import type { LineItem, Order, Store } from '../types.js';
import type { WorkflowDefinition } from '../workflow/types.js';
import { labelIn } from '../workflow/text.js';
import { BOM, CRLF, encodeRow, type CellKind } from './encode.js';

export type ExportColumnKey =
  | 'number'
  | 'createdAt'
  | 'updatedAt'
  | 'scheduledAt'
  | 'status'
  | 'paymentStatus'
  | 'fulfillmentStatus'
  | 'channel'
  | 'storeId'
  | 'storeName'
  | 'customerName'
  | 'customerPhone'
  | 'customerEmail'
  | 'shippingName'
  | 'shippingPhone'
  | 'shippingLine1'
  | 'shippingLine2'
  | 'shippingCity'
  | 'shippingRegion'
  | 'shippingPostalCode'
  | 'shippingCountry'
  | 'currency'
  | 'subtotal'
  | 'discount'
  | 'deliveryFee'
  | 'tax'
  | 'total'
  | 'paid'
  | 'refunded'
  | 'outstanding'
  | 'expenses'
  | 'expectedRemittance'
  | 'paymentMethod'
  | 'courier'
  | 'trackingNumbers'
  | 'tags'
  | 'note'
  | 'sku'
  | 'itemName'
  | 'variant'
  | 'quantity'
  | 'unitPrice'
  | 'itemDiscount'
  | 'lineTotal';

/** One row per order, or one row per line item (order columns repeated on each). */
export type ExportMode = 'order' | 'line';

/** What the writer needs besides the orders: status labels, store names, the label locale. */
export interface ExportContext {
  readonly workflow?: WorkflowDefinition;
  readonly stores?: readonly Store[];
  /** Locale for workflow status labels (default `en`). */
  readonly locale?: string;
}

export interface ExportColumn {
  readonly key: ExportColumnKey;
  /** The header written into the file (English, the same in every locale, and what the import matches). */
  readonly header: string;
  /** `money` and `number` cells are generated digits, written bare; `date` and `text` are text cells. */
  readonly kind: 'text' | 'date' | 'money' | 'number';
  /** `line` columns exist only in the one-row-per-line mode. */
  readonly scope: 'order' | 'line';
  readonly value: (order: Order, line: LineItem | undefined, context: ExportContext) => string;
}

const major = (m: Money): string => toMajorString(m);
const iso = (timestamp: string | undefined): string => (timestamp ? new Date(timestamp).toISOString() : '');
const live = (order: Order) => order.shipments.filter((s) => s.status !== 'cancelled');
const unique = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v !== ''))];

/** A workflow label in `locale`: the exact locale, its language, a built-in translation, then English. */
export { labelIn };

const col = (
  key: ExportColumnKey,
  header: string,
  kind: ExportColumn['kind'],
  value: ExportColumn['value'],
  scope: ExportColumn['scope'] = 'order',
): ExportColumn => ({ key, header, kind, scope, value });

/** Every column the export offers, in file order. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  col('number', 'Order number', 'text', (o) => o.number),
  col('createdAt', 'Created at', 'date', (o) => iso(o.createdAt)),
  col('updatedAt', 'Updated at', 'date', (o) => iso(o.updatedAt)),
  col('scheduledAt', 'Scheduled at', 'date', (o) => iso(o.scheduledAt)),
  col('status', 'Status', 'text', (o, _l, c) => {
    const def = c.workflow?.statuses.find((s) => s.key === o.status);
    return def ? labelIn(def.label, c.locale) : o.status;
  }),
  col('paymentStatus', 'Payment status', 'text', (o) => o.paymentStatus),
  col('fulfillmentStatus', 'Fulfilment status', 'text', (o) => o.fulfillmentStatus),
  col('channel', 'Channel', 'text', (o) => o.channel),
  col('storeId', 'Store ID', 'text', (o) => o.storeId),
  col('storeName', 'Store', 'text', (o, _l, c) => c.stores?.find((s) => s.id === o.storeId)?.name ?? o.storeId),
  col('customerName', 'Customer name', 'text', (o) => o.customer.name),
  col('customerPhone', 'Customer phone', 'text', (o) => o.customer.phone ?? ''),
  col('customerEmail', 'Customer email', 'text', (o) => o.customer.email ?? ''),
  col('shippingName', 'Shipping name', 'text', (o) => o.shippingAddress?.name ?? ''),
  col('shippingPhone', 'Shipping phone', 'text', (o) => o.shippingAddress?.phone ?? ''),
  col('shippingLine1', 'Shipping address line 1', 'text', (o) => o.shippingAddress?.line1 ?? ''),
  col('shippingLine2', 'Shipping address line 2', 'text', (o) => o.shippingAddress?.line2 ?? ''),
  col('shippingCity', 'Shipping city', 'text', (o) => o.shippingAddress?.city ?? ''),
  col('shippingRegion', 'Shipping region', 'text', (o) => o.shippingAddress?.region ?? ''),
  col('shippingPostalCode', 'Shipping postal code', 'text', (o) => o.shippingAddress?.postalCode ?? ''),
  col('shippingCountry', 'Shipping country', 'text', (o) => o.shippingAddress?.country ?? ''),
  col('currency', 'Currency', 'text', (o) => o.currency),
  col('subtotal', 'Subtotal', 'money', (o) => major(o.totals.subtotal)),
  // Discount, delivery fee and tax as entered on the order (what an import takes back); the total
  // drops them when every line was rejected.
  col('discount', 'Discount', 'money', (o) => major(o.discount)),
  col('deliveryFee', 'Delivery fee', 'money', (o) => major(o.deliveryFee)),
  col('tax', 'Tax', 'money', (o) => major(o.tax)),
  col('total', 'Total', 'money', (o) => major(o.totals.total)),
  col('paid', 'Paid', 'money', (o) => major(o.totals.paid)),
  col('refunded', 'Refunded', 'money', (o) => major(o.totals.refunded)),
  col('outstanding', 'Outstanding', 'money', (o) => major(o.totals.outstanding)),
  col('expenses', 'Expenses', 'money', (o) => major(o.totals.expenses)),
  col('expectedRemittance', 'Expected remittance', 'money', (o) => major(o.totals.expectedRemittance)),
  col('paymentMethod', 'Payment method', 'text', (o) => o.paymentMethod ?? ''),
  col('courier', 'Courier', 'text', (o) => unique(live(o).map((s) => s.courier.name)).join('; ')),
  col('trackingNumbers', 'Tracking numbers', 'text', (o) => unique(live(o).map((s) => s.trackingNumber ?? '')).join('; ')),
  col('tags', 'Tags', 'text', (o) => o.tags.join(', ')),
  col('note', 'Note', 'text', (o) => o.note ?? ''),
  col('sku', 'SKU', 'text', (_o, l) => l?.sku ?? '', 'line'),
  col('itemName', 'Item name', 'text', (_o, l) => l?.name ?? '', 'line'),
  col('variant', 'Variant', 'text', (_o, l) => l?.variant ?? '', 'line'),
  col('quantity', 'Quantity', 'number', (_o, l) => (l ? String(l.quantity.ordered) : ''), 'line'),
  col('unitPrice', 'Unit price', 'money', (_o, l) => (l ? major(l.unitPrice) : ''), 'line'),
  col('itemDiscount', 'Item discount', 'money', (_o, l) => (l ? major(l.discount) : ''), 'line'),
  col('lineTotal', 'Line total', 'money', (_o, l) => (l ? major(lineTotal(l)) : ''), 'line'),
];

const BY_KEY = new Map(EXPORT_COLUMNS.map((c) => [c.key, c]));

/** The column of a key. */
export const exportColumn = (key: ExportColumnKey): ExportColumn | undefined => BY_KEY.get(key);

/** Columns chosen when nothing was remembered: what a merchant reconciles and re-imports with. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumnKey[] = EXPORT_COLUMNS.map((c) => c.key).filter(
  (k) => !['updatedAt', 'expenses', 'expectedRemittance', 'shippingName', 'shippingPhone'].includes(k),
);

/** The columns of `keys` that exist in `mode`, in registry order (a file's column order never depends on click order). */
export function columnsFor(keys: Iterable<ExportColumnKey>, mode: ExportMode): ExportColumn[] {
  const wanted = new Set(keys);
  return EXPORT_COLUMNS.filter((c) => wanted.has(c.key) && (mode === 'line' || c.scope === 'order'));
}

/**
 * Writes orders as CSV, chunk by chunk: `start()` gives the header record (with the byte order mark
 * when asked), `write(orders)` their records. Every record ends with CRLF.
 */
export class OrderCsvWriter {
  readonly columns: readonly ExportColumn[];
  private readonly kinds: CellKind[];

  constructor(
    keys: Iterable<ExportColumnKey>,
    readonly mode: ExportMode,
    private readonly context: ExportContext = {},
    private readonly bom = false,
  ) {
    this.columns = columnsFor(keys, mode);
    this.kinds = this.columns.map((c) => (c.kind === 'money' || c.kind === 'number' ? 'number' : 'text'));
  }

  /** The header record. */
  start(): string {
    return (this.bom ? BOM : '') + encodeRow(this.columns.map((c) => c.header)) + CRLF;
  }

  /** The cells of one order: one row, or one per line item (one with empty line cells when it has none). */
  cells(order: Order): string[][] {
    const lines: (LineItem | undefined)[] = this.mode === 'line' && order.lines.length > 0 ? [...order.lines] : [undefined];
    return lines.map((line) => this.columns.map((c) => c.value(order, line, this.context)));
  }

  /** The records of some orders, and how many rows they are. */
  write(orders: readonly Order[]): { readonly text: string; readonly rows: number } {
    let text = '';
    let rows = 0;
    for (const order of orders) {
      for (const cells of this.cells(order)) {
        text += encodeRow(cells, this.kinds) + CRLF;
        rows++;
      }
    }
    return { text, rows };
  }
}
