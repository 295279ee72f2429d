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
  bulk: ['print-menu', 'print-button', 'print-menu-list', 'print-menu-item', 
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
  shipments: ['view', 'toolbar', 'courier-select', 'filter-button', 'popover', 'date-select', 'custom-range', 'date-input', 'store-select', 'clear-button', 'error-state', 'retry-button', 'table-wrap', 'table', 'header-cell', 'row', 'cell', 'order-link', 'tracking-link', 'status-badge', 'edit-button', 'details-button', 'detail-dialog', 'detail-edit-button', 'tracking-form', 'tracking-input', 'save-button', 'cancel-button', 'field-error', 'row-error', 'loading-state', 'empty-state', 'pagination', 'previous-button', 'next-button'],
  payments: ['view', 'toolbar', 'filter-button', 'popover', 'date-select', 'custom-range', 'date-input', 'store-select', 'clear-button', 'totals', 'currency-total', 'method-total', 'grand-total', 'error-state', 'retry-button', 'table-wrap', 'table', 'header-cell', 'row', 'cell', 'order-link', 'status-badge', 'loading-state', 'empty-state', 'pagination', 'previous-button', 'next-button'],
  calendar: ['header', 'title', 'nav-button', 'today-button', 'previous-button', 'next-button', 'view-switch', 'view-button', 'kinds', 'kind-toggle', 'time-zone', 'grid', 'weekday', 'week', 'day', 'today', 'selected', 'outside', 'drop-target', 'day-number', 'count', 'status-bar', 'day-list', 'day-list-title', 'day-list-kind', 'day-list-items', 'day-list-item', 'order-link', 'status', 'move-button', 'move-form', 'pager', 'notice', 'undo-button', 'empty-state', 'error-state', 'retry-button'],
  detail: ['header', 'title', 'badges', 'badge', 'meta', 'tags', 'actions', 'action-button', 'edit-button', 'more-button', 'menu', 'print-menu', 'print-button', 'print-menu-list', 'print-menu-item', 'busy', 'announcement', 'errors', 'section', 'lines', 'totals', 'timeline', 'note-form', 'dialog', 'ledger', 'shipment', 'copy-button', 'error', 'status-description', 'loading', 'error-state', 'empty-state'],
  export: ['dialog', 'panel', 'title', 'body', 'scope', 'mode', 'columns', 'footer', 'progress', 'error', 'button'],
  form: ['form', 'heading', 'error-summary', 'notice', 'conflict', 'section', 'field', 'field-error', 'form-error', 'search-results', 'line', 'lock', 'totals', 'refund-due', 'actions', 'submit-button', 'discard-button', 'cancel-button'],
  print: ['dialog', 'panel', 'title', 'options', 'body', 'preview', 'footer', 'progress', 'confirm', 'error', 'button'],
  import: ['dialog', 'panel', 'title', 'steps', 'body', 'drop-zone', 'mapping', 'problems', 'preview', 'results', 'progress', 'summary', 'error', 'footer', 'button'],
  scan: ['view', 'header', 'scan-form', 'scan-input', 'scan-button', 'camera-button', 'sound-toggle', 'feedback', 'success', 'error', 'retry-button', 'camera', 'summary', 'round-actions', 'print-awb-button', 'print-manifest-button', 'clear-button', 'table-wrap', 'table', 'header-cell', 'row', 'moved-row', 'problem-row', 'cell', 'result-badge', 'empty-state'],
  settings: ['view', 'header', 'save-button', 'discard-button', 'reset-button', 'confirm', 'summary', 'message', 'section', 'table', 'row', 'hidden-row', 'badge', 'field', 'input', 'field-error', 'tab-item', 'move-up-button', 'move-down-button'],
} as const;

export type PartGroup = keyof typeof PARTS;

/** `exportparts` for one nested element: `row: table-row, cell: table-cell, …`. */
export function exportParts(group: PartGroup): string {
  return PARTS[group].map((name) => `${name}: ${group}-${name}`).join(', ');
}
