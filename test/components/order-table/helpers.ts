/**
 * What the `<order-table>` tests share: a real local adapter on a fresh database with a store over it,
 * and the ways a test reads the table (rows in order, cells, the focused cell).
 */
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import type { OrderTable } from '../../../src/components/order-table/define.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { SpyApi } from '../../state/spy-api.js';

export interface Shop {
  readonly api: LocalOrderApi;
  readonly spy: SpyApi;
  readonly store: OrderStore;
  close(): Promise<void>;
}

/** The real local adapter on a fresh database, seeded with `count` orders of `preset`, and a store over it. */
export async function openShop(count: number, preset: PresetKey, viewer: Viewer, seed: number): Promise<Shop> {
  const workflow = getPreset(preset);
  const dbName = `orderdeck-table-test-${crypto.randomUUID()}`;
  const api = await createLocalApi({ workflow, viewer, dbName, stores: demoStores });
  await api.seed({ preset, count, seed });
  const spy = new SpyApi(api);
  const store = createOrderStore({ api: spy, workflow, viewer });
  return {
    api,
    spy,
    store,
    async close() {
      store.dispose();
      api.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

export const root = (el: OrderTable): ShadowRoot => el.shadowRoot as ShadowRoot;
export const grid = (el: OrderTable): HTMLElement => root(el).querySelector('[role="grid"]') as HTMLElement;
export const rowIndex = (row: Element): number => Number(row.getAttribute('aria-rowindex'));

/** Body rows on screen (not recycled-and-hidden), in row order. */
export function rows(el: OrderTable): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('.body > [role="row"]:not([hidden])')].sort((a, b) => rowIndex(a) - rowIndex(b));
}

export const cellText = (row: Element, key: string): string => row.querySelector(`.col-${key}`)?.textContent?.trim() ?? '';
export const focusedCell = (el: OrderTable): HTMLElement | null => (root(el).activeElement as HTMLElement | null)?.closest('[data-col]') ?? null;

/** Row and column of the focused cell: [aria-rowindex, data-col]. */
export function focusPosition(el: OrderTable): [number, number] {
  const cell = focusedCell(el);
  if (!cell) return [0, -1];
  return [rowIndex(cell.closest('[role="row"]') as Element), Number(cell.dataset.col)];
}

/** The loaded orders of the list, by index. */
export function listed(store: OrderStore): Order[] {
  const { list, orders } = store.snapshot;
  const out: Order[] = [];
  for (let i = 0; list.rows.has(i); i++) out.push(orders.get(list.rows.get(i) as string) as Order);
  return out;
}
