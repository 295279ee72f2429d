/** Registers `<order-table>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderTable } from './order-table.js';

defineElement('order-table', OrderTable);

declare global {
  interface HTMLElementTagNameMap {
    'order-table': OrderTable;
  }
}

export { OrderTable };
export { CARD_BREAKPOINT, type OrderTableLayout } from './order-table.js';
export { defaultColumns } from './columns.js';
export type { CellContext, CellRenderer, OrderTableColumn, OrderTableContext, StatusView } from './columns.js';
export { SelectionChangeEvent } from './events.js';
export type { SelectionChangeDetail } from './events.js';
