/** The local engine's stored workflow: schema upgrade, persistence per preset key, a bad record ignored. */
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { createLocalApi } from '../../src/api/local/index.js';
import { getPreset, withCustomStatus } from '../../src/model/presets/index.js';
import type { Viewer } from '../../src/model/types.js';

const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };

describe('local engine: workflow storage', () => {
  let dbName: string;

  beforeEach(() => {
    dbName = `orderdeck-workflow-${crypto.randomUUID()}`;
  });

  afterEach(async () => {
    await deleteDB(dbName);
  });

  it('writes schema 2, upgrades a schema-1 database (made before workflows were stored) and serves the preset at version 0', async () => {
    const cod = getPreset('cod-delivery');
    const first = await createLocalApi({ workflow: cod, viewer: admin, dbName });
    first.close();
    const raw = await openDB(dbName);
    expect(raw.version, 'the engine writes schema 2').to.equal(2);
    raw.close();
    await deleteDB(dbName);
    const old = await openDB(dbName, 1, {
      upgrade(db) {
        db.createObjectStore('orders', { keyPath: 'id' });
        db.createObjectStore('summaries', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('idempotency', { keyPath: 'key' }).createIndex('at', 'at');
      },
    });
    old.close();
    const api = await createLocalApi({ workflow: cod, viewer: admin, dbName });
    try {
      await api.seed({ preset: 'cod-delivery', count: 20, seed: 3 });
      expect(await api.size()).to.equal(20);
      const stored = await api.getWorkflow();
      expect(stored.version).to.equal(0);
      expect(stored.definition).to.equal(cod);
    } finally {
      api.close();
    }
  });

  it('keeps a saved definition per preset key across reopening, and ignores a malformed record', async () => {
    const cod = getPreset('cod-delivery');
    const api = await createLocalApi({ workflow: cod, viewer: admin, dbName });
    await api.seed({ preset: 'cod-delivery', count: 10, seed: 1 });
    const custom = withCustomStatus(cod, { key: 'awaiting-pickup', label: { en: 'Awaiting pickup', id: 'Menunggu dijemput' }, category: 'open', tone: 'attention' }, { from: ['processing'] });
    await api.saveWorkflow({ definition: custom, expectedVersion: 0 }, { idempotencyKey: 'save-1' });
    api.close();

    const again = await createLocalApi({ workflow: cod, viewer: admin, dbName });
    expect((await again.getWorkflow()).version).to.equal(1);
    expect(again.workflow.statuses.map((s) => s.key)).to.include('awaiting-pickup');
    again.close();

    // Another preset on the same database keeps its own (none saved: its preset).
    const other = await createLocalApi({ workflow: getPreset('marketplace'), viewer: admin, dbName });
    expect((await other.getWorkflow()).version).to.equal(0);
    other.close();

    // A malformed record (written by something else) is ignored with a warning: the preset applies.
    const db = await openDB(dbName);
    await db.put('workflows', { key: 'cod-delivery', version: 7, definition: { key: 'cod-delivery', statuses: 'nope' }, savedAt: 0 });
    db.close();
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args[0]);
    try {
      const fallback = await createLocalApi({ workflow: cod, viewer: admin, dbName });
      expect((await fallback.getWorkflow()).version).to.equal(0);
      expect(fallback.workflow).to.equal(cod);
      fallback.close();
    } finally {
      console.warn = warn;
    }
    expect(String(warned[0])).to.contain('is not valid');
  });
});
