/**
 * Property: whatever sequence of a preset's actions people and backends throw at an order, with any
 * (plausible or silly) input, the order stays sound — counters never negative, money never drifts,
 * derived fields fresh — and a refusal changes nothing.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkInvariants } from '../../src/model/derive.js';
import { mulberry32 } from '../../src/model/generate.js';
import { newOrder } from '../../src/model/order.js';
import { getPreset, PRESET_KEYS } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';
import { applyAction } from '../../src/model/workflow/engine.js';
import type { ActionDef, WorkflowDefinition } from '../../src/model/workflow/types.js';

const viewers: Viewer[] = [
  { id: 'u_staff', name: 'Staff', role: 'staff', storeIds: ['st_a'] },
  { id: 'u_admin', name: 'Admin', role: 'admin', storeIds: [] },
  { id: 'u_super', name: 'Super', role: 'superadmin', storeIds: [] },
];

/** An input for the action, drawn from the order's current state (sometimes out of range on purpose). */
function inputFor(wf: WorkflowDefinition, a: ActionDef, o: Order, rnd: () => number): Record<string, unknown> {
  const int = (n: number): number => Math.floor(rnd() * (n + 1));
  const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const line = pick(o.lines);
  const shipment = pick(o.shipments);
  const c = o.currency;
  const courier = pick(wf.couriers);
  switch (a.operation) {
    case 'confirm-stock':
      return { lines: o.lines.map((l) => ({ lineId: l.id, accepted: int(l.quantity.ordered) })), reason: 'Out of stock' };
    case 'record-payment':
      return { method: pick(wf.paymentMethods), ...(rnd() < 0.5 && { amount: { amount: 1 + int(o.totals.outstanding.amount), currency: c } }) };
    case 'record-expense':
      return { label: 'Fuel', amount: { amount: 1 + int(5000), currency: c } };
    case 'create-shipment':
    case 'mark-shipped':
      return {
        courier: courier?.code === 'other' ? { code: 'other', name: 'City-Link' } : courier,
        trackingNumber: `T${int(99999)}`,
        ...(rnd() < 0.4 && line && { lines: [{ lineId: line.id, quantity: int(line.quantity.ordered) }] }),
      };
    case 'courier-event':
      return {
        shipmentId: shipment?.id ?? 'none',
        status: pick(['assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'failed', 'returned', 'cancelled'] as const),
      };
    case 'update-tracking':
      return {
        trackingNumber: pick(['T1', `T${int(99999)}`, '', '<b>x</b>']),
        ...(rnd() < 0.5 && shipment && { shipmentId: shipment.id }),
        ...(rnd() < 0.3 && { courier }),
        ...(rnd() < 0.3 && { trackingUrl: pick(['https://track.example/T1', 'javascript:alert(1)']) }),
      };
    case 'request-return':
      return { reason: 'Broken', lines: line ? [{ lineId: line.id, quantity: int(2) }] : [] };
    case 'refund':
      return rnd() < 0.5
        ? { reason: 'Refund', amount: { amount: 1 + int(o.totals.paid.amount), currency: c } }
        : { reason: 'Refund', lines: line ? [{ lineId: line.id, quantity: int(line.quantity.ordered) }] : [] };
    case 'assign':
      return { csr: { id: 'csr_1', name: 'CSR' }, agent: { id: 'agt_1', name: 'Agent' } };
    case 'set-status':
      return { status: pick(wf.statuses)?.key };
    case 'posting-result':
      return rnd() < 0.7 ? { status: 'completed', reference: 'IV-1' } : { status: 'failed', error: 'Timed out' };
    case 'reschedule':
      return { scheduledAt: '2026-12-01T03:00:00.000Z' };
    default:
      return { reason: 'Because', text: 'A note', restock: rnd() < 0.5 };
  }
}

function fresh(wf: WorkflowDefinition): Order {
  let k = 0;
  return newOrder(
    wf,
    {
      channel: 'online',
      storeId: 'st_a',
      customer: { name: 'Budi', phone: '+62 811-0000-0000' },
      currency: 'MYR',
      lines: [
        { sku: 'A', name: 'A', unitPrice: { amount: 2590, currency: 'MYR' }, quantity: 3, discount: { amount: 500, currency: 'MYR' } },
        { sku: 'B', name: 'B', unitPrice: { amount: 1290, currency: 'MYR' }, quantity: 1 },
      ],
      deliveryFee: { amount: 800, currency: 'MYR' },
      discount: { amount: 300, currency: 'MYR' },
    },
    { id: 'o', number: '1', now: '2026-11-01T00:00:00.000Z', actor: viewers[0] as Viewer, newId: (p) => `${p}_${++k}` },
  );
}

describe('presets: property', () => {
  for (const key of PRESET_KEYS) {
    it(`${key}: any action sequence keeps the order sound, and refusals change nothing`, () => {
      const wf = getPreset(key);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(wf.actions.length - 1), fc.nat(2), fc.integer()), { maxLength: 30 }), (steps) => {
          let order = fresh(wf);
          let k = 0;
          steps.forEach(([i, v, seed], n) => {
            const action = wf.actions[i] as ActionDef;
            const input = inputFor(wf, action, order, mulberry32(seed));
            const before = JSON.stringify(order);
            const result = applyAction(wf, order, action.key, input, {
              viewer: viewers[v] as Viewer,
              now: new Date(Date.parse('2026-11-01T00:00:00.000Z') + (n + 1) * 60_000).toISOString(),
              newId: (p) => `${p}_p${++k}`,
              system: action.system === true,
            });
            expect(JSON.stringify(order), 'a refusal or a success never mutates its input').to.equal(before);
            if (!result.ok) return;
            expect(checkInvariants(result.order), `${action.key} ${JSON.stringify(input)}`).to.deep.equal([]);
            expect(result.order.version).to.equal(order.version + 1);
            expect(wf.statuses.some((s) => s.key === result.order.status)).to.equal(true);
            order = result.order;
          });
        }),
        { numRuns: 150, seed: 20261122 },
      );
    });
  }
});
