import { expect } from '@open-wc/testing';
import { encodeCsv } from '../../../src/model/csv/encode.js';
import { autoMatch, TRACKING_FIELDS } from '../../../src/model/csv/fields.js';
import { parseCsv } from '../../../src/model/csv/parse.js';
import { exactNumber, planTracking, resolveCourier, rowsToTracking, type TrackingItem } from '../../../src/model/csv/tracking.js';
import { generateOrders } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Order, Viewer } from '../../../src/model/types.js';
import { applyAction } from '../../../src/model/workflow/engine.js';

const workflow = getPreset('online-store');
const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };
const orders = generateOrders({ preset: 'online-store', count: 300, seed: 5 });
const withStatus = (status: string, shipments?: number): Order =>
  orders.find((o) => o.status === status && !o.archived && (shipments === undefined || o.shipments.length === shipments))!;

function read(header: readonly string[], rows: readonly (readonly string[])[]) {
  const parsed = parseCsv(encodeCsv(header, rows)).rows;
  return rowsToTracking(parsed, autoMatch(parsed[0]!, TRACKING_FIELDS));
}

const item = (over: Partial<TrackingItem> = {}): TrackingItem => ({ row: 2, number: 'X', courier: 'J&T Express', trackingNumber: 'JT0001', ...over });

describe('CSV tracking import', () => {
  it('reads rows, and names every bad row and column', () => {
    const { items, problems } = read(
      ['No Pesanan', 'Ekspedisi', 'No Resi', 'Link'],
      [
        ['A-1', 'J&T Express', 'JT0001', 'https://jet.co.id/track/JT0001'],
        ['A-2', '', 'JT0002', ''],
        ['A-3', 'JNE', '<script>', 'javascript:alert(1)'],
        ['A-1', 'JNE', 'JT0003', ''],
        ['', 'JNE', '', ''],
      ],
    );
    expect(items).to.deep.equal([{ row: 2, number: 'A-1', courier: 'J&T Express', trackingNumber: 'JT0001', trackingUrl: 'https://jet.co.id/track/JT0001' }]);
    expect(problems.map((p) => `${p.row}|${p.column}|${p.code}`)).to.deep.equal([
      '3|Ekspedisi|missing-value',
      '4|No Resi|bad-tracking-number',
      '4|Link|bad-url',
      '5|No Pesanan|duplicate-number',
      '6|No Pesanan|missing-value',
      '6|No Resi|missing-value',
    ]);
    expect(problems[3]).to.include({ otherRow: 2 });
  });

  it('needs the order number, courier and tracking number columns', () => {
    const { problems } = read(['Order number', 'Whatever'], [['A-1', 'x']]);
    expect(problems.map((p) => `${p.row}|${p.column}|${p.code}`)).to.deep.equal(['1|Courier|missing-column', '1|Tracking number|missing-column']);
  });

  it("resolves couriers by name or code to the workflow's, else as Others", () => {
    expect(resolveCourier('j&t express', workflow.couriers)).to.deep.equal({ code: 'jnt', name: 'J&T Express' });
    expect(resolveCourier('JNT', workflow.couriers).code).to.equal('jnt');
    expect(resolveCourier(' Kargo Kilat ', workflow.couriers)).to.deep.equal({ code: 'other', name: 'Kargo Kilat' });
  });

  it('keeps exact number matches only', () => {
    const [a, b] = orders;
    expect(exactNumber([a!, b!], a!.number)).to.deep.equal([a]);
    expect(exactNumber([a!, b!], a!.number.slice(0, -1))).to.deep.equal([]);
  });

  it('marks an order without a shipment shipped, when the workflow offers it', () => {
    const order = withStatus('processing', 0);
    const plan = planTracking(order, item({ trackingUrl: 'https://x.example/JT0001' }), workflow, admin);
    expect(plan).to.deep.equal({
      kind: 'run',
      action: 'mark-shipped',
      operation: 'mark-shipped',
      input: { courier: { code: 'jnt', name: 'J&T Express' }, trackingNumber: 'JT0001', trackingUrl: 'https://x.example/JT0001' },
    });
    if (plan.kind !== 'run') return;
    const applied = applyAction(workflow, order, plan.action, plan.input, { viewer: admin, now: '2026-11-22T10:00:00.000Z', newId: (p) => `${p}_t` });
    expect(applied.ok).to.equal(true);
    if (applied.ok) expect(applied.order.shipments.at(-1)!.trackingNumber).to.equal('JT0001');
  });

  it("refuses an order with no shipment that can't be marked shipped now", () => {
    const order = withStatus('pending-payment', 0);
    expect(planTracking(order, item(), workflow, admin)).to.deep.equal({ kind: 'refused', reason: 'no-shipment' });
  });

  it("updates the shipment's tracking number, and sends nothing when it is already there", () => {
    const order = withStatus('shipped', 1);
    const shipment = order.shipments[0]!;
    const plan = planTracking(order, item({ courier: 'Ninja Van', trackingNumber: 'NV-42' }), workflow, admin);
    expect(plan).to.deep.equal({
      kind: 'run',
      action: 'update-tracking',
      operation: 'update-tracking',
      input: { shipmentId: shipment.id, courier: resolveCourier('Ninja Van', workflow.couriers), trackingNumber: 'NV-42' },
    });
    if (plan.kind !== 'run') return;
    const applied = applyAction(workflow, order, plan.action, plan.input, { viewer: admin, now: '2026-11-22T10:00:00.000Z', newId: (p) => `${p}_t` });
    expect(applied.ok, JSON.stringify(applied)).to.equal(true);
    if (!applied.ok) return;
    const again = planTracking(applied.order, item({ courier: 'Ninja Van', trackingNumber: 'NV-42' }), workflow, admin);
    expect(again).to.deep.equal({ kind: 'unchanged' });
  });

  it('refuses when the viewer may not update tracking', () => {
    const order = withStatus('shipped', 1);
    const outsider: Viewer = { id: 'u-s', name: 'Sari', role: 'staff', storeIds: ['nowhere'] };
    expect(planTracking(order, item({ trackingNumber: 'NEW-1' }), workflow, outsider)).to.deep.equal({ kind: 'refused', reason: 'not-offered' });
  });
});
