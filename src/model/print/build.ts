/**
 * Document builders: from orders (and stores) to the data of each printed document (types.ts).
 * Every builder is a `part` computed per order plus a `combine` over the parts, so a caller can build
 * a thousand orders in chunks and yield between them (the print view does), and the result is the
 * same as building all at once (`buildDocument`).
 *
 * Quantities: a unit is to pick (picking documents) when it was accepted and not yet handed over:
 * `ordered − rejected − shipped`. Packing slips and invoices list accepted units (`ordered − rejected`)
 * with the order's own line totals (`lineTotal`), so Σ line totals = the order's subtotal, exactly.
 */
import { accepted, lineTotal } from '../derive.js';
import { add, subtract, times, type Money } from '../money.js';
import type { LineItem, Order, PrintDocumentKind, Shipment, ShipmentStatus } from '../types.js';
import type {
  AwbDocument,
  AwbLabel,
  DocumentOf,
  ManifestDocument,
  ManifestGroup,
  ManifestRow,
  Party,
  PickLine,
  PickingList,
  PickingListDocument,
  PickingSummaryDocument,
  PickingSummaryRow,
  PrintContext,
  Skipped,
  Statement,
  StatementDocument,
  StatementLine,
} from './types.js';

/** Units of a line still to pick: accepted and not yet shipped, never below zero. */
export const toPick = (line: LineItem): number => Math.max(0, accepted(line) - line.quantity.shipped);

const storeName = (order: Order, ctx: PrintContext): string => ctx.stores.get(order.storeId)?.name ?? order.storeId;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

// ── picking ───────────────────────────────────────────────────────────────────────────────────────

function pickLines(order: Order): PickLine[] {
  const out: PickLine[] = [];
  for (const line of order.lines) {
    const quantity = toPick(line);
    if (quantity === 0) continue;
    out.push({
      lineId: line.id,
      sku: line.sku,
      name: line.name,
      ...(line.variant !== undefined && { variant: line.variant }),
      quantity,
    });
  }
  return out;
}

type Part<T> = { readonly value?: T; readonly skipped?: Skipped };

const skip = (order: Order, reason: Skipped['reason']): { skipped: Skipped } => ({
  skipped: { orderId: order.id, number: order.number, reason },
});

function pickingListPart(order: Order, ctx: PrintContext): Part<PickingList> {
  const lines = pickLines(order);
  if (lines.length === 0) return skip(order, 'nothing-to-pick');
  return {
    value: {
      orderId: order.id,
      number: order.number,
      storeName: storeName(order, ctx),
      channel: order.channel,
      customer: order.customer,
      createdAt: order.createdAt,
      ...(order.note !== undefined && { note: order.note }),
      lines,
      units: lines.reduce((n, l) => n + l.quantity, 0),
    },
  };
}

function values<T>(parts: readonly Part<T>[]): T[] {
  const out: T[] = [];
  for (const p of parts) if (p.value !== undefined) out.push(p.value);
  return out;
}

function skippedOf(parts: readonly Part<unknown>[]): Skipped[] {
  const out: Skipped[] = [];
  for (const p of parts) if (p.skipped) out.push(p.skipped);
  return out;
}

const summaryKey = (sku: string, variant: string | undefined): string => `${sku}\u0000${variant ?? ''}`;

