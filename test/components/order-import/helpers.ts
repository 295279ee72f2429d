/** Helpers for the import wizard tests: choosing a file like a user, walking the steps, a backend per preset. */
import { fixture, html } from '@open-wc/testing';
import '../../../src/components/order-import/define.js';
import type { OrderImport } from '../../../src/components/order-import/define.js';
import type { ImportStep } from '../../../src/components/order-import/order-import.js';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import { demoCatalog } from '../../../src/model/csv/catalog.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { admin } from '../../state/backend.js';
import { eventually } from '../../state/backend.js';

export const part = (el: Element, name: string): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const button = (el: Element, name: string): HTMLButtonElement => {
  const found = part(el, name);
  if (!found) throw new Error(`no [part~="${name}"]`);
  return found as HTMLButtonElement;
};

export async function mountImport(store: OrderStore, mode: 'orders' | 'tracking' = 'orders'): Promise<OrderImport> {
  const el = await fixture<OrderImport>(html`<order-import .store=${store} .stores=${demoStores} .catalog=${demoCatalog()} mode=${mode}></order-import>`);
  await el.updateComplete;
  return el;
}

/** Chooses `text` as a file through the file input, as a user does. */
export function chooseFile(el: OrderImport, text: string, name = 'orders.csv'): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export async function atStep(el: OrderImport, step: ImportStep, ms = 10_000): Promise<void> {
  await eventually(() => el.currentStep === step, ms);
  await el.updateComplete;
}

/** Rows of a table part as arrays of cell texts (header row excluded). */
export function tableRows(el: Element, name: string): string[][] {
  const table = part(el, name);
  if (!table) return [];
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
}

export interface PresetBackend {
  readonly api: LocalOrderApi;
  readonly store: OrderStore;
  close(): Promise<void>;
}

/** A real local backend of any preset, seeded, with a store over it (admin viewer). */
export async function presetBackend(preset: PresetKey, count: number): Promise<PresetBackend> {
  const workflow = getPreset(preset);
  const dbName = `orderdeck-csv-test-${crypto.randomUUID()}`;
  const api = await createLocalApi({ workflow, viewer: admin, dbName });
  await api.seed({ preset, count, seed: 21 });
  const store = createOrderStore({ api, workflow, viewer: admin });
  return {
    api,
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
