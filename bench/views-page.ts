/**
 * The in-browser half of `npm run bench:views`: measures the issue-6 views on the local IndexedDB
 * engine (preset confirm-first, an admin) at 10k and 100k orders — `<order-calendar>` month view first
 * render, `<order-shipments>` and `<order-payments>` first and next page, and an `<order-export>` of
 * every order with the page's frame gaps during it against the bare read loop the exporter does (the
 * floor). Every result is checked against an independent count so a wrong-but-fast view cannot pass;
 * the numbers are published on `window.__bench`.
 */
import { deleteDB } from 'idb';
import { createLocalApi, type LocalOrderApi } from '../src/api/index.js';
import type { OrderApi, OrderQuery } from '../src/api/types.js';
import '../src/components/order-calendar/define.js';
import '../src/components/order-export/define.js';
import type { ExportCompleteDetail } from '../src/components/order-export/define.js';
import '../src/components/order-payments/define.js';
import '../src/components/order-shipments/define.js';
import { formatMoney } from '../src/i18n/format.js';
import { demoStores, demoViewers } from '../src/model/generate.js';
import { getPreset } from '../src/model/presets/index.js';
import type { Order, Viewer } from '../src/model/types.js';
import { createOrderStore } from '../src/state/store.js';
import type { OrderStore } from '../src/state/types.js';

interface Measure {
  readonly op: string;
  readonly ms: string;
}

interface SizeResult {
  readonly size: number;
  readonly rows: Measure[];
  /** Free-text findings (long frames during the export and where their time went). */
  readonly notes: string[];
}

/** What the page publishes on `window.__bench` (not declared on `Window`: bench/engine-page.ts declares its own shape). */
interface ViewsBench {
  readonly ok: boolean;
  readonly sizes: SizeResult[];
  readonly errors: string[];
  readonly params: Record<string, string | number>;
}

const PRESET = 'confirm-first';
const workflow = getPreset(PRESET);
const viewer = demoViewers.find((v) => v.role === 'admin') as Viewer;
const params = new URLSearchParams(location.search);
const RUNS = Number(params.get('runs') ?? 3);
const EXPORT_RUNS = Number(params.get('exportRuns') ?? 2);
const CHUNK = 500;
/** Asia/Jakarta has no daylight saving: a month's bounds are fixed +07:00 instants, computed here without the app's zone code. */
const ZONE = 'Asia/Jakarta';
const MONTH = '2026-10';
const MONTH_FROM = '2026-10-01T00:00:00+07:00';
const MONTH_TO = '2026-11-01T00:00:00+07:00';
const READY_TIMEOUT_MS = 120_000;
const LONG_FRAME_MS = 50;

const host = document.getElementById('host') as HTMLElement;
const errors: string[] = [];
let currentSize = 0;

/** A failed check is recorded (the run goes on, so the table still prints) and fails the benchmark. */
function check(condition: boolean, message: string): void {
  if (!condition) errors.push(`${currentSize}: check failed: ${message}`);
}

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]): number => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
};
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
/** "median (min–max)" of the samples, or the one value. */
const summary = (xs: readonly number[]): string => {
  if (xs.length === 1) return fmt(xs[0] as number);
  const s = sorted(xs);
  return `${fmt(median(s))} (${fmt(s[0] as number)}–${fmt(s[s.length - 1] as number)})`;
};

const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Polls `ready` once per animation frame; resolves with `performance.now()` of the first frame it holds. */
async function until(ready: () => boolean, what: string): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (ready()) return performance.now();
    if (performance.now() - start > READY_TIMEOUT_MS) throw new Error(`timed out after ${READY_TIMEOUT_MS} ms waiting for ${what}`);
    await frame();
  }
}

