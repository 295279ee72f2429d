/**
 * Fault injection for the mock backend: make the next N requests of a route fail in a chosen way, for
 * tests and for the demo's "flaky network" switch.
 *
 *   mock.faults.next({ route: 'runAction', kind: 'status', status: 503 })            refused before it runs
 *   mock.faults.next({ route: 'runAction', kind: 'network', after: true })            applied, answer lost
 *   mock.faults.next({ route: 'listOrders', kind: 'status', status: 429, retryAfter: 2 })
 *   mock.faults.next({ route: 'getOrder', kind: 'delay', delayMs: 500 })              slow, then normal
 *   mock.faults.next({ route: 'getOrder', kind: 'malformed' })                         body is not JSON
 *   mock.faults.next({ route: 'getOrder', kind: 'body', body: (o) => ({ ...o, version: 'x' }) })
 *   mock.faults.next({ route: 'streamEvents', kind: 'drop', afterEvents: 1 })          stream cut after 1 event
 *
 * `after: true` runs the request against the engine first and then fails its response: the write is
 * applied but the client never hears so — the case idempotency keys exist for.
 */
import type { OrderApiErrorCode } from '../types.js';
import type { RouteId } from './routes.js';

export type FaultKind = 'status' | 'network' | 'delay' | 'malformed' | 'body' | 'drop';

export interface FaultSpec {
  readonly route: RouteId;
  readonly kind: FaultKind;
  /** How many matching requests it affects (default 1). */
  readonly count?: number;
  /** Apply the request first, then fail the response (`status`, `network`, `delay`, `malformed`, `body`). */
  readonly after?: boolean;
  /** `status`: the HTTP status (default 503). `body`: the status of the replaced response (default 200). */
  readonly status?: number;
  /** `status`: the problem code (default: the one the status implies). */
  readonly code?: OrderApiErrorCode;
  /** `status`: a `Retry-After` header value (seconds, or an HTTP date). */
  readonly retryAfter?: number | string;
  /** `status`: a raw body instead of problem+json (e.g. a proxy's HTML page), with `contentType`. */
  readonly raw?: string;
  readonly contentType?: string;
  /** `delay`: ms before (or, with `after`, after) the request is handled. */
  readonly delayMs?: number;
  /** `body`: the JSON to send instead, or a function of the real JSON body. */
  readonly body?: unknown;
  /** `drop`: change events delivered before the stream is cut (default 0). */
  readonly afterEvents?: number;
}

interface Pending {
  readonly spec: FaultSpec;
  left: number;
}

export class Faults {
  private readonly queue: Pending[] = [];

  /** Queues a fault for the next `count` requests of `spec.route`. Faults of one route apply in order. */
  next(spec: FaultSpec): void {
    this.queue.push({ spec, left: Math.max(1, spec.count ?? 1) });
  }

  /** How many injected failures have not happened yet. */
  get pending(): number {
    return this.queue.reduce((n, p) => n + p.left, 0);
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for this request of `route`, consuming one use of it. */
  take(route: RouteId): FaultSpec | undefined {
    const at = this.queue.findIndex((p) => p.spec.route === route);
    if (at < 0) return undefined;
    const pending = this.queue[at] as Pending;
    if (--pending.left <= 0) this.queue.splice(at, 1);
    return pending.spec;
  }
}
