/** The order's lines: image, name, variant, SKU, quantity counters, unit price and line total. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../../../i18n/format.js';
import { lineTotal } from '../../../model/derive.js';
import type { LineItem, LineQuantities } from '../../../model/types.js';
import { httpUrl } from '../../shared/safe-links.js';
import type { DetailContext } from './context.js';

/**
 * The counters worth showing beside "ordered": the non-zero ones, in lifecycle order. Cancelling
 * rejects every unit still open, so on a cancelled order the rejected units read as cancelled, not
 * as out of stock.
 */
function extras(q: LineQuantities, cancelled: boolean): { key: keyof LineQuantities; text: string }[] {
  const rejected = (n: number): string =>
    cancelled
      ? msg(str`${n} cancelled`, { desc: 'Line counter: units of a cancelled order' })
      : msg(str`${n} out of stock`, { desc: 'Line counter: units rejected at stock confirmation' });
  const all: { key: keyof LineQuantities; n: number; text: (n: number) => string }[] = [
    { key: 'rejected', n: q.rejected, text: rejected },
    { key: 'shipped', n: q.shipped, text: (n) => msg(str`${n} shipped`, { desc: 'Line counter' }) },
    { key: 'delivered', n: q.delivered, text: (n) => msg(str`${n} delivered`, { desc: 'Line counter' }) },
    { key: 'returned', n: q.returned, text: (n) => msg(str`${n} returned`, { desc: 'Line counter' }) },
    { key: 'refunded', n: q.refunded, text: (n) => msg(str`${n} refunded`, { desc: 'Line counter' }) },
  ];
  return all.filter((c) => c.n > 0).map((c) => ({ key: c.key, text: c.text(c.n) }));
}

function image(line: LineItem): TemplateResult {
  const src = httpUrl(line.imageUrl);
  return src
    ? html`<img part="line-image" src=${src} alt=${line.name} loading="lazy" decoding="async" width="48" height="48" />`
    : html`<span class="no-image" part="line-image" aria-hidden="true"></span>`;
}

function itemCell(line: LineItem): TemplateResult {
  return html`<div class="item">
    ${image(line)}
    <div>
      <div class="line-name" part="line-name">${line.name}</div>
      <div class="muted small">
        ${line.variant ? html`<span part="line-variant">${line.variant}</span> · ` : nothing}
        <span part="line-sku">${msg('SKU')} ${line.sku}</span>
      </div>
    </div>
  </div>`;
}

function quantities(line: LineItem, cancelled: boolean): TemplateResult {
  const q = line.quantity;
  return html`<span class="qty" part="line-quantity">${msg(str`${q.ordered} ordered`, { desc: 'Line counter' })}</span>
    ${extras(q, cancelled).map((e) => html` <span class="chip" part=${`counter counter-${e.key}`}>${e.text}</span>`)}`;
}

function unitPrice(line: LineItem): TemplateResult {
  return html`${formatMoney(line.unitPrice)}
  ${line.discount.amount > 0 ? html`<div class="muted small">${msg(str`−${formatMoney(line.discount)} discount`)}</div>` : nothing}`;
}

const linePart = (line: LineItem): string => (line.quantity.rejected >= line.quantity.ordered ? 'line rejected-line' : 'line');

/** The lines as a table, or (`narrow`) as a list of small cards that fit a phone. */
export function renderLines(ctx: DetailContext, narrow = false): TemplateResult {
  const lines = ctx.order.lines;
  const cancelled = ctx.workflow.statuses.find((st) => st.key === ctx.order.status)?.category === 'cancelled';
  return html`<section class="card" part="section lines-section" aria-labelledby="h-lines">
    <h3 id="h-lines">${msg(str`Items (${lines.length})`)}</h3>
    ${narrow
      ? html`<ul class="line-list" part="lines" aria-labelledby="h-lines">
          ${lines.map(
            (line) => html`<li part=${linePart(line)} data-line=${line.id}>
              ${itemCell(line)}
              <div class="line-figures">
                <div>${quantities(line, cancelled)}</div>
                <div class="num">
                  <span class="muted small">${unitPrice(line)}</span>
                  <strong part="line-total">${formatMoney(lineTotal(line))}</strong>
                </div>
              </div>
            </li>`,
          )}
        </ul>`
      : html`<div class="table-wrap">
          <table part="lines" aria-labelledby="h-lines">
            <thead>
              <tr>
                <th scope="col">${msg('Item')}</th>
                <th scope="col">${msg('Quantity')}</th>
                <th scope="col" class="num">${msg('Unit price')}</th>
                <th scope="col" class="num">${msg('Line total')}</th>
              </tr>
            </thead>
            <tbody>
              ${lines.map(
                (line) => html`<tr part=${linePart(line)} data-line=${line.id}>
                  <td>${itemCell(line)}</td>
                  <td>${quantities(line, cancelled)}</td>
                  <td class="num">${unitPrice(line)}</td>
                  <td class="num" part="line-total">${formatMoney(lineTotal(line))}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
  </section>`;
}
