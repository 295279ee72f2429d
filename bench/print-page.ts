/**
 * The in-browser half of `npm run bench:print`: on the local IndexedDB engine (preset marketplace, an
 * admin) with 1,000 orders, prepares per-order picking lists and air waybills the way `<order-print>`
 * does — load the orders through the store (`loadOrders`), build the document and its barcodes in time
 * slices (`prepareDocument`), lay every page out in the print frame (`PrintFrame.build`) — and records
 * the wall time of each stage and the longest main-thread task during the run (Long Tasks API, plus
 * the longest gap between animation frames). Correctness is checked before timing: the sliced result
 * must equal the one-shot build, and the page and label counts must match an independent count.
 * Results are published on `window.__bench`.
 */
import { deleteDB } from 'idb';
import { createLocalApi } from '../src/api/index.js';
import { PrintFrame } from '../src/components/order-print/print-frame.js';
import { prepareDocument } from '../src/components/order-print/prepare.js';
import { demoStores, demoViewers } from '../src/model/generate.js';
import { buildDocument } from '../src/model/print/build.js';
import type { PrintContext } from '../src/model/print/types.js';
import { getPreset } from '../src/model/presets/index.js';
import type { Order, PrintDocumentKind, Viewer } from '../src/model/types.js';
import { createOrderStore } from '../src/state/store.js';

interface Row {
  readonly op: string;
  readonly ms: string;
}

const params = new URLSearchParams(location.search);
const SIZE = Number(params.get('size') ?? 1000);
const RUNS = Number(params.get('runs') ?? 3);
const LIMIT_MS = 50;
const viewer = demoViewers.find((v) => v.role === 'admin') as Viewer;
const workflow = getPreset('marketplace');
const ctx: PrintContext = { stores: new Map(demoStores.map((s) => [s.id, s])), now: '2026-11-22T10:00:00.000Z' };
const errors: string[] = [];
const check = (ok: boolean, what: string): void => {
  if (!ok) errors.push(what);
};

