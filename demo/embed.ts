/**
 * Separate islands sharing one store: the real script of embed.html, shown as is in guide.html
 * (with the package's import paths). No common provider: the store goes to each element's `.store`.
 */
import '../src/define.js';
import { createLocalApi } from '../src/api/index.js';
import { demoAnchor, demoStores, getPreset, type Viewer } from '../src/model/index.js';
import { createOrderStore } from '../src/state/index.js';

// Who is signed in to the back office, and the order workflow the shop runs.
const viewer: Viewer = { id: 'usr_acme_rina', name: 'Rina (Acme)', role: 'admin', storeIds: [] };
const workflow = getPreset('online-store');

// The embedded IndexedDB backend, with demo orders the first time.
const api = await createLocalApi({ workflow, viewer, dbName: 'acme-orders', stores: demoStores });
if ((await api.size()) === 0) await api.seed({ preset: 'online-store', count: 500, now: demoAnchor(new Date()) });

// One store for every island on the page.
const store = createOrderStore({ api, workflow, viewer, stores: demoStores });

const tabs = document.querySelector('status-tabs')!;
const table = document.querySelector('order-table')!;
const detail = document.querySelector('order-detail')!;
for (const island of [tabs, table, detail]) island.store = store;
table.stores = demoStores;
detail.stores = demoStores;

// A row opened in the list shows in the panel.
table.addEventListener('order-open', (event) => {
  detail.orderId = event.detail.orderId;
  detail.scrollIntoView({ block: 'nearest' });
});
