/**
 * The browser path: the mock backend in a real service worker (msw/browser), the REST adapter on the
 * page's own fetch, realtime over the worker, and the worker unregistered afterwards.
 */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { setupMockWorker, type MockWorker } from '../../../src/api/mock/index.js';
import { createRestApi } from '../../../src/api/rest/index.js';
import type { ChangeEvent } from '../../../src/api/types.js';
import type { Order } from '../../../src/model/types.js';
import { expectApiError } from '../helpers.js';
import { openOrders, PRESET, SEED, until } from './setup.js';

describe('mock backend in a service worker', () => {
  const dbName = `rest-worker-${crypto.randomUUID()}`;
  let mock: MockWorker | undefined;

  afterEach(async () => {
    await mock?.stop({ unregister: true });
    mock = undefined;
    await deleteDB(dbName);
  });

  it('serves the contract to the page fetch, streams changes, and unregisters on stop', async () => {
    mock = await setupMockWorker({ baseUrl: '/mock-api/v1', preset: PRESET, dbName, seed: SEED });
    const api = createRestApi({ baseUrl: '/mock-api/v1', headers: () => ({ Authorization: 'Bearer usr_admin' }) });
    const page = await api.listOrders({ tab: 'open' }, { offset: 0, limit: 5 });
    expect(page.items).to.have.length(5);
    expect(page.total).to.equal(openOrders.length);
    const events: ChangeEvent[] = [];
    const off = api.subscribe((e) => events.push(e));
    await until(() => (mock as MockWorker).backend.events.openStreams === 1, 5000, 'the stream through the worker');
    const target = openOrders[0] as Order;
    const updated = await api.runAction(
      { orderId: target.id, action: 'add-note', input: { text: 'through the worker' }, expectedVersion: target.version },
      { idempotencyKey: 'k-worker' },
    );
    expect(updated.version).to.equal(target.version + 1);
    await until(() => events.length > 0, 5000, 'a change event through the worker');
    expect(events[0]).to.include({ type: 'order-updated', orderId: target.id, version: updated.version, origin: 'server' });
    await expectApiError(
      api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'stale' }, expectedVersion: target.version }, { idempotencyKey: 'k-stale' }),
      'conflict',
    );
    off();
    await until(() => (mock as MockWorker).backend.events.openStreams === 0, 5000, 'the stream to close');
    const script = new URL('/mockServiceWorker.js', location.href).href;
    const before = await navigator.serviceWorker.getRegistrations();
    expect(before.some((r) => r.active?.scriptURL === script)).to.equal(true);
    await mock.stop({ unregister: true });
    mock = undefined;
    const after = await navigator.serviceWorker.getRegistrations();
    expect(after.some((r) => [r.active, r.waiting, r.installing].some((w) => w?.scriptURL === script))).to.equal(false);
  });
});
