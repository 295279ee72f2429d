// Browser tests in Debian's (or any) Chromium, TypeScript through esbuild.
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { existsSync, readFileSync } from 'node:fs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

// papaparse ships CommonJS only; everything else is ESM.
const commonjs = fromRollup(rollupCommonjs);

// MSW's service worker must be served from the site root so its scope covers the test page.
const mswWorker = (context, next) => {
  if (context.path === '/mockServiceWorker.js') {
    context.type = 'application/javascript';
    context.body = readFileSync('node_modules/msw/lib/mockServiceWorker.js', 'utf8');
    return undefined;
  }
  return next();
};

// A module worker is started by URL (`new Worker(new URL('./parse-worker.js', import.meta.url))`),
// which the esbuild plugin's import rewriting never sees: serve the TypeScript source for a `.js`
// URL under src/ that has no `.js` file, as Vite does for the same code.
const tsForJs = (context, next) => {
  const match = /^(\/src\/.+)\.js$/.exec(context.path);
  if (match && !existsSync(`.${context.path}`) && existsSync(`.${match[1]}.ts`)) {
    context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
  }
  return next();
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // One page at a time: a second, background page gets no animation frames, and virtualised
  // elements wait on them. The suite is CPU-bound on 2 cores anyway.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  // Errors and progress as usual, then every test with its result, so a CI log shows what ran.
  reporters: [defaultReporter(), summaryReporter({ flatten: false })],
  // Lit's development build announces itself once per test file; nothing to act on.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  middleware: [mswWorker, tsForJs],
  plugins: [
    commonjs({ include: ['**/node_modules/papaparse/**'], ignore: ['stream'], strictRequires: false }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Two test pages run at once and one is always in the background, where Chromium would
          // otherwise throttle requestAnimationFrame and timers: virtualised rendering then stalls.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
