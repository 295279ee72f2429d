/**
 * Editing a placed order: what the workflow lets change in the order's current state
 * (`editableFields`), applying a patch under those rules (`applyEdit`), and the readable diff an edit
 * records on the timeline (`editDiff`). Pure: the caller gives the clock and id source. The local
 * engine (and through it the mock backend) enforces exactly these rules; the form shows them.
 */
import { recompute } from './derive.js';
import { zero, type Money } from './money.js';
import { englishText, said } from './timeline-text.js';
import type { Assignees, LineItem, Order, OrderDraft, Person, TimelineEvent, Viewer } from './types.js';
import { SYSTEM_ACTOR } from './workflow/engine.js';
import type { WorkflowDefinition } from './workflow/types.js';

/** Fields of an order a merchant may edit after creation (004's "Update Order"). */
export type EditableField =
  | 'customer'
  | 'shippingAddress'
  | 'billingAddress'
  | 'lines'
  | 'discount'
  | 'deliveryFee'
  | 'tax'
  | 'paymentMethod'
  | 'assignees'
  | 'tags'
  | 'note'
  | 'scheduledAt';

export const EDITABLE_FIELDS: readonly EditableField[] = [
  'customer', 'shippingAddress', 'billingAddress', 'lines', 'discount', 'deliveryFee', 'tax', 'paymentMethod',
  'assignees', 'tags', 'note', 'scheduledAt',
];

/** A patch of editable fields; a key present with `undefined` clears an optional field. */
export type OrderEdit = Partial<Pick<OrderDraft, Exclude<EditableField, 'assignees'>>> & { readonly assignees?: Assignees };

/**
 * Why something cannot change: `closed` (the status is done or cancelled), `deleted`, `fulfilled`
 * (units of the line are already fulfilled, shipped or refunded; the quantity may not go below them).
 */
export type LockReason = 'closed' | 'deleted' | 'fulfilled';

export interface LineRule {
  /** The fewest units the line may keep; above 0 the line cannot be removed. */
  readonly minQuantity: number;
  /** Units fulfilled, shipped or refunded also fix the product and its price. */
  readonly fixed: boolean;
}

export interface EditRules {
  /** Set when nothing may change, with why. */
  readonly readOnly?: LockReason;
  /** Per line id. */
  readonly lines: Readonly<Record<string, LineRule>>;
}

/** A refused edit, naming the field (`lines[2].quantity`, `customer`). */
export interface EditProblem {
  readonly field: string;
  readonly reason: LockReason;
  readonly message: string;
}

/** One changed field: `from` and `to` are codes or plain values, never sentences (see `EditChange.kind`). */
export interface EditChange {
  /** An editable field, or `line` for one line's quantity. */
  readonly field: EditableField | 'line';
  /**
   * How to show the values: `money` (minor units, currency in `currency`), `method` (a payment method
   * key), `date` (ISO timestamp), `quantity` (a count; 0 = no such line), `text` (as written).
   */
  readonly kind: 'money' | 'method' | 'date' | 'quantity' | 'text';
  readonly from: string;
  readonly to: string;
  /** For `line`: the product (`name · variant`). */
  readonly label?: string;
  readonly currency?: string;
}

/** What the workflow lets change on this order now. */
export function editableFields(order: Order, workflow: WorkflowDefinition): EditRules {
  const lines: Record<string, LineRule> = {};
  for (const l of order.lines) {
    const q = l.quantity;
    const minQuantity = Math.max(q.fulfilled, q.refunded);
    lines[l.id] = { minQuantity, fixed: minQuantity > 0 };
  }
  if (order.deletedAt !== undefined) return { readOnly: 'deleted', lines };
  const category = workflow.statuses.find((s) => s.key === order.status)?.category;
  if (category === 'done' || category === 'cancelled') return { readOnly: 'closed', lines };
  return { lines };
}

const OPTIONAL = new Set<string>(['shippingAddress', 'billingAddress', 'paymentMethod', 'note', 'scheduledAt']);
const ZERO_DEFAULT = new Set<string>(['discount', 'deliveryFee', 'tax']);

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

type DraftLine = OrderDraft['lines'][number];

const lineKey = (l: { readonly sku: string; readonly variant?: string | undefined }): string => `${l.sku}\u0001${l.variant ?? ''}`;

