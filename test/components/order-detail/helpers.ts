/**
 * `<order-detail>` test harness: a real local adapter (IndexedDB) on a fresh database holding orders
 * built by the workflow engine, a store over it (recorded by SpyApi, optionally gated), the element
 * mounted with that store, and small helpers that act as a person would (click, type, choose).
 */
import { fixture, html } from '@open-wc/testing';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import type { ActionRequest, OrderApi, WriteOptions } from '../../../src/api/types.js';
import '../../../src/components/order-detail/define.js';
import type { OrderActionDialog } from '../../../src/components/order-action-dialog/order-action-dialog.js';
import type { OrderDetail } from '../../../src/components/order-detail/order-detail.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { demoStores } from '../../../src/model/generate.js';
import { money } from '../../../src/model/money.js';
import { newOrder } from '../../../src/model/order.js';
import { getPreset, type PresetKey } from '../../../src/model/presets/index.js';
import type { Order, OrderDraft, Person, Viewer } from '../../../src/model/types.js';
import { applyAction } from '../../../src/model/workflow/engine.js';
import type { WorkflowDefinition } from '../../../src/model/workflow/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually } from '../../state/backend.js';
import { SpyApi } from '../../state/spy-api.js';

export { eventually };

export const admin: Viewer = { id: 'u-admin', name: 'Ayu Admin', role: 'admin', storeIds: [] };
export const superAdmin: Viewer = { id: 'u-super', name: 'Sari Super', role: 'superadmin', storeIds: [] };
export const staff: Viewer = { id: 'u-staff', name: 'Budi Staff', role: 'staff', storeIds: ['st_jkt', 'st_kul'] };
export const people: Person[] = [
  { id: 'p-dewi', name: 'Dewi CSR' },
  { id: 'p-joko', name: 'Joko Rider' },
];

const NOW = '2026-11-22T08:00:00.000Z';

/** Three lines (2 + 1 + 3 units) in IDR, or MYR cents for the Malaysian store. */
export function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  const currency = overrides.currency ?? 'IDR';
  const m = (amount: number) => money(amount, currency);
  return {
    channel: 'online',
    storeId: 'st_jkt',
    currency,
    customer: { name: 'Ayu Lestari', phone: '+62 812-3456-7890', email: 'ayu@example.co.id' },
    shippingAddress: { name: 'Ayu Lestari', line1: 'Jl. Kemang Raya 12', city: 'Jakarta Selatan', region: 'DKI Jakarta', postalCode: '12730', country: 'ID' },
    lines: [
      { sku: 'KOP-250', name: 'Kopi Gayo 250 g', variant: 'Whole bean', unitPrice: m(120000), quantity: 2, imageUrl: 'https://img.example.com/kopi.png' },
      { sku: 'MUG-01', name: 'Mug Enamel', unitPrice: m(85000), quantity: 1 },
      { sku: 'FLT-V60', name: 'V60 Filter', unitPrice: m(45000), quantity: 3 },
    ],
    deliveryFee: m(20000),
    tags: ['vip'],
    ...overrides,
  };
}

export type Step = readonly [action: string, input?: unknown, system?: boolean];

/** An order made by the engine: created from `d`, then taken through `steps` (system steps allowed). */
export function buildOrder(workflow: WorkflowDefinition, d: OrderDraft, steps: readonly Step[] = [], id = 'ord_t1'): Order {
  let n = 0;
  const newId = (prefix: string): string => `${prefix}_${id}_${++n}`;
  let order = newOrder(workflow, d, { id, number: `T-${id.slice(-4).toUpperCase()}`, now: NOW, actor: admin, newId });
  for (const [action, input, system] of steps) {
    const result = applyAction(workflow, order, action, input ?? {}, { viewer: admin, now: NOW, newId, system: system === true });
    if (!result.ok) throw new Error(`step ${action} refused: ${result.refusal.message}`);
    order = result.order;
  }
  return order;
}

/** Lets a test hold the next `runAction`, then fail it or let it through to the real adapter. */
export class GatedApi extends SpyApi {
  private readonly gates: { decision: Promise<void>; entered: () => void }[] = [];

  gate(): { entered: Promise<void>; pass(): void; fail(error: unknown): void } {
    let entered!: () => void;
    const arrived = new Promise<void>((r) => (entered = r));
    let pass!: () => void;
    let fail!: (e: unknown) => void;
    const decision = new Promise<void>((res, rej) => {
      pass = res;
      fail = rej;
    });
    decision.catch(() => undefined);
    this.gates.push({ decision, entered });
    return { entered: arrived, pass, fail };
  }

  override async runAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    const g = this.gates.shift();
    if (!g) return super.runAction(request, options);
    this.calls.runAction.push([request, options]);
    g.entered();
    await g.decision;
    return this.inner.runAction(request, options);
  }
}

