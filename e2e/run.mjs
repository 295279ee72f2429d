/**
 * End-to-end check of the built demo (`npm run e2e`): serves dist/demo as plain files on 127.0.0.1 and
 * drives Chromium ($CHROME_PATH, default /usr/bin/chromium) with playwright-core through what an
 * evaluator does:
 *   - on BOTH backends — the embedded IndexedDB engine (`backend=local`) and the REST adapter talking
 *     to the MSW mock in a service worker (`backend=rest`) — for each of the five presets: switch to
 *     it (local: the demo bar's select; REST: a page load each, see `checkRestPass`), wait for the rows, open a second tab on the same data, open the first order, run its first
 *     offered action (filling a dialog's required fields when one opens), check the detail changed,
 *     go back and check the row and the tab counts followed; check the second tab's list followed
 *     without a reload (BroadcastChannel on local, the mock's SSE stream on REST); then reload that
 *     tab and check the live counts equal what a fresh store counts;
 *   - the views (payment-fulfillment): Shipments, Payments and Calendar from the admin's navigation —
 *     real rows / cells, the payments totals in a currency, this month's calendar with scheduled
 *     deliveries — and an order opened from each lands on `orders/:id` with that order in the detail;
 *   - Export from the toolbar (current view, a status tab): the downloaded CSV has the header of the
 *     chosen columns and one record per order of the tab; `export-complete` says the same;
 *   - Import from the toolbar: the template downloads; a file with one valid order and one bad row
 *     gets a preview that names the bad row, and Import stays disabled;
 *   - switch the language to Indonesian and check known labels;
 *   - switch the theme to dark and to brand and check they apply;
 *   - a reload keeps the switches, the open order and the data; "Reset data" restores the seeded counts;
 *   - scan to ship and self-delivery in the marketplace preset (e2e/scan.mjs);
 *   - the embed page: islands load, an order opens in the side panel, an action there shows in the list;
 *   - printing (e2e/print.mjs): in marketplace, To Ship orders through the bulk bar's Print menu, each of
 *     the six documents previewed, printed (PDF and screenshots in e2e-screens/print-*) and recorded;
 *   - the warehouse day of seed 003 with the same orders from Pack to Archived, and issue 12 rule 1 (no
 *     offered row-menu or detail action is refused) over the five presets (e2e/warehouse.mjs);
 *   - axe-core finds no violation in the host pages' own parts (demo bar, embed page, guide).
 * Screenshots go to e2e-screens/. Exits non-zero with the failed step on any failure (uncaught page
 * errors included, in any tab); the server and the browser are always stopped.
 *
 * It does not build the library. When dist/demo/index.html is missing it builds the demo first
 * (`vite build --mode demo`); `--build` rebuilds it anyway. `--headed` shows the browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { checkPosting } from './posting.mjs';
import { checkScanToShip } from './scan.mjs';
import { checkPrint } from './print.mjs';
import { checkSettings } from './settings.mjs';
import { serveStatic } from './static-server.mjs';
import { checkOrderForm } from './order-form.mjs';
import { checkWarehouse } from './warehouse.mjs';
import { E2eError, waiter } from './wait.mjs';

/* global clearTimeout, document, navigator, getComputedStyle, window, performance, Blob, URLSearchParams */

const require = createRequire(import.meta.url);
const Papa = require('papaparse');
const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = join(root, 'dist', 'demo');
const screensDir = join(root, 'e2e-screens');
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = new Set(process.argv.slice(2));
const SIZE = 1000;
/** Longest wait for one thing to appear or change. */
const WAIT_MS = 20_000;
/** The whole run is stopped after this long. */
const RUN_LIMIT_MS = 420_000;
const PRESETS = ['confirm-first', 'online-store', 'payment-fulfillment', 'marketplace', 'cod-delivery'];
/** The preset with shipments, payments and scheduled deliveries: the views, export and import run on it. */
const VIEWS_PRESET = 'payment-fulfillment';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const log = (message) => console.log(`[e2e ${seconds().padStart(5)}s] ${message}`);

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

const until = waiter(WAIT_MS);

const text = async (locator) => ((await locator.textContent({ timeout: WAIT_MS })) ?? '').replace(/\s+/g, ' ').trim();
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The loaded body rows of the admin's (or the page's) table. */
const rowsOf = (scope) => scope.locator('order-table [part~="row"]:not([part~="placeholder"])');

/**
 * The table pools its rows and places them with transforms, so the DOM order is not the list's: the
 * row at list position `index` carries `data-index`.
 */
const rowAt = (scope, index) => scope.locator(`order-table [part~="row"][data-index="${index}"]:not([part~="placeholder"])`);

/** A cell of exactly `value`, for `filter({ has })`. */
const cellIs = (scope, column, value) => ('page' in scope ? scope.page() : scope).locator(column, { hasText: new RegExp(`^\\s*${escapeRegExp(value)}\\s*$`) });

/**
 * The loaded row of an order, as a locator that may match nothing. An order is its number AND its
 * store: numbers are per store (two stores may both have #1159).
 */
const rowOf = (scope, { number, store }) => {
  const byNumber = rowsOf(scope).filter({ has: cellIs(scope, '.col-number', number) });
  return store ? byNumber.filter({ has: cellIs(scope, '.col-store', store) }) : byNumber;
};

