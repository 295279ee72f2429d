/**
 * End-to-end check of workflow settings and the shipment detail on the built demo (called by run.mjs):
 *   - cod-delivery (seed 004, "Settings → Add Status"): Settings from the admin's navigation, add the
 *     custom status "Awaiting pickup" (English and Indonesian) with a transition from Processing and a
 *     tab of its own, save; back in Orders the new tab is there with a count; on the Processing tab the
 *     first order moves into it from its row status menu, two more with the bulk action; the new
 *     tab counts 3 more;
 *   - payment-fulfillment (seed 002): Shipments → a shipment's Details → Edit tracking → courier
 *     "Others" with a name and a new tracking number → Save; the detail shows them.
 * Screenshots (1280 and 1440 px, English and Indonesian) go to `screensDir` as `settings-*.png`.
 */


import { join } from 'node:path';
import { waiter } from './wait.mjs';

const WAIT_MS = 20_000;

const until = waiter(WAIT_MS);

const text = async (locator) => ((await locator.textContent({ timeout: WAIT_MS })) ?? '').replace(/\s+/g, ' ').trim();

async function switchPreset(page, preset) {
  const select = page.locator('select[name="preset"]');
  if ((await select.inputValue()) !== preset) await select.selectOption(preset);
  const admin = page.locator(`order-admin[preset="${preset}"]`);
  await until(`the ${preset} admin`, async () => (await admin.count()) === 1);
  await admin.locator('order-table [part~="row"]:not([part~="placeholder"])').first().waitFor({ timeout: WAIT_MS });
  return admin;
}

/** The count shown on the status tab labelled `label`, once known. */
async function tabCount(admin, label) {
  return until(`the count of the “${label}” tab`, async () => {
    const tabs = await admin.locator('status-tabs [part~="tab"]').evaluateAll((els) =>
      els.map((t) => ({ label: t.querySelector('[part~="label"]')?.textContent?.trim() ?? '', count: t.querySelector('[part~="count"]')?.textContent?.trim() ?? '' })),
    );
    const tab = tabs.find((t) => t.label === label);
    return tab && /\d/.test(tab.count) ? { value: Number(tab.count.replace(/\D/g, '')) } : undefined;
  }).then((c) => c.value);
}

