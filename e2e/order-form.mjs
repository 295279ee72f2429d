/**
 * End-to-end check of order entry on the built demo (called by e2e/run.mjs, once per backend):
 *   - payment-fulfillment (seed 002): "+ New order", a phone order for a NEW customer with two catalogue
 *     lines and a delivery fee, paid now by bank transfer with a reference; the new order opens, paid;
 *   - cod-delivery (seed 004): a COD (cash, unpaid) order with a delivery agent; then Edit order (the
 *     pencil) → quantity, delivery fee and agent changed → Update order; the timeline shows the diff
 *     (field, before → after);
 *   - screenshots of the form at 1280 and 1440 px, in English and Indonesian, into e2e-screens/.
 * Playwright's CSS locators pierce open shadow roots.
 */
import { join } from 'node:path';
import { waiter } from './wait.mjs';

const WAIT_MS = 20_000;

const until = waiter(WAIT_MS);

const text = async (locator) => ((await locator.count()) ? ((await locator.first().textContent()) ?? '') : '');

/** Opens the demo on a preset and backend with the admin on its new-order form. */
async function openNewOrder(page, url, params) {
  await page.goto(`${url(params)}#/orders`);
  const button = page.locator('order-admin [part~="new-order-button"]');
  await until('the "+ New order" button', async () => (await button.count()) > 0 && (await button.isVisible()));
  await button.click();
  const form = page.locator('order-admin order-form');
  await until('the order form', async () => (await form.locator('#name').count()) > 0);
  return form;
}

async function addProduct(form, query, label) {
  await form.locator('#product-search').fill(query);
  const result = form.locator('[part~="search-results"] button').filter({ hasText: label }).first();
  await until(`a catalogue result "${label}"`, async () => (await result.count()) > 0);
  await result.click();
}

/** Submits the form and waits for the created or updated order's detail; returns its number. */
async function submitAndOpen(page, form) {
  await form.locator('[part~="submit-button"]').click();
  const title = page.locator('order-admin order-detail [part~="title"]');
  await until('the saved order to open', async () => (await title.count()) > 0 && (await page.locator('order-admin order-form').count()) === 0);
  return (await text(title)).replace(/^\D*/, '').trim();
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ url: (params: Record<string, string>) => string, backend: 'local' | 'rest', screensDir: string, log: (m: string) => void }} o
 */
export async function checkOrderForm(page, { url, backend, screensDir, log }) {
  const shot = (name) => join(screensDir, `8-${backend}-form-${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };

  // ── payment-fulfillment: phone order, new customer, two catalogue lines, fee, paid by transfer ──
  let form = await openNewOrder(page, url, { preset: 'payment-fulfillment', backend });
  await form.locator('#store').selectOption('st_kul');
  await form.locator('#channel').selectOption('phone');
  await form.locator('#name').fill('Nurul Huda');
  await form.locator('#phone').fill('+60 12-778 9012');
  await form.locator('#email').fill('nurul.huda@example.com');
  await form.locator('#ship-line1').fill('12 Jalan Ampang');
  await form.locator('#ship-city').fill('Kuala Lumpur');
  await form.locator('#ship-postalCode').fill('50450');
  await form.locator('#ship-country').fill('MY');
  await addProduct(form, 'gayo', 'Whole bean');
  await addProduct(form, 'cold brew', 'Cold Brew');
  await form.locator('#fee').fill('8');
  await form.locator('#method').selectOption('bank-transfer');
  await form.locator('input[name="paid"]').nth(1).check();
  await form.locator('#paid-reference').fill('MBB-TRX-5521');
  const totals = await text(form.locator('[part~="totals"]'));
  if (!/RM\s?8\.00/.test(totals) && !totals.includes('8.00')) throw new Error(`the delivery fee is not in the totals: ${totals}`);
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: shot(`create-paid-${width}`), fullPage: true });
  }
  await page.setViewportSize(viewport);
  const paidNumber = await submitAndOpen(page, form);
  const detail = page.locator('order-admin order-detail');
  await until(`order ${paidNumber} shown as paid`, async () => /paid/i.test(await text(detail.locator('[part~="payment-badge"]'))));
  const lines = await detail.locator('[part~="lines"]').first().textContent();
  if (!lines?.includes('Gayo') || !lines.includes('Cold Brew')) throw new Error('the new order does not show both catalogue lines');
  log(`${backend}: created paid phone order ${paidNumber} (new customer, two lines, fee, bank transfer)`);
  await page.screenshot({ path: shot('created-paid') });

  // ── cod-delivery: COD order with an agent, then edited ──
  form = await openNewOrder(page, url, { preset: 'cod-delivery', backend });
  await form.locator('#store').selectOption('st_jkt');
  await form.locator('#channel').selectOption('phone');
  await form.locator('#name').fill('Rina Kartika');
  await form.locator('#phone').fill('+62 812-5550-1234');
  await form.locator('#ship-line1').fill('Jl. Kemang Raya 8');
  await form.locator('#ship-city').fill('Jakarta');
  await form.locator('#ship-country').fill('ID');
  await addProduct(form, 'tote', 'Natural');
  await form.locator('#fee').fill('15000');
  await form.locator('#method').selectOption('cash');
  await form.locator('#agent').selectOption({ label: 'Joko Susilo' });
  const codNumber = await submitAndOpen(page, form);
  await until('the agent on the new order', async () => (await detail.getByText('Joko Susilo').count()) > 0);
  log(`${backend}: created COD order ${codNumber} with agent Joko Susilo`);

  const edit = detail.locator('[part~="edit-button"]');
  await until('the Edit order button', async () => (await edit.count()) > 0);
  await edit.click();
  form = page.locator('order-admin order-form');
  await until('the edit form', async () => (await form.locator('[part~="line"]').count()) > 0);
  await form.locator('[part~="line"] input[id$="-qty"]').first().fill('3');
  await form.locator('#fee').fill('20000');
  await form.locator('#agent').selectOption({ label: 'Eko Prasetyo' });
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: shot(`edit-${width}`), fullPage: true });
  }
  await page.setViewportSize(viewport);
  await submitAndOpen(page, form);
  const timeline = detail.locator('[part~="timeline"]');
  await until('the edit diff in the timeline', async () => {
    const t = await text(timeline);
    return t.includes('Delivery fee:') && t.includes('→') && t.includes('Delivery agent: Joko Susilo → Eko Prasetyo') && t.includes('quantity 1 → 3');
  });
  await timeline.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('edited-timeline') });
  log(`${backend}: edited ${codNumber} (quantity, fee, agent); the timeline shows the diff`);

  // ── Indonesian ──
  if (backend === 'local') {
    form = await openNewOrder(page, url, { preset: 'cod-delivery', backend, locale: 'id' });
    const heading = await text(form.locator('[part~="heading"]'));
    if (!heading.includes('Pesanan baru')) throw new Error(`the form heading is not Indonesian: ${heading}`);
    await form.locator('[part~="submit-button"]').click();
    await until('the error summary in Indonesian', async () => (await text(form.locator('[part~="error-summary"]'))).includes('Perbaiki'));
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: shot(`id-errors-${width}`), fullPage: true });
    }
    await page.setViewportSize(viewport);
    await form.locator('[part~="discard-button"]').click();
    log(`${backend}: the form speaks Indonesian, errors included`);
  }
}
