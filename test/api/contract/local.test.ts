/** The adapter contract suite on the embedded IndexedDB engine: one instance per viewer, one database. */
import { deleteDB } from 'idb';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/local/index.js';
import { demoCatalog } from '../../../src/model/csv/catalog.js';
import { getPreset } from '../../../src/model/presets/index.js';
import { describeOrderApiContract, superadmin } from './contract.js';

describeOrderApiContract('local (IndexedDB)', async (setup) => {
  const dbName = `contract-local-${crypto.randomUUID()}`;
  const workflow = getPreset(setup.preset);
  const seeder = await createLocalApi({ workflow, viewer: superadmin, dbName });
  await seeder.seed({ preset: setup.preset, count: setup.count, seed: setup.seed });
  const opened: LocalOrderApi[] = [seeder];
  return {
    async api(viewer) {
      const api = await createLocalApi({ workflow, viewer, dbName, catalog: demoCatalog() });
      opened.push(api);
      return api;
    },
    // Subscribing to the local engine is synchronous.
    live: async () => undefined,
    async close() {
      for (const api of opened.splice(0)) api.close();
      await deleteDB(dbName);
    },
  };
});
