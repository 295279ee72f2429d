import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { OrderActionDialog } from '../../../src/components/order-action-dialog/define.js';
import type { ActionSubmitEvent, DialogCloseEvent } from '../../../src/components/order-action-dialog/order-action-dialog.js';
import { formatMoneyInput, parseMoneyInput } from '../../../src/components/order-action-dialog/money-input.js';
import { money } from '../../../src/model/money.js';
import { getPreset } from '../../../src/model/presets/index.js';
import { admin, buildOrder, draft, people } from '../order-detail/helpers.js';

const confirmFirst = getPreset('confirm-first');
const cod = getPreset('cod-delivery');

async function mount(actionKey: string, workflow = confirmFirst, steps: Parameters<typeof buildOrder>[2] = []) {
  const order = buildOrder(workflow, draft(), steps);
  const el = await fixture<OrderActionDialog>(html`<order-action-dialog
    .order=${order}
    .workflow=${workflow}
    .viewer=${admin}
    .people=${people}
    action-key=${actionKey}
  ></order-action-dialog>`);
  return { el, order, shadow: el.shadowRoot as ShadowRoot };
}

function set(shadow: ShadowRoot, selector: string, value: string | boolean): void {
  const field = shadow.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
  else field.value = value;
  const type = field instanceof HTMLSelectElement || typeof value === 'boolean' ? 'change' : 'input';
  field.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
}

describe('money typed in a dialog', () => {
  it('is parsed exactly in the locale’s own notation, never through a float', () => {
    expect(parseMoneyInput('1,234.50', 'MYR', 'en')).to.deep.equal(money(123450, 'MYR'));
    expect(parseMoneyInput('1.234,50', 'MYR', 'id-ID')).to.deep.equal(money(123450, 'MYR'));
    expect(parseMoneyInput('150.000', 'IDR', 'id-ID')).to.deep.equal(money(150000, 'IDR'));
    expect(parseMoneyInput(' 0.10 ', 'MYR', 'en')).to.deep.equal(money(10, 'MYR'));
    expect(parseMoneyInput('0.1', 'MYR', 'en')?.amount).to.equal(10);
    expect(parseMoneyInput('12.50', 'MYR', 'id-ID')).to.equal(undefined); // not read as 1250
    expect(parseMoneyInput('12.345', 'MYR', 'en')).to.equal(undefined); // too many decimals
    expect(parseMoneyInput('1,2,3', 'MYR', 'en')).to.equal(undefined);
    expect(parseMoneyInput('abc', 'IDR', 'en')).to.equal(undefined);
    expect(parseMoneyInput('', 'IDR', 'en')).to.equal(undefined);
    expect(formatMoneyInput(money(17230, 'MYR'), 'en')).to.equal('172.30');
    expect(formatMoneyInput(money(17230, 'MYR'), 'id-ID')).to.equal('172,30');
    expect(formatMoneyInput(money(480000, 'IDR'), 'id-ID')).to.equal('480000');
  });
});

