/**
 * End-to-end walk of seed 003's warehouse day in the `marketplace` preset on the embedded backend
 * (issue 10 "Done when"), with the SAME orders flowing through every step, then issue 12 rule 1 on
 * screen over the five presets. Called by e2e/run.mjs (`checkWarehouse`: both); reuses the print, scan and
 * posting modules' helpers.
 *
 * The walk (screenshots and PDFs in `screensDir` as warehouse-*.png / .pdf, each PDF's pages also as
 * warehouse-*-pdf-<n>.png when pdftoppm is installed):
 *   1. New Order: four rows A, B, C, D selected → bulk Pack → all four in To Process;
 *   2. To Process: A–D selected → Print → picking list summary and per-order picking list: each preview
 *      shows those orders, is printed, recorded, and saved as a PDF;
 *   3. Scan to ship: A typed (80 ms between keys) + Enter and B as a scanner burst → To Ship; a new
 *      round (the same order twice in a round is refused by design), A burst and B typed → Shipped; from the round, Print AWB and Print courier manifest open the admin's
 *      preview with exactly A and B (PDFs saved);
 *   4. C: bulk "Self deliver" with a driver, then from the Self Deliver tab bulk "Mark as Delivered";
 *   5. Shipped: A and B selected → Post Order; right after, while the batch is in progress, A's row
 *      menu and detail do not offer "Post Order" (issue 12 rule 1); the history's batch turns completed
 *      or failed, failed ones are retried (up to 3 times); the posted ones are found under Archived.
 * Rule 1 (`checkOffersAccepted`): per preset, a few rows' status menus and details are read; every
 * offered item that runs without input is run on a row (one item per row, rows used up as they go)
 * and no "Refused by the workflow" may appear; cod-delivery's super-admin is never offered Restore on
 * a live order.
 * Throws an Error naming the step on any failure.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { capturePrints, printPreview } from './print.mjs';
import { openTab, scannerBurst } from './scan.mjs';
import { chooseTab, stateOf, tabCount } from './posting.mjs';
import { clean, waiter } from './wait.mjs';

const WAIT_MS = 30_000;
const REFUSED = 'Refused by the workflow';
/** The tab rule 1 reads its rows from, where the preset's default one is not the live orders. */
const START_TAB = { marketplace: 'New Order' };

const until = waiter(WAIT_MS);

