/**
 * The store's query as URL search parameters and back, so a view of the order list can be
 * bookmarked and shared (tab, search, date range, stores, channels, archived, sort…). Pure; private
 * to `<order-admin>`.
 *
 * Parameters (each optionally behind a prefix, for path mode on a page with its own parameters):
 * `tab`, `q` (search), `sort` (`createdAt` ascending, `-createdAt` descending), `from`, `to`
 * (ISO timestamps), `date` (the date field when not `createdAt`), `store` (repeated), `channel`
 * (repeated), `status` (repeated), `payment` / `fulfillment` (repeated), `archived`
 * (`true` | `false` | `any`), `deleted` (`true`), `assignee`.
 */
import type { OrderQuery, SortField } from '../../api/types.js';
import type { FulfillmentStatus, PaymentStatus, PrintDocumentKind, Viewer } from '../../model/types.js';
import { PRINT_DOCUMENT_KINDS } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';

/** Every parameter name this module reads and writes (before a prefix). */
export const QUERY_PARAMS = [
  'tab',
  'q',
  'sort',
  'from',
  'to',
  'date',
  'store',
  'channel',
  'status',
  'payment',
  'fulfillment',
  'archived',
  'deleted',
  'assignee',
  'unprinted',
] as const;

const SORT_FIELDS: readonly SortField[] = ['createdAt', 'updatedAt', 'number', 'customer', 'store', 'total', 'status', 'scheduledAt'];
const DATE_FIELDS = ['createdAt', 'updatedAt', 'scheduledAt'] as const;
const PAYMENT: readonly PaymentStatus[] = ['unpaid', 'partially-paid', 'paid', 'partially-refunded', 'refunded'];
const FULFILMENT: readonly FulfillmentStatus[] = [
  'unfulfilled',
  'partially-fulfilled',
  'fulfilled',
  'partially-shipped',
  'shipped',
  'partially-delivered',
  'delivered',
  'returned',
];

/** The query as ordered `[name, value]` pairs (names without prefix); empty fields are left out. */
export function queryToEntries(query: OrderQuery): [string, string][] {
  const out: [string, string][] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') out.push([name, value]);
  };
  const addAll = (name: string, values: readonly string[] | undefined): void => {
    for (const v of values ?? []) add(name, v);
  };
  add('tab', query.tab);
  add('q', query.search);
  if (query.sort) add('sort', `${query.sort.direction === 'desc' ? '-' : ''}${query.sort.field}`);
  add('from', query.from);
  add('to', query.to);
  if (query.dateField && query.dateField !== 'createdAt') add('date', query.dateField);
  addAll('store', query.storeIds);
  addAll('channel', query.channels);
  addAll('status', query.statuses);
  addAll('payment', query.paymentStatus);
  addAll('fulfillment', query.fulfillmentStatus);
  if (query.archived !== undefined) add('archived', String(query.archived));
  if (query.deleted) add('deleted', 'true');
  add('assignee', query.assigneeId);
  addAll('unprinted', query.notPrinted);
  return out;
}

/** The query as a search string without `?` (`tab=new&q=budi`). */
export function queryToSearch(query: OrderQuery, prefix = ''): string {
  const params = new URLSearchParams();
  for (const [name, value] of queryToEntries(query)) params.append(prefix + name, value);
  return params.toString();
}

/**
 * Reads a query from URL parameters. Values that do not fit the workflow or the viewer (an
 * unknown tab or status, a bad date, a store outside a staff member's stores) are dropped with a
 * warning, since URLs are shared between people and outlive workflow changes.
 */
export function paramsToQuery(
  params: URLSearchParams,
  workflow: WorkflowDefinition,
  viewer: Viewer,
  prefix = '',
): OrderQuery {
  const one = (name: string): string | undefined => {
    const value = params.get(prefix + name);
    return value === null || value === '' ? undefined : value;
  };
  const all = (name: string): string[] => params.getAll(prefix + name).filter((v) => v !== '');
  const warn = (name: string, value: string): void =>
    console.warn(`orderdeck: ignoring the URL parameter ${prefix}${name}=${value}: not valid here.`);
  const query: { -readonly [K in keyof OrderQuery]: OrderQuery[K] } = {};

  const tab = one('tab');
  if (tab !== undefined) {
    if (workflow.tabs.some((t) => t.key === tab)) query.tab = tab;
    else warn('tab', tab);
  }
  const search = one('q');
  if (search !== undefined) query.search = search;
  const sort = one('sort');
  if (sort !== undefined) {
    const desc = sort.startsWith('-');
    const field = (desc ? sort.slice(1) : sort) as SortField;
    if (SORT_FIELDS.includes(field)) query.sort = { field, direction: desc ? 'desc' : 'asc' };
    else warn('sort', sort);
  }
  for (const name of ['from', 'to'] as const) {
    const value = one(name);
    if (value === undefined) continue;
    if (Number.isNaN(Date.parse(value))) warn(name, value);
    else query[name] = value;
  }
  const date = one('date');
  if (date !== undefined) {
    if ((DATE_FIELDS as readonly string[]).includes(date)) query.dateField = date as (typeof DATE_FIELDS)[number];
    else warn('date', date);
  }
  const stores = all('store').filter((id) => {
    const ok = viewer.role !== 'staff' || viewer.storeIds.includes(id);
    if (!ok) warn('store', id);
    return ok;
  });
  if (stores.length > 0) query.storeIds = stores;
  const channels = all('channel');
  if (channels.length > 0) query.channels = channels;
  const statuses = all('status').filter((s) => {
    const ok = workflow.statuses.some((d) => d.key === s);
    if (!ok) warn('status', s);
    return ok;
  });
  if (statuses.length > 0) query.statuses = statuses;
  const payment = all('payment').filter((s): s is PaymentStatus => PAYMENT.includes(s as PaymentStatus));
  if (payment.length > 0) query.paymentStatus = payment;
  const fulfilment = all('fulfillment').filter((s): s is FulfillmentStatus => FULFILMENT.includes(s as FulfillmentStatus));
  if (fulfilment.length > 0) query.fulfillmentStatus = fulfilment;
  const archived = one('archived');
  if (archived !== undefined) {
    if (archived === 'true' || archived === 'false') query.archived = archived === 'true';
    else if (archived === 'any') query.archived = 'any';
    else warn('archived', archived);
  }
  if (one('deleted') === 'true') query.deleted = true;
  const assignee = one('assignee');
  if (assignee !== undefined) query.assigneeId = assignee;
  const unprinted = all('unprinted').filter((d): d is PrintDocumentKind => (PRINT_DOCUMENT_KINDS as readonly string[]).includes(d));
  if (unprinted.length > 0) query.notPrinted = unprinted;
  return query;
}

/** True when the parameters hold any query parameter (with this prefix). */
export function hasQueryParams(params: URLSearchParams, prefix = ''): boolean {
  return QUERY_PARAMS.some((name) => params.has(prefix + name));
}

/**
 * A patch for `store.setQuery` that turns the current query into `next` exactly: every field of
 * `current` missing from `next` is cleared.
 */
export function replacingPatch(current: OrderQuery, next: OrderQuery): Partial<OrderQuery> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(current)) patch[key] = undefined;
  return { ...patch, ...next } as Partial<OrderQuery>;
}
