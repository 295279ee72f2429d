/**
 * `<order-admin>` on the embedded IndexedDB engine: the guide's first example, shown there as is (with
 * the package's import paths) and run by its "Run this example" button.
 */
import '../../src/define.js';
import { createLocalApi } from '../../src/api/index.js';
import { demoStores, getPreset, type Viewer } from '../../src/model/index.js';

// Who is signed in (a staff viewer sees only the stores in `storeIds`).
const viewer: Viewer = { id: 'usr_ayu', name: 'Ayu', role: 'admin', storeIds: [] };

// The embedded backend: orders live in this browser's IndexedDB.
const api = await createLocalApi({ workflow: getPreset('confirm-first'), viewer, dbName: 'my-shop-orders', stores: demoStores });
// Demo orders the first time; a real shop creates its own (api.createOrder, api.importOrders).
if ((await api.size()) === 0) await api.seed({ preset: 'confirm-first', count: 200 });

const admin = document.querySelector('order-admin')!;
admin.viewer = viewer;
admin.stores = demoStores;
admin.api = api;
