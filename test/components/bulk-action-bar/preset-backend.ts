/**
 * The real local adapter on a fresh database seeded with one preset's demo orders, for element
 * tests that need a particular workflow or viewer (test/state/backend.ts is `confirm-first` only).
 */
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import type { Viewer } from '../../../src/model/types.js';
import type { WorkflowDefinition } from '../../../src/model/workflow/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { settledList } from '../../state/backend.js';

export const adminViewer: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };
export const staffViewer: Viewer = { id: 'u-staff', name: 'Budi', role: 'staff', storeIds: ['st_jkt'] };

export interface PresetBackend {
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  readonly api: LocalOrderApi;
  readonly dbName: string;
  /** Another adapter on the same database (a second admin instance, another viewer). */
  open(viewer?: Viewer): Promise<LocalOrderApi>;
  close(): Promise<void>;
}

export async function openPresetBackend(preset: PresetKey, count: number, viewer: Viewer = adminViewer): Promise<PresetBackend> {
  const workflow = getPreset(preset);
  const dbName = `orderdeck-element-test-${crypto.randomUUID()}`;
  const api = await createLocalApi({ workflow, viewer, dbName });
  await api.seed({ preset, count, seed: 7 });
  const opened: LocalOrderApi[] = [api];
  return {
    workflow,
    viewer,
    api,
    dbName,
    async open(other = viewer) {
      const next = await createLocalApi({ workflow, viewer: other, dbName });
      opened.push(next);
      return next;
    },
    async close() {
      for (const a of opened) a.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

/** A store over the backend with its first `rows` rows loaded. */
export async function loadedStore(backend: PresetBackend, rows: number, viewer: Viewer = backend.viewer): Promise<OrderStore> {
  const api = viewer === backend.viewer ? backend.api : await backend.open(viewer);
  const store = createOrderStore({ api, workflow: backend.workflow, viewer });
  store.requestRange(0, rows);
  await settledList(store);
  return store;
}

/** The loaded rows' orders, in list order. */
export function loadedOrders(store: OrderStore) {
  const { rows } = store.snapshot.list;
  return [...rows.keys()].sort((a, b) => a - b).map((i) => store.getCached(rows.get(i)!)!);
}
