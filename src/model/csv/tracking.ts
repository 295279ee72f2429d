/**
 * Tracking import: a courier's CSV (order number, courier, tracking number, optional tracking link)
 * → one item per row with its problems, and for each found order the workflow action that records
 * the number: `update-tracking` on the order's shipment, or — when the order has no shipment yet and
 * the workflow offers it to this viewer — the `mark-shipped` operation with courier and number.
 * Pure; no DOM.
 */
import { availableActions } from '../workflow/engine.js';
import { TRACKING_NUMBER_MAX, TRACKING_NUMBER_PATTERN } from '../workflow/operations.js';
import type { ActionInput, WorkflowDefinition } from '../workflow/types.js';
import type { Courier, Order, Shipment, Viewer } from '../types.js';
import { unneutralise } from './encode.js';
import { TRACKING_FIELDS, type ColumnMapping, type FieldSpec, type TrackingFieldKey } from './fields.js';
import { isBlankRow } from './parse.js';
import { sortProblems, type ImportProblem, type ImportProblemCode } from './problems.js';
import { normalizeKey, readUrl } from './values.js';

/** One row of a tracking file, read. */
export interface TrackingItem {
  /** Row as a spreadsheet numbers it (header = 1). */
  readonly row: number;
  readonly number: string;
  /** The courier as written (resolved against the workflow's couriers when the action is planned). */
  readonly courier: string;
  readonly trackingNumber: string;
  readonly trackingUrl?: string;
}

export interface TrackingRows {
  /** Rows without problems, in file order. */
  readonly items: readonly TrackingItem[];
  readonly problems: readonly ImportProblem[];
}

const SPEC = new Map(TRACKING_FIELDS.map((f) => [f.key, f]));

/** Reads a tracking file (`rows` is the whole parsed file, header first). */
export function rowsToTracking(rows: readonly (readonly string[])[], mapping: ColumnMapping<TrackingFieldKey>): TrackingRows {
  const headers = rows[0] ?? [];
  const problems: ImportProblem[] = [];
  const column = (field: TrackingFieldKey): string => {
    const index = mapping[field];
    const header = index === undefined ? undefined : headers[index];
    return header !== undefined && header.trim() !== '' ? unneutralise(header) : (SPEC.get(field) as FieldSpec).header;
  };
  const problem = (row: number, field: TrackingFieldKey | undefined, code: ImportProblemCode, message: string, extra: Partial<ImportProblem> = {}) =>
    problems.push({
      row,
      column: field ? column(field) : '',
      ...(field && mapping[field] !== undefined && { columnIndex: mapping[field] }),
      ...(field && { field }),
      code,
      severity: 'error',
      ...extra,
      message: `Row ${row}${field ? `, ${column(field)}` : ''}: ${message}`,
    });
  for (const f of TRACKING_FIELDS) {
    if (f.required && mapping[f.key] === undefined) problem(1, f.key, 'missing-column', `No column is mapped to “${f.header}”.`);
  }
  const items: TrackingItem[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] as readonly string[];
    if (isBlankRow(cells)) continue;
    dataRows++;
    const row = i + 1;
    const get = (f: TrackingFieldKey): string => {
      const index = mapping[f];
      return index === undefined ? '' : unneutralise(cells[index] ?? '').trim();
    };
    const before = problems.length;
    const number = get('number');
    const courier = get('courier');
    const trackingNumber = get('trackingNumber');
    const urlText = get('trackingUrl');
    for (const [f, v] of [['number', number], ['courier', courier], ['trackingNumber', trackingNumber]] as const) {
      if (v === '' && mapping[f] !== undefined) problem(row, f, 'missing-value', `“${column(f)}” is empty.`);
    }
    if (trackingNumber !== '' && (trackingNumber.length > TRACKING_NUMBER_MAX || !TRACKING_NUMBER_PATTERN.test(trackingNumber))) {
      problem(row, 'trackingNumber', 'bad-tracking-number', 'A tracking number holds only letters, digits, spaces and - _ . / # (at most 100).', {
        value: trackingNumber,
      });
    }
    let trackingUrl: string | undefined;
    if (urlText !== '') {
      const url = readUrl(urlText);
      if (url.ok) trackingUrl = url.value;
      else problem(row, 'trackingUrl', 'bad-url', 'The tracking link must start with http:// or https://.', { value: urlText });
    }
    if (number !== '') {
      const first = seen.get(number);
      if (first !== undefined) {
        problem(row, 'number', 'duplicate-number', `Order number ${number} is also on row ${first}.`, { otherRow: first, value: number });
      } else seen.set(number, row);
    }
    if (problems.length === before) items.push({ row, number, courier, trackingNumber, ...(trackingUrl && { trackingUrl }) });
  }
  if (dataRows === 0) problem(1, undefined, 'no-rows', 'The file has no data rows under its header.');
  return { items, problems: sortProblems(problems) };
}

