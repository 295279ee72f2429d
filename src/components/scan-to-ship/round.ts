/**
 * A scan-to-ship round: what was scanned since the round began, kept in sessionStorage so a reload
 * (or an accidental navigation) loses nothing, and what the round's print buttons print. Entries
 * hold data only; the element words them in the active locale. Private to `scan-to-ship/`.
 */
import type { Order } from '../../model/types.js';

/** How a code arrived. */
export type ScanSource = 'scanner' | 'keyboard' | 'camera';

/**
 * What a scan did. `moved`: the order moved one step. Everything else changed nothing:
 * `wrong-status` (no scan step from its status), `other-store` (the code names only orders of stores
 * the viewer may not see), `duplicate` (already moved in this round), `unknown` (no order has this
 * code), `ambiguous` (several orders do), `network` (the backend could not be reached; Retry sends
 * it again), `refused` (the workflow or backend refused the move, `reason` says why).
 */
export type ScanResult = 'moved' | 'wrong-status' | 'other-store' | 'duplicate' | 'unknown' | 'ambiguous' | 'network' | 'refused';

export interface ScanEntry {
  /** Unique in the round. */
  readonly id: string;
  readonly code: string;
  readonly source: ScanSource;
  /** ISO instant of the scan. */
  readonly at: string;
  readonly result: ScanResult;
  readonly orderId?: string;
  readonly number?: string;
  readonly customer?: string;
  /** Courier code and name, tracking number: as the order had them after the scan. */
  readonly courierCode?: string;
  readonly courierName?: string;
  readonly tracking?: string;
  /** Status before (every result with an order) and after (`moved`). */
  readonly from?: string;
  readonly to?: string;
  /** The action run (`moved`, `refused`, `network` during the move). */
  readonly action?: string;
  /** How many orders matched (`ambiguous`). */
  readonly matches?: number;
  /** The backend's or workflow's reason (`refused`), in its own words. */
  readonly reason?: string;
}

/** Most entries a round keeps (the oldest go first); a shift rarely scans more than a few hundred. */
export const ROUND_LIMIT = 1000;

/** The order fields an entry shows, taken from the order as it is after the scan. */
export function orderFields(order: Order): Pick<ScanEntry, 'orderId' | 'number' | 'customer' | 'courierCode' | 'courierName' | 'tracking'> {
  const shipment = [...order.shipments].reverse().find((s) => s.status !== 'cancelled' && s.status !== 'failed');
  return {
    orderId: order.id,
    number: order.number,
    customer: order.customer.name,
    ...(shipment && { courierCode: shipment.courier.code, courierName: shipment.courier.name }),
    ...(shipment?.trackingNumber !== undefined && { tracking: shipment.trackingNumber }),
  };
}

/** True when this round already moved the order. */
export const alreadyMoved = (entries: readonly ScanEntry[], orderId: string): boolean =>
  entries.some((e) => e.result === 'moved' && e.orderId === orderId);

/** The ids of the orders this round moved, oldest scan first, each once: what the print buttons print. */
export function movedOrderIds(entries: readonly ScanEntry[]): string[] {
  const ids: string[] = [];
  for (const e of entries) if (e.result === 'moved' && e.orderId !== undefined && !ids.includes(e.orderId)) ids.push(e.orderId);
  return ids;
}

/** Moved orders per target status, and the number of scans that changed nothing. */
export function tally(entries: readonly ScanEntry[]): { readonly byStatus: ReadonlyMap<string, number>; readonly problems: number } {
  const byStatus = new Map<string, number>();
  let problems = 0;
  for (const e of entries) {
    if (e.result === 'moved' && e.to !== undefined) byStatus.set(e.to, (byStatus.get(e.to) ?? 0) + 1);
    else if (e.result !== 'moved') problems++;
  }
  return { byStatus, problems };
}

const RESULTS: readonly ScanResult[] = ['moved', 'wrong-status', 'other-store', 'duplicate', 'unknown', 'ambiguous', 'network', 'refused'];
const SOURCES: readonly ScanSource[] = ['scanner', 'keyboard', 'camera'];

function isEntry(v: unknown): v is ScanEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e['id'] === 'string' &&
    typeof e['code'] === 'string' &&
    typeof e['at'] === 'string' &&
    RESULTS.includes(e['result'] as ScanResult) &&
    SOURCES.includes(e['source'] as ScanSource) &&
    ['orderId', 'number', 'customer', 'courierCode', 'courierName', 'tracking', 'from', 'to', 'action', 'reason'].every(
      (k) => e[k] === undefined || typeof e[k] === 'string',
    ) &&
    (e['matches'] === undefined || Number.isSafeInteger(e['matches']))
  );
}

/** The round saved under `key`; an empty one when there is none, storage is off, or it is unreadable. */
export function loadRound(key: string): ScanEntry[] {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(-ROUND_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Saves the round (best effort: a full or disabled storage keeps the round in memory only). */
export function saveRound(key: string, entries: readonly ScanEntry[]): void {
  try {
    if (entries.length === 0) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(entries));
  } catch {
    // Private mode or quota: the round still lives in the page.
  }
}
