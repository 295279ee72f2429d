import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkInvariants } from '../../src/model/derive.js';
import { money } from '../../src/model/money.js';
import { newOrder } from '../../src/model/order.js';
import type { Order, OrderDraft, Viewer } from '../../src/model/types.js';
import {
  applyAction,
  availableActions,
  validateDefinition,
} from '../../src/model/workflow/engine.js';
import { OPERATIONS } from '../../src/model/workflow/operations.js';
import type { ActionDef, ApplyContext, Operation, WorkflowDefinition } from '../../src/model/workflow/types.js';

const admin: Viewer = { id: 'u-admin', name: 'Ana Admin', role: 'admin', storeIds: [] };
const staff: Viewer = { id: 'u-staff', name: 'Sam Staff', role: 'staff', storeIds: ['s1'] };
const superadmin: Viewer = { id: 'u-root', name: 'Rita Root', role: 'superadmin', storeIds: [] };

const SYSTEM_OPS = new Set<Operation>(['courier-event', 'request-cancellation', 'request-return', 'posting-result']);

/** Every operation, allowed from any status: the engine's rules alone decide. */
const kitchenSink: WorkflowDefinition = {
  key: 'test',
  label: 'Test',
  initial: 'open',
  statuses: [
    { key: 'open', label: 'Open', category: 'open', tone: 'info' },
    { key: 'paid', label: 'Paid', category: 'open', tone: 'info' },
    { key: 'delivered', label: 'Delivered', category: 'done', tone: 'success' },
    { key: 'cancelled', label: 'Cancelled', category: 'cancelled', tone: 'danger' },
  ],
  actions: (Object.keys(OPERATIONS) as Operation[]).map(
    (op): ActionDef => ({
      key: op,
      label: op,
      operation: op,
      from: '*',
      permission: op === 'restore' ? 'orders.restore' : SYSTEM_OPS.has(op) ? 'orders.system' : 'orders.edit',
      bulk: true,
      destructive: false,
      ...(SYSTEM_OPS.has(op) && { system: true }),
    }),
  ),
  tabs: [{ key: 'all', label: 'All', filter: {} }],
  automations: [
    { on: 'fully-paid', to: 'paid' },
    { on: 'all-delivered', to: 'delivered' },
    { on: 'all-lines-rejected', to: 'cancelled' },
  ],
  couriers: [
    { code: 'jnt', name: 'J&T Express' },
    { code: 'other', name: 'Others' },
  ],
  paymentMethods: ['cash', 'cod', 'bank-transfer'],
};

let n = 0;
function context(viewer: Viewer = admin, system = false): ApplyContext {
  return { viewer, now: '2026-11-22T10:00:00.000Z', newId: (p) => `${p}_${++n}`, system };
}

const draft: OrderDraft = {
  channel: 'online',
  storeId: 's1',
  customer: { name: 'Siti Rahma', phone: '+6281234567890' },
  currency: 'IDR',
  lines: [
    { sku: 'TEA-1', name: 'Teh Melati', unitPrice: money(25000, 'IDR'), quantity: 2 },
    { sku: 'CUP-2', name: 'Cangkir', unitPrice: money(40000, 'IDR'), quantity: 1 },
  ],
  deliveryFee: money(10000, 'IDR'),
};

function makeOrder(d: OrderDraft = draft): Order {
  let n = 0;
  return newOrder(kitchenSink, d, { id: 'o1', number: '#1001', now: '2026-11-20T00:00:00.000Z', actor: admin, newId: (p) => `${p}${++n}` });
}

function must(result: ReturnType<typeof applyAction>): Order {
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
  return result.order;
}

