/**
 * Making orders: from a draft (manual order, import, seeding) to a complete, derived `Order`.
 */
import { recompute } from './derive.js';
import { zero } from './money.js';
import { said, englishText } from './timeline-text.js';
import type { LineItem, Order, OrderDraft, Payment, Person, TimelineEvent, Viewer } from './types.js';
import { SYSTEM_ACTOR } from './workflow/engine.js';
import type { WorkflowDefinition } from './workflow/types.js';

export interface NewOrderContext {
  readonly id: string;
  /** Used when the draft carries no number. */
  readonly number: string;
  readonly now: string;
  readonly actor: Viewer | Person;
  readonly newId: (prefix: string) => string;
  /** Overrides the workflow's initial status (seeding, import of historical orders). */
  readonly status?: string;
}

export function newOrder(workflow: WorkflowDefinition, draft: OrderDraft, ctx: NewOrderContext): Order {
  const c = draft.currency;
  const lines: LineItem[] = draft.lines.map((l) => ({
    id: ctx.newId('line'),
    sku: l.sku,
    name: l.name,
    ...(l.variant !== undefined && { variant: l.variant }),
    ...(l.imageUrl !== undefined && { imageUrl: l.imageUrl }),
    unitPrice: l.unitPrice,
    discount: l.discount ?? zero(c),
    quantity: { ordered: l.quantity, rejected: 0, fulfilled: 0, shipped: 0, delivered: 0, returned: 0, refunded: 0 },
  }));
  const actor: Person = { id: ctx.actor.id, name: ctx.actor.name };
  const timeline: TimelineEvent[] = [];
  const payments: Payment[] = [];
  const paidNow = draft.initialPayment;
  if (paidNow && paidNow.amount.amount > 0) {
    payments.push({
      id: ctx.newId('pay'),
      method: paidNow.method,
      amount: paidNow.amount,
      status: 'succeeded',
      ...(paidNow.reference && { reference: paidNow.reference }),
      at: ctx.now,
      by: actor,
    });
  }
  let status = ctx.status ?? workflow.initial;
  timeline.push({ id: ctx.newId('evt'), at: ctx.now, actor, kind: 'created', to: status });
  if (payments[0]) {
    const template = said('payment.received', { method: payments[0].method, ...(paidNow?.reference && { reference: paidNow.reference }) });
    timeline.push({ id: ctx.newId('evt'), at: ctx.now, actor, kind: 'payment', message: englishText(template), template });
  }
  const built = recompute({
    id: ctx.id,
    number: draft.number ?? ctx.number,
    channel: draft.channel,
    storeId: draft.storeId,
    customer: draft.customer,
    ...(draft.shippingAddress && { shippingAddress: draft.shippingAddress }),
    ...(draft.billingAddress && { billingAddress: draft.billingAddress }),
    currency: c,
    lines,
    discount: draft.discount ?? zero(c),
    deliveryFee: draft.deliveryFee ?? zero(c),
    tax: draft.tax ?? zero(c),
    ...(draft.paymentMethod && { paymentMethod: draft.paymentMethod }),
    payments,
    refunds: [],
    shipments: [],
    expenses: [],
    assignees: draft.assignees ?? {},
    tags: draft.tags ?? [],
    ...(draft.note !== undefined && { note: draft.note }),
    messages: [],
    ...(draft.scheduledAt && { scheduledAt: draft.scheduledAt }),
    archived: false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
    status,
    timeline,
  });
  // Paid in full at creation: the workflow's "fully paid" automation moves it on, as a payment would.
  if (payments.length && built.paymentStatus === 'paid' && ctx.status === undefined) {
    const rule = workflow.automations.find((a) => a.on === 'fully-paid' && (!a.from || a.from.includes(status)));
    if (rule && rule.to !== status) {
      const from = status;
      status = rule.to;
      return { ...built, status, timeline: [...timeline, { id: ctx.newId('evt'), at: ctx.now, actor: SYSTEM_ACTOR, kind: 'status', from, to: status }] };
    }
  }
  return built;
}
