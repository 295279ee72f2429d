import { expect, oneEvent } from '@open-wc/testing';
import type { OrderActionEvent } from '../../../src/components/order-detail/order-detail.js';
import {
  check,
  dialogOf,
  closeAll,
  dialogOpen,
  dlg,
  eventually,
  fill,
  idr,
  mountDetail,
  openDialog,
  previewValue,
  root,
  settled,
  shownActions,
  statusOf,
  submitDialog,
  system,
  text,
  totalOf,
  badgeText,
} from './helpers.js';

describe('<order-detail> confirm-first lifecycle', () => {
  afterEach(closeAll);

  it('Ada stok kosong with a line switched off updates the totals live, then payment, Pesan kurir and the courier to Selesai', async () => {
    const h = await mountDetail('confirm-first');
    const { el } = h;
    expect(statusOf(el)).to.equal('New order');
    expect(totalOf(el, 'total')).to.equal(idr(480000));
    expect(shownActions(el)).to.deep.equal(['accept-all', 'accept-some', 'reject-all', 'cancel']);

    // Some out of stock: the preview follows every switch and step.
    const d = await openDialog(el, 'accept-some');
    const preview = (row: string) => previewValue(el, row);
    expect(preview('total')).to.equal(idr(480000));
    const mug = h.order.lines[1]!;
    const filter = h.order.lines[2]!;
    await check(el, `#on-${mug.id}`, false);
    expect(preview('total')).to.equal(idr(395000));
    expect(preview('outstanding')).to.equal(idr(395000));
    d.querySelector<HTMLButtonElement>(`[aria-label="One fewer: ${filter.name}"]`)?.click();
    await dialogOf(el).updateComplete;
    expect(preview('total')).to.equal(idr(350000));
    expect(preview('status')).to.equal('Awaiting payment');

    const done = oneEvent(el, 'order-action') as Promise<OrderActionEvent>;
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.false;
    // Optimistic: the detail shows the result at once.
    expect(statusOf(el)).to.equal('Awaiting payment');
    expect(totalOf(el, 'total')).to.equal(idr(350000));
    const event = await done;
    expect(event.detail.action).to.equal('accept-some');
    expect(event.detail.order.totals.total.amount).to.equal(350000);
    const rows = root(el).querySelectorAll('[part~="line"]');
    expect(text(rows[1])).to.contain('1 out of stock');
    expect(text(rows[2])).to.contain('1 out of stock');
    expect(text(rows[0])).not.to.contain('out of stock');

    // Konfirmasi pembayaran: amount defaults to what is due.
    const pay = await openDialog(el, 'mark-paid');
    expect(pay.querySelector<HTMLInputElement>('#f-amount')?.value).to.equal('350000');
    await fill(el, 'reference', 'BCA-7781');
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Ready to process');
    await settled(h, 3);
    expect(totalOf(el, 'paid')).to.equal(idr(350000));
    expect(totalOf(el, 'outstanding')).to.equal(idr(0));
    expect(text(root(el).querySelector('[part~="payments"] tbody'))).to.contain('BCA-7781');

    // Pesan kurir: the courier is searched for automatically.
    await openDialog(el, 'book-courier');
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Finding a courier');
    const booked = await settled(h, 4);
    const shipment = booked.shipments[0]!;
    expect(text(root(el).querySelector('[part~="shipments"]'))).to.contain('Searching for a courier');

    // The courier's events arrive as realtime changes and move the order by the preset's automations.
    await system(h, 'courier-update', {
      shipmentId: shipment.id,
      status: 'assigned',
      courier: { code: 'jne', name: 'JNE' },
      trackingNumber: 'JNE123',
      trackingUrl: 'https://track.example.com/JNE123',
    });
    await eventually(() => !!root(el).querySelector('[part~="tracking-link"]'));
    expect(root(el).querySelector('[part~="tracking-link"]')?.getAttribute('href')).to.equal('https://track.example.com/JNE123');
    await system(h, 'courier-update', { shipmentId: shipment.id, status: 'picked-up' });
    await eventually(() => statusOf(el) === 'In delivery');
    await system(h, 'courier-update', { shipmentId: shipment.id, status: 'delivered' });
    await eventually(() => statusOf(el) === 'Completed');
    expect(badgeText(el, 'fulfillment-badge')).to.equal('Delivered');
    await expect(el).to.be.accessible();
  });

  it('Tolak pesanan needs a reason, shown next to the field, then cancels the order', async () => {
    const h = await mountDetail('confirm-first');
    const { el } = h;
    const d = await openDialog(el, 'reject-all');
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.true;
    const reason = d.querySelector('#f-reason');
    expect(reason?.getAttribute('aria-invalid')).to.equal('true');
    expect(reason?.getAttribute('aria-describedby')).to.contain('err-reason');
    expect(text(d.querySelector('#err-reason'))).to.equal('Give a reason.');
    expect(d.activeElement).to.equal(reason);
    expect(h.spy.count('runAction')).to.equal(0);
    await expect(dlg(el).querySelector('dialog')).to.be.accessible();

    await fill(el, 'reason', 'Stok habis');
    expect(reason?.getAttribute('aria-invalid')).to.equal('false');
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Cancelled');
    await settled(h, 2);
    expect(totalOf(el, 'total')).to.equal(idr(0));
    expect(text(root(el).querySelector('[part~="timeline"]'))).to.contain('Order rejected: Stok habis');
  });

  it('cancels a paid order with restock, then refunds it in full: the payment status changes at once', async () => {
    const h = await mountDetail('confirm-first', {
      steps: [['accept-all'], ['payment-received', { method: 'e-wallet' }, true]],
    });
    const { el } = h;
    expect(statusOf(el)).to.equal('Ready to process');
    await openDialog(el, 'cancel');
    await fill(el, 'reason', 'Customer asked to cancel');
    await check(el, '#f-restock', true);
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Cancelled');
    await settled(h, 4);
    // Cancelling rejects the open units: on a cancelled order they read as cancelled, not out of stock.
    const counters = [...root(el).querySelectorAll('[part~="counter-rejected"]')].map((c) => text(c));
    expect(counters.length).to.be.greaterThan(0);
    for (const c of counters) expect(c).to.match(/^\d+ cancelled$/);

    const d = await openDialog(el, 'refund');
    expect(text(d.querySelector('[part~="note"]'))).to.contain(idr(480000));
    await fill(el, 'reason', 'Order cancelled');
    expect(previewValue(el, 'payment')).to.equal('Refunded');
    await submitDialog(el);
    expect(badgeText(el, 'payment-badge')).to.equal('Refunded');
    expect(totalOf(el, 'refunded')).to.equal(`−${idr(480000)}`);
    const after = await settled(h, 5);
    expect(after.paymentStatus).to.equal('refunded');
    expect(shownActions(el)).not.to.include('refund');
  });
});