describe('workflow engine', () => {
  it('accepts some lines, recomputes totals and the amount due', () => {
    const o = makeOrder();
    expect(o.totals.total.amount).to.equal(100000);
    const line = o.lines[1]!;
    const next = must(applyAction(kitchenSink, o, 'confirm-stock', { mode: 'some', lines: [{ lineId: line.id, accepted: 0 }] }, context()));
    expect(next.lines[1]!.quantity.rejected).to.equal(1);
    expect(next.totals.subtotal.amount).to.equal(50000);
    expect(next.totals.outstanding.amount).to.equal(60000);
    expect(next.version).to.equal(2);
    expect(next.timeline.at(-1)!.message).to.contain('Cangkir');
  });

  it('rejecting every line cancels by automation', () => {
    const next = must(applyAction(kitchenSink, makeOrder(), 'confirm-stock', { mode: 'none', reason: 'Stok habis' }, context()));
    expect(next.status).to.equal('cancelled');
    expect(next.totals.total.amount).to.equal(0);
    const statusEvent = next.timeline.find((e) => e.kind === 'status');
    expect(statusEvent).to.include({ from: 'open', to: 'cancelled' });
  });

  it('refuses a payment above the outstanding amount, naming the field', () => {
    const r = applyAction(kitchenSink, makeOrder(), 'record-payment', { method: 'cash', amount: money(100001, 'IDR') }, context());
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.refusal).to.include({ code: 'amount-too-large', field: 'amount' });
  });

  it('full payment moves the order by the fully-paid automation', () => {
    const next = must(applyAction(kitchenSink, makeOrder(), 'record-payment', { method: 'cod' }, context()));
    expect(next.paymentStatus).to.equal('paid');
    expect(next.status).to.equal('paid');
    expect(next.payments[0]!.amount.amount).to.equal(100000);
  });

  it('refuses money in another currency', () => {
    const r = applyAction(kitchenSink, makeOrder(), 'record-payment', { method: 'cash', amount: money(100, 'MYR') }, context());
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.refusal).to.include({ code: 'invalid-field', field: 'amount.currency' });
  });

  it('ships, splits, delivers, and the all-delivered automation fires', () => {
    let o = makeOrder();
    const [tea, cup] = o.lines;
    o = must(applyAction(kitchenSink, o, 'create-shipment', { courier: 'jnt', lines: [{ lineId: tea!.id, quantity: 2 }] }, context()));
    expect(o.fulfillmentStatus).to.equal('partially-fulfilled');
    o = must(applyAction(kitchenSink, o, 'create-shipment', { courier: { code: 'other', name: 'Kurir Pak Budi' }, lines: [{ lineId: cup!.id, quantity: 1 }] }, context()));
    expect(o.shipments).to.have.length(2);
    expect(o.shipments[1]!.courier.name).to.equal('Kurir Pak Budi');
    const [a, b] = o.shipments;
    o = must(applyAction(kitchenSink, o, 'courier-event', { shipmentId: a!.id, status: 'in-transit' }, context(admin, true)));
    expect(o.fulfillmentStatus).to.equal('partially-shipped');
    o = must(applyAction(kitchenSink, o, 'courier-event', { shipmentId: a!.id, status: 'delivered' }, context(admin, true)));
    expect(o.fulfillmentStatus).to.equal('partially-delivered');
    o = must(applyAction(kitchenSink, o, 'mark-delivered', { shipmentId: b!.id }, context()));
    expect(o.fulfillmentStatus).to.equal('delivered');
    expect(o.status).to.equal('delivered');
    expect(checkInvariants(o)).to.deep.equal([]);
  });

  it('renders only http(s) tracking links', () => {
    const r = applyAction(kitchenSink, makeOrder(), 'create-shipment', { courier: 'jnt', trackingUrl: 'javascript:alert(1)' }, context());
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.refusal).to.include({ code: 'invalid-field', field: 'trackingUrl' });
  });

  it('mark-shipped notifies the customer with courier and tracking', () => {
    const o = must(
      applyAction(kitchenSink, makeOrder(), 'mark-shipped', { courier: 'jnt', trackingNumber: 'JT0001', trackingUrl: 'https://track.example/JT0001', notifyCustomer: true }, context()),
    );
    expect(o.fulfillmentStatus).to.equal('shipped');
    expect(o.messages).to.have.length(1);
    expect(o.messages[0]!.text).to.contain('JT0001').and.contain('J&T Express').and.contain('https://track.example/JT0001');
    expect(o.timeline.some((e) => e.kind === 'notification')).to.equal(true);
  });

  it('never refunds more than was paid', () => {
    let o = must(applyAction(kitchenSink, makeOrder(), 'record-payment', { method: 'cash', amount: money(60000, 'IDR') }, context()));
    const r = applyAction(kitchenSink, o, 'refund', { amount: money(60001, 'IDR'), reason: 'x' }, context());
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.refusal.code).to.equal('amount-too-large');
    o = must(applyAction(kitchenSink, o, 'refund', { amount: money(10000, 'IDR'), reason: 'Rusak' }, context()));
    expect(o.paymentStatus).to.equal('partially-refunded');
    o = must(applyAction(kitchenSink, o, 'refund', { amount: money(50000, 'IDR'), reason: 'Rusak' }, context()));
    expect(o.paymentStatus).to.equal('refunded');
  });

  it('cannot cancel once goods are with the courier', () => {
    const o = must(applyAction(kitchenSink, makeOrder(), 'mark-shipped', { courier: 'jnt' }, context()));
    const r = applyAction(kitchenSink, o, 'cancel', { reason: 'changed mind' }, context());
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.refusal.code).to.equal('not-applicable');
  });

  it('enforces permissions and store scope', () => {
    const o = makeOrder({ ...draft, storeId: 's2' });
    const r1 = applyAction(kitchenSink, o, 'add-note', { text: 'hi' }, context(staff));
    expect(r1.ok || r1.refusal.code).to.equal('out-of-scope');
    const deleted = must(applyAction(kitchenSink, makeOrder(), 'soft-delete', {}, context()));
    const r2 = applyAction(kitchenSink, deleted, 'restore', {}, context(admin));
    expect(r2.ok || r2.refusal.code).to.equal('not-permitted');
    const r3 = applyAction(kitchenSink, deleted, 'add-note', { text: 'x' }, context(admin));
    expect(r3.ok || r3.refusal.code).to.equal('wrong-status');
    const restored = must(applyAction(kitchenSink, deleted, 'restore', {}, context(superadmin)));
    expect(restored.deletedAt).to.equal(undefined);
    expect('deletedAt' in restored).to.equal(false);
    const r4 = applyAction(kitchenSink, makeOrder(), 'courier-event', { shipmentId: 'x', status: 'delivered' }, context(superadmin));
    expect(r4.ok || r4.refusal.code).to.equal('not-permitted');
  });

  it('lists only what the viewer may do', () => {
    const keys = (v: Viewer) => availableActions(kitchenSink, makeOrder(), v).map((a) => a.key);
    expect(keys(admin)).to.include('add-note').and.not.include('restore').and.not.include('courier-event');
    expect(keys(superadmin), 'restore only on a deleted order').not.to.include('restore');
    const deleted = must(applyAction(kitchenSink, makeOrder(), 'soft-delete', {}, context(superadmin)));
    expect(availableActions(kitchenSink, deleted, superadmin).map((a) => a.key)).to.include('restore');
    expect(keys({ ...staff, storeIds: ['elsewhere'] })).to.deep.equal([]);
  });

  it('required fields are enforced before the operation runs', () => {
    const wf: WorkflowDefinition = {
      ...kitchenSink,
      actions: [{ key: 'ship', label: 'Ship', operation: 'mark-shipped', from: ['open'], to: 'delivered', required: ['courier', 'trackingNumber'], permission: 'orders.fulfil', bulk: true, destructive: false }],
    };
    const r = applyAction(wf, makeOrder(), 'ship', { courier: 'jnt', trackingNumber: '  ' }, context());
    expect(r.ok || r.refusal).to.deep.equal({ code: 'missing-field', message: 'trackingNumber is required.', field: 'trackingNumber' });
  });

  it('a posted order that changes returns to the active list', () => {
    let o = must(applyAction(kitchenSink, makeOrder(), 'post-accounting', {}, context()));
    o = must(applyAction(kitchenSink, o, 'posting-result', { status: 'completed', reference: 'SQL-1' }, context(admin, true)));
    expect(o.archived).to.equal(true);
    expect(o.posting).to.include({ status: 'completed', stale: false, postedVersion: o.version });
    const noted = must(applyAction(kitchenSink, o, 'add-note', { text: 'checked' }, context()));
    expect(noted.archived).to.equal(true);
    const changed = must(applyAction(kitchenSink, o, 'record-expense', { label: 'Ongkir', amount: money(5000, 'IDR') }, context()));
    expect(changed.archived).to.equal(false);
    expect(changed.posting!.stale).to.equal(true);
  });

  it('declining a buyer cancellation restores the previous status', () => {
    const wf: WorkflowDefinition = {
      ...kitchenSink,
      statuses: [...kitchenSink.statuses, { key: 'to-cancel', label: 'To Cancel', category: 'open', tone: 'warning' }],
      automations: [...kitchenSink.automations, { on: 'cancellation-requested', to: 'to-cancel' }],
    };
    let o = must(applyAction(wf, makeOrder(), 'request-cancellation', { reason: 'Salah alamat' }, context(admin, true)));
    expect(o.status).to.equal('to-cancel');
    o = must(applyAction(wf, o, 'decline-cancellation', {}, context()));
    expect(o.status).to.equal('open');
    expect(o.cancellation!.status).to.equal('declined');
  });

  it('validates definitions: unknown statuses, duplicates and unreachable statuses', () => {
    expect(validateDefinition(kitchenSink)).to.deep.equal([]);
    const broken: WorkflowDefinition = {
      ...kitchenSink,
      statuses: [...kitchenSink.statuses, { key: 'island', label: 'Island', category: 'open', tone: 'neutral' }],
      actions: [
        ...kitchenSink.actions.filter((a) => a.operation !== 'set-status'),
        { ...kitchenSink.actions[0]!, key: 'go', to: 'nowhere' },
        { ...kitchenSink.actions[0]!, key: 'go' },
      ],
    };
    const problems = validateDefinition(broken);
    expect(problems.join('\n')).to.contain('unknown status “nowhere”').and.contain('duplicate action “go”').and.contain('“island” is unreachable');
    // The structured form of the same problems: test/model/workflow-validate.test.ts.
  });
});

