/**
 * Property: whatever edit a person makes to whatever order (every preset, every lifecycle stage the
 * generator produces), the money invariants hold — total = lines − discounts + fee + tax, paid and
 * refunded are untouched and refunded never exceeds paid, counters never negative, nothing fulfilled
 * removed or reduced — and a refused edit changes nothing.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkInvariants, lineTotal } from '../../src/model/derive.js';
import { applyEdit, editableFields, type OrderEdit } from '../../src/model/edit.js';
import { generateOrders, mulberry32 } from '../../src/model/generate.js';
import { getPreset, PRESET_KEYS } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';

const editor: Viewer = { id: 'u_admin', name: 'Admin', role: 'admin', storeIds: [] };

/** A random patch for the order: lines kept, re-quantified, dropped or added, money fields changed. */
function randomPatch(order: Order, seed: number): OrderEdit {
  const rnd = mulberry32(seed);
  const int = (n: number): number => Math.floor(rnd() * (n + 1));
  const c = order.currency;
  const patch: Record<string, unknown> = {};
  if (rnd() < 0.7) {
    const lines = order.lines
      .filter(() => rnd() < 0.85)
      .map((l) => ({
        sku: l.sku,
        name: l.name,
        ...(l.variant !== undefined && { variant: l.variant }),
        unitPrice: rnd() < 0.15 ? { amount: int(100000), currency: c } : l.unitPrice,
        discount: l.discount,
        quantity: rnd() < 0.5 ? 1 + int(6) : l.quantity.ordered,
      }));
    if (rnd() < 0.4 || lines.length === 0) lines.push({ sku: `NEW-${int(9)}`, name: 'New', unitPrice: { amount: int(50000), currency: c }, discount: { amount: 0, currency: c }, quantity: 1 + int(3) });
    patch.lines = lines;
  }
  if (rnd() < 0.5) patch.deliveryFee = { amount: int(20000), currency: c };
  if (rnd() < 0.4) patch.discount = { amount: int(order.totals.subtotal.amount + 5000), currency: c };
  if (rnd() < 0.3) patch.tax = { amount: int(9000), currency: c };
  if (rnd() < 0.3) patch.note = rnd() < 0.5 ? 'Edited' : undefined;
  if (rnd() < 0.3) patch.assignees = { agent: { id: 'agt_9', name: 'Agent Nine' } };
  return patch as OrderEdit;
}

describe('order edits: property', () => {
  for (const key of PRESET_KEYS) {
    it(`${key}: any edit keeps money exact and counters sound; a refused edit changes nothing`, () => {
      const wf = getPreset(key);
      const orders = generateOrders({ preset: key, count: 80, seed: 5 });
      let refusedSeen = 0;
      let appliedSeen = 0;
      fc.assert(
        fc.property(fc.nat(orders.length - 1), fc.integer(), (i, seed) => {
          const order = orders[i] as Order;
          const patch = randomPatch(order, seed);
          const before = JSON.stringify(order);
          const rules = editableFields(order, wf);
          const result = applyEdit(order, patch, wf, { viewer: editor, now: '2026-12-01T00:00:00.000Z', newId: (p) => `${p}_x${seed}` });
          expect(JSON.stringify(order), 'the input is never mutated').to.equal(before);
          if (!result.ok) {
            refusedSeen++;
            expect(result.problems.length).to.be.greaterThan(0);
            for (const p of result.problems) expect(p.field).to.be.a('string').and.not.equal('');
            return;
          }
          const next = result.order;
          if (next === order) return;
          appliedSeen++;
          expect(rules.readOnly, 'a read-only order never changes').to.equal(undefined);
          expect(checkInvariants(next)).to.deep.equal([]);
          const t = next.totals;
          const lines = next.lines.reduce((s, l) => s + lineTotal(l).amount, 0);
          expect(t.subtotal.amount).to.equal(lines);
          const anyAccepted = next.lines.some((l) => l.quantity.ordered > l.quantity.rejected);
          const expected = anyAccepted ? Math.max(0, lines - next.discount.amount + next.deliveryFee.amount + next.tax.amount) : 0;
          expect(t.total.amount, 'total = lines − discount + fee + tax').to.equal(expected);
          expect(t.paid, 'an edit never moves money in').to.deep.equal(order.totals.paid);
          expect(t.refunded, 'an edit never moves money out').to.deep.equal(order.totals.refunded);
          expect(t.refunded.amount).to.be.at.most(t.paid.amount);
          expect(t.outstanding.amount).to.equal(Math.max(0, t.total.amount - t.paid.amount));
          expect(next.version).to.equal(order.version + 1);
          for (const old of order.lines) {
            const rule = rules.lines[old.id];
            if (!rule?.fixed) continue;
            const kept = next.lines.find((l) => l.id === old.id);
            expect(kept, `fulfilled line ${old.id} kept`).to.exist;
            expect(kept?.quantity.ordered).to.be.at.least(rule.minQuantity);
            expect(kept?.quantity.fulfilled).to.equal(old.quantity.fulfilled);
            expect(kept?.quantity.shipped).to.equal(old.quantity.shipped);
            expect(kept?.quantity.refunded).to.equal(old.quantity.refunded);
          }
          expect(next.timeline.length).to.be.greaterThan(order.timeline.length);
          expect(next.timeline.find((e) => e.template?.key === 'order.edited' && e.at === '2026-12-01T00:00:00.000Z')).to.exist;
        }),
        { numRuns: 300, seed: 20261208 },
      );
      expect(refusedSeen, 'the property saw refusals').to.be.greaterThan(0);
      expect(appliedSeen, 'the property saw applied edits').to.be.greaterThan(0);
    });
  }
});
