/** Accounting posting: its state (with "changed since posting") and every attempt. */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { PostingStatus } from '../../../model/types.js';
import type { Tone } from '../../../model/workflow/types.js';
import { postingStatusLabel } from '../../shared/order-labels.js';
import { badge, when, type DetailContext } from './context.js';

const tone = (s: PostingStatus): Tone => (s === 'completed' ? 'success' : s === 'failed' ? 'danger' : 'info');

export function renderPosting(ctx: DetailContext): TemplateResult {
  const posting = ctx.order.posting;
  return html`<section class="card" part="section posting" aria-labelledby="h-posting">
    <h3 id="h-posting">${msg('Accounting')}</h3>
    ${!posting
      ? html`<p class="muted empty" part="empty">${msg('Not posted to accounting yet.')}</p>`
      : html`<p class="posting-state">
            ${badge(postingStatusLabel(posting.status), tone(posting.status), 'posting-status', msg('Posting:'))}
            ${posting.stale ? badge(msg('Changed since posting'), 'warning', 'posting-stale') : nothing}
          </p>
          ${posting.history.length
            ? html`<ol class="history" part="posting-history" aria-label=${msg('Posting history')}>
                ${[...posting.history].reverse().map(
                  (h) => html`<li>
                    <span>${postingStatusLabel(h.status)}</span>
                    <span class="muted small">${when(ctx, h.at)}</span>
                    ${h.reference ? html`<span class="mono small">${h.reference}</span>` : nothing}
                    ${h.error ? html`<div class="small error-text">${h.error}</div>` : nothing}
                  </li>`,
                )}
              </ol>`
            : nothing}`}
  </section>`;
}
