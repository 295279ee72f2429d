/**
 * "After this": the order as the action would leave it, from a dry run of the workflow engine on the
 * current order with the form's input — status, totals, amount due, payment and fulfilment status.
 * Rows show only what changes, plus the totals a stock or refund form is about.
 */
import { uiStrings } from '../../i18n/messages.js';
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../i18n/format.js';
import type { Money } from '../../model/money.js';
import type { Order } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { fulfilmentStage } from '../../model/derive.js';
import { fulfilmentStageLabel, paymentStatusLabel, statusLabel } from '../shared/order-labels.js';
import type { DialogShape } from './shape.js';

interface Row {
  readonly key: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  readonly strong?: boolean;
}

const money = (m: Money): string => formatMoney(m);

/** The rows of the preview for a shape; empty when nothing visible changes. */
export function previewRows(shape: DialogShape, before: Order, after: Order, workflow: WorkflowDefinition): Row[] {
  const rows: Row[] = [];
  const always = (key: string): boolean => {
    switch (shape) {
      case 'stock':
      case 'stock-some':
        return key === 'subtotal' || key === 'total' || key === 'outstanding';
      case 'payment':
        return key === 'outstanding' || key === 'payment';
      case 'refund':
        return key === 'refunded' || key === 'payment';
      case 'expense':
        return key === 'expenses' || key === 'remittance';
      default:
        return false;
    }
  };
  const add = (key: string, label: string, b: string, a: string, strong = false): void => {
    if (b !== a || always(key)) rows.push({ key, label, before: b, after: a, strong });
  };
  add('status', uiStrings.status(), statusLabel(workflow, before.status), statusLabel(workflow, after.status), true);
  const t0 = before.totals;
  const t1 = after.totals;
  add('subtotal', msg('Subtotal'), money(t0.subtotal), money(t1.subtotal));
  add('total', uiStrings.total(), money(t0.total), money(t1.total), true);
  add('paid', msg('Paid', { id: 'amount.paid', desc: 'Money received on the order' }), money(t0.paid), money(t1.paid));
  add('refunded', msg('Refunded', { id: 'amount.refunded', desc: 'Money given back on the order' }), money(t0.refunded), money(t1.refunded));
  add('outstanding', msg('Amount due'), money(t0.outstanding), money(t1.outstanding), true);
  // Remittance only matters where expenses are kept (the cash-on-delivery workflows).
  if (t1.expenses.amount > 0 || workflow.actions.some((a) => a.operation === 'record-expense')) {
    add('expenses', msg('Expenses'), money(t0.expenses), money(t1.expenses));
    add('remittance', msg('Expected remittance'), money(t0.expectedRemittance), money(t1.expectedRemittance));
  }
  add('payment', msg('Payment', { id: 'preview.payment-status', desc: 'Payment status of an order, in a summary' }), paymentStatusLabel(before.paymentStatus), paymentStatusLabel(after.paymentStatus));
  add(
    'fulfillment',
    msg('Fulfilment', { id: 'preview.fulfilment-status', desc: 'Fulfilment status of an order, in a summary' }),
    fulfilmentStageLabel(fulfilmentStage(before)),
    fulfilmentStageLabel(fulfilmentStage(after)),
  );
  return rows;
}

export function renderPreview(
  shape: DialogShape,
  before: Order,
  after: Order | undefined,
  workflow: WorkflowDefinition,
): TemplateResult | typeof nothing {
  if (!after) return nothing;
  const rows = previewRows(shape, before, after, workflow);
  if (rows.length === 0) return nothing;
  return html`<section class="preview" part="preview" aria-labelledby="preview-title">
    <h3 id="preview-title" part="preview-title">${msg('After this')}</h3>
    <dl>
      ${rows.map(
        (r) => html`<div class="row ${r.strong ? 'strong' : ''}" data-row=${r.key}>
          <dt>${r.label}</dt>
          <dd>
            ${r.before === r.after
              ? html`<span class="after">${r.after}</span>`
              : html`<s class="before"><span class="sr-only">${msg('was')} </span>${r.before}</s>
                  <span aria-hidden="true">→</span>
                  <span class="after"><span class="sr-only">${msg('becomes')} </span>${r.after}</span>`}
          </dd>
        </div>`,
      )}
    </dl>
  </section>`;
}
