/**
 * End-to-end check of the built demo (`npm run e2e`): serves dist/demo as plain files on 127.0.0.1 and
 * drives Chromium ($CHROME_PATH, default /usr/bin/chromium) with playwright-core through what an
 * evaluator does:
 *   - for each of the five presets: switch to it, wait for the rows, open the first order, run its
 *     first offered action (filling a dialog's required fields when one opens), check the detail
 *     changed, go back and check the row and the tab counts followed;
 *   - switch the language to Indonesian and check known labels;
 *   - switch the theme to dark and to brand and check they apply;
 *   - a reload keeps the switches, the open order and the data; "Reset data" restores the seeded counts;
 *   - the REST backend (MSW mock in a service worker): rows load, an order opens;
 *   - the embed page: islands load, an order opens in the side panel, an action there shows in the list;
 *   - axe-core finds no violation in the host pages' own parts (demo bar, embed page, guide).
 * Screenshots go to e2e-screens/. Exits non-zero with the failed step on any failure (uncaught page
 * errors included); the server and the browser are always stopped.
 *
 * It does not build the library. When dist/demo/index.html is missing it builds the demo first
 * (`vite build --mode demo`); `--build` rebuilds it anyway. `--headed` shows the browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

/* global clearTimeout, document, navigator, getComputedStyle */

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = join(root, 'dist', 'demo');
const screensDir = join(root, 'e2e-screens');
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = new Set(process.argv.slice(2));
const SIZE = 1000;
/** Longest wait for one thing to appear or change. */
const WAIT_MS = 20_000;
/** The whole run is stopped after this long. */
const RUN_LIMIT_MS = 240_000;
const PRESETS = ['confirm-first', 'online-store', 'payment-fulfillment', 'marketplace', 'cod-delivery'];

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const log = (message) => console.log(`[e2e ${seconds().padStart(5)}s] ${message}`);

class E2eError extends Error {}
const fail = (message) => {
  throw new E2eError(message);
};

// ── build and serve ─────────────────────────────────────────────────────────────────────────────────

function ensureBuilt() {
  if (existsSync(join(demoDir, 'index.html')) && !args.has('--build')) return;
  log(args.has('--build') ? 'building the demo (--build)…' : 'dist/demo is missing: building the demo (vite build --mode demo)…');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--mode', 'demo', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`vite build --mode demo failed (exit ${result.status ?? result.signal})`);
}

// ── page helpers (Playwright's CSS locators pierce open shadow roots) ───────────────────────────────