const rows = (admin) => admin.locator('order-table [part~="row"]:not([part~="placeholder"])');
/** The loaded row showing order `number` (may match nothing). */
const rowOf = (admin, number) => rows(admin).filter({ has: admin.page().locator('.col-number', { hasText: new RegExp(`^\\s*${number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }) });
const rowAt = (admin, index) => admin.locator(`order-table [part~="row"][data-index="${index}"]:not([part~="placeholder"])`);
const numberAt = async (admin, index) => clean(await rowAt(admin, index).locator('.col-number').textContent({ timeout: WAIT_MS }));

/** Ticks the rows of `numbers` in the current list (they must be loaded). */
async function select(admin, numbers) {
  for (const n of numbers) {
    const row = rowOf(admin, n);
    await until(`order ${n} in the list`, async () => (await row.count()) === 1);
    await row.locator('input[data-od-action="select"]').check();
  }
  const bar = admin.locator('bulk-action-bar [part~="count"]');
  await until(`${numbers.length} selected`, async () => clean(await bar.textContent()).startsWith(`${numbers.length} selected`));
}

const clearSelection = async (admin) => {
  const clear = admin.locator('bulk-action-bar [part~="clear-button"]');
  if (await clear.isVisible().catch(() => false)) await clear.click();
};

/** Runs a bulk action on the selection (choosing `agent` when it asks for one) and closes its report if one opens. */
async function bulk(page, admin, action, { agent } = {}) {
  const bar = admin.locator('bulk-action-bar');
  await bar.locator('[part~="action-button"]', { hasText: action }).first().click();
  if (agent) {
    const choice = bar.locator('[part~="input-dialog"] select[name="agent"]');
    await choice.waitFor({ timeout: WAIT_MS });
    await choice.selectOption({ label: agent });
    await bar.locator('[part~="input-dialog"] [part~="confirm-button"]').click();
  }
  await page.waitForTimeout(400);
  if (await bar.locator('dialog.report[open], [part~="report-dialog"][open]').count()) await page.keyboard.press('Escape');
}

/** Fails when the admin shows a "Refused by the workflow" error anywhere (toasts, detail problems, bulk report). */
async function assertNotRefused(admin, what) {
  const refused = admin.getByText(REFUSED);
  if ((await refused.count()) > 0) throw new Error(`warehouse: ${what} was refused: "${clean(await refused.first().locator('xpath=..').textContent())}"`);
}

/** The items of a row's status menu (labels), read and closed again. */
async function rowMenu(page, admin, number) {
  await until(`order ${number}'s row`, async () => (await rowOf(admin, number).count()) === 1);
  const button = rowOf(admin, number).locator('[data-od-action="status-menu"]');
  if ((await button.count()) === 0 || !(await button.isVisible())) return [];
  await button.click();
  const menu = admin.locator('order-table [part~="status-menu"]');
  await menu.waitFor({ timeout: WAIT_MS });
  const items = (await menu.locator('[role="menuitem"]:not([aria-disabled="true"])').allTextContents()).map(clean);
  await page.keyboard.press('Escape');
  await until('the status menu to close', async () => (await menu.count()) === 0);
  return items;
}

/** Opens order `number` (its row loaded) in the detail; returns every action it offers (inline and "More actions"). */
async function detailActions(page, admin, number) {
  await rowOf(admin, number).locator('.col-customer').click();
  const detail = admin.locator('order-detail');
  await until(`order ${number} in the detail`, async () => clean(await detail.locator('[part~="title"]').textContent()).includes(number));
  await detail.locator('[part~="status-badge"]').waitFor({ timeout: WAIT_MS });
  const inline = (await detail.locator('[part~="actions"] [part~="action-button"]:not([part~="more-button"])').allTextContents()).map(clean);
  const more = detail.locator('[part~="more-button"]');
  let menu = [];
  if (await more.count()) {
    await more.click();
    menu = (await detail.locator('#more-menu [role="menuitem"]').allTextContents()).map(clean);
    await page.keyboard.press('Escape');
  }
  return [...inline, ...menu];
}

const back = async (admin) => {
  await admin.locator('[part~="back-link"]').click();
  await rows(admin).first().waitFor({ timeout: WAIT_MS });
};

/**
 * The whole module as e2e/run.mjs calls it: the warehouse walk in marketplace, then rule 1 over `presets`.
 * @param {import('playwright-core').Page} page
 * @param {{ url: (params: Record<string, string>) => string, presets: string[], screensDir: string, log?: (m: string) => void }} options
 *   `url({ preset })`: the demo in that preset (local backend, English, activity off, super-admin).
 */
export async function checkWarehouse(page, { url, presets, screensDir, log = () => undefined }) {
  const walk = await walkWarehouse(page, { url: url({ preset: 'marketplace' }), screensDir, log });
  await checkOffersAccepted(page, { url: (preset) => url({ preset }), presets, screensDir, log });
  return walk;
}

/**
 * The seed 003 walk (steps 1–5 above).
 * @param {import('playwright-core').Page} page
 * @param {{ url: string, screensDir: string, log?: (m: string) => void }} options `url`: the demo in
 *   the marketplace preset (local backend, English, activity off, super-admin).
 */
export async function walkWarehouse(page, { url, screensDir, log = () => undefined }) {
  const shot = (name) => page.screenshot({ path: join(screensDir, `warehouse-${name}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url);
  const admin = page.locator('order-admin[preset="marketplace"]');
  await rows(admin).first().waitFor({ timeout: WAIT_MS });

  // 1. Pack four New Orders in bulk.
  await openTab(admin, 'New Order');
  const orders = [];
  for (let i = 0; i < 4; i++) orders.push(await numberAt(admin, i));
  const [a, b, c] = orders;
  const newBefore = await tabCount(admin, 'new');
  await select(admin, orders);
  await shot('01-new-selected');
  await bulk(page, admin, 'Pack');
  await until('New Order to lose the four packed orders', async () => (await tabCount(admin, 'new')) === newBefore - 4);
  await assertNotRefused(admin, 'bulk Pack');
  await clearSelection(admin);
  log(`warehouse: packed ${orders.join(', ')}`);

  // 2. To Process: picking list summary and per-order picking lists of exactly those orders.
  await openTab(admin, 'To Process');
  await select(admin, orders);
  await shot('02-to-process-selected');
  await capturePrints(page);
  const menu = admin.locator('bulk-action-bar print-menu');
  const pdfs = [];
  for (const kind of ['picking-summary', 'picking-list']) {
    await menu.locator('[part~="button"]').click();
    await menu.locator(`[data-document="${kind}"]`).click();
    const { pdf } = await printPreview(page, admin, kind, { screensDir, name: `warehouse-03-${kind}`, shows: orders });
    pdfs.push(pdf);
  }
  await clearSelection(admin);
  log(`warehouse: picking summary and picking lists of the four printed`);

  // 3. Scan to ship: A typed, B by scanner → To Ship; both again → Shipped; AWB and manifest of the round.
  await admin.locator('[part~="nav-link"]', { hasText: 'Scan to ship' }).click();
  const scan = admin.locator('scan-to-ship');
  const field = scan.locator('[part~="scan-input"]');
  await field.waitFor({ timeout: WAIT_MS });
  await until('the scan field to have focus', () => field.evaluate((el) => el.getRootNode().activeElement === el));
  const clearRound = async () => {
    const clear = scan.locator('[part~="clear-button"]');
    if (await clear.isEnabled()) await clear.click();
    await until('the round to be cleared', async () => (await scan.locator('[part~="row"]').count()) === 0);
    await field.focus();
  };
  // A round left by an earlier visit survives reloads: start a new one.
  await clearRound();
  const banner = scan.locator('[part~="feedback"]');
  const moved = (n, to) => until(`${n} moved to ${to}`, async () => {
    const t = clean(await banner.textContent());
    return t.includes(n) && t.includes(`to ${to}`);
  });
  await field.pressSequentially(a, { delay: 80 });
  await page.keyboard.press('Enter');
  await moved(a, 'To Ship');
  await scannerBurst(field, b);
  await moved(b, 'To Ship');
  await shot('04-scan-to-ship');
  // The same order twice in one round is refused by design ("already scanned in this round"): the
  // second pass, at the courier's hand-over, is a new round.
  await clearRound();
  await scannerBurst(field, a);
  await moved(a, 'Shipped');
  await field.pressSequentially(b, { delay: 80 });
  await page.keyboard.press('Enter');
  await moved(b, 'Shipped');
  const round = await scan.locator('[part~="row"]').evaluateAll((els) => els.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
  const how = round.map((r) => `${r[2]} ${r[1]}`).reverse();
  const expected = [`${a} Scanner`, `${b} Typed`];
  if (how.join(',') !== expected.join(',')) throw new Error(`warehouse: the round lists ${how.join(', ')}, not ${expected.join(', ')}`);
  await assertNotRefused(admin, 'scanning');
  await shot('05-scan-shipped');
  for (const [kind, button] of [['awb', 'print-awb-button'], ['manifest', 'print-manifest-button']]) {
    await scan.locator(`[part~="${button}"]`).click();
    const { preview, pdf } = await printPreview(page, admin, kind, { screensDir, name: `warehouse-06-${kind}`, shows: [a, b] });
    const others = orders.filter((n) => n !== a && n !== b && preview.includes(n));
    if (others.length) throw new Error(`warehouse: the ${kind} of the round also shows ${others.join(', ')}`);
    pdfs.push(pdf);
  }
  log(`warehouse: ${a} typed and ${b} scanned to To Ship then Shipped; AWB and manifest printed for exactly them`);

  // 4. Self-deliver C with a driver; Mark as Delivered from the Self Deliver tab.
  await admin.locator('[part~="nav-link"]', { hasText: 'Orders' }).click();
  await openTab(admin, 'To Process');
  await select(admin, [c]);
  const agent = 'Joko Susilo';
  await bulk(page, admin, 'Self deliver', { agent });
  await clearSelection(admin);
  await openTab(admin, 'Self Deliver', 'Shipped');
  await until(`${c} in Self Deliver with ${agent}`, async () => clean(await rowOf(admin, c).textContent()).includes(agent));
  await rowOf(admin, c).locator('.col-courier').scrollIntoViewIfNeeded();
  await shot('07-self-deliver');
  await select(admin, [c]);
  await bulk(page, admin, 'Mark as Delivered');
  await clearSelection(admin);
  await openTab(admin, 'Delivered');
  await until(`${c} under Delivered`, async () => (await rowOf(admin, c).count()) === 1);
  await assertNotRefused(admin, 'self-delivery');
  await shot('08-delivered');
  log(`warehouse: ${c} self-delivered by ${agent} and marked delivered`);

  // 5. Post A and B from Shipped; while in progress, Post Order is not offered on A; history settles; Archived.
  await chooseTab(admin, 'shipped');
  const beforePosting = await rowMenu(page, admin, a);
  await select(admin, [a, b]);
  const post = admin.locator('[part~="post-button"]');
  await until('"Post Order (2 selected)"', async () => clean(await post.textContent()).includes('2 selected'));
  await shot('09-shipped-selected');
  await post.click();
  const dialog = admin.locator('dialog.posting-dialog[open]');
  await dialog.waitFor({ timeout: WAIT_MS });
  const newest = dialog.locator('posting-history [part~="batch"]').first();
  await until('the new batch of A and B', async () => {
    const t = clean(await newest.textContent());
    return t.includes(a) || /\b2\b/.test(t);
  });
  await shot('10-posting-in-progress');
  await dialog.locator('.posting-close').click();
  await clearSelection(admin);
  const inRow = await rowMenu(page, admin, a);
  const inDetail = await detailActions(page, admin, a);
  if (!beforePosting.some((l) => l.startsWith('Post Order'))) throw new Error(`warehouse: ${a}'s row menu did not offer "Post Order" before posting (${beforePosting.join(', ') || 'nothing'}), so its absence later proves nothing`);
  if ([...inRow, ...inDetail].some((l) => l.startsWith('Post Order'))) throw new Error(`warehouse: "Post Order" is offered on ${a} while its posting is in progress (row: ${inRow.join(', ')}; detail: ${inDetail.join(', ')})`);
  await shot('11-no-post-while-in-progress');
  await back(admin);
  await admin.locator('[part~="posting-status-button"]').click();
  await dialog.waitFor({ timeout: WAIT_MS });
  // The check above counts only if the batch was still in progress after it.
  const then = await stateOf(newest);
  if (then !== 'in-progress') log(`warehouse: note: the batch was already ${then} after the "no Post Order while in progress" check`);
  log(`warehouse: while ${a}'s posting was in progress (${then} after), offered — row: ${inRow.join(', ') || 'nothing'} (before posting: ${beforePosting.join(', ') || 'nothing'}); detail: ${inDetail.join(', ') || 'nothing'}`);
  const settled = await until('the batch to turn completed or failed', async () => {
    const state = await stateOf(newest);
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
  await shot(`12-posting-${settled}`);
  let state = settled;
  for (let attempt = 1; state === 'failed' && attempt <= 3; attempt++) {
    const retry = newest.locator('[part~="retry-button"]');
    if ((await retry.count()) === 0) break;
    await retry.click();
    await until('the retried batch to leave "failed"', async () => (await stateOf(newest)) !== 'failed', 10_000).catch(() => undefined);
    state = await until('the retried batch to settle', async () => {
      const s = await stateOf(newest);
      return s === 'completed' || s === 'failed' ? s : undefined;
    });
    log(`warehouse: retry ${attempt}: the batch is ${state}`);
  }
  await shot(`13-posting-final-${state}`);
  const posted = (await newest.locator('[part~="order"].completed [part~="order-button"]').allTextContents()).map(clean);
  log(`warehouse: the batch of ${a}, ${b} turned ${settled}${state !== settled ? `, then ${state} after retry` : ''}; posted: ${posted.join(', ') || 'none'}`);
  await dialog.locator('.posting-close').click();

  await chooseTab(admin, 'archived');
  const search = admin.locator('order-toolbar [part~="search-input"]');
  for (const n of posted) {
    await search.fill(n);
    await until(`order ${n} alone under Archived`, async () => (await tabCount(admin, 'archived')) === 1 && (await rowOf(admin, n).count()) === 1);
    if (n === posted[0]) await shot('14-archived');
  }
  await search.fill('');
  log(`warehouse: ${posted.length} posted order(s) found under Archived`);
  // Each PDF's pages as PNG beside it (<name>-pdf-<page>.png), to look at; skipped where pdftoppm is missing.
  const converted = pdfs.filter((pdf) => spawnSync('pdftoppm', ['-r', '72', '-png', pdf, pdf.replace(/\.pdf$/, '-pdf')]).status === 0);
  log(`warehouse: ${pdfs.length} PDFs saved${converted.length ? `, pages as PNG by pdftoppm` : ' (no pdftoppm: not converted)'}`);
  return { orders, pdfs, posted, settled: state };
}

/**
 * Issue 12 rule 1 on screen: whatever a row's status menu or the detail offers is accepted. `url(preset)`
 * loads the demo in that preset (local backend, super-admin). Per preset: the first `rowsPerPreset` rows
 * of the default tab have their status menu read; on each row in turn the next offered item that needs
 * no input ("…" marks one that asks) is run, and no "Refused by the workflow" may appear; one order's
 * detail actions are read. cod-delivery: no Restore on a live order.
 */
export async function checkOffersAccepted(page, { url, presets, screensDir, log = () => undefined, rowsPerPreset = 4 }) {
  for (const preset of presets) {
    await page.goto(url(preset));
    const admin = page.locator(`order-admin[preset="${preset}"]`);
    await rows(admin).first().waitFor({ timeout: WAIT_MS });
    // Live orders with something to do: marketplace's All tab opens on closed (cancelled) orders.
    if (START_TAB[preset]) await openTab(admin, START_TAB[preset]);
    const ran = [];
    const tried = new Set();
    let offered = 0;
    for (let i = 0; i < rowsPerPreset; i++) {
      const number = await numberAt(admin, i);
      const items = await rowMenu(page, admin, number);
      offered += items.length;
      if (preset === 'cod-delivery' && items.some((l) => /^Restore/.test(l))) throw new Error(`warehouse: cod-delivery offers Restore on live order ${number}'s row`);
      const item = items.find((l) => !l.endsWith('…') && !tried.has(l));
      if (!item) continue;
      tried.add(item);
      await rowOf(admin, number).locator('[data-od-action="status-menu"]').click();
      await admin.locator('order-table [part~="status-menu"] [role="menuitem"]', { hasText: item }).first().click();
      await page.waitForTimeout(700);
      await assertNotRefused(admin, `${preset}: "${item}" from ${number}'s status menu`);
      ran.push(`${number}: ${item}`);
    }
    const detailNumber = await numberAt(admin, 0);
    const inDetail = await detailActions(page, admin, detailNumber);
    if (preset === 'cod-delivery' && inDetail.some((l) => /^Restore/.test(l))) throw new Error(`warehouse: cod-delivery offers Restore on live order ${detailNumber} in its detail`);
    await assertNotRefused(admin, `${preset}: opening ${detailNumber}`);
    await page.screenshot({ path: join(screensDir, `warehouse-rule1-${preset}.png`) });
    await back(admin);
    log(`rule 1 (${preset}): ${offered} row-menu items on ${rowsPerPreset} rows; ran ${ran.join('; ') || 'none (all need input)'}; detail of ${detailNumber} offers ${inDetail.join(', ') || 'nothing'}; nothing refused`);
  }
}
