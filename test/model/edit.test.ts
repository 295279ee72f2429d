/** Editing rules and the edit diff (src/model/edit.ts), and its rendering in the reader's language. */
import { expect } from '@open-wc/testing';
import { paymentMethodLabel } from '../../src/components/shared/order-labels.js';
import { editChangeTexts } from '../../src/components/shared/timeline-text.js';
import { setLocale } from '../../src/i18n/localize.js';
import { applyEdit, editableFields, parseEditChanges } from '../../src/model/edit.js';
import { generateOrders } from '../../src/model/generate.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Order, Viewer } from '../../src/model/types.js';

const editor: Viewer = { id: 'u1', name: 'Ayu', role: 'admin', storeIds: [] };
const ctx = { viewer: editor, now: '2026-12-01T00:00:00.000Z', newId: (p: string) => `${p}_t` };

describe('order edits', () => {
  afterEach(() => setLocale('en'));

  it('a posted, archived order that changes goes back to the active list with a stale posting', () => {
    const wf = getPreset('marketplace');
    const posted = generateOrders({ preset: 'marketplace', count: 300, seed: 4 }).find(
      (o) => o.posting?.status === 'completed' && !o.posting.stale && o.archived && !o.deletedAt && !editableFields(o, wf).readOnly,
    ) as Order;
    expect(posted, 'a posted, archived, still editable order').to.exist;
    const result = applyEdit(posted, { note: 'Late change' }, wf, ctx);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.order.archived).to.equal(false);
    expect(result.order.posting?.stale).to.equal(true);
    expect(result.order.timeline.at(-1)?.template?.key).to.equal('unarchived');
  });

  it('no change makes no new version, and a closed order refuses every field by name', () => {
    const wf = getPreset('cod-delivery');
    const orders = generateOrders({ preset: 'cod-delivery', count: 80, seed: 2 });
    const open = orders.find((o) => !editableFields(o, wf).readOnly) as Order;
    const same = applyEdit(open, { note: open.note, deliveryFee: open.deliveryFee }, wf, ctx);
    expect(same.ok && same.order).to.equal(open);
    const closed = orders.find((o) => editableFields(o, wf).readOnly === 'closed') as Order;
    const refused = applyEdit(closed, { tags: ['x'], deliveryFee: { amount: closed.deliveryFee.amount + 1, currency: closed.currency } }, wf, ctx);
    expect(refused.ok).to.equal(false);
    if (!refused.ok) expect(refused.problems.map((p) => p.field)).to.have.members(['tags', 'deliveryFee']);
  });

  it('records field, before → after, and renders it in English and Indonesian', async () => {
    const wf = getPreset('cod-delivery');
    const order = generateOrders({ preset: 'cod-delivery', count: 80, seed: 2 }).find((o) => !editableFields(o, wf).readOnly && o.lines.length > 0) as Order;
    const line = order.lines[0];
    const method = order.paymentMethod === 'card' ? 'cash' : 'card';
    const result = applyEdit(order, {
      deliveryFee: { amount: order.deliveryFee.amount + 5000, currency: order.currency },
      paymentMethod: method,
      lines: order.lines.map((l) => ({ sku: l.sku, name: l.name, ...(l.variant !== undefined && { variant: l.variant }), unitPrice: l.unitPrice, discount: l.discount, quantity: l === line ? l.quantity.ordered + 2 : l.quantity.ordered })),
    }, wf, ctx);
    if (!result.ok) throw new Error('refused');
    const json = (result.order.timeline.at(-1)?.template?.params as { changes: string }).changes;
    const changes = parseEditChanges(json);
    expect(changes.map((c) => c.field)).to.have.members(['line', 'deliveryFee', 'paymentMethod']);
    const en = editChangeTexts(json).join(' | ');
    expect(en).to.include(`quantity ${line?.quantity.ordered} → ${(line?.quantity.ordered ?? 0) + 2}`).and.include('Delivery fee:').and.include(paymentMethodLabel(method));
    await setLocale('id');
    const id = editChangeTexts(json).join(' | ');
    expect(id).to.include('jumlah').and.include('Ongkos kirim').and.include('→');
  });
});
