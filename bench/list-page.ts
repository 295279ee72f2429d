/**
 * The in-browser half of `npm run bench:list`: mounts `<order-table>`, the floor and `<vaadin-grid>`
 * side by side on the same in-memory orders and times each scenario in the page, from just before the
 * change to `requestAnimationFrame(() => setTimeout(end))` after the table shows the right rows. The
 * implementations alternate sample by sample. Every measurement is checked against the data (row
 * text, row count, selection, status) and a wrong table fails the run. `bench/list.mjs` drives it.
 */
import type { SortSpec } from '../src/api/types.js';
import { resolveText } from '../src/i18n/text.js';
import { demoStores, generateOrders } from '../src/model/generate.js';
import { getPreset, type PresetKey } from '../src/model/presets/index.js';
import type { Order } from '../src/model/types.js';
import { FloorTable } from './list/impl-floor.js';
import { LitVirtTable } from './list/impl-litvirt.js';
import { OursTable } from './list/impl-ours.js';
import { VaadinTable } from './list/impl-vaadin.js';
import { ROW_HEIGHT, VIEW_HEIGHT, type TableImpl } from './list/impl.js';
import { MemoryOrders } from './list/memory-orders.js';

export const PRESET: PresetKey = 'marketplace';
const workflow = getPreset(PRESET);

/** Samples of one scenario for one implementation, in ms (frame times for scroll). */
export interface ImplResult {
  readonly name: string;
  readonly samples: number[];
  /** Scroll only. */
  readonly blankFrames?: number;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly size: number;
  readonly impls: ImplResult[];
  readonly errors: string[];
}

interface Bench {
  prepare(size: number): Promise<number>;
  run(scenario: string, samples: number): Promise<ScenarioResult>;
  impls(): string[];
}

declare global {
  interface Window {
    __listBench?: Bench;
    __listBenchVariants?: Record<string, () => TableImpl>;
  }
}

const factories: Record<string, () => TableImpl> = {
  'order-table': () => new OursTable(),
  floor: () => new FloorTable(),
  'vaadin-grid': () => new VaadinTable(),
  'lit-virtualizer': () => new LitVirtTable(),
};

const wanted = (new URLSearchParams(location.search).get('impls') ?? 'order-table,floor,vaadin-grid').split(',');

let data: MemoryOrders | undefined;
let size = 0;
let impls: { impl: TableImpl; container: HTMLElement; mounted: boolean }[] = [];

const statusLabel = new Map(workflow.statuses.map((s) => [s.key, resolveText(s.label, 'en')]));

