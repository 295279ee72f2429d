/**
 * Editing an order after creation (`updateOrder`) in the engine: the model's `applyEdit` (the workflow
 * decides what may change), with a refusal turned into an `invalid-input` error naming each field.
 */
import { applyEdit, type EditChange, type EditContext } from '../../model/edit.js';
import type { Order } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import type { OrderApiErrorData, OrderPatch } from '../types.js';

export type { EditContext };

export type EditResult =
  | { readonly ok: true; readonly order: Order; readonly changes: readonly EditChange[] }
  | { readonly ok: false; readonly error: OrderApiErrorData };

export function applyPatch(order: Order, patch: OrderPatch, workflow: WorkflowDefinition, ctx: EditContext): EditResult {
  const result = applyEdit(order, patch, workflow, ctx);
  if (result.ok) return result;
  const first = result.problems[0];
  return {
    ok: false,
    error: {
      code: 'invalid-input',
      message: `This change is not allowed: patch.${first?.field} ${first?.message}`,
      // Named like the boundary validation names patch fields (`patch.lines[0].quantity`).
      fields: result.problems.map((p) => ({ field: `patch.${p.field}`, message: p.message })),
    },
  };
}
