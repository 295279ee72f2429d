/**
 * End-to-end printing on the built demo (called by e2e/run.mjs, or alone: `node e2e/print.mjs <demo URL>`):
 * in the marketplace preset, selects orders in To Ship, opens the bulk bar's Print menu, previews each
 * of the six documents (screenshot of the preview dialog), prints it — the `document-print` event is
 * intercepted so no OS dialog opens — and saves what the print frame holds as a PDF (Chromium's own
 * print of that document, `@page` sizes honoured) plus a screenshot, in e2e-screens/print-<document>.*.
 * Checks on the way: the preview shows pages with the selected order numbers, printing is recorded
 * (the orders get the printed mark), and a reprint asks first.
 */
/* global document, window */
import { join } from 'node:path';
import { waiter } from './wait.mjs';

const DOCUMENTS = ['picking-summary', 'picking-list', 'awb', 'manifest', 'packing-slip', 'invoice'];
const WAIT_MS = 20_000;

const until = waiter(WAIT_MS);

/** Keeps what the print frame holds (`window.__printed[document]`) instead of opening the OS print dialog. */
export async function capturePrints(page) {
  await page.evaluate(() => {
    if (window.__printed) return;
    window.__printed = {};
    document.addEventListener(
      'document-print',
      (e) => {
        e.preventDefault();
        const doc = e.detail.printDocument;
        const css = [...doc.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
        window.__printed[e.detail.document] = { css, body: doc.body.innerHTML, lang: doc.documentElement.lang, title: doc.title, scripts: doc.querySelectorAll('script').length };
      },
      true,
    );
  });
}

/**
 * The admin's print preview of `kind`, already asked for (menu, scan view…): waits for its pages, checks
 * it shows the order numbers `shows` (all of them, or one of them with `someOf`), screenshots it, prints
 * it (confirming a reprint), checks the print is recorded, saves the printed document as a PDF plus a
 * screenshot (`<name>.pdf`, `<name>-preview.png`, `<name>-page.png`) and closes the preview. Needs
 * `capturePrints(page)` first. Returns the preview's text and the files.
 */
export async function printPreview(page, admin, kind, { screensDir, name, shows = [], someOf = false }) {
  const dialog = admin.locator('order-print dialog[open]');
  await dialog.waitFor({ timeout: WAIT_MS });
  await page.evaluate((k) => delete window.__printed[k], kind);
  const printButton = admin.locator('order-print [part~="print-button"]');
  await until(`the ${kind} preview`, async () => (await printButton.isEnabled()) && (await admin.locator('order-print .preview article.page').count()) > 0);
  const preview = await admin.locator('order-print .preview').textContent();
  const missing = shows.filter((n) => !preview.includes(n));
  if (shows.length && (someOf ? missing.length === shows.length : missing.length > 0)) throw new Error(`the ${kind} preview does not show ${missing.join(', ')}`);
  const files = [join(screensDir, `${name}-preview.png`)];
  await page.screenshot({ path: files[0] });
  await printButton.click();
  const confirm = admin.locator('order-print [part~="confirm-button"]');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await until(`the ${kind} print`, () => page.evaluate((k) => window.__printed[k] !== undefined, kind));
  await until(`the ${kind} print recorded`, async () => ((await admin.locator('order-print [part~="footer"]').textContent()) ?? '').includes('recorded on'));
  const printed = await page.evaluate((k) => window.__printed[k], kind);
  if (printed.scripts !== 0) throw new Error(`the ${kind} print document holds a script`);
  // Chromium prints the frame's document: same markup and adopted sheet on a page of its own.
  const paper = await page.context().newPage();
  await paper.setContent(`<!doctype html><html lang="${printed.lang}"><head><meta charset="utf-8"><title>${printed.title}</title><style>${printed.css}</style></head><body>${printed.body}</body></html>`);
  const pdf = join(screensDir, `${name}.pdf`);
  await paper.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const png = join(screensDir, `${name}-page.png`);
  await paper.screenshot({ path: png, fullPage: false });
  await paper.close();
  files.push(pdf, png);
  await admin.locator('order-print dialog [part~="close-button"].icon').click();
  await until('the print dialog closed', async () => (await dialog.count()) === 0);
  return { preview, pdf, files };
}

/**
 * @param {import('playwright-core').Page} page a page on the built demo (any preset)
 * @param {{ screensDir: string, log?: (m: string) => void }} options
 * @returns {Promise<string[]>} the files written
 */
export async function checkPrint(page, { screensDir, log = () => undefined }) {
  const files = [];
  const select = page.locator('select[name="preset"]');
  if ((await select.inputValue()) !== 'marketplace') await select.selectOption('marketplace');
  const admin = page.locator('order-admin[preset="marketplace"]');
  await admin.waitFor({ timeout: WAIT_MS });
  await admin.locator('status-tabs [role="tab"][data-key="to-ship"]').click();
  const rows = admin.locator('order-table [part~="row"]:not([part~="placeholder"])');
  await until('To Ship rows', async () => (await rows.count()) >= 3 && (await rows.first().locator('.col-number').textContent())?.trim());
  const numbers = [];
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    numbers.push((await row.locator('.col-number').textContent()).trim());
    await row.locator('input[data-od-action="select"]').click();
  }
  log(`print: selected ${numbers.join(', ')} in To Ship`);
  await capturePrints(page);
  const menu = admin.locator('bulk-action-bar print-menu');
  for (const kind of DOCUMENTS) {
    await menu.locator('[part~="button"]').click();
    await menu.locator(`[data-document="${kind}"]`).click();
    const preview = await printPreview(page, admin, kind, { screensDir, name: `print-${kind}`, shows: kind !== 'picking-summary' && kind !== 'manifest' ? numbers : [], someOf: true });
    files.push(...preview.files);
    log(`print: ${kind} previewed, printed and recorded → ${preview.pdf}`);
  }
  // Printing was recorded: the selected orders carry the printed mark; printing the same again asks first.
  await until('the printed mark in the list', async () => (await admin.locator('order-table [part~="printed-mark"]').count()) >= 3);
  await menu.locator('[part~="button"]').click();
  await menu.locator('[data-document="picking-list"]').click();
  await until('the preview again', async () => admin.locator('order-print [part~="print-button"]').isEnabled());
  await admin.locator('order-print [part~="print-button"]').click();
  const question = await until('the reprint question', async () => (await admin.locator('order-print [part~="confirm"]').textContent())?.trim());
  if (!/already have a picking list printed — print again\?/.test(question)) throw new Error(`unexpected reprint question: ${question}`);
  const shot = join(screensDir, 'print-reprint-question.png');
  await page.screenshot({ path: shot });
  files.push(shot);
  await admin.locator('order-print dialog [part~="close-button"].icon').click();
  log(`print: reprint asks first ("${question}")`);
  return files;
}

// Alone: node e2e/print.mjs http://127.0.0.1:5181/demo/?preset=marketplace …
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { mkdirSync } = await import('node:fs');
  const url = process.argv[2];
  const screensDir = process.argv[3] ?? join(process.cwd(), 'e2e-screens');
  mkdirSync(screensDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(url);
    const files = await checkPrint(page, { screensDir, log: console.log });
    console.log(files.join('\n'));
  } finally {
    await browser.close();
  }
}