/** Longest task (Long Tasks API reports tasks over 50 ms) and longest frame gap while `run` runs. */
async function watched<T>(run: () => Promise<T>): Promise<{ value: T; longestTask: number; longestFrame: number }> {
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTask = Math.max(longestTask, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let longestFrame = 0;
  let last = performance.now();
  let on = true;
  const frame = (t: number): void => {
    longestFrame = Math.max(longestFrame, t - last);
    last = t;
    if (on) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  try {
    const value = await run();
    return { value, longestTask, longestFrame };
  } finally {
    on = false;
    // Long task entries are delivered asynchronously: give the observer a turn before reading.
    await new Promise((r) => setTimeout(r, 50));
    for (const e of observer.takeRecords()) longestTask = Math.max(longestTask, e.duration);
    observer.disconnect();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (xs: number[]): string => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const pickable = (o: Order): number => o.lines.reduce((n, l) => n + Math.max(0, l.quantity.ordered - l.quantity.rejected - l.quantity.shipped), 0);

async function main(): Promise<void> {
  const dbName = `bench-print-${Date.now()}`;
  const api = await createLocalApi({ workflow, viewer, dbName });
  await api.seed({ preset: 'marketplace', count: Math.ceil(SIZE * 1.3), seed: 9 });
  const store = createOrderStore({ api, workflow, viewer });
  const ids = (await api.listOrders({ tab: 'all', archived: 'any', sort: { field: 'createdAt', direction: 'asc' } }, { offset: 0, limit: SIZE })).items.map((o) => o.id);
  check(ids.length === SIZE, `expected ${SIZE} orders, got ${ids.length}`);
  const host = document.getElementById('host') as HTMLElement;
  const rows: Row[] = [];
  // The observer must see a long task when there is one, or "0" proves nothing: block for 120 ms once.
  const calibration = await watched(async () => {
    await new Promise((r) => setTimeout(r, 20));
    const end = performance.now() + 120;
    while (performance.now() < end);
    await new Promise((r) => setTimeout(r, 20));
  });
  check(calibration.longestTask >= 100, `the Long Tasks observer missed a 120 ms task (saw ${calibration.longestTask.toFixed(0)} ms)`);
  rows.push({ op: 'calibration: a 120 ms busy loop as the observer sees it', ms: calibration.longestTask.toFixed(0) });
  const verdicts: string[] = [];

  for (const kind of ['picking-list', 'awb'] as PrintDocumentKind[]) {
    // Correctness first: the sliced preparation equals the one-shot build, and counts match.
    const { orders } = await store.loadOrders({ orderIds: ids });
    const prepared = await prepareDocument(kind, orders, ctx);
    check(JSON.stringify(prepared.document) === JSON.stringify(buildDocument(kind, orders, ctx)), `${kind}: sliced build differs from the one-shot build`);
    if (kind === 'picking-list') check(prepared.pages === orders.filter((o) => pickable(o) > 0).length, 'picking-list: one page per order with units to pick');
    if (kind === 'awb') {
      const live = new Set(['booked', 'searching', 'assigned', 'picked-up', 'in-transit', 'out-for-delivery']);
      const want = orders.reduce((n, o) => n + (o.shipments.some((s) => live.has(s.status)) ? o.shipments.filter((s) => live.has(s.status)).length : pickable(o) > 0 ? 1 : 0), 0);
      check(prepared.pages === want, `awb: ${prepared.pages} labels, expected ${want}`);
    }
    const check1 = new PrintFrame(host);
    await check1.build(prepared, kind === 'awb' ? 'label' : 'a4', { title: 't', lang: 'en' });
    check(check1.document.querySelectorAll('article.page').length === prepared.pages, `${kind}: every page laid out in the print frame`);
    check(check1.document.querySelectorAll('svg.barcode').length >= prepared.pages, `${kind}: barcodes drawn`);
    check1.remove();

    const load: number[] = [];
    const prep: number[] = [];
    const layout: number[] = [];
    const total: number[] = [];
    const tasks: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh store each run, so loading really reads the backend.
      const fresh = createOrderStore({ api, workflow, viewer });
      const frame = new PrintFrame(host);
      const w = await watched(async () => {
        const t0 = performance.now();
        const batch = await fresh.loadOrders({ orderIds: ids });
        const t1 = performance.now();
        const p = await prepareDocument(kind, batch.orders, ctx);
        const t2 = performance.now();
        await frame.build(p, kind === 'awb' ? 'label' : 'a4', { title: 'bench', lang: 'en' });
        const t3 = performance.now();
        return [t1 - t0, t2 - t1, t3 - t2, t3 - t0] as const;
      });
      frame.remove();
      fresh.dispose();
      load.push(w.value[0]);
      prep.push(w.value[1]);
      layout.push(w.value[2]);
      total.push(w.value[3]);
      tasks.push(w.longestTask);
      frames.push(w.longestFrame);
    }
    const worst = Math.max(...tasks);
    rows.push(
      { op: `${kind}: load ${SIZE} orders (store.loadOrders)`, ms: fmt(load) },
      { op: `${kind}: build + barcodes (prepareDocument)`, ms: fmt(prep) },
      { op: `${kind}: lay out ${prepared.pages} pages in the print frame`, ms: fmt(layout) },
      { op: `${kind}: total`, ms: fmt(total) },
      { op: `${kind}: longest task (Long Tasks API; 0 = none over 50 ms)`, ms: fmt(tasks) },
      { op: `${kind}: longest gap between frames`, ms: fmt(frames) },
    );
    verdicts.push(`${worst <= LIMIT_MS ? 'PASS' : 'FAIL'} ${kind}: longest main-thread task ${worst.toFixed(0)} ms (limit ${LIMIT_MS} ms)`);
  }
  store.dispose();
  api.close();
  await deleteDB(dbName);
  (window as unknown as { __bench: unknown }).__bench = { ok: errors.length === 0, errors, rows, verdicts, params: { size: SIZE, runs: RUNS } };
}

main().catch((e: unknown) => {
  (window as unknown as { __bench: unknown }).__bench = { ok: false, errors: [String(e instanceof Error ? e.stack : e)], rows: [], verdicts: [], params: {} };
});
