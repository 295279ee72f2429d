import { expect } from '@open-wc/testing';
import { checkInvariants, deriveFulfillmentStatus, derivePaymentStatus, computeTotals } from '../../src/model/derive.js';
import { matchesFilter } from '../../src/model/filter.js';
import { money } from '../../src/model/money.js';
import { newOrder } from '../../src/model/order.js';
import { can, inScope, scopeStores } from '../../src/model/permissions.js';
import type { LineItem, Order, Viewer } from '../../src/model/types.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';

const wf = { initial: 'new' } as WorkflowDefinition;
const viewer: Viewer = { id: 'u1', name: 'Ana', role: 'admin', storeIds: [] };

function order(overrides: Partial<Order> = {}): Order {
  let n = 0;
  const base = newOrder(
    wf,
    {
      channel: 'shopee',
      storeId: 's1',
      customer: { name: 'Nur Aisyah', phone: '+60123456789' },
      currency: 'MYR',
      lines: [
        { sku: 'A', name: 'Kain batik', unitPrice: money(4990, 'MYR'), quantity: 3, discount: money(300, 'MYR') },
        { sku: 'B', name: 'Songkok', unitPrice: money(2500, 'MYR'), quantity: 1 },
      ],
      discount: money(500, 'MYR'),
      deliveryFee: money(800, 'MYR'),
      tax: money(120, 'MYR'),
    },
    { id: 'o1', number: '#1', now: '2026-11-01T00:00:00.000Z', actor: viewer, newId: (p) => `${p}${++n}` },
  );
  return { ...base, ...overrides };
}

describe('newOrder and derived totals', () => {
  it('computes totals in integer minor units', () => {
    const o = order();
    expect(o.totals.subtotal.amount).to.equal(4990 * 3 - 300 + 2500);
    expect(o.totals.total.amount).to.equal(17170 - 500 + 800 + 120);
    expect(o.totals.outstanding.amount).to.equal(o.totals.total.amount);
    expect(o.paymentStatus).to.equal('unpaid');
    expect(o.fulfillmentStatus).to.equal('unfulfilled');
    expect(o.status).to.equal('new');
    expect(o.version).to.equal(1);
    expect(o.timeline).to.have.length(1);
    expect(checkInvariants(o)).to.deep.equal([]);
  });

  it('scales a line discount down with rejected units, never above the original', () => {
    const o = order();
    const [a] = o.lines as LineItem[];
    const lines = [{ ...a!, quantity: { ...a!.quantity, rejected: 1 } }, o.lines[1]!];
    const t = computeTotals({ ...o, lines });
    expect(t.subtotal.amount).to.equal(4990 * 2 - 200 + 2500);
  });

  it('owes nothing when every line is rejected', () => {
    const o = order();
    const lines = o.lines.map((l) => ({ ...l, quantity: { ...l.quantity, rejected: l.quantity.ordered } }));
    const t = computeTotals({ ...o, lines });
    expect(t.total.amount).to.equal(0);
    expect(t.outstanding.amount).to.equal(0);
  });

  it('derives payment status from the ledger', () => {
    const o = order();
    const t = (paid: number, refunded: number) => ({ ...o.totals, paid: money(paid, 'MYR'), refunded: money(refunded, 'MYR') });
    expect(derivePaymentStatus(t(0, 0))).to.equal('unpaid');
    expect(derivePaymentStatus(t(100, 0))).to.equal('partially-paid');
    expect(derivePaymentStatus(t(o.totals.total.amount, 0))).to.equal('paid');
    expect(derivePaymentStatus(t(o.totals.total.amount, 1))).to.equal('partially-refunded');
    expect(derivePaymentStatus(t(500, 500))).to.equal('refunded');
  });

  it('derives fulfilment status from the line counters', () => {
    const line = (q: Partial<LineItem['quantity']>): LineItem => ({
      ...order().lines[0]!,
      quantity: { ordered: 2, rejected: 0, fulfilled: 0, shipped: 0, delivered: 0, returned: 0, refunded: 0, ...q },
    });
    expect(deriveFulfillmentStatus([line({})])).to.equal('unfulfilled');
    expect(deriveFulfillmentStatus([line({ fulfilled: 1 })])).to.equal('partially-fulfilled');
    expect(deriveFulfillmentStatus([line({ fulfilled: 2 })])).to.equal('fulfilled');
    expect(deriveFulfillmentStatus([line({ fulfilled: 2, shipped: 1 })])).to.equal('partially-shipped');
    expect(deriveFulfillmentStatus([line({ fulfilled: 2, shipped: 2 })])).to.equal('shipped');
    expect(deriveFulfillmentStatus([line({ fulfilled: 2, shipped: 2, delivered: 1 })])).to.equal('partially-delivered');
    expect(deriveFulfillmentStatus([line({ fulfilled: 2, shipped: 2, delivered: 2 })])).to.equal('delivered');
    expect(deriveFulfillmentStatus([line({ fulfilled: 2, shipped: 2, delivered: 2, returned: 2 })])).to.equal('returned');
    expect(deriveFulfillmentStatus([line({ rejected: 1, fulfilled: 1, shipped: 1 })])).to.equal('shipped');
  });

  it('reports broken invariants by line and field', () => {
    const o = order();
    const bad = { ...o, lines: [{ ...o.lines[0]!, quantity: { ...o.lines[0]!.quantity, shipped: 1 } }] };
    expect(checkInvariants(bad as Order).join()).to.contain('shipped > fulfilled').and.contain('totals.subtotal is stale');
  });
});

