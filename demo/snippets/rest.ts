/**
 * `<order-admin>` on your own backend through the REST adapter: shown in the guide (type-checked with
 * the project, not run there; the demo's "REST over HTTP" backend runs the same adapter against the
 * mock server).
 */
import '../../src/define.js';
import { createRestApi } from '../../src/api/index.js';
import type { Viewer } from '../../src/model/index.js';

// Your back office knows who is signed in and holds their session token.
const viewer: Viewer = { id: 'usr_ayu', name: 'Ayu', role: 'staff', storeIds: ['st_jkt'] };
const session = { token: sessionStorage.getItem('token') ?? '' };

const api = createRestApi({
  // Where your server serves the orderdeck contract (docs/openapi.yaml).
  baseUrl: 'https://shop.example/api/orderdeck',
  // Asked before every request, retry and reconnect, so a refreshed token is used at once.
  headers: () => ({ Authorization: `Bearer ${session.token}` }),
});

const admin = document.querySelector('order-admin')!;
admin.viewer = viewer;
admin.api = api;
