import { expect, fixtureCleanup, oneEvent } from '@open-wc/testing';
import type { TrackingCompleteEvent } from '../../../src/components/order-import/define.js';
import { encodeCsv } from '../../../src/model/csv/encode.js';
import type { Order } from '../../../src/model/types.js';
import { atStep, button, chooseFile, mountImport, part, presetBackend, tableRows, type PresetBackend } from './helpers.js';

const HEADER = ['Nomor Pesanan', 'Kurir', 'No Resi', 'Link Lacak'];

describe('<order-import> tracking numbers', () => {
  let backend: PresetBackend;
  let orders: readonly Order[];

  before(async () => {
    backend = await presetBackend('online-store', 240);
    orders = (await backend.api.listOrders({ archived: 'any' }, { offset: 0, limit: 1000 })).items;
  });

  after(async () => {
    await backend.close();
  });

  afterEach(() => fixtureCleanup());

  const pick = (status: string, shipments: number, skip = 0): Order => {
    const found = orders.filter((o) => o.status === status && o.shipments.length === shipments && !o.archived)[skip];
    if (!found) throw new Error(`no ${status} order with ${shipments} shipments`);
    return found;
  };

  async function runFile(text: string) {
    const el = await mountImport(backend.store, 'tracking');
    chooseFile(el, text, 'courier.csv');
    await atStep(el, 'map');
    button(el, 'check-button').click();
    await atStep(el, 'preview');
    return el;
  }

  it('updates tracking, marks unshipped orders shipped, and reports refused and unknown rows', async () => {
    const toShip = pick('processing', 0);
    const shipped = pick('shipped', 1);
    const unpaid = pick('pending-payment', 0);
    const el = await runFile(
      encodeCsv(HEADER, [
        [toShip.number, 'J&T Express', 'JT-NEW-1', 'https://jet.example/track/JT-NEW-1'],
        [shipped.number, 'Ninja Van', 'NV-NEW-2', ''],
        [unpaid.number, 'JNE', 'JNE-3', ''],
        ['NOPE-404', 'JNE', 'X-4', ''],
      ]),
    );
    expect(part(el, 'problems')).to.equal(null);
    expect(part(el, 'summary')!.textContent).to.contain('4 rows ready.');
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'tracking-complete') as Promise<TrackingCompleteEvent>;
    button(el, 'import-button').click();
    const { results } = (await done).detail;
    await atStep(el, 'result');
    expect(results.map((r) => r.outcome.status)).to.deep.equal(['shipped', 'updated', 'refused', 'not-found']);
    expect(tableRows(el, 'results')).to.deep.equal([
      ['2', toShip.number, 'JT-NEW-1', 'Marked as shipped with this tracking number'],
      ['3', shipped.number, 'NV-NEW-2', 'Tracking number saved'],
      ['4', unpaid.number, 'JNE-3', 'Refused: the order has no shipment and cannot be marked shipped now'],
      ['5', 'NOPE-404', 'X-4', 'No order has this number'],
    ]);
    expect(part(el, 'summary')!.textContent!.trim()).to.equal('2 updated, 0 already up to date, 1 not found, 1 refused, 0 failed.');
    await expect(el).to.be.accessible();

    const nowShipped = await backend.api.getOrder(toShip.id);
    expect(nowShipped.status).to.equal('shipped');
    expect(nowShipped.shipments.at(-1)).to.deep.include({ trackingNumber: 'JT-NEW-1', trackingUrl: 'https://jet.example/track/JT-NEW-1' });
    expect(nowShipped.shipments.at(-1)!.courier).to.deep.equal({ code: 'jnt', name: 'J&T Express' });
    const updated = await backend.api.getOrder(shipped.id);
    expect(updated.status).to.equal('shipped');
    expect(updated.shipments[0]).to.deep.include({ trackingNumber: 'NV-NEW-2' });
    expect(updated.shipments[0]!.courier.name).to.equal('Ninja Van');
    expect((await backend.api.getOrder(unpaid.id)).version).to.equal(unpaid.version);
    // The table reported the refusals; the store's error list stays clean.
    expect(backend.store.snapshot.errors).to.deep.equal([]);

    // The same file again changes nothing.
    button(el, 'again-button').click();
    await atStep(el, 'choose');
    chooseFile(
      el,
      encodeCsv(HEADER, [
        [toShip.number, 'J&T Express', 'JT-NEW-1', 'https://jet.example/track/JT-NEW-1'],
        [shipped.number, 'Ninja Van', 'NV-NEW-2', ''],
      ]),
    );
    await atStep(el, 'map');
    button(el, 'check-button').click();
    await atStep(el, 'preview');
    button(el, 'import-button').click();
    await atStep(el, 'result');
    expect(tableRows(el, 'results').map((r) => r[3])).to.deep.equal(['Already up to date', 'Already up to date']);
    expect((await backend.api.getOrder(shipped.id)).version).to.equal(updated.version);
  });

  it('runs at most four rows at a time and shows each row as it finishes', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => pick('shipped', 1, i + 2)).map((o, i) => [o.number, 'DHL', `DHL-${i}`, '']);
    const el = await runFile(encodeCsv(HEADER, rows));
    const store = backend.store;
    const original = store.listOrders.bind(store);
    let inFlight = 0;
    let most = 0;
    store.listOrders = async (q, page, signal) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await original(q, page, signal);
      } finally {
        inFlight--;
      }
    };
    try {
      button(el, 'import-button').click();
      await atStep(el, 'running');
      expect(tableRows(el, 'results').some((r) => r[3] === 'Waiting…')).to.equal(true);
      await expect(el).to.be.accessible();
      await atStep(el, 'result');
    } finally {
      store.listOrders = original;
    }
    expect(most).to.equal(4);
    expect(tableRows(el, 'results').map((r) => r[3])).to.deep.equal(rows.map(() => 'Tracking number saved'));
  });

  it('blocks a file with problems and names each row and column', async () => {
    const order = pick('shipped', 1, 1);
    const el = await runFile(
      encodeCsv(HEADER, [
        [order.number, 'JNE', 'OK-1', 'javascript:alert(1)'],
        ['', 'JNE', 'OK-2', ''],
        [order.number, 'JNE', '<b>', ''],
      ]),
    );
    expect(tableRows(el, 'problems')).to.deep.equal([
      ['2', 'Link Lacak (D)', '“javascript:alert(1)” is not a link starting with http:// or https://.'],
      ['3', 'Nomor Pesanan (A)', 'This cell is empty but required.'],
      ['4', 'Nomor Pesanan (A)', 'This order number is also on row 2.'],
      ['4', 'No Resi (C)', '“<b>” is not a tracking number: use only letters, digits, spaces and - _ . / #, at most 100.'],
    ]);
    expect(button(el, 'import-button').disabled).to.equal(true);
    expect(part(el, 'problems')!.querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
