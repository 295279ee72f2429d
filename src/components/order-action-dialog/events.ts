/** Events of `<order-action-dialog>`. */
import type { ActionInput } from '../../model/workflow/types.js';

/** Detail of `action-submit`: the action and the input the person confirmed. */
export interface ActionSubmitDetail {
  readonly orderId: string;
  readonly action: string;
  readonly input: ActionInput;
}

/**
 * Fired (bubbles, composed, cancelable) when the person confirms a form the workflow engine accepts in
 * a dry run. The dialog closes afterwards unless a listener calls `preventDefault()`.
 */
export class ActionSubmitEvent extends CustomEvent<ActionSubmitDetail> {
  constructor(detail: ActionSubmitDetail) {
    super('action-submit', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Detail of `dialog-close`: which action's dialog closed, and whether it closed by a submit. */
export interface DialogCloseDetail {
  readonly action: string;
  readonly submitted: boolean;
}

/** Fired (bubbles, composed) when the dialog closed: submitted, cancelled, or Escape. */
export class DialogCloseEvent extends CustomEvent<DialogCloseDetail> {
  constructor(detail: DialogCloseDetail) {
    super('dialog-close', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'action-submit': ActionSubmitEvent;
    'dialog-close': DialogCloseEvent;
  }
}
