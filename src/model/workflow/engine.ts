/**
 * The workflow engine: one pure function applies an action to an order (or refuses, changing nothing);
 * another lists what a viewer may do now. STUB — being written; signatures are final.
 */
import type { Order, Viewer } from '../types.js';
import type { ActionDef, ApplyContext, ApplyResult, WorkflowDefinition } from './types.js';

export function applyAction(
  _workflow: WorkflowDefinition,
  _order: Order,
  _actionKey: string,
  _input: unknown,
  _ctx: ApplyContext,
): ApplyResult {
  throw new Error('not implemented yet');
}

export function availableActions(_workflow: WorkflowDefinition, _order: Order, _viewer: Viewer): ActionDef[] {
  throw new Error('not implemented yet');
}

export function validateDefinition(_workflow: WorkflowDefinition): string[] {
  throw new Error('not implemented yet');
}
