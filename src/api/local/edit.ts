/**
 * Editing an order after creation (`updateOrder`): applies a validated patch of editable fields, keeps
 * line ids where a line is still the same product, recomputes derived fields, bumps the version and
 * appends an `edit` timeline event. Pure: the caller gives the clock and id source.
 */
import { recompute } from '../../model/derive.js';
import { zero } from '../../model/money.js';
import type { LineItem, Order, OrderDraft, Person, TimelineEvent, Viewer } from '../../model/types.js';
import { SYSTEM_ACTOR } from '../../model/workflow/engine.js';
import type { OrderApiErrorData, OrderPatch } from '../types.js';

export interface EditContext {
  readonly viewer: Viewer;
  readonly now: string;
  readonly newId: (prefix: string) => string;
}

export type EditResult =
  | { readonly ok: true; readonly order: Order; readonly changed: readonly string[] }
  | { readonly ok: false; readonly error: OrderApiErrorData };

const OPTIONAL = new Set(['shippingAddress', 'billingAddress', 'paymentMethod', 'note', 'scheduledAt']);
const ZERO_DEFAULT = new Set(['discount', 'deliveryFee', 'tax']);

/** True when no unit of any line has moved past confirmation (nothing fulfilled, shipped or refunded). */
export function linesEditable(order: Order): boolean {
  return order.lines.every((l) => {
    const q = l.quantity;
    return q.fulfilled === 0 && q.shipped === 0 && q.delivered === 0 && q.returned === 0 && q.refunded === 0;
  });
}

function refused(message: string, field?: string): EditResult {
  return {
    ok: false,
    error: { code: 'refused', message, refusal: { code: 'not-applicable', message, ...(field && { field }) } },
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** New lines from draft lines, reusing the id (and rejected units, capped) of a line with the same product. */
function rebuildLines(order: Order, lines: OrderDraft['lines'], newId: (prefix: string) => string): LineItem[] {
  const unused = [...order.lines];
  return lines.map((l) => {
    const at = unused.findIndex((old) => old.sku === l.sku && old.variant === l.variant);
    const old = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    return {
      id: old?.id ?? newId('line'),
      sku: l.sku,
      name: l.name,
      ...(l.variant !== undefined && { variant: l.variant }),
      ...(l.imageUrl !== undefined && { imageUrl: l.imageUrl }),
      unitPrice: l.unitPrice,
      discount: l.discount ?? zero(order.currency),
      quantity: {
        ordered: l.quantity,
        rejected: Math.min(old?.quantity.rejected ?? 0, l.quantity),
        fulfilled: 0,
        shipped: 0,
        delivered: 0,
        returned: 0,
        refunded: 0,
      },
    };
  });
}

/** The draft-shaped view of an order's lines, to tell whether a patch really changes them. */
function draftLines(order: Order): OrderDraft['lines'] {
  return order.lines.map((l) => ({
    sku: l.sku,
    name: l.name,
    ...(l.variant !== undefined && { variant: l.variant }),
    ...(l.imageUrl !== undefined && { imageUrl: l.imageUrl }),
    unitPrice: l.unitPrice,
    discount: l.discount,
    quantity: l.quantity.ordered,
  }));
}

export function applyPatch(order: Order, patch: OrderPatch, ctx: EditContext): EditResult {
  if (order.deletedAt !== undefined) return refused('This order is deleted; restore it first.');
  const next: Record<string, unknown> = { ...order };
  const changed: string[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof OrderPatch, unknown][]) {
    if (key === 'lines') {
      if (value === undefined) continue;
      const lines = value as OrderDraft['lines'];
      const withDiscounts = lines.map((l) => ({ ...l, discount: l.discount ?? zero(order.currency) }));
      if (sameJson(withDiscounts, draftLines(order))) continue;
      if (!linesEditable(order)) {
        return refused('Lines can no longer be edited: some units are already fulfilled, shipped or refunded.', 'lines');
      }
      next.lines = rebuildLines(order, lines, ctx.newId);
      changed.push(key);
      continue;
    }
    if (value === undefined) {
      if (OPTIONAL.has(key) && order[key] !== undefined) {
        delete next[key];
        changed.push(key);
      } else if (ZERO_DEFAULT.has(key) && (order[key] as { amount: number }).amount !== 0) {
        next[key] = zero(order.currency);
        changed.push(key);
      }
      continue;
    }
    if (sameJson(order[key], value)) continue;
    next[key] = value;
    changed.push(key);
  }
  if (changed.length === 0) return { ok: true, order, changed };

  const actor: Person = { id: ctx.viewer.id, name: ctx.viewer.name };
  const events: TimelineEvent[] = [
    { id: ctx.newId('evt'), at: ctx.now, actor, kind: 'edit', message: `Edited ${changed.join(', ')}` },
  ];
  // Like any workflow change (SEMANTICS.md rule 9): a posted order becomes stale and returns to the active list.
  const posting = order.posting;
  if (posting?.status === 'completed' && !posting.stale) {
    next.posting = { ...posting, stale: true };
    if (order.archived) {
      next.archived = false;
      events.push({
        id: ctx.newId('evt'),
        at: ctx.now,
        actor: SYSTEM_ACTOR,
        kind: 'system',
        message: 'Changed after posting to accounting: back in the active list.',
      });
    }
  }
  next.version = order.version + 1;
  next.updatedAt = ctx.now;
  next.timeline = [...order.timeline, ...events];
  return { ok: true, order: recompute(next as unknown as Order), changed };
}
