/**
 * Roles, permissions and store scope. The UI hides what a viewer may not do; adapters enforce it.
 */
import type { Viewer } from './types.js';
import type { Permission } from './workflow/types.js';

const STAFF: ReadonlySet<Permission> = new Set<Permission>([
  'orders.create',
  'orders.edit',
  'orders.confirm',
  'orders.pay',
  'orders.fulfil',
  'orders.cancel',
  'orders.status',
  'orders.note',
]);

const ADMIN: ReadonlySet<Permission> = new Set<Permission>([
  ...STAFF,
  'orders.refund',
  'orders.assign',
  'orders.archive',
  'orders.delete',
  'orders.post',
  'orders.import',
  'workflow.edit',
]);

/** True when the viewer's role grants the permission. `orders.system` is never granted to people. */
export function can(viewer: Viewer, permission: Permission): boolean {
  if (permission === 'orders.system') return false;
  if (viewer.role === 'superadmin') return true;
  if (permission === 'orders.restore') return false;
  return (viewer.role === 'admin' ? ADMIN : STAFF).has(permission);
}

/** True when the viewer may see and change orders of this store. */
export function inScope(viewer: Viewer, storeId: string): boolean {
  return viewer.role !== 'staff' || viewer.storeIds.includes(storeId);
}

/** The store ids a query must be narrowed to for this viewer; undefined means every store. */
export function scopeStores(viewer: Viewer): readonly string[] | undefined {
  return viewer.role === 'staff' ? viewer.storeIds : undefined;
}
