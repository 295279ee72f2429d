/**
 * The embedded IndexedDB engine: `createLocalApi` and its option and result types.
 */
export { createLocalApi } from './local-api.js';
export type { LoadProblem, LocalApiOptions, LocalOrderApi, SeedOptions } from './local-api.js';
export { startCourierSimulation } from './courier-sim.js';
export type { CourierFailure, CourierSimulationApi, CourierSimulationOptions } from './courier-sim.js';
