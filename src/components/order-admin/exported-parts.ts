/**
 * The CSS parts of the elements `<order-admin>` lays out, re-exported from the admin with a prefix
 * per element (`order-admin::part(table-row)`), as `exportparts` values. Keep in step with each
 * element's `@csspart` list. Private to `<order-admin>`.
 */

const PARTS = {
  tabs: ['tablist', 'tab', 'active', 'label', 'count'],
  toolbar: [
    'toolbar',
    'filters',
    'search',
    'search-input',
    'date-select',
    'custom-range',
    'date-input',
    'store-select',
    'channel-button',
    'archived-toggle',
    'clear-button',
    'views-button',
    'popover',
    'channel-menu',
    'views-menu',
    'save-form',
    'actions',
  ],
  bulk: [
    'bar',
    'count',
    'actions',
    'action-button',
    'destructive',
    'clear-button',
    'select-all-button',
    'progress',
    'dialog',
    'input-dialog',
    'report-dialog',
    'dialog-title',
    'field',
    'confirm-button',
    'cancel-button',
    'report-summary',
    'failure-list',
    'failure',
    'failure-number',
    'select-failed-button',
    'retry-failed-button',
  ],
  table: [
    'toolbar',
    'selection-bar',
    'column-menu-button',
    'column-menu',
    'table',
    'header',
    'header-cell',
    'row',
    'selected',
    'busy',
    'placeholder',
    'cell',
    'status-menu',
    'empty-state',
    'error-state',
  ],
  notifications: ['bell', 'badge', 'popover', 'header', 'mark-all', 'list', 'item', 'empty', 'toast'],
} as const;

export type PartGroup = keyof typeof PARTS;

/** `exportparts` for one nested element: `row: table-row, cell: table-cell, …`. */
export function exportParts(group: PartGroup): string {
  return PARTS[group].map((name) => `${name}: ${group}-${name}`).join(', ');
}
