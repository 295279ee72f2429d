/**
 * Failed actions on this order, from the store's error list: what kind of failure (refused by the
 * workflow, conflict, forbidden, network…), a Retry where the store offers one, and for a conflict
 * what changed in the meantime, with "Reload and redo".
 */
import { uiStrings } from '../../../i18n/messages.js';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Order } from '../../../model/types.js';
import type { ActionInput } from '../../../model/workflow/types.js';
import type { StoreError } from '../../../state/types.js';
import { actionLabel, errorKindLabel, personName, statusLabel, timelineKindLabel } from '../../shared/order-labels.js';
import { when, type DetailContext } from './context.js';

/** What the person was doing when an action failed: kept to redo it after a conflict. */
export interface Intent {
  readonly action: string;
  readonly input: ActionInput;
  /** The order as the person saw it when they acted. */
  readonly base: Order;
  /** The dialog's form state, to show the same form again. */
  readonly draft?: unknown;
}

export interface ProblemHandlers {
  readonly intentOf: (error: StoreError) => Intent | undefined;
  readonly canRedo: (action: string) => boolean;
  readonly retry: (error: StoreError) => void;
  readonly dismiss: (error: StoreError) => void;
  readonly redo: (error: StoreError, intent: Intent) => void;
}

function conflict(ctx: DetailContext, e: StoreError, h: ProblemHandlers): TemplateResult {
  const { workflow } = ctx;
  const intent = h.intentOf(e);
  const current = e.error.current && e.error.current.version >= ctx.order.version ? e.error.current : ctx.order;
  const base = intent?.base;
  const known = new Set(base?.timeline.map((t) => t.id) ?? []);
  const changes = current.timeline.filter((t) => !known.has(t.id)).slice(-3).reverse();
  const latest = changes[0] ?? current.timeline[current.timeline.length - 1];
  const label = e.action ? actionLabel(workflow, e.action) : '';
  return html`<div class="problem conflict" part="error conflict" role="alert" data-error=${e.error.code}>
    <p class="problem-title"><strong>${errorKindLabel('conflict')}</strong>${label ? html` · ${label}` : nothing}</p>
    <p>${msg('The order changed after you opened it, so nothing was saved. This is what changed:')}</p>
    <dl class="pairs" part="conflict-changes">
      ${base && base.status !== current.status
        ? html`<div><dt>${uiStrings.status()}</dt><dd>${statusLabel(workflow, base.status)} → <strong>${statusLabel(workflow, current.status)}</strong></dd></div>`
        : nothing}
      <div><dt>${msg('Version')}</dt><dd>${base ? html`${base.version} → ` : nothing}<strong>${current.version}</strong></dd></div>
      <div>
        <dt>${msg('Updated')}</dt>
        <dd>${when(ctx, current.updatedAt)}${latest ? html` · ${msg(str`by ${personName(latest.actor)}`)}` : nothing}</dd>
      </div>
    </dl>
    ${changes.length
      ? html`<ul class="changes" part="conflict-entries">
          ${changes.map(
            (t) => html`<li>
              <strong>${t.action ? actionLabel(workflow, t.action) : timelineKindLabel(t.kind)}</strong>
              ${t.to !== undefined ? html` → ${statusLabel(workflow, t.to)}` : nothing}
              <span class="muted small">· ${personName(t.actor)} · ${when(ctx, t.at)}</span>
              ${t.message ? html`<div class="small">${t.message}</div>` : nothing}
            </li>`,
          )}
        </ul>`
      : nothing}
    <div class="problem-actions">
      ${intent && h.canRedo(intent.action)
        ? html`<button type="button" part="button redo-button" class="primary" @click=${() => h.redo(e, intent)}>
            ${msg('Reload and redo')}
          </button>`
        : intent
          ? html`<p class="small">${msg(str`“${actionLabel(workflow, intent.action)}” is no longer possible: the order is now ${statusLabel(workflow, current.status)}.`)}</p>`
          : nothing}
      <button type="button" part="button dismiss-button" @click=${() => h.dismiss(e)}>${msg('Dismiss')}</button>
    </div>
  </div>`;
}

function failure(ctx: DetailContext, e: StoreError, h: ProblemHandlers): TemplateResult {
  const label = e.action ? actionLabel(ctx.workflow, e.action) : '';
  const retry = e.retry;
  return html`<div class="problem" part="error" role="alert" data-error=${e.error.code}>
    <p class="problem-title"><strong>${errorKindLabel(e.error.code)}</strong>${label ? html` · ${label}` : nothing}</p>
    <p>${e.error.message}</p>
    ${e.error.code !== 'network' && e.error.code !== 'unavailable' && e.error.code !== 'rate-limited' && e.error.code !== 'aborted'
      ? nothing
      : html`<p class="small">${msg('Nothing was changed. Retrying sends the same request again and never applies it twice.')}</p>`}
    <div class="problem-actions">
      ${retry
        ? html`<button type="button" part="button retry-button" class="primary" @click=${() => h.retry(e)}>
            ${msg('Retry', { desc: 'Button: try a failed request again' })}
          </button>`
        : nothing}
      <button type="button" part="button dismiss-button" @click=${() => h.dismiss(e)}>${msg('Dismiss')}</button>
    </div>
  </div>`;
}

export function renderProblems(ctx: DetailContext, errors: readonly StoreError[], h: ProblemHandlers): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  return html`<div class="problems" part="errors">
    ${errors.map((e) => (e.error.code === 'conflict' ? conflict(ctx, e, h) : failure(ctx, e, h)))}
  </div>`;
}
