/**
 * Rule: one numbering scheme, enforced by the engine. Orders created without a number (manual,
 * simulated, imported) get the preset's format and continue after the seeded ones; a number already
 * used anywhere in the merchant is refused (invalid-input naming `number`).
 */
import { expect } from '@open-wc/testing';
import { simulatedDraft } from '../../src/api/local/simulate.js';
import { DEFAULT_NOW, demoStores, generateOrders } from '../../src/model/generate.js';
import { money } from '../../src/model/money.js';
import { matchesNumberFormat } from '../../src/model/numbering.js';
import { PRESET_KEYS } from '../../src/model/presets/index.js';
import type { OrderDraft } from '../../src/model/types.js';
import { cleanup, expectApiError, openApi } from './helpers.js';

const draft = (storeId: string, over: Partial<OrderDraft> = {}): OrderDraft => ({
  channel: 'phone',
  storeId,
  customer: { name: 'Siti Rahma', phone: '+6281234567890' },
  currency: demoStores.find((s) => s.id === storeId)?.currency ?? 'IDR',
  lines: [{ sku: 'TEA-1', name: 'Teh Melati', unitPrice: money(25000, demoStores.find((s) => s.id === storeId)?.currency ?? 'IDR'), quantity: 2 }],
  ...over,
});

describe('local engine: one numbering scheme', () => {
  afterEach(cleanup);

  for (const preset of PRESET_KEYS) {
    it(`${preset}: manual, simulated and imported orders get the preset's format, unique after the seed`, async () => {
      const seeded = generateOrders({ preset, count: 60, seed: 2, now: DEFAULT_NOW });
      const api = await openApi({ preset });
      await api.seed({ orders: seeded });
      const manual = await api.createOrder(draft(demoStores[1]!.id), { idempotencyKey: 'm1' });
      const simulated = await api.createOrder(simulatedDraft(preset, 5, 0), { idempotencyKey: 's1' });
      const imported = await api.importOrders([draft(demoStores[2]!.id), draft(demoStores[3]!.id)], { idempotencyKey: 'i1' });
      const made = [manual, simulated, ...imported.created];
      const all = [...seeded.map((o) => o.number), ...made.map((o) => o.number)];
      expect(new Set(all).size, all.join(' ')).to.equal(all.length);
      for (const o of made) expect(matchesNumberFormat(preset, o.number), o.number).to.equal(true);
    });
  }

  it('refuses a duplicate number from createOrder in any store, and an import reusing another store’s number', async () => {
    const seeded = generateOrders({ preset: 'payment-fulfillment', count: 40, seed: 2, now: DEFAULT_NOW });
    const api = await openApi({ preset: 'payment-fulfillment' });
    await api.seed({ orders: seeded });
    const taken = seeded[0]!;
    const elsewhere = demoStores.find((s) => s.id !== taken.storeId)!.id;
    const same = await expectApiError(api.createOrder(draft(taken.storeId, { number: taken.number }), { idempotencyKey: 'd1' }), 'invalid-input');
    expect(same.fields?.[0]?.field).to.equal('number');
    const other = await expectApiError(api.createOrder(draft(elsewhere, { number: taken.number }), { idempotencyKey: 'd2' }), 'invalid-input');
    expect(other.fields?.[0]?.field).to.equal('number');
    expect(other.message).not.to.include(taken.id);

    // Re-importing the same store's order is a no-op; the same number for another store is refused.
    const again = await api.importOrders([draft(taken.storeId, { number: taken.number })], { idempotencyKey: 'd3' });
    expect(again.skipped).to.deep.equal([{ number: taken.number, orderId: taken.id }]);
    const clash = await expectApiError(api.importOrders([draft(elsewhere, { number: 'X-1' }), draft(elsewhere, { number: taken.number })], { idempotencyKey: 'd4' }), 'invalid-input');
    expect(clash.fields?.[0]?.field).to.equal('[1].number');
    expect(await api.size()).to.equal(40);

    const seedClash = await expectApiError(api.seed({ orders: [seeded[0]!, { ...seeded[1]!, number: taken.number }] }), 'invalid-input');
    expect(seedClash.fields?.[0]?.field).to.equal('orders[1].number');
  });
});
