/**
 * The accounting port: the `AccountingConnector` contract and its embedded default, the simulated
 * "SQL Account" over IndexedDB (`createSimulatedAccounting`).
 */
export type * from './types.js';
export { createSimulatedAccounting } from './simulated.js';
export type { SimulatedAccounting, SimulatedAccountingOptions } from './simulated.js';
export { FAILURE_REASONS, TIMED_OUT } from './batches.js';
