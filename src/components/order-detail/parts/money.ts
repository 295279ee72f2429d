/** The financial breakdown, all from `order.totals`, formatted in the order's currency and the locale. */
import { uiStrings } from '../../../i18n/messages.js';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../../i18n/format.js';
import type { Money } from '../../../model/money.js';
import type { DetailContext } from './context.js';

interface Row {
  readonly key: string;
  readonly label: string;
  readonly value: Money;
  readonly negative?: boolean;
  readonly strong?: boolean;
}

export function renderMoney(ctx: DetailContext): TemplateResult {
  const { order, workflow } = ctx;
  const t = order.totals;
  const showRemittance =
    t.expenses.amount > 0 || workflow.actions.some((a) => a.operation === 'record-expense');
  const rows: Row[] = [
    { key: 'subtotal', label: msg('Subtotal'), value: t.subtotal },
    { key: 'discount', label: msg('Discount'), value: t.discount, negative: true },
    { key: 'delivery-fee', label: msg('Delivery fee'), value: t.deliveryFee },
    { key: 'tax', label: msg('Tax'), value: t.tax },
    { key: 'total', label: uiStrings.total(), value: t.total, strong: true },
    { key: 'paid', label: msg('Paid', { id: 'amount.paid', desc: 'Money received on the order' }), value: t.paid },
    { key: 'refunded', label: msg('Refunded', { id: 'amount.refunded', desc: 'Money given back on the order' }), value: t.refunded, negative: true },
    { key: 'outstanding', label: msg('Amount due'), value: t.outstanding, strong: true },
  ];
  const remittance: Row[] = showRemittance
    ? [
        { key: 'expenses', label: msg('Expenses'), value: t.expenses, negative: true },
        { key: 'expected-remittance', label: msg('Expected remittance'), value: t.expectedRemittance, strong: true },
      ]
    : [];
  const row = (r: Row): TemplateResult => html`<div
    class="row ${r.strong ? 'strong' : ''} ${r.key === 'outstanding' && r.value.amount > 0 ? 'due' : ''} ${r.key === 'expenses' || r.key === 'paid' ? 'sep' : ''}"
    part=${`total-row total-${r.key}`}
    data-total=${r.key}
  >
    <dt>${r.label}</dt>
    <dd>${r.negative && r.value.amount > 0 ? '−' : ''}${formatMoney(r.value)}</dd>
  </div>`;
  return html`<section class="card" part="section totals-section" aria-labelledby="h-totals">
    <h3 id="h-totals">${msg('Payment summary')}</h3>
    <dl class="totals" part="totals">
      ${rows.map(row)}
      ${remittance.map(row)}
    </dl>
    ${showRemittance
      ? html`<p class="muted small">${msg('Expected remittance is the total minus expenses: what the delivery agent hands over.')}</p>`
      : nothing}
  </section>`;
}
