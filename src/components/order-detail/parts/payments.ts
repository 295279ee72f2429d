/** The payments ledger: when, method, amount, status, reference, who recorded it. */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formatMoney } from '../../../i18n/format.js';
import type { PaymentEntryStatus } from '../../../model/types.js';
import { paymentMethodLabel, personName } from '../../shared/order-labels.js';
import { badge, when, type DetailContext } from './context.js';

function entryStatus(status: PaymentEntryStatus): TemplateResult {
  switch (status) {
    case 'succeeded':
      return badge(msg('Received', { desc: 'Payment entry status' }), 'success', 'payment-status');
    case 'pending':
      return badge(msg('Pending', { desc: 'Payment entry status' }), 'attention', 'payment-status');
    default:
      return badge(msg('Failed', { id: 'payment-entry.failed', desc: 'Payment entry status' }), 'danger', 'payment-status');
  }
}

export function renderPayments(ctx: DetailContext): TemplateResult {
  const payments = ctx.order.payments;
  return html`<section class="card" part="section payments" aria-labelledby="h-payments">
    <h3 id="h-payments">${msg('Payments')}</h3>
    ${payments.length === 0
      ? html`<p class="muted empty" part="empty">${msg('No payments recorded yet.')}</p>`
      : html`<div class="table-wrap">
          <table part="ledger" aria-labelledby="h-payments">
            <thead>
              <tr>
                <th scope="col">${msg('Date', { id: 'ledger.date', desc: 'Column header: when it happened' })}</th>
                <th scope="col">${msg('Method')}</th>
                <th scope="col" class="num">${msg('Amount')}</th>
                <th scope="col">${msg('Status', { id: 'ledger.status', desc: 'Column header: payment entry status' })}</th>
                <th scope="col">${msg('Reference')}</th>
                <th scope="col">${msg('By')}</th>
              </tr>
            </thead>
            <tbody>
              ${payments.map(
                (p) => html`<tr part="ledger-row">
                  <td>${when(ctx, p.at)}</td>
                  <td>${paymentMethodLabel(p.method)}</td>
                  <td class="num">${formatMoney(p.amount)}</td>
                  <td>${entryStatus(p.status)}</td>
                  <td>${p.reference ?? '—'}</td>
                  <td>${personName(p.by)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
}
