/** Events of `<workflow-settings>`. */

/** Detail of `workflow-save`: the version the backend gave the saved definition. */
export interface WorkflowSaveDetail {
  readonly version: number;
}

/** Fired (bubbles, composed) after the person saved the workflow and the backend accepted it. */
export class WorkflowSaveEvent extends CustomEvent<WorkflowSaveDetail> {
  constructor(version: number) {
    super('workflow-save', { detail: { version }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'workflow-save': WorkflowSaveEvent;
  }
}
