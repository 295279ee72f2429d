/**
 * Undo as data (issue 12, rule 5): an action's `undo` names the action that reverses it. `undoFor`
 * says what Undo would run on an order after the action, and only when the engine accepts it for the
 * viewer on the order as it now is — an Undo that would be refused is never offered.
 */
import type { Order, Viewer } from '../types.js';
import { applyAction } from './engine.js';
import type { ActionInput, WorkflowDefinition } from './types.js';

/** What Undo runs: an action and its input. */
export interface UndoStep {
  readonly action: string;
  readonly input: ActionInput | undefined;
}

/**
 * The status `after` had before `actionKey` ran: `before`'s when known, else the `from` of the last
 * status change that action made on its timeline.
 */
export function statusBefore(after: Order, actionKey: string, before?: Order): string | undefined {
  if (before) return before.status;
  for (let i = after.timeline.length - 1; i >= 0; i--) {
    const event = after.timeline[i]!;
    if (event.action === actionKey && event.from !== undefined && event.to !== undefined) return event.from;
  }
  return undefined;
}

/** The Undo of `actionKey` on `after` (the order it produced), if the workflow defines one the engine accepts now. */
export function undoFor(
  workflow: WorkflowDefinition,
  actionKey: string,
  after: Order,
  viewer: Viewer,
  before?: Order,
): UndoStep | undefined {
  const undo = workflow.actions.find((a) => a.key === actionKey)?.undo;
  if (!undo) return undefined;
  let input: ActionInput | undefined;
  if (undo.input === 'previous-status') {
    const status = statusBefore(after, actionKey, before);
    if (status === undefined || status === after.status) return undefined;
    input = { status } as ActionInput;
  }
  const dryRun = applyAction(workflow, after, undo.action, input, {
    viewer,
    now: after.updatedAt,
    newId: (prefix) => `${prefix}-undo-check`,
    system: false,
  });
  return dryRun.ok ? { action: undo.action, input } : undefined;
}

/** Problems with the workflow's `undo` fields (an unknown action, or one that is itself a system action). */
export function undoProblems(workflow: WorkflowDefinition): string[] {
  const problems: string[] = [];
  for (const action of workflow.actions) {
    if (!action.undo) continue;
    const target = workflow.actions.find((a) => a.key === action.undo!.action);
    if (!target) problems.push(`“${action.key}” is undone by the unknown action “${action.undo.action}”.`);
    else if (target.system) problems.push(`“${action.key}” is undone by the system action “${target.key}”.`);
    else if (action.undo.input === 'previous-status' && target.operation !== 'set-status') {
      problems.push(`“${action.key}” is undone to the previous status by “${target.key}”, which does not set a status.`);
    }
  }
  return problems;
}
