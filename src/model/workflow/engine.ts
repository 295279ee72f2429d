/**
 * The workflow engine: `applyAction` applies one action of a definition to an order and returns the new
 * order with its timeline events, or a typed refusal that changes nothing; `availableActions` lists
 * what a viewer may do now; `validateDefinition` checks a definition on load. Pure: the caller gives
 * the clock and the id source. The exact rules are in SEMANTICS.md beside this file.
 */
import { recompute } from '../derive.js';
import { can, inScope } from '../permissions.js';
import type { Order, Person, TimelineEvent, Viewer } from '../types.js';
import { guardRefusal, orderFacts, type OrderFacts } from './guards.js';
import { OPERATIONS, refuse, type Draft, type RaisedTrigger } from './operations.js';
import { workflowProblems } from './validate.js';
import type {
  ActionDef,
  ApplyContext,
  ApplyResult,
  Refusal,
  WorkflowDefinition,
} from './types.js';

/** The actor automations and backend events are attributed to. */
export const SYSTEM_ACTOR: Person = { id: 'system', name: 'System' };

/** Operations that neither make an accounting posting stale nor bring a posted order back. */
const POSTING_NEUTRAL = new Set(['add-note', 'post-accounting', 'posting-result', 'archive', 'unarchive', 'update-tracking', 'record-print']);

function findAction(workflow: WorkflowDefinition, key: string): ActionDef | undefined {
  return workflow.actions.find((a) => a.key === key);
}

/** Checks 1–4 of SEMANTICS.md: who may act, on which order, in which status and state (guards.ts). */
function gate(action: ActionDef, order: Order, viewer: Viewer, system: boolean, known?: OrderFacts): Refusal | undefined {
  if (action.system && !system) {
    return { code: 'not-permitted', message: `“${action.key}” is performed by the system, not by staff.` };
  }
  if (!system && !can(viewer, action.permission)) {
    return { code: 'not-permitted', message: `Your role may not perform “${action.key}”.` };
  }
  if (!system && !inScope(viewer, order.storeId)) {
    return { code: 'out-of-scope', message: 'This order belongs to a store you are not assigned to.' };
  }
  // Deleted first: a deleted order answers "restore it first" whatever its status.
  const facts = known ?? orderFacts(order);
  if (facts.deleted && action.operation !== 'restore') return guardRefusal(action, order, facts);
  if (action.from !== '*' && !action.from.includes(order.status)) {
    return { code: 'wrong-status', message: `“${action.key}” is not possible while the order is “${order.status}”.` };
  }
  return guardRefusal(action, order, facts);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

type Merged = { ok: true; input: Record<string, unknown> } | { ok: false; refusal: Refusal };

function mergeInput(action: ActionDef, input: unknown): Merged {
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    return { ok: false, refusal: { code: 'invalid-field', message: 'The action input must be an object.', field: 'input' } };
  }
  const merged: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined), ...action.fixed };
  for (const field of action.required ?? []) {
    if (isEmpty(merged[field])) {
      return { ok: false, refusal: { code: 'missing-field', message: `${field} is required.`, field } };
    }
  }
  return { ok: true, input: merged };
}

function statusEvent(ctx: ApplyContext, actor: Person, action: string, from: string, to: string): TimelineEvent {
  return { id: ctx.newId('evt'), at: ctx.now, actor, kind: 'status', action, from, to };
}

/** Runs the automations for the raised triggers; the first matching automation per trigger wins. */
function automate(
  workflow: WorkflowDefinition,
  draft: Draft,
  outcome: { triggers: readonly RaisedTrigger[] },
  ctx: ApplyContext,
  actionKey: string,
): void {
  for (const trigger of outcome.triggers) {
    const rule = workflow.automations.find(
      (a) =>
        a.on === trigger.on &&
        (!a.from || a.from.includes(draft.status)) &&
        (!a.shipmentStatus || (trigger.shipmentStatus !== undefined && a.shipmentStatus.includes(trigger.shipmentStatus))),
    );
    if (rule && rule.to !== draft.status) {
      draft.events.push(statusEvent(ctx, SYSTEM_ACTOR, actionKey, draft.status, rule.to));
      draft.status = rule.to;
    }
  }
}