/** The api with a count of calls per method, for "the month render loaded no orders". */
function counting(api: OrderApi): { api: OrderApi; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Map<PropertyKey, unknown>();
  const proxy = new Proxy(api, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        fn = (...args: unknown[]) => {
          calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
  return { api: proxy, calls };
}

/** A fresh store whose first tab counts have landed, so they do not overlap the measurement. */
async function freshStore(api: OrderApi): Promise<OrderStore> {
  const store = createOrderStore({ api, workflow, viewer });
  await until(() => store.snapshot.counts.values !== undefined || store.snapshot.counts.error !== undefined, 'the store tab counts');
  return store;
}

const shadow = (el: Element): ShadowRoot => el.shadowRoot as ShadowRoot;
/** Text with every run of white space (no-break spaces from Intl included) as one space. */
const text = (el: Element | string | null | undefined): string => (typeof el === 'string' ? el : (el?.textContent ?? '')).replace(/\s+/g, ' ').trim();

// ── Independent expectations ─────────────────────────────────────────────────────────────────────

interface Expectations {
  /** Orders of the `all` tab (active, not deleted). */
  readonly allTab: number;
  /** Shipments and payments of every non-deleted order (archived included), as the lists show them. */
  readonly shipments: number;
  readonly payments: number;
  /** Succeeded payments per currency, then per method, in minor units. */
  readonly received: Map<string, Map<string, number>>;
  /** Orders created in the benchmark month (non-deleted, archived included). */
  readonly createdInMonth: number;
}

/** Reads every non-deleted order once through the api and counts what the views should show. */
async function expectations(api: LocalOrderApi): Promise<Expectations> {
  let shipments = 0;
  let payments = 0;
  let allTab = 0;
  let createdInMonth = 0;
  const received = new Map<string, Map<string, number>>();
  const from = Date.parse(MONTH_FROM);
  const to = Date.parse(MONTH_TO);
  const query: OrderQuery = { archived: 'any' };
  const seen = new Set<string>();
  for (let offset = 0; ; ) {
    const page = await api.listOrders(query, { offset, limit: CHUNK });
    for (const o of page.items as Order[]) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      if (!o.archived) allTab++;
      const created = Date.parse(o.createdAt);
      if (created >= from && created < to) createdInMonth++;
      shipments += o.shipments.length;
      payments += o.payments.length;
      for (const p of o.payments) {
        if (p.status !== 'succeeded') continue;
        const byMethod = received.get(p.amount.currency) ?? new Map<string, number>();
        byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + p.amount.amount);
        received.set(p.amount.currency, byMethod);
      }
    }
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  check(seen.size === (await api.size()), `every stored order read once (${seen.size} of ${await api.size()})`);
  return { allTab, shipments, payments, received, createdInMonth };
}

// ── 1. Calendar ──────────────────────────────────────────────────────────────────────────────────

async function calendarRun(api: LocalOrderApi, expect: Expectations): Promise<number> {
  const counted = counting(api);
  const store = await freshStore(counted.api);
  counted.calls.clear();
  const el = document.createElement('order-calendar');
  el.store = store;
  el.stores = demoStores;
  el.timeZone = ZONE;
  el.view = 'month';
  el.date = `${MONTH}-15`;
  const root = (): ShadowRoot | null => el.shadowRoot;
  const t0 = performance.now();
  host.append(el);
  const t1 = await until(() => {
    const grid = root()?.querySelector('[part~="grid"]');
    return !!grid && grid.getAttribute('aria-busy') === 'false' && !!root()?.querySelector(`[data-day^="${MONTH}"] [part~="count"]`);
  }, 'calendar month counts');
  const r = shadow(el);
  check(!r.querySelector('[part~="error-state"]'), 'calendar shows no error');
  let created = 0;
  let days = 0;
  for (const cell of r.querySelectorAll<HTMLElement>(`[role="gridcell"][data-day^="${MONTH}"]`)) {
    days++;
    const count = cell.querySelector<HTMLElement>('[part~="count"][data-kind="created"]');
    if (count) created += Number(count.dataset.count);
  }
  check(days === 31, `October has 31 day cells (${days})`);
  check(created === expect.createdInMonth, `calendar created total ${created} = orders created in ${MONTH} ${expect.createdInMonth}`);
  const listed = (await api.listOrders({ from: MONTH_FROM, to: MONTH_TO, archived: 'any' }, { offset: 0, limit: 1 })).total;
  check(created === listed, `calendar created total ${created} = listOrders(from/to ${MONTH}).total ${listed}`);
  const listCalls = counted.calls.get('listOrders') ?? 0;
  const getCalls = counted.calls.get('getOrder') ?? 0;
  check(listCalls === 0 && getCalls === 0, `month render loaded no orders (listOrders ${listCalls}, getOrder ${getCalls})`);
  check((counted.calls.get('calendar') ?? 0) >= 1, 'month render asked for calendar buckets');
  el.remove();
  store.dispose();
  return t1 - t0;
}

// ── 2. Shipments and payments ────────────────────────────────────────────────────────────────────

type ListTag = 'order-shipments' | 'order-payments';

/** Ids of the rows shown (shipment or payment ids). */
function rowIds(el: Element, tag: ListTag): string[] {
  const attr = tag === 'order-shipments' ? 'data-shipment' : 'data-payment';
  return [...(el.shadowRoot?.querySelectorAll(`tr[part~="row"][${attr}]`) ?? [])].map((tr) => tr.getAttribute(attr) ?? '');
}

/** The strip's text per currency: the grand total and each method's amount. */
function stripTotals(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of shadow(el).querySelectorAll('[part~="currency-total"]')) {
    const label = group.getAttribute('aria-label') ?? '';
    out.set(`${label}|total`, text(group.querySelector('[part~="grand-total"] dd')));
    for (const m of group.querySelectorAll<HTMLElement>('[part~="method-total"]')) out.set(`${label}|${m.dataset.method}`, text(m.querySelector('dd')));
  }
  return out;
}