function combinePickingSummary(parts: readonly Part<PickingList>[], ctx: PrintContext): PickingSummaryDocument {
  const rows = new Map<string, { sku: string; variant?: string; name: string; quantity: number; orders: { orderId: string; number: string; quantity: number }[] }>();
  let units = 0;
  const lists = values(parts);
  for (const list of lists) {
    for (const line of list.lines) {
      const key = summaryKey(line.sku, line.variant);
      let row = rows.get(key);
      if (!row) {
        row = { sku: line.sku, ...(line.variant !== undefined && { variant: line.variant }), name: line.name, quantity: 0, orders: [] };
        rows.set(key, row);
      }
      row.quantity += line.quantity;
      units += line.quantity;
      const last = row.orders[row.orders.length - 1];
      // The same SKU twice on one order is one reference with the units added.
      if (last && last.orderId === list.orderId) last.quantity += line.quantity;
      else row.orders.push({ orderId: list.orderId, number: list.number, quantity: line.quantity });
    }
  }
  const sorted: PickingSummaryRow[] = [...rows.entries()]
    .map(([key, r]) => ({ key, ...r }))
    .sort((a, b) => collator.compare(a.sku, b.sku) || collator.compare(a.variant ?? '', b.variant ?? '') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { kind: 'picking-summary', rows: sorted, units, orderCount: lists.length, date: ctx.now, skipped: skippedOf(parts) };
}

// ── shipping ──────────────────────────────────────────────────────────────────────────────────────

/** Shipments that still travel or wait to: a label makes sense for them. */
const LABELLED: readonly ShipmentStatus[] = ['booked', 'searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery'];

function recipient(order: Order): Party {
  const a = order.shippingAddress;
  const phone = a?.phone ?? order.customer.phone;
  return {
    name: a?.name ?? order.customer.name,
    ...(phone !== undefined && { phone }),
    ...(a !== undefined && { address: a }),
  };
}

const shipmentUnits = (s: Shipment): number => s.lines.reduce((n, l) => n + l.quantity, 0);

/** Cash the courier collects: the outstanding amount of a cash-on-delivery order, else nothing. */
export function codToCollect(order: Order): Money | undefined {
  return order.paymentMethod === 'cod' && order.totals.outstanding.amount > 0 ? order.totals.outstanding : undefined;
}

function awbPart(order: Order, ctx: PrintContext): Part<AwbLabel[]> {
  const sender: Party = { name: storeName(order, ctx) };
  const base = {
    orderId: order.id,
    orderNumber: order.number,
    channel: order.channel,
    sender,
    recipient: recipient(order),
    ...(order.paymentMethod !== undefined && { paymentMethod: order.paymentMethod }),
  };
  const cod = codToCollect(order);
  const live = order.shipments.filter((s) => LABELLED.includes(s.status));
  if (live.length > 0) {
    return {
      value: live.map((s, i): AwbLabel => ({
        ...base,
        shipmentId: s.id,
        // A courier still being searched for (`book-courier` without one) is no courier yet.
        ...(s.courier.code !== 'auto' && { courier: s.courier }),
        ...(s.selfDeliveryAgent !== undefined && { service: s.selfDeliveryAgent.name }),
        ...(s.trackingNumber !== undefined && { trackingNumber: s.trackingNumber }),
        ...(s.airWaybill !== undefined && { airWaybill: s.airWaybill }),
        ...(cod !== undefined && i === 0 && { cod }),
        pieces: shipmentUnits(s),
      })),
    };
  }
  const pieces = order.lines.reduce((n, l) => n + toPick(l), 0);
  if (pieces === 0) return skip(order, 'nothing-to-ship');
  return { value: [{ ...base, ...(cod !== undefined && { cod }), pieces }] };
}

function combineAwb(parts: readonly Part<AwbLabel[]>[]): AwbDocument {
  return { kind: 'awb', labels: values(parts).flat(), skipped: skippedOf(parts) };
}

function addMoney(list: Money[], m: Money): void {
  const i = list.findIndex((x) => x.currency === m.currency);
  if (i < 0) list.push(m);
  else list[i] = add(list[i] as Money, m);
}

function combineManifest(parts: readonly Part<AwbLabel[]>[], ctx: PrintContext): ManifestDocument {
  const groups = new Map<string, { courier?: AwbLabel['courier']; rows: ManifestRow[]; pieces: number; cod: Money[] }>();
  for (const label of values(parts).flat()) {
    const key = label.courier ? `${label.courier.code}\u0000${label.courier.name}` : '';
    let g = groups.get(key);
    if (!g) {
      g = { ...(label.courier && { courier: label.courier }), rows: [], pieces: 0, cod: [] };
      groups.set(key, g);
    }
    const city = label.recipient.address?.city;
    g.rows.push({
      orderId: label.orderId,
      orderNumber: label.orderNumber,
      ...(label.trackingNumber !== undefined && { trackingNumber: label.trackingNumber }),
      recipient: label.recipient.name,
      ...(city !== undefined && { city }),
      pieces: label.pieces,
      ...(label.cod !== undefined && { cod: label.cod }),
    });
    g.pieces += label.pieces;
    if (label.cod) addMoney(g.cod, label.cod);
  }
  const list: ManifestGroup[] = [...groups.values()]
    .map((g) => ({ ...g, parcels: g.rows.length }))
    // Parcels with no courier yet come last.
    .sort((a, b) => (a.courier ? 0 : 1) - (b.courier ? 0 : 1) || collator.compare(a.courier?.name ?? '', b.courier?.name ?? ''));
  return { kind: 'manifest', date: ctx.now, groups: list, skipped: skippedOf(parts) };
}

// ── statements ────────────────────────────────────────────────────────────────────────────────────

function statementLine(line: LineItem): StatementLine {
  const quantity = accepted(line);
  const gross = times(line.unitPrice, quantity);
  const total = lineTotal(line);
  return {
    lineId: line.id,
    sku: line.sku,
    name: line.name,
    ...(line.variant !== undefined && { variant: line.variant }),
    quantity,
    unitPrice: line.unitPrice,
    discount: subtract(gross, total),
    total,
  };
}

function statementPart(order: Order, ctx: PrintContext): Part<Statement> {
  const t = order.totals;
  return {
    value: {
      orderId: order.id,
      number: order.number,
      storeName: storeName(order, ctx),
      channel: order.channel,
      createdAt: order.createdAt,
      currency: order.currency,
      customer: order.customer,
      ...(order.shippingAddress !== undefined && { shippingAddress: order.shippingAddress }),
      ...(order.billingAddress !== undefined && { billingAddress: order.billingAddress }),
      ...(order.paymentMethod !== undefined && { paymentMethod: order.paymentMethod }),
      ...(order.note !== undefined && { note: order.note }),
      lines: order.lines.filter((l) => accepted(l) > 0).map(statementLine),
      totals: {
        subtotal: t.subtotal,
        discount: t.discount,
        deliveryFee: t.deliveryFee,
        tax: t.tax,
        total: t.total,
        paid: t.paid,
        refunded: t.refunded,
        outstanding: t.outstanding,
      },
    },
  };
}

const combineStatements = (kind: 'invoice' | 'packing-slip') => (parts: readonly Part<Statement>[]): StatementDocument => ({
  kind,
  pages: values(parts),
  skipped: skippedOf(parts),
});

// ── the registry ──────────────────────────────────────────────────────────────────────────────────

/** A document as a per-order part and a combination of parts (see the module comment). */
export interface DocumentBuilder<K extends PrintDocumentKind> {
  readonly part: (order: Order, ctx: PrintContext) => unknown;
  readonly combine: (parts: readonly unknown[], ctx: PrintContext) => DocumentOf<K>;
}

type Builders = { readonly [K in PrintDocumentKind]: DocumentBuilder<K> };

const as = <T>(parts: readonly unknown[]): readonly Part<T>[] => parts as readonly Part<T>[];

export const BUILDERS: Builders = {
  'picking-summary': { part: pickingListPart, combine: (p, ctx) => combinePickingSummary(as<PickingList>(p), ctx) },
  'picking-list': {
    part: pickingListPart,
    combine: (p): PickingListDocument => ({ kind: 'picking-list', pages: values(as<PickingList>(p)), skipped: skippedOf(as(p)) }),
  },
  awb: { part: awbPart, combine: (p) => combineAwb(as<AwbLabel[]>(p)) },
  manifest: { part: awbPart, combine: (p, ctx) => combineManifest(as<AwbLabel[]>(p), ctx) },
  'packing-slip': { part: statementPart, combine: (p) => combineStatements('packing-slip')(as<Statement>(p)) },
  invoice: { part: statementPart, combine: (p) => combineStatements('invoice')(as<Statement>(p)) },
};

/** Builds a document for `orders` in one go (small batches, tests); the print view builds in chunks. */
export function buildDocument<K extends PrintDocumentKind>(kind: K, orders: readonly Order[], ctx: PrintContext): DocumentOf<K> {
  const builder = BUILDERS[kind] as DocumentBuilder<K>;
  return builder.combine(orders.map((o) => builder.part(o, ctx)), ctx);
}
