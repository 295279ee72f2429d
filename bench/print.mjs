// `npm run bench:print`: serves bench/print.html with Vite on 127.0.0.1, runs it in Debian's Chromium
// through playwright-core and prints, for 1,000 orders (preset marketplace, an admin), the time to
// load, prepare (build + barcodes, in slices) and lay out per-order picking lists and air waybills in
// the print frame, with the longest main-thread task during it, and PASS/FAIL for "longest task ≤ 50 ms".
// Correctness is checked in the page before timing; exits non-zero when a check or a verdict failed.
//
// Options (environment): BENCH_PRINT_SIZE=1000 (orders), BENCH_RUNS=3 (repeats; medians).
/* global window, navigator -- referenced only inside page.evaluate callbacks, which run in the page */
import { URLSearchParams } from 'node:url';
import { benchServer, launchChromium, sizeTable } from './harness.mjs';

const TIMEOUT_MS = 10 * 60 * 1000;

async function main() {
  const { server, url } = await benchServer('bench/print.html');
  let browser;
  let failed = false;
  const size = process.env.BENCH_PRINT_SIZE ?? '1000';
  const runs = process.env.BENCH_RUNS ?? '3';
  const started = Date.now();
  try {
    await server.listen();
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`page error: ${m.text()}`);
    });
    await page.goto(`${url}?${new URLSearchParams({ size, runs })}`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: TIMEOUT_MS, polling: 500 });
    const result = await page.evaluate(() => window.__bench);
    const info = await page.evaluate(() => navigator.userAgent);
    console.log(`orderdeck print benchmark — preset marketplace, admin viewer — ${info.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? info}`);
    console.log(`median (min–max) of ${runs} runs, each on a fresh store; prepared in time slices of ~12 ms yielding to the event loop.\n`);
    console.log(sizeTable([{ size: Number(size), rows: result.rows }], 'operation (ms)'));
    console.log('');
    for (const v of result.verdicts) console.log(v);
    console.log(`\nReproduce: BENCH_PRINT_SIZE=${size} BENCH_RUNS=${runs} node bench/print.mjs   (took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (!result.ok) {
      failed = true;
      console.error('\nFAILED checks:');
      for (const e of result.errors) console.error(`  ${e}`);
    }
    if (result.verdicts.some((v) => v.startsWith('FAIL'))) failed = true;
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
