// `npm run bench:engine`: serves bench/engine.html with Vite on 127.0.0.1, runs it in Debian's Chromium
// through playwright-core, prints the local engine's timings at 1k, 10k and 100k orders as a table, and
// exits non-zero when a correctness check in the page failed. Stops the server and the browser when done.
// Optional: BENCH_SIZES=1000,10000 to run fewer sizes.
/* global window, navigator -- referenced only inside page.evaluate callbacks, which run in the page */
import { benchServer, launchChromium, sizeTable } from './harness.mjs';

const TIMEOUT_MS = 15 * 60 * 1000;



async function main() {
  const { server, url } = await benchServer('bench/engine.html');
  let browser;
  let failed = false;
  try {
    await server.listen();
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.error(`page ${m.type()}: ${m.text()}`);
    });
    const sizes = process.env.BENCH_SIZES ?? '1000,10000,100000';
    await page.goto(`${url}?sizes=${encodeURIComponent(sizes)}`);
    await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: TIMEOUT_MS, polling: 500 });
    const result = await page.evaluate(() => window.__bench);
    const info = await page.evaluate(() => navigator.userAgent);
    console.log(`orderdeck local engine benchmark — preset marketplace — ${info.match(/(Headless)?Chrome\/[\d.]+/)?.[0] ?? info}`);
    console.log('cold = first run of that query (cache empty, sort index built on demand); warm = median of 7 repeats\n');
    console.log(sizeTable(result.sizes, 'operation (ms)'));
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