/** What a table row shows, by column (`col-status` → "Open"), leaving out the relative date and the checkbox. */
const rowCells = (row) =>
  row.evaluate((el) => {
    const cells = {};
    for (const cell of el.querySelectorAll('.cell')) {
      const key = [...cell.classList].find((c) => c.startsWith('col-'));
      if (key && key !== 'col-date') cells[key] = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    }
    return cells;
  });

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
const sameCounts = (a, b) => a.length === b.length && a.every((t, i) => t.label === b[i]?.label && t.count === b[i]?.count);

/** The row at list position `index` (0: the first): the row, its order number and store name. */
async function rowAtIndex(scope, index) {
  const row = rowAt(scope, index);
  await row.waitFor({ timeout: WAIT_MS });
  const store = row.locator('.col-store');
  return { row, number: await text(row.locator('.col-number')), store: (await store.count()) > 0 ? await text(store) : '' };
}

/** The first row of the list. */
const firstRow = (scope) => rowAtIndex(scope, 0);

/** The detail's first offered action button (the "More" menu aside). */
const actionButton = (detail) => detail.locator('[part~="actions"] [part~="action-button"]:not([part~="more-button"])').first();

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

/** Runs the first action the detail offers (through its dialog when one opens); returns its label and what was filled. */
async function runFirstAction(page, detail, number, statusBefore, what, shot) {
  const button = actionButton(detail);
  if ((await button.count()) === 0) fail(`order ${number} (${statusBefore}) offers no action to ${what}'s viewer`);
  const action = await text(button);
  await button.click();
  const dialog = detail.locator('order-action-dialog dialog[open]');
  let filled = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForTimeout(250);
    if (!(await dialog.isVisible())) break;
    if (attempt === 0 && shot) await page.screenshot({ path: shot });
    if (attempt === 2) fail(`the "${action}" dialog stays open: ${await text(dialog)}`);
    filled = filled.concat(await fillAndSubmitDialog(dialog));
  }
  return { action, filled };
}

/** Every uncaught error of every tab the run opens, with the tab's name. */
const pageErrors = [];
function watchErrors(page, name) {
  page.on('pageerror', (e) => pageErrors.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console error (${name}): ${m.text().slice(0, 300)}${m.location()?.url ? ` at ${m.location().url}` : ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) log(`HTTP ${r.status()} (${name}): ${r.request().method()} ${r.url()}${r.fromServiceWorker() ? ' (from the service worker)' : ''}`);
  });
}
const checkPageErrors = () => {
  if (pageErrors.length) fail(`uncaught error in the page: ${pageErrors.join(' | ')}`);
};

/** Switches the demo bar's preset select and waits for that preset's admin and its rows. */
async function switchPreset(page, preset) {
  const select = page.locator('select[name="preset"]');
  if ((await select.inputValue()) !== preset) await select.selectOption(preset);
  const admin = page.locator(`order-admin[preset="${preset}"]`);
  await until(`the ${preset} admin`, async () => (await admin.count()) === 1);
  await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
  return admin;
}

/** A second tab on the page's URL (without the admin's hash): another store over the same data. */
async function openSecondTab(page, preset) {
  const other = await page.context().newPage();
  watchErrors(other, 'second tab');
  const url = new URL(page.url());
  url.hash = '';
  await other.goto(url.href);
  const admin = other.locator(`order-admin[preset="${preset}"]`);
  await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
  return { page: other, admin };
}

/**
 * Where order `number` stands in a list: its row's cells while the list has it loaded, else the
 * active tab's count (it left the tab).
 */
async function listState(scope, key) {
  const match = rowOf(scope, key);
  if ((await match.count()) > 0) return { cells: await rowCells(match.first()) };
  const tabs = await tabCounts(scope);
  return { activeCount: tabs.find((t) => t.active)?.count };
}

// ── the steps ───────────────────────────────────────────────────────────────────────────────────────

/**
 * One preset on one backend. `url` given: the preset is loaded from that URL (a page load, as on the
 * REST pass; see `checkRestPass`); otherwise it is switched to with the demo bar's select.
 */