function expectedStrip(expect: Expectations, el: Element): Map<string, string> {
  const out = new Map<string, string>();
  // The group labels are the element's own ("Received in IDR"); match them by currency code.
  const labels = [...shadow(el).querySelectorAll('[part~="currency-total"]')].map((g) => g.getAttribute('aria-label') ?? '');
  for (const [currency, byMethod] of expect.received) {
    const label = labels.find((l) => l.endsWith(` ${currency}`)) ?? `(no group for ${currency})`;
    let sum = 0;
    for (const [method, amount] of byMethod) {
      sum += amount;
      out.set(`${label}|${method}`, text(formatMoney({ amount, currency })));
    }
    out.set(`${label}|total`, text(formatMoney({ amount: sum, currency })));
  }
  return out;
}

async function listRun(api: LocalOrderApi, tag: ListTag, expect: Expectations): Promise<{ first: number; next: number }> {
  const store = await freshStore(api);
  const size = 50;
  const want =
    tag === 'order-shipments'
      ? [api.listShipments({}, { offset: 0, limit: size }), api.listShipments({}, { offset: size, limit: size })]
      : [api.listPayments({}, { offset: 0, limit: size }), api.listPayments({}, { offset: size, limit: size })];
  const [page1, page2] = await Promise.all(want);
  const id = (row: { shipment?: { id: string }; payment?: { id: string } }): string => row.shipment?.id ?? row.payment?.id ?? '';
  const ids1 = page1!.items.map(id);
  const ids2 = page2!.items.map(id);
  const total = tag === 'order-shipments' ? expect.shipments : expect.payments;
  check(page1!.total === total, `${tag}: backend total ${page1!.total} = ${total} counted over the orders`);
  check(ids2.length > 0, `${tag}: a second page exists`);

  const el = document.createElement(tag);
  el.store = store;
  el.stores = demoStores;
  el.timeZone = ZONE;
  const t0 = performance.now();
  host.append(el);
  const t1 = await until(() => {
    const shown = rowIds(el, tag);
    return shown.length === ids1.length && !!el.shadowRoot?.querySelector('[part~="pagination"]');
  }, `${tag} first page`);
  check(rowIds(el, tag).join() === ids1.join(), `${tag}: first page shows the backend's first 50 rows in order`);
  const table = shadow(el).querySelector('[part~="table"]');
  check(Number(table?.getAttribute('aria-rowcount')) - 1 === total, `${tag}: aria-rowcount says ${total} rows`);
  if (tag === 'order-payments') {
    const shown = stripTotals(el);
    const wanted = expectedStrip(expect, el);
    const diff = [...new Set([...shown.keys(), ...wanted.keys()])].filter((k) => shown.get(k) !== wanted.get(k));
    check(diff.length === 0, `payments totals strip = sum over the orders' succeeded payments; differs at ${diff.map((k) => `${k}: shown ${shown.get(k)} vs ${wanted.get(k)}`).join('; ')}`);
    check(wanted.size > 0, 'some payments were received');
  }

  const next = shadow(el).querySelector<HTMLButtonElement>('[part~="next-button"]');
  check(!!next && !next.disabled, `${tag}: Next is enabled`);
  const first1 = ids1[0];
  const t2 = performance.now();
  next?.click();
  const t3 = await until(() => {
    const shown = rowIds(el, tag);
    return shown.length === ids2.length && shown[0] !== first1;
  }, `${tag} next page`);
  check(rowIds(el, tag).join() === ids2.join(), `${tag}: next page shows the backend's rows 51–100 in order`);
  el.remove();
  store.dispose();
  return { first: t1 - t0, next: t3 - t2 };
}