/**
 * Applies `actionKey` to `order`. On success the new order has version + 1, `updatedAt = ctx.now`,
 * derived fields recomputed and `events` appended to its timeline. On refusal nothing changes.
 */
export function applyAction(
  workflow: WorkflowDefinition,
  order: Order,
  actionKey: string,
  input: unknown,
  ctx: ApplyContext,
): ApplyResult {
  const action = findAction(workflow, actionKey);
  if (!action) return refuse('unknown-action', `This workflow has no action “${actionKey}”.`);
  const system = ctx.system === true;
  const blocked = gate(action, order, ctx.viewer, system) ?? hiddenTarget(workflow, action);
  if (blocked) return { ok: false, refusal: blocked };
  const merged = mergeInput(action, input);
  if (!merged.ok) return merged;
  const actor: Person = system ? SYSTEM_ACTOR : { id: ctx.viewer.id, name: ctx.viewer.name };
  const draft: Draft = {
    order,
    patch: {},
    status: order.status,
    events: [],
    actor,
    ctx,
    action,
    workflow,
  };
  const run = OPERATIONS[action.operation];
  const outcome = run(draft, merged.input);
  if (!outcome.ok) return { ok: false, refusal: outcome.refusal };

  if (action.to && action.to !== draft.status) {
    draft.events.push(statusEvent(ctx, actor, action.key, draft.status, action.to));
    draft.status = action.to;
  }

  // Derived statuses after the change decide the state triggers.
  let next = recompute({ ...order, ...draft.patch, status: draft.status });
  if (next.paymentStatus === 'paid' && order.paymentStatus !== 'paid' && action.operation === 'record-payment') {
    outcome.triggers.push({ on: 'fully-paid' });
  }
  if (next.fulfillmentStatus === 'delivered' && order.fulfillmentStatus !== 'delivered') {
    outcome.triggers.push({ on: 'all-delivered' });
  }
  if (next.paymentStatus === 'refunded' && order.paymentStatus !== 'refunded') {
    outcome.triggers.push({ on: 'fully-refunded' });
  }
  if (
    next.lines.length > 0 &&
    next.lines.every((l) => l.quantity.ordered === l.quantity.rejected) &&
    order.lines.some((l) => l.quantity.ordered > l.quantity.rejected)
  ) {
    outcome.triggers.push({ on: 'all-lines-rejected' });
  }
  automate(workflow, draft, outcome, ctx, action.key);

  const patch: Partial<Mutable<Order>> = { ...draft.patch, status: draft.status };
  const posting = order.posting;
  if (posting?.status === 'completed' && !POSTING_NEUTRAL.has(action.operation) && !posting.stale) {
    patch.posting = { ...posting, stale: true };
    if (order.archived && patch.archived === undefined) {
      patch.archived = false;
      draft.events.push({
        id: ctx.newId('evt'),
        at: ctx.now,
        actor: SYSTEM_ACTOR,
        kind: 'system',
        action: action.key,
        message: 'Changed after posting to accounting: back in the active list.',
      });
    }
  }
  const version = order.version + 1;
  if (action.operation === 'posting-result' && patch.posting?.status === 'completed') {
    patch.posting = { ...patch.posting, postedVersion: version };
  }
  const stored: Record<string, unknown> = {
    ...order,
    ...patch,
    version,
    updatedAt: ctx.now,
    timeline: [...order.timeline, ...draft.events],
  };
  // A patch clears an optional field by setting it undefined; stored orders carry no such keys.
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete stored[k];
  next = recompute(stored as unknown as Order);
  return { ok: true, order: next, events: draft.events };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The actions the viewer may offer on this order now (permission, scope, status and guards pass). Each
 * is accepted by `applyAction` given valid input: both decide through the same `gate`.
 */
export function availableActions(workflow: WorkflowDefinition, order: Order, viewer: Viewer): ActionDef[] {
  const facts = orderFacts(order);
  return workflow.actions.filter((a) => !a.system && gate(a, order, viewer, false, facts) === undefined && !hiddenTarget(workflow, a));
}

/** A refusal when the action moves orders into a status the merchant hid (kept only for orders in it). */
function hiddenTarget(workflow: WorkflowDefinition, action: ActionDef): Refusal | undefined {
  if (!action.to || !workflow.statuses.some((s) => s.key === action.to && s.hidden)) return undefined;
  return { code: 'not-applicable', message: `The status “${action.to}” is hidden: orders can no longer be moved into it.` };
}

/** True when the action exists and the viewer may offer it on this order now. */
export function canOffer(workflow: WorkflowDefinition, order: Order, viewer: Viewer, actionKey: string): boolean {
  const action = findAction(workflow, actionKey);
  return !!action && !action.system && gate(action, order, viewer, false) === undefined && !hiddenTarget(workflow, action);
}

/** Why the viewer may not run the action on this order now (undefined when it is offered). */
export function offerRefusal(workflow: WorkflowDefinition, order: Order, viewer: Viewer, actionKey: string): Refusal | undefined {
  const action = findAction(workflow, actionKey);
  if (!action) return { code: 'unknown-action', message: `This workflow has no action “${actionKey}”.` };
  if (action.system) return { code: 'not-permitted', message: `“${action.key}” is performed by the system, not by staff.` };
  return gate(action, order, viewer, false) ?? hiddenTarget(workflow, action);
}

/** How many of `orders` the action applies to for this viewer now (a bulk action's "applies to N of M"). */
export function countApplicable(workflow: WorkflowDefinition, orders: Iterable<Order>, viewer: Viewer, actionKey: string): number {
  const action = findAction(workflow, actionKey);
  if (!action || action.system || hiddenTarget(workflow, action)) return 0;
  let n = 0;
  for (const order of orders) if (gate(action, order, viewer, false) === undefined) n++;
  return n;
}

/** The action a scan in the scan-to-ship view runs on an order in `status`, if the workflow has one. */
export function scanAction(workflow: WorkflowDefinition, status: string): ActionDef | undefined {
  const step = workflow.scanToShip?.find((s) => s.from === status);
  return step ? findAction(workflow, step.action) : undefined;
}

/**
 * Every problem with a definition as a sentence (empty when valid): see `workflowProblems`
 * (validate.ts) for the structured form naming the status, action or tab and its field.
 */
export function validateDefinition(workflow: WorkflowDefinition): string[] {
  return workflowProblems(workflow).map((p) => p.message);
}

/** Statuses no path of actions and automations reaches from the initial status. */
export function unreachable(workflow: WorkflowDefinition): string[] {
  const all = workflow.statuses.map((s) => s.key);
  const targets = workflow.statuses.filter((s) => !s.hidden).map((s) => s.key);
  const reached = new Set<string>([workflow.initial]);
  const queue = [workflow.initial];
  const edgesFrom = (status: string): string[] => {
    const out: string[] = [];
    for (const a of workflow.actions) {
      if (a.from !== '*' && !a.from.includes(status)) continue;
      // Declining a request returns to the status held before it, reachable already by construction.
      if (a.to) out.push(a.to);
      else if (a.operation === 'set-status') out.push(...targets);
    }
    for (const rule of workflow.automations) {
      if (!rule.from || rule.from.includes(status)) out.push(rule.to);
    }
    return out;
  };
  while (queue.length) {
    const s = queue.shift() as string;
    for (const t of edgesFrom(s)) {
      if (!reached.has(t)) {
        reached.add(t);
        queue.push(t);
      }
    }
  }
  // A hidden status is kept only for the orders already in it: nothing needs to reach it.
  return all.filter((s) => !reached.has(s) && !workflow.statuses.some((d) => d.key === s && d.hidden));
}