async function checkPreset(page, preset, backend, index, url) {
  const what = `${backend} ${preset}`;
  const shot = (kind) => join(screensDir, `${backend === 'local' ? 1 : 6}-${backend}-${index}-${preset}-${kind}.png`);
  if (url) await page.goto(url);
  const admin = await switchPreset(page, preset);
  const before = await tabCounts(admin);
  const activeBefore = before.find((t) => t.active);
  log(`${what}: ${countsText(before)}`);

  // A second tab on the same data, open before the action: it must follow without a reload.
  const second = await openSecondTab(page, preset);
  try {
    const secondBefore = await tabCounts(second.admin);
    if (!sameCounts(secondBefore, before)) fail(`a second tab counts ${countsText(secondBefore)}, the first ${countsText(before)}`);

    // Open the first order. An order that an earlier pass moved to a final status offers nothing
    // to do (the REST pass runs on the data the local pass changed): the next row then.
    const detail = admin.locator('order-detail');
    const skipped = [];
    let picked;
    for (let i = 0; i < 5 && !picked; i++) {
      const candidate = await rowAtIndex(admin, i);
      await candidate.row.locator('.col-customer').click();
      await until(`order ${candidate.number} in the detail`, async () => (await text(detail.locator('[part~="title"]'))).includes(candidate.number));
      await detail.locator('[part~="status-badge"]').waitFor({ timeout: WAIT_MS });
      if ((await actionButton(detail).count()) > 0) {
        picked = candidate;
        break;
      }
      skipped.push(`${candidate.number} (${await detailStatus(detail)})`);
      await admin.locator('[part~="back-link"]').click();
      await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
    }
    if (!picked) fail(`none of the first five orders offers an action to ${what}'s viewer: ${skipped.join(', ')}`);
    if (skipped.length) log(`${what}: ${skipped.join(', ')} ${skipped.length === 1 ? 'offers' : 'offer'} no action: using row ${skipped.length + 1}`);
    const { number } = picked;
    const secondRowBefore = await listState(second.admin, picked);
    if (!secondRowBefore.cells) fail(`the second tab's list does not show order ${number}`);
    const statusBefore = await detailStatus(detail);
    const timeline = detail.locator('[part~="timeline-entry"]');
    const entriesBefore = await timeline.count();

    // Its first offered action.
    const { action, filled } = await runFirstAction(page, detail, number, statusBefore, what, shot('dialog'));

    // The detail changed: a new status, or at least a new timeline entry; no failure shown.
    const statusAfter = await until(`order ${number} to change after "${action}"`, async () => {
      const failure = detail.locator('[part~="errors"] [part~="error"]');
      if ((await failure.count()) > 0) fail(`"${action}" failed: ${await text(failure.first())}`);
      if ((await detail.locator('[part~="busy"]').count()) > 0) return undefined;
      const status = await detailStatus(detail);
      return status !== statusBefore || (await timeline.count()) > entriesBefore ? status : undefined;
    });
    log(`${what}: order ${number}: "${action}"${filled.length ? ` (filled ${filled.join(', ')})` : ''}: ${statusBefore} → ${statusAfter}`);
    // Issue 12, rule 5: a toast a person notices confirms it.
    const toast = await until(`a toast after "${action}"`, async () => {
      const toasts = admin.locator('order-toasts [part~="toast"]');
      return (await toasts.count()) > 0 ? text(toasts.last()) : undefined;
    });
    log(`${what}: toast "${toast}"`);
    await page.screenshot({ path: shot('detail') });

    // Back to the list (no reload): the row shows the new status (or left this tab), and the counts followed.
    await admin.locator('[part~="back-link"]').click();
    await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
    const here = await until(`the list to show order ${number} as "${statusAfter}" without a reload`, async () => {
      const state = await listState(admin, picked);
      if (state.cells) return state.cells['col-status']?.includes(statusAfter) ? state : undefined;
      // It left the current tab: that tab's count went down by one.
      return state.activeCount === (activeBefore?.count ?? 0) - 1 ? state : undefined;
    });

    // The second tab followed without a reload: the same row (or the same tab count), the same counts.
    const live = await tabCounts(admin);
    const how = backend === 'rest' ? "the mock's SSE stream" : 'BroadcastChannel';
    await until(`the second tab to follow order ${number} without a reload (over ${how})`, async () => {
      const there = await listState(second.admin, picked);
      if (JSON.stringify(there) !== JSON.stringify(here)) return false;
      return sameCounts(await tabCounts(second.admin), live);
    });
    const changed = here.cells
      ? Object.keys(here.cells).filter((k) => here.cells[k] !== secondRowBefore.cells[k]).map((k) => `${k.slice(4)} "${secondRowBefore.cells[k]}"→"${here.cells[k]}"`)
      : ['left the tab'];
    log(`${what}: the list row followed; a second tab followed without a reload over ${how} (${changed.join(', ') || 'no visible cell changed'})`);

    // The live counts equal what a fresh page (a new store over the same data) counts.
    await second.page.reload();
    await rowsOf(second.admin).first().waitFor({ timeout: WAIT_MS });
    const truth = await tabCounts(second.admin);
    const now = await until(`the tab counts to match a fresh load (${countsText(truth)})`, async () => {
      const counts = await tabCounts(admin);
      return sameCounts(counts, truth) ? counts : undefined;
    });
    const moved = now.filter((t, i) => t.count !== before[i]?.count).map((t) => `${t.label} ${before.find((b) => b.label === t.label)?.count ?? '?'}→${t.count}`);
    log(`${what}: counts equal a fresh load${moved.length ? `: ${moved.join(', ')}` : ' (no tab changed)'}`);
    await page.screenshot({ path: shot('list') });
    if (backend === 'local') await checkFitAndBulkFeedback(page, admin, what);
  } finally {
    await second.page.close();
  }
  return before;
}

/**
 * Issue 12, rules 3 and 5 on screen: at 1280 px no order number or status pill is cut and the grid
 * does not scroll sideways; then two rows get a bulk action without input (the first one that opens no
 * dialog), a toast confirms it and both rows stay selected.
 */