export interface Harness {
  readonly el: OrderDetail;
  /** Lets a held `getOrder` through (`holdLoad`). */
  releaseLoad(): void;
  readonly store: OrderStore;
  readonly spy: GatedApi;
  readonly api: LocalOrderApi;
  readonly workflow: WorkflowDefinition;
  readonly order: Order;
  /** Another tab / person on the same database. */
  other(viewer?: Viewer): Promise<LocalOrderApi>;
  close(): Promise<void>;
}

const open: Harness[] = [];

export interface MountOptions {
  readonly viewer?: Viewer;
  readonly draft?: Partial<OrderDraft>;
  readonly steps?: readonly Step[];
  /** More orders in the same database. */
  readonly extra?: readonly Order[];
  readonly maxActions?: number;
  /** Changes the built order before it is stored (data no engine action would produce). */
  readonly transform?: (order: Order) => Order;
  /** The order id to open (default: the built order's). */
  readonly openId?: string;
  /** Hold the first `getOrder` until the test releases it. */
  readonly holdLoad?: boolean;
  /** Make the first `getOrder` fail with this error. */
  readonly failLoad?: unknown;
}

/** Mounts `<order-detail>` on one engine-built order of a preset, with the real local adapter. */
export async function mountDetail(preset: PresetKey, options: MountOptions = {}): Promise<Harness> {
  const workflow = getPreset(preset);
  const viewer = options.viewer ?? admin;
  const built = buildOrder(workflow, draft(options.draft), options.steps ?? []);
  const order = options.transform ? options.transform(built) : built;
  const dbName = `orderdeck-detail-test-${crypto.randomUUID()}`;
  const api = await createLocalApi({ workflow, viewer, dbName, stores: demoStores });
  await api.seed({ orders: [order, ...(options.extra ?? [])], stores: demoStores });
  const opened: LocalOrderApi[] = [api];
  const spy = new GatedApi(api);
  const loadGate = options.holdLoad ? spy.hold('getOrder') : undefined;
  if (options.failLoad) spy.failNext('getOrder', options.failLoad);
  const store = createOrderStore({ api: spy, workflow, viewer });
  const el = await fixture<OrderDetail>(html`<order-detail
    .store=${store}
    order-id=${options.openId ?? order.id}
    .stores=${demoStores}
    .people=${people}
    max-actions=${options.maxActions ?? 3}
  ></order-detail>`);
  if (!options.holdLoad && !options.failLoad && !options.openId) {
    await eventually(() => !!el.shadowRoot?.querySelector('[part~="header"], [part~="error-state"]'));
  }
  const harness: Harness = {
    releaseLoad: () => loadGate?.release(),
    el,
    store,
    spy,
    api,
    workflow,
    order,
    async other(v = viewer) {
      const next = await createLocalApi({ workflow, viewer: v, dbName, stores: demoStores });
      opened.push(next);
      return next;
    },
    async close() {
      store.dispose();
      for (const a of opened) a.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(dbName);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
  open.push(harness);
  return harness;
}

/** The element focused inside shadow roots, all the way down. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Closes every harness a test opened (call in afterEach). */
export async function closeAll(): Promise<void> {
  while (open.length) await open.pop()?.close();
}

// ── Reading what a person sees ──────────────────────────────────────────────────────────────────

export const root = (el: OrderDetail): ShadowRoot => el.shadowRoot as ShadowRoot;

export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text a sighted person reads: without the screen-reader-only words. */
export function visible(node: Element | null | undefined): string {
  const clone = node?.cloneNode(true) as HTMLElement | undefined;
  clone?.querySelectorAll('.sr-only').forEach((n) => n.remove());
  return text(clone);
}

/** A row of the dialog's "After this" preview: the value after the action. */
export function previewValue(el: OrderDetail, row: string): string {
  return visible(dlg(el).querySelector(`.preview [data-row="${row}"] .after`));
}

/** The visible label of a badge (without its screen-reader prefix). */
export function badgeText(el: OrderDetail, part: string): string {
  const badge = root(el).querySelector(`[part~="${part}"]`);
  const clone = badge?.cloneNode(true) as HTMLElement | undefined;
  clone?.querySelector('.sr-only')?.remove();
  return text(clone);
}

export const statusOf = (el: OrderDetail): string => badgeText(el, 'status-badge');

export function totalOf(el: OrderDetail, key: string): string {
  return text(root(el).querySelector(`[data-total="${key}"] dd`));
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const idr = (amount: number): string => squash(formatMoney(money(amount, 'IDR')));
export const myr = (amount: number): string => squash(formatMoney(money(amount, 'MYR')));

/** The keys of the action buttons shown (bar and menu). */
export function shownActions(el: OrderDetail): string[] {
  return [...root(el).querySelectorAll<HTMLElement>('[part~="actions"] [data-action]')].map((b) => b.dataset['action'] ?? '');
}

export function actionButton(el: OrderDetail, key: string): HTMLButtonElement {
  const b = root(el).querySelector<HTMLButtonElement>(`[part~="actions"] [data-action="${key}"]`);
  if (!b) throw new Error(`no "${key}" action; shown: ${shownActions(el).join(', ')}`);
  return b;
}

// ── Acting ──────────────────────────────────────────────────────────────────────────────────────

export const dialogOf = (el: OrderDetail): OrderActionDialog =>
  root(el).querySelector('order-action-dialog') as OrderActionDialog;

export const dlg = (el: OrderDetail): ShadowRoot => dialogOf(el).shadowRoot as ShadowRoot;

export const dialogOpen = (el: OrderDetail): boolean => !!dlg(el).querySelector('dialog')?.open;

/** Clicks an action (opening the "More actions" menu first when it is there). */
export async function clickAction(el: OrderDetail, key: string): Promise<void> {
  const b = actionButton(el, key);
  if (b.getAttribute('role') === 'menuitem') {
    root(el).querySelector<HTMLButtonElement>('[part~="more-button"]')?.click();
    await el.updateComplete;
  }
  b.click();
  await el.updateComplete;
  await dialogOf(el).updateComplete;
}

/** Opens an action's dialog and waits until it shows. */
export async function openDialog(el: OrderDetail, key: string): Promise<ShadowRoot> {
  await clickAction(el, key);
  await eventually(() => dialogOpen(el));
  return dlg(el);
}

function fire(node: HTMLElement, type: string): void {
  node.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

/** Types into a dialog field (`f-<name>`) or sets a select. */
export async function fill(el: OrderDetail, name: string, value: string): Promise<void> {
  const field = dlg(el).querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#f-${name}`);
  if (!field) throw new Error(`no field ${name}`);
  field.value = value;
  fire(field, field instanceof HTMLSelectElement ? 'change' : 'input');
  await dialogOf(el).updateComplete;
}

export async function check(el: OrderDetail, selector: string, on: boolean): Promise<void> {
  const box = dlg(el).querySelector<HTMLInputElement>(selector);
  if (!box) throw new Error(`no checkbox ${selector}`);
  box.checked = on;
  fire(box, 'change');
  await dialogOf(el).updateComplete;
}

export async function submitDialog(el: OrderDetail): Promise<void> {
  const form = dlg(el).querySelector('shipment-form');
  if (form) {
    form.shadowRoot?.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
  } else {
    dlg(el).querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
  }
  await el.updateComplete;
  await dialogOf(el).updateComplete;
}

/** The `<shipment-form>` inside the dialog. */
export function shipmentForm(el: OrderDetail): ShadowRoot {
  const form = dlg(el).querySelector('shipment-form');
  if (!form?.shadowRoot) throw new Error('no shipment-form in the dialog');
  return form.shadowRoot;
}

export async function fillShipment(el: OrderDetail, id: string, value: string): Promise<void> {
  const form = dlg(el).querySelector('shipment-form') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
  const field = shipmentForm(el).querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
  if (!form || !field) throw new Error(`no shipment field ${id}`);
  field.value = value;
  fire(field, field instanceof HTMLSelectElement ? 'change' : 'input');
  await form.updateComplete;
}

export async function checkShipment(el: OrderDetail, selector: string, on: boolean): Promise<void> {
  const form = dlg(el).querySelector('shipment-form') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
  const box = shipmentForm(el).querySelector<HTMLInputElement>(selector);
  if (!form || !box) throw new Error(`no shipment checkbox ${selector}`);
  box.checked = on;
  fire(box, 'change');
  await form.updateComplete;
}

/** Waits until the backend holds `version` (the store's answer arrived). */
export async function settled(h: Harness, version: number): Promise<Order> {
  try {
    await eventually(() => (h.store.getCached(h.order.id)?.version ?? 0) >= version && !h.store.snapshot.inFlight.has(h.order.id));
  } catch {
    const s = h.store.snapshot;
    throw new Error(
      `order not at version ${version}: cached ${h.store.getCached(h.order.id)?.version}, in flight ${[...s.inFlight.values()].join()}, errors ${s.errors.map((e) => e.error.message).join(' | ')}`,
    );
  }
  await h.el.updateComplete;
  return h.api.getOrder(h.order.id);
}

/** Runs a backend (system) action on the order: a courier event, a buyer's request. */
export async function system(h: Harness, action: string, input: unknown): Promise<Order> {
  const current = await h.api.getOrder(h.order.id);
  return h.api.runSystemAction(
    { orderId: current.id, action, input: input as never, expectedVersion: current.version },
    { idempotencyKey: crypto.randomUUID() },
  );
}

export type { OrderApi };