/** Polls `check` (async, returns a truthy value when done) until it passes or `ms` elapse. */
async function until(what, check, ms = WAIT_MS) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) fail(`timed out after ${ms / 1000}s waiting for ${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const text = async (locator) => ((await locator.textContent({ timeout: WAIT_MS })) ?? '').replace(/\s+/g, ' ').trim();

/** The loaded body rows of the admin's (or the page's) table. */
const rowsOf = (scope) => scope.locator('order-table [part~="row"]:not([part~="placeholder"])');

/** Every status tab as `{ label, count, active }`, once all counts are known. */
async function tabCounts(scope) {
  return until('the status tab counts', async () => {
    const tabs = await scope.locator('status-tabs [part~="tab"]').evaluateAll((els) =>
      els.map((t) => ({
        label: t.querySelector('[part~="label"]')?.textContent?.trim() ?? '',
        count: t.querySelector('[part~="count"]')?.textContent?.trim() ?? '',
        active: (t.getAttribute('part') ?? '').split(' ').includes('active'),
      })),
    );
    if (tabs.length === 0 || tabs.some((t) => !/\d/.test(t.count))) return undefined;
    return tabs.map((t) => ({ ...t, count: Number(t.count.replace(/\D/g, '')) }));
  });
}

const countsText = (tabs) => tabs.map((t) => `${t.label} ${t.count}`).join(' · ');

/** The first loaded row: its order number, and a cell to click that holds no control. */
async function firstRow(scope) {
  const row = rowsOf(scope).first();
  await row.waitFor({ timeout: WAIT_MS });
  return { row, number: await text(row.locator('.col-number')) };
}

/** The status the detail shows (its status badge, without the hidden "Status:" prefix). */
async function detailStatus(detail) {
  const badge = await text(detail.locator('[part~="status-badge"]'));
  return badge.replace(/^[^:]*:\s*/, '');
}

/**
 * Fills the required fields of the open action dialog that are still empty — a select gets its first
 * real option, a text gets "e2e", a date-time tomorrow at noon — then submits it.
 */
async function fillAndSubmitDialog(dialog) {
  const filled = [];
  const controls = dialog.locator(
    ':is(select, textarea, input):is([required], [aria-required="true"])',
  );
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible()) || !(await control.isEnabled())) continue;
    const tag = await control.evaluate((el) => el.tagName.toLowerCase());
    const type = (await control.getAttribute('type')) ?? '';
    const name = (await control.getAttribute('name')) ?? (await control.getAttribute('id')) ?? tag;
    if (type === 'checkbox' || type === 'radio') continue;
    if ((await control.inputValue()) !== '') continue;
    if (tag === 'select') {
      const value = await control.evaluate((el) => [...el.options].find((o) => o.value && !o.disabled)?.value ?? '');
      if (!value) fail(`the dialog's required "${name}" offers no option`);
      await control.selectOption(value);
      filled.push(`${name}=${value}`);
    } else if (type === 'datetime-local') {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const value = `${tomorrow.toISOString().slice(0, 10)}T12:00`;
      await control.fill(value);
      filled.push(`${name}=${value}`);
    } else {
      await control.fill('e2e');
      filled.push(`${name}="e2e"`);
    }
  }
  await dialog.locator('[part~="submit"]').first().click();
  // A choice can reveal another required field (a courier "Others" asks for its name): come back for it.
  return filled;
}

// ── the steps ───────────────────────────────────────────────────────────────────────────────────────

async function checkPreset(page, preset, index) {
  const select = page.locator('select[name="preset"]');
  if ((await select.inputValue()) !== preset) await select.selectOption(preset);
  const admin = page.locator(`order-admin[preset="${preset}"]`);
  await until(`the ${preset} admin`, async () => (await admin.count()) === 1);
  const { row, number } = await firstRow(admin);
  const before = await tabCounts(admin);
  const activeBefore = before.find((t) => t.active);
  log(`${preset}: ${countsText(before)}`);

  // Open the first order.
  await row.locator('.col-customer').click();
  const detail = admin.locator('order-detail');
  await until(`order ${number} in the detail`, async () => (await text(detail.locator('[part~="title"]'))).includes(number));
  const statusBefore = await detailStatus(detail);
  const timeline = detail.locator('[part~="timeline-entry"]');
  const entriesBefore = await timeline.count();

  // Its first offered action.
  const button = detail.locator('[part~="actions"] [part~="action-button"]:not([part~="more-button"])').first();
  if ((await button.count()) === 0) fail(`order ${number} (${statusBefore}) offers no action to ${preset}'s viewer`);
  const action = await text(button);
  await button.click();
  const dialog = detail.locator('order-action-dialog dialog[open]');
  let filled = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForTimeout(250);
    if (!(await dialog.isVisible())) break;
    if (attempt === 0) await page.screenshot({ path: join(screensDir, `${index}-${preset}-dialog.png`) });
    if (attempt === 2) fail(`the "${action}" dialog stays open: ${await text(dialog)}`);
    filled = filled.concat(await fillAndSubmitDialog(dialog));
  }

  // The detail changed: a new status, or at least a new timeline entry; no failure shown.
  const statusAfter = await until(`order ${number} to change after "${action}"`, async () => {
    const failure = detail.locator('[part~="errors"] [part~="error"]');
    if ((await failure.count()) > 0) fail(`"${action}" failed: ${await text(failure.first())}`);
    if ((await detail.locator('[part~="busy"]').count()) > 0) return undefined;
    const status = await detailStatus(detail);
    return status !== statusBefore || (await timeline.count()) > entriesBefore ? status : undefined;
  });
  log(`${preset}: order ${number}: "${action}"${filled.length ? ` (filled ${filled.join(', ')})` : ''}: ${statusBefore} → ${statusAfter}`);
  await page.screenshot({ path: join(screensDir, `${index}-${preset}-detail.png`) });

  // Back to the list: the row shows the new status (or left this tab), and the counts followed.
  await admin.locator('[part~="back-link"]').click();
  await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
  await until(`the list to show order ${number} as "${statusAfter}"`, async () => {
    const tabs = await tabCounts(admin);
    const match = rowsOf(admin).filter({ has: page.locator('.col-number', { hasText: number }) });
    if ((await match.count()) > 0) return (await text(match.first().locator('.col-status'))).includes(statusAfter);
    // It left the current tab: that tab's count went down by one.
    return tabs.find((t) => t.active)?.count === (activeBefore?.count ?? 0) - 1;
  });
  // The live counts equal what a fresh page (a new store over the same database) counts.
  const truth = await freshCounts(page, preset);
  const live = await until(`the tab counts to match a fresh load (${countsText(truth)})`, async () => {
    const now = await tabCounts(admin);
    return now.every((t, i) => t.count === truth[i]?.count) ? now : undefined;
  });
  const moved = live.filter((t, i) => t.count !== before[i]?.count).map((t) => `${t.label} ${before.find((b) => b.label === t.label)?.count ?? '?'}→${t.count}`);
  log(`${preset}: counts followed${moved.length ? `: ${moved.join(', ')}` : ' (no tab changed)'}`);
  await page.screenshot({ path: join(screensDir, `${index}-${preset}-list.png`) });
  return before;
}

