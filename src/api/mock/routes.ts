/**
 * Every route the mock backend serves, as plain data: the handlers are built from this table (one
 * implementation per id, enforced by the type checker) and scripts/check-openapi.mjs compares it with
 * docs/openapi.yaml in both directions, so the mock and the contract cannot drift apart.
 *
 * No imports on purpose: the check script transpiles and evaluates this file on its own.
 * Paths are relative to the backend's base URL, in MSW's `:param` syntax; order matters (a concrete
 * path such as `/orders/counts` comes before `/orders/:id`). `id` is the OpenAPI `operationId`.
 */
export const ROUTES = [
  { id: 'listOrders', method: 'GET', path: '/orders' },
  { id: 'createOrder', method: 'POST', path: '/orders' },
  { id: 'countTabs', method: 'GET', path: '/orders/counts' },
  { id: 'findOrdersByCode', method: 'GET', path: '/orders/lookup' },
  { id: 'importOrders', method: 'POST', path: '/orders/import' },
  { id: 'runBulkAction', method: 'POST', path: '/orders/bulk-actions' },
  { id: 'getOrder', method: 'GET', path: '/orders/:id' },
  { id: 'updateOrder', method: 'PATCH', path: '/orders/:id' },
  { id: 'runAction', method: 'POST', path: '/orders/:id/actions/:action' },
  { id: 'listShipments', method: 'GET', path: '/shipments' },
  { id: 'listPayments', method: 'GET', path: '/payments' },
  { id: 'calendar', method: 'GET', path: '/calendar' },
  { id: 'searchCustomers', method: 'GET', path: '/customers' },
  { id: 'searchProducts', method: 'GET', path: '/products' },
  { id: 'getCapabilities', method: 'GET', path: '/capabilities' },
  { id: 'getWorkflow', method: 'GET', path: '/workflow' },
  { id: 'saveWorkflow', method: 'PUT', path: '/workflow' },
  { id: 'streamEvents', method: 'GET', path: '/events' },
] as const;

export type Route = (typeof ROUTES)[number];
export type RouteId = Route['id'];