describe('tab filters', () => {
  it('hide archived and deleted orders unless asked', () => {
    expect(matchesFilter(order(), {})).to.equal(true);
    expect(matchesFilter(order({ archived: true }), {})).to.equal(false);
    expect(matchesFilter(order({ archived: true }), { archived: true })).to.equal(true);
    expect(matchesFilter(order({ archived: true }), { archived: 'any' })).to.equal(true);
    expect(matchesFilter(order({ deletedAt: '2026-11-02T00:00:00.000Z' }), {})).to.equal(false);
    expect(matchesFilter(order({ deletedAt: '2026-11-02T00:00:00.000Z' }), { deleted: true })).to.equal(true);
  });

  it('match statuses, channels, derived statuses and open requests', () => {
    const o = order();
    expect(matchesFilter(o, { status: ['new'] })).to.equal(true);
    expect(matchesFilter(o, { status: ['paid'] })).to.equal(false);
    expect(matchesFilter(o, { channel: ['online'] })).to.equal(false);
    expect(matchesFilter(o, { paymentStatus: ['unpaid'], fulfillmentStatus: ['unfulfilled'] })).to.equal(true);
    const requested = order({ cancellation: { status: 'requested', reason: 'x', requestedAt: o.createdAt, previousStatus: 'new' } });
    expect(matchesFilter(requested, { cancellationRequested: true })).to.equal(true);
    expect(matchesFilter(o, { cancellationRequested: true })).to.equal(false);
    expect(matchesFilter(o, { posting: ['none'] })).to.equal(true);
  });
});

describe('permissions', () => {
  const staff: Viewer = { id: 's', name: 'S', role: 'staff', storeIds: ['s1'] };
  const root: Viewer = { id: 'r', name: 'R', role: 'superadmin', storeIds: [] };
  it('grant by role; restore is super-admin only; system is nobody', () => {
    expect(can(staff, 'orders.confirm')).to.equal(true);
    expect(can(staff, 'orders.refund')).to.equal(false);
    expect(can(viewer, 'orders.refund')).to.equal(true);
    expect(can(viewer, 'orders.restore')).to.equal(false);
    expect(can(root, 'orders.restore')).to.equal(true);
    expect(can(root, 'orders.system')).to.equal(false);
  });
  it('scope staff to their stores', () => {
    expect(inScope(staff, 's1')).to.equal(true);
    expect(inScope(staff, 's2')).to.equal(false);
    expect(inScope(viewer, 's2')).to.equal(true);
    expect(scopeStores(staff)).to.deep.equal(['s1']);
    expect(scopeStores(viewer)).to.equal(undefined);
  });
});