const nextFrame = (): Promise<number> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Lets timers (the store's coalesced refresh) and pending frames finish before the next sample. */
async function settle(ms = 120): Promise<void> {
  await nextFrame();
  await sleep(ms);
  await nextFrame();
}

/** Times `change` until `done()` holds after a frame; throws with the last reason after `limit` ms. */
async function measure(change: () => void, done: () => string | null, limit = 15000): Promise<number> {
  const t0 = performance.now();
  change();
  for (;;) {
    const t = await nextFrame();
    const reason = done();
    if (reason === null) return t - t0;
    if (t - t0 > limit) throw new Error(reason);
  }
}

interface Expect {
  readonly rows: readonly Order[];
  readonly selected?: boolean;
  readonly status?: (o: Order) => string;
  readonly selectedCount?: number;
}

/** Null when the table shows exactly what it should at its scroll position, else why not. */
function verify(impl: TableImpl, expect: Expect): string | null {
  const total = impl.shownTotal();
  if (total !== expect.rows.length) return `row count ${String(total)}, expected ${expect.rows.length}`;
  const scroller = impl.scroller();
  const first = Math.floor(scroller.scrollTop / ROW_HEIGHT);
  const wantRows = Math.min(expect.rows.length - first, Math.floor(VIEW_HEIGHT / ROW_HEIGHT));
  const rows = impl.shownRows();
  if (rows.length < wantRows) return `${rows.length} rows on screen, expected at least ${wantRows}`;
  let previous = -1;
  for (const row of rows) {
    if (previous >= 0 && row.index !== previous + 1) return `rows ${previous} and ${row.index} are not adjacent`;
    previous = row.index;
    const order = expect.rows[row.index];
    if (!order) return `row ${row.index} is past the end`;
    if (row.number !== order.number) return `row ${row.index} shows "${row.number}", expected "${order.number}"`;
    if (expect.selected !== undefined && row.selected !== expect.selected) return `row ${row.index} selected=${row.selected}`;
    if (expect.status && row.status !== expect.status(order)) return `row ${row.index} status "${row.status}", expected "${expect.status(order)}"`;
  }
  if (expect.selectedCount !== undefined && impl.selectedCount() !== expect.selectedCount) {
    return `selected count ${impl.selectedCount()}, expected ${expect.selectedCount}`;
  }
  return null;
}

/** Shows only this implementation's table (the others stay laid out but are not painted). */
async function activate(impl: TableImpl): Promise<void> {
  let changed = false;
  for (const entry of impls) {
    const visible = entry.impl === impl;
    if (entry.container.classList.contains('active') !== visible) {
      entry.container.classList.toggle('active', visible);
      changed = true;
    }
  }
  if (changed) await settle(30);
}

function rotate<T>(list: readonly T[], k: number): T[] {
  const n = list.length;
  return list.map((_, i) => list[(i + k) % n] as T);
}

async function prepare(n: number): Promise<number> {
  const t0 = performance.now();
  for (const entry of impls) if (entry.mounted) entry.impl.unmount();
  document.getElementById('tables')?.replaceChildren();
  data = undefined;
  await sleep(50);
  const orders = generateOrders({ preset: PRESET, count: n, seed: 7 });
  data = new MemoryOrders(workflow, orders, demoStores);
  size = n;
  const host = document.getElementById('tables') as HTMLElement;
  impls = wanted.map((name) => {
    const factory = factories[name] ?? window.__listBenchVariants?.[name];
    if (!factory) throw new Error(`unknown implementation ${name}`);
    const container = document.createElement('section');
    container.className = 'slot';
    container.dataset.impl = name;
    host.append(container);
    return { impl: factory(), container, mounted: false };
  });
  return performance.now() - t0;
}

function dataset(): MemoryOrders {
  if (!data) throw new Error('prepare() first');
  return data;
}

/** Mounts every table (untimed) and waits until each shows the default list. */
async function mountAll(): Promise<void> {
  const d = dataset();
  for (const entry of impls) {
    if (entry.mounted) continue;
    await activate(entry.impl);
    entry.impl.mount(entry.container, d);
    entry.mounted = true;
    await measure(() => undefined, () => verify(entry.impl, { rows: d.query({}) }));
  }
  await settle();
}

/** Puts every table back to the default query at the top, untimed. */
async function reset(): Promise<void> {
  await mountAll();
  const d = dataset();
  for (const { impl } of impls) {
    impl.setSearch('');
    impl.setSort({ field: 'createdAt', direction: 'desc' });
    impl.clearSelection();
    impl.scroller().scrollTop = 0;
  }
  await settle();
  for (const { impl } of impls) await measure(() => undefined, () => verify(impl, { rows: d.query({}) }));
}

type Step = (impl: TableImpl, sample: number) => Promise<number>;

async function sampled(scenario: string, samples: number, step: Step, before?: () => Promise<void>): Promise<ScenarioResult> {
  const results = new Map(impls.map(({ impl }) => [impl.name, [] as number[]]));
  const errors: string[] = [];
  if (before) await before();
  for (let k = 0; k < samples; k++) {
    for (const { impl } of rotate(impls, k)) {
      await activate(impl);
      try {
        results.get(impl.name)?.push(await step(impl, k));
      } catch (e) {
        errors.push(`${impl.name} ${scenario} #${k}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await settle();
    }
  }
  return { scenario, size, impls: impls.map(({ impl }) => ({ name: impl.name, samples: results.get(impl.name) ?? [] })), errors };
}

const SORTS: readonly SortSpec[] = [
  { field: 'customer', direction: 'asc' },
  { field: 'total', direction: 'desc' },
  { field: 'number', direction: 'asc' },
  { field: 'createdAt', direction: 'desc' },
];

async function firstRender(samples: number): Promise<ScenarioResult> {
  const d = dataset();
  for (const entry of impls) if (entry.mounted) entry.impl.unmount();
  for (const entry of impls) entry.mounted = false;
  await settle();
  return sampled('first render', samples, async (impl) => {
    const entry = impls.find((e) => e.impl === impl);
    if (!entry) throw new Error('no container');
    if (entry.mounted) {
      impl.unmount();
      entry.mounted = false;
      await settle();
    }
    d.resetCache();
    const ms = await measure(() => impl.mount(entry.container, d), () => verify(impl, { rows: d.query({}) }));
    entry.mounted = true;
    return ms;
  });
}

/** Typing a customer's name one key at a time, then deleting it: every keystroke is a sample. */
async function filter(samples: number): Promise<ScenarioResult> {
  const d = dataset();
  const all = d.query({});
  const name = (all[Math.floor(all.length / 3)] as Order).customer.name.toLowerCase();
  const term = name.slice(0, Math.max(5, Math.min(name.length, Math.ceil(samples / 2))));
  const keys: string[] = [];
  for (let i = 1; i <= term.length; i++) keys.push(term.slice(0, i));
  for (let i = term.length - 1; i >= 0; i--) keys.push(term.slice(0, i));
  const results = new Map(impls.map(({ impl }) => [impl.name, [] as number[]]));
  const errors: string[] = [];
  await reset();
  // Keystroke by keystroke, the implementations alternate; each one's previous keystroke is the same.
  for (const [k, text] of keys.entries()) {
    for (const { impl } of rotate(impls, k)) {
      await activate(impl);
      d.resetCache();
      try {
        const ms = await measure(() => impl.setSearch(text), () => verify(impl, { rows: d.query({ search: text || undefined }) }));
        results.get(impl.name)?.push(ms);
      } catch (e) {
        errors.push(`${impl.name} filter "${text}": ${e instanceof Error ? e.message : String(e)}`);
      }
      await settle(30);
    }
  }
  return { scenario: `filter keystroke ("${term}")`, size, impls: impls.map(({ impl }) => ({ name: impl.name, samples: results.get(impl.name) ?? [] })), errors };
}

async function sort(samples: number): Promise<ScenarioResult> {
  const d = dataset();
  return sampled('sort', samples, async (impl, k) => {
    const spec = SORTS[k % SORTS.length] as SortSpec;
    impl.setSort({ field: 'createdAt', direction: 'asc' });
    await settle(20);
    d.resetCache(true);
    return measure(() => impl.setSort(spec), () => verify(impl, { rows: d.query({ sort: spec }) }));
  }, reset);
}

async function selectAll(samples: number): Promise<ScenarioResult> {
  const d = dataset();
  return sampled('select all', samples, async (impl) => {
    impl.clearSelection();
    await settle(20);
    const rows = d.query({});
    const ms = await measure(() => impl.selectAll(), () => verify(impl, { rows, selected: true, selectedCount: rows.length }));
    impl.clearSelection();
    return ms;
  }, reset);
}

/** 1,000 orders (the first of the list, those on screen included) change status in one burst of pushes. */
async function updates(samples: number): Promise<ScenarioResult> {
  const d = dataset();
  const targets = [workflow.statuses[2]?.key, workflow.statuses[4]?.key] as string[];
  return sampled('1,000 pushed updates', samples, async (impl, k) => {
    const status = targets[k % 2] as string;
    const label = statusLabel.get(status) ?? status;
    const rows = d.query({});
    const ids = rows.slice(0, 1000).map((o) => o.id);
    return measure(
      () => {
        for (const id of ids) {
          const current = d.get(id) as Order;
          d.replace({ ...current, status, version: current.version + 1 });
        }
      },
      () => verify(impl, { rows: d.query({}), status: () => label }),
    );
  }, reset);
}

const PROBES = [8, 150, 300, 450, VIEW_HEIGHT - 8];

/**
 * `frames` frames of fast scrolling (`step` px per frame, bouncing at the ends) per table, in chunks
 * of 30 frames with the tables alternating, so a burst of load on the machine hits all three alike.
 * After each frame (rAF → setTimeout, i.e. after it was painted) five points of the viewport are
 * probed: a point with no row, an empty row or a placeholder makes the frame blank; a row showing the
 * wrong order is an error.
 */
async function scroll(frames: number, step = VIEW_HEIGHT, label = 'scroll'): Promise<ScenarioResult> {
  const d = dataset();
  await reset();
  const rows = d.query({});
  const errors: string[] = [];
  const state = new Map(impls.map(({ impl }) => [impl, { times: [] as number[], blank: 0, direction: 1 }]));
  for (const { impl } of impls) impl.scroller().scrollTop = 0;
  const CHUNK = 10;
  for (let done = 0, k = 0; done < frames; done += CHUNK, k++) {
    for (const { impl } of rotate(impls, k)) {
      await activate(impl);
      const el = impl.scroller();
      const st = state.get(impl) as { times: number[]; blank: number; direction: number };
      const advance = (): number => {
        const max = el.scrollHeight - el.clientHeight;
        let next = el.scrollTop + st.direction * step;
        if (next > max || next < 0) {
          st.direction = -st.direction;
          next = el.scrollTop + st.direction * step;
        }
        return next;
      };
      // Two untimed steps first: the table was just made visible, and its first frames pay for that.
      for (let w = 0; w < 2; w++) {
        el.scrollTop = advance();
        await nextFrame();
      }
      for (let f = done; f < Math.min(frames, done + CHUNK); f++) {
        const next = advance();
        const t0 = performance.now();
        el.scrollTop = next;
        const t1 = await nextFrame();
        st.times.push(t1 - t0);
        let blank = false;
        for (const y of PROBES) {
          const hit = impl.rowAt(y);
          if (!hit || hit.number === '') {
            blank = true;
            continue;
          }
          const want = rows[hit.index]?.number;
          if (hit.number !== want) errors.push(`${impl.name} scroll frame ${f}: row ${hit.index} shows "${hit.number}", expected "${String(want)}"`);
        }
        if (blank) st.blank++;
      }
    }
  }
  for (const { impl } of impls) impl.scroller().scrollTop = 0;
  await settle();
  return {
    scenario: label,
    size,
    impls: impls.map(({ impl }) => {
      const st = state.get(impl) as { times: number[]; blank: number };
      return { name: impl.name, samples: st.times, blankFrames: st.blank };
    }),
    errors: errors.slice(0, 20),
  };
}

const scenarios: Record<string, (samples: number) => Promise<ScenarioResult>> = {
  'first-render': firstRender,
  filter,
  sort,
  'select-all': selectAll,
  updates,
  scroll: (frames) => scroll(frames, VIEW_HEIGHT, 'scroll'),
  'scroll-200': (frames) => scroll(frames, 200, 'scroll 200px'),
};

window.__listBench = {
  prepare,
  impls: () => impls.map((e) => e.impl.name),
  async run(name, samples) {
    const scenario = scenarios[name];
    if (!scenario) throw new Error(`unknown scenario ${name}`);
    return scenario(samples);
  },
};
