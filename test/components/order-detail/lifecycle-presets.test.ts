import { expect } from '@open-wc/testing';
import { money } from '../../../src/model/money.js';
import {
  badgeText,
  check,
  checkShipment,
  clickAction,
  closeAll,
  dialogOpen,
  dlg,
  eventually,
  fill,
  fillShipment,
  idr,
  mountDetail,
  myr,
  openDialog,
  previewValue,
  root,
  settled,
  shipmentForm,
  shownActions,
  statusOf,
  submitDialog,
  system,
  text,
  totalOf,
} from './helpers.js';

const kl = {
  storeId: 'st_kul',
  currency: 'MYR',
  paymentMethod: 'cod' as const,
  lines: [
    { sku: 'CUSH-01', name: 'Rattan Cushion', unitPrice: money(4590, 'MYR'), quantity: 2 },
    { sku: 'LAMP-02', name: 'Bamboo Lamp', unitPrice: money(3500, 'MYR'), quantity: 1 },
    { sku: 'MAT-03', name: 'Pandan Mat', unitPrice: money(1250, 'MYR'), quantity: 3 },
  ],
  deliveryFee: money(800, 'MYR'),
};

describe('<order-detail> payment-fulfillment lifecycle', () => {
  afterEach(closeAll);

  it('marks a COD order paid, creates a shipment with Poslaju, fulfils, completes and archives it', async () => {
    const h = await mountDetail('payment-fulfillment', { draft: kl });
    const { el } = h;
    expect(totalOf(el, 'total')).to.equal(myr(17230));
    const d = await openDialog(el, 'mark-paid');
    expect(d.querySelector<HTMLSelectElement>('#f-method')?.value).to.equal('cod');
    expect(d.querySelector<HTMLInputElement>('#f-amount')?.value).to.equal('172.30');
    await submitDialog(el);
    expect(badgeText(el, 'payment-badge')).to.equal('Paid');
    await settled(h, 2);

    expect(shownActions(el), 'no shipment yet: no tracking to update').not.to.include('update-tracking');
    await openDialog(el, 'create-shipment');
    await fillShipment(el, 'courier', 'poslaju');
    await fillShipment(el, 'trackingNumber', 'EP123456789MY');
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.false;
    await settled(h, 3);
    expect(text(root(el).querySelector('[part~="shipments"]'))).to.contain('Poslaju');
    expect(text(root(el).querySelector('[part~="tracking-number"]'))).to.equal('EP123456789MY');

    // Correct the tracking number from the detail: its own form, prefilled with the current number.
    expect(shownActions(el)).to.include('update-tracking');
    const t = await openDialog(el, 'update-tracking');
    expect(t.querySelector<HTMLInputElement>('#f-trackingNumber')?.value).to.equal('EP123456789MY');
    expect(t.querySelector('#f-shipmentId'), 'one shipment: nothing to choose').to.be.null;
    await fill(el, 'trackingNumber', 'EP987654321MY');
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.false;
    await settled(h, 4);
    expect(text(root(el).querySelector('[part~="tracking-number"]'))).to.equal('EP987654321MY');
    expect(text(root(el).querySelector('[part~="timeline"]'))).to.contain('Tracking number changed from EP123456789MY to EP987654321MY (Poslaju).');
    const stored = await h.api.getOrder(h.order.id);
    expect(stored.shipments[0]?.trackingNumber).to.equal('EP987654321MY');

    await clickAction(el, 'fulfill'); // no input: runs at once
    await settled(h, 5);
    expect(badgeText(el, 'fulfillment-badge')).to.equal('Delivered');
    await clickAction(el, 'complete');
    await settled(h, 6);
    expect(statusOf(el)).to.equal('Closed');
    await clickAction(el, 'archive');
    await settled(h, 7);
    expect(badgeText(el, 'archived-badge')).to.equal('Archived');
    expect(shownActions(el)).to.include('unarchive');
  });

  it('refunds part by amount (never above what is refundable), then the rest: Partially refunded → Refunded, Closed', async () => {
    const h = await mountDetail('payment-fulfillment', { draft: kl, steps: [['mark-paid', { method: 'cod' }]] });
    const { el } = h;
    const d = await openDialog(el, 'refund');
    await check(el, '#f-mode-amount', true);
    await fill(el, 'amount', '999');
    await fill(el, 'reason', 'Damaged lamp');
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.true;
    expect(text(d.querySelector('#err-amount'))).to.equal(`That is more than the ${myr(17230)} allowed.`);
    expect(d.querySelector('#f-amount')?.getAttribute('aria-invalid')).to.equal('true');
    expect(h.spy.count('runAction')).to.equal(0);

    await fill(el, 'amount', '10.50');
    expect(previewValue(el, 'payment')).to.equal('Partially refunded');
    await submitDialog(el);
    expect(badgeText(el, 'payment-badge')).to.equal('Partially refunded');
    expect(totalOf(el, 'refunded')).to.equal(`−${myr(1050)}`);
    const after = await settled(h, 3);
    expect(after.refunds[0]?.amount).to.deep.equal(money(1050, 'MYR'));

    const again = await openDialog(el, 'refund');
    expect(text(again.querySelector('[part~="note"]'))).to.contain(myr(16180));
    await fill(el, 'reason', 'Customer returned everything');
    await submitDialog(el);
    expect(badgeText(el, 'payment-badge')).to.equal('Refunded');
    await settled(h, 4);
    expect(statusOf(el)).to.equal('Closed');
    expect(totalOf(el, 'refunded')).to.equal(`−${myr(17230)}`);
  });
});

