/** Registers `<workflow-settings>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { WorkflowSaveEvent, WorkflowSettings, type WorkflowSaveDetail } from './workflow-settings.js';

defineElement('workflow-settings', WorkflowSettings);

declare global {
  interface HTMLElementTagNameMap {
    'workflow-settings': WorkflowSettings;
  }
}

export { WorkflowSaveEvent, WorkflowSettings, type WorkflowSaveDetail };
