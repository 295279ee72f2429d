/**
 * Vite, two ways:
 * - `npm start` (`vite`) serves the demo: `demo/` is the web root, so the demo opens at `/`;
 *   the demo imports the library straight from `../src`. `vite build --mode demo` writes it to
 *   `dist/demo` as plain static files — three pages (`index.html` the admin, `embed.html` separate
 *   islands on a host page, `guide.html` the developer guide) with relative URLs, so the folder works
 *   from any path — plus MSW's `mockServiceWorker.js` beside them for the REST (mock) backend.
 * - `npm run build` (`vite build`) builds the library: ES modules, one per public entry, with lit,
 *   rxjs and idb left to the host's bundler. Type declarations come from `tsc -p tsconfig.build.json`.
 *
 * TypeScript decorators are the experimental (legacy) kind with `useDefineForClassFields: false`,
 * read from tsconfig.json by Vite's transform; nothing to configure here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Library entries. Keys are the file names in dist/; keep them in step with package.json "exports". */
const entries = {
  index: path('src/index.ts'),
  define: path('src/define.ts'),
  model: path('src/model/index.ts'),
  api: path('src/api/index.ts'),
  // The MSW mock backend, separate so the main entries never carry msw.
  mock: path('src/api/mock/index.ts'),
  state: path('src/state/index.ts'),
  'bulk-action-bar': path('src/components/bulk-action-bar/define.ts'),
  'order-action-dialog': path('src/components/order-action-dialog/define.ts'),
  'order-admin': path('src/components/order-admin/define.ts'),
  'order-detail': path('src/components/order-detail/define.ts'),
  'order-notifications': path('src/components/order-notifications/define.ts'),
  'order-provider': path('src/components/order-provider/define.ts'),
  'order-table': path('src/components/order-table/define.ts'),
  'order-toolbar': path('src/components/order-toolbar/define.ts'),
  'shipment-form': path('src/components/shipment-form/define.ts'),
  'status-tabs': path('src/components/status-tabs/define.ts'),
  'order-calendar': path('src/components/order-calendar/define.ts'),
  'order-shipments': path('src/components/order-shipments/define.ts'),
  'order-payments': path('src/components/order-payments/define.ts'),
  'order-export': path('src/components/order-export/define.ts'),
  'order-import': path('src/components/order-import/define.ts'),
  'posting-history': path('src/components/posting-history/define.ts'),
  'scan-to-ship': path('src/components/scan-to-ship/define.ts'),
  'order-form': path('src/components/order-form/define.ts'),
  'workflow-settings': path('src/components/workflow-settings/define.ts'),
  'shipment-detail': path('src/components/shipment-detail/define.ts'),
};

/** Runtime dependencies stay imports, so a host page shares one copy of each (one Lit, one RxJS). */
const external = /^(?:lit|@lit\/[^/]+|@lit-labs\/[^/]+|rxjs|idb|msw)(?:\/.*)?$/;

const library: UserConfig = {
  publicDir: false,
  // Relative URLs, so the CSV parse worker (`new URL('./parse-worker.js', import.meta.url)`) is found
  // next to the module that starts it wherever the host serves dist/; workers are ES modules.
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: path('dist'),
    // `tsc -p tsconfig.build.json` has already written dist/types; `npm run clean` empties dist.
    emptyOutDir: false,
    sourcemap: true,
    // Readable ES modules; the host's bundler minifies.
    minify: false,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

/**
 * MSW's service worker script for the demo's REST (mock) backend, served and emitted beside the pages:
 * its scope is the folder it is served from, which must contain the pages that start it.
 */
function mockServiceWorker(): Plugin {
  const file = path('node_modules/msw/lib/mockServiceWorker.js');
  const name = 'mockServiceWorker.js';
  return {
    name: 'orderdeck:mock-service-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${name}`) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file, 'utf8') });
    },
  };
}

/**
 * The demo's own modules run for their effects (define `<demo-app>`, mount the islands, fill the
 * guide). package.json "sideEffects" lists only the library's registering files, so without this the
 * build would drop the demo's modules as side-effect free.
 */
function demoSideEffects(): Plugin {
  const dir = path('demo/');
  return {
    name: 'orderdeck:demo-side-effects',
    transform(code, id) {
      return id.startsWith(dir) && /\.ts$/.test(id.split('?')[0] ?? '') ? { code, map: null, moduleSideEffects: true } : undefined;
    },
  };
}

const demo: UserConfig = {
  root: path('demo'),
  base: './',
  // The demo has no public/ folder; the worker script comes from the plugin.
  publicDir: false,
  plugins: [mockServiceWorker(), demoSideEffects()],
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // The demo imports ../src; allow the whole project, nothing above it.
    fs: { allow: [root] },
  },
  // msw loads lazily (REST backend only): pre-bundle it at start, or its first use reloads the page.
  optimizeDeps: { include: ['msw', 'msw/browser'] },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: path('dist/demo'),
    emptyOutDir: true,
    sourcemap: true,
    // The demo registers every element (define.js, ~550 kB minified, ~150 kB gzipped) and loads msw
    // only for the REST backend; both are expected, not a code-splitting problem.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: {
        index: path('demo/index.html'),
        embed: path('demo/embed.html'),
        guide: path('demo/guide.html'),
      },
    },
  },
};

export default defineConfig(({ command, mode }) => (command === 'serve' || mode === 'demo' ? demo : library));
