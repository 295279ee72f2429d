/**
 * The API layer's public entry: the `OrderApi` contract and its typed errors, boundary validation, and
 * the embedded IndexedDB engine (`createLocalApi`).
 */
export * from './types.js';
export {
  checkDraft,
  checkOrder,
  validateActionRequest,
  validateBulkRequest,
  validateDraft,
  validateOrder,
  validatePage,
  validatePatch,
  validateQuery,
  validateUpdateRequest,
} from './validate.js';
export { checkWorkflowShape, validateSaveWorkflow, validateStoredWorkflow } from './workflow-shape.js';
export { createLocalApi } from './local/index.js';
export type { LoadProblem, LocalApiOptions, LocalOrderApi, SeedOptions } from './local/index.js';
export { startCourierSimulation } from './local/index.js';
export type { CourierFailure, CourierSimulationApi, CourierSimulationOptions } from './local/index.js';
export { createRestApi, DEFAULT_CAPABILITIES } from './rest/index.js';
export type { RestApiOptions, RestOrderApi, RetryOptions } from './rest/index.js';
export type * from './accounting/types.js';
export { createSimulatedAccounting, FAILURE_REASONS, TIMED_OUT } from './accounting/index.js';
export type { SimulatedAccounting, SimulatedAccountingOptions } from './accounting/index.js';