/**
 * The workflow's courier for a name or code as a courier file writes it (`J&T Express`, `jnt`, `JNT`),
 * else `other` with the text as its name.
 */
export function resolveCourier(text: string, couriers: readonly Courier[]): Courier {
  const key = normalizeKey(text);
  const known = couriers.find((c) => c.code !== 'other' && (normalizeKey(c.code) === key || normalizeKey(c.name) === key));
  return known ?? { code: 'other', name: text.trim() };
}

/** Orders whose number is exactly `number` (a search matches substrings; this keeps exact matches). */
export function exactNumber(orders: readonly Order[], number: string): Order[] {
  return orders.filter((o) => o.number === number);
}

/** Why a row's order cannot take its tracking number (before anything is sent). */
export type TrackingRefusal =
  /** No shipment, and marking it shipped is not offered to this viewer now. */
  | 'no-shipment'
  /** The order has shipments but the workflow offers no tracking update to this viewer now. */
  | 'not-offered'
  /** Several shipments could take the number (each has a tracking number already). */
  | 'several-shipments';

export type TrackingPlan =
  | { readonly kind: 'run'; readonly action: string; readonly operation: 'update-tracking' | 'mark-shipped'; readonly input: ActionInput }
  /** A shipment already carries this number (and courier): nothing to send. */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'refused'; readonly reason: TrackingRefusal };

const DEAD: readonly Shipment['status'][] = ['cancelled', 'failed'];

/** The action (and its input) that records `item` on `order` for `viewer`, or why none can. */
export function planTracking(order: Order, item: TrackingItem, workflow: WorkflowDefinition, viewer: Viewer): TrackingPlan {
  const courier = resolveCourier(item.courier, workflow.couriers);
  const link = item.trackingUrl ? { trackingUrl: item.trackingUrl } : {};
  const offered = availableActions(workflow, order, viewer);
  const live = order.shipments.filter((s) => !DEAD.includes(s.status));
  if (live.length === 0) {
    const ship = offered.find((a) => a.operation === 'mark-shipped');
    if (!ship) return { kind: 'refused', reason: 'no-shipment' };
    return { kind: 'run', action: ship.key, operation: 'mark-shipped', input: { courier, trackingNumber: item.trackingNumber, ...link } };
  }
  const same = live.find((s) => s.trackingNumber === item.trackingNumber && normalizeKey(s.courier.name) === normalizeKey(courier.name));
  if (same && (!item.trackingUrl || same.trackingUrl === item.trackingUrl)) return { kind: 'unchanged' };
  const update = offered.find((a) => a.operation === 'update-tracking');
  if (!update) return { kind: 'refused', reason: 'not-offered' };
  let target: Shipment | undefined;
  if (live.length === 1) target = live[0];
  else {
    const untracked = live.filter((s) => !s.trackingNumber);
    const sameCourier = live.filter((s) => s.courier.code === courier.code);
    target = untracked.length === 1 ? untracked[0] : sameCourier.length === 1 ? sameCourier[0] : undefined;
  }
  if (!target) return { kind: 'refused', reason: 'several-shipments' };
  return {
    kind: 'run',
    action: update.key,
    operation: 'update-tracking',
    input: { shipmentId: target.id, courier, trackingNumber: item.trackingNumber, ...link },
  };
}
