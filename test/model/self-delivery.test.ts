/**
 * Self-delivery and scan-to-ship in the model: the marketplace's `self-deliver` action (mark-shipped
 * with an agent), the `selfDelivery` tab filter, the `hand-over` action, and the workflow's
 * `scanToShip` steps (validated, and read by `scanAction`).
 */
import { expect } from '@open-wc/testing';
import { matchesFilter } from '../../src/model/filter.js';
import { generateOrders } from '../../src/model/generate.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';
import { applyAction, scanAction, validateDefinition } from '../../src/model/workflow/engine.js';
import type { ApplyContext, WorkflowDefinition } from '../../src/model/workflow/types.js';

const workflow = getPreset('marketplace');
const admin: Viewer = { id: 'u_admin', name: 'Ayu', role: 'admin', storeIds: [] };
const agent = { id: 'agt_1', name: 'Joko Susilo' };
let n = 0;
const ctx: ApplyContext = { viewer: admin, now: '2026-11-22T10:00:00.000Z', newId: (p) => `${p}_${++n}` };
const orders = generateOrders({ preset: 'marketplace', count: 300, seed: 5 });
const inStatus = (status: string): Order => orders.find((o) => o.status === status && !o.archived && !o.deletedAt) as Order;

function apply(order: Order, action: string, input?: Record<string, unknown>): Order {
  const r = applyAction(workflow, order, action, input, ctx);
  if (!r.ok) throw new Error(`${action} refused: ${r.refusal.code} ${r.refusal.message}`);
  return r.order;
}

describe('self-delivery (marketplace)', () => {
  it('hands a packed order to the shop’s agent: Shipped, a self shipment on its way, the agent assigned', () => {
    const packed = inStatus('to-process');
    expect(matchesFilter(packed, { selfDelivery: true })).to.equal(false);
    const out = apply(packed, 'self-deliver', { agent });
    expect(out.status).to.equal('shipped');
    const s = out.shipments.at(-1)!;
    expect(s.courier).to.deep.equal({ code: 'self', name: 'Joko Susilo' });
    expect(s.selfDeliveryAgent).to.deep.equal(agent);
    expect(s.status).to.equal('in-transit');
    expect(out.assignees.agent).to.deep.equal(agent);
    expect(matchesFilter(out, { selfDelivery: true })).to.equal(true);
    expect(matchesFilter(out, { selfDelivery: false })).to.equal(false);
    // Mark as Delivered: delivered, and out of the Self Deliver tab.
    const done = apply(out, 'mark-delivered');
    expect(done.status).to.equal('delivered');
    expect(done.shipments.at(-1)!.status).to.equal('delivered');
    expect(done.fulfillmentStatus).to.equal('delivered');
    expect(matchesFilter(done, { selfDelivery: true })).to.equal(false);
  });

  it('needs the agent, and only from To Process; a refusal changes nothing', () => {
    const packed = inStatus('to-process');
    const missing = applyAction(workflow, packed, 'self-deliver', {}, ctx);
    expect(missing.ok).to.equal(false);
    if (!missing.ok) expect([missing.refusal.code, missing.refusal.field]).to.deep.equal(['missing-field', 'agent']);
    const wrong = applyAction(workflow, inStatus('new'), 'self-deliver', { agent }, ctx);
    expect(!wrong.ok && wrong.refusal.code).to.equal('wrong-status');
  });

  it('the Self Deliver tab shows only orders with a self shipment still on its way', () => {
    const tab = workflow.tabs.find((t) => t.key === 'self-deliver')!;
    expect(tab.filter).to.deep.equal({ selfDelivery: true });
    const courierShipped = orders.filter((o) => o.status === 'shipped' && o.shipments.every((s) => s.courier.code !== 'self'));
    expect(courierShipped.length).to.be.greaterThan(0);
    expect(courierShipped.some((o) => matchesFilter(o, tab.filter))).to.equal(false);
  });

  it('hand-over moves a To Ship order to Shipped (the courier collected it)', () => {
    const booked = inStatus('to-ship');
    const out = apply(booked, 'hand-over');
    expect(out.status).to.equal('shipped');
    expect(out.shipments.some((s) => s.status === 'in-transit')).to.equal(true);
  });
});

describe('scan-to-ship steps', () => {
  it('are data in the workflow: To Process runs to-ship, To Ship runs hand-over, nothing else scans', () => {
    expect(validateDefinition(workflow)).to.deep.equal([]);
    expect(scanAction(workflow, 'to-process')?.key).to.equal('to-ship');
    expect(scanAction(workflow, 'to-ship')?.key).to.equal('hand-over');
    expect(scanAction(workflow, 'new')).to.equal(undefined);
    expect(scanAction(getPreset('confirm-first'), 'to-ship')).to.equal(undefined);
  });

  it('are validated: an unknown action or one not allowed from the step’s status is a problem', () => {
    const bad: WorkflowDefinition = {
      ...workflow,
      scanToShip: [
        { from: 'to-process', action: 'no-such-action' },
        { from: 'new', action: 'hand-over' },
        { from: 'nowhere', action: 'pack' },
      ],
    };
    const problems = validateDefinition(bad);
    expect(problems).to.include('A scan step from “to-process” names unknown action “no-such-action”');
    expect(problems).to.include('A scan step from “new” runs action “hand-over”, which is not allowed from there');
    expect(problems.some((p) => p.includes('unknown status “nowhere”'))).to.equal(true);
  });
});