// ── 3. Export ────────────────────────────────────────────────────────────────────────────────────

/** The exporter's query: the store's (`all`, confirm-first's first tab), oldest first. */
const EXPORT_QUERY: OrderQuery = { tab: 'all', sort: { field: 'createdAt', direction: 'asc' } };

/** The bare loop the exporter does, without UI or CSV: every page of 500 through the store. */
async function floorRun(api: LocalOrderApi, expect: Expectations): Promise<{ ms: number; gaps: number[] }> {
  const store = await freshStore(api);
  check(JSON.stringify(store.snapshot.query) === JSON.stringify({ tab: 'all' }), `the store starts on the all tab (${JSON.stringify(store.snapshot.query)})`);
  await collectedHeapMb();
  await frame();
  const frames = frameGaps();
  const t0 = performance.now();
  let read = 0;
  for (let offset = 0; ; ) {
    const page = await store.listOrders({ ...store.snapshot.query, ...EXPORT_QUERY }, { offset, limit: CHUNK });
    read += page.items.length;
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  const ms = performance.now() - t0;
  const gaps = frames.stop();
  check(read === expect.allTab, `floor loop read ${read} = ${expect.allTab} orders`);
  store.dispose();
  return { ms, gaps };
}

/**
 * Records the time between requestAnimationFrame callbacks from now until `stop()`, which adds the
 * stretch from the last frame to the stop (so a freeze at the very end counts too).
 */
function frameGaps(): { stop: () => number[] } {
  const gaps: number[] = [];
  let running = true;
  let last = performance.now();
  const loop = (): void => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return {
    stop: () => {
      running = false;
      gaps.push(performance.now() - last);
      return gaps;
    },
  };
}

/** The node script may hook the export (a CPU profile with BENCH_PROFILE); absent otherwise. */
async function hook(event: 'export-start' | 'export-end', size: number): Promise<void> {
  const fn = (window as unknown as { __benchHook?: (event: string, size: number) => Promise<void> }).__benchHook;
  if (fn) await fn(event, size);
}

/** A long animation frame's scripts, the costliest first: where the time of a frozen frame went. */
interface LoafScript {
  readonly duration: number;
  readonly invoker: string;
  readonly source: string;
}
interface Loaf {
  readonly start: number;
  readonly duration: number;
  readonly blocking: number;
  readonly scripts: LoafScript[];
  readonly renderMs: number;
}

interface ExportResult {
  readonly ms: number;
  readonly detail: ExportCompleteDetail;
  readonly gaps: number[];
  readonly loafs: Loaf[];
  readonly longTasks: number[];
  /** JS heap in use, MB (Chromium's `performance.memory`): after a GC before the export, when export-complete fired, after a GC once the element is gone. */
  readonly heap: readonly (number | undefined)[];
}

/** Chromium's non-standard heap figure: MB of JS heap in use (garbage not yet collected included). */
function heapMb(): number | undefined {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1e6 : undefined;
}

/** A full garbage collection when Chromium runs with `--js-flags=--expose-gc` (bench/views.mjs passes it), then the heap in use. */
async function collectedHeapMb(): Promise<number | undefined> {
  const gc = (window as unknown as { gc?: () => void }).gc;
  if (!gc) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  return heapMb();
}

async function exportRun(api: LocalOrderApi, size: number): Promise<ExportResult> {
  const store = await freshStore(api);
  const el = document.createElement('order-export');
  el.store = store;
  el.stores = demoStores;
  el.modal = true;
  host.append(el);
  await el.updateComplete;
  await el.show();
  const root = shadow(el);
  const button = await until(() => {
    const b = root.querySelector<HTMLButtonElement>('[part~="export-button"]');
    return !!b && !b.disabled;
  }, 'an enabled Export button').then(() => root.querySelector<HTMLButtonElement>('[part~="export-button"]') as HTMLButtonElement);
  // Let the "Current view (N orders)" count request finish first.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await frame();

  const loafs: Loaf[] = [];
  const longTasks: number[] = [];
  const loafObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      blockingDuration?: number;
      renderStart?: number;
      scripts?: (PerformanceEntry & { invoker?: string; sourceURL?: string; sourceFunctionName?: string; sourceCharPosition?: number })[];
    })[]) {
      loafs.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration ?? 0,
        renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
        scripts: (e.scripts ?? []).map((s) => ({
          duration: s.duration,
          invoker: s.invoker ?? '',
          source: `${s.sourceFunctionName || '(anonymous)'} ${(s.sourceURL ?? '').replace(location.origin, '').replace(/\?.*$/, '')}:${s.sourceCharPosition ?? ''}`,
        })),
      });
    }
  });
  const taskObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  try {
    loafObserver.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // Not supported: no attribution, the gaps still say how long the page froze.
  }
  try {
    taskObserver.observe({ type: 'longtask', buffered: false });
  } catch {
    // Not supported.
  }

  const done = new Promise<{ at: number; detail: ExportCompleteDetail }>((resolve) => {
    el.addEventListener(
      'export-complete',
      (event) => {
        event.preventDefault(); // nothing downloads
        resolve({ at: performance.now(), detail: event.detail });
      },
      { once: true },
    );
  });
  const heapBefore = await collectedHeapMb();
  await hook('export-start', size);
  // A few quiet frames, so the frame of the forced GC is over before the export starts.
  for (let i = 0; i < 3; i++) await frame();
  const frames = frameGaps();
  const t0 = performance.now();
  button.click();
  const { at, detail } = await done;
  const gaps = frames.stop();
  const heap = heapMb();
  await hook('export-end', size);
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 100));
  loafObserver.disconnect();
  taskObserver.disconnect();
  el.close();
  el.remove();
  store.dispose();
  const heapAfter = await collectedHeapMb();
  return { ms: at - t0, detail, gaps, loafs: loafs.filter((l) => l.start > t0 - 20 && l.start <= at), longTasks, heap: [heapBefore, heap, heapAfter] };
}