/** The tab counts of `preset` as a fresh page load shows them (another tab on the same database). */
async function freshCounts(page, preset) {
  const other = await page.context().newPage();
  try {
    const url = new URL(page.url());
    url.hash = '';
    await other.goto(url.href);
    const admin = other.locator(`order-admin[preset="${preset}"]`);
    await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
    return await tabCounts(admin);
  } finally {
    await other.close();
  }
}

async function checkIndonesian(page) {
  await page.locator('select[name="locale"]').selectOption('id');
  const nav = page.locator('order-admin [part~="nav"]');
  await until('the Indonesian navigation (Pesanan, Pengiriman)', async () => {
    const labels = await text(nav);
    return labels.includes('Pesanan') && labels.includes('Pengiriman');
  });
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'id') fail('<html lang> did not follow the locale');
  await page.screenshot({ path: join(screensDir, '6-locale-id.png') });
  log('locale: Indonesian labels shown (Pesanan, Pengiriman)');
  await page.locator('select[name="locale"]').selectOption('en');
  await until('the English navigation back', async () => (await text(nav)).includes('Orders'));
}

async function checkThemes(page) {
  const admin = page.locator('order-admin');
  const token = (name) => admin.evaluate((el, n) => getComputedStyle(el).getPropertyValue(n).trim(), name);

  await page.locator('select[name="theme"]').selectOption('dark');
  await until('the dark theme on <order-admin>', async () => (await token('--od-color-surface')) === '#161b22');
  const tableBackground = await rowsOf(admin).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  if (tableBackground !== 'rgb(22, 27, 34)') fail(`dark theme: the table's rows are ${tableBackground}, not the dark surface`);
  await page.screenshot({ path: join(screensDir, '7-theme-dark.png') });
  const { row } = await firstRow(admin);
  await row.locator('.col-customer').click();
  await admin.locator('order-detail [part~="title"]').waitFor({ timeout: WAIT_MS });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screensDir, '7-theme-dark-detail.png') });
  log(`theme: dark applied (rows ${tableBackground})`);

  await page.locator('select[name="theme"]').selectOption('brand');
  await until('the brand theme on <order-admin>', async () => (await token('--od-radius')) === '12px');
  const header = await admin.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="header"]')).backgroundImage);
  if (!header.includes('gradient')) fail(`brand theme: the header part has no gradient (${header})`);
  await page.screenshot({ path: join(screensDir, '8-theme-brand-detail.png') });
  await admin.locator('[part~="back-link"]').click();
  await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: join(screensDir, '8-theme-brand.png') });
  log('theme: brand applied (tokens and ::part(header) gradient)');
}

