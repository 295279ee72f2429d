/**
 * The export choices a viewer made last time (columns, one row per order or per item, Excel byte
 * order mark), kept in `localStorage` per viewer. Storage can be missing or refused (private mode, a
 * sandboxed iframe, a full quota): reads then give nothing and writes report failure.
 */
import { EXPORT_COLUMNS, type ExportColumnKey, type ExportMode } from '../../model/csv/columns.js';

export interface ExportPrefs {
  readonly columns: readonly ExportColumnKey[];
  readonly mode: ExportMode;
  readonly bom: boolean;
}

const KNOWN = new Set<string>(EXPORT_COLUMNS.map((c) => c.key));

/** The storage key of a viewer's export choices. */
export const prefsKey = (viewerId: string): string => `orderdeck:csv-export:${viewerId}`;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Reading localStorage itself throws when storage is blocked.
  }
}

/** The remembered choices, or undefined when there are none (or they cannot be read). Unknown columns are dropped. */
export function readPrefs(key: string): ExportPrefs | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage()?.getItem(key);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof ExportPrefs, unknown>>;
    const columns = Array.isArray(value.columns) ? value.columns.filter((c): c is ExportColumnKey => typeof c === 'string' && KNOWN.has(c)) : [];
    return {
      columns,
      mode: value.mode === 'line' ? 'line' : 'order',
      bom: value.bom !== false,
    };
  } catch {
    return undefined;
  }
}

/** Remembers the choices; false when the browser refused. */
export function writePrefs(key: string, prefs: ExportPrefs): boolean {
  const target = storage();
  if (!target) return false;
  try {
    target.setItem(key, JSON.stringify(prefs));
    return true;
  } catch {
    return false;
  }
}
