/**
 * The embedded IndexedDB engine: `createLocalApi` and its option and result types.
 */
export { createLocalApi } from './local-api.js';
export type { LoadProblem, LocalApiOptions, LocalOrderApi, SeedOptions } from './local-api.js';