/** A reload keeps the switches (URL search), the admin's place (URL hash) and the data (IndexedDB). */
async function checkReload(page) {
  const admin = page.locator('order-admin');
  const { row, number } = await firstRow(admin);
  const status = await text(row.locator('.col-status'));
  await row.locator('.col-customer').click();
  await until(`order ${number} open`, async () => (await text(admin.locator('order-detail [part~="title"]'))).includes(number));
  await page.reload();
  await until(`order ${number} open again after the reload`, async () => (await text(page.locator('order-admin order-detail [part~="title"]'))).includes(number));
  const theme = await page.locator('select[name="theme"]').inputValue();
  if (theme !== 'brand') fail(`after the reload the theme is "${theme}", not "brand"`);
  const after = await detailStatus(page.locator('order-admin order-detail'));
  if (!status.includes(after)) fail(`after the reload order ${number} is "${after}", the list said "${status}"`);
  await page.locator('order-admin [part~="back-link"]').click();
  log(`reload: still the brand theme, order ${number} (${after}) open again from the URL`);
}

/** "Reset data" reseeds: the counts are the seeded ones again. */
async function checkReset(page, preset, seeded) {
  const admin = page.locator(`order-admin[preset="${preset}"]`);
  const before = await tabCounts(admin);
  await page.getByRole('button', { name: 'Reset data' }).click();
  await until(`the seeded counts after "Reset data" (${countsText(seeded)})`, async () => {
    if ((await admin.count()) === 0) return undefined;
    const now = await tabCounts(admin);
    return now.every((t, i) => t.count === seeded[i]?.count);
  });
  log(`reset: ${countsText(before)} → ${countsText(seeded)}`);
}

/** axe-core over the host pages' own parts (the elements have their own axe tests). */
async function checkAccessibility(page, base) {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const pages = [
    ['./?theme=dark', ['.demo-bar']],
    ['./?theme=brand', ['.demo-bar']],
    ['embed.html', ['.acme-top', '.acme-side', '.acme-lede']],
    ['guide.html', ['body']],
  ];
  for (const [path, include] of pages) {
    await page.goto(new URL(path, base).href);
    await page.locator(include[0]).first().waitFor({ timeout: WAIT_MS });
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async (selectors) => {
      const result = await globalThis.axe.run({ include: selectors.map((s) => [s]) });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, include);
    if (violations.length) fail(`axe on ${path} (${include.join(', ')}): ${violations.join('; ')}`);
  }
  log(`a11y: no axe violations in the demo bar (dark, brand), the embed page's own parts, the guide`);
}

async function checkRest(page, base) {
  await page.goto(`${base}?preset=online-store&viewer=usr_admin&activity=off&theme=light&size=${SIZE}&backend=rest`);
  const admin = page.locator('order-admin[preset="online-store"]');
  const { row, number } = await firstRow(admin);
  const tabs = await tabCounts(admin);
  await row.locator('.col-customer').click();
  await until(`order ${number} over REST`, async () => (await text(admin.locator('order-detail [part~="title"]'))).includes(number));
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
  if (!controlled.endsWith('/mockServiceWorker.js')) fail(`the REST backend's service worker does not control the page (${controlled || 'none'})`);
  await page.screenshot({ path: join(screensDir, '9-rest-backend.png') });
  log(`REST backend: ${countsText(tabs)}; order ${number} opened through ${controlled.replace(base, './')}`);
}

