/**
 * Each preset's main path, cancel path and refund path, walked through the engine step by step:
 * status, derived payment and fulfilment status, totals, line counters and timeline after every step.
 */
import { expect } from '@open-wc/testing';
import { checkInvariants } from '../../src/model/derive.js';
import { matchesFilter } from '../../src/model/filter.js';
import { newOrder } from '../../src/model/order.js';
import { getPreset, withCustomStatus } from '../../src/model/presets/index.js';
import type { Order, OrderDraft, TimelineEvent, Viewer } from '../../src/model/types.js';
import { applyAction, availableActions } from '../../src/model/workflow/engine.js';
import type { RefusalCode, WorkflowDefinition } from '../../src/model/workflow/types.js';

const staff: Viewer = { id: 'u_staff', name: 'Rina Staff', role: 'staff', storeIds: ['st_a'] };
const otherStaff: Viewer = { id: 'u_other', name: 'Other Staff', role: 'staff', storeIds: ['st_b'] };
const admin: Viewer = { id: 'u_admin', name: 'Dina Admin', role: 'admin', storeIds: [] };
const superadmin: Viewer = { id: 'u_super', name: 'Sari Super', role: 'superadmin', storeIds: [] };
const SYSTEM = 'system' as const;

/** An order walked through a workflow: every step must succeed and keep the order sound. */
class Walk {
  order: Order;
  private clock = Date.parse('2026-11-01T08:00:00.000Z');
  private k = 0;

  constructor(readonly wf: WorkflowDefinition, draft: OrderDraft) {
    this.order = newOrder(wf, draft, { id: 'o_1', number: 'T-1001', now: this.tick(), actor: staff, newId: this.newId });
  }

  readonly newId = (prefix: string): string => `${prefix}_${++this.k}`;

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  /** Runs an action that must succeed; returns its timeline events. */
  do(key: string, input: unknown, viewer: Viewer | typeof SYSTEM): readonly TimelineEvent[] {
    const before = this.order;
    const now = this.tick();
    const system = viewer === SYSTEM;
    const result = applyAction(this.wf, before, key, input, { viewer: system ? admin : viewer, now, newId: this.newId, system });
    if (!result.ok) throw new Error(`${key} refused: ${result.refusal.code} ${result.refusal.field ?? ''} ${result.refusal.message}`);
    const o = result.order;
    expect(o.version, `${key}: version`).to.equal(before.version + 1);
    expect(o.updatedAt).to.equal(now);
    expect(o.timeline).to.deep.equal([...before.timeline, ...result.events]);
    expect(result.events.length, `${key}: events`).to.be.greaterThan(0);
    for (const e of result.events) expect(e.at).to.equal(now);
    expect(checkInvariants(o), `${key}: invariants`).to.deep.equal([]);
    this.order = o;
    return result.events;
  }

  /** Runs an action that must be refused, and checks nothing changed. */
  refuse(key: string, input: unknown, viewer: Viewer | typeof SYSTEM, code: RefusalCode, field?: string): void {
    const before = this.order;
    const system = viewer === SYSTEM;
    const result = applyAction(this.wf, before, key, input, { viewer: system ? admin : viewer, now: this.tick(), newId: this.newId, system });
    expect(result.ok, `${key} should be refused`).to.equal(false);
    if (result.ok) return;
    expect(result.refusal.code, `${key}: ${result.refusal.message}`).to.equal(code);
    if (field !== undefined) expect(result.refusal.field).to.equal(field);
    expect(this.order).to.equal(before);
  }

  get status(): string {
    return this.order.status;
  }

  amounts(): Record<string, number> {
    const t = this.order.totals;
    return { subtotal: t.subtotal.amount, total: t.total.amount, paid: t.paid.amount, refunded: t.refunded.amount, outstanding: t.outstanding.amount };
  }

  tabs(): string[] {
    return this.wf.tabs.filter((t) => matchesFilter(this.order, t.filter)).map((t) => t.key);
  }

  line(i: number): Order['lines'][number]['quantity'] {
    return (this.order.lines[i] as Order['lines'][number]).quantity;
  }

  get shipment(): Order['shipments'][number] {
    return this.order.shipments[this.order.shipments.length - 1] as Order['shipments'][number];
  }
}

const kinds = (events: readonly TimelineEvent[]): string[] => events.map((e) => e.kind);
const money = (amount: number, currency: string) => ({ amount, currency });

function draft(currency: string, channel: string, lines: [string, number, number][], deliveryFee = 0): OrderDraft {
  return {
    channel,
    storeId: 'st_a',
    customer: { name: 'Putri Lestari', phone: '+62 812-1111-2222', email: 'putri@example.com' },
    shippingAddress: { name: 'Putri Lestari', line1: 'Jl. Kemang Raya No. 5', city: 'Jakarta Selatan', country: 'ID' },
    currency,
    lines: lines.map(([sku, unit, quantity]) => ({ sku, name: sku, unitPrice: money(unit, currency), quantity })),
    ...(deliveryFee > 0 && { deliveryFee: money(deliveryFee, currency) }),
  };
}