async function checkFitAndBulkFeedback(page, admin, what) {
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    const table = admin.locator('order-table');
    await until(`the list at 1280 px to fit (${what})`, async () => {
      const m = await table.evaluate((el) => {
        const root = el.shadowRoot;
        const grid = root.querySelector('[role="grid"]');
        const cut = (n) => n.scrollWidth > n.clientWidth;
        const rows = [...root.querySelectorAll('.body > [role="row"]:not([hidden])')];
        return {
          overflow: grid.scrollWidth - grid.clientWidth,
          cut: rows.flatMap((r) => [...r.querySelectorAll('.col-number, .col-status .status')].filter(cut).map((n) => n.textContent.trim())),
        };
      });
      if (m.cut.length === 0 && m.overflow <= 0) return true;
      log(`${what}: at 1280 px: overflow ${m.overflow}px, cut: ${m.cut.slice(0, 3).join(', ')}`);
      return false;
    });
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  for (const i of [0, 1]) await rowAt(admin, i).locator('input[type="checkbox"]').check();
  const bar = admin.locator('bulk-action-bar');
  const count = bar.locator('[part~="count"]');
  const before = await text(count);
  const buttons = bar.locator('[part~="action-button"]:not([part~="destructive"])');
  let ran;
  for (let i = 0; i < (await buttons.count()) && !ran; i++) {
    const label = await text(buttons.nth(i));
    // Counted by the action's name: an older toast (the previous step's) may time out as the new one shows.
    const toastsOf = admin.locator('order-toasts [part~="toast"]', { hasText: label });
    const toasts = await toastsOf.count();
    await buttons.nth(i).click();
    await page.waitForTimeout(300);
    const input = bar.locator('dialog.input[open], dialog[open]:not(.report)');
    if (await input.count()) {
      await page.keyboard.press('Escape');
      continue;
    }
    ran = label;
    await until(`a toast after the bulk "${label}"`, async () => (await toastsOf.count()) > toasts);
  }
  if (!ran) return log(`${what}: no bulk action without input for the first two rows`);
  if (await bar.locator('dialog.report[open]').count()) await page.keyboard.press('Escape');
  if ((await text(count)) !== before) fail(`after the bulk "${ran}" the selection reads "${await text(count)}", not "${before}"`);
  log(`${what}: bulk "${ran}": toast shown, selection kept (${before})`);
  await bar.locator('[part~="clear-button"]').click();
}

/**
 * The five presets over REST. Each preset is loaded as a page (`?backend=rest&preset=…`) while a quiet
 * page (the guide) stays open under the service worker's scope for the whole pass. Both avoid a flaw
 * of the demo's mock worker life cycle that loses tabs opened afterwards: switching the preset in a
 * REST page runs `mock.stop()`, which unregisters the registration every tab shares
 * (src/api/mock/worker.ts) and is not awaited before the next start (demo/demo-app.ts `openBackend`),
 * and MSW's worker unregisters itself when its last client leaves. A tab loaded while the registration
 * is being removed is never controlled: its requests under ./api reach the static server (404) and its
 * admin stays on placeholders. The in-page switch is checked once at the end, on the page that switches.
 */
async function checkRestPass(page, base) {
  const url = (preset) => demoUrl(base, { backend: 'rest', preset });
  await page.goto(url(PRESETS[0]));
  await switchPreset(page, PRESETS[0]);
  await checkRestControlled(page, base);
  const keeper = await page.context().newPage();
  watchErrors(keeper, 'guide tab');
  try {
    await keeper.goto(new URL('guide.html', base).href);
    for (const [i, preset] of PRESETS.entries()) {
      step = `rest backend: preset ${preset}`;
      // The first preset is the page loaded above.
      await checkPreset(page, preset, 'rest', i + 1, i === 0 ? undefined : url(preset));
      checkPageErrors();
    }
    // The demo bar's switch on a REST page: the page that switches gets the new preset over REST.
    step = 'rest backend: switch preset in the page';
    const admin = await switchPreset(page, PRESETS[0]);
    const tabs = await tabCounts(admin);
    await checkRestControlled(page, base);
    log(`rest: switched to ${PRESETS[0]} with the demo bar: ${countsText(tabs)}`);
  } finally {
    await keeper.close();
  }
}

/** The REST backend: the MSW service worker controls the page and answers under ./api. */
async function checkRestControlled(page, base) {
  const controlled = await until('the MSW service worker to control the page', () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''));
  if (!controlled.endsWith('/mockServiceWorker.js')) fail(`the REST backend's service worker does not control the page (${controlled || 'none'})`);
  const requests = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).length);
  if (requests === 0) fail('the REST backend made no request under ./api');
  log(`REST backend: the page is controlled by ${controlled.replace(base, './')}; ${requests} requests under ./api so far`);
}

