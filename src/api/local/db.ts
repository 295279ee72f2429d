/**
 * The IndexedDB layout of the local engine and the transaction helpers around it.
 *
 * Two copies of each order, written together in one transaction:
 *   orders       the full order, one record per order          key: id
 *   summaries    chunk records of up to `SUMMARY_CHUNK` order summaries (summary.ts) as one JSON string
 *                of tuples                                      key: chunk id
 *   meta         { key: 'meta', counters, tail chunk, stores }  key: key
 *   idempotency  { key, fingerprint, at, outcome }              key: key, index `at` (pruning)
 *   workflows    { key, version, definition, savedAt }         key: the workflow's key (preset key)
 *                (schema 2: the definition saved in workflow settings; none = the configured preset)
 *
 * Why: TOOLCHAIN.md measured one put per record at ~100 µs and 100 records of 1,000 orders at ~0.2 s,
 * which points to chunk records — but real orders (lines, ledger, shipments, a ~10-event timeline) are
 * ~4 KB each, and reading 100k of them back costs seconds whatever the layout (~57 µs of structured
 * clone per order). So opening reads only the summaries (~360 B each, getAll of a few hundred chunk
 * strings plus JSON.parse), and full orders are read per page (50 gets ≈ 5 ms) or per write.
 * Seeding sorts by creation time before chunking; new orders are appended to the tail summary chunk.
 *
 * Everything read back is typed `unknown` and validated before use.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Store } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { OrderApiError, type OrderApiErrorData } from '../types.js';
import { storageError, throwIfAborted } from './errors.js';

export const SCHEMA_VERSION = 2;
/** Summaries per chunk record: a write rewrites one chunk (~90 KB of JSON); opening reads all of them. */
export const SUMMARY_CHUNK = 250;
/** Idempotency records older than this are pruned when a database is opened. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long opening waits for another tab holding an older schema before giving up. */
const BLOCKED_TIMEOUT_MS = 5000;

export interface SummaryChunk {
  readonly id: number;
  /** JSON array of encoded summaries (summary.ts `encode`). */
  rows: string;
}

export interface MetaRecord {
  readonly key: 'meta';
  readonly schema: number;
  /** Next sequence for generated order ids (`ord_<seq>`). */
  nextSeq: number;
  /** The merchant-wide sequence the next generated order number is made from (numbering.ts). */
  nextNumber: number;
  /** The summary chunk new orders are appended to. */
  tailChunk: number;
  /** Store names and time zones, for search and sorting by store. */
  stores: Store[];
}

/** What a write returned (or how it failed), replayed for a repeated idempotency key. */
export type StoredOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: OrderApiErrorData };

export interface IdempotencyRecord {
  readonly key: string;
  /** Which request the key was used for; the same key on another request is an error. */
  readonly fingerprint: string;
  readonly at: number;
  readonly outcome: StoredOutcome;
}

/** A saved workflow definition; its key is the definition's key, so each preset keeps its own. */
export interface WorkflowRecord {
  readonly key: string;
  readonly version: number;
  readonly definition: WorkflowDefinition;
  readonly savedAt: number;
}

export interface EngineSchema extends DBSchema {
  orders: { key: string; value: unknown };
  summaries: { key: number; value: SummaryChunk };
  meta: { key: string; value: MetaRecord };
  idempotency: { key: string; value: IdempotencyRecord; indexes: { at: number } };
  workflows: { key: string; value: WorkflowRecord };
}

export type EngineDb = IDBPDatabase<EngineSchema>;
export type StoreName = StoreNames<EngineSchema>;
export type WriteTx = IDBPTransaction<EngineSchema, StoreName[], 'readwrite'>;
export type ReadTx = IDBPTransaction<EngineSchema, StoreName[], 'readonly'>;

export function emptyMeta(stores: Store[] = []): MetaRecord {
  return { key: 'meta', schema: SCHEMA_VERSION, nextSeq: 1, nextNumber: 1, tailChunk: 0, stores };
}

/**
 * Opens (and creates or upgrades) the database. `onLost` runs when the connection goes away under us:
 * another tab upgrades or deletes the database, or the browser terminates it.
 */
export async function openEngineDb(name: string, onLost: (reason: string) => void): Promise<EngineDb> {
  if (typeof indexedDB === 'undefined') {
    throw new OrderApiError({ code: 'unavailable', message: 'IndexedDB is not available in this browser context.' });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const blocked = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new OrderApiError({
          code: 'unavailable',
          message: `The order database “${name}” is blocked by another tab that has an older version open. Close it and retry.`,
        }),
      );
    }, BLOCKED_TIMEOUT_MS);
  });
  const opening = openDB<EngineSchema>(name, SCHEMA_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('orders', { keyPath: 'id' });
        db.createObjectStore('summaries', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('idempotency', { keyPath: 'key' }).createIndex('at', 'at');
      }
      if (oldVersion < 2) db.createObjectStore('workflows', { keyPath: 'key' });
    },
    blocking() {
      onLost('Another tab upgraded or deleted the order database.');
    },
    terminated() {
      onLost('The browser closed the order database.');
    },
  });
  // Only the blocked path starts the timer's race; a normal open wins long before it fires.
  const opened = await Promise.race([opening, blocked]).catch((e: unknown) => {
    // A late open after the timeout must not leak a connection.
    void opening.then((db) => db.close(), () => undefined);
    throw storageError(e);
  }).finally(() => clearTimeout(timer));
  return opened;
}

function quietAbort(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}

/**
 * Runs `body` in one transaction and resolves once it committed. The body must await only IndexedDB
 * requests of `tx` (anything else lets the transaction auto-commit early). Aborting `signal` aborts the
 * transaction: nothing is applied and the call rejects with `aborted`. A body that throws aborts too.
 */
export async function inTransaction<T, M extends 'readonly' | 'readwrite'>(
  db: EngineDb,
  stores: StoreName[],
  mode: M,
  signal: AbortSignal | undefined,
  body: (tx: IDBPTransaction<EngineSchema, StoreName[], M>) => Promise<T>,
): Promise<T> {
  throwIfAborted(signal);
  let tx: IDBPTransaction<EngineSchema, StoreName[], M>;
  try {
    tx = db.transaction(stores, mode);
  } catch (e) {
    throw storageError(e, signal);
  }
  const done = tx.done;
  done.catch(() => undefined); // observed below; avoid an unhandled rejection when the body fails first
  const onAbort = (): void => quietAbort(tx);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await body(tx);
    await done; // committed: from here on an abort changes nothing
    return result;
  } catch (e) {
    quietAbort(tx);
    throw storageError(e, signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Deletes idempotency records older than the TTL. Cheap: walks only the expired part of the `at` index. */
export async function pruneIdempotency(db: EngineDb, now: number): Promise<void> {
  await inTransaction(db, ['idempotency'], 'readwrite', undefined, async (tx) => {
    let cursor = await tx.objectStore('idempotency').index('at').openCursor(IDBKeyRange.upperBound(now - IDEMPOTENCY_TTL_MS));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  });
}
