/**
 * The adapter contract suite on the REST adapter, talking through MSW handlers (no service worker) to
 * the mock backend, which serves the contract from the embedded engine.
 */
import { deleteDB } from 'idb';
import { createMockHandlers } from '../../../src/api/mock/index.js';
import { describeOrderApiContract } from './contract.js';

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describeOrderApiContract('REST over the MSW mock backend', async (setup) => {
  const dbName = `contract-rest-${crypto.randomUUID()}`;
  const mock = createMockHandlers({
    baseUrl: 'https://api.orderdeck.test/v1',
    preset: setup.preset,
    dbName,
    seed: { count: setup.count, seed: setup.seed },
  });
  await mock.ready;
  return {
    // Retries off: the contract is about answers, not about riding out failures (rest/ tests that).
    api: async (viewer) => mock.client(viewer.id, { retry: { maxRetries: 0 } }),
    live: () => until(() => mock.events.openStreams > 0),
    async close() {
      mock.close();
      await deleteDB(dbName);
    },
  };
});