/** Opens the order a view's link names; the admin routes to `orders/:id` and the detail shows it. */
async function openFromView(page, admin, link, view) {
  // The calendar's entry holds the number in its own span; the tables' links are the number.
  const inner = link.locator('.number');
  const number = await text((await inner.count()) > 0 ? inner.first() : link);
  await link.click();
  await until(`order ${number} opened from ${view} (orders/:id)`, async () => {
    if (!/#\/orders\/[^/?]+/.test(page.url())) return false;
    return (await text(admin.locator('order-detail [part~="title"]'))).includes(number);
  });
  const route = new URL(page.url()).hash;
  log(`views: ${view}: opened order ${number} → ${route.split('?')[0]}`);
  return number;
}

async function checkViews(page) {
  const admin = await switchPreset(page, VIEWS_PRESET);
  const nav = (label) => admin.locator('[part~="nav-link"]', { hasText: label });

  // Shipments: real rows, each naming an order, a courier and a status.
  await nav('Shipments').click();
  const shipments = admin.locator('order-shipments');
  const shipmentRows = shipments.locator('[part~="row"]');
  await until('shipment rows', async () => (await shipments.locator('[part~="loading-state"]').count()) === 0 && (await shipmentRows.count()) > 0);
  const shipped = await shipmentRows.evaluateAll((rows) =>
    rows.map((r) => ({
      order: r.querySelector('[part~="order-link"]')?.textContent?.trim() ?? '',
      courier: r.querySelector('[part~="courier-cell"]')?.textContent?.trim() ?? '',
      status: r.querySelector('[part~="status-badge"]')?.textContent?.trim() ?? '',
    })),
  );
  const bad = shipped.find((s) => !s.order || !s.courier || !s.status);
  if (bad) fail(`a shipment row lacks its order, courier or status: ${JSON.stringify(bad)}`);
  const shipmentPager = await text(shipments.locator('[part~="pagination"]'));
  await page.screenshot({ path: join(screensDir, '2-view-shipments.png') });
  log(`views: shipments: ${shipped.length} rows (${shipmentPager}), e.g. ${shipped[0].order} ${shipped[0].courier} ${shipped[0].status}`);
  await openFromView(page, admin, shipmentRows.first().locator('[part~="order-link"]'), 'shipments');

  // Payments: real rows with amounts, and the totals strip in a currency.
  await nav('Payments').click();
  const payments = admin.locator('order-payments');
  const paymentRows = payments.locator('[part~="row"]');
  await until('payment rows and totals', async () =>
    (await payments.locator('[part~="loading-state"]').count()) === 0 && (await paymentRows.count()) > 0 && (await payments.locator('[part~="totals"]').count()) > 0,
  );
  const amounts = await paymentRows.evaluateAll((rows) => rows.map((r) => r.querySelector('[part~="amount-cell"]')?.textContent?.trim() ?? ''));
  if (amounts.some((a) => !/\d/.test(a))) fail(`a payment row has no amount: ${JSON.stringify(amounts.find((a) => !/\d/.test(a)))}`);
  const groups = await until('the payment totals by currency', async () => {
    const found = await payments.locator('[part~="currency-total"]').evaluateAll((els) =>
      els.map((g) => ({
        label: g.querySelector('[part~="grand-total"] dt')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        total: g.querySelector('[part~="grand-total"] dd')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      })),
    );
    return found.length > 0 ? found : undefined;
  });
  for (const g of groups) {
    const code = /\b([A-Z]{3})\b/.exec(g.label)?.[1];
    // "IDR 1,234,500" (en): the currency's code or symbol beside the digits.
    if (!code || !/\d/.test(g.total) || !(g.total.includes(code) || /[^\d\s.,-]/.test(g.total))) fail(`the payments totals strip shows "${g.label}: ${g.total}", not an amount in a currency`);
  }
  await page.screenshot({ path: join(screensDir, '2-view-payments.png') });
  log(`views: payments: ${amounts.length} rows; received ${groups.map((g) => g.total).join(' · ')}`);
  await openFromView(page, admin, paymentRows.first().locator('[part~="order-link"]'), 'payments');

  // Calendar: this month's heading, today marked, days with scheduled deliveries; a day's list opens an order.
  await nav('Calendar').click();
  const calendar = admin.locator('order-calendar');
  const grid = calendar.locator('[part~="grid"]');
  await until('the calendar grid with its counts', async () => {
    const failure = calendar.locator('[part~="error-state"]');
    if ((await failure.count()) > 0) fail(`the calendar failed to load: ${await text(failure)}`);
    return (await grid.count()) === 1 && (await grid.getAttribute('aria-busy')) === 'false' && (await calendar.locator('.placeholder').count()) === 0;
  });
  const zone = /\b([A-Za-z_]+\/[A-Za-z_/]+)\b/.exec(await text(calendar.locator('[part~="time-zone"]')))?.[1];
  if (!zone) fail(`the calendar does not name its time zone (${await text(calendar.locator('[part~="time-zone"]'))})`);
  const month = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: zone }).format(new Date());
  const title = await text(calendar.locator('[part~="title"]'));
  if (title !== month) fail(`the calendar opens on "${title}", not this month (${month} in ${zone})`);
  const todayCells = await calendar.locator('[part~="day"][part~="today"]').count();
  if (todayCells !== 1) fail(`the calendar marks ${todayCells} cells as today`);
  // The month grid's days, the next month's first days included (on a month's last day the
  // deliveries scheduled from today are mostly there).
  const scheduledDays = calendar.locator('[part~="day"]', { has: page.locator('[part~="count"][data-kind="scheduled"]') });
  const days = await scheduledDays.count();
  if (days === 0) fail(`no day in the grid of ${month} shows a scheduled delivery count`);
  const scheduled = await scheduledDays.evaluateAll((els) =>
    els.reduce((n, el) => n + Number(el.querySelector('[part~="count"][data-kind="scheduled"]')?.getAttribute('data-count') ?? 0), 0),
  );
  const day = scheduledDays.first();
  const dayKey = await day.getAttribute('data-day');
  const dayCount = Number(await day.locator('[part~="count"][data-kind="scheduled"]').getAttribute('data-count'));
  await day.click();
  const dayList = calendar.locator(`[part~="day-list"][data-day="${dayKey}"]`);
  const entries = dayList.locator('[part~="day-list-item"]');
  await until(`the list of ${dayKey}`, async () => (await dayList.locator('[part~="day-list-loading"]').count()) === 0 && (await entries.count()) > 0);
  const listed = await entries.count();
  if (listed !== Math.min(dayCount, 20)) fail(`${dayKey} counts ${dayCount} scheduled, its list shows ${listed}`);
  await page.screenshot({ path: join(screensDir, '2-view-calendar.png') });
  log(`views: calendar: "${title}" (${zone}), today marked, ${days} days with ${scheduled} scheduled deliveries; ${dayKey} lists ${listed}`);
  await openFromView(page, admin, entries.first().locator('[part~="order-link"]'), 'the calendar');
  await page.screenshot({ path: join(screensDir, '2-view-calendar-order.png') });

  await nav('Orders').click();
  await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
  return admin;
}

