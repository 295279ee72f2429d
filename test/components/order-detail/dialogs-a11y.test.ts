import { expect, fixture, html } from '@open-wc/testing';
import { createLocalApi } from '../../../src/api/index.js';
import { dialogShape, type DialogShape } from '../../../src/components/order-action-dialog/order-action-dialog.js';
import type { OrderDetail } from '../../../src/components/order-detail/order-detail.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset, PRESET_KEYS } from '../../../src/model/presets/index.js';
import type { Order } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import { clickAction, dialogOf, dialogOpen, eventually, people, root, shownActions, superAdmin } from './helpers.js';

/**
 * axe on the detail of one order per status of every preset, and on every dialog those orders offer,
 * opened as a person would (through the action bar and the "More actions" menu).
 */
describe('<order-detail> accessibility across presets, states and dialogs', function () {
  this.timeout(180000);
  const shapes = new Set<DialogShape>();

  for (const preset of PRESET_KEYS) {
    it(`${preset}: the detail and every dialog it opens pass axe`, async () => {
      const workflow = getPreset(preset);
      const dbName = `orderdeck-detail-a11y-${crypto.randomUUID()}`;
      const api = await createLocalApi({ workflow, viewer: superAdmin, dbName, stores: demoStores });
      await api.seed({ preset, count: 160, seed: 5 });
      const store = createOrderStore({ api, workflow, viewer: superAdmin });
      try {
        const page = await api.listOrders({ archived: 'any' }, { offset: 0, limit: 160 });
        const byStatus = new Map<string, Order>();
        for (const o of page.items) if (!byStatus.has(o.status)) byStatus.set(o.status, o);
        const el = await fixture<OrderDetail>(html`<order-detail .store=${store} .stores=${demoStores} .people=${people}></order-detail>`);
        let dialogs = 0;
        for (const order of byStatus.values()) {
          el.orderId = order.id;
          await eventually(() => root(el).querySelector('[part~="title"]')?.textContent?.includes(order.number) === true);
          await expect(el).to.be.accessible();
          for (const key of shownActions(el)) {
            const action = workflow.actions.find((a) => a.key === key)!;
            const shape = dialogShape(action);
            if (!shape) continue;
            await clickAction(el, key);
            await eventually(() => dialogOpen(el));
            await dialogOf(el).updateComplete;
            await expect(el).to.be.accessible();
            shapes.add(shape);
            dialogs++;
            dialogOf(el).close();
            await eventually(() => !dialogOpen(el));
          }
        }
        if (preset === 'marketplace') {
          // No seeded order waits for a return to arrive: make one, as the buyer and the merchant would.
          const delivered = page.items.find((o) => o.status === 'delivered' || o.status === 'completed')!;
          const line = delivered.lines.find((l) => l.quantity.delivered > 0)!;
          const requested = await api.runSystemAction(
            { orderId: delivered.id, action: 'request-return', input: { reason: 'Wrong size', lines: [{ lineId: line.id, quantity: 1 }] }, expectedVersion: delivered.version },
            { idempotencyKey: crypto.randomUUID() },
          );
          await api.runAction(
            { orderId: delivered.id, action: 'approve-return', expectedVersion: requested.version },
            { idempotencyKey: crypto.randomUUID() },
          );
          el.orderId = delivered.id;
          await eventually(() => shownActions(el).includes('receive-return'));
          await clickAction(el, 'receive-return');
          await eventually(() => dialogOpen(el));
          await dialogOf(el).updateComplete;
          await expect(el).to.be.accessible();
          shapes.add('receive-return');
          dialogOf(el).close();
          await eventually(() => !dialogOpen(el));
        }
        expect(dialogs).to.be.greaterThan(2);
      } finally {
        store.dispose();
        api.close();
        indexedDB.deleteDatabase(dbName);
      }
    });
  }

  it('covered every kind of form the presets use', () => {
    for (const shape of [
      'stock-some',
      'stock-none',
      'payment',
      'expense',
      'refund',
      'cancel',
      'approve-cancellation',
      'decline',
      'shipment',
      'book-courier',
      'ship',
      'deliver',
      'assign',
      'set-status',
      'reschedule',
      'receive-return',
      'confirm',
    ] as const) {
      expect(shapes.has(shape), shape).to.be.true;
    }
  });
});
