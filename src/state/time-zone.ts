/**
 * The one time zone a view counts days in (issue 12, rule 2): every day boundary on a screen — date
 * filters and their presets, the calendar, export ranges — and every date shown use it, and the screen
 * names it. A view scoped to one store (the store filter names one store, or the viewer is staff of
 * exactly one) uses that store's zone; an all-stores view uses the zone the viewer chose, by default the
 * first store's in view, else the browser's. The viewer's choice is kept per viewer in `localStorage`.
 */
import type { OrderQuery } from '../api/types.js';
import { browserTimeZone, isTimeZone } from '../model/time-zone.js';
import type { Store, Viewer } from '../model/types.js';

/** The zone a view uses and why. */
export interface ViewZone {
  /** The IANA zone every day boundary and shown date of the view uses. */
  readonly zone: string;
  /**
   * `store`: the view shows one store, so its zone (not switchable); `chosen`: the viewer's choice for
   * an all-stores view; `default`: an all-stores view without a choice (the first store's, else the browser's).
   */
  readonly source: 'store' | 'chosen' | 'default';
  /** The store whose zone it is, for `store` (and for `default` when a store gave it). */
  readonly storeId?: string;
}

/** The view's zone for a query's store filter, the merchant's stores, the viewer and their choice. */
export function resolveViewZone(
  query: Pick<OrderQuery, 'storeIds'>,
  stores: readonly Store[],
  viewer: Pick<Viewer, 'role' | 'storeIds'>,
  choice: string | undefined,
  fallback: string = browserTimeZone(),
): ViewZone {
  const zoneOf = (id: string | undefined): string | undefined => {
    const zone = stores.find((s) => s.id === id)?.timeZone;
    return zone && isTimeZone(zone) ? zone : undefined;
  };
  const inView = query.storeIds && query.storeIds.length > 0 ? query.storeIds : viewer.role === 'staff' ? viewer.storeIds : [];
  if (inView.length === 1) {
    const storeId = inView[0]!;
    const zone = zoneOf(storeId);
    if (zone) return { zone, source: 'store', storeId };
  }
  if (choice && isTimeZone(choice)) return { zone: choice, source: 'chosen' };
  const first = (inView.length > 0 ? inView : stores.map((s) => s.id)).find((id) => zoneOf(id) !== undefined);
  if (first) return { zone: zoneOf(first)!, source: 'default', storeId: first };
  return { zone: isTimeZone(fallback) ? fallback : 'UTC', source: 'default' };
}

/** The zones an all-stores view offers: each store's, then the browser's, without repeats. */
export function zoneChoices(stores: readonly Store[], browser: string = browserTimeZone()): readonly string[] {
  return [...new Set([...stores.map((s) => s.timeZone), browser].filter(isTimeZone))];
}

const KEY = 'orderdeck:time-zone:';

/** The zone a viewer chose for all-stores views, if any (storage may be missing or refused). */
export function readZoneChoice(viewerId: string): string | undefined {
  try {
    const zone = globalThis.localStorage?.getItem(KEY + viewerId) ?? undefined;
    return zone && isTimeZone(zone) ? zone : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps (or, for undefined, forgets) a viewer's zone choice. */
export function writeZoneChoice(viewerId: string, zone: string | undefined): void {
  try {
    if (zone) globalThis.localStorage?.setItem(KEY + viewerId, zone);
    else globalThis.localStorage?.removeItem(KEY + viewerId);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this session only.
  }
}

/**
 * An element given the merchant's `stores` hands them to a store that has none, so islands on a host
 * page (no `<order-admin>` to do it) still get the stores' zones. Never replaces stores already set.
 */
export function adoptStores(store: { readonly snapshot: { readonly stores: readonly Store[] }; setStores(stores: readonly Store[]): void } | undefined, stores: readonly Store[]): void {
  if (store && stores.length > 0 && store.snapshot.stores.length === 0) store.setStores(stores);
}
