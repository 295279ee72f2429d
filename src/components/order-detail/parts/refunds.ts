/** Refunds and expenses: two small ledgers. */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { formatMoney } from '../../../i18n/format.js';
import { personName } from '../../shared/order-labels.js';
import { when, type DetailContext } from './context.js';

export function renderRefunds(ctx: DetailContext): TemplateResult {
  const names = new Map(ctx.order.lines.map((l) => [l.id, l.name]));
  return html`<section class="card" part="section refunds" aria-labelledby="h-refunds">
    <h3 id="h-refunds">${msg('Refunds')}</h3>
    <div class="table-wrap">
      <table part="ledger" aria-labelledby="h-refunds">
        <thead>
          <tr>
            <th scope="col">${msg('Date', { id: 'ledger.date', desc: 'Column header: when it happened' })}</th>
            <th scope="col" class="num">${msg('Amount')}</th>
            <th scope="col">${msg('Reason')}</th>
            <th scope="col">${msg('Items', { id: 'ledger.items', desc: 'Which lines and quantities' })}</th>
            <th scope="col">${msg('By')}</th>
          </tr>
        </thead>
        <tbody>
          ${ctx.order.refunds.map(
            (r) => html`<tr part="ledger-row">
              <td>${when(ctx, r.at)}</td>
              <td class="num">${formatMoney(r.amount)}</td>
              <td>${r.reason}${r.restock ? html` <span class="chip">${msg('restocked')}</span>` : ''}</td>
              <td>${r.lines.length ? r.lines.map((l, i) => html`${i ? ', ' : ''}${names.get(l.lineId) ?? l.lineId} ×${l.quantity}`) : '—'}</td>
              <td>${personName(r.by)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

export function renderExpenses(ctx: DetailContext): TemplateResult {
  const expenses = ctx.order.expenses;
  return html`<section class="card" part="section expenses" aria-labelledby="h-expenses">
    <h3 id="h-expenses">${msg('Expenses')}</h3>
    ${expenses.length === 0
      ? html`<p class="muted empty" part="empty">${msg('No expenses recorded.')}</p>`
      : html`<div class="table-wrap">
          <table part="ledger" aria-labelledby="h-expenses">
            <thead>
              <tr>
                <th scope="col">${msg('Date', { id: 'ledger.date', desc: 'Column header: when it happened' })}</th>
                <th scope="col">${msg('What for')}</th>
                <th scope="col" class="num">${msg('Amount')}</th>
                <th scope="col">${msg('By')}</th>
              </tr>
            </thead>
            <tbody>
              ${expenses.map(
                (e) => html`<tr part="ledger-row">
                  <td>${when(ctx, e.at)}</td>
                  <td>${e.label}</td>
                  <td class="num">${formatMoney(e.amount)}</td>
                  <td>${personName(e.by)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
}
