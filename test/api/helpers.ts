/**
 * Shared helpers for the local engine tests: unique databases that are deleted afterwards, generated
 * data, and a brute-force reference implementation of the query semantics to compare against.
 */
import { deleteDB } from 'idb';
import { createLocalApi, type LocalApiOptions, type LocalOrderApi } from '../../src/api/local/index.js';
import { OrderApiError, type OrderQuery, type SortSpec } from '../../src/api/types.js';
import { matchesFilter } from '../../src/model/filter.js';
import { demoStores, demoViewers } from '../../src/model/generate.js';
import { getPreset, type PresetKey } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';

const viewer = (role: Viewer['role'], storeIds: readonly string[] = []): Viewer => {
  const found = demoViewers.find((v) => v.role === role && (role !== 'staff' || storeIds.length === 0 || v.storeIds.join() === storeIds.join()));
  return found ?? { id: `u-${role}`, name: role, role, storeIds };
};

export const superadmin = viewer('superadmin');
export const admin = viewer('admin');
/** Staff assigned to the first demo store only. */
export const staff: Viewer = { id: 'u-staff-test', name: 'Sam Staff', role: 'staff', storeIds: [demoStores[0]?.id ?? 'st_jkt'] };

const opened: LocalOrderApi[] = [];
const names = new Set<string>();
let counter = 0;

export function uniqueDbName(label = 'db'): string {
  const name = `test-${label}-${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  names.add(name);
  return name;
}

export async function openApi(
  options: Partial<LocalApiOptions> & { preset?: PresetKey } = {},
): Promise<LocalOrderApi> {
  const workflow = options.workflow ?? getPreset(options.preset ?? 'payment-fulfillment');
  const dbName = options.dbName ?? uniqueDbName();
  names.add(dbName);
  const api = await createLocalApi({ viewer: admin, ...options, workflow, dbName });
  opened.push(api);
  return api;
}

/** Closes every api opened by a test and deletes its databases. Call from `afterEach`. */
export async function cleanup(): Promise<void> {
  for (const api of opened.splice(0)) api.close();
  const all = [...names];
  names.clear();
  await Promise.all(all.map((n) => deleteDB(n)));
}

export async function expectApiError(promise: Promise<unknown>, code: OrderApiError['code']): Promise<OrderApiError> {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof OrderApiError)) throw new Error(`expected OrderApiError ${code}, got ${String(e)}`, { cause: e });
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`, { cause: e });
    return e;
  }
  throw new Error(`expected OrderApiError ${code}, but it resolved`);
}

/** Every id of a query, read page by page through the api. */
export async function allIds(api: LocalOrderApi, query: OrderQuery, pageSize = 97): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total: number;
  for (let offset = 0; ; offset += pageSize) {
    const page = await api.listOrders(query, { offset, limit: pageSize });
    total = page.total;
    ids.push(...page.items.map((o) => o.id));
    if (page.items.length < pageSize) break;
  }
  return { ids, total };
}

const storeName = (id: string): string => demoStores.find((s) => s.id === id)?.name ?? id;

/** Reference semantics of an `OrderQuery`, written plainly (no index, no caching). */
export function bruteMatch(
  order: Order,
  query: OrderQuery,
  workflow: WorkflowDefinition,
  scope: readonly string[] | undefined,
  tabKey = query.tab,
): boolean {
  const tab = tabKey === undefined ? undefined : workflow.tabs.find((t) => t.key === tabKey);
  const filter = {
    ...tab?.filter,
    ...(query.archived !== undefined && { archived: query.archived }),
    ...(query.deleted !== undefined && { deleted: query.deleted }),
  };
  if (!matchesFilter(order, filter)) return false;
  if (scope && !scope.includes(order.storeId)) return false;
  if (query.storeIds && !query.storeIds.includes(order.storeId)) return false;
  if (query.channels && !query.channels.includes(order.channel)) return false;
  if (query.statuses && !query.statuses.includes(order.status)) return false;
  if (query.paymentStatus && !query.paymentStatus.includes(order.paymentStatus)) return false;
  if (query.fulfillmentStatus && !query.fulfillmentStatus.includes(order.fulfillmentStatus)) return false;
  if (query.assigneeId !== undefined && order.assignees.csr?.id !== query.assigneeId && order.assignees.agent?.id !== query.assigneeId) {
    return false;
  }
  if (query.notPrinted && query.notPrinted.length > 0) {
    for (const p of order.prints ?? []) if (query.notPrinted.includes(p.document)) return false;
  }
  if (query.from !== undefined || query.to !== undefined) {
    const at = order[query.dateField ?? 'createdAt'];
    if (at === undefined) return false;
    const t = Date.parse(at);
    if (query.from !== undefined && t < Date.parse(query.from)) return false;
    if (query.to !== undefined && t >= Date.parse(query.to)) return false;
  }
  const needle = query.search?.trim().toLowerCase();
  if (needle) {
    const hay = [
      order.number,
      order.customer.name,
      order.customer.phone ?? '',
      storeName(order.storeId),
      ...order.shipments.flatMap((s) => [s.trackingNumber ?? '', s.airWaybill ?? '']),
    ].map((s) => s.toLowerCase());
    if (!hay.some((h) => h.includes(needle))) return false;
  }
  return true;
}

/** Sort key of the reference implementation; strings compared with `Intl.Collator` (base, numeric). */
export function bruteKey(order: Order, field: SortSpec['field'], workflow: WorkflowDefinition): number | string | undefined {
  switch (field) {
    case 'createdAt':
      return Date.parse(order.createdAt);
    case 'updatedAt':
      return Date.parse(order.updatedAt);
    case 'scheduledAt':
      return order.scheduledAt === undefined ? undefined : Date.parse(order.scheduledAt);
    case 'total':
      return order.totals.total.amount;
    case 'number':
      return order.number;
    case 'customer':
      return order.customer.name;
    case 'store':
      return storeName(order.storeId);
    case 'status':
      return workflow.statuses.findIndex((s) => s.key === order.status);
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
