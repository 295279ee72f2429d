/** The order's header: number, channel, shop, dates, workflow / payment / fulfilment badges, tags. */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { resolveText } from '../../../i18n/text.js';
import {
  channelLabel,
  fulfilmentStageLabel,
  fulfilmentStageTone,
  paymentStatusLabel,
  paymentStatusTone,
  statusDef,
} from '../../shared/order-labels.js';
import { fulfilmentStage } from '../../../model/derive.js';
import type { Order } from '../../../model/types.js';
import type { Tone } from '../../../model/workflow/types.js';
import { badge, when, type DetailContext } from './context.js';

/**
 * Status, payment and fulfilment badges, never the same word twice: when the workflow status already
 * says what the payment or fulfilment state says (status `paid` and payment paid, status `delivered`
 * and everything delivered — by key, so in every language — or the same text), that badge is left out.
 */
function headerBadges(status: string, tone: Tone, order: Order): TemplateResult[] {
  const stage = fulfilmentStage(order);
  const badges: [string, string, Tone, string, string][] = [
    [order.status, status, tone, 'status-badge', msg('Status:')],
    [order.paymentStatus, paymentStatusLabel(order.paymentStatus), paymentStatusTone(order.paymentStatus), 'payment-badge', msg('Payment:')],
    [stage, fulfilmentStageLabel(stage), fulfilmentStageTone(stage), 'fulfillment-badge', msg('Fulfilment:')],
  ];
  const seen = new Set<string>();
  const out: TemplateResult[] = [];
  for (const [key, text, t, part, label] of badges) {
    const word = `text:${text.trim().toLocaleLowerCase()}`;
    if (seen.has(key) || seen.has(word)) continue;
    seen.add(key).add(word);
    out.push(badge(text, t, part, label));
  }
  return out;
}

export function renderHeader(ctx: DetailContext, actions: TemplateResult | typeof nothing): TemplateResult {
  const { order, workflow } = ctx;
  const def = statusDef(workflow, order.status);
  const shopName = ctx.shop?.name ?? order.storeId;
  return html`<div class="header" part="header">
    <div class="title-row">
      <h2 part="title" tabindex="-1">${msg(str`Order ${order.number}`)}</h2>
      <div class="badges" part="badges">
        ${headerBadges(def ? resolveText(def.label) : order.status, def?.tone ?? 'neutral', order)}
        ${order.archived ? badge(msg('Archived'), 'neutral', 'archived-badge') : nothing}
        ${order.deletedAt ? badge(msg('Deleted'), 'danger', 'deleted-badge') : nothing}
      </div>
    </div>
    ${def?.description ? html`<p class="status-description" part="status-description">${resolveText(def.description)}</p>` : nothing}
    <dl class="meta" part="meta">
      <div><dt>${msg('Channel', { id: 'meta.channel', desc: 'Where the order came from' })}</dt><dd>${channelLabel(order.channel)}</dd></div>
      <div><dt>${msg('Store', { desc: 'A shop or outlet of the merchant' })}</dt><dd>${shopName}</dd></div>
      <div><dt>${msg('Created', { id: 'meta.created', desc: 'When the order was placed' })}</dt><dd>${when(ctx, order.createdAt)}</dd></div>
      <div><dt>${msg('Updated')}</dt><dd>${when(ctx, order.updatedAt)}</dd></div>
      ${order.scheduledAt ? html`<div><dt>${msg('Scheduled')}</dt><dd>${when(ctx, order.scheduledAt)}</dd></div>` : nothing}
    </dl>
    ${order.tags.length
      ? html`<ul class="tags" part="tags" aria-label=${msg('Tags')}>
          ${order.tags.map((t) => html`<li part="tag">${t}</li>`)}
        </ul>`
      : nothing}
    ${actions}
  </div>`;
}
