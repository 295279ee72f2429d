/**
 * The mock backend: MSW handlers that serve the REST contract (docs/openapi.yaml) from the embedded
 * engine, with fault injection, for the demo, for our tests and for hosts' tests (docs/mock-backend.md).
 * Its own entry point, so the main bundle never carries msw.
 */
export { createMockHandlers } from './handlers.js';
export type { MockBackend, MockBackendOptions, RecordedRequest } from './handlers.js';
export { createMockFetch } from './fetch.js';
export { Faults } from './faults.js';
export type { FaultKind, FaultSpec } from './faults.js';
export { ROUTES } from './routes.js';
export type { Route, RouteId } from './routes.js';
export type { EventHubOptions } from './events.js';
export { setupMockWorker } from './worker.js';
export type { MockWorker, MockWorkerOptions } from './worker.js';
