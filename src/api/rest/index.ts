/**
 * The REST adapter: `createRestApi` speaks the contract in docs/openapi.yaml over fetch, and the wire
 * helpers a server (or the mock backend) uses to speak it back.
 */
export { createRestApi, DEFAULT_CAPABILITIES } from './rest-api.js';
export type { RestApiOptions, RestOrderApi } from './rest-api.js';
export type { RetryOptions } from './transport.js';
export { parseRetryAfter } from './transport.js';
export { SseParser } from './sse.js';
export type { SseMessage } from './sse.js';
export {
  codeOfStatus,
  codeOfType,
  etagOf,
  parseIfMatch,
  PROBLEM_BASE,
  problemType,
  STATUS_OF_CODE,
  UNAUTHENTICATED_TYPE,
} from './wire.js';