// -------------------------------------------------------------------------------------------------
// Properties: random action sequences with random (often bad) inputs.

const currency = 'MYR';
const arbLines = fc.array(
  fc.record({ price: fc.integer({ min: 0, max: 500000 }), qty: fc.integer({ min: 1, max: 5 }), discount: fc.integer({ min: 0, max: 1000 }) }),
  { minLength: 1, maxLength: 4 },
);

function arbStep(order: Order): fc.Arbitrary<{ key: string; input: Record<string, unknown> }> {
  const lineIds = order.lines.map((l) => l.id);
  const lq = fc.array(fc.record({ lineId: fc.constantFrom(...lineIds, 'nope'), quantity: fc.integer({ min: -1, max: 6 }) }), { maxLength: 3 });
  const amount = fc.oneof(fc.constant(undefined), fc.record({ amount: fc.integer({ min: -10, max: 3_000_000 }), currency: fc.constantFrom(currency, currency, 'IDR') }));
  const shipmentId = fc.constantFrom(...order.shipments.map((s) => s.id), 'missing');
  return fc.oneof(
    fc.record({ key: fc.constant('confirm-stock'), input: fc.record({ mode: fc.constantFrom('all', 'some', 'none', 'bad'), reason: fc.constantFrom('', 'habis'), lines: fc.array(fc.record({ lineId: fc.constantFrom(...lineIds), accepted: fc.integer({ min: -1, max: 6 }) }), { maxLength: 3 }) }) }),
    fc.record({ key: fc.constant('record-payment'), input: fc.record({ method: fc.constantFrom('cash', 'cod', 'bitcoin'), amount }) }),
    fc.record({ key: fc.constant('refund'), input: fc.record({ reason: fc.constant('r'), amount, lines: fc.oneof(fc.constant(undefined), lq) }) }),
    fc.record({ key: fc.constant('create-shipment'), input: fc.record({ courier: fc.constantFrom('jnt', 'other', { code: 'other', name: 'X' }), lines: fc.oneof(fc.constant(undefined), lq) }) }),
    fc.record({ key: fc.constant('book-courier'), input: fc.constant({}) }),
    fc.record({ key: fc.constant('courier-event'), input: fc.record({ shipmentId, status: fc.constantFrom('assigned', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'failed', 'returned', 'cancelled') }) }),
    fc.record({ key: fc.constant('mark-shipped'), input: fc.record({ courier: fc.constantFrom(undefined, 'jnt') }) }),
    fc.record({ key: fc.constant('mark-delivered'), input: fc.record({ shipmentId: fc.oneof(fc.constant(undefined), shipmentId) }) }),
    fc.record({ key: fc.constant('update-tracking'), input: fc.record({ shipmentId: fc.oneof(fc.constant(undefined), shipmentId), trackingNumber: fc.constantFrom('JT1', 'JT2', '', 'a\nb'), trackingUrl: fc.constantFrom(undefined, 'https://t.example/JT1', 'javascript:x') }) }),
    fc.record({ key: fc.constant('cancel'), input: fc.record({ reason: fc.constantFrom('', 'no') }) }),
    fc.record({ key: fc.constant('request-return'), input: fc.record({ reason: fc.constant('rusak'), lines: lq }) }),
    fc.record({ key: fc.constant('approve-return'), input: fc.constant({}) }),
    fc.record({ key: fc.constant('receive-return'), input: fc.constant({}) }),
    fc.record({ key: fc.constant('record-expense'), input: fc.record({ label: fc.constant('fuel'), amount }) }),
    fc.record({ key: fc.constantFrom('archive', 'unarchive', 'soft-delete', 'restore', 'pack', 'complete', 'post-accounting'), input: fc.constant({}) }),
    fc.record({ key: fc.constant('posting-result'), input: fc.record({ status: fc.constantFrom('completed', 'failed'), error: fc.constant('boom') }) }),
  );
}

