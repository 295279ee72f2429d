/**
 * What every part of `<order-detail>` renders from: the order, its workflow, the shop it belongs to,
 * and small formatting helpers bound to the shop's time zone. Private to `<order-detail>`.
 */
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatDateTime } from '../../../i18n/format.js';
import type { Order, Store } from '../../../model/types.js';
import type { Tone, WorkflowDefinition } from '../../../model/workflow/types.js';
import { toneColor } from '../../shared/tokens.js';

export interface DetailContext {
  readonly order: Order;
  readonly workflow: WorkflowDefinition;
  /** The shop the order belongs to, when the host told us its name and time zone. */
  readonly shop: Store | undefined;
  /** The view's one IANA time zone (the store's `timeZone$`): every date in the detail is shown in it. */
  readonly timeZone: string;
  /** Copies text to the clipboard and says whether it worked (for the copy buttons). */
  readonly copy: (text: string, what: string) => void;
  /** Opens `<shipment-detail>` on one of the order's shipments, when the host offers it. */
  readonly openShipment?: (shipmentId: string) => void;
}

/** A date and time in the view's time zone, which its tooltip names. */
export function when(ctx: DetailContext, at: string): TemplateResult {
  return html`<time datetime=${at} title=${ctx.timeZone}>${formatDateTime(at, { timeZone: ctx.timeZone })}</time>`;
}

/** A badge in a workflow tone; `label` is read before the text by screen readers ("Payment: Paid"). */
export function badge(text: string, tone: Tone, part: string, label?: string): TemplateResult {
  return html`<span class="badge" part=${`badge ${part}`} style=${styleMap({ '--_tone': toneColor[tone] ?? 'var(--_text-muted)' })}
    >${label ? html`<span class="sr-only">${label} </span>` : ''}${text}</span
  >`;
}
