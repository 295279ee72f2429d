import { expect } from '@open-wc/testing';
import type { ChangeEvent } from '../../src/api/types.js';
import { generateOrders } from '../../src/model/generate.js';
import type { Order } from '../../src/model/types.js';
import { cleanup, expectApiError, openApi, staff } from './helpers.js';

/** A confirm-first database with an order whose courier is booked (a shipment searching for a courier). */
async function booked(options: Parameters<typeof openApi>[0] = {}) {
  const orders = generateOrders({ preset: 'confirm-first', count: 120, seed: 7 });
  const api = await openApi({ preset: 'confirm-first', ...options });
  await api.seed({ orders });
  const ready = orders.find((o) => o.status === 'ready-to-process' && (!options.viewer || !options.viewer.storeIds.length || options.viewer.storeIds.includes(o.storeId)));
  if (!ready) throw new Error('the seed has no order ready to process');
  return { api, orders, ready };
}

async function book(api: Awaited<ReturnType<typeof openApi>>, order: Order): Promise<Order> {
  return api.runAction({ orderId: order.id, action: 'book-courier', expectedVersion: order.version }, { idempotencyKey: `book-${order.id}` });
}

describe('local engine: runSystemAction', () => {
  afterEach(cleanup);

  it('applies a system action that runAction refuses, attributed to the system, with a change event', async () => {
    const { api, ready } = await booked();
    const order = await book(api, ready);
    const shipment = order.shipments.at(-1);
    expect(shipment?.status).to.equal('searching');
    const request = {
      orderId: order.id,
      action: 'courier-update',
      input: { shipmentId: shipment?.id, status: 'assigned', trackingNumber: 'JNE123', trackingUrl: 'https://example.com/t/JNE123' },
      expectedVersion: order.version,
    } as const;
    const refused = await expectApiError(api.runAction(request, { idempotencyKey: 'as-viewer' }), 'forbidden');
    expect(refused.refusal?.code).to.equal('not-permitted');
    expect((await api.getOrder(order.id)).version).to.equal(order.version);

    const events: ChangeEvent[] = [];
    api.subscribe((e) => events.push(e));
    const updated = await api.runSystemAction(request, { idempotencyKey: 'as-system' });
    expect(updated.version).to.equal(order.version + 1);
    const after = updated.shipments.find((s) => s.id === shipment?.id);
    expect(after?.status).to.equal('assigned');
    expect(after?.trackingNumber).to.equal('JNE123');
    expect(updated.timeline.at(-1)).to.include({ kind: 'courier', action: 'courier-update' });
    expect(updated.timeline.at(-1)?.actor.id).to.equal('system');
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ type: 'order-updated', orderId: order.id, version: updated.version, cause: 'courier-update', origin: 'self' });
    expect((await api.getOrder(order.id)).version).to.equal(updated.version);
  });

  it('keeps the version check and the idempotency log', async () => {
    const { api, ready } = await booked();
    const order = await book(api, ready);
    const shipmentId = order.shipments.at(-1)?.id;
    const stale = { orderId: order.id, action: 'courier-update', input: { shipmentId, status: 'assigned' }, expectedVersion: order.version - 1 } as const;
    const conflict = await expectApiError(api.runSystemAction(stale, { idempotencyKey: 'stale' }), 'conflict');
    expect(conflict.current?.version).to.equal(order.version);

    const request = { ...stale, expectedVersion: order.version };
    const first = await api.runSystemAction(request, { idempotencyKey: 'once' });
    const again = await api.runSystemAction(request, { idempotencyKey: 'once' });
    expect(again).to.deep.equal(first);
    const stored = await api.getOrder(order.id);
    expect(stored.version).to.equal(order.version + 1);
    expect(stored.shipments.at(-1)?.events.filter((e) => e.status === 'assigned')).to.have.length(1);
    // A workflow refusal is still a refusal: courier progress never moves backwards.
    const backwards = { ...request, input: { shipmentId, status: 'searching' }, expectedVersion: stored.version };
    await expectApiError(api.runSystemAction(backwards, { idempotencyKey: 'backwards' }), 'refused');
    // A viewer key and a system key never replay each other.
    await expectApiError(api.runAction({ ...request, expectedVersion: stored.version }, { idempotencyKey: 'once' }), 'invalid-input');
  });

  it('acts for the backend, not the viewer: a staff viewer’s engine applies courier events to any store', async () => {
    const orders = generateOrders({ preset: 'confirm-first', count: 120, seed: 7 });
    const foreign = orders.find((o) => o.status === 'searching-courier' && !staff.storeIds.includes(o.storeId));
    if (!foreign) throw new Error('the seed has no booked order outside the staff store');
    const api = await openApi({ preset: 'confirm-first', viewer: staff });
    await api.seed({ orders });
    const shipment = foreign.shipments.find((s) => s.status === 'searching' || s.status === 'assigned');
    const request = {
      orderId: foreign.id,
      action: 'courier-update',
      input: { shipmentId: shipment?.id, status: 'picked-up' },
      expectedVersion: foreign.version,
    } as const;
    await expectApiError(api.runAction(request, { idempotencyKey: 'viewer' }), 'forbidden');
    const updated = await api.runSystemAction(request, { idempotencyKey: 'system' });
    expect(updated.status).to.equal('in-delivery');
  });
});
