/**
 * Backends for the calendar's tests: the real local adapter (IndexedDB) of any preset, with a clock the
 * test sets (so orders are created at known instants), the api recorded by `SpyApi`, and helpers to
 * create orders at a given time with a given scheduled date.
 */
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import { money } from '../../../src/model/money.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import type { Order, OrderDraft, Timestamp, Viewer } from '../../../src/model/types.js';
import type { WorkflowDefinition } from '../../../src/model/workflow/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { SpyApi } from '../../state/spy-api.js';

export const calendarAdmin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };

export interface CalendarBackend {
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  /** The engine; its clock is `clock.now`. */
  readonly api: LocalOrderApi;
  /** What the store uses: the engine, recorded. */
  readonly spy: SpyApi;
  /** The clock of every write (createdAt, updatedAt, timeline). */
  readonly clock: { now: Timestamp };
  /** Creates an order (as the admin) at `createdAt`, optionally scheduled at `scheduledAt`. */
  create(createdAt: Timestamp, scheduledAt?: Timestamp, extra?: Partial<OrderDraft>): Promise<Order>;
  /** The stored order, read through the engine (not the store under test). */
  read(orderId: string): Promise<Order>;
  /** A store over the recorded api. */
  store(): OrderStore;
  close(): Promise<void>;
}

export async function openCalendarBackend(preset: PresetKey, seeded: number): Promise<CalendarBackend> {
  const workflow = getPreset(preset);
  const dbName = `orderdeck-calendar-test-${crypto.randomUUID()}`;
  const clock = { now: '2026-11-22T09:00:00.000Z' };
  const api = await createLocalApi({ workflow, viewer: calendarAdmin, dbName, now: () => new Date(clock.now) });
  await api.seed({ preset, count: seeded, seed: 5 });
  const spy = new SpyApi(api);
  const stores: OrderStore[] = [];
  return {
    workflow,
    viewer: calendarAdmin,
    api,
    spy,
    clock,
    async create(createdAt, scheduledAt, extra = {}) {
      clock.now = createdAt;
      const draft: OrderDraft = {
        channel: 'manual',
        storeId: 'st_jkt',
        customer: { name: 'Rina Kusuma' },
        currency: 'IDR',
        lines: [{ sku: 'KOPI-1', name: 'Kopi Gayo 250 g', unitPrice: money(85000, 'IDR'), quantity: 2 }],
        ...(scheduledAt && { scheduledAt }),
        ...extra,
      };
      return api.createOrder(draft, { idempotencyKey: crypto.randomUUID() });
    },
    read(orderId) {
      return api.getOrder(orderId);
    },
    store() {
      const store = createOrderStore({ api: spy, workflow, viewer: calendarAdmin });
      stores.push(store);
      return store;
    },
    async close() {
      for (const store of stores) store.dispose();
      api.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}
