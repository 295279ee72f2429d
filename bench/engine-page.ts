/**
 * The in-browser half of `npm run bench:engine`: measures the local IndexedDB engine at 1k, 10k and
 * 100k orders (seed, reopen, pages, search, sort, counts, one action, one 50-order bulk action), checks
 * every result so a wrong-but-fast engine cannot pass, and publishes the numbers on `window.__bench`.
 */
import { deleteDB } from 'idb';
import { createLocalApi, type LocalOrderApi } from '../src/api/index.js';
import type { OrderQuery } from '../src/api/types.js';
import { matchesFilter } from '../src/model/filter.js';
import { demoStores, demoViewers, generateOrders } from '../src/model/generate.js';
import { getPreset } from '../src/model/presets/index.js';
import type { Order, Viewer } from '../src/model/types.js';

interface Measure {
  readonly op: string;
  readonly ms: number | string;
}

interface SizeResult {
  readonly size: number;
  readonly rows: Measure[];
}

declare global {
  interface Window {
    __bench?: { ok: boolean; sizes: SizeResult[]; errors: string[] };
  }
}

const PRESET = 'marketplace';
const workflow = getPreset(PRESET);
const viewer = demoViewers.find((v) => v.role === 'admin') as Viewer;
const SAMPLES = 7;

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`check failed: ${message}`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** The first run (cold: the query is new to the cache) and the median of warm repeats. */
async function coldWarm<T>(fn: () => Promise<T>, verify: (value: T) => void): Promise<string> {
  const cold = await time(fn);
  verify(cold.value);
  const warm: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const r = await time(fn);
    verify(r.value);
    warm.push(r.ms);
  }
  return `${cold.ms.toFixed(1)} / ${median(warm).toFixed(2)}`;
}

const page = (api: LocalOrderApi, query: OrderQuery) => () => api.listOrders(query, { offset: 0, limit: 50 });