describe('<order-detail> cod-delivery lifecycle', () => {
  afterEach(closeAll);

  it('updates the status, records payment and an expense (expected remittance shown), assigns an agent, dispatches and delivers', async () => {
    const h = await mountDetail('cod-delivery', { draft: { paymentMethod: 'cash' } });
    const { el } = h;
    expect(totalOf(el, 'expected-remittance')).to.equal(idr(480000));

    const s = await openDialog(el, 'update-status');
    const options = [...(s.querySelector<HTMLSelectElement>('#f-status')?.options ?? [])].map((o) => o.value);
    expect(options).not.to.include('pending');
    await fill(el, 'status', 'processing');
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Processing');
    await settled(h, 2);

    const pay = await openDialog(el, 'record-payment');
    expect(pay.querySelector<HTMLSelectElement>('#f-method')?.value).to.equal('cash');
    await submitDialog(el);
    await settled(h, 3);
    expect(totalOf(el, 'outstanding')).to.equal(idr(0));

    await openDialog(el, 'record-expense');
    await fill(el, 'label', 'Fuel');
    await fill(el, 'amount', '15000');
    expect(previewValue(el, 'remittance')).to.equal(idr(465000));
    await submitDialog(el);
    expect(totalOf(el, 'expenses')).to.equal(`−${idr(15000)}`);
    expect(totalOf(el, 'expected-remittance')).to.equal(idr(465000));
    await settled(h, 4);
    expect(text(root(el).querySelector('[part~="expenses"] tbody'))).to.contain('Fuel');

    await openDialog(el, 'assign-agent');
    await fill(el, 'agent', 'p-joko');
    await submitDialog(el);
    await settled(h, 5);
    expect(text(root(el).querySelector('[part~="assignees"]'))).to.contain('Joko Rider');

    // Sent out with the merchant's own agent (the one assigned is preselected).
    await openDialog(el, 'dispatch');
    await checkShipment(el, 'input[role="switch"]', true);
    expect(shipmentForm(el).querySelector<HTMLSelectElement>('#agent')?.value).to.equal('p-joko');
    await submitDialog(el);
    await settled(h, 6);
    expect(statusOf(el)).to.equal('In Transit');
    expect(text(root(el).querySelector('[part~="shipments"]'))).to.contain('Joko Rider');
    const deliver = await openDialog(el, 'mark-delivered');
    expect(deliver.querySelector<HTMLInputElement>('#f-notify')?.checked).to.be.true;
    await submitDialog(el);
    await settled(h, 7);
    expect(statusOf(el)).to.equal('Delivered');
  });

  it('cancels with a reason, then soft-deletes after a confirmation', async () => {
    const h = await mountDetail('cod-delivery');
    const { el } = h;
    await openDialog(el, 'cancel');
    await fill(el, 'reason', 'Customer unreachable');
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Cancelled');
    await settled(h, 2);

    const d = await openDialog(el, 'delete');
    expect(text(d.querySelector('#subtitle'))).to.contain('A super-admin can restore it');
    expect(d.activeElement?.getAttribute('part')).to.contain('cancel-button'); // the safe choice has focus
    expect(d.querySelector('[part~="submit"]')?.getAttribute('part')).to.contain('danger');
    await submitDialog(el);
    await settled(h, 3);
    expect(badgeText(el, 'deleted-badge')).to.equal('Deleted');
    expect(shownActions(el)).to.deep.equal([]); // only a super-admin may restore
  });
});

