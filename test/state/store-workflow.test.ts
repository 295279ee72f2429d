/** The store's workflow: loaded from the backend, saved through it, followed across stores and tabs. */
import { expect } from '@open-wc/testing';
import { OrderApiError } from '../../src/api/types.js';
import { withCustomStatus } from '../../src/model/presets/index.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';
import { createOrderStore } from '../../src/state/store.js';
import type { OrderStore } from '../../src/state/types.js';
import { openBackend, until, type Backend } from './backend.js';
import { FakeApi, FakeHub } from './fake-api.js';
import { SpyApi } from './spy-api.js';
import type { OrderApi } from '../../src/api/types.js';

function custom(workflow: WorkflowDefinition): WorkflowDefinition {
  const next = withCustomStatus(
    workflow,
    { key: 'on-hold', label: { en: 'On hold', id: 'Ditahan' }, category: 'open', tone: 'warning' },
    { from: ['new'], to: ['cancelled'] },
  );
  return { ...next, tabs: [...next.tabs, { key: 'on-hold', label: { en: 'On hold', id: 'Ditahan' }, filter: { status: ['on-hold'] } }] };
}

describe('store: workflow', () => {
  let backend: Backend;
  const stores: OrderStore[] = [];
  const make = (api: OrderApi = backend.spy, workflow = backend.workflow): OrderStore => {
    const store = createOrderStore({ api, workflow, viewer: backend.viewer, refreshDelayMs: 10 });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    backend = await openBackend(40);
  });

  afterEach(async () => {
    for (const s of stores.splice(0)) s.dispose();
    await backend.close();
  });

  it('applies the given preset where the backend stores no workflows', () => {
    const fake = new FakeApi(new FakeHub(backend.workflow, []), backend.viewer);
    const store = make(fake);
    expect(store.workflowEditable).to.equal(false);
    expect(store.workflow).to.equal(backend.workflow);
    expect(store.presetWorkflow).to.equal(backend.workflow);
  });

  it('loads the backend’s version, saves a definition (counts and tabs follow), and a second store follows the change event', async () => {
    const store = make();
    expect(store.workflowEditable).to.equal(true);
    await until(store, (s) => s.workflowVersion === 0);
    const second = make(await backend.peer());
    await until(second, (s) => s.workflowVersion === 0);
    const seen: string[] = [];
    const sub = second.workflow$.subscribe((w) => seen.push(w.statuses.map((x) => x.key).join(',')));
    const saved = await store.saveWorkflow(custom(backend.workflow));
    expect(saved.version).to.equal(1);
    expect(store.workflow.statuses.some((s) => s.key === 'on-hold')).to.equal(true);
    expect(store.presetWorkflow, 'the preset stays what reset goes back to').to.equal(backend.workflow);
    await until(store, (s) => s.counts.values?.['on-hold'] === 0);
    await until(second, (s) => s.workflowVersion === 1);
    expect(second.workflow.tabs.map((t) => t.key)).to.include('on-hold');
    expect(seen.at(-1)).to.contain('on-hold');
    sub.unsubscribe();
    await until(second, (s) => s.counts.values?.['on-hold'] === 0);
  });

  it('turns a stale save into a conflict, applies the stored definition, and saves knowingly the second time', async () => {
    const first = make();
    const slow = new SpyApi(await backend.peer());
    const stale = make(slow);
    await until(first, (s) => s.workflowVersion === 0);
    await until(stale, (s) => s.workflowVersion === 0);
    // The stale store hears nothing until the events are resumed: it still holds version 0.
    slow.pauseEvents();
    await first.saveWorkflow(custom(backend.workflow));
    const reordered = { ...backend.workflow, tabs: [...backend.workflow.tabs].reverse() };
    expect(stale.snapshot.workflowVersion).to.equal(0);
    let error: unknown;
    try {
      await stale.saveWorkflow(reordered);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(OrderApiError);
    expect((error as OrderApiError).code).to.equal('conflict');
    expect((error as OrderApiError).currentWorkflow?.version).to.equal(1);
    // The conflict put the stored definition in effect at once.
    expect(stale.snapshot.workflowVersion).to.equal(1);
    expect(stale.workflow.statuses.some((s) => s.key === 'on-hold')).to.equal(true);
    slow.resumeEvents();
    await until(stale, (s) => s.workflowVersion === 1);
    // Saving the preset again (the custom status holds no orders) now replaces it knowingly.
    const again = await stale.saveWorkflow(reordered);
    expect(again.version).to.equal(2);
    expect(stale.workflow.tabs[0]!.key).to.equal(backend.workflow.tabs.at(-1)!.key);
  });

  it('moves the query to the first tab when its tab no longer exists', async () => {
    const store = make();
    await store.saveWorkflow(custom(backend.workflow));
    store.setTab('on-hold');
    expect(store.snapshot.query.tab).to.equal('on-hold');
    await store.saveWorkflow(backend.workflow);
    expect(store.snapshot.query.tab).to.equal(backend.workflow.tabs[0]!.key);
  });
});
