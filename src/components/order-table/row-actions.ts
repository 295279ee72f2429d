/**
 * What a row's status menu offers: the actions the workflow allows this viewer on the order now
 * (`availableActions`) that move its status or need no input, and for each whether the table can run
 * it alone or must hand it to the host (input to collect, or a destructive action to confirm).
 * Pure; private to `<order-table>`.
 */
import type { Order, Viewer } from '../../model/types.js';
import { availableActions } from '../../model/workflow/engine.js';
import { offerKey } from '../../model/workflow/guards.js';
import type { ActionDef, ActionInput, Operation, WorkflowDefinition } from '../../model/workflow/types.js';

/** Operations that always need something typed or chosen by the user, whatever `required` says. */
const NEEDS_FORM: ReadonlySet<Operation> = new Set<Operation>([
  'cancel',
  'refund',
  'create-shipment',
  'assign',
  'add-note',
  'record-expense',
  'reschedule',
  'request-cancellation',
  'request-return',
]);

/** One entry of a row's status menu. */
export interface RowMenuItem {
  /** Unique within the menu (`set-status` without a target yields one item per status). */
  readonly id: string;
  readonly action: ActionDef;
  /** The target status of a generic `set-status` item. */
  readonly status?: string;
  /** The input the table sends when it runs the action itself. */
  readonly input: ActionInput | undefined;
  /** True when the host must collect input or confirm: the table never runs it alone. */
  readonly needsHost: boolean;
}

/** True when the action moves the order to another workflow status. */
function movesStatus(action: ActionDef): boolean {
  return action.to !== undefined || action.operation === 'set-status';
}

/** The input the table can supply for an action on this order without asking anyone. */
function suppliedInput(action: ActionDef, order: Order): Record<string, unknown> {
  if (action.operation === 'record-payment' && order.paymentMethod !== undefined) return { method: order.paymentMethod };
  return {};
}

/** True when running the action needs input the table does not have. */
function needsInput(action: ActionDef, supplied: Record<string, unknown>): boolean {
  if (NEEDS_FORM.has(action.operation)) return true;
  if (action.operation === 'confirm-stock' && action.fixed?.['mode'] !== 'all') return true;
  const fixed = action.fixed ?? {};
  return (action.required ?? []).some((field) => !(field in fixed) && !(field in supplied) && !(field === 'status' && action.operation === 'set-status'));
}

/**
 * The actions the status menu lists for the order: available to the viewer now, and either moving
 * the status or runnable without input.
 */
export function menuActions(workflow: WorkflowDefinition, order: Order, viewer: Viewer): ActionDef[] {
  return availableActions(workflow, order, viewer).filter(
    (a) => movesStatus(a) || !needsInput(a, suppliedInput(a, order)),
  );
}

/** The menu's entries, in workflow order; a generic `set-status` gives one entry per other status. */
export function menuItems(workflow: WorkflowDefinition, order: Order, actions: readonly ActionDef[]): RowMenuItem[] {
  const items: RowMenuItem[] = [];
  for (const action of actions) {
    const supplied = suppliedInput(action, order);
    const needsHost = action.destructive || needsInput(action, supplied);
    if (action.operation === 'set-status' && action.to === undefined) {
      for (const status of workflow.statuses) {
        if (status.key === order.status || status.hidden) continue;
        items.push({ id: `${action.key}:${status.key}`, action, status: status.key, input: { ...supplied, status: status.key }, needsHost });
      }
      continue;
    }
    items.push({ id: action.key, action, input: Object.keys(supplied).length > 0 ? supplied : undefined, needsHost });
  }
  return items;
}

/** A memo key for everything `availableActions` looks at on an order (status, guard facts, scope, deletion). */
export function actionStateKey(order: Order): string {
  return offerKey(order);
}
