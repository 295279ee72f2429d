/** A buyer's cancellation or return request, and what was decided. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { RequestStatus } from '../../../model/types.js';
import type { Tone } from '../../../model/workflow/types.js';
import { badge, when, type DetailContext } from './context.js';

function requestStatus(status: RequestStatus | 'received'): [string, Tone] {
  switch (status) {
    case 'requested':
      return [msg('Waiting for your decision'), 'warning'];
    case 'approved':
      return [msg('Approved'), 'success'];
    case 'declined':
      return [msg('Declined'), 'neutral'];
    default:
      return [msg('Received back'), 'success'];
  }
}

export function renderRequests(ctx: DetailContext): TemplateResult | typeof nothing {
  const { cancellation, returnRequest, cancelReason } = ctx.order;
  if (!cancellation && !returnRequest && !cancelReason) return nothing;
  const names = new Map(ctx.order.lines.map((l) => [l.id, l.name]));
  return html`<section class="card notice" part="section requests" aria-labelledby="h-requests">
    <h3 id="h-requests">${msg('Requests and cancellation')}</h3>
    ${cancellation
      ? html`<div class="request" part="cancellation-request">
          <h4>${msg('Buyer asked to cancel')}</h4>
          ${badge(...requestStatus(cancellation.status), 'request-status')}
          <p>${cancellation.reason}</p>
          <p class="muted small">${when(ctx, cancellation.requestedAt)}</p>
        </div>`
      : nothing}
    ${returnRequest
      ? html`<div class="request" part="return-request">
          <h4>${msg('Buyer asked to return items')}</h4>
          ${badge(...requestStatus(returnRequest.status), 'request-status')}
          <p>${returnRequest.reason}</p>
          <p class="small">${returnRequest.lines.map((l, i) => html`${i ? ', ' : ''}${names.get(l.lineId) ?? l.lineId} ×${l.quantity}`)}</p>
          <p class="muted small">${when(ctx, returnRequest.requestedAt)}</p>
        </div>`
      : nothing}
    ${cancelReason ? html`<p part="cancel-reason"><strong>${msg('Cancelled because:')}</strong> ${cancelReason}</p>` : nothing}
  </section>`;
}
