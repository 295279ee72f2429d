/**
 * Vite, two ways:
 * - `npm start` (`vite`) serves the demo: `demo/` is the web root, so the demo opens at `/`;
 *   the demo imports the library straight from `../src`. `vite build --mode demo` writes it to `dist/demo`.
 * - `npm run build` (`vite build`) builds the library: ES modules, one per public entry, with lit,
 *   rxjs and idb left to the host's bundler. Type declarations come from `tsc -p tsconfig.build.json`.
 *
 * TypeScript decorators are the experimental (legacy) kind with `useDefineForClassFields: false`,
 * read from tsconfig.json by Vite's transform; nothing to configure here.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Library entries. Keys are the file names in dist/; keep them in step with package.json "exports". */
const entries = {
  index: path('src/index.ts'),
  define: path('src/define.ts'),
  model: path('src/model/index.ts'),
  api: path('src/api/index.ts'),
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
};

/** Runtime dependencies stay imports, so a host page shares one copy of each (one Lit, one RxJS). */
const external = /^(?:lit|@lit\/[^/]+|@lit-labs\/[^/]+|rxjs|idb)(?:\/.*)?$/;

const library: UserConfig = {
  publicDir: false,
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

const demo: UserConfig = {
  root: path('demo'),
  base: './',
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // The demo imports ../src; allow the whole project, nothing above it.
    fs: { allow: [root] },
  },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    outDir: path('dist/demo'),
    emptyOutDir: true,
  },
};

export default defineConfig(({ command, mode }) => (command === 'serve' || mode === 'demo' ? demo : library));