describe('<order-detail> marketplace lifecycle', () => {
  afterEach(closeAll);

  const paid = [['payment-received', { method: 'marketplace' }, true]] as const;

  it('packs, arranges shipment, follows the courier to Delivered, completes and posts to accounting', async () => {
    const h = await mountDetail('marketplace', { draft: { channel: 'shopee' }, steps: paid });
    const { el } = h;
    expect(statusOf(el)).to.equal('New Order');
    await clickAction(el, 'pack');
    await settled(h, 3);
    expect(statusOf(el)).to.equal('To Process');
    await openDialog(el, 'to-ship');
    await submitDialog(el);
    const booked = await settled(h, 4);
    expect(statusOf(el)).to.equal('To Ship');
    const shipment = booked.shipments[0]!;
    await system(h, 'courier-update', { shipmentId: shipment.id, status: 'picked-up' });
    await eventually(() => statusOf(el) === 'Shipped');
    await system(h, 'courier-update', { shipmentId: shipment.id, status: 'delivered' });
    await eventually(() => statusOf(el) === 'Delivered');
    await clickAction(el, 'complete');
    await settled(h, 7);
    expect(statusOf(el)).to.equal('Completed');
    await clickAction(el, 'post-accounting');
    await settled(h, 8);
    expect(text(root(el).querySelector('[part~="posting"]'))).to.contain('Posting in progress');
    await system(h, 'posting-result', { status: 'completed', reference: 'JRN-42' });
    await eventually(() => badgeText(el, 'posting-status') === 'Posted');
    expect(badgeText(el, 'archived-badge')).to.equal('Archived');
    expect(text(root(el).querySelector('[part~="posting-history"]'))).to.contain('JRN-42');
  });

  it('shows a buyer’s cancellation request and approves it with restock', async () => {
    const h = await mountDetail('marketplace', {
      steps: [...paid, ['request-cancellation', { reason: 'Ordered the wrong size' }, true]],
    });
    const { el } = h;
    expect(statusOf(el)).to.equal('To Cancel');
    expect(text(root(el).querySelector('[part~="requests"]'))).to.contain('Ordered the wrong size');
    expect(shownActions(el)).to.have.members(['approve-cancellation', 'decline-cancellation']);
    const d = await openDialog(el, 'approve-cancellation');
    expect(text(d.querySelector('[part~="note"]'))).to.contain('Ordered the wrong size');
    await check(el, '#f-restock', true);
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Cancelled');
    const after = await settled(h, 4);
    expect(after.cancellation?.status).to.equal('approved');
    expect(text(root(el).querySelector('[part~="requests"]'))).to.contain('Approved');
  });

  it('declines a buyer’s cancellation request: the order goes back to where it was', async () => {
    const h = await mountDetail('marketplace', {
      steps: [...paid, ['request-cancellation', { reason: 'Too slow' }, true]],
    });
    await openDialog(h.el, 'decline-cancellation');
    await fill(h.el, 'reason', 'Already packed');
    await submitDialog(h.el);
    expect(statusOf(h.el)).to.equal('New Order');
    await settled(h, 4);
  });
});

describe('<order-detail> online-store lifecycle', () => {
  afterEach(closeAll);

  const paid = [['payment-received', { method: 'card' }, true]] as const;

  it('marks shipped with the required courier and tracking ID (the customer is notified), then delivered', async () => {
    const h = await mountDetail('online-store', { steps: paid });
    const { el } = h;
    expect(statusOf(el)).to.equal('Paid');
    await openDialog(el, 'mark-shipped');
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.true; // courier and tracking number are required
    expect(shipmentForm(el).querySelector('#courier')?.getAttribute('aria-invalid')).to.equal('true');
    expect(h.spy.count('runAction')).to.equal(0);
    await fillShipment(el, 'courier', 'jnt');
    await fillShipment(el, 'trackingNumber', 'JT0001');
    await fillShipment(el, 'trackingUrl', 'https://jet.example.com/JT0001');
    await submitDialog(el);
    expect(dialogOpen(el)).to.be.false;
    expect(statusOf(el)).to.equal('Shipped');
    await settled(h, 3);
    expect(text(root(el).querySelector('[part~="timeline"]'))).to.contain('JT0001');
    expect(text(root(el).querySelector('[part~="timeline"]'))).to.contain('Customer notified');
    await openDialog(el, 'mark-delivered');
    await check(el, '#f-notify', false);
    await submitDialog(el);
    await settled(h, 4);
    expect(statusOf(el)).to.equal('Delivered');
  });

  it('cancels a paid order, then refunds it: Cancelled stays, payment becomes Refunded', async () => {
    const h = await mountDetail('online-store', { steps: paid });
    const { el } = h;
    await openDialog(el, 'cancel');
    await fill(el, 'reason', 'Out of stock at the warehouse');
    await submitDialog(el);
    expect(statusOf(el)).to.equal('Cancelled');
    await settled(h, 3);
    await openDialog(el, 'refund');
    await fill(el, 'reason', 'Cancelled');
    await submitDialog(el);
    expect(badgeText(el, 'payment-badge')).to.equal('Refunded');
    await settled(h, 4);
    expect(statusOf(el)).to.equal('Cancelled');
    expect(dlg(el).querySelector('dialog')?.open).to.be.false;
  });
});
