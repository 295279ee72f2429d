/**
 * End-to-end walk of accounting posting in the demo's `marketplace` preset (embedded backend, the
 * simulated "SQL Account"): go to the Shipped tab, "Post Order" posts exactly that tab's orders, the
 * posting history opens and the new batch turns completed or failed, Retry on a failed batch sends its
 * failed orders again and the batch leaves "failed", an order opens from the history, and the posted
 * orders are found under Archived. Screenshots into `screensDir` (`8-posting-*.png`).
 *
 * `checkPosting(page, { url, screensDir, log })`: `url` is the demo page with `preset=marketplace`
 * (any locale). Throws an Error naming the step that failed. Used by e2e/run.mjs; runnable alone
 * against a dev server too.
 */
import { join } from 'node:path';
import { waiter } from './wait.mjs';

const WAIT_MS = 30_000;

const until = waiter(WAIT_MS);

const text = async (locator) => ((await locator.textContent({ timeout: WAIT_MS })) ?? '').replace(/\s+/g, ' ').trim();

/** The state class of a batch element: in-progress, completed or failed. */
export const stateOf = (batch) => batch.evaluate((el) => ['in-progress', 'completed', 'failed'].find((s) => el.classList.contains(s)) ?? '');

/** The tab's count as the status tabs show it. */
export async function tabCount(admin, key) {
  return until(`the ${key} tab's count`, async () => {
    const t = await text(admin.locator(`status-tabs [data-key="${key}"] [part~="count"]`));
    return /\d/.test(t) ? { n: Number(t.replace(/\D/g, '')) } : undefined;
  }).then((r) => r.n);
}

export async function chooseTab(admin, key) {
  await admin.locator(`status-tabs [data-key="${key}"]`).click();
  await until(`the ${key} tab selected`, async () => (await admin.locator(`status-tabs [data-key="${key}"]`).getAttribute('aria-selected')) === 'true');
}

export async function checkPosting(page, { url, screensDir, log = () => undefined, prefix = '8-posting' }) {
  const shot = (name) => page.screenshot({ path: join(screensDir, `${prefix}-${name}.png`) });
  await page.goto(url);
  const admin = page.locator('order-admin[preset="marketplace"]');
  await admin.locator('order-table [part~="row"]:not([part~="placeholder"])').first().waitFor({ timeout: WAIT_MS });

  // 1. The Shipped tab and its "Post Order (N)".
  await chooseTab(admin, 'shipped');
  const shipped = await tabCount(admin, 'shipped');
  if (shipped === 0) throw new Error('posting: the Shipped tab is empty');
  const post = admin.locator('[part~="post-button"]');
  await until('"Post Order" with the Shipped count', async () => (await text(post)).includes(String(shipped)));
  const archivedBefore = await tabCount(admin, 'archived');
  await shot('1-shipped');
  log(`posting: Shipped has ${shipped} orders, Archived ${archivedBefore}; posting them`);

  // 2. Post: the history opens with the new batch of exactly that many orders, in progress.
  await post.click();
  const dialog = admin.locator('dialog.posting-dialog[open]');
  await dialog.waitFor({ timeout: WAIT_MS });
  const newest = dialog.locator('posting-history [part~="batch"]').first();
  await until('the new batch at the top of the history', async () => (await text(newest)).includes(`${shipped}`));
  await shot('2-history-posted');
  const settled = await until('the new batch to turn completed or failed', async () => {
    const state = await stateOf(newest);
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
  await shot(`3-history-${settled}`);
  const posted = await newest.locator('[part~="order"].completed [part~="order-button"]').allTextContents().catch(() => []);
  log(`posting: the new batch turned ${settled}; ${posted.length} of its orders posted`);

  // 3. Retry a failed batch (the new one, or a seeded one): it leaves "failed".
  const failed = dialog.locator('posting-history [part~="batch"].failed').filter({ has: page.locator('[part~="retry-button"]') }).first();
  await failed.waitFor({ timeout: WAIT_MS });
  const failedId = await failed.getAttribute('aria-labelledby');
  await failed.locator('[part~="retry-button"]').click();
  const retried = dialog.locator(`posting-history [aria-labelledby="${failedId}"]`);
  const afterRetry = await until('the retried batch to settle again', async () => {
    const state = await stateOf(retried);
    return state === 'completed' || state === 'failed' ? state : undefined;
  });
  await shot('4-history-retried');
  log(`posting: retried batch ${failedId} settled as ${afterRetry}`);

  // 4. The posted orders are under Archived, and gone from Shipped.
  await dialog.locator('.posting-close').click();
  await until('Shipped to shrink', async () => (await tabCount(admin, 'shipped')) < shipped);
  await chooseTab(admin, 'archived');
  if (posted.length > 0) {
    const number = posted[0].trim();
    await admin.locator('order-toolbar [part~="search-input"]').fill(number);
    await until(`order ${number} (alone) under Archived`, async () =>
      (await tabCount(admin, 'archived')) === 1 &&
      (await text(admin.locator('order-table [part~="row"][data-index="0"]:not([part~="placeholder"]) .col-number'))) === number,
    );
    await shot('5-archived');
    await admin.locator('order-toolbar [part~="search-input"]').fill('');
    log(`posting: order ${number} is under Archived`);
  }

  // 5. An order opens from the history.
  await admin.locator('[part~="posting-status-button"]').click();
  await dialog.waitFor({ timeout: WAIT_MS });
  const orderButton = dialog.locator('posting-history [part~="batch"]').first().locator('[part~="order-button"]').first();
  const number = await text(orderButton);
  if (!(await orderButton.isVisible())) await dialog.locator('posting-history [part~="batch"]').first().locator('summary').click();
  await orderButton.click();
  await until(`order ${number} open from the history`, async () => (await text(admin.locator('order-detail [part~="title"]'))).includes(number));
  await shot('6-order-from-history');
  return { shipped, settled, retried: afterRetry, posted: posted.length };
}
