// What every benchmark script shares: a Vite dev server for its page on 127.0.0.1 (a free port), and
// Debian's Chromium (or $CHROME_PATH) through playwright-core with the flags this machine needs.
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts (but does not yet listen) a Vite server for `page` (e.g. 'bench/engine.html'); extra config merges in. */
export async function benchServer(page, extra = {}) {
  const port = await freePort();
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    optimizeDeps: { entries: [page] },
    ...extra,
  });
  return { server, url: `http://127.0.0.1:${port}/${page}` };
}

/** Launches Chromium headless with the machine's flags plus `extraArgs`. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * A markdown table: one row per operation, one column per data size, from
 * `[{ size, rows: [{ op, ms }] }]` (rows missing at a size show "—"). `title` heads the first column.
 */
export function sizeTable(sizes, title) {
  const ops = [];
  for (const s of sizes) for (const r of s.rows) if (!ops.includes(r.op)) ops.push(r.op);
  const header = [title, ...sizes.map((s) => `${s.size.toLocaleString('en')} orders`)];
  const body = ops.map((op) => [op, ...sizes.map((s) => String(s.rows.find((r) => r.op === op)?.ms ?? '—'))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}
