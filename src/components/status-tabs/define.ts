/** Registers `<status-tabs>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { StatusTabs, TabChangeEvent, type TabChangeDetail } from './status-tabs.js';

defineElement('status-tabs', StatusTabs);

declare global {
  interface HTMLElementTagNameMap {
    'status-tabs': StatusTabs;
  }
}

export { StatusTabs, TabChangeEvent, type TabChangeDetail };
