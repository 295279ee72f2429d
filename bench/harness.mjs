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