async function checkEmbed(page, base) {
  await page.goto(`${base}embed.html`);
  const { row, number } = await firstRow(page);
  const tabs = await tabCounts(page);
  await page.screenshot({ path: join(screensDir, '10-embed.png') });
  await row.locator('.col-customer').click();
  await until(`order ${number} in the embed page's panel`, async () => (await text(page.locator('order-detail [part~="title"]'))).includes(number));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screensDir, '10-embed-order.png') });
  log(`embed: ${countsText(tabs)}; order ${number} opened in the side panel`);

  // One store for both islands: an action in the panel shows in the list's row.
  const detail = page.locator('order-detail');
  const button = detail.locator('[part~="actions"] [part~="action-button"]:not([part~="more-button"])').first();
  const action = await text(button);
  const statusBefore = await detailStatus(detail);
  await button.click();
  const dialog = detail.locator('order-action-dialog dialog[open]');
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForTimeout(250);
    if (!(await dialog.isVisible())) break;
    if (attempt === 2) fail(`the "${action}" dialog stays open: ${await text(dialog)}`);
    await fillAndSubmitDialog(dialog);
  }
  const status = await until(`the panel to show order ${number} moved on by "${action}" (from ${statusBefore})`, async () => {
    if ((await detail.locator('[part~="busy"]').count()) > 0) return undefined;
    const now = await detailStatus(detail);
    return now !== statusBefore ? now : undefined;
  });
  await until(`the list's row ${number} to show "${status}"`, async () => {
    const match = rowsOf(page).filter({ has: page.locator('.col-number', { hasText: number }) });
    if ((await match.count()) === 0) return (await tabCounts(page)).find((t) => t.active)?.count === (tabs.find((t) => t.active)?.count ?? 0) - 1;
    return (await text(match.first().locator('.col-status'))).includes(status);
  });
  await page.screenshot({ path: join(screensDir, '10-embed-action.png') });
  log(`embed: "${action}" in the panel: ${statusBefore} → ${status}, and the list's row followed (one shared store)`);
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────────

let server;
let browser;
let step = 'start';
let finished = false;

async function stopAll() {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  browser = undefined;
  server = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\ne2e: ${signal}, stopping the browser and the server`);
    void stopAll().then(() => process.exit(130));
  });
}

const watchdog = setTimeout(() => {
  console.error(`e2e FAILED: the run took longer than ${RUN_LIMIT_MS / 1000}s (at step "${step}")`);
  void stopAll().then(() => process.exit(1));
}, RUN_LIMIT_MS);

try {
  step = 'build';
  ensureBuilt();
  mkdirSync(screensDir, { recursive: true });
  for (const file of readdirSync(screensDir)) if (file.endsWith('.png')) rmSync(join(screensDir, file));
  step = 'serve';
  server = await serveStatic(demoDir);
  log(`serving dist/demo at ${server.url}`);
  step = 'launch';
  if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath} (set CHROME_PATH)`);
  browser = await chromium.launch({
    executablePath,
    headless: !args.has('--headed'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console error: ${m.text().slice(0, 300)}`);
  });
  const checkPageErrors = () => {
    if (pageErrors.length) fail(`uncaught error in the page: ${pageErrors.join(' | ')}`);
  };

  try {
    step = 'load';
    await page.goto(`${server.url}?preset=${PRESETS[0]}&activity=off&theme=light&locale=en&size=${SIZE}&backend=local`);
    const seeded = {};
    for (const [i, preset] of PRESETS.entries()) {
      step = `preset ${preset}`;
      seeded[preset] = await checkPreset(page, preset, i + 1);
      checkPageErrors();
    }
    step = 'locale';
    await checkIndonesian(page);
    step = 'themes';
    await checkThemes(page);
    checkPageErrors();
    step = 'reload';
    await checkReload(page);
    step = 'reset data';
    const last = PRESETS.at(-1);
    await checkReset(page, last, seeded[last]);
    checkPageErrors();
    step = 'rest backend';
    await checkRest(page, server.url);
    checkPageErrors();
    step = 'embed page';
    await checkEmbed(page, server.url);
    checkPageErrors();
    step = 'accessibility';
    await checkAccessibility(page, server.url);
  } catch (e) {
    await page.screenshot({ path: join(screensDir, 'FAILED.png') }).catch(() => undefined);
    throw e;
  }
  finished = true;
} catch (e) {
  console.error(`\ne2e FAILED at step "${step}": ${e instanceof E2eError ? e.message : (e?.stack ?? e)}`);
  console.error(`(screenshots in ${screensDir})`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await stopAll();
  if (finished) log(`all checks passed; screenshots in e2e-screens/`);
}
