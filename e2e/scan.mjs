/**
 * End-to-end walk of the marketplace hub's warehouse steps (issue 10: "Scan to ship" and "Self-delivery"),
 * on a playwright page of the demo. Called by e2e/run.mjs; runs on its own too (see /tmp scripts):
 *   - opens the demo in the `marketplace` preset and reads a To Process and a To Ship order number from
 *     their tabs;
 *   - Scan to ship from the admin's navigation: types the To Process number like a person (80 ms between
 *     keys) + Enter → it moves to To Ship; the To Ship number as a scanner burst (keys back to back) +
 *     Enter → Shipped; an unknown code → the error banner; the round lists all three, with Typed /
 *     Scanner, and "Print AWB" asks for exactly the two moved orders (`order-print-request`);
 *   - screenshots of the scan view at 1440 and 1280 px, in English and Indonesian;
 *   - back in the list: bulk "Self deliver" of a To Process order with a driver, then the Self Deliver
 *     tab lists it with the driver, and bulk "Mark as Delivered" takes it out (Delivered).
 * Throws (an Error naming what it waited for) on any failure.
 */
import { clean, waiter } from './wait.mjs';

/* global document, window, KeyboardEvent, InputEvent */

const WAIT_MS = 20_000;

const until = waiter(WAIT_MS);


/**
 * Clicks the status tab whose label starts with `label` and waits for its rows: the first row must
 * show `status` (default: the label), so the previous tab's rows still on screen are not read as its.
 */
export async function openTab(admin, label, status = label) {
  await admin.locator('status-tabs [part~="tab"]', { hasText: label }).first().click();
  await until(`the ${label} tab`, async () => clean(await admin.locator('status-tabs [part~="active"]').first().textContent()).startsWith(label));
  await until(`rows of ${label}`, async () => (await admin.locator('order-table [part~="row"]:not([part~="placeholder"]) .col-number').count()) > 0);
  await until(`the first row of ${label} in ${status}`, async () => clean(await admin.locator('order-table [part~="row"][data-index="0"]:not([part~="placeholder"]) .col-status').first().textContent()).includes(status));
}

/** The order number in the list's first row. */
const firstNumber = async (admin) => clean(await admin.locator('order-table [part~="row"][data-index="0"] .col-number').first().textContent());

/** Selects the first row, runs a bulk action (choosing the first person when it asks for one), closes the report. */
async function bulk(page, admin, action, { agent } = {}) {
  await admin.locator('order-table [part~="row"][data-index="0"] input[type="checkbox"]').first().check();
  const bar = admin.locator('bulk-action-bar');
  await bar.locator('[part~="action-button"]', { hasText: action }).first().click();
  if (agent) {
    const select = bar.locator('[part~="input-dialog"] select[name="agent"]');
    await select.waitFor({ timeout: WAIT_MS });
    await select.selectOption({ label: agent });
    await bar.locator('[part~="input-dialog"] [part~="confirm-button"]').click();
  }
  // The outcome: a toast (issue 12 rule 5), or the report dialog when some failed. The selection is kept: clear it.
  const report = bar.locator('[part~="report-dialog"]');
  const toast = admin.locator('order-toasts [part~="toast"]', { hasText: `${action}: done for` });
  const how = await until(`the ${action} outcome`, async () =>
    (await toast.count()) > 0 ? 'toast' : (await report.getAttribute('open')) !== null && /1/.test(clean(await report.textContent())) ? 'report' : undefined,
  );
  if (how === 'report') {
    await page.keyboard.press('Escape');
    await until('the report to close', async () => (await report.getAttribute('open')) === null);
  }
  const clear = bar.locator('[part~="clear-button"]');
  if (await clear.isVisible().catch(() => false)) await clear.click();
}

/** Types `code` into the field as a keyboard-wedge scanner does: every key back to back, then Enter. */
export function scannerBurst(field, code) {
  return field.evaluate((input, text) => {
    const press = (key) => {
      const down = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
      input.dispatchEvent(down);
      if (key.length === 1 && !down.defaultPrevented) {
        input.value += key;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: key }));
      }
      input.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
    };
    for (const key of text) press(key);
    press('Enter');
  }, code);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ url: string, screensDir: string, log?: (m: string) => void }} options `url`: the demo in the
 *   marketplace preset (local backend, English, activity off).
 */
