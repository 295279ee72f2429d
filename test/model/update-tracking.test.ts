/**
 * `update-tracking`: sets or corrects a shipment's tracking number (courier, link) without moving the
 * order, refuses orders without a live shipment, ambiguous targets and hostile input — and every preset
 * offers it from the statuses where a shipment can be tracked.
 */
import { expect } from '@open-wc/testing';
import { checkInvariants } from '../../src/model/derive.js';
import { money } from '../../src/model/money.js';
import { newOrder } from '../../src/model/order.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../../src/model/presets/index.js';
import type { Order, OrderDraft, Viewer } from '../../src/model/types.js';
import { applyAction, availableActions, canOffer, validateDefinition } from '../../src/model/workflow/engine.js';
import { TRACKING_NUMBER_MAX, TRACKING_NUMBER_PATTERN } from '../../src/model/workflow/operations.js';
import type { ApplyContext, ApplyResult, Refusal, WorkflowDefinition } from '../../src/model/workflow/types.js';

const staff: Viewer = { id: 'u_staff', name: 'Rina Staff', role: 'staff', storeIds: ['st_a'] };
const otherStaff: Viewer = { id: 'u_other', name: 'Other Staff', role: 'staff', storeIds: ['st_b'] };

/** A small workflow: shipments by hand, courier events, cancel, and the operation under test. */
const wf: WorkflowDefinition = {
  key: 'tracking-test',
  label: 'Tracking test',
  initial: 'open',
  statuses: [
    { key: 'open', label: 'Open', category: 'open', tone: 'info' },
    { key: 'cancelled', label: 'Cancelled', category: 'cancelled', tone: 'danger' },
  ],
  actions: [
    { key: 'ship', label: 'Ship', operation: 'create-shipment', from: '*', permission: 'orders.fulfil', bulk: false, destructive: false },
    { key: 'courier', label: 'Courier', operation: 'courier-event', from: '*', permission: 'orders.system', bulk: false, destructive: false, system: true },
    { key: 'cancel', label: 'Cancel', operation: 'cancel', from: ['open'], to: 'cancelled', permission: 'orders.cancel', bulk: false, destructive: true },
    { key: 'track', label: 'Track', operation: 'update-tracking', from: '*', required: ['trackingNumber'], permission: 'orders.fulfil', bulk: false, destructive: false },
  ],
  tabs: [{ key: 'all', label: 'All', filter: {} }],
  automations: [{ on: 'all-lines-rejected', to: 'cancelled' }],
  couriers: [
    { code: 'jnt', name: 'J&T Express' },
    { code: 'poslaju', name: 'Poslaju' },
    { code: 'other', name: 'Others' },
  ],
  paymentMethods: ['cash'],
};

const draft: OrderDraft = {
  channel: 'online',
  storeId: 'st_a',
  customer: { name: 'Siti Rahma', phone: '+60 12-345 6789' },
  currency: 'MYR',
  lines: [
    { sku: 'TEA', name: 'Teh', unitPrice: money(2500, 'MYR'), quantity: 2 },
    { sku: 'CUP', name: 'Cawan', unitPrice: money(4000, 'MYR'), quantity: 1 },
  ],
};

let k = 0;
const ctx = (viewer: Viewer = staff, system = false): ApplyContext => ({
  viewer,
  now: '2026-11-22T10:00:00.000Z',
  newId: (p) => `${p}_${++k}`,
  system,
});

function fresh(): Order {
  return newOrder(wf, draft, { id: 'o1', number: 'M-1001', now: '2026-11-20T00:00:00.000Z', actor: staff, newId: (p) => `${p}_${++k}` });
}

function must(r: ApplyResult): Order {
  if (!r.ok) throw new Error(`refused: ${r.refusal.code} ${r.refusal.field ?? ''} ${r.refusal.message}`);
  return r.order;
}

/** Applies `track` expecting a refusal, and checks the order was left alone. */
function refused(order: Order, input: unknown, viewer: Viewer = staff): Refusal {
  const before = JSON.stringify(order);
  const r = applyAction(wf, order, 'track', input, ctx(viewer));
  expect(JSON.stringify(order), 'the order is untouched').to.equal(before);
  if (r.ok) throw new Error('expected a refusal');
  return r.refusal;
}