async function shoot(page, screensDir, name, locales = ['en', 'id']) {
  for (const locale of locales) {
    if (locale !== 'en') await page.locator('select[name="locale"]').selectOption(locale);
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(screensDir, `settings-${name}-${locale}-${width}.png`), fullPage: false });
    }
    if (locale !== 'en') await page.locator('select[name="locale"]').selectOption('en');
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Adds "Awaiting pickup" and moves orders into it (cod-delivery), then edits a shipment (payment-fulfillment). */
export async function checkSettings(page, { screensDir, log }) {
  const admin = await switchPreset(page, 'cod-delivery');
  const nav = (label) => admin.locator('[part~="nav-link"]', { hasText: label });
  const processingBefore = await tabCount(admin, 'Processing');
  if (processingBefore < 3) throw new Error(`cod-delivery has only ${processingBefore} processing orders`);

  // Settings → Add Status.
  await nav('Settings').click();
  const settings = admin.locator('workflow-settings');
  await settings.locator('h2').waitFor({ timeout: WAIT_MS });
  const already = await settings.locator('[data-status="awaiting-pickup"]').count();
  if (already) throw new Error('“Awaiting pickup” exists before it was added (stale demo data?)');
  await settings.locator('#new-status-en').fill('Awaiting pickup');
  await settings.locator('#new-status-id').fill('Menunggu dijemput');
  await settings.locator('#new-description-en').fill('Packed; the courier has not collected it yet.');
  await settings.locator('#new-description-id').fill('Sudah dikemas; kurir belum mengambilnya.');
  await settings.locator('#new-tone').selectOption('attention');
  await settings.locator('#new-from-processing').check();
  await settings.locator('#new-tab').selectOption('own');
  await settings.locator('#add-status-button').click();
  await settings.locator('[data-status="awaiting-pickup"]').waitFor({ timeout: WAIT_MS });
  await settings.locator('[part~="save-button"]').click();
  await until('the saved workflow', async () => (await text(settings.locator('[part~="message"]'))).startsWith('Saved.'));
  await settings.locator('[data-status="awaiting-pickup"]').scrollIntoViewIfNeeded();
  await shoot(page, screensDir, 'statuses');
  log('settings: “Awaiting pickup” added (from Processing, own tab) and saved');

  // Orders: the new tab, the row status menu, the bulk action.
  await nav('Orders').click();
  if ((await tabCount(admin, 'Awaiting pickup')) !== 0) throw new Error('the new tab does not start at 0');
  await admin.locator('status-tabs [part~="tab"]', { hasText: 'Processing' }).first().click();
  const first = admin.locator('order-table [part~="row"][data-index="0"]:not([part~="placeholder"])');
  await until('the Processing list', async () => (await text(first.locator('.col-status'))).includes('Processing'));
  const number = await text(first.locator('.col-number'));
  await first.locator('[data-od-action="status-menu"]').click();
  const item = admin.locator('order-table [part="status-menu"] [role="menuitem"]', { hasText: /^\s*Awaiting pickup\s*$/ });
  await item.waitFor({ timeout: WAIT_MS });
  await shoot(page, screensDir, 'row-menu', ['en']);
  await item.click();
  await until('one order in Awaiting pickup', async () => (await tabCount(admin, 'Awaiting pickup')) === 1);
  log(`settings: order ${number} moved to Awaiting pickup from its row status menu`);

  await until('the Processing list without it', async () => (await text(first.locator('.col-number'))) !== number);
  for (const index of [0, 1]) {
    await admin.locator(`order-table [part~="row"][data-index="${index}"]:not([part~="placeholder"]) [data-od-action="select"]`).check();
  }
  const bulk = admin.locator('bulk-action-bar [data-action="set-awaiting-pickup"]');
  await bulk.waitFor({ timeout: WAIT_MS });
  await shoot(page, screensDir, 'bulk', ['en', 'id']);
  await bulk.click();
  await until('three orders in Awaiting pickup', async () => (await tabCount(admin, 'Awaiting pickup')) === 3);
  // The bar reports the outcome in a toast (issue 12 rule 5), or in its report dialog when some failed.
  const report = admin.locator('bulk-action-bar dialog.report[open]');
  const toast = admin.locator('order-toasts [part~="toast"]', { hasText: /done for 2/ });
  const how = await until('the bulk outcome (toast or report)', async () => ((await toast.count()) ? 'toast' : (await report.count()) ? 'report' : undefined));
  const summary = await text(how === 'toast' ? toast.first() : report);
  if (!/3|2/.test(summary)) throw new Error(`the bulk ${how} says “${summary}”`);
  if (how === 'report') {
    await page.keyboard.press('Escape');
    await until('the bulk report closed', async () => (await report.count()) === 0);
  }
  await admin.locator('status-tabs [part~="tab"]', { hasText: 'Awaiting pickup' }).first().click();
  await until('the Awaiting pickup list', async () => (await text(first.locator('.col-status'))).includes('Awaiting pickup'));
  await shoot(page, screensDir, 'tab', ['en', 'id']);
  log('settings: two more moved with the bulk action; the Awaiting pickup tab counts 3');

  // payment-fulfillment: a shipment's details → courier and tracking number.
  const shop = await switchPreset(page, 'payment-fulfillment');
  await shop.locator('[part~="nav-link"]', { hasText: 'Shipments' }).click();
  const shipments = shop.locator('order-shipments');
  const rows = shipments.locator('[part~="row"][data-shipment]');
  await until('shipment rows', async () => (await rows.count()) > 0);
  const detail = shipments.locator('shipment-detail');
  let opened = false;
  const count = Math.min(await rows.count(), 20);
  for (let i = 0; i < count && !opened; i++) {
    await rows.nth(i).locator('[part~="details-button"]').click();
    await detail.locator('[part~="close-button"]').waitFor({ timeout: WAIT_MS });
    await page.waitForTimeout(100);
    if ((await detail.locator('[part~="edit-button"]').count()) > 0) opened = true;
    else await detail.locator('[part~="close-button"]').click();
  }
  if (!opened) throw new Error('no shipment among the first rows offers Edit tracking');
  await shoot(page, screensDir, 'shipment-detail');
  await detail.locator('[part~="edit-button"]').click();
  const form = detail.locator('order-action-dialog');
  await form.locator('[name="trackingNumber"]').waitFor({ timeout: WAIT_MS });
  await form.locator('select[name="courier"]').selectOption('other');
  await form.locator('[name="courierName"]').fill('Kedai Runner');
  await form.locator('[name="trackingNumber"]').fill('E2E2026120801');
  await form.locator('[name="trackingUrl"]').fill('https://track.example/E2E2026120801');
  await shoot(page, screensDir, 'shipment-edit', ['en']);
  await form.locator('[part~="submit"]').click();
  await until('the new tracking number in the detail', async () => (await text(detail.locator('[part~="tracking-number"]'))) === 'E2E2026120801');
  await until('the courier in the detail', async () => (await text(detail.locator('[part~="title"]').first())).includes('Kedai Runner'));
  const href = await detail.locator('[part~="tracking-link"]').getAttribute('href');
  if (href !== 'https://track.example/E2E2026120801') throw new Error(`the tracking link is ${href}`);
  await page.waitForTimeout(500);
  if ((await detail.locator('[part~="failure"]').count()) > 0) throw new Error(`the tracking save failed: ${await text(detail.locator('[part~="failure"]'))}`);
  await shoot(page, screensDir, 'shipment-saved', ['en']);
  await detail.locator('[part~="close-button"]').click();
  // Back to the order list, where the next steps start.
  await shop.locator('[part~="nav-link"]', { hasText: 'Orders' }).click();
  await shop.locator('order-table [part~="row"]:not([part~="placeholder"])').first().waitFor({ timeout: WAIT_MS });
  log('settings: shipment detail: courier Others “Kedai Runner”, tracking number and link saved');
}