/** Export from the toolbar: the current view (one status tab) to CSV, read back from the download. */
async function checkExport(page, admin) {
  // A tab other than the first, so the file shows that the query was honoured.
  const tab = admin.locator('status-tabs [part~="tab"]').nth(1);
  await tab.click();
  const tabs = await until('the second status tab to be active', async () => {
    const counts = await tabCounts(admin);
    return counts[1]?.active ? counts : undefined;
  });
  const active = tabs[1];
  await firstRow(admin);
  // The orders the list shows now, as "store name · number".
  const shown = await rowsOf(admin).evaluateAll((rows) =>
    rows.map((r) => `${r.querySelector('.col-store')?.textContent?.trim()} · ${r.querySelector('.col-number')?.textContent?.trim()}`),
  );

  await admin.locator('order-toolbar [part~="export-button"]').click();
  const dialog = admin.locator('order-export dialog[open]');
  await dialog.waitFor({ timeout: WAIT_MS });
  if (!(await dialog.locator('input[name="scope"][value="query"]').isChecked())) fail('Export does not start on "Current view"');
  const scopeCount = await until('the "Current view" count in the export dialog', async () => {
    const m = /\(([\d,]+) orders?\)/.exec(await text(dialog.locator('[part~="scope"]')));
    return m ? Number(m[1].replace(/,/g, '')) : undefined;
  });
  if (scopeCount !== active.count) fail(`Export's "Current view" says ${scopeCount} orders, the "${active.label}" tab ${active.count}`);
  const chosen = Number((await text(dialog.locator('.column-actions .hint'))).replace(/\D/g, ''));

  await page.evaluate(() => {
    document.querySelector('order-admin')?.addEventListener(
      'export-complete',
      (e) => {
        window.__e2eExport = { rows: e.detail.rows, orders: e.detail.orders, bytes: e.detail.bytes, fileName: e.detail.fileName, blob: e.detail.blob instanceof Blob };
      },
      { once: true },
    );
  });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    dialog.locator('[part~="export-button"]').click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  const csv = bytes.toString('utf8');
  const parsed = Papa.parse(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  if (parsed.errors.length) fail(`the exported CSV does not parse: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const [header, ...records] = parsed.data;
  const complete = await until('export-complete', () => page.evaluate(() => window.__e2eExport));

  if (!/^orders-\d{4}-\d{2}-\d{2}\.csv$/.test(download.suggestedFilename())) fail(`the export is named "${download.suggestedFilename()}"`);
  if (complete.fileName !== download.suggestedFilename()) fail(`export-complete names "${complete.fileName}", the download "${download.suggestedFilename()}"`);
  if (!csv.startsWith('\uFEFF')) fail('the export has no byte order mark although "For Excel" is on');
  if (header[0] !== 'Order number' || !['Status', 'Currency', 'Total'].every((h) => header.includes(h))) fail(`the CSV header is ${header.join(',')}`);
  if (header.length !== chosen) fail(`the CSV has ${header.length} columns, the dialog says ${chosen} chosen`);
  if (records.length !== active.count) fail(`the CSV has ${records.length} records, the "${active.label}" tab counts ${active.count}`);
  if (complete.rows !== records.length || complete.orders !== active.count || complete.bytes !== bytes.length || !complete.blob) {
    fail(`export-complete says ${JSON.stringify(complete)}, the file has ${records.length} records in ${bytes.length} bytes`);
  }
  const ragged = records.findIndex((r) => r.length !== header.length);
  if (ragged >= 0) fail(`CSV record ${ragged + 2} has ${records[ragged].length} cells, the header ${header.length}`);
  // Order numbers are per store (two stores may both have #1001): an order is its store and number.
  const storeColumn = header.indexOf('Store');
  if (storeColumn < 0) fail(`the CSV has no "Store" column: ${header.join(',')}`);
  const orders = new Set(records.map((r) => `${r[storeColumn]} · ${r[0]}`));
  if (orders.size !== records.length) fail(`the CSV repeats an order (${records.length - orders.size} duplicates)`);
  const missing = shown.filter((o) => !orders.has(o));
  if (missing.length) fail(`the CSV lacks orders the "${active.label}" list shows: ${missing.join(', ')}`);
  await until('the export dialog to say it is done', async () => (await text(dialog.locator('.success'))).includes(complete.fileName));
  await page.screenshot({ path: join(screensDir, '3-export.png') });
  log(`export: "${active.label}" (${active.count}) → ${complete.fileName}: header of ${header.length} columns (${header.slice(0, 4).join(', ')}…), ${records.length} records, ${bytes.length} bytes; the ${shown.length} orders the list shows are in it`);
  await dialog.locator('.buttons [part~="close-button"]').click();
  await until('the export dialog to close', async () => (await dialog.count()) === 0);
}

/** Import from the toolbar: the template downloads; one valid and one bad row give a preview that blocks the import. */
async function checkImport(page, admin, workDir) {
  await admin.locator('order-toolbar [part~="import-button"]').click();
  const dialog = admin.locator('order-import dialog[open]');
  await dialog.waitFor({ timeout: WAIT_MS });
  const [templateDownload] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    dialog.locator('[part~="template-button"]').click(),
  ]);
  const template = readFileSync(await templateDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const [header, example] = Papa.parse(template, { skipEmptyLines: true }).data;
  if (!header || !example || header[0] !== 'Order number') fail(`the import template is not a header and an example row: ${template.slice(0, 200)}`);
  const column = (name) => {
    const i = header.indexOf(name);
    if (i < 0) fail(`the import template has no "${name}" column`);
    return i;
  };
  const stamp = Date.now().toString(36).toUpperCase();
  const good = [...example];
  good[column('Order number')] = `E2E-${stamp}-1`;
  const bad = [...example];
  bad[column('Order number')] = `E2E-${stamp}-2`;
  bad[column('Quantity')] = 'two';
  const file = join(workDir, 'orders-one-bad-row.csv');
  writeFileSync(file, `\uFEFF${Papa.unparse([header, good, bad], { newline: '\r\n' })}\r\n`);

  await dialog.locator('input[type="file"]').setInputFiles(file);
  const check = dialog.locator('[part~="check-button"]');
  await check.waitFor({ timeout: WAIT_MS });
  await check.click();
  const problems = dialog.locator('[part~="problems"] tbody tr');
  await until('the import preview with its problems', async () => (await problems.count()) > 0);
  const listed = await problems.evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
  if (listed.some(([row]) => row !== '3')) fail(`the preview lists problems on rows other than the bad row 3: ${JSON.stringify(listed)}`);
  if (!listed.some(([, col]) => col.startsWith('Quantity'))) fail(`the preview does not name the bad Quantity: ${JSON.stringify(listed)}`);
  const importButton = dialog.locator('[part~="import-button"]');
  if (!(await importButton.isDisabled())) fail('Import is enabled although the file has a bad row');
  const why = await text(dialog.locator('#why'));
  const summary = await text(dialog.locator('[part~="summary"]'));
  await page.screenshot({ path: join(screensDir, '3-import-preview.png') });
  log(`import: template ${templateDownload.suggestedFilename()} (${header.length} columns); preview: "${summary}" row 3: ${listed.map(([, c, p]) => `${c}: ${p}`).join('; ')} Import disabled ("${why}")`);
  await dialog.locator('.buttons [part~="close-button"], [part~="close-button"]').first().click();
  await until('the import dialog to close', async () => (await dialog.count()) === 0);
}

async function checkIndonesian(page) {
  await page.locator('select[name="locale"]').selectOption('id');
  const nav = page.locator('order-admin [part~="nav"]');
  await until('the Indonesian navigation (Pesanan, Pengiriman)', async () => {
    const labels = await text(nav);
    return labels.includes('Pesanan') && labels.includes('Pengiriman');
  });
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'id') fail('<html lang> did not follow the locale');
  await page.screenshot({ path: join(screensDir, '4-locale-id.png') });
  log('locale: Indonesian labels shown (Pesanan, Pengiriman)');
  await page.locator('select[name="locale"]').selectOption('en');
  await until('the English navigation back', async () => (await text(nav)).includes('Orders'));
}

async function checkMalay(page) {
  await page.locator('select[name="locale"]').selectOption('ms');
  const nav = page.locator('order-admin [part~="nav"]');
  await until('the Malay navigation (Pesanan, Penghantaran, Kalendar)', async () => {
    const labels = await text(nav);
    return labels.includes('Pesanan') && labels.includes('Penghantaran') && labels.includes('Kalendar');
  });
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'ms') fail('<html lang> did not follow the locale');
  await page.screenshot({ path: join(screensDir, '4-locale-ms.png') });
  log('locale: Malay labels shown (Pesanan, Penghantaran, Kalendar)');
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
  await page.screenshot({ path: join(screensDir, '5-theme-dark.png') });
  const { row } = await firstRow(admin);
  await row.locator('.col-customer').click();
  await admin.locator('order-detail [part~="title"]').waitFor({ timeout: WAIT_MS });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screensDir, '5-theme-dark-detail.png') });
  log(`theme: dark applied (rows ${tableBackground})`);

  await page.locator('select[name="theme"]').selectOption('brand');
  await until('the brand theme on <order-admin>', async () => (await token('--od-radius')) === '12px');
  const header = await admin.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="header"]')).backgroundImage);
  if (!header.includes('gradient')) fail(`brand theme: the header part has no gradient (${header})`);
  await page.screenshot({ path: join(screensDir, '5-theme-brand-detail.png') });
  await admin.locator('[part~="back-link"]').click();
  await rowsOf(admin).first().waitFor({ timeout: WAIT_MS });
  await page.screenshot({ path: join(screensDir, '5-theme-brand.png') });
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

async function checkEmbed(page, base) {
  await page.goto(`${base}embed.html`);
  const first = await firstRow(page);
  const { row, number } = first;
  const tabs = await tabCounts(page);
  await page.screenshot({ path: join(screensDir, '7-embed.png') });
  await row.locator('.col-customer').click();
  await until(`order ${number} in the embed page's panel`, async () => (await text(page.locator('order-detail [part~="title"]'))).includes(number));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screensDir, '7-embed-order.png') });
  log(`embed: ${countsText(tabs)}; order ${number} opened in the side panel`);

  // One store for both islands: an action in the panel shows in the list's row.
  const detail = page.locator('order-detail');
  const statusBefore = await detailStatus(detail);
  const { action } = await runFirstAction(page, detail, number, statusBefore, 'the embed page');
  const status = await until(`the panel to show order ${number} moved on by "${action}" (from ${statusBefore})`, async () => {
    if ((await detail.locator('[part~="busy"]').count()) > 0) return undefined;
    const now = await detailStatus(detail);
    return now !== statusBefore ? now : undefined;
  });
  await until(`the list's row ${number} to show "${status}"`, async () => {
    const state = await listState(page, first);
    if (!state.cells) return state.activeCount === (tabs.find((t) => t.active)?.count ?? 0) - 1;
    return state.cells['col-status']?.includes(status);
  });
  await page.screenshot({ path: join(screensDir, '7-embed-action.png') });
  log(`embed: "${action}" in the panel: ${statusBefore} → ${status}, and the list's row followed (one shared store)`);
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────────────

let server;
let browser;
let workDir;
let step = 'start';
let finished = false;

async function stopAll() {
  await browser?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  browser = undefined;
  server = undefined;
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
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

const demoUrl = (base, params) =>
  `${base}?${new URLSearchParams({ preset: PRESETS[0], viewer: 'usr_super', activity: 'off', theme: 'light', locale: 'en', size: String(SIZE), ...params })}`;

try {
  step = 'build';
  ensureBuilt();
  mkdirSync(screensDir, { recursive: true });
  for (const file of readdirSync(screensDir)) if (file.endsWith('.png') || file.endsWith('.pdf')) rmSync(join(screensDir, file));
  workDir = mkdtempSync(join(tmpdir(), 'orderdeck-e2e-'));
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
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  watchErrors(page, 'demo');

  try {
    step = 'load (local)';
    await page.goto(demoUrl(server.url, { backend: 'local' }));
    const seeded = {};
    for (const [i, preset] of PRESETS.entries()) {
      step = `local backend: preset ${preset}`;
      seeded[preset] = await checkPreset(page, preset, 'local', i + 1);
      checkPageErrors();
    }
    step = 'workflow settings and shipment detail';
    await checkSettings(page, { screensDir, log });
    checkPageErrors();
    step = 'views (shipments, payments, calendar)';
    const admin = await checkViews(page);
    checkPageErrors();
    step = 'export';
    await checkExport(page, admin);
    checkPageErrors();
    step = 'import';
    await checkImport(page, admin, workDir);
    checkPageErrors();
    step = 'locale';
    await checkIndonesian(page);
    await checkMalay(page);
    step = 'themes';
    await checkThemes(page);
    checkPageErrors();
    step = 'reload';
    await checkReload(page);
    step = 'reset data';
    await checkReset(page, VIEWS_PRESET, seeded[VIEWS_PRESET]);
    checkPageErrors();
    step = 'accounting posting (marketplace)';
    await checkPosting(page, { url: demoUrl(server.url, { backend: 'local', preset: 'marketplace' }), screensDir, log });
    step = 'scan to ship and self-delivery (marketplace)';
    await checkScanToShip(page, { url: demoUrl(server.url, { backend: 'local', preset: 'marketplace' }), screensDir, log });
    step = 'print documents (marketplace)';
    await checkPrint(page, { screensDir, log });
    checkPageErrors();
    step = 'warehouse walk of seed 003 and issue 12 rule 1 (e2e/warehouse.mjs)';
    await checkWarehouse(page, { url: (params) => demoUrl(server.url, { backend: 'local', ...params }), presets: PRESETS, screensDir, log });
    checkPageErrors();

    for (const backend of ['local', 'rest']) {
      step = `order entry (${backend}): create paid and COD orders, edit, timeline diff`;
      await checkOrderForm(page, { url: (params) => demoUrl(server.url, params), backend, screensDir, log });
      checkPageErrors();
    }
    step = 'rest backend: load';
    await checkRestPass(page, server.url);
    step = 'embed page';
    await checkEmbed(page, server.url);
    checkPageErrors();
    step = 'accessibility';
    await checkAccessibility(page, server.url);
    checkPageErrors();
  } catch (e) {
    await page.screenshot({ path: join(screensDir, 'FAILED.png') }).catch(() => undefined);
    for (const [i, other] of context.pages().filter((p) => p !== page).entries()) {
      await other.screenshot({ path: join(screensDir, `FAILED-tab-${i + 2}.png`) }).catch(() => undefined);
    }
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
  if (finished) log(`all checks passed in ${seconds()}s; screenshots in e2e-screens/`);
}