describe('<order-action-dialog>', () => {
  it('is registered, closed until shown, and warns instead of opening an unknown action', async () => {
    expect(customElements.get('order-action-dialog')).to.equal(OrderActionDialog);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...a: unknown[]) => warnings.push(a[0]);
    try {
      const { el, shadow } = await mount('no-such-action');
      expect(shadow.querySelector('dialog')?.open).to.be.false;
      await el.show();
      expect(el.open).to.be.false;
    } finally {
      console.warn = warn;
    }
    expect(warnings.join(' ')).to.contain('no-such-action');
  });

  it('refund by items: quantities are capped, the amount and new payment status show before submitting', async () => {
    const { el, order, shadow } = await mount('refund', getPreset('online-store'), [['payment-received', { method: 'card' }, true]]);
    await el.show();
    expect(shadow.querySelector('dialog')?.open).to.be.true;
    expect(shadow.querySelector('[part~="submit"]')?.getAttribute('part')).to.contain('danger');
    set(shadow, '#f-mode-lines', true);
    await el.updateComplete;
    const kopi = order.lines[0]!;
    set(shadow, `#on-${kopi.id}`, true);
    await el.updateComplete;
    const more = shadow.querySelector<HTMLButtonElement>(`[aria-label="One more: ${kopi.name}"]`);
    expect(more?.disabled).to.be.true; // already at the 2 refundable units
    shadow.querySelector<HTMLButtonElement>(`[aria-label="One fewer: ${kopi.name}"]`)?.click();
    await el.updateComplete;
    set(shadow, '#f-reason', 'One bag arrived torn');
    await el.updateComplete;
    const after = (row: string) => shadow.querySelector(`.preview [data-row="${row}"] .after`)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(after('payment')).to.equal('becomes Partially refunded');
    const submitted = oneEvent(el, 'action-submit') as Promise<ActionSubmitEvent>;
    const closed = oneEvent(el, 'dialog-close') as Promise<DialogCloseEvent>;
    shadow.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    const event = await submitted;
    expect(event.detail).to.deep.equal({
      orderId: order.id,
      action: 'refund',
      input: { lines: [{ lineId: kopi.id, quantity: 1 }], reason: 'One bag arrived torn', restock: false },
    });
    expect((await closed).detail).to.deep.equal({ action: 'refund', submitted: true });
    expect(el.open).to.be.false;
  });

  it('assigns someone typed by name when they are not in the list, and refuses an empty name', async () => {
    const { el, shadow } = await mount('assign-csr', cod);
    await el.show();
    const options = [...(shadow.querySelector<HTMLSelectElement>('#f-csr')?.options ?? [])].map((o) => o.textContent?.trim());
    expect(options).to.include.members(['Nobody', 'Dewi CSR', 'Joko Rider', 'Ayu Admin (me)', 'Someone else…']);
    set(shadow, '#f-csr', '__other__');
    await el.updateComplete;
    shadow.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    await el.updateComplete;
    expect(shadow.querySelector('#f-csr')?.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow.querySelector('#err-csr')?.textContent).to.equal('Type the person’s name.');
    set(shadow, '#f-csrName', 'Rina Wati');
    await el.updateComplete;
    const submitted = oneEvent(el, 'action-submit') as Promise<ActionSubmitEvent>;
    shadow.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    expect((await submitted).detail.input).to.deep.equal({ csr: { id: 'name:rina wati', name: 'Rina Wati' } });
  });

  it('a host can keep the dialog open with preventDefault on action-submit', async () => {
    const { el, shadow } = await mount('mark-paid', confirmFirst, [['accept-all']]);
    await el.show();
    el.addEventListener('action-submit', (e) => e.preventDefault(), { once: true });
    shadow.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    await el.updateComplete;
    expect(el.open).to.be.true;
    el.close();
  });

  it('a payment above what is due is refused next to the amount, with the limit in the message', async () => {
    const { el, shadow } = await mount('mark-paid', confirmFirst, [['accept-all']]);
    await el.show();
    set(shadow, '#f-amount', '500000');
    await el.updateComplete;
    shadow.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    await el.updateComplete;
    const amount = shadow.querySelector('#f-amount');
    expect(amount?.getAttribute('aria-invalid')).to.equal('true');
    expect(amount?.getAttribute('aria-describedby')).to.contain('err-amount');
    expect(shadow.querySelector('#err-amount')?.textContent?.replace(/\s+/g, ' ')).to.equal('That is more than the IDR 480,000 allowed.');
    set(shadow, '#f-amount', '12,5,0');
    await el.updateComplete;
    shadow.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
    await el.updateComplete;
    expect(shadow.querySelector('#err-amount')?.textContent).to.contain('Enter an amount as digits');
    await expect(el).to.be.accessible();
    el.close();
  });

  it('Escape closes it (dialog-close, not submitted) and focus returns to where it was', async () => {
    const { el } = await mount('cancel');
    const outside = document.createElement('button');
    outside.textContent = 'Open';
    document.body.append(outside);
    outside.focus();
    try {
      await el.show();
      expect(el.shadowRoot?.activeElement?.id).to.equal('f-reason');
      const closed = oneEvent(el, 'dialog-close') as Promise<DialogCloseEvent>;
      await sendKeys({ press: 'Escape' });
      expect((await closed).detail).to.deep.equal({ action: 'cancel', submitted: false });
      expect(document.activeElement).to.equal(outside);
    } finally {
      outside.remove();
    }
  });
});
