import { expect } from '@open-wc/testing';
import { checkInvariants } from '../../src/model/derive.js';
import { matchesFilter } from '../../src/model/filter.js';
import { DEFAULT_NOW, demoAnchor, demoStores, demoViewers, generateOrders, mulberry32 } from '../../src/model/generate.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../../src/model/presets/index.js';
import type { Order } from '../../src/model/types.js';
import { applyAction, availableActions } from '../../src/model/workflow/engine.js';

const NOW = Date.parse(DEFAULT_NOW);
const DAY = 86_400_000;

const samples = new Map<PresetKey, Order[]>();
/** One 2,000-order sample per preset, shared by the tests below. */
function sample(preset: PresetKey): Order[] {
  let s = samples.get(preset);
  if (!s) {
    s = generateOrders({ preset, count: 2000 });
    samples.set(preset, s);
  }
  return s;
}

function moneyIn(o: Order): { amount: number; currency: string }[] {
  return [
    o.discount, o.deliveryFee, o.tax,
    ...Object.values(o.totals),
    ...o.lines.flatMap((l) => [l.unitPrice, l.discount]),
    ...o.payments.map((p) => p.amount),
    ...o.refunds.map((r) => r.amount),
    ...o.expenses.map((e) => e.amount),
  ];
}

describe('generate: demo data', () => {
  it('has four to six stores across IDR, MYR, SGD, NGN and PHP with real time zones', () => {
    expect(demoStores.length).to.be.within(4, 6);
    expect(new Set(demoStores.map((s) => s.currency))).to.deep.equal(new Set(['IDR', 'MYR', 'SGD', 'NGN', 'PHP']));
    expect(new Set(demoStores.map((s) => s.id)).size).to.equal(demoStores.length);
    for (const s of demoStores) expect(() => new Intl.DateTimeFormat('en', { timeZone: s.timeZone })).not.to.throw();
  });

  it('has a super-admin, an admin, a staff member of one store and one of two stores', () => {
    expect(demoViewers.map((v) => [v.role, v.storeIds.length])).to.deep.equal([
      ['superadmin', 0], ['admin', 0], ['staff', 1], ['staff', 2],
    ]);
    const storeIds = new Set(demoStores.map((s) => s.id));
    for (const v of demoViewers) for (const id of v.storeIds) expect(storeIds.has(id), id).to.equal(true);
  });

  it('mulberry32 is a deterministic stream in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).to.deep.equal(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).to.equal(true);
    expect(new Set(xs).size).to.be.greaterThan(990);
  });
});