// ---------------------------------------------------------------------------------------------

describe('presets walk: confirm-first', () => {
  const wf = getPreset('confirm-first');
  const make = (): Walk => new Walk(wf, draft('IDR', 'online', [['KOPI', 75000, 2], ['TOTE', 120000, 1]], 15000));

  it('main path: accept some → pay → book courier → assigned → picked up → in transit → delivered → Selesai', () => {
    const w = make();
    expect(w.status).to.equal('new');
    expect(w.amounts()).to.deep.equal({ subtotal: 270000, total: 285000, paid: 0, refunded: 0, outstanding: 285000 });
    expect(w.tabs()).to.deep.equal(['all', 'new']);
    expect(availableActions(wf, w.order, staff).map((a) => a.key)).to.deep.equal(['accept-all', 'accept-some', 'reject-all', 'cancel', 'add-note', 'record-print']);
    w.refuse('accept-some', {}, staff, 'missing-field', 'lines');
    w.refuse('accept-all', {}, otherStaff, 'out-of-scope');

    const tote = w.order.lines[1]?.id;
    let ev = w.do('accept-some', { lines: [{ lineId: tote, accepted: 0 }] }, staff);
    expect(kinds(ev)).to.deep.equal(['action', 'status']);
    expect(w.status).to.equal('awaiting-payment');
    expect(w.line(1)).to.include({ ordered: 1, rejected: 1 });
    expect(w.line(0)).to.include({ ordered: 2, rejected: 0 });
    expect(w.amounts()).to.deep.equal({ subtotal: 150000, total: 165000, paid: 0, refunded: 0, outstanding: 165000 });
    expect(w.order.paymentStatus).to.equal('unpaid');
    w.refuse('accept-all', {}, staff, 'wrong-status');
    w.refuse('payment-received', { method: 'e-wallet' }, staff, 'not-permitted');

    ev = w.do('payment-received', { method: 'e-wallet' }, SYSTEM);
    expect(kinds(ev)).to.deep.equal(['payment', 'status']);
    expect(ev[1]).to.include({ from: 'awaiting-payment', to: 'ready-to-process' });
    expect(ev[1]?.actor.id).to.equal('system');
    expect(w.status).to.equal('ready-to-process');
    expect(w.order.paymentStatus).to.equal('paid');
    expect(w.amounts()).to.deep.equal({ subtotal: 150000, total: 165000, paid: 165000, refunded: 0, outstanding: 0 });
    expect(w.tabs()).to.deep.equal(['all', 'ready-to-process']);

    w.do('book-courier', {}, staff);
    expect(w.status).to.equal('searching-courier');
    expect(w.shipment).to.include({ status: 'searching' });
    expect(w.shipment.courier.code).to.equal('auto');
    expect(w.shipment.lines).to.deep.equal([{ lineId: w.order.lines[0]?.id, quantity: 2 }]);
    expect(w.line(0).fulfilled).to.equal(2);
    expect(w.line(1).fulfilled).to.equal(0);
    expect(w.order.fulfillmentStatus).to.equal('fulfilled');
    expect(w.tabs()).to.deep.equal(['all', 'ready-to-process']);

    const shipmentId = w.shipment.id;
    ev = w.do('courier-update', { shipmentId, status: 'assigned', courier: { code: 'gosend', name: 'GoSend' }, trackingNumber: 'GK-11-1234567' }, SYSTEM);
    expect(kinds(ev)).to.deep.equal(['courier']);
    expect(w.status).to.equal('searching-courier');
    expect(w.shipment).to.include({ status: 'assigned', trackingNumber: 'GK-11-1234567' });
    expect(w.shipment.courier.name).to.equal('GoSend');

    ev = w.do('courier-update', { shipmentId, status: 'picked-up' }, SYSTEM);
    expect(kinds(ev)).to.deep.equal(['courier', 'status']);
    expect(w.status).to.equal('in-delivery');
    expect(w.line(0).shipped).to.equal(2);
    expect(w.order.fulfillmentStatus).to.equal('shipped');
    expect(w.tabs()).to.deep.equal(['all', 'in-delivery']);

    ev = w.do('courier-update', { shipmentId, status: 'in-transit' }, SYSTEM);
    expect(kinds(ev)).to.deep.equal(['courier']);
    expect(w.status).to.equal('in-delivery');

    ev = w.do('courier-update', { shipmentId, status: 'delivered' }, SYSTEM);
    expect(kinds(ev)).to.deep.equal(['courier', 'status']);
    expect(ev[1]).to.include({ from: 'in-delivery', to: 'completed' });
    expect(w.status).to.equal('completed');
    expect(wf.statuses.find((s) => s.key === w.status)?.label).to.deep.equal({ en: 'Completed', id: 'Selesai' });
    expect(w.line(0).delivered).to.equal(2);
    expect(w.order.fulfillmentStatus).to.equal('delivered');
    expect(w.order.version).to.equal(8);
    expect(w.order.timeline).to.have.length(1 + 2 + 2 + 2 + 1 + 2 + 1 + 2);
    expect(w.tabs()).to.deep.equal(['all', 'completed']);
  });

  it('cancel path: reject all with a reason → Dibatalkan, nothing owed', () => {
    const w = make();
    w.refuse('reject-all', {}, staff, 'missing-field', 'reason');
    const ev = w.do('reject-all', { reason: 'Stok habis' }, staff);
    expect(kinds(ev)).to.deep.equal(['action', 'status']);
    expect(ev[1]).to.include({ from: 'new', to: 'cancelled' });
    expect(ev[1]?.actor.id).to.equal('system');
    expect(w.status).to.equal('cancelled');
    expect(w.order.lines.every((l) => l.quantity.rejected === l.quantity.ordered)).to.equal(true);
    expect(w.amounts()).to.deep.equal({ subtotal: 0, total: 0, paid: 0, refunded: 0, outstanding: 0 });
    expect(w.tabs()).to.deep.equal(['all', 'cancelled']);
    expect(availableActions(wf, w.order, admin).map((a) => a.key)).to.deep.equal(['add-note', 'record-print']);
  });

  it('cancel path: the customer cancels before paying', () => {
    const w = make();
    w.do('accept-all', {}, staff);
    w.refuse('customer-cancel', { reason: 'Berubah pikiran' }, admin, 'not-permitted');
    w.do('customer-cancel', { reason: 'Berubah pikiran' }, SYSTEM);
    expect(w.status).to.equal('cancelled');
    expect(w.order.cancelReason).to.equal('Berubah pikiran');
    expect(w.order.totals.total.amount).to.equal(0);
  });

  it('refund path: paid, then cancelled by the store, refunded in full by an admin', () => {
    const w = make();
    w.do('accept-all', {}, staff);
    w.do('payment-received', { method: 'bank-transfer' }, SYSTEM);
    expect(w.status).to.equal('ready-to-process');
    w.do('cancel', { reason: 'Stok rusak', restock: true }, staff);
    expect(w.status).to.equal('cancelled');
    expect(w.amounts()).to.deep.equal({ subtotal: 0, total: 0, paid: 285000, refunded: 0, outstanding: 0 });
    w.refuse('refund', { amount: money(285000, 'IDR'), reason: 'Dibatalkan' }, staff, 'not-permitted');
    w.refuse('refund', { amount: money(285001, 'IDR'), reason: 'Dibatalkan' }, admin, 'amount-too-large', 'amount');
    const ev = w.do('refund', { amount: money(285000, 'IDR'), reason: 'Dibatalkan' }, admin);
    expect(kinds(ev)).to.deep.equal(['refund']);
    expect(w.status).to.equal('cancelled');
    expect(w.order.paymentStatus).to.equal('refunded');
    expect(w.amounts()).to.deep.equal({ subtotal: 0, total: 0, paid: 285000, refunded: 285000, outstanding: 0 });
  });

  it('a failed courier search sends the order back to Siap diproses, to be booked again', () => {
    const w = make();
    w.do('accept-all', {}, staff);
    w.do('payment-received', { method: 'e-wallet' }, SYSTEM);
    w.do('book-courier', {}, staff);
    w.do('courier-update', { shipmentId: w.shipment.id, status: 'failed', note: 'Tidak ada kurir' }, SYSTEM);
    expect(w.status).to.equal('ready-to-process');
    expect(w.order.fulfillmentStatus).to.equal('unfulfilled');
    w.do('book-courier', {}, staff);
    expect(w.order.shipments).to.have.length(2);
    expect(w.status).to.equal('searching-courier');
  });
});

