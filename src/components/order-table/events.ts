/**
 * The event `<order-table>` adds to the shared ones (`order-open`, and `order-action-request` from
 * `<order-detail>`): typed, bubbling and composed, and only for what the user did.
 */

/** Detail of `selection-change`: how many orders are selected now. */
export interface SelectionChangeDetail {
  readonly count: number;
}

/** Fired after the user changed the selection (checkbox, Shift-click, Space, select all, clear). */
export class SelectionChangeEvent extends CustomEvent<SelectionChangeDetail> {
  constructor(count: number) {
    super('selection-change', { detail: { count }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'selection-change': SelectionChangeEvent;
  }
}
