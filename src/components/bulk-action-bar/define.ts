/** Registers `<bulk-action-bar>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import '../print-menu/define.js';
import { BulkActionBar, type BulkActionEvent, type BulkActionRequestEvent } from './bulk-action-bar.js';

defineElement('bulk-action-bar', BulkActionBar);

declare global {
  interface HTMLElementTagNameMap {
    'bulk-action-bar': BulkActionBar;
  }
  interface HTMLElementEventMap {
    'bulk-action-request': BulkActionRequestEvent;
    'bulk-action': BulkActionEvent;
  }
}

export { BulkActionBar };
export type { BulkActionDetail, BulkActionEvent, BulkActionRequestDetail, BulkActionRequestEvent } from './bulk-action-bar.js';