export async function checkScanToShip(page, { url, screensDir, log = () => undefined }) {
  const shot = (name) => page.screenshot({ path: `${screensDir}/${name}.png`, fullPage: false });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url);
  const admin = page.locator('order-admin[preset="marketplace"]');
  await until('the marketplace admin', async () => (await admin.count()) === 1);
  await admin.locator('order-table [part~="row"]').first().waitFor({ timeout: WAIT_MS });

  await openTab(admin, 'To Process');
  const packed = await firstNumber(admin);
  await openTab(admin, 'To Ship');
  const booked = await firstNumber(admin);
  log(`scan to ship: To Process ${packed}, To Ship ${booked}`);

  // ── Scan to ship ──
  await admin.locator('[part~="nav-link"]', { hasText: 'Scan to ship' }).click();
  const scan = admin.locator('scan-to-ship');
  const field = scan.locator('[part~="scan-input"]');
  await field.waitFor({ timeout: WAIT_MS });
  await until('the scan field to have focus', () => field.evaluate((el) => el.getRootNode().activeElement === el));
  await shot('10-scan-empty');
  await page.evaluate(() => {
    window.__printRequests = [];
    document.addEventListener('order-print-request', (e) => window.__printRequests.push(e.detail));
  });

  const banner = scan.locator('[part~="feedback"]');
  // A person types the To Process order number.
  await field.pressSequentially(packed, { delay: 80 });
  await page.keyboard.press('Enter');
  await until(`${packed} moved to To Ship`, async () => /moved from To Process to To Ship/.test(clean(await banner.textContent())));
  // A scanner: the whole code back to back, then Enter. Dispatched inside the page in one go, as a
  // wedge scanner's keys arrive (a few ms apart); keys sent one by one from here can be 50 ms apart on
  // a busy machine, which is a fast person, not a scanner.
  await scannerBurst(field, booked);
  await until(`${booked} moved to Shipped`, async () => clean(await banner.textContent()).includes(`Order ${booked}`) && /to Shipped/.test(clean(await banner.textContent())));
  // An unknown code, scanned.
  await scannerBurst(field, 'NO-SUCH-ORDER-404');
  await until('the unknown-code error', async () => /No order has the number or tracking number/.test(clean(await scan.locator('[role="alert"]').textContent())));
  const rows = await scan.locator('[part~="row"]').evaluateAll((els) => els.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
  if (rows.length !== 3) throw new Error(`scan e2e: expected 3 scans in the round, found ${rows.length}`);
  const [unknown, burst, typed] = rows;
  if (typed[1] !== 'Typed' || typed[2] !== packed || !typed[6].includes('To Ship')) throw new Error(`scan e2e: typed row is ${typed.join(' | ')}`);
  if (burst[1] !== 'Scanner' || burst[2] !== booked || !burst[6].includes('Shipped')) throw new Error(`scan e2e: scanner row is ${burst.join(' | ')}`);
  if (!unknown[6].includes('Unknown code')) throw new Error(`scan e2e: unknown row is ${unknown.join(' | ')}`);
  if (!(await field.evaluate((el) => el.getRootNode().activeElement === el))) throw new Error('scan e2e: the field lost focus after scanning');
  await shot('11-scan-round-1440');

  await scan.locator('[part~="print-awb-button"]').click();
  const requests = await page.evaluate(() => window.__printRequests);
  if (requests.length !== 1 || requests[0].document !== 'awb' || requests[0].orderIds.length !== 2) {
    throw new Error(`scan e2e: Print AWB asked for ${JSON.stringify(requests)}`);
  }
  // The admin answers with its print preview (e2e/warehouse.mjs prints from it): close it here.
  const preview = admin.locator('order-print dialog[open]');
  await preview.waitFor({ timeout: WAIT_MS });
  await admin.locator('order-print dialog [part~="close-button"].icon').click();
  await until('the print preview to close', async () => (await preview.count()) === 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot('11-scan-round-1280');

  await page.locator('select[name="locale"]').selectOption('id');
  await until('the scan view in Indonesian', async () => clean(await scan.locator('#round-title').textContent()) === 'Putaran ini');
  await shot('12-scan-round-id-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot('12-scan-round-id-1440');
  await page.locator('select[name="locale"]').selectOption('en');
  await until('the scan view in English', async () => clean(await scan.locator('#round-title').textContent()) === 'This round');

  // ── Self-delivery ──
  await admin.locator('[part~="nav-link"]', { hasText: 'Orders' }).click();
  await openTab(admin, 'To Process');
  const selfNumber = await firstNumber(admin);
  const agent = 'Joko Susilo';
  await bulk(page, admin, 'Self deliver', { agent });
  await openTab(admin, 'Self Deliver', 'Shipped');
  const row = admin.locator('order-table [part~="row"]:not([part~="placeholder"])', { has: page.locator('.col-number', { hasText: selfNumber }) });
  await until(`${selfNumber} in Self Deliver with its driver`, async () => (await row.count()) === 1 && clean(await row.first().textContent()).includes(agent));
  log(`self-delivery: ${selfNumber} with ${agent}`);
  // The courier column ("Joko Susilo · Own delivery agent") sits right of the status: bring it into view.
  await row.first().locator('.col-courier').scrollIntoViewIfNeeded();
  await shot('13-self-deliver-tab');
  const countOf = async () => Number(clean(await admin.locator('status-tabs [part~="tab"]', { hasText: 'Self Deliver' }).locator('[part~="count"]').textContent()).replace(/\D/g, ''));
  const before = await countOf();
  // Mark as Delivered: the first row (the newest self-delivery).
  await bulk(page, admin, 'Mark as Delivered');
  await until('the Self Deliver count to drop', async () => (await countOf()) === before - 1);
  await shot('14-self-delivered');
}
