/**
 * Rule: never offer an action that will be refused. For every preset, every viewer role and random
 * orders reachable from the seeded demo data (walking random offered and backend actions), every action
 * `availableActions` offers is accepted by `applyAction` with valid input: no refusal for status,
 * guard (deleted, posting, live shipment, payment…) or permission.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DEFAULT_NOW, demoViewers, generateOrders, mulberry32 } from '../../src/model/generate.js';
import { getPreset, PRESET_KEYS } from '../../src/model/presets/index.js';
import { PRINT_DOCUMENT_KINDS, type Order, type Viewer } from '../../src/model/types.js';
import { accepted } from '../../src/model/derive.js';
import { applyAction, availableActions, canOffer, countApplicable } from '../../src/model/workflow/engine.js';
import { guardRefusal, MOVING, PRE_PICKUP, trackable } from '../../src/model/workflow/guards.js';
import type { ActionDef, WorkflowDefinition } from '../../src/model/workflow/types.js';

const viewers: readonly Viewer[] = demoViewers;

/** A valid input for the action on this order, drawn with `rnd`: what a careful person would type. */
export function validInput(wf: WorkflowDefinition, a: ActionDef, o: Order, rnd: () => number, n: number): Record<string, unknown> {
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const c = o.currency;
  const courierChoice = pick(wf.couriers.length ? wf.couriers : [{ code: 'other', name: 'Others' }]);
  const courier = courierChoice.code === 'other' ? { code: 'other', name: 'City-Link' } : courierChoice;
  const person = { id: `p_${n}`, name: `Person ${n}` };
  const input: Record<string, unknown> = {};
  switch (a.operation) {
    case 'confirm-stock': {
      const mode = (a.fixed?.['mode'] as string | undefined) ?? 'all';
      if (mode === 'some') {
        const first = o.lines.findIndex((l) => l.quantity.ordered > 0);
        input['lines'] = o.lines.map((l, i) => ({ lineId: l.id, accepted: i === first ? int(1, l.quantity.ordered) : int(0, l.quantity.ordered) }));
      } else input['mode'] = mode;
      input['reason'] = 'Out of stock';
      break;
    }
    case 'record-payment':
      input['method'] = pick(wf.paymentMethods);
      if (rnd() < 0.5) input['amount'] = { amount: int(1, o.totals.outstanding.amount), currency: c };
      break;
    case 'record-expense':
      Object.assign(input, { label: 'Fuel', amount: { amount: int(1, 5000), currency: c } });
      break;
    case 'create-shipment': {
      Object.assign(input, { courier, trackingNumber: `TN${n}` });
      const open = o.lines.filter((l) => accepted(l) - l.quantity.fulfilled > 0);
      if (rnd() < 0.4 && open.length > 0) {
        const l = pick(open);
        input['lines'] = [{ lineId: l.id, quantity: int(1, accepted(l) - l.quantity.fulfilled) }];
      }
      break;
    }
    case 'book-courier':
      if (rnd() < 0.5) input['courier'] = courier;
      break;
    case 'mark-shipped':
      Object.assign(input, { courier, trackingNumber: `TN${n}` });
      break;
    case 'update-tracking': {
      const live = o.shipments.filter(trackable);
      Object.assign(input, { trackingNumber: `UT${n}`, shipmentId: pick(live).id });
      break;
    }
    case 'cancel':
    case 'request-cancellation':
      input['reason'] = 'Customer changed their mind';
      break;
    case 'request-return': {
      const l = pick(o.lines.filter((x) => x.quantity.delivered > x.quantity.returned));
      Object.assign(input, { reason: 'Broken', lines: [{ lineId: l.id, quantity: int(1, l.quantity.delivered - l.quantity.returned) }] });
      break;
    }
    case 'refund':
      Object.assign(input, { reason: 'Goodwill', amount: { amount: int(1, o.totals.paid.amount - o.totals.refunded.amount), currency: c } });
      break;
    case 'assign':
      Object.assign(input, { csr: person, agent: person });
      break;
    case 'set-status':
      if (!a.to) input['status'] = pick(wf.statuses.filter((s) => s.key !== o.status)).key;
      break;
    case 'add-note':
      input['text'] = 'Called the customer';
      break;
    case 'record-print':
      Object.assign(input, { document: pick(PRINT_DOCUMENT_KINDS), copies: int(1, 3) });
      break;
    case 'reschedule':
      input['scheduledAt'] = new Date(Date.parse(o.createdAt) + int(1, 20) * 86_400_000).toISOString();
      break;
    default:
      break;
  }
  for (const field of a.required ?? []) {
    if (input[field] !== undefined || a.fixed?.[field] !== undefined) continue;
    input[field] = field === 'courier' ? courier : field === 'csr' || field === 'agent' ? person : field === 'trackingNumber' ? `TN${n}` : 'Because';
  }
  return input;
}

