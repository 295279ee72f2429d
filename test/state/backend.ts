/**
 * The backend store tests run against, behind one small interface, plus waiting helpers.
 */
import { filter, firstValueFrom, timeout } from 'rxjs';
import { createLocalApi, type LocalOrderApi } from '../../src/api/index.js';
import type { OrderApi } from '../../src/api/types.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Viewer } from '../../src/model/types.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';
import type { OrderStore, StoreState } from '../../src/state/types.js';
import { SpyApi } from './spy-api.js';

export const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };

export interface Backend {
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  /** The api the store under test uses, recorded. */
  readonly spy: SpyApi;
  /** A second tab on the same data: its changes reach `spy` as `other-tab` events. */
  peer(): Promise<OrderApi>;
  close(): Promise<void>;
}

/**
 * The real local adapter (IndexedDB + BroadcastChannel) on a fresh database, seeded with `count`
 * orders of the `confirm-first` preset. `peer()` opens a second instance on the same database.
 */
export async function openBackend(count: number): Promise<Backend> {
  const workflow = getPreset('confirm-first');
  const dbName = `orderdeck-store-test-${crypto.randomUUID()}`;
  const main = await createLocalApi({ workflow, viewer: admin, dbName });
  await main.seed({ preset: 'confirm-first', count, seed: 11 });
  const opened: LocalOrderApi[] = [main];
  return {
    workflow,
    viewer: admin,
    spy: new SpyApi(main),
    async peer() {
      const other = await createLocalApi({ workflow, viewer: admin, dbName });
      opened.push(other);
      return other;
    },
    async close() {
      for (const api of opened) api.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

/** Resolves with the first state satisfying `predicate` (the current one included). */
export function until(store: OrderStore, predicate: (state: StoreState) => boolean, ms = 8000): Promise<StoreState> {
  return firstValueFrom(store.state$.pipe(filter(predicate), timeout(ms)));
}

/** Waits until the window holds rows and no page is loading. */
export function settledList(store: OrderStore): Promise<StoreState> {
  return until(store, (s) => s.list.total !== undefined && !s.list.loading);
}

/** Polls until `check` returns true. */
export async function eventually(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
