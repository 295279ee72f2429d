/**
 * Rule: one numbering scheme. Every order a preset's generator creates follows that preset's format
 * (numbering.ts) and no number repeats across the merchant's stores.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_NOW, demoStores, generateOrders } from '../../src/model/generate.js';
import { formatOrderNumber, matchesNumberFormat, storeCode } from '../../src/model/numbering.js';
import { PRESET_KEYS } from '../../src/model/presets/index.js';

describe('rule: one numbering scheme', () => {
  for (const preset of PRESET_KEYS) {
    it(`${preset}: generated numbers follow the preset's format and are unique across stores`, () => {
      const orders = generateOrders({ preset, count: 3000, seed: 9, now: DEFAULT_NOW });
      const numbers = orders.map((o) => o.number);
      expect(new Set(orders.map((o) => o.storeId)).size, 'several stores').to.be.greaterThan(3);
      expect(new Set(numbers).size, 'no number twice, whatever the store').to.equal(numbers.length);
      for (const n of numbers) expect(matchesNumberFormat(preset, n), n).to.equal(true);
    });
  }

  it('formats a number from the store, channel, merchant-wide sequence and local day', () => {
    const jkt = demoStores[0]!;
    const at = Date.parse('2026-11-21T20:00:00Z'); // already Nov 22 in Jakarta
    expect(storeCode(jkt)).to.equal('JKT');
    expect(formatOrderNumber('confirm-first', { store: jkt, channel: 'online', seq: 184, createdMs: at })).to.equal('INV/20261122/JKT/00184');
    expect(formatOrderNumber('online-store', { store: jkt, channel: 'pos', seq: 7, createdMs: at })).to.equal('JKT-R000007');
    expect(formatOrderNumber('payment-fulfillment', { store: jkt, channel: 'online', seq: 149, createdMs: at })).to.equal('#1149');
    expect(formatOrderNumber('cod-delivery', { store: jkt, channel: 'online', seq: 12, createdMs: at })).to.equal('COD-JKT-00012');
    expect(formatOrderNumber('custom', { store: jkt, channel: 'online', seq: 1, createdMs: at })).to.equal('#100001');
    for (const channel of ['shopee', 'lazada', 'tiktok']) {
      const a = formatOrderNumber('marketplace', { store: jkt, channel, seq: 5, createdMs: at });
      const b = formatOrderNumber('marketplace', { store: demoStores[2]!, channel, seq: 6, createdMs: at });
      expect(matchesNumberFormat('marketplace', a), a).to.equal(true);
      expect(a).not.to.equal(b);
    }
  });
});