// ---------------------------------------------------------------------------------------------

describe('presets walk: online-store', () => {
  const wf = getPreset('online-store');
  const make = (channel = 'online'): Walk => new Walk(wf, draft('MYR', channel, [['SERUM', 5990, 1], ['TINT', 1290, 2]], channel === 'pos' ? 0 : 800));

  it('main path: paid online → processing → shipped (courier + tracking, customer notified) → delivered', () => {
    const w = make();
    expect(w.amounts()).to.deep.equal({ subtotal: 8570, total: 9370, paid: 0, refunded: 0, outstanding: 9370 });
    w.do('payment-received', { method: 'card' }, SYSTEM);
    expect(w.status).to.equal('paid');
    expect(w.order.paymentStatus).to.equal('paid');
    expect(w.tabs()).to.deep.equal(['online', 'to-fulfil']);

    w.do('mark-processing', {}, staff);
    expect(w.status).to.equal('processing');

    const poslaju = { code: 'poslaju', name: 'Poslaju' };
    w.refuse('mark-shipped', { courier: poslaju }, staff, 'missing-field', 'trackingNumber');
    w.refuse('mark-shipped', { courier: poslaju, trackingNumber: '  ' }, staff, 'missing-field', 'trackingNumber');
    w.refuse('mark-shipped', { trackingNumber: 'EP123456789MY' }, staff, 'missing-field', 'courier');

    const ev = w.do('mark-shipped', { courier: poslaju, trackingNumber: 'EP123456789MY', notifyCustomer: false }, staff);
    expect(kinds(ev)).to.deep.equal(['shipment', 'notification', 'status']);
    expect(w.status).to.equal('shipped');
    expect(w.order.shipments).to.have.length(1);
    expect(w.shipment).to.include({ status: 'in-transit', trackingNumber: 'EP123456789MY' });
    expect(w.order.lines.map((l) => l.quantity.shipped)).to.deep.equal([1, 2]);
    expect(w.order.fulfillmentStatus).to.equal('shipped');
    expect(w.order.messages).to.have.length(1);
    expect(w.order.messages[0]?.recipient).to.equal('+62 812-1111-2222');
    expect(w.order.messages[0]?.text).to.contain('EP123456789MY').and.to.contain('Poslaju');

    w.do('mark-delivered', {}, staff);
    expect(w.status).to.equal('delivered');
    expect(w.order.fulfillmentStatus).to.equal('delivered');
    expect(w.tabs()).to.deep.equal(['online', 'completed']);
  });

  it('refund path: one item refunded, then the rest → Refunded', () => {
    const w = make();
    w.do('payment-received', { method: 'card' }, SYSTEM);
    w.do('mark-shipped', { courier: { code: 'jnt' }, trackingNumber: '630012345678' }, staff);
    expect(w.shipment.courier.name).to.equal('J&T Express');
    w.do('mark-delivered', {}, staff);
    const tint = w.order.lines[1]?.id;
    w.do('refund', { lines: [{ lineId: tint, quantity: 1 }], reason: 'Wrong shade', restock: true }, admin);
    expect(w.status).to.equal('delivered');
    expect(w.order.paymentStatus).to.equal('partially-refunded');
    expect(w.line(1).refunded).to.equal(1);
    expect(w.amounts()).to.include({ paid: 9370, refunded: 1290 });
    w.refuse('refund', { amount: money(8081, 'MYR'), reason: 'Rest' }, admin, 'amount-too-large');
    const ev = w.do('refund', { amount: money(8080, 'MYR'), reason: 'Rest' }, admin);
    expect(kinds(ev)).to.deep.equal(['refund', 'status']);
    expect(w.status).to.equal('refunded');
    expect(w.order.paymentStatus).to.equal('refunded');
    expect(w.tabs()).to.deep.equal(['online', 'cancelled']);
  });

  it('cancel path: a paid order cancelled with restock keeps “Cancelled” when refunded', () => {
    const w = make();
    w.do('payment-received', { method: 'e-wallet' }, SYSTEM);
    w.refuse('cancel', {}, staff, 'missing-field', 'reason');
    w.do('cancel', { reason: 'Out of stock', restock: true }, staff);
    expect(w.status).to.equal('cancelled');
    expect(w.order.lines.map((l) => l.quantity.rejected)).to.deep.equal([1, 2]);
    expect(w.amounts()).to.deep.equal({ subtotal: 0, total: 0, paid: 9370, refunded: 0, outstanding: 0 });
    w.do('refund', { amount: money(9370, 'MYR'), reason: 'Order cancelled' }, admin);
    expect(w.status).to.equal('cancelled');
    expect(w.order.paymentStatus).to.equal('refunded');
  });

  it('in-store sale: paid at the register and completed, on the In store tab', () => {
    const w = make('pos');
    expect(w.tabs()).to.deep.equal(['in-store', 'unpaid']);
    w.do('record-payment', { method: 'cash' }, staff);
    expect(w.status).to.equal('paid');
    w.do('mark-completed', {}, staff);
    expect(w.status).to.equal('completed');
    expect(w.order.fulfillmentStatus).to.equal('delivered');
    expect(w.tabs()).to.deep.equal(['in-store', 'completed']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('presets walk: payment-fulfillment', () => {
  const wf = getPreset('payment-fulfillment');
  const make = (): Walk => {
    const w = new Walk(wf, { ...draft('MYR', 'whatsapp', [['BATIK', 4500, 2], ['TOTE', 3000, 1]], 1000), paymentMethod: 'cod' });
    return w;
  };

  it('main path: mark paid (COD) → create shipment (Poslaju, no tracking) → fulfill → complete → refund part, then the rest', () => {
    const w = make();
    expect(w.amounts()).to.deep.equal({ subtotal: 12000, total: 13000, paid: 0, refunded: 0, outstanding: 13000 });
    expect(w.tabs()).to.deep.equal(['all', 'unpaid', 'unfulfilled', 'open']);

    w.refuse('mark-paid', {}, staff, 'missing-field', 'method');
    const ev = w.do('mark-paid', { method: 'cod' }, staff);
    expect(kinds(ev)).to.deep.equal(['payment']);
    expect(w.status).to.equal('open');
    expect(w.order.paymentStatus).to.equal('paid');
    expect(w.order.payments[0]).to.include({ method: 'cod', status: 'succeeded' });
    expect(w.tabs()).to.deep.equal(['all', 'unfulfilled', 'open']);
    w.refuse('mark-paid', { method: 'cod' }, staff, 'not-applicable');

    w.refuse('create-shipment', {}, staff, 'missing-field', 'courier');
    w.refuse('create-shipment', { courier: { code: 'other' } }, staff, 'missing-field', 'courier.name');
    w.do('create-shipment', { courier: { code: 'poslaju', name: 'Poslaju' } }, staff);
    expect(w.order.shipments).to.have.length(1);
    expect(w.shipment.status).to.equal('booked');
    expect(w.shipment.trackingNumber).to.equal(undefined);
    expect(w.order.lines.map((l) => l.quantity.fulfilled)).to.deep.equal([2, 1]);
    expect(w.order.fulfillmentStatus).to.equal('fulfilled');
    expect(w.order.messages).to.have.length(1);

    w.do('fulfill', {}, staff);
    expect(w.order.fulfillmentStatus).to.equal('delivered');
    expect(w.shipment.status).to.equal('delivered');
    expect(w.order.messages).to.have.length(2);
    expect(w.order.messages[1]?.text).to.contain('delivered');
    expect(w.tabs()).to.deep.equal(['all', 'open']);

    w.do('complete', {}, staff);
    expect(w.status).to.equal('closed');
    expect(w.tabs()).to.deep.equal(['all']);

    w.do('refund', { amount: money(3000, 'MYR'), reason: 'Damaged tote' }, admin);
    expect(w.order.paymentStatus).to.equal('partially-refunded');
    // A refund never makes the customer owe again.
    expect(w.amounts()).to.deep.equal({ subtotal: 12000, total: 13000, paid: 13000, refunded: 3000, outstanding: 0 });
    w.refuse('refund', { amount: money(10001, 'MYR'), reason: 'Too much' }, admin, 'amount-too-large', 'amount');
    w.do('refund', { amount: money(10000, 'MYR'), reason: 'Goodwill' }, admin);
    expect(w.order.paymentStatus).to.equal('refunded');
    expect(w.status).to.equal('closed');
    w.refuse('refund', { amount: money(1, 'MYR'), reason: 'More' }, admin, 'not-applicable');

    w.refuse('archive', {}, staff, 'not-permitted');
    w.do('archive', {}, admin);
    expect(w.order.archived).to.equal(true);
    expect(w.tabs()).to.deep.equal(['all', 'archived']);
    w.refuse('archive', {}, admin, 'not-applicable');
    w.do('unarchive', {}, admin);
    expect(w.tabs()).to.deep.equal(['all']);
  });

  it('split shipments: two shipments on one order, delivered one after the other', () => {
    const w = make();
    const [batik, tote] = w.order.lines.map((l) => l.id);
    w.do('create-shipment', { courier: { code: 'jnt' }, trackingNumber: '630011112222', lines: [{ lineId: batik, quantity: 2 }] }, staff);
    expect(w.order.fulfillmentStatus).to.equal('partially-fulfilled');
    w.do('courier-update', { shipmentId: w.shipment.id, status: 'in-transit' }, SYSTEM);
    expect(w.order.fulfillmentStatus).to.equal('partially-shipped');
    expect(w.tabs()).to.include('unfulfilled');
    w.refuse('create-shipment', { courier: { code: 'dhl' }, lines: [{ lineId: batik, quantity: 1 }] }, staff, 'quantity-too-large');
    w.do('create-shipment', { courier: { code: 'dhl' }, lines: [{ lineId: tote, quantity: 1 }] }, staff);
    expect(w.order.shipments.map((s) => s.courier.name)).to.deep.equal(['J&T Express', 'DHL']);
    w.do('fulfill', {}, staff);
    expect(w.order.shipments.map((s) => s.status)).to.deep.equal(['delivered', 'booked']);
    expect(w.order.fulfillmentStatus).to.equal('partially-delivered');
    w.do('fulfill', {}, staff);
    expect(w.order.fulfillmentStatus).to.equal('delivered');
    w.refuse('complete', {}, staff, 'not-applicable');
  });

  it('cancel path: an unpaid order cancelled', () => {
    const w = make();
    w.do('cancel', { reason: 'No payment received' }, staff);
    expect(w.status).to.equal('cancelled');
    expect(w.amounts()).to.deep.equal({ subtotal: 0, total: 0, paid: 0, refunded: 0, outstanding: 0 });
    expect(w.tabs()).to.deep.equal(['all']);
    w.refuse('refund', { amount: money(100, 'MYR'), reason: 'x' }, admin, 'not-applicable');
  });

  it('refund path: a card order refunded in full before shipping closes itself', () => {
    const w = make();
    w.do('payment-received', { method: 'card' }, SYSTEM);
    const ev = w.do('refund', { amount: money(13000, 'MYR'), reason: 'Out of stock' }, admin);
    expect(kinds(ev)).to.deep.equal(['refund', 'status']);
    expect(w.status).to.equal('closed');
    expect(w.order.paymentStatus).to.equal('refunded');
  });
});

// ---------------------------------------------------------------------------------------------

describe('presets walk: marketplace', () => {
  const wf = getPreset('marketplace');
  const make = (): Walk => new Walk(wf, draft('PHP', 'shopee', [['CASE', 108400, 2], ['TINT', 50000, 1]], 10000));
  const toDelivered = (w: Walk): void => {
    w.do('payment-received', { method: 'marketplace' }, SYSTEM);
    w.do('pack', {}, staff);
    w.do('to-ship', {}, staff);
    w.do('courier-update', { shipmentId: w.shipment.id, status: 'picked-up' }, SYSTEM);
    w.do('courier-update', { shipmentId: w.shipment.id, status: 'delivered' }, SYSTEM);
  };

  it('main path: pack → to ship → shipped → delivered → completed → posted and archived; a later change brings it back', () => {
    const w = make();
    expect(w.status).to.equal('unpaid');
    expect(w.amounts()).to.deep.equal({ subtotal: 266800, total: 276800, paid: 0, refunded: 0, outstanding: 276800 });
    w.do('payment-received', { method: 'marketplace' }, SYSTEM);
    expect(w.status).to.equal('new');
    expect(w.tabs()).to.deep.equal(['all', 'new']);

    w.do('pack', {}, staff);
    expect(w.status).to.equal('to-process');
    expect(w.order.fulfillmentStatus).to.equal('unfulfilled');

    w.do('to-ship', {}, staff);
    expect(w.status).to.equal('to-ship');
    expect(w.shipment.status).to.equal('searching');
    expect(w.order.fulfillmentStatus).to.equal('fulfilled');

    const shipmentId = w.shipment.id;
    w.do('courier-update', { shipmentId, status: 'assigned', courier: { code: 'jnt' }, trackingNumber: 'JP1234567890' }, SYSTEM);
    expect(w.status).to.equal('to-ship');
    w.do('courier-update', { shipmentId, status: 'picked-up' }, SYSTEM);
    expect(w.status).to.equal('shipped');
    expect(w.order.fulfillmentStatus).to.equal('shipped');
    w.do('courier-update', { shipmentId, status: 'delivered' }, SYSTEM);
    expect(w.status).to.equal('delivered');
    expect(w.order.fulfillmentStatus).to.equal('delivered');
    w.do('complete', {}, staff);
    expect(w.status).to.equal('completed');
    expect(w.tabs()).to.deep.equal(['all', 'completed']);

    w.refuse('post-accounting', {}, staff, 'not-permitted');
    w.do('post-accounting', {}, admin);
    expect(w.order.posting).to.include({ status: 'in-progress', stale: false });
    w.refuse('post-accounting', {}, admin, 'not-applicable');
    w.refuse('posting-result', { status: 'completed' }, admin, 'not-permitted');
    w.do('posting-result', { status: 'completed', reference: 'IV-000123' }, SYSTEM);
    expect(w.order.archived).to.equal(true);
    expect(w.order.posting).to.include({ status: 'completed', stale: false, postedVersion: w.order.version });
    expect(w.order.posting?.history.map((h) => h.status)).to.deep.equal(['in-progress', 'completed']);
    expect(w.tabs()).to.deep.equal(['archived']);

    w.do('add-note', { text: 'Checked by finance' }, staff);
    expect(w.order.archived).to.equal(true);
    expect(w.order.posting?.stale).to.equal(false);

    const ev = w.do('request-return', { reason: 'Wrong colour', lines: [{ lineId: w.order.lines[0]?.id, quantity: 1 }] }, SYSTEM);
    expect(w.status).to.equal('to-return');
    expect(w.order.archived).to.equal(false);
    expect(w.order.posting?.stale).to.equal(true);
    expect(ev.some((e) => e.kind === 'system' && /active list/.test(e.message ?? ''))).to.equal(true);
    expect(w.tabs()).to.deep.equal(['all', 'to-return']);
    // Posting follows the Shipped / Delivered / Completed tabs: once the return is declined it can be re-posted.
    w.refuse('post-accounting', {}, admin, 'wrong-status');
    w.do('decline-return', { reason: 'Outside the return window' }, admin);
    expect(w.status).to.equal('completed');
    w.do('post-accounting', {}, admin);
    expect(w.order.posting).to.include({ status: 'in-progress', stale: false });
  });

  it('cancel path: the buyer asks to cancel → To Cancel → approved → Cancelled (Others) → refunded by the marketplace', () => {
    const w = make();
    w.do('payment-received', { method: 'marketplace' }, SYSTEM);
    w.refuse('request-cancellation', { reason: 'Changed my mind' }, staff, 'not-permitted');
    w.do('request-cancellation', { reason: 'Changed my mind' }, SYSTEM);
    expect(w.status).to.equal('to-cancel');
    expect(w.order.cancellation).to.include({ status: 'requested', previousStatus: 'new' });
    expect(w.tabs()).to.deep.equal(['all', 'to-cancel']);
    w.do('approve-cancellation', { restock: true }, staff);
    expect(w.status).to.equal('cancelled');
    expect(w.order.cancellation?.status).to.equal('approved');
    expect(w.order.lines.every((l) => l.quantity.rejected === l.quantity.ordered)).to.equal(true);
    expect(w.tabs()).to.deep.equal(['all', 'others']);
    w.do('marketplace-refund', { amount: money(276800, 'PHP'), reason: 'Cancelled by buyer' }, SYSTEM);
    expect(w.order.paymentStatus).to.equal('refunded');
    expect(w.status).to.equal('cancelled');
  });

  it('a declined cancellation goes back to where the order was', () => {
    const w = make();
    w.do('payment-received', { method: 'marketplace' }, SYSTEM);
    w.do('pack', {}, staff);
    w.do('request-cancellation', { reason: 'Too slow' }, SYSTEM);
    const ev = w.do('decline-cancellation', { reason: 'Already packed' }, staff);
    expect(ev.find((e) => e.kind === 'status')).to.include({ from: 'to-cancel', to: 'to-process' });
    expect(w.status).to.equal('to-process');
    expect(w.order.cancellation?.status).to.equal('declined');
  });

  it('refund path: a return is requested, approved, received and refunded by the marketplace', () => {
    const w = make();
    toDelivered(w);
    const caseLine = w.order.lines[0]?.id;
    w.do('request-return', { reason: 'Cracked', lines: [{ lineId: caseLine, quantity: 1 }] }, SYSTEM);
    expect(w.status).to.equal('to-return');
    w.refuse('approve-return', {}, staff, 'not-permitted');
    w.do('approve-return', {}, admin);
    expect(w.status).to.equal('to-return');
    w.do('receive-return', { restock: true }, staff);
    expect(w.status).to.equal('returned');
    expect(w.line(0)).to.include({ delivered: 2, returned: 1 });
    w.do('marketplace-refund', { lines: [{ lineId: caseLine, quantity: 1 }], reason: 'Return received' }, SYSTEM);
    expect(w.amounts()).to.include({ paid: 276800, refunded: 108400 });
    expect(w.order.paymentStatus).to.equal('partially-refunded');
    expect(w.tabs()).to.deep.equal(['all', 'others']);
  });

  it('self-delivered orders are marked delivered', () => {
    const w = make();
    w.do('payment-received', { method: 'marketplace' }, SYSTEM);
    w.do('pack', {}, staff);
    w.do('mark-delivered', {}, staff);
    expect(w.status).to.equal('delivered');
    expect(w.shipment.courier.code).to.equal('self');
    expect(w.order.fulfillmentStatus).to.equal('delivered');
  });
});

// ---------------------------------------------------------------------------------------------

describe('presets walk: cod-delivery', () => {
  const base = getPreset('cod-delivery');
  const wf = withCustomStatus(
    base,
    { key: 'awaiting-pickup', label: { en: 'Awaiting pickup', id: 'Menunggu diambil' }, category: 'open', tone: 'info' },
    { to: ['delivered'] },
  );
  const make = (w0: WorkflowDefinition = wf): Walk =>
    new Walk(w0, { ...draft('NGN', 'phone', [['SHEA', 1200000, 2]], 250000), paymentMethod: 'cash' });
  const agent = { id: 'agt_1', name: 'Emeka Nwosu' };

  it('main path: assign CSR and agent, custom status, delivered, cash and expense → expected remittance', () => {
    const w = make();
    expect(w.amounts()).to.deep.equal({ subtotal: 2400000, total: 2650000, paid: 0, refunded: 0, outstanding: 2650000 });
    w.refuse('assign-agent', { agent }, staff, 'not-permitted');
    w.do('assign-csr', { csr: { id: 'csr_1', name: 'Adaeze Okeke' } }, admin);
    w.do('assign-agent', { agent }, admin);
    expect(w.order.assignees).to.deep.equal({ csr: { id: 'csr_1', name: 'Adaeze Okeke' }, agent });

    w.refuse('update-status', {}, staff, 'missing-field', 'status');
    w.refuse('update-status', { status: 'teleported' }, staff, 'invalid-field', 'status');
    let ev = w.do('update-status', { status: 'processing' }, staff);
    expect(ev[0]).to.include({ kind: 'status', from: 'pending', to: 'processing' });
    ev = w.do('update-status', { status: 'awaiting-pickup', note: 'Customer collects at the hub' }, staff);
    expect(ev[0]).to.include({ from: 'processing', to: 'awaiting-pickup', message: 'Customer collects at the hub' });
    expect(w.tabs()).to.deep.equal(['all']);

    w.do('mark-delivered', {}, staff);
    expect(w.status).to.equal('delivered');
    expect(w.shipment.courier).to.deep.equal({ code: 'self', name: 'Emeka Nwosu' });
    expect(w.shipment.selfDeliveryAgent).to.deep.equal(agent);
    expect(w.order.fulfillmentStatus).to.equal('delivered');

    w.do('record-payment', { method: 'cash', amount: money(2000000, 'NGN') }, staff);
    expect(w.order.paymentStatus).to.equal('partially-paid');
    w.refuse('record-expense', { label: 'Fuel' }, staff, 'missing-field', 'amount');
    w.do('record-expense', { label: 'Fuel', amount: money(150000, 'NGN') }, staff);
    expect(w.order.totals.expenses.amount).to.equal(150000);
    expect(w.order.totals.expectedRemittance.amount).to.equal(2500000);
    expect(w.amounts()).to.include({ paid: 2000000, outstanding: 650000 });
    w.refuse('record-payment', { method: 'cash', amount: money(650001, 'NGN') }, staff, 'amount-too-large');
    w.do('record-payment', { method: 'pos' }, staff);
    expect(w.order.paymentStatus).to.equal('paid');
    expect(w.order.payments.map((p) => p.amount.amount)).to.deep.equal([2000000, 650000]);
    w.refuse('record-payment', { method: 'cash' }, staff, 'not-applicable');
  });

  it('bulk-friendly actions are marked bulk', () => {
    const bulk = base.actions.filter((a) => a.bulk).map((a) => a.key);
    expect(bulk).to.include.members(['update-status', 'assign-csr', 'assign-agent', 'delete', 'cancel']);
  });

  it('soft delete: staff and admins cannot restore, a super-admin can', () => {
    const w = make();
    w.refuse('delete', {}, staff, 'not-permitted');
    w.do('delete', {}, admin);
    expect(w.order.deletedAt).to.be.a('string');
    expect(w.tabs()).to.deep.equal(['deleted']);
    w.refuse('add-note', { text: 'hello' }, admin, 'wrong-status');
    w.refuse('update-status', { status: 'processing' }, admin, 'wrong-status');
    w.refuse('restore', {}, staff, 'not-permitted');
    w.refuse('restore', {}, admin, 'not-permitted');
    expect(availableActions(wf, w.order, superadmin).map((a) => a.key)).to.deep.equal(['restore']);
    w.do('restore', {}, superadmin);
    expect(w.order.deletedAt).to.equal(undefined);
    expect(w.status).to.equal('pending');
    expect(w.tabs()).to.deep.equal(['all', 'pending']);
  });

  it('cancel path: cancelled with a reason, shown under Failed / Cancelled', () => {
    const w = make(base);
    w.do('cancel', { reason: 'Customer unreachable' }, staff);
    expect(w.status).to.equal('cancelled');
    expect(w.order.totals.total.amount).to.equal(0);
    expect(w.tabs()).to.deep.equal(['all', 'failed']);
  });

  it('refund path: delivered, paid in cash, one part refunded', () => {
    const w = make(base);
    w.do('assign-agent', { agent }, admin);
    w.do('dispatch', { courier: { code: 'self', name: agent.name } }, staff);
    expect(w.status).to.equal('in-transit');
    expect(w.order.fulfillmentStatus).to.equal('shipped');
    w.do('mark-delivered', {}, staff);
    w.do('record-payment', { method: 'cash' }, staff);
    w.refuse('refund', { amount: money(300000, 'NGN'), reason: 'Damaged tub' }, staff, 'not-permitted');
    w.do('refund', { amount: money(300000, 'NGN'), reason: 'Damaged tub' }, admin);
    expect(w.order.paymentStatus).to.equal('partially-refunded');
    expect(w.status).to.equal('delivered');
  });
});