/** The draft-shaped view of an order's lines, to tell whether a patch really changes them. */
export function draftLines(order: Order): DraftLine[] {
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

/**
 * Matches patch lines to the order's lines by product (SKU and variant, first unused match), then
 * checks the line rules. Returns the new lines, or the problems.
 */
function rebuildLines(
  order: Order,
  rules: EditRules,
  lines: readonly DraftLine[],
  newId: (prefix: string) => string,
): { lines: LineItem[] } | { problems: EditProblem[] } {
  const unused = [...order.lines];
  const problems: EditProblem[] = [];
  const out = lines.map((l, i): LineItem => {
    const at = unused.findIndex((old) => lineKey(old) === lineKey(l));
    const old = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    const rule = old ? rules.lines[old.id] : undefined;
    if (old && rule?.fixed) {
      if (l.quantity < rule.minQuantity) {
        problems.push({
          field: `lines[${i}].quantity`,
          reason: 'fulfilled',
          message: `must be at least ${rule.minQuantity}: that many units are already fulfilled, shipped or refunded`,
        });
      }
      if (!sameJson(l.unitPrice, old.unitPrice) || !sameJson(l.discount ?? zero(order.currency), old.discount)) {
        problems.push({ field: `lines[${i}].unitPrice`, reason: 'fulfilled', message: 'cannot change: units of this line are already fulfilled' });
      }
    }
    const q = old?.quantity;
    const fulfilled = q?.fulfilled ?? 0;
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
        rejected: Math.max(0, Math.min(q?.rejected ?? 0, l.quantity - fulfilled)),
        fulfilled,
        shipped: q?.shipped ?? 0,
        delivered: q?.delivered ?? 0,
        returned: q?.returned ?? 0,
        refunded: q?.refunded ?? 0,
      },
    };
  });
  for (const gone of unused) {
    const rule = rules.lines[gone.id];
    if (rule?.fixed) {
      problems.push({
        field: 'lines',
        reason: 'fulfilled',
        message: `cannot remove ${gone.sku}: ${rule.minQuantity} of its units are already fulfilled, shipped or refunded`,
      });
    }
  }
  return problems.length ? { problems } : { lines: out };
}

export interface EditContext {
  readonly viewer: Viewer | Person;
  readonly now: string;
  readonly newId: (prefix: string) => string;
}

export type EditResult =
  | { readonly ok: true; readonly order: Order; readonly changes: readonly EditChange[] }
  | { readonly ok: false; readonly problems: readonly EditProblem[] };

/**
 * Applies a patch under the workflow's rules. A refused edit changes nothing. On success the order has
 * version + 1, derived fields recomputed, an `edit` timeline event with the diff, and — when it had been
 * posted to accounting — a stale posting and a place back in the active list. No change, no new version.
 */
export function applyEdit(order: Order, patch: OrderEdit, workflow: WorkflowDefinition, ctx: EditContext): EditResult {
  const rules = editableFields(order, workflow);
  const next: Record<string, unknown> = { ...order };
  const changed: EditableField[] = [];
  for (const [key, value] of Object.entries(patch) as [EditableField, unknown][]) {
    if (key === 'lines') {
      if (value === undefined) continue;
      const lines = (value as readonly DraftLine[]).map((l) => ({ ...l, discount: l.discount ?? zero(order.currency) }));
      if (sameJson(lines, draftLines(order))) continue;
      const rebuilt = rebuildLines(order, rules, lines, ctx.newId);
      if ('problems' in rebuilt) return { ok: false, problems: rebuilt.problems };
      next.lines = rebuilt.lines;
      changed.push(key);
      continue;
    }
    if (value === undefined) {
      if (OPTIONAL.has(key) && order[key] !== undefined) {
        delete next[key];
        changed.push(key);
      } else if (ZERO_DEFAULT.has(key) && (order[key] as Money).amount !== 0) {
        next[key] = zero(order.currency);
        changed.push(key);
      }
      continue;
    }
    if (sameJson(order[key], value)) continue;
    next[key] = value;
    changed.push(key);
  }
  if (changed.length === 0) return { ok: true, order, changes: [] };
  if (rules.readOnly) {
    const message = rules.readOnly === 'deleted' ? 'This order is deleted; restore it first.' : 'This order is closed and can no longer be edited.';
    return { ok: false, problems: changed.map((field) => ({ field, reason: rules.readOnly as LockReason, message })) };
  }

  const edited = recompute(next as unknown as Order);
  const changes = editDiff(order, edited, changed);
  const actor: Person = { id: ctx.viewer.id, name: ctx.viewer.name };
  const template = said('order.edited', { changes: JSON.stringify(changes) });
  const events: TimelineEvent[] = [{ id: ctx.newId('evt'), at: ctx.now, actor, kind: 'edit', message: englishText(template), template }];
  let archived = order.archived;
  let posting = order.posting;
  // Like any workflow change (SEMANTICS.md rule 9): a posted order becomes stale and returns to the active list.
  if (posting?.status === 'completed' && !posting.stale) {
    posting = { ...posting, stale: true };
    if (archived) {
      archived = false;
      const back = said('unarchived');
      events.push({ id: ctx.newId('evt'), at: ctx.now, actor: SYSTEM_ACTOR, kind: 'system', message: 'Changed after posting to accounting: back in the active list.', template: back });
    }
  }
  return {
    ok: true,
    changes,
    order: {
      ...edited,
      archived,
      ...(posting && { posting }),
      version: order.version + 1,
      updatedAt: ctx.now,
      timeline: [...order.timeline, ...events],
    },
  };
}

