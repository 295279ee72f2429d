/**
 * Issue 12, rule 5: Undo is data (`ActionDef.undo`), and it is offered only where the engine accepts
 * it. Over every preset, seeded orders and every viewer role: whenever `undoFor` offers an Undo after
 * an action, applying it is accepted, and a status change undone brings the status back.
 */
import { expect } from '@open-wc/testing';
import { demoStores, generateOrders } from '../../src/model/generate.js';
import { getPreset, PRESET_KEYS } from '../../src/model/presets/index.js';
import type { Viewer } from '../../src/model/types.js';
import { applyAction, availableActions } from '../../src/model/workflow/engine.js';
import { undoFor, undoProblems } from '../../src/model/workflow/undo.js';

const viewers: Viewer[] = [
  { id: 'u_staff', name: 'Staff', role: 'staff', storeIds: demoStores.map((s) => s.id) },
  { id: 'u_admin', name: 'Admin', role: 'admin', storeIds: [] },
  { id: 'u_super', name: 'Super', role: 'superadmin', storeIds: [] },
];

let seq = 0;
const ctx = (viewer: Viewer) => ({ viewer, now: '2026-11-23T10:00:00.000Z', newId: (p: string) => `${p}_${++seq}`, system: false });

describe('undo as workflow data', () => {
  for (const key of PRESET_KEYS) {
    it(`${key}: every undo names a real action, and an offered Undo is always accepted`, () => {
      const workflow = getPreset(key);
      expect(undoProblems(workflow)).to.deep.equal([]);
      const orders = generateOrders({ preset: key, count: 60, seed: 7 });
      let offered = 0;
      for (const viewer of viewers) {
        for (const order of orders) {
          for (const action of availableActions(workflow, order, viewer)) {
            if (!action.undo) continue;
            const statuses = action.operation === 'set-status' && !action.to ? workflow.statuses.map((s) => s.key).filter((s) => s !== order.status) : [undefined];
            for (const status of statuses.slice(0, 3)) {
              const done = applyAction(workflow, order, action.key, status ? { status } : undefined, ctx(viewer));
              if (!done.ok) continue;
              const undo = undoFor(workflow, action.key, done.order, viewer, order);
              // Without `before` (a bulk run on orders never loaded) the timeline gives the same answer.
              expect(undoFor(workflow, action.key, done.order, viewer)).to.deep.equal(undo);
              if (!undo) continue;
              offered++;
              const undone = applyAction(workflow, done.order, undo.action, undo.input, ctx(viewer));
              expect(undone.ok, `${key} ${action.key} → ${undo.action} as ${viewer.role}`).to.be.true;
              if (undone.ok && action.operation === 'set-status') expect(undone.order.status).to.equal(order.status);
              if (undone.ok && action.operation === 'archive') expect(undone.order.archived).to.be.false;
            }
          }
        }
      }
      const declared = workflow.actions.some((a) => a.undo);
      if (declared) expect(offered, 'some Undo offered').to.be.greaterThan(0);
    });
  }

  it('offers no Undo the viewer may not run: deleting is undone by restoring, a super-admin’s right', () => {
    const workflow = getPreset('cod-delivery');
    const [order] = generateOrders({ preset: 'cod-delivery', count: 5, seed: 3 });
    const admin = viewers[1]!;
    const superadmin = viewers[2]!;
    const deleted = applyAction(workflow, order!, 'delete', undefined, ctx(admin));
    expect(deleted.ok).to.be.true;
    if (!deleted.ok) return;
    expect(undoFor(workflow, 'delete', deleted.order, admin, order)).to.equal(undefined);
    expect(undoFor(workflow, 'delete', deleted.order, superadmin, order)).to.deep.equal({ action: 'restore', input: undefined });
  });

  it('reports an undo naming an unknown action', () => {
    const workflow = getPreset('cod-delivery');
    const broken = { ...workflow, actions: workflow.actions.map((a) => (a.key === 'delete' ? { ...a, undo: { action: 'nope' } } : a)) };
    expect(undoProblems(broken)).to.have.length(1);
  });
});
