/**
 * The in-place tracking number edit of `<order-shipments>`: who may edit which shipment (the workflow's
 * `update-tracking` action, offered to this viewer on this order now), what a valid number is (the
 * engine's own rule, so the form and the backend agree), and what to say when a save fails.
 * Private to `<order-shipments>`.
 */
import { msg, str } from '@lit/localize';
import type { OrderApiError, ShipmentRow } from '../../api/types.js';
import { can, inScope } from '../../model/permissions.js';
import type { Order, ShipmentStatus, Viewer } from '../../model/types.js';
import { canOffer } from '../../model/workflow/engine.js';
import { TRACKING_NUMBER_MAX, TRACKING_NUMBER_PATTERN } from '../../model/workflow/operations.js';
import type { ActionDef, WorkflowDefinition } from '../../model/workflow/types.js';
import { isRetryable } from '../../state/errors.js';
import { errorKindLabel } from '../shared/order-labels.js';

/** Shipments whose tracking can no longer change (the engine refuses them). */
const DEAD: readonly ShipmentStatus[] = ['cancelled', 'failed'];

/** The workflow's staff action that updates tracking numbers, if it has one. */
export function trackingAction(workflow: WorkflowDefinition): ActionDef | undefined {
  return workflow.actions.find((a) => a.operation === 'update-tracking' && !a.system);
}

/**
 * What can be known about editing a row without its order: false when the viewer may never edit it
 * (no action, no permission, another store, a dead shipment); true when only the order's status is
 * left to check.
 */
export function mayEdit(workflow: WorkflowDefinition, viewer: Viewer, row: ShipmentRow): boolean {
  const action = trackingAction(workflow);
  if (!action || !can(viewer, action.permission) || !inScope(viewer, row.storeId)) return false;
  return !DEAD.includes(row.shipment.status);
}

/** True when the workflow offers the edit to this viewer on this order now. */
export function canEdit(workflow: WorkflowDefinition, viewer: Viewer, row: ShipmentRow, order: Order | undefined): boolean {
  const action = trackingAction(workflow);
  if (!action || !order || !mayEdit(workflow, viewer, row)) return false;
  return canOffer(workflow, order, viewer, action.key);
}

/** The problem with a typed tracking number, or undefined when the backend would take it. */
export function trackingProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return msg('Enter a tracking number.');
  if (v.length > TRACKING_NUMBER_MAX) {
    return msg(str`A tracking number has at most ${TRACKING_NUMBER_MAX} characters.`);
  }
  if (!TRACKING_NUMBER_PATTERN.test(v)) {
    return msg('Use letters, digits and spaces, and only - _ . / # between them.');
  }
  return undefined;
}

/** A failed save, as the row shows it. */
export interface SaveFailure {
  /** What the person typed (kept, so nothing is lost). */
  readonly value: string;
  /** The kind of failure in a few words ("Network problem"). */
  readonly title: string;
  /** What happened and what to do. */
  readonly message: string;
  /** Sends the same save again (same idempotency key); only where that can help. */
  readonly retry?: () => Promise<unknown>;
}

/** Describes a failed save of `value`; `retry` is the store's retry of the same intent, when it has one. */
export function describeFailure(error: OrderApiError, value: string, retry: (() => Promise<unknown>) | undefined): SaveFailure {
  const title = errorKindLabel(error.code);
  let message: string;
  switch (error.code) {
    case 'conflict':
      message = msg('Someone else changed this order meanwhile. The tracking number was not saved; check it and save again.');
      break;
    case 'refused':
    case 'invalid-input':
    case 'forbidden':
    case 'not-found':
      message = msg(str`The tracking number was not saved: ${error.refusal?.message ?? error.message}`);
      break;
    default:
      message = msg('The tracking number was not saved. Check the connection and try again.');
  }
  return { value, title, message, ...(retry && isRetryable(error) && { retry }) };
}