/** An order with one booked shipment of every unit, with tracking JT0001 and a link carrying it. */
function shipped(): Order {
  return must(
    applyAction(wf, fresh(), 'ship', { courier: 'jnt', trackingNumber: 'JT0001', trackingUrl: 'https://track.example/jnt/JT0001?lang=en' }, ctx()),
  );
}

describe('update-tracking: engine', () => {
  it('sets a tracking number on the only shipment, with a from → to timeline event, and moves nothing else', () => {
    const o = must(applyAction(wf, fresh(), 'ship', { courier: 'poslaju' }, ctx()));
    const before = o.shipments[0]!;
    expect(before.trackingNumber).to.equal(undefined);
    const r = applyAction(wf, o, 'track', { trackingNumber: '  EP123456789MY ' }, ctx());
    const next = must(r);
    const s = next.shipments[0]!;
    expect(s).to.include({ id: before.id, trackingNumber: 'EP123456789MY', status: 'booked' });
    expect(s.courier).to.deep.equal({ code: 'poslaju', name: 'Poslaju' });
    expect(s.events).to.deep.equal(before.events);
    expect(s.lines).to.deep.equal(before.lines);
    expect(next.lines).to.deep.equal(o.lines);
    expect(next.status).to.equal(o.status);
    expect(next.fulfillmentStatus).to.equal(o.fulfillmentStatus);
    expect(next.version).to.equal(o.version + 1);
    expect(r.ok && r.events).to.have.length(1);
    const e = next.timeline.at(-1)!;
    expect(e).to.include({ kind: 'shipment', action: 'track', to: 'EP123456789MY' });
    expect('from' in e, 'no old number, no from').to.equal(false);
    expect(e.actor).to.deep.equal({ id: staff.id, name: staff.name });
    expect(e.message).to.contain('EP123456789MY').and.contain('Poslaju');
    expect(checkInvariants(next)).to.deep.equal([]);
  });

  it('corrects a number: the link follows it, the event says from → to', () => {
    const next = must(applyAction(wf, shipped(), 'track', { trackingNumber: 'JT0002' }, ctx()));
    const s = next.shipments[0]!;
    expect(s.trackingNumber).to.equal('JT0002');
    expect(s.trackingUrl).to.equal('https://track.example/jnt/JT0002?lang=en');
    expect(next.timeline.at(-1)).to.include({ kind: 'shipment', from: 'JT0001', to: 'JT0002' });
    expect(next.timeline.at(-1)!.message).to.contain('from JT0001 to JT0002');
  });

  it('takes a new courier and link; a new courier without a link drops the old courier’s link', () => {
    const o = shipped();
    const withLink = must(
      applyAction(wf, o, 'track', { trackingNumber: 'EP1', courier: 'poslaju', trackingUrl: 'http://poslaju.example/t?n=EP1' }, ctx()),
    );
    expect(withLink.shipments[0]).to.include({ trackingNumber: 'EP1', trackingUrl: 'http://poslaju.example/t?n=EP1' });
    expect(withLink.shipments[0]!.courier).to.deep.equal({ code: 'poslaju', name: 'Poslaju' });

    const noLink = must(applyAction(wf, o, 'track', { trackingNumber: 'EP1', courier: { code: 'other', name: 'City-Link' } }, ctx()));
    expect(noLink.shipments[0]!.courier).to.deep.equal({ code: 'other', name: 'City-Link' });
    expect('trackingUrl' in noLink.shipments[0]!).to.equal(false);

    const sameCourier = must(applyAction(wf, o, 'track', { trackingNumber: 'JT0001', trackingUrl: 'https://jnt.example/JT0001' }, ctx()));
    expect(sameCourier.shipments[0]).to.include({ trackingNumber: 'JT0001', trackingUrl: 'https://jnt.example/JT0001' });
    expect(sameCourier.timeline.at(-1)).to.include({ from: 'JT0001', to: 'JT0001' });
  });

  it('works on a delivered shipment (a typo found later)', () => {
    let o = shipped();
    o = must(applyAction(wf, o, 'courier', { shipmentId: o.shipments[0]!.id, status: 'delivered' }, ctx(staff, true)));
    expect(o.fulfillmentStatus).to.equal('delivered');
    const next = must(applyAction(wf, o, 'track', { trackingNumber: 'JT0009' }, ctx()));
    expect(next.shipments[0]).to.include({ status: 'delivered', trackingNumber: 'JT0009' });
    expect(next.fulfillmentStatus).to.equal('delivered');
  });

  it('refuses an order without a shipment, saying to mark it shipped first', () => {
    const r = refused(fresh(), { trackingNumber: 'JT0001' });
    expect(r.code).to.equal('not-applicable');
    expect(r.message).to.match(/no shipment/i).and.match(/mark it shipped/i);
  });

  it('refuses a cancelled or failed shipment, named or not', () => {
    const base = fresh();
    let o = must(applyAction(wf, base, 'ship', { courier: 'jnt', lines: [{ lineId: base.lines[0]!.id, quantity: 2 }] }, ctx()));
    const first = o.shipments[0]!;
    o = must(applyAction(wf, o, 'courier', { shipmentId: first.id, status: 'failed' }, ctx(staff, true)));
    // No live shipment left: the guard refuses (and the action is not offered), whatever the input names.
    expect(refused(o, { shipmentId: first.id, trackingNumber: 'JT1' })).to.include({ code: 'not-applicable' });
    expect(refused(o, { trackingNumber: 'JT1' })).to.include({ code: 'not-applicable' });
    expect(canOffer(wf, o, staff, 'update-tracking')).to.equal(false);

    const cancelled = must(applyAction(wf, shipped(), 'cancel', { reason: 'Customer changed mind' }, ctx()));
    const s = cancelled.shipments[0]!;
    expect(s.status).to.equal('cancelled');
    expect(refused(cancelled, { shipmentId: s.id, trackingNumber: 'JT2' })).to.include({ code: 'not-applicable' });
    expect(refused(cancelled, { trackingNumber: 'JT2' }).message).to.match(/cancelled or failed/);
  });

  it('asks which shipment when the order has several live ones, and changes only the named one', () => {
    const base = fresh();
    const [tea, cup] = base.lines;
    let o = must(applyAction(wf, base, 'ship', { courier: 'jnt', lines: [{ lineId: tea!.id, quantity: 2 }] }, ctx()));
    o = must(applyAction(wf, o, 'ship', { courier: 'poslaju', lines: [{ lineId: cup!.id, quantity: 1 }] }, ctx()));
    expect(refused(o, { trackingNumber: 'JT1' })).to.include({ code: 'missing-field', field: 'shipmentId' });
    const second = o.shipments[1]!;
    const next = must(applyAction(wf, o, 'track', { shipmentId: second.id, trackingNumber: 'EP77' }, ctx()));
    expect(next.shipments.map((s) => s.trackingNumber)).to.deep.equal([undefined, 'EP77']);
    expect(next.shipments[0]).to.deep.equal(o.shipments[0]);

    // One of the two failed: the other is the only live one, so no id is needed.
    const failed = must(applyAction(wf, o, 'courier', { shipmentId: o.shipments[0]!.id, status: 'failed' }, ctx(staff, true)));
    const only = must(applyAction(wf, failed, 'track', { trackingNumber: 'EP78' }, ctx()));
    expect(only.shipments.map((s) => s.trackingNumber)).to.deep.equal([undefined, 'EP78']);
  });

  it('refuses an unknown shipment id', () => {
    expect(refused(shipped(), { shipmentId: 'shp_nope', trackingNumber: 'JT1' })).to.include({ code: 'invalid-field', field: 'shipmentId' });
  });

  it('accepts only http(s) tracking links', () => {
    for (const trackingUrl of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://x.example/1', '/relative/JT1', 'not a url']) {
      expect(refused(shipped(), { trackingNumber: 'JT0002', trackingUrl }), trackingUrl).to.include({ code: 'invalid-field', field: 'trackingUrl' });
    }
  });

  it('refuses an empty, too long or markup-laden tracking number', () => {
    const o = shipped();
    expect(refused(o, { trackingNumber: '   ' })).to.include({ code: 'missing-field', field: 'trackingNumber' });
    expect(refused(o, {})).to.include({ code: 'missing-field', field: 'trackingNumber' });
    expect(refused(o, { trackingNumber: 'A'.repeat(TRACKING_NUMBER_MAX + 1) })).to.include({ code: 'invalid-field', field: 'trackingNumber' });
    for (const bad of ['<img src=x onerror=alert(1)>', 'JT1\nJT2', '"JT1"', '-JT1', 'JT1;DROP', 42]) {
      expect(refused(o, { trackingNumber: bad }), String(bad)).to.include({ code: 'invalid-field', field: 'trackingNumber' });
    }
    const longest = 'A'.repeat(TRACKING_NUMBER_MAX);
    expect(must(applyAction(wf, o, 'track', { trackingNumber: longest }, ctx())).shipments[0]!.trackingNumber).to.equal(longest);
    for (const good of ['EP123456789MY', 'JP-0012 3456', '1Z 999 AA1 01', 'SPX/ID/0042#1', 'ÜBER_42.a']) {
      expect(TRACKING_NUMBER_PATTERN.test(good), good).to.equal(true);
    }
  });

  it('refuses a change that changes nothing', () => {
    expect(refused(shipped(), { trackingNumber: 'JT0001' })).to.include({ code: 'not-applicable', field: 'trackingNumber' });
  });

  it('keeps to permission and store scope', () => {
    expect(refused(shipped(), { trackingNumber: 'JT2' }, otherStaff).code).to.equal('out-of-scope');
    expect(canOffer(wf, shipped(), staff, 'track')).to.equal(true);
    expect(canOffer(wf, shipped(), otherStaff, 'track')).to.equal(false);
  });
});