describe('generate: generateOrders', () => {
  it('is deterministic: same seed, same orders; another seed, other orders', () => {
    for (const preset of PRESET_KEYS) {
      const a = generateOrders({ preset, count: 300, seed: 7 });
      expect(generateOrders({ preset, count: 300, seed: 7 })).to.deep.equal(a);
      const b = generateOrders({ preset, count: 300, seed: 8 });
      expect(b.map((o) => o.customer.name)).not.to.deep.equal(a.map((o) => o.customer.name));
      expect(b.map((o) => o.createdAt)).not.to.deep.equal(a.map((o) => o.createdAt));
    }
  });

  it('returns nothing for zero and refuses a bad count or date', () => {
    expect(generateOrders({ preset: 'marketplace', count: 0 })).to.deep.equal([]);
    expect(() => generateOrders({ preset: 'marketplace', count: -1 })).to.throw(RangeError);
    expect(() => generateOrders({ preset: 'marketplace', count: 1.5 })).to.throw(RangeError);
    expect(() => generateOrders({ preset: 'marketplace', count: 1, now: 'yesterday' })).to.throw(RangeError);
  });

  it('works with the caller’s own stores and currency', () => {
    const stores = [{ id: 'st_us', name: 'Brooklyn Goods', timeZone: 'America/New_York', currency: 'USD' }];
    const orders = generateOrders({ preset: 'payment-fulfillment', count: 200, stores, seed: 3 });
    for (const o of orders) {
      expect(o.storeId).to.equal('st_us');
      expect(checkInvariants(o)).to.deep.equal([]);
      for (const m of moneyIn(o)) expect(m.currency).to.equal('USD');
    }
    // Bookings fall on whole local hours in the store's own time zone (UTC−5 in November).
    const hours = orders.filter((o) => o.scheduledAt).map((o) => (new Date(o.scheduledAt as string).getUTCHours() + 24 - 5) % 24);
    expect(hours.length).to.be.greaterThan(0);
    for (const h of hours) expect([9, 10, 13, 15]).to.include(h);
  });

  for (const preset of PRESET_KEYS) {
    describe(preset, () => {
      const wf = getPreset(preset);

      it('produces every status of the preset in 2,000 orders', () => {
        const seen = new Set(sample(preset).map((o) => o.status));
        expect(wf.statuses.map((s) => s.key).filter((s) => !seen.has(s))).to.deep.equal([]);
      });

      it('produces only sound orders, each shown by at least one tab', () => {
        for (const o of sample(preset)) {
          expect(checkInvariants(o), o.id).to.deep.equal([]);
          expect(wf.tabs.some((t) => matchesFilter(o, t.filter)), `${o.id} (${o.status})`).to.equal(true);
          expect(wf.statuses.some((s) => s.key === o.status), o.status).to.equal(true);
        }
      });

      it('keeps each store’s currency throughout an order, and IDR in whole thousands', () => {
        const currency = new Map(demoStores.map((s) => [s.id, s.currency]));
        for (const o of sample(preset)) {
          expect(o.currency, o.id).to.equal(currency.get(o.storeId));
          for (const m of moneyIn(o)) expect(m.currency, o.id).to.equal(o.currency);
          if (o.currency === 'IDR') for (const l of o.lines) expect(l.unitPrice.amount % 1000, l.sku).to.equal(0);
        }
      });

      it('numbers orders uniquely per store and ids deterministically', () => {
        const numbers = new Set<string>();
        const ids = new Set<string>();
        sample(preset).forEach((o, n) => {
          expect(o.id).to.equal(`ord_1_${n}`);
          const key = `${o.storeId}|${o.number}`;
          expect(numbers.has(key), key).to.equal(false);
          numbers.add(key);
          for (const x of [...o.lines, ...o.timeline, ...o.payments, ...o.shipments, ...o.refunds, ...o.expenses]) {
            expect(x.id.startsWith(`${x.id.split('_')[0]}_1_${n}_`), x.id).to.equal(true);
            expect(ids.has(x.id), x.id).to.equal(false);
            ids.add(x.id);
          }
        });
      });

      it('spreads creation over the last 120 days, with every event in order and none in the future', () => {
        const created = sample(preset).map((o) => Date.parse(o.createdAt));
        expect(Math.min(...created)).to.be.greaterThan(NOW - 121 * DAY);
        expect(Math.min(...created)).to.be.lessThan(NOW - 100 * DAY);
        expect(Math.max(...created)).to.be.greaterThan(NOW - DAY);
        for (const o of sample(preset)) {
          const times = o.timeline.map((e) => Date.parse(e.at));
          expect(times[0]).to.equal(Date.parse(o.createdAt));
          for (let i = 1; i < times.length; i++) expect(times[i], o.id).to.be.at.least(times[i - 1] as number);
          expect(Date.parse(o.updatedAt)).to.equal(times[times.length - 1]);
          expect(Date.parse(o.updatedAt)).to.be.at.most(NOW);
        }
      });

      it('leaves no template placeholder anywhere', () => {
        const text = JSON.stringify(sample(preset));
        expect(/QQ[A-Z]+QQ/.test(text)).to.equal(false);
      });

      it('gives orders the engine can keep working on', () => {
        const admin = demoViewers[1]!;
        let k = 0;
        for (const o of sample(preset).slice(0, 300)) {
          if (o.deletedAt) continue;
          expect(availableActions(wf, o, admin).some((a) => a.key === 'add-note')).to.equal(true);
          const r = applyAction(wf, o, 'add-note', { text: 'checked' }, { viewer: admin, now: DEFAULT_NOW, newId: (p) => `${p}_t_${++k}` });
          expect(r.ok && checkInvariants(r.order)).to.deep.equal([]);
        }
      });
    });
  }

  it('uses channels that fit each preset', () => {
    const channels = (p: PresetKey): string[] => [...new Set(sample(p).map((o) => o.channel))].sort();
    expect(channels('marketplace')).to.deep.equal(['lazada', 'shopee', 'tiktok']);
    expect(channels('online-store')).to.deep.equal(['online', 'pos']);
    expect(channels('payment-fulfillment')).to.deep.equal(['online', 'phone', 'walk-in', 'whatsapp']);
  });

  it('covers the interesting cases: partial refunds, split shipments, COD, returns, archives, deletions, postings, requests, schedules', () => {
    const all = PRESET_KEYS.flatMap((p) => sample(p));
    const some = (name: string, pred: (o: Order) => boolean, orders: Order[] = all): void => {
      expect(orders.filter(pred).length, name).to.be.greaterThan(5);
    };
    const pf = sample('payment-fulfillment');
    const mp = sample('marketplace');
    const cod = sample('cod-delivery');
    some('partially refunded', (o) => o.paymentStatus === 'partially-refunded');
    some('fully refunded', (o) => o.paymentStatus === 'refunded');
    some('split shipments', (o) => o.shipments.length === 2, pf);
    some('COD', (o) => o.paymentMethod === 'cod', pf);
    some('cash on delivery', (o) => o.paymentMethod === 'cash' && o.status === 'delivered' && o.paymentStatus === 'paid', cod);
    some('cancelled', (o) => getPreset('marketplace').statuses.find((s) => s.key === o.status)?.category === 'cancelled', mp);
    some('returned', (o) => o.lines.some((l) => l.quantity.returned > 0), mp);
    some('archived', (o) => o.archived, pf);
    some('posted and archived', (o) => o.archived && o.posting?.status === 'completed', mp);
    some('posting failed', (o) => o.posting?.status === 'failed', mp);
    some('stale posting', (o) => o.posting?.stale === true && !o.archived, mp);
    some('cancellation requested', (o) => o.cancellation?.status === 'requested', mp);
    some('return requested', (o) => o.returnRequest?.status === 'requested', mp);
    some('soft-deleted', (o) => o.deletedAt !== undefined, cod);
    some('agent assigned', (o) => o.assignees.agent !== undefined, cod);
    some('expenses', (o) => o.expenses.length > 0, cod);
    some('scheduled in the coming weeks', (o) => o.scheduledAt !== undefined && Date.parse(o.scheduledAt) > NOW, cod);
    some('bookings ahead', (o) => o.scheduledAt !== undefined && Date.parse(o.scheduledAt) > NOW, pf);
    some('discounts', (o) => o.totals.discount.amount > 0);
    some('tax', (o) => o.totals.tax.amount > 0);
    some('customer messages', (o) => o.messages.length > 0);
    some('lines switched off at stock confirmation', (o) => o.lines.some((l) => l.quantity.rejected > 0) && o.status !== 'cancelled', sample('confirm-first'));
  });

  it('spreads orders over every demo store', () => {
    const stores = new Set(sample('marketplace').map((o) => o.storeId));
    expect(stores.size).to.equal(demoStores.length);
  });
});

