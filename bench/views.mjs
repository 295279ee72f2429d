// `npm run bench:views`: serves bench/views.html with Vite on 127.0.0.1, runs it in Debian's Chromium
// through playwright-core, and prints, at 10k and 100k orders (preset confirm-first, an admin), the
// first render of <order-calendar>'s month view, the first and next page of <order-shipments> and
// <order-payments>, and an <order-export> of every order with the page's frame gaps during it,
// against the floor (the exporter's bare read loop without UI or CSV). Exits non-zero when a
// correctness check in the page failed. Stops the server and the browser when done.
//
// Options (environment): BENCH_SIZES=10000,100000 (sizes), BENCH_RUNS=3 (repeats of each UI
// measurement; medians), BENCH_EXPORT_RUNS=2 (exports per size), BENCH_PROFILE=<dir> (record a CPU
// profile of each export to <dir>/export-<size>-<run>.cpuprofile, open it in Chrome DevTools, and print the
// functions with the most self time; the profiler slows the export, so its timings are not comparable).
/* global window, navigator -- referenced only inside page.evaluate callbacks, which run in the page */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { benchServer, launchChromium, sizeTable } from './harness.mjs';

const TIMEOUT_MS = 20 * 60 * 1000;

/** Self time per function over samples `from` to `to` (exclusive) of a V8 CPU profile, largest first. */
function selfTime(profile, from = 0, to = profile.samples.length) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = from; i < to; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // a sample's time runs to the next sample
    total += dt;
    const { functionName, url, lineNumber } = byId.get(profile.samples[i]).callFrame;
    const file = url.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
    const key = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  return { total, entries: [...self.entries()].sort((a, b) => b[1] - a[1]) };
}

const profileLines = ({ total, entries }, count) =>
  entries.slice(0, count).map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);

/** The longest run of consecutive non-idle samples: the longest time the main thread never rested. */
function longestBusy(profile) {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let best = { from: 0, to: 0, ms: 0 };
  let start = 0;
  let ms = 0;
  profile.samples.forEach((id, i) => {
    if (idle.has(id)) {
      start = i + 1;
      ms = 0;
      return;
    }
    ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (ms > best.ms) best = { from: start, to: i + 1, ms };
  });
  return best;
}

/** With BENCH_PROFILE: lets the page start and stop a CPU profile around each export. */
async function profileExports(page, dir) {
  mkdirSync(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const reports = [];
  await page.exposeFunction('__benchHook', async (event, size) => {
    if (event === 'export-start') await cdp.send('Profiler.start');
    else {
      const { profile } = await cdp.send('Profiler.stop');
      const file = join(dir, `export-${size}-${reports.filter((r) => r.size === size).length + 1}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const busy = longestBusy(profile);
      reports.push({ size, file, lines: profileLines(selfTime(profile), 12), busy, busyLines: profileLines(selfTime(profile, busy.from, busy.to), 8) });
    }
  });
  return reports;
}


async function main() {
  const { server, url } = await benchServer('bench/views.html');
  let browser;
  let failed = false;
  const sizes = process.env.BENCH_SIZES ?? '10000,100000';
  const runs = process.env.BENCH_RUNS ?? '3';
  const exportRuns = process.env.BENCH_EXPORT_RUNS ?? '2';
  const started = Date.now();
  try {
    await server.listen();
    // --expose-gc: the page collects garbage before each export and floor run (outside the timings)
    // and reports the heap a finished export leaves behind.
    browser = await launchChromium(['--js-flags=--expose-gc']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const profiles = process.env.BENCH_PROFILE ? await profileExports(page, process.env.BENCH_PROFILE) : undefined;
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.error(`page ${m.type()}: ${m.text()}`);
    });
    const query = new URLSearchParams({ sizes, runs, exportRuns });
    await page.goto(`${url}?${query}`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: TIMEOUT_MS, polling: 1000 });
    const result = await page.evaluate(() => window.__bench);
    const info = await page.evaluate(() => navigator.userAgent);
    const { month, zone } = result.params;
    console.log(`orderdeck views benchmark — preset confirm-first, admin viewer — ${info.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? info}`);
    console.log(
      `UI timings: median (min–max) of ${runs} mounts, each on a fresh store; "ready" = the rows or day counts are in the element's shadow DOM, ` +
        `polled every animation frame. Calendar: month ${month} in ${zone}. Export: all tab, default columns, one row per order, ` +
        `${exportRuns} run(s) per size; frame gaps are the time between requestAnimationFrame callbacks during it (16.7 ms at 60 Hz). ` +
        'Floor: the same store.listOrders loop by 500 with no UI or CSV.\n',
    );
    for (const s of result.sizes) {
      console.log(`### ${s.size.toLocaleString('en')} orders\n`);
      console.log(sizeTable([s], 'operation (ms unless stated)'));
      for (const n of s.notes) console.log(`- ${n}`);
      console.log('');
    }
    for (const p of profiles ?? []) {
      console.log(`CPU profile of the ${p.size.toLocaleString('en')}-order export (timings above ran under the profiler): ${p.file}\nself time, top functions:`);
      for (const l of p.lines) console.log(`  ${l}`);
      console.log(`longest stretch without an idle sample: ${p.busy.ms.toFixed(0)} ms; self time in it:`);
      for (const l of p.busyLines) console.log(`  ${l}`);
      console.log('');
    }
    const profileEnv = process.env.BENCH_PROFILE ? ` BENCH_PROFILE=${process.env.BENCH_PROFILE}` : '';
    console.log(`Reproduce: BENCH_SIZES=${sizes} BENCH_RUNS=${runs} BENCH_EXPORT_RUNS=${exportRuns}${profileEnv} node bench/views.mjs   (took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (!result.ok) {
      failed = true;
      console.error('\nFAILED checks:');
      for (const e of result.errors) console.error(`  ${e}`);
    }
  } catch (e) {
    failed = true;
    console.error(e);
  } finally {
    await browser?.close();
    await server.close();
  }
  process.exit(failed ? 1 : 0);
}

main();