async function runSize(size: number): Promise<SizeResult> {
  const rows: Measure[] = [];
  const dbName = `bench-engine-${size}-${Date.now()}`;
  const open = () => createLocalApi({ workflow, viewer, dbName, stores: demoStores });
  try {
    const gen = await time(async () => generateOrders({ preset: PRESET, count: size, seed: 1 }));
    const orders: Order[] = gen.value;
    rows.push({ op: 'seed: generate', ms: gen.ms.toFixed(0) });
    let api = await open();
    const write = await time(() => api.seed({ orders, stores: demoStores }));
    rows.push({ op: 'seed: validate + write + index', ms: write.ms.toFixed(0) });
    check((await api.size()) === size, 'size after seed');

    const reopen: number[] = [];
    for (let i = 0; i < 3; i++) {
      api.close();
      const r = await time(open);
      api = r.value;
      reopen.push(r.ms);
    }
    rows.push({ op: 'reopen (load + validate + index), median of 3', ms: median(reopen).toFixed(0) });
    check((await api.size()) === size, 'size after reopen');
    check(api.problems.length === 0, 'no malformed orders');

    // Brute-force expectations, computed from the generated orders before anything is written.
    const expectTotal = (tab: string): number => {
      const filter = workflow.tabs.find((t) => t.key === tab)?.filter ?? {};
      return orders.filter((o) => matchesFilter(o, filter)).length;
    };
    for (const tab of ['all', 'new', 'shipped']) {
      const expected = expectTotal(tab);
      rows.push({
        op: `page 50, tab ${tab} (cold / warm)`,
        ms: await coldWarm(page(api, { tab }), (p) => {
          check(p.total === expected, `tab ${tab} total ${p.total} ≠ ${expected}`);
          check(p.items.length === Math.min(50, expected), `tab ${tab} page length`);
          check(p.items.every((o, i, a) => i === 0 || Date.parse((a[i - 1] as Order).createdAt) >= Date.parse(o.createdAt)), 'newest first');
        }),
      });
    }

    const sample = orders[Math.floor(size / 3)] as Order;
    const fragment = sample.customer.name.split(' ')[0]?.slice(0, 4).toLowerCase() ?? 'a';
    const expectedByName = orders.filter((o) => o.deletedAt === undefined && !o.archived && matchesFilter(o, {}) &&
      [o.number, o.customer.name, o.customer.phone ?? '', demoStores.find((s) => s.id === o.storeId)?.name ?? '',
        ...o.shipments.flatMap((s) => [s.trackingNumber ?? '', s.airWaybill ?? ''])].some((t) => t.toLowerCase().includes(fragment))).length;
    rows.push({
      op: 'search customer-name fragment (cold / warm)',
      ms: await coldWarm(page(api, { tab: 'all', search: fragment }), (p) => {
        check(p.total === expectedByName, `search total ${p.total} ≠ ${expectedByName}`);
        check(p.total > 0, 'search finds something');
      }),
    });
    rows.push({
      op: 'search an order number (cold / warm)',
      ms: await coldWarm(page(api, { tab: 'all', archived: 'any', search: sample.number }), (p) => {
        check(p.items.some((o) => o.id === sample.id), 'number search finds the order');
      }),
    });
    rows.push({
      op: 'sort by total desc (cold builds the index / warm)',
      ms: await coldWarm(page(api, { tab: 'all', sort: { field: 'total', direction: 'desc' } }), (p) => {
        check(p.items.every((o, i, a) => i === 0 || (a[i - 1] as Order).totals.total.amount >= o.totals.total.amount), 'total desc');
        check(p.total === expectTotal('all'), 'sort keeps the total');
      }),
    });
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    rows.push({
      op: 'sort by customer asc (cold builds the index / warm)',
      ms: await coldWarm(page(api, { tab: 'all', sort: { field: 'customer', direction: 'asc' } }), (p) => {
        check(p.items.every((o, i, a) => i === 0 || collator.compare((a[i - 1] as Order).customer.name, o.customer.name) <= 0), 'customer asc');
      }),
    });
    rows.push({
      op: `countTabs, ${workflow.tabs.length} tabs (cold / warm)`,
      ms: await coldWarm(() => api.countTabs({}), (counts) => {
        for (const tab of workflow.tabs) check(counts[tab.key] === expectTotal(tab.key), `count ${tab.key}`);
      }),
    });
    rows.push({
      op: 'countTabs with search (cold / warm)',
      ms: await coldWarm(() => api.countTabs({ search: fragment }), (counts) => {
        check(counts.all === expectedByName, 'count with search');
      }),
    });

    // Writes: each sample uses a fresh idempotency key; the next query pays the cache invalidation.
    const actionTimes: number[] = [];
    const afterWrite: number[] = [];
    const targets = (await api.listOrders({ tab: 'all' }, { offset: 0, limit: SAMPLES })).items;
    for (const [i, target] of targets.entries()) {
      const r = await time(() =>
        api.runAction(
          { orderId: target.id, action: 'add-note', input: { text: `bench ${i}` }, expectedVersion: target.version },
          { idempotencyKey: `bench-note-${size}-${i}` },
        ),
      );
      check(r.value.version === target.version + 1, 'action bumps the version once');
      actionTimes.push(r.ms);
      const q = await time(page(api, { tab: 'new' }));
      check(q.value.items.length === Math.min(50, q.value.total), 'page after write');
      afterWrite.push(q.ms);
    }
    rows.push({ op: 'runAction add-note (median)', ms: median(actionTimes).toFixed(2) });
    rows.push({ op: 'page 50 right after a write (median)', ms: median(afterWrite).toFixed(2) });

    const bulkTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const batch = (await api.listOrders({ tab: 'new' }, { offset: 0, limit: 50 })).items;
        if (batch.length < 50) break;
      const r = await time(() =>
        api.runBulkAction({ orderIds: batch.map((o) => o.id), action: 'pack' }, { idempotencyKey: `bench-pack-${size}-${i}` }),
      );
      check(r.value.length === 50 && r.value.every((x) => x.ok), 'bulk pack: 50 ok results');
      bulkTimes.push(r.ms);
    }
    check(bulkTimes.length > 0, 'at least 50 orders in the new tab for a bulk sample');
    rows.push({ op: 'runBulkAction pack × 50 (median of up to 3)', ms: median(bulkTimes).toFixed(1) });
    const newCount = (await api.countTabs({})).new;
    check(newCount === expectTotal('new') - 50 * bulkTimes.length, `new tab shrank by the packed orders (${newCount})`);
    api.close();
  } finally {
    await deleteDB(dbName);
  }
  return { size, rows };
}

async function main(): Promise<void> {
  const sizes: SizeResult[] = [];
  const errors: string[] = [];
  const wanted = (new URLSearchParams(location.search).get('sizes') ?? '1000,10000,100000').split(',').map(Number);
  for (const size of wanted) {
    try {
      sizes.push(await runSize(size));
    } catch (e) {
      errors.push(`${size}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  window.__bench = { ok: errors.length === 0, sizes, errors };
}

void main();