/** Takes an order of each preset to a state with one live shipment, through the preset's own actions. */
const TO_SHIPMENT: Record<PresetKey, readonly [string, Record<string, unknown>, boolean][]> = {
  'confirm-first': [['accept-all', {}, false], ['payment-received', { method: 'bank-transfer' }, true], ['book-courier', {}, false]],
  'online-store': [['payment-received', { method: 'card' }, true], ['mark-shipped', { courier: 'jnt', trackingNumber: 'JT0001' }, false]],
  'payment-fulfillment': [['create-shipment', { courier: 'poslaju' }, false]],
  marketplace: [['payment-received', { method: 'marketplace' }, true], ['pack', {}, false], ['to-ship', {}, false]],
  'cod-delivery': [['dispatch', { courier: { code: 'self', name: 'Agent Bayo' } }, false]],
};

describe('update-tracking: presets', () => {
  for (const key of PRESET_KEYS) {
    it(`${key}: offers Update tracking once a shipment exists, and it sets the number`, () => {
      const preset = getPreset(key);
      expect(validateDefinition(preset)).to.deep.equal([]);
      const action = preset.actions.find((a) => a.key === 'update-tracking');
      expect(action).to.include({ operation: 'update-tracking', permission: 'orders.fulfil', bulk: false, destructive: false });
      expect(action?.label).to.deep.equal({ en: 'Update tracking', id: 'Perbarui nomor resi' });
      expect(action?.required).to.deep.equal(['trackingNumber']);

      let o = newOrder(preset, { ...draft, currency: 'MYR' }, {
        id: 'o1', number: 'P-1', now: '2026-11-20T00:00:00.000Z', actor: staff, newId: (p) => `${p}_${++k}`,
      });
      const early = applyAction(preset, o, 'update-tracking', { trackingNumber: 'X1' }, ctx());
      expect(early.ok, 'no shipment yet').to.equal(false);
      if (!early.ok && early.refusal.code === 'not-applicable') expect(early.refusal.message).to.match(/mark it shipped/);

      for (const [step, input, system] of TO_SHIPMENT[key]) o = must(applyAction(preset, o, step, input, ctx(staff, system)));
      expect(o.shipments).to.have.length(1);
      expect(availableActions(preset, o, staff).map((a) => a.key)).to.include('update-tracking');
      const next = must(applyAction(preset, o, 'update-tracking', { trackingNumber: 'NEW-42' }, ctx()));
      expect(next.shipments[0]!.trackingNumber).to.equal('NEW-42');
      expect(next.status).to.equal(o.status);
      expect(checkInvariants(next)).to.deep.equal([]);
    });
  }
});
