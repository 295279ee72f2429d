/**
 * Rule: status words tell the truth. Walking each preset's lifecycle, the fulfilment word
 * (`fulfilmentStage`) reads Unfulfilled until every unit is handed to a courier (never while the
 * courier is still being searched for, never in marketplace To Ship), Fulfilled once handed over,
 * Delivered once arrived, and Collected for an in-store sale.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_NOW, generateOrders } from '../../src/model/generate.js';
import { fulfilmentStage, type FulfilmentStage } from '../../src/model/derive.js';
import { money } from '../../src/model/money.js';
import { newOrder } from '../../src/model/order.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../../src/model/presets/index.js';
import type { Channel, Order, Viewer } from '../../src/model/types.js';
import { applyAction, availableActions } from '../../src/model/workflow/engine.js';

const admin: Viewer = { id: 'u_admin', name: 'Admin', role: 'admin', storeIds: [] };

class Walk {
  order: Order;
  private n = 0;
  private clock = Date.parse(DEFAULT_NOW);
  constructor(
    readonly preset: PresetKey,
    channel: Channel = 'online',
  ) {
    const wf = getPreset(preset);
    this.order = newOrder(
      wf,
      {
        channel,
        storeId: 'st_a',
        customer: { name: 'Siti', phone: '+60 12-345 6789' },
        currency: 'MYR',
        lines: [
          { sku: 'A', name: 'Teapot', unitPrice: money(5900, 'MYR'), quantity: 2 },
          { sku: 'B', name: 'Cup', unitPrice: money(1500, 'MYR'), quantity: 1 },
        ],
        deliveryFee: money(800, 'MYR'),
      },
      { id: 'o1', number: '#1', now: DEFAULT_NOW, actor: admin, newId: (p) => `${p}_${++this.n}` },
    );
  }

  do(action: string, input: Record<string, unknown> = {}): this {
    const wf = getPreset(this.preset);
    const system = wf.actions.find((a) => a.key === action)?.system === true;
    const r = applyAction(wf, this.order, action, input, {
      viewer: admin,
      now: new Date((this.clock += 60_000)).toISOString(),
      newId: (p) => `${p}_${++this.n}`,
      system,
    });
    if (!r.ok) throw new Error(`${this.preset} ${action}: ${r.refusal.message}`);
    this.order = r.order;
    return this;
  }

  courier(status: string): this {
    const s = this.order.shipments.at(-1);
    return this.do('courier-update', { shipmentId: s?.id, status });
  }

  get word(): FulfilmentStage {
    return fulfilmentStage(this.order);
  }
}

describe('rule: fulfilment words along each preset’s lifecycle', () => {
  it('confirm-first: Unfulfilled while the courier is searched for and assigned, Fulfilled once picked up, then Delivered', () => {
    const w = new Walk('confirm-first').do('accept-all').do('mark-paid', { method: 'bank-transfer' });
    expect(w.word).to.equal('unfulfilled');
    w.do('book-courier');
    expect(w.order.status).to.equal('searching-courier');
    expect(w.order.fulfillmentStatus, 'the counters say the units are in a shipment').to.equal('fulfilled');
    expect(w.word, 'but nobody has them yet').to.equal('unfulfilled');
    w.courier('assigned');
    expect(w.word).to.equal('unfulfilled');
    w.courier('picked-up');
    expect(w.word).to.equal('fulfilled');
    w.courier('in-transit');
    expect(w.word).to.equal('fulfilled');
    w.courier('delivered');
    expect(w.word).to.equal('delivered');
  });

  it('marketplace: Unfulfilled in To Ship, Fulfilled when Shipped, Delivered after', () => {
    const w = new Walk('marketplace', 'shopee').do('payment-received', { method: 'marketplace' }).do('pack');
    expect(w.word).to.equal('unfulfilled');
    w.do('to-ship');
    expect(w.order.status).to.equal('to-ship');
    expect(w.word).to.equal('unfulfilled');
    w.courier('picked-up');
    expect(w.order.status).to.equal('shipped');
    expect(w.word).to.equal('fulfilled');
    w.courier('delivered');
    expect(w.word).to.equal('delivered');
  });

  it('online-store: Fulfilled when marked shipped with courier and tracking, Delivered after; a POS sale is Collected', () => {
    const w = new Walk('online-store').do('record-payment', { method: 'card' });
    expect(w.word).to.equal('unfulfilled');
    w.do('mark-shipped', { courier: 'jnt', trackingNumber: 'JT123' });
    expect(w.word).to.equal('fulfilled');
    w.do('mark-delivered');
    expect(w.word).to.equal('delivered');

    const pos = new Walk('online-store', 'pos').do('record-payment', { method: 'cash' }).do('mark-completed');
    expect(pos.word).to.equal('collected');
    expect(pos.order.shipments[0]?.courier.code).to.equal('collected');
    expect(availableActions(getPreset('online-store'), pos.order, admin).map((a) => a.key), 'nothing to track at the counter').not.to.include('update-tracking');
  });

  it('payment-fulfillment: a shipment the merchant created is handed over (partly or fully), fulfil delivers; walk-in is Collected', () => {
    const w = new Walk('payment-fulfillment').do('mark-paid', { method: 'bank-transfer' });
    const teapot = w.order.lines[0]?.id;
    w.do('create-shipment', { courier: 'poslaju', trackingNumber: 'EP1MY', lines: [{ lineId: teapot, quantity: 2 }] });
    expect(w.word).to.equal('partially-fulfilled');
    w.do('create-shipment', { courier: 'poslaju', trackingNumber: 'EP2MY' });
    expect(w.word).to.equal('fulfilled');
    w.do('fulfill');
    expect(w.word).to.equal('delivered');

    const walkIn = new Walk('payment-fulfillment', 'walk-in').do('mark-paid', { method: 'cash' }).do('fulfill');
    expect(walkIn.word).to.equal('collected');
  });

  it('cod-delivery: Fulfilled once dispatched to the agent or courier, Delivered after', () => {
    const w = new Walk('cod-delivery');
    expect(w.word).to.equal('unfulfilled');
    w.do('dispatch', { courier: 'self', trackingNumber: 'AG-1' });
    expect(w.word).to.equal('fulfilled');
    w.do('mark-delivered');
    expect(w.word).to.equal('delivered');
  });

  for (const preset of PRESET_KEYS) {
    it(`${preset}: no generated order reads Fulfilled while a courier is still searched for or assigned, or in To Ship`, () => {
      for (const o of generateOrders({ preset, count: 600, seed: 4, now: DEFAULT_NOW })) {
        const waiting = o.shipments.some((s) => s.status === 'searching' || s.status === 'assigned');
        const handed = o.lines.every((l) => l.quantity.shipped >= l.quantity.ordered - l.quantity.rejected);
        const word = fulfilmentStage(o);
        if (waiting && !handed) expect(word, `${o.number} ${o.status}`).to.be.oneOf(['unfulfilled', 'partially-fulfilled']);
        if (preset === 'marketplace' && o.status === 'to-ship') expect(word, o.number).to.equal('unfulfilled');
        if (word === 'fulfilled') expect(o.lines.every((l) => l.quantity.shipped > 0 || o.shipments.some((s) => s.status === 'booked')), o.number).to.equal(true);
      }
    });
  }
});
