/**
 * Shared user-interface strings: labels that several elements show (column headers, buttons, states).
 * Each entry is a function so `msg()` runs at render time, in the locale active then.
 * Element-specific strings stay in their element; these are the common vocabulary.
 */
import { msg } from '@lit/localize';

export const uiStrings = {
  orders: () => msg('Orders'),
  search: () => msg('Search', { desc: 'Label of the order search field' }),
  status: () => msg('Status', { desc: 'Workflow status of an order (column header, filter)' }),
  total: () => msg('Total', { desc: 'Order total amount' }),
  customer: () => msg('Customer'),
  store: () => msg('Store', { desc: 'A shop or outlet of the merchant' }),
  retry: () => msg('Retry', { desc: 'Button: try a failed request again' }),
  cancel: () => msg('Cancel', { desc: 'Button: close a dialog without doing anything' }),
  confirm: () => msg('Confirm', { desc: 'Button: carry out the action a dialog asks about' }),
  loading: () => msg('Loading…'),
  noOrdersMatch: () => msg('No orders match', { desc: 'Empty state of an order list with filters' }),
} as const;

export type UiStringKey = keyof typeof uiStrings;
