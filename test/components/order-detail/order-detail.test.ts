import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OrderApiError, type WriteOptions } from '../../../src/api/types.js';
import { OrderDetail } from '../../../src/components/order-detail/define.js';
import type { OrderActionEvent, OrderActionRequestEvent } from '../../../src/components/order-detail/order-detail.js';
import { formatMoney } from '../../../src/i18n/format.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { money } from '../../../src/model/money.js';
import { availableActions } from '../../../src/model/workflow/engine.js';
import type { Order } from '../../../src/model/types.js';
import {
  actionButton,
  admin,
  badgeText,
  closeAll,
  deepActive,
  dialogOf,
  dialogOpen,
  dlg,
  eventually,
  fill,
  idr,
  mountDetail,
  openDialog,
  root,
  settled,
  shownActions,
  staff,
  statusOf,
  submitDialog,
  superAdmin,
  text,
  totalOf,
  visible,
} from './helpers.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const acceptAll = [['accept-all']] as const;

describe('<order-detail>', () => {
  afterEach(closeAll);

  it('is registered and shows the order: header, badges, tags, customer links, lines with counters, money', async () => {
    expect(customElements.get('order-detail')).to.equal(OrderDetail);
    const h = await mountDetail('confirm-first', {
      steps: [['accept-some', { lines: [{ lineId: 'line_ord_t1_2', accepted: 0 }] }]],
    });
    const { el } = h;
    expect(text(root(el).querySelector('[part~="title"]'))).to.equal(`Order ${h.order.number}`);
    expect(statusOf(el)).to.equal('Awaiting payment');
    expect(badgeText(el, 'payment-badge')).to.equal('Unpaid');
    expect(badgeText(el, 'fulfillment-badge')).to.equal('Unfulfilled');
    const meta = text(root(el).querySelector('[part~="meta"]'));
    expect(meta).to.contain('Online store').and.to.contain('Kopi Senja Jakarta');
    expect(text(root(el).querySelector('[part~="tags"]'))).to.equal('vip');

    const tel = root(el).querySelector('[part~="contact"] a[href^="tel:"]');
    expect(tel?.getAttribute('href')).to.equal('tel:+6281234567890');
    expect(root(el).querySelector('[part~="contact"] a[href^="mailto:"]')?.getAttribute('href')).to.equal('mailto:ayu@example.co.id');
    expect(text(root(el).querySelector('address'))).to.contain('Jl. Kemang Raya 12').and.to.contain('Indonesia');

    const rows = root(el).querySelectorAll('[part~="line"]');
    expect(rows).to.have.length(3);
    const img = rows[0]?.querySelector('img');
    expect(img?.getAttribute('src')).to.equal('https://img.example.com/kopi.png');
    expect(img?.getAttribute('loading')).to.equal('lazy');
    expect(img?.getAttribute('alt')).to.equal('Kopi Gayo 250 g');
    expect(text(rows[0])).to.contain('Whole bean').and.to.contain('KOP-250').and.to.contain('2 ordered');
    expect(rows[0]?.querySelectorAll('[part~="counter"]')).to.have.length(0); // no zero counters
    expect(rows[1]?.getAttribute('part')).to.contain('rejected-line');
    expect(text(rows[1]?.querySelector('[part~="counter-rejected"]'))).to.equal('1 out of stock');

    expect(totalOf(el, 'subtotal')).to.equal(idr(375000));
    expect(totalOf(el, 'delivery-fee')).to.equal(idr(20000));
    expect(totalOf(el, 'total')).to.equal(idr(395000));
    expect(totalOf(el, 'outstanding')).to.equal(idr(395000));
    expect(root(el).querySelector('[data-total="expected-remittance"]')).to.equal(null); // not a COD workflow
    expect(text(root(el).querySelector('[part~="timeline"]'))).to.contain('Out of stock: Mug Enamel ×1');
    await expect(el).to.be.accessible();
  });

  it('renders hostile order data as inert text: no markup, no javascript: links or images', async () => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
    const h = await mountDetail('payment-fulfillment', {
      draft: {
        customer: { name: HOSTILE, phone: 'javascript:alert(1)', email: 'x@y.z" onmouseover="alert(1)' },
        note: '<b>bold</b> <a href="javascript:alert(1)">click</a>',
        tags: ['<script>alert(1)</script>'],
      },
      steps: [['create-shipment', { courier: { code: 'other', name: HOSTILE }, trackingNumber: '<i>TRK</i>' }]],
      transform: (o: Order): Order => ({
        ...o,
        lines: o.lines.map((l, i) => (i === 0 ? { ...l, name: HOSTILE, imageUrl: 'javascript:alert(1)' } : l)),
        shipments: o.shipments.map((s) => ({ ...s, trackingUrl: 'javascript:alert(1)' })),
      }),
    });
    const { el } = h;
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const shadow = root(el);
    expect(shadow.querySelector('img[src="x"]')).to.equal(null);
    expect(shadow.querySelector('script')).to.equal(null);
    expect(shadow.querySelector('b')).to.equal(null);
    expect(text(shadow.querySelector('[part~="customer-name"]'))).to.equal(HOSTILE);
    expect(text(shadow.querySelector('[part~="line-name"]'))).to.equal(HOSTILE);
    expect(shadow.querySelector('[part~="line"] img')).to.equal(null); // javascript: image is not rendered
    for (const a of shadow.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').to.match(/^(https?:|tel:|mailto:)/);
    expect(shadow.querySelector('[part~="tracking-link"]')).to.equal(null);
    expect(text(shadow.querySelector('[part~="tracking-text"]'))).to.equal('javascript:alert(1)');
    expect(text(shadow.querySelector('[part~="shipment"] h4'))).to.equal(HOSTILE);
    expect(shadow.querySelector('[part~="contact"] a[href^="mailto:"]')).to.equal(null);
    expect(text(shadow.querySelector('[part~="order-note"]'))).to.contain('<b>bold</b>');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state, then the order; a missing order is "not found"; a failed load offers Retry', async () => {
    const held = await mountDetail('confirm-first', { holdLoad: true });
    expect(held.el.shadowRoot?.querySelector('[part~="loading"]')?.getAttribute('role')).to.equal('status');
    held.releaseLoad();
    await eventually(() => !!held.el.shadowRoot?.querySelector('[part~="header"]'));

    const missing = await mountDetail('confirm-first', { openId: 'ord_missing' });
    await eventually(() => !!missing.el.shadowRoot?.querySelector('[part~="error-state"]'));
    expect(text(missing.el.shadowRoot?.querySelector('[part~="error-state"] h2'))).to.equal('Order not found');
    await expect(missing.el).to.be.accessible();

    const failing = await mountDetail('confirm-first', {
      failLoad: new OrderApiError({ code: 'network', message: 'The network is down.' }),
    });
    await eventually(() => !!failing.el.shadowRoot?.querySelector('[part~="error-state"]'));
    const state = failing.el.shadowRoot?.querySelector('[part~="error-state"]');
    expect(text(state)).to.contain('The order could not be loaded').and.to.contain('Network problem');
    state?.querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
    await eventually(() => !!failing.el.shadowRoot?.querySelector('[part~="header"]'));
    expect(statusOf(failing.el)).to.equal('New order');
  });

  it('offers exactly the actions the workflow allows this viewer now, and refuses the store of another staff member', async () => {
    const steps = [['accept-all'], ['payment-received', { method: 'e-wallet' }, true], ['cancel', { reason: 'x' }]] as const;
    const asAdmin = await mountDetail('confirm-first', { steps });
    const order = await asAdmin.api.getOrder(asAdmin.order.id);
    const expected = (v: typeof admin) => availableActions(asAdmin.workflow, order, v).filter((a) => a.operation !== 'add-note' && a.operation !== 'record-print').map((a) => a.key);
    expect(shownActions(asAdmin.el)).to.have.members(expected(admin));
    expect(shownActions(asAdmin.el)).to.include('refund');
    expect(actionButton(asAdmin.el, 'refund').getAttribute('part')).to.contain('destructive');

    const asStaff = await mountDetail('confirm-first', { steps, viewer: staff });
    expect(expected(staff)).not.to.include('refund'); // staff may not refund
    expect(shownActions(asStaff.el)).to.have.members(expected(staff));
    expect(root(asStaff.el).querySelector('[part~="note-form"]')).to.exist; // staff may add notes

    const elsewhere = await mountDetail('confirm-first', { viewer: staff, draft: { storeId: 'st_sby' } });
    await eventually(() => !!elsewhere.el.shadowRoot?.querySelector('[part~="error-state"]'));
    expect(text(elsewhere.el.shadowRoot?.querySelector('[part~="error-state"] h2'))).to.equal('You cannot open this order');
  });

  it('fires order-action-request before acting (a veto sends nothing) and order-action after success', async () => {
    const h = await mountDetail('confirm-first');
    const { el } = h;
    const veto = (e: OrderActionRequestEvent) => e.preventDefault();
    el.addEventListener('order-action-request', veto);
    const requested = oneEvent(el, 'order-action-request') as Promise<OrderActionRequestEvent>;
    actionButton(el, 'accept-all').click();
    const request = await requested;
    expect(request.detail).to.deep.equal({ orderId: h.order.id, action: 'accept-all', input: {} });
    expect(request.cancelable && request.bubbles && request.composed).to.be.true;
    await el.updateComplete;
    expect(h.spy.count('runAction')).to.equal(0);
    expect(statusOf(el)).to.equal('New order');

    el.removeEventListener('order-action-request', veto);
    const done = oneEvent(el, 'order-action') as Promise<OrderActionEvent>;
    actionButton(el, 'accept-all').click();
    const event = await done;
    expect(event.detail.orderId).to.equal(h.order.id);
    expect(event.detail.action).to.equal('accept-all');
    expect(event.detail.order.status).to.equal('awaiting-payment');
    expect(event.bubbles && event.composed).to.be.true;
    expect(h.spy.count('runAction')).to.equal(1);
  });

  it('a failing adapter: the change shows at once, rolls back exactly, says why, and Retry sends the same intent', async () => {
    const h = await mountDetail('confirm-first');
    const { el } = h;
    const gate = h.spy.gate();
    actionButton(el, 'accept-all').click();
    await gate.entered;
    await el.updateComplete;
    expect(statusOf(el)).to.equal('Awaiting payment'); // optimistic
    expect(text(root(el).querySelector('[part~="busy"]'))).to.equal('Saving…');
    gate.fail(new OrderApiError({ code: 'network', message: 'Failed to fetch' }));
    await eventually(() => !!root(el).querySelector('[part~="error"]'));
    expect(statusOf(el)).to.equal('New order'); // rolled back
    expect(shownActions(el)).to.include('accept-all');
    const card = root(el).querySelector('[part~="error"]');
    expect(card?.getAttribute('role')).to.equal('alert');
    expect(visible(card)).to.contain('Network problem').and.to.contain('All in stock').and.to.contain('Failed to fetch');
    await expect(el).to.be.accessible();

    card?.querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
    const stored = await settled(h, 2);
    expect(stored.status).to.equal('awaiting-payment');
    expect(statusOf(el)).to.equal('Awaiting payment');
    expect(root(el).querySelector('[part~="error"]')).to.equal(null);
    const keys = h.spy.calls.runAction.map((c) => (c[1] as WriteOptions).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]); // one intent, one key
  });

  it('a refusal about a field from the backend re-opens the dialog with the message next to the field', async () => {
    const h = await mountDetail('confirm-first', { steps: acceptAll });
    const { el } = h;
    await openDialog(el, 'mark-paid');
    await fill(el, 'reference', 'R-1');
    const gate = h.spy.gate();
    await submitDialog(el);
    await gate.entered;
    gate.fail(
      new OrderApiError({
        code: 'invalid-input',
        message: 'reference is not a known transfer.',
        fields: [{ field: 'reference', message: 'reference is not a known transfer.' }],
        refusal: { code: 'invalid-field', message: 'reference is not a known transfer.', field: 'reference' },
      }),
    );
    await eventually(() => dialogOpen(el));
    await dialogOf(el).updateComplete;
    const d = dlg(el);
    expect(d.querySelector<HTMLInputElement>('#f-reference')?.value).to.equal('R-1');
    expect(d.querySelector('#f-reference')?.getAttribute('aria-invalid')).to.equal('true');
    expect(text(d.querySelector('#err-reference'))).to.equal('reference is not a known transfer.');
    expect(root(el).querySelector('[part~="error"]')).to.equal(null); // shown in the dialog instead
    expect(statusOf(el)).to.equal('Awaiting payment');
  });

  it('a stale version shows the conflict (what changed, by whom) and "Reload and redo" reopens the dialog with the input kept', async () => {
    const h = await mountDetail('confirm-first', { steps: acceptAll });
    const { el } = h;
    await openDialog(el, 'mark-paid');
    await fill(el, 'reference', 'TRX-1');
    // Someone else changes the order; this store does not hear of it yet.
    h.spy.pauseEvents();
    const other = await h.other(superAdmin);
    await other.runAction(
      { orderId: h.order.id, action: 'add-note', input: { text: 'Customer called about the address' }, expectedVersion: 2 },
      { idempotencyKey: 'other-note' },
    );
    await submitDialog(el);
    await eventually(() => !!root(el).querySelector('[part~="conflict"]'));
    const card = root(el).querySelector('[part~="conflict"]');
    expect(visible(card)).to.contain('Changed by someone else');
    expect(visible(card?.querySelector('[part~="conflict-changes"]'))).to.contain('2 → 3').and.to.contain('by Sari Super');
    expect(visible(card?.querySelector('[part~="conflict-entries"]'))).to.contain('Customer called about the address');
    expect(statusOf(el)).to.equal('Awaiting payment'); // nothing overwritten
    await expect(el).to.be.accessible();
    h.spy.resumeEvents();

    card?.querySelector<HTMLButtonElement>('[part~="redo-button"]')?.click();
    await eventually(() => dialogOpen(el));
    await dialogOf(el).updateComplete;
    const d = dlg(el);
    expect(d.querySelector<HTMLInputElement>('#f-reference')?.value).to.equal('TRX-1');
    expect(text(d.querySelector('[part~="form-error"]'))).to.contain('The order changed');
    await submitDialog(el);
    const stored = await settled(h, 4);
    expect(stored.status).to.equal('ready-to-process');
    expect(stored.payments[0]?.reference).to.equal('TRX-1');
    expect(root(el).querySelector('[part~="conflict"]')).to.equal(null);
  });

  it('adds a note from the timeline (the workflow’s add-note action); an empty note is refused next to the field', async () => {
    const h = await mountDetail('marketplace');
    const { el } = h;
    const form = root(el).querySelector('[part~="note-form"]') as HTMLFormElement;
    form.requestSubmit();
    await el.updateComplete;
    const area = root(el).querySelector<HTMLTextAreaElement>('#note-text');
    expect(area?.getAttribute('aria-invalid')).to.equal('true');
    expect(area?.getAttribute('aria-describedby')).to.equal('note-error');
    expect(h.spy.count('runAction')).to.equal(0);
    area!.value = 'Wrap it as a gift';
    area!.dispatchEvent(new Event('input'));
    form.requestSubmit();
    await settled(h, 2);
    const first = root(el).querySelector('[part~="timeline-entry"]');
    expect(text(first)).to.contain('Note').and.to.contain('Wrap it as a gift').and.to.contain('Ayu Admin');
    expect(area?.value).to.equal('');
  });

  it('copies contact details, and says so when the clipboard is not available', async () => {
    const h = await mountDetail('online-store');
    const { el } = h;
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (t: string) => (copied.push(t), Promise.resolve()) },
    });
    try {
      root(el).querySelector<HTMLButtonElement>('[aria-label="Copy phone number"]')?.click();
      await eventually(() => text(root(el).querySelector('[part~="announcement"]')) === 'Phone number copied.');
      expect(copied).to.deep.equal(['+62 812-3456-7890']);
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
      root(el).querySelector<HTMLButtonElement>('[aria-label="Copy e-mail address"]')?.click();
      await eventually(() => text(root(el).querySelector('[part~="announcement"]')).startsWith('Copying failed'));
    } finally {
      delete (navigator as unknown as { clipboard?: unknown }).clipboard;
    }
  });

  it('Escape closes a dialog without acting and gives focus back to the button that opened it', async () => {
    const h = await mountDetail('confirm-first', { steps: acceptAll });
    const { el } = h;
    const button = actionButton(el, 'mark-paid');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => dialogOpen(el));
    expect(deepActive()?.id).to.equal('f-method');
    await sendKeys({ press: 'Escape' });
    await eventually(() => !dialogOpen(el));
    await el.updateComplete;
    expect(deepActive()).to.equal(button);
    expect(h.spy.count('runAction')).to.equal(0);
  });

  it('moves actions beyond max-actions into a keyboard menu (arrows, Home/End, Escape back to the button)', async () => {
    const h = await mountDetail('online-store', { steps: [['payment-received', { method: 'card' }, true]], maxActions: 1 });
    const { el } = h;
    const inline = [...root(el).querySelectorAll('[part~="actions"] > [data-action]')].map((b) => b.getAttribute('data-action'));
    expect(inline).to.deep.equal(['mark-processing']);
    const more = root(el).querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    const items = [...root(el).querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.dataset['action'])).to.deep.equal(['mark-ready-for-pickup', 'mark-shipped', 'mark-completed', 'cancel', 'refund']);
    expect(deepActive()).to.equal(items[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(items[1]);
    await sendKeys({ press: 'End' });
    expect(deepActive()).to.equal(items[4]);
    expect(items[4]?.getAttribute('part')).to.contain('destructive');
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActive()).to.equal(items[0]); // wraps
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(deepActive()).to.equal(more);

    // A menu item's dialog gives focus back to the menu button.
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(deepActive()).to.equal(items[4]);
    await sendKeys({ press: 'Enter' });
    await eventually(() => dialogOpen(el));
    expect(dialogOf(el).actionKey).to.equal('refund');
    await sendKeys({ press: 'Escape' });
    await eventually(() => !dialogOpen(el));
    await el.updateComplete;
    expect(deepActive()).to.equal(more);
  });

  it('completes confirm-first from new to "Finding a courier" with the keyboard alone', async () => {
    const h = await mountDetail('confirm-first');
    const { el } = h;
    const heading = root(el).querySelector<HTMLElement>('[part~="title"]')!;
    heading.focus(); // where a host's router puts focus when it opens the detail
    const tabTo = async (match: (e: Element | null) => boolean, limit = 15): Promise<void> => {
      for (let i = 0; i < limit && !match(deepActive()); i++) await sendKeys({ press: 'Tab' });
      expect(match(deepActive()), `focus reached: ${deepActive()?.outerHTML.slice(0, 80)}`).to.be.true;
    };
    const action = (key: string) => (e: Element | null) => e?.getAttribute('data-action') === key;

    await tabTo(action('accept-all'));
    await sendKeys({ press: 'Enter' });
    await settled(h, 2);
    expect(statusOf(el)).to.equal('Awaiting payment');
    expect(deepActive()).to.equal(heading); // the pressed button is gone; focus stays in the detail

    await tabTo(action('mark-paid'));
    await sendKeys({ press: 'Enter' });
    await eventually(() => dialogOpen(el));
    await tabTo((e) => e?.id === 'f-reference');
    await sendKeys({ type: 'KB-1' });
    await sendKeys({ press: 'Enter' }); // submits the form
    await settled(h, 3);
    expect(statusOf(el)).to.equal('Ready to process');
    expect(deepActive()).to.equal(heading);

    await tabTo(action('book-courier'));
    await sendKeys({ press: 'Enter' });
    await eventually(() => dialogOpen(el));
    await tabTo((e) => e?.getAttribute('part')?.includes('submit') === true);
    await sendKeys({ press: 'Enter' });
    const stored = await settled(h, 4);
    expect(stored.status).to.equal('searching-courier');
    expect(stored.payments[0]?.reference).to.equal('KB-1');
    expect(statusOf(el)).to.equal('Finding a courier');
  });

  it('speaks Indonesian: workflow labels, money in the id-ID format, amounts typed with a decimal comma', async () => {
    await setLocale('id');
    try {
      const h = await mountDetail('payment-fulfillment', {
        draft: { storeId: 'st_kul', currency: 'MYR', paymentMethod: 'cod', lines: [{ sku: 'A', name: 'Rattan', unitPrice: money(4590, 'MYR'), quantity: 2 }], deliveryFee: money(800, 'MYR') },
      });
      const { el } = h;
      expect(text(root(el).querySelector('[part~="title"]'))).to.equal(`Pesanan ${h.order.number}`);
      expect(statusOf(el)).to.equal('Terbuka');
      expect(badgeText(el, 'payment-badge')).to.equal('Belum dibayar');
      expect(totalOf(el, 'total')).to.equal(formatMoney(money(9980, 'MYR'), 'id').replace(/\s+/g, ' '));
      expect(totalOf(el, 'total')).to.contain('99,80');
      expect(visible(actionButton(el, 'mark-paid'))).to.equal('Tandai sudah dibayar');
      const d = await openDialog(el, 'mark-paid');
      expect(d.querySelector<HTMLInputElement>('#f-amount')?.value).to.equal('99,80');
      expect(d.querySelector<HTMLSelectElement>('#f-method')?.selectedOptions[0]?.textContent?.trim()).to.equal('Bayar di tempat (COD)');
      await fill(el, 'amount', '50,5');
      await submitDialog(el);
      const stored = await settled(h, 2);
      expect(stored.payments[0]?.amount).to.deep.equal(money(5050, 'MYR'));
      expect(badgeText(el, 'payment-badge')).to.equal('Dibayar sebagian');
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });

  it('fits a narrow container: one column, lines as a list, the money before the timeline', async () => {
    const h = await mountDetail('confirm-first');
    const { el } = h;
    expect(root(el).querySelector('table[part~="lines"]')).to.exist;
    const box = document.createElement('div');
    box.style.width = '360px';
    document.body.append(box);
    try {
      box.append(el); // a side panel, a phone
      await eventually(() => !!root(el).querySelector('ul[part~="lines"]'));
      const sections = [...root(el).querySelectorAll('[part~="section"]')].map((s) => s.getAttribute('part'));
      expect(sections.indexOf('section totals-section')).to.be.lessThan(sections.indexOf('section timeline-section'));
      expect(root(el).querySelectorAll('li[part~="line"]')).to.have.length(3);
      expect(text(root(el).querySelector('li[part~="line"]'))).to.contain('Kopi Gayo 250 g').and.to.contain(idr(240000));
      expect(statusOf(el)).to.equal('New order');
      await expect(el).to.be.accessible();
      document.body.append(el);
      await eventually(() => !!root(el).querySelector('table[part~="lines"]'));
    } finally {
      box.remove();
      el.remove();
    }
  });

  it('warns and falls back on a bad max-actions value; works with a store from <order-provider>', async () => {
    const h = await mountDetail('confirm-first');
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      h.el.setAttribute('max-actions', 'lots');
      await h.el.updateComplete;
      expect(h.el.maxActions).to.equal(3);
      expect(String(warnings[0])).to.contain('max-actions');
    } finally {
      console.warn = warn;
    }
    await import('../../../src/components/order-provider/define.js');
    const wrapper = await fixture(html`<order-provider .store=${h.store}>
      <order-detail order-id=${h.order.id}></order-detail>
    </order-provider>`);
    const inner = wrapper.querySelector('order-detail') as OrderDetail;
    await eventually(() => statusOf(inner) === 'New order');
  });
});

