/**
 * The `record-print` operation: which document, when, by whom, how many copies; in every preset, for
 * any status; it moves nothing, leaves an accounting posting as it is (a posted, archived order stays
 * archived), writes a `printed` timeline entry, and a refused input changes nothing.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { demoViewers, generateOrders } from '../../../src/model/generate.js';
import { getPreset, PRESET_KEYS } from '../../../src/model/presets/index.js';
import { englishText } from '../../../src/model/timeline-text.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import { PRINT_DOCUMENT_KINDS } from '../../../src/model/types.js';
import { applyAction } from '../../../src/model/workflow/engine.js';

const staff = demoViewers.find((v) => v.role === 'staff') as Viewer;
const admin = demoViewers.find((v) => v.role === 'admin') as Viewer;
let n = 0;
const ctx = (viewer: Viewer) => ({ viewer, now: '2026-11-22T10:00:00.000Z', newId: (p: string) => `${p}_${++n}` });

describe('record-print', () => {
  for (const preset of PRESET_KEYS) {
    it(`${preset}: records any document on any order in scope, moving nothing`, () => {
      const workflow = getPreset(preset);
      const orders = generateOrders({ preset, count: 60, seed: 11 }).filter((o) => !o.deletedAt);
      expect(workflow.actions.some((a) => a.key === 'record-print' && a.bulk)).to.equal(true);
      fc.assert(
        fc.property(fc.constantFrom(...orders), fc.constantFrom(...PRINT_DOCUMENT_KINDS), fc.integer({ min: 1, max: 99 }), (order, document, copies) => {
          const r = applyAction(workflow, order, 'record-print', { document, copies }, ctx(admin));
          expect(r.ok, JSON.stringify(!r.ok && r.refusal)).to.equal(true);
          if (!r.ok) return;
          const next = r.order;
          expect(next.prints?.slice(0, -1) ?? []).to.deep.equal(order.prints ?? []);
          expect(next.prints?.at(-1)).to.deep.equal({ document, copies, at: '2026-11-22T10:00:00.000Z', by: { id: admin.id, name: admin.name } });
          expect(next.status).to.equal(order.status);
          expect(next.archived).to.equal(order.archived);
          expect(next.totals).to.deep.equal(order.totals);
          expect(next.version).to.equal(order.version + 1);
          const entry = next.timeline.at(-1);
          expect(entry?.template).to.deep.equal({ key: 'printed', params: { document, copies: String(copies) } });
          expect(entry?.message).to.equal(englishText({ key: 'printed', params: { document, copies: String(copies) } }));
        }),
        { numRuns: 30 },
      );
    });
  }

  it('leaves a completed posting fresh and a posted order archived (like update-tracking)', () => {
    const workflow = getPreset('marketplace');
    const order = generateOrders({ preset: 'marketplace', count: 300, seed: 5 }).find((o) => o.posting?.status === 'completed' && o.archived && !o.posting.stale) as Order;
    expect(order, 'a posted, archived order in the seed').to.exist;
    const r = applyAction(workflow, order, 'record-print', { document: 'invoice' }, ctx(admin));
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.order.archived).to.equal(true);
    expect(r.order.posting).to.deep.equal(order.posting);
    expect(r.order.prints?.at(-1)?.copies).to.equal(1);
  });

  it('refuses an unknown document, bad copies, and an order out of the staff member’s scope; nothing changes', () => {
    const workflow = getPreset('marketplace');
    const orders = generateOrders({ preset: 'marketplace', count: 40, seed: 2 });
    const mine = orders.find((o) => staff.storeIds.includes(o.storeId) && !o.deletedAt) as Order;
    const foreign = orders.find((o) => !staff.storeIds.includes(o.storeId) && !o.deletedAt) as Order;
    const cases: [Order, unknown, string][] = [
      [mine, { document: 'label' }, 'invalid-field'],
      [mine, {}, 'missing-field'],
      [mine, { document: 'awb', copies: 0 }, 'invalid-field'],
      [mine, { document: 'awb', copies: 1.5 }, 'invalid-field'],
      [mine, { document: 'awb', copies: 100 }, 'invalid-field'],
      [foreign, { document: 'awb' }, 'out-of-scope'],
    ];
    for (const [order, input, code] of cases) {
      const r = applyAction(workflow, order, 'record-print', input, ctx(staff));
      expect(r.ok, JSON.stringify(input)).to.equal(false);
      if (!r.ok) expect(r.refusal.code, JSON.stringify(input)).to.equal(code);
    }
    expect(applyAction(workflow, mine, 'record-print', { document: 'picking-list', copies: 2 }, ctx(staff)).ok, 'staff may print').to.equal(true);
  });
});