describe('generate: anchored to a given day', () => {
  const anchors = ['2027-03-14T10:00:00.000Z', '2026-12-08T01:00:00.000Z'];
  for (const now of anchors) {
    it(`orders are generated back from ${now}: some today and in the last 7 days, none after it`, () => {
      const at = Date.parse(now);
      for (const preset of PRESET_KEYS) {
        const orders = generateOrders({ preset, count: 800, seed: 3, now });
        const ages = orders.map((o) => at - Date.parse(o.createdAt));
        expect(Math.min(...ages), `${preset}: nothing in the future`).to.be.at.least(0);
        expect(ages.filter((a) => a < DAY).length, `${preset}: orders in the last 24 hours`).to.be.greaterThan(0);
        expect(ages.filter((a) => a < 7 * DAY).length, `${preset}: orders in the last 7 days`).to.be.greaterThan(orders.length / 10);
        for (const o of orders) expect(Date.parse(o.updatedAt), o.number).to.be.at.most(at);
      }
    });
  }

  it('same seed and anchor, same orders; another anchor moves them with it', () => {
    const a = generateOrders({ preset: 'confirm-first', count: 300, seed: 5, now: anchors[0] });
    expect(generateOrders({ preset: 'confirm-first', count: 300, seed: 5, now: anchors[0] })).to.deep.equal(a);
    const b = generateOrders({ preset: 'confirm-first', count: 300, seed: 5, now: anchors[1] });
    const shift = Date.parse(anchors[0]!) - Date.parse(anchors[1]!);
    expect(a.map((o) => Date.parse(o.createdAt) - shift)).to.deep.equal(b.map((o) => Date.parse(o.createdAt)));
  });

  it('demoAnchor is the start of the current hour', () => {
    expect(demoAnchor(new Date('2026-12-08T01:25:43.120Z'))).to.equal('2026-12-08T01:00:00.000Z');
    expect(() => demoAnchor(new Date('nope'))).to.throw(RangeError);
  });
});
