/**
 * Rule: status words tell the truth, in the detail header. The header never repeats a word (status
 * "Paid" and payment "Paid" show once), a marketplace order in To Ship and a confirm-first order
 * whose courier is searched for read Unfulfilled, an in-store sale reads Collected in store, and a
 * super-admin is not offered Restore on an order that is not deleted.
 */
import { expect } from '@open-wc/testing';
import { setLocale } from '../../../src/i18n/localize.js';
import { badgeText, closeAll, mountDetail, root, shownActions, superAdmin, text } from './helpers.js';

const badges = (el: Element): string[] =>
  [...root(el as never).querySelectorAll('[part~="badges"] [part~="badge"]')].map((b) => {
    const clone = b.cloneNode(true) as HTMLElement;
    clone.querySelector('.sr-only')?.remove();
    return text(clone);
  });

describe('<order-detail> header words', () => {
  afterEach(async () => {
    await closeAll();
    await setLocale('en');
  });

  it('online-store, paid: "Paid" once, then Unfulfilled — in English and Indonesian', async () => {
    const h = await mountDetail('online-store', { steps: [['record-payment', { method: 'card' }]] });
    expect(h.order.status).to.equal('paid');
    expect(badges(h.el)).to.deep.equal(['Paid', 'Unfulfilled']);
    expect(root(h.el).querySelector('[part~="payment-badge"]')).to.equal(null);
    await expect(h.el).to.be.accessible();
    await setLocale('id');
    await h.el.updateComplete;
    expect(badges(h.el)).to.deep.equal(['Dibayar', 'Belum dipenuhi']);
  });

  it('marketplace To Ship reads Unfulfilled; confirm-first reads Unfulfilled while the courier is searched for', async () => {
    const mp = await mountDetail('marketplace', {
      draft: { channel: 'shopee' },
      steps: [['payment-received', { method: 'marketplace' }, true], ['pack'], ['to-ship']],
    });
    expect(mp.order.status).to.equal('to-ship');
    expect(badgeText(mp.el, 'fulfillment-badge')).to.equal('Unfulfilled');
    await closeAll();
    const cf = await mountDetail('confirm-first', { steps: [['accept-all'], ['mark-paid', { method: 'bank-transfer' }], ['book-courier']] });
    expect(cf.order.status).to.equal('searching-courier');
    expect(badgeText(cf.el, 'fulfillment-badge')).to.equal('Unfulfilled');
  });

  it('an in-store sale reads Collected in store, in the header and on its shipment', async () => {
    const h = await mountDetail('online-store', { draft: { channel: 'pos' }, steps: [['record-payment', { method: 'cash' }], ['mark-completed']] });
    expect(badgeText(h.el, 'fulfillment-badge')).to.equal('Collected in store');
    const shipment = text(root(h.el).querySelector('[part~="shipment"]'));
    expect(shipment).to.contain('Collected in store').and.not.to.contain('Own delivery agent');
  });

  it('cod-delivery: a super-admin is offered Delete, not Restore, on a live order', async () => {
    const h = await mountDetail('cod-delivery', { viewer: superAdmin });
    expect(shownActions(h.el)).not.to.include('restore');
    await closeAll();
    const deleted = await mountDetail('cod-delivery', { viewer: superAdmin, steps: [['delete']] });
    expect(shownActions(deleted.el)).to.deep.equal(['restore']);
  });
});