/** A backend event (courier progress, accounting result, buyer request) that may move the order on. */
function systemStep(wf: WorkflowDefinition, o: Order, rnd: () => number): { action: string; input: Record<string, unknown> } | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const candidates = wf.actions.filter((a) => a.system);
  if (candidates.length === 0) return undefined;
  const a = pick(candidates);
  if (a.operation === 'courier-event') {
    const open = o.shipments.filter((s) => PRE_PICKUP.includes(s.status) || MOVING.includes(s.status));
    if (open.length === 0) return undefined;
    const status = pick(['assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'delivered', 'failed', 'returned'] as const);
    return { action: a.key, input: { shipmentId: pick(open).id, status } };
  }
  if (a.operation === 'posting-result') {
    return { action: a.key, input: rnd() < 0.7 ? { status: 'completed', reference: 'IV-1' } : { status: 'failed', error: 'Timed out' } };
  }
  if (guardRefusal(a, o) || (a.from !== '*' && !a.from.includes(o.status))) return undefined;
  return { action: a.key, input: validInput(wf, a, o, rnd, 0) };
}

describe('rule: an offered action is accepted', () => {
  for (const key of PRESET_KEYS) {
    it(`${key}: every action offered to every role on reachable orders is accepted with valid input`, () => {
      const wf = getPreset(key);
      const seeds = generateOrders({ preset: key, count: 120, seed: 7, now: DEFAULT_NOW });
      let clock = Date.parse(DEFAULT_NOW);
      let ids = 0;
      const ctx = (viewer: Viewer, system = false) => ({
        viewer,
        now: new Date((clock += 60_000)).toISOString(),
        newId: (p: string) => `${p}_w${++ids}`,
        system,
      });
      const offeredSeen = new Set<string>();
      fc.assert(
        fc.property(fc.nat(seeds.length - 1), fc.integer(), fc.integer({ min: 1, max: 12 }), (start, seed, steps) => {
          const rnd = mulberry32(seed);
          let order = seeds[start] as Order;
          for (let step = 0; step <= steps; step++) {
            let n = 0;
            for (const viewer of viewers) {
              for (const action of availableActions(wf, order, viewer)) {
                offeredSeen.add(action.key);
                const input = validInput(wf, action, order, rnd, ++n);
                const result = applyAction(wf, order, action.key, input, ctx(viewer));
                const where = `${action.key} offered to ${viewer.role} on ${order.number} (${order.status}, ${order.paymentStatus}, ${order.fulfillmentStatus}) with ${JSON.stringify(input)}`;
                expect(result.ok ? 'accepted' : `${result.refusal.code}: ${result.refusal.message}`, where).to.equal('accepted');
              }
            }
            // Move on: a random offered action by a random role, or a backend event.
            const viewer = viewers[Math.floor(rnd() * viewers.length)] as Viewer;
            const offered = availableActions(wf, order, viewer);
            const backend = rnd() < 0.35 ? systemStep(wf, order, rnd) : undefined;
            if (backend) {
              const r = applyAction(wf, order, backend.action, backend.input, ctx(viewer, true));
              if (r.ok) order = r.order;
            } else if (offered.length > 0) {
              const a = offered[Math.floor(rnd() * offered.length)] as ActionDef;
              const r = applyAction(wf, order, a.key, validInput(wf, a, order, rnd, 99), ctx(viewer));
              if (r.ok) order = r.order;
            }
          }
        }),
        { numRuns: 80, seed: 20261208, includeErrorInReport: true },
      );
      expect(offeredSeen.size, 'the walk reaches a fair share of the actions').to.be.greaterThan(wf.actions.filter((a) => !a.system).length / 2);
    });
  }

  it('a super-admin is not offered Restore on an order that is not deleted (cod-delivery)', () => {
    const wf = getPreset('cod-delivery');
    const [order] = generateOrders({ preset: 'cod-delivery', count: 1, seed: 3, now: DEFAULT_NOW });
    const superadmin = viewers.find((v) => v.role === 'superadmin') as Viewer;
    expect(canOffer(wf, order as Order, superadmin, 'restore')).to.equal(false);
    const deleted = applyAction(wf, order as Order, 'delete', {}, { viewer: superadmin, now: DEFAULT_NOW, newId: (p) => `${p}_d` });
    if (!deleted.ok) throw new Error(deleted.refusal.message);
    expect(availableActions(wf, deleted.order, superadmin).map((a) => a.key)).to.deep.equal(['restore']);
  });

  it('Post Order is not offered while a posting is in progress (marketplace)', () => {
    const wf = getPreset('marketplace');
    const admin = viewers.find((v) => v.role === 'admin') as Viewer;
    const shipped = generateOrders({ preset: 'marketplace', count: 400, seed: 5, now: DEFAULT_NOW }).find(
      (o) => canOffer(wf, o, admin, 'post-accounting'),
    ) as Order;
    expect(shipped, 'an order that can be posted').to.not.equal(undefined);
    const posting = applyAction(wf, shipped, 'post-accounting', {}, { viewer: admin, now: DEFAULT_NOW, newId: (p) => `${p}_x` });
    if (!posting.ok) throw new Error(posting.refusal.message);
    expect(posting.order.posting?.status).to.equal('in-progress');
    expect(canOffer(wf, posting.order, admin, 'post-accounting')).to.equal(false);
    expect(availableActions(wf, posting.order, admin).map((a) => a.key)).not.to.include('post-accounting');
  });

  it('countApplicable counts the orders an action applies to for a viewer', () => {
    const wf = getPreset('cod-delivery');
    const orders = generateOrders({ preset: 'cod-delivery', count: 60, seed: 11, now: DEFAULT_NOW });
    const admin = viewers.find((v) => v.role === 'admin') as Viewer;
    const staff = viewers.find((v) => v.role === 'staff') as Viewer;
    const cancellable = orders.filter((o) => canOffer(wf, o, admin, 'cancel')).length;
    expect(cancellable).to.be.within(1, orders.length - 1);
    expect(countApplicable(wf, orders, admin, 'cancel')).to.equal(cancellable);
    expect(countApplicable(wf, orders, staff, 'cancel')).to.equal(orders.filter((o) => staff.storeIds.includes(o.storeId) && canOffer(wf, o, admin, 'cancel')).length);
    expect(countApplicable(wf, orders, admin, 'restore')).to.equal(0);
    expect(countApplicable(wf, orders, admin, 'no-such-action')).to.equal(0);
  });
});
