/**
 * Which bulk actions the bar offers and what input each needs. Pure functions over the workflow,
 * the viewer and the loaded part of the selection; private to `<bulk-action-bar>`.
 */
import { can } from '../../model/permissions.js';
import type { Order, Person, Viewer } from '../../model/types.js';
import { canOffer, countApplicable } from '../../model/workflow/engine.js';
import type { ActionDef, WorkflowDefinition } from '../../model/workflow/types.js';
import type { Selection } from '../../state/types.js';

/** An input the bar's dialog can collect. */
export type BulkField = 'reason' | 'status' | 'csr' | 'agent';

/**
 * The fields an action needs from the user, or `undefined` when it needs one the bar cannot
 * collect (such an action is not offered: every order would refuse it).
 *
 * - `set-status` without a target status asks for the status;
 * - `assign` asks for the person its `required` names (CSR, agent), or both when it names neither;
 * - `mark-shipped` that requires `agent` (self-delivery) asks for the agent;
 * - `cancel`, and any action that requires a `reason`, asks for a reason;
 * - every other required field that `fixed` does not already supply makes it unsupported.
 */
export function bulkFields(action: ActionDef): readonly BulkField[] | undefined {
  const fixed = action.fixed ?? {};
  const required = (action.required ?? []).filter((f) => !(f in fixed));
  const fields = new Set<BulkField>();
  if (action.operation === 'set-status' && action.to === undefined) fields.add('status');
  if (action.operation === 'assign') {
    const named = required.filter((f): f is 'csr' | 'agent' => f === 'csr' || f === 'agent');
    for (const f of named.length > 0 ? named : (['csr', 'agent'] as const)) fields.add(f);
  }
  if (action.operation === 'cancel') fields.add('reason');
  for (const field of required) {
    if (field === 'reason' || field === 'status' || field === 'csr' || field === 'agent') {
      if (field === 'status' && action.operation !== 'set-status') return undefined;
      // Self-delivery (mark-shipped with an agent) asks for the agent as `assign` does.
      const selfDelivery = field === 'agent' && action.operation === 'mark-shipped';
      if ((field === 'csr' || field === 'agent') && action.operation !== 'assign' && !selfDelivery) return undefined;
      fields.add(field);
      continue;
    }
    return undefined;
  }
  return [...fields];
}

/** The workflow's bulk actions this viewer may run at all: `bulk`, not `system`, permitted, collectable input. */
export function permittedBulkActions(workflow: WorkflowDefinition, viewer: Viewer): readonly ActionDef[] {
  return workflow.actions.filter((a) => a.bulk && !a.system && can(viewer, a.permission) && bulkFields(a) !== undefined);
}

/**
 * The actions to offer for a selection.
 *
 * The rule: in mode `all` ("all N matching") every permitted bulk action is offered, because the
 * selected orders are not all loaded. In mode `ids`, an action is offered when at least one
 * selected order that is loaded in the store allows it now (status, guard, scope); when none of the
 * selected orders is loaded, every permitted bulk action is offered. Either way the backend decides
 * per order and the result report lists every order that refused.
 */
export function offeredActions(
  permitted: readonly ActionDef[],
  workflow: WorkflowDefinition,
  viewer: Viewer,
  selection: Selection,
  orders: ReadonlyMap<string, Order>,
): readonly ActionDef[] {
  if (selection.mode === 'all') return permitted;
  const loaded: Order[] = [];
  for (const id of selection.ids) {
    const order = orders.get(id);
    if (order) loaded.push(order);
  }
  if (loaded.length === 0) return permitted;
  return permitted.filter((a) => loaded.some((o) => canOffer(workflow, o, viewer, a.key)));
}

/**
 * How many of the selected orders an action applies to, said before it runs:
 * - `counted`: every selected order is loaded, `applies` of them allow the action now;
 * - `partial`: only `loaded` of the selected orders are loaded; `applies` of those allow it, the rest
 *   are checked by the backend when it runs;
 * - `matching`: "all N matching" — the orders are not loaded; the backend checks each when it runs.
 */
export type Applicability =
  | { readonly kind: 'counted'; readonly applies: number; readonly selected: number }
  | { readonly kind: 'partial'; readonly applies: number; readonly loaded: number; readonly selected: number }
  | { readonly kind: 'matching'; readonly selected: number };

export function applicability(
  action: ActionDef,
  workflow: WorkflowDefinition,
  viewer: Viewer,
  selection: Selection,
  orders: ReadonlyMap<string, Order>,
  count: number,
): Applicability {
  if (selection.mode === 'all') return { kind: 'matching', selected: count };
  const loaded: Order[] = [];
  for (const id of selection.ids) {
    const order = orders.get(id);
    if (order) loaded.push(order);
  }
  const applies = countApplicable(workflow, loaded, viewer, action.key);
  const selected = selection.ids.size;
  return loaded.length === selected ? { kind: 'counted', applies, selected } : { kind: 'partial', applies, loaded: loaded.length, selected };
}

/** True when the action is known to apply to every selected order (nothing to warn about). */
export const appliesToAll = (a: Applicability): boolean => a.kind === 'counted' && a.applies === a.selected;

/** Distinct people found as CSR or agent on the loaded orders, by name. */
export function knownPeople(orders: ReadonlyMap<string, Order>, role: 'csr' | 'agent'): readonly Person[] {
  const byId = new Map<string, Person>();
  for (const order of orders.values()) {
    const person = order.assignees?.[role];
    if (person && !byId.has(person.id)) byId.set(person.id, person);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