describe('workflow engine properties', () => {
  it('counters stay within bounds, money never drifts, refunds never exceed payments, refusals change nothing', () => {
    const details = fc.check(
      fc.property(arbLines, fc.integer({ min: 0, max: 2 ** 31 }), (spec, seed) => {
        let order = makeOrder({
          ...draft,
          currency,
          lines: spec.map((l, i) => ({ sku: `S${i}`, name: `Item ${i}`, unitPrice: money(l.price, currency), discount: money(Math.min(l.discount, l.price * l.qty), currency), quantity: l.qty })),
          deliveryFee: money(500, currency),
        });
        const rand = fc.sample(fc.constant(null), 1) && seed;
        const steps = 25;
        for (let i = 0; i < steps; i++) {
          const [step] = fc.sample(arbStep(order), { seed: rand + i, numRuns: 1 });
          const before = JSON.stringify(order);
          const viewer = i % 3 === 0 ? superadmin : admin;
          const result = applyAction(kitchenSink, order, step!.key, step!.input, context(viewer, true));
          expect(JSON.stringify(order), 'input order untouched').to.equal(before);
          if (!result.ok) continue;
          const next = result.order;
          expect(checkInvariants(next), `${step!.key} ${JSON.stringify(step!.input)}`).to.deep.equal([]);
          expect(next.version).to.equal(order.version + 1);
          expect(next.totals.refunded.amount).to.be.at.most(next.totals.paid.amount);
          expect(next.timeline.length).to.be.greaterThan(order.timeline.length - 1);
          order = next;
        }
      }),
      { numRuns: 200 },
    );
    // fc.check keeps the failing step's own message, which the browser reporter would otherwise hide.
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`${cause}\ncounterexample: ${JSON.stringify(details.counterexample)} seed ${details.seed}`);
    }
  });
});
