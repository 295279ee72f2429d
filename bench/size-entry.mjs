// First half of `npm run size`: bundles what size-limit measures (`.size-limit.json` reads the files).
//
// - bench/out/size/lib/<entry>/<entry>.js: each public entry of the library, bundled and minified
//   the way a host's bundler ships it, with its dependencies (lit, @lit/*, @lit-labs/*, rxjs, idb)
//   left external — what the entry itself adds to a page.
// - bench/out/size/standalone/order-table/order-table.js: `<order-table>` alone (its define entry),
//   bundled WITH its share of lit, @lit/context, @lit/localize and rxjs — what a page that uses only
//   the table pays.
//
// Bundled with esbuild (minify, ES2022, ESM). What an entry only loads on demand (a dynamic import():
// the Indonesian messages, loaded when that locale is chosen; the demo-data generator, loaded by
// `seed`) is left out, so each measured file is exactly what the entry loads up front.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}bench/out/size`;

/** Public entries, as in vite.config.ts / package.json "exports" (keep the three lists in step). */
const entries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  model: 'src/model/index.ts',
  api: 'src/api/index.ts',
  state: 'src/state/index.ts',
  'bulk-action-bar': 'src/components/bulk-action-bar/define.ts',
  'order-action-dialog': 'src/components/order-action-dialog/define.ts',
  'order-admin': 'src/components/order-admin/define.ts',
  'order-detail': 'src/components/order-detail/define.ts',
  'order-notifications': 'src/components/order-notifications/define.ts',
  'order-provider': 'src/components/order-provider/define.ts',
  'order-table': 'src/components/order-table/define.ts',
  'order-toolbar': 'src/components/order-toolbar/define.ts',
  'shipment-form': 'src/components/shipment-form/define.ts',
  'status-tabs': 'src/components/status-tabs/define.ts',
  'order-calendar': 'src/components/order-calendar/define.ts',
  'order-shipments': 'src/components/order-shipments/define.ts',
  'order-payments': 'src/components/order-payments/define.ts',
  'order-export': 'src/components/order-export/define.ts',
  'order-import': 'src/components/order-import/define.ts',
  'order-form': 'src/components/order-form/define.ts',
  mock: 'src/api/mock/index.ts',
};

const external = ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'rxjs', 'rxjs/*', 'idb', 'msw', 'msw/*'];

/** Keeps dynamically imported modules out of the bundle (they are fetched only when needed). */
const onDemandExternal = {
  name: 'on-demand-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  plugins: [onDemandExternal],
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  tsconfig: `${root}tsconfig.json`,
  define: { 'process.env.NODE_ENV': '"production"' },
  // Production builds of Lit (no dev-mode checks), as a host's production bundle resolves them.
  conditions: ['production'],
};

rmSync(out, { recursive: true, force: true });
await Promise.all([
  ...Object.entries(entries).map(([name, path]) =>
    build({ ...common, entryPoints: { [name]: path }, outdir: `${out}/lib/${name}`, external }),
  ),
  build({ ...common, entryPoints: { 'order-table': entries['order-table'] }, outdir: `${out}/standalone/order-table` }),
]);
console.log(`bundled ${Object.keys(entries).length} library entries and the standalone <order-table> into bench/out/size/`);
