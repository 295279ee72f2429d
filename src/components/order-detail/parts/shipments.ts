/**
 * Shipments: courier, tracking number (copyable), tracking link only for http(s) URLs, status, the
 * lines in it, schedule, self-delivery agent, air waybill, and the courier's event history.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Shipment } from '../../../model/types.js';
import { COLLECTED_COURIER } from '../../../model/derive.js';
import { courierLabel, shipmentStatusLabel, shipmentStatusTone } from '../../shared/order-labels.js';
import { httpUrl } from '../../shared/safe-links.js';
import { badge, when, type DetailContext } from './context.js';

function tracking(ctx: DetailContext, s: Shipment): TemplateResult | typeof nothing {
  const link = httpUrl(s.trackingUrl);
  if (!s.trackingNumber && !s.trackingUrl) return nothing;
  return html`${s.trackingNumber
      ? html`<div>
          <dt>${msg('Tracking number')}</dt>
          <dd>
            <span class="mono" part="tracking-number">${s.trackingNumber}</span>
            <button
              type="button"
              class="copy"
              part="copy-button"
              aria-label=${msg('Copy tracking number')}
              @click=${() => ctx.copy(s.trackingNumber ?? '', msg('Tracking number'))}
            >
              ${msg('Copy')}
            </button>
          </dd>
        </div>`
      : nothing}
    ${s.trackingUrl
      ? html`<div>
          <dt>${msg('Tracking')}</dt>
          <dd>
            ${link
              ? html`<a href=${link} target="_blank" rel="noopener noreferrer" part="link tracking-link"
                  >${msg('Track the parcel')}<span class="sr-only"> ${msg('(opens in a new tab)')}</span></a
                >`
              : html`<span class="mono" part="tracking-text">${s.trackingUrl}</span>`}
          </dd>
        </div>`
      : nothing}`;
}

function shipment(ctx: DetailContext, s: Shipment, index: number): TemplateResult {
  const names = new Map(ctx.order.lines.map((l) => [l.id, l.name]));
  const events = [...s.events].reverse();
  const headingId = `h-shipment-${index}`;
  return html`<article class="shipment" part="shipment" aria-labelledby=${headingId} data-shipment=${s.id}>
    <div class="shipment-head">
      <h4 id=${headingId}>${courierLabel(s.courier)}</h4>
      ${badge(
        s.courier.code === COLLECTED_COURIER && s.status === 'delivered'
          ? msg('Collected', { desc: 'Shipment status of an in-store sale: the customer took the items' })
          : shipmentStatusLabel(s.status),
        shipmentStatusTone(s.status),
        'shipment-status',
        msg('Shipment status:'),
      )}
      ${ctx.openShipment
        ? html`<button type="button" class="copy" part="shipment-details-button" aria-describedby=${headingId} @click=${() => ctx.openShipment?.(s.id)}>
            ${msg('Details', { desc: 'Button: open a shipment’s details' })}
          </button>`
        : nothing}
    </div>
    <dl class="pairs">
      ${tracking(ctx, s)}
      ${s.airWaybill ? html`<div><dt>${msg('Air waybill')}</dt><dd class="mono">${s.airWaybill}</dd></div>` : nothing}
      ${s.selfDeliveryAgent ? html`<div><dt>${msg('Delivered by')}</dt><dd>${s.selfDeliveryAgent.name}</dd></div>` : nothing}
      ${s.scheduledAt ? html`<div><dt>${msg('Scheduled')}</dt><dd>${when(ctx, s.scheduledAt)}</dd></div>` : nothing}
      <div>
        <dt>${msg('Items', { id: 'ledger.items', desc: 'Which lines and quantities' })}</dt>
        <dd>${s.lines.map((l, i) => html`${i ? ', ' : ''}${names.get(l.lineId) ?? l.lineId} ×${l.quantity}`)}</dd>
      </div>
    </dl>
    ${events.length
      ? html`<details class="events" part="shipment-events" ?open=${index === 0}>
          <summary>${msg(str`Courier history (${events.length})`)}</summary>
          <ol>
            ${events.map(
              (e) => html`<li part="shipment-event">
                <span class="event-status">${shipmentStatusLabel(e.status)}</span>
                <span class="muted small">${when(ctx, e.at)}</span>
                ${e.note ? html`<div class="small">${e.note}</div>` : nothing}
              </li>`,
            )}
          </ol>
        </details>`
      : nothing}
  </article>`;
}

export function renderShipments(ctx: DetailContext): TemplateResult {
  const shipments = [...ctx.order.shipments].reverse();
  return html`<section class="card" part="section shipments" aria-labelledby="h-shipments">
    <h3 id="h-shipments">${msg('Shipments')}</h3>
    ${shipments.length === 0
      ? html`<p class="muted empty" part="empty">${msg('Nothing shipped yet.')}</p>`
      : shipments.map((s, i) => shipment(ctx, s, i))}
  </section>`;
}