function describeLoafs(loafs: readonly Loaf[]): string[] {
  const worst = [...loafs].sort((a, b) => b.duration - a.duration).slice(0, 3);
  return worst.map((l) => {
    const scripts = [...l.scripts]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((s) => `${s.duration.toFixed(0)} ms ${s.invoker} → ${s.source}`)
      .join('; ');
    return `long animation frame ${l.duration.toFixed(0)} ms (blocking ${l.blocking.toFixed(0)} ms, style/layout/paint ${l.renderMs.toFixed(0)} ms): ${scripts || 'no script attributed'}`;
  });
}

// ── Driver ───────────────────────────────────────────────────────────────────────────────────────

async function runSize(size: number): Promise<SizeResult> {
  currentSize = size;
  const rows: Measure[] = [];
  const notes: string[] = [];
  const dbName = `bench-views-${size}-${Date.now()}`;
  let api: LocalOrderApi | undefined;
  try {
    api = await createLocalApi({ workflow, viewer, dbName, stores: demoStores });
    const t0 = performance.now();
    await api.seed({ preset: PRESET, count: size, seed: 1 });
    rows.push({ op: `seed ${PRESET} (generate + write + index)`, ms: fmt(performance.now() - t0) });
    check((await api.size()) === size, 'size after seed');

    const t1 = performance.now();
    const expect = await expectations(api);
    rows.push({ op: 'independent pass: read every order through the api', ms: fmt(performance.now() - t1) });
    notes.push(
      `${expect.allTab} orders on the all tab, ${expect.createdInMonth} created in ${MONTH} (${ZONE}), ${expect.shipments} shipments, ${expect.payments} payments`,
    );

    const cal: number[] = [];
    for (let i = 0; i < RUNS; i++) cal.push(await calendarRun(api, expect));
    rows.push({ op: `calendar: month ${MONTH} first render (mount → counts)`, ms: summary(cal) });

    for (const tag of ['order-shipments', 'order-payments'] as const) {
      const first: number[] = [];
      const next: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await listRun(api, tag, expect);
        first.push(r.first);
        next.push(r.next);
      }
      const name = tag === 'order-shipments' ? 'shipments' : 'payments';
      rows.push({ op: `${name}: first page of 50 (mount → rows)`, ms: summary(first) });
      rows.push({ op: `${name}: next page (click → rows)`, ms: summary(next) });
    }

    // The floor first reads once cold (it builds the engine's createdAt-ascending order for the
    // query), so export and the floor it is compared with both run on a warm engine.
    const cold = await floorRun(api, expect);
    rows.push({ op: 'floor, cold: store.listOrders all tab by 500, no UI/CSV', ms: fmt(cold.ms) });
    const exports: ExportResult[] = [];
    const floors: { ms: number; gaps: number[] }[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const r = await exportRun(api, size);
      exports.push(r);
      check(r.detail.orders === expect.allTab, `export wrote ${r.detail.orders} orders = ${expect.allTab} on the all tab`);
      check(r.detail.rows === expect.allTab, `export wrote ${r.detail.rows} rows = ${expect.allTab} orders (one row per order)`);
      check(r.detail.bytes === r.detail.blob.size && r.detail.bytes > 0, 'export bytes = blob size');
      floors.push(await floorRun(api, expect));
    }
    const exportMs = exports.map((r) => r.ms);
    const floorMs = median(floors.map((f) => f.ms));
    const allGaps = exports.flatMap((r) => r.gaps);
    const runsNote = EXPORT_RUNS > 1 ? `, median of ${EXPORT_RUNS}` : '';
    rows.push({ op: `floor, warm${runsNote}`, ms: fmt(floorMs) });
    rows.push({ op: `export all orders to CSV (click → export-complete)${runsNote}`, ms: fmt(median(exportMs)) });
    rows.push({ op: 'export / floor (warm)', ms: `${(median(exportMs) / floorMs).toFixed(2)}×` });
    rows.push({ op: 'export: rows written', ms: exports.map((r) => r.detail.rows.toLocaleString('en')).join(' / ') });
    rows.push({ op: 'export: file size (MB)', ms: (exports[0]!.detail.bytes / 1e6).toFixed(1) });
    rows.push({ op: 'export: frames seen during the export', ms: exports.map((r) => String(r.gaps.length)).join(' / ') });
    rows.push({ op: 'export: longest frame gap', ms: exports.map((r) => fmt(Math.max(...r.gaps))).join(' / ') });
    rows.push({ op: 'export: p95 frame gap', ms: exports.map((r) => fmt(quantile(r.gaps, 0.95))).join(' / ') });
    rows.push({ op: 'export: median frame gap', ms: exports.map((r) => fmt(median(r.gaps))).join(' / ') });
    rows.push({ op: 'export: last gap (last frame → export-complete: builds the Blob)', ms: exports.map((r) => fmt(r.gaps[r.gaps.length - 1] ?? Number.NaN)).join(' / ') });
    rows.push({ op: `export: long frames (gap > ${LONG_FRAME_MS} ms)`, ms: exports.map((r) => String(r.gaps.filter((g) => g > LONG_FRAME_MS).length)).join(' / ') });
    rows.push({ op: 'export: long tasks (> 50 ms), longest', ms: exports.map((r) => `${r.longTasks.length}, ${r.longTasks.length ? fmt(Math.max(...r.longTasks)) : '—'}`).join(' / ') });
    rows.push({
      op: 'export: JS heap MB (before, after GC → at export-complete → element gone, after GC)',
      ms: exports.map((r) => r.heap.map((h) => (h === undefined ? '—' : h.toFixed(0))).join(' → ')).join(' / '),
    });
    rows.push({ op: 'floor (warm): longest frame gap', ms: floors.map((f) => fmt(Math.max(...f.gaps))).join(' / ') });
    rows.push({ op: `floor (warm): long frames (gap > ${LONG_FRAME_MS} ms)`, ms: floors.map((f) => String(f.gaps.filter((g) => g > LONG_FRAME_MS).length)).join(' / ') });
    const worst = Math.max(...allGaps);
    if (worst > 200) {
      notes.push(`the page froze during the export: longest frame gap ${fmt(worst)} ms`);
      for (const r of exports) notes.push(...describeLoafs(r.loafs));
    } else {
      for (const r of exports) notes.push(...describeLoafs(r.loafs).slice(0, 1));
    }
  } finally {
    api?.close();
    await deleteDB(dbName);
  }
  return { size, rows, notes };
}

async function main(): Promise<void> {
  const sizes: SizeResult[] = [];
  const wanted = (params.get('sizes') ?? '10000,100000').split(',').map(Number);
  for (const size of wanted) {
    try {
      sizes.push(await runSize(size));
    } catch (e) {
      errors.push(`${size}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  const bench: ViewsBench = { ok: errors.length === 0, sizes, errors, params: { runs: RUNS, exportRuns: EXPORT_RUNS, month: MONTH, zone: ZONE } };
  (window as unknown as { __bench?: ViewsBench }).__bench = bench;
}

void main();