const personText = (p: Person | undefined): string => p?.name ?? '';

function addressText(a: Order['shippingAddress']): string {
  if (!a) return '';
  return [a.name, a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter((x) => x !== undefined && x !== '').join(', ');
}

/** The readable diff of `changed` fields between two versions of an order. */
export function editDiff(before: Order, after: Order, changed: readonly EditableField[]): EditChange[] {
  const out: EditChange[] = [];
  const moneyChange = (field: EditableField, a: Money, b: Money): void => {
    if (a.amount !== b.amount) out.push({ field, kind: 'money', from: String(a.amount), to: String(b.amount), currency: before.currency });
  };
  for (const field of changed) {
    switch (field) {
      case 'lines': {
        const old = new Map(before.lines.map((l) => [l.id, l]));
        for (const l of after.lines) {
          const was = old.get(l.id);
          old.delete(l.id);
          if (!was || was.quantity.ordered !== l.quantity.ordered) {
            out.push({ field: 'line', kind: 'quantity', label: lineLabel(l), from: String(was?.quantity.ordered ?? 0), to: String(l.quantity.ordered) });
          }
          if (was && was.unitPrice.amount !== l.unitPrice.amount) {
            out.push({ field: 'line', kind: 'money', label: lineLabel(l), from: String(was.unitPrice.amount), to: String(l.unitPrice.amount), currency: before.currency });
          }
        }
        for (const gone of old.values()) out.push({ field: 'line', kind: 'quantity', label: lineLabel(gone), from: String(gone.quantity.ordered), to: '0' });
        break;
      }
      case 'discount':
      case 'deliveryFee':
      case 'tax':
        moneyChange(field, before[field], after[field]);
        break;
      case 'paymentMethod':
        out.push({ field, kind: 'method', from: before.paymentMethod ?? '', to: after.paymentMethod ?? '' });
        break;
      case 'scheduledAt':
        out.push({ field, kind: 'date', from: before.scheduledAt ?? '', to: after.scheduledAt ?? '' });
        break;
      case 'assignees': {
        const a = before.assignees;
        const b = after.assignees;
        if (personText(a.agent) !== personText(b.agent)) out.push({ field, kind: 'text', label: 'agent', from: personText(a.agent), to: personText(b.agent) });
        if (personText(a.csr) !== personText(b.csr)) out.push({ field, kind: 'text', label: 'csr', from: personText(a.csr), to: personText(b.csr) });
        break;
      }
      case 'customer': {
        const a = before.customer;
        const b = after.customer;
        const text = (c: typeof a): string => [c.name, c.phone, c.email].filter(Boolean).join(' · ');
        out.push({ field, kind: 'text', from: text(a), to: text(b) });
        break;
      }
      case 'shippingAddress':
      case 'billingAddress':
        out.push({ field, kind: 'text', from: addressText(before[field]), to: addressText(after[field]) });
        break;
      case 'tags':
        out.push({ field, kind: 'text', from: before.tags.join(', '), to: after.tags.join(', ') });
        break;
      case 'note':
        out.push({ field, kind: 'text', from: before.note ?? '', to: after.note ?? '' });
        break;
    }
  }
  return out;
}

function lineLabel(l: LineItem): string {
  return l.variant ? `${l.name} · ${l.variant}` : l.name;
}

/** The changes recorded by an `order.edited` timeline entry (empty for anything unreadable). */
export function parseEditChanges(json: string | undefined): EditChange[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (c): c is EditChange => typeof c === 'object' && c !== null && typeof (c as EditChange).field === 'string' && typeof (c as EditChange).from === 'string' && typeof (c as EditChange).to === 'string',
    );
  } catch {
    return [];
  }
}
