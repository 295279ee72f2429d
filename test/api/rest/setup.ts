/**
 * Shared setup of the REST adapter tests: a seeded mock backend on a fresh database, REST clients with
 * an injected sleep that records every wait (no wall-clock waiting), and waiting helpers.
 */
import { deleteDB } from 'idb';
import { createMockHandlers, type MockBackend, type MockBackendOptions } from '../../../src/api/mock/index.js';
import type { RestApiOptions, RestOrderApi } from '../../../src/api/rest/index.js';
import { generateOrders } from '../../../src/model/generate.js';
import type { Order } from '../../../src/model/types.js';

export const BASE = 'https://api.orderdeck.test/v1';
export const PRESET = 'payment-fulfillment';
export const SEED = { count: 40, seed: 5 } as const;
export const seeded: readonly Order[] = generateOrders({ preset: PRESET, ...SEED });
export const openOrders = seeded.filter((o) => o.status === 'open' && !o.archived && !o.deletedAt);

const opened: { mock: MockBackend; dbName: string }[] = [];

export async function openMock(options: Partial<MockBackendOptions> = {}): Promise<MockBackend> {
  const dbName = `rest-test-${crypto.randomUUID()}`;
  const mock = createMockHandlers({ baseUrl: BASE, preset: PRESET, dbName, seed: SEED, ...options });
  opened.push({ mock, dbName });
  await mock.ready;
  return mock;
}

/** Closes every mock opened by a test and deletes its database. Call from `afterEach`. */
export async function closeMocks(): Promise<void> {
  for (const { mock, dbName } of opened.splice(0)) {
    mock.close();
    await deleteDB(dbName);
  }
}

export interface Waits {
  /** Every wait the client asked for, ms. */
  readonly waits: number[];
  readonly sleep: NonNullable<RestApiOptions['sleep']>;
}

/** A sleep that records and returns at once (still honouring an abort). */
export function recordedSleep(): Waits {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      await Promise.resolve();
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    },
  };
}

/** A REST client of `mock` for a viewer id, with recorded waits, jitter fixed at 0.5. */
export function client(mock: MockBackend, token = 'usr_admin', options: Partial<RestApiOptions> = {}): RestOrderApi & { waits: number[] } {
  const { waits, sleep } = recordedSleep();
  const api = mock.client(token, { random: () => 0.5, sleep, retry: { maxRetries: 3, baseDelayMs: 100, capMs: 1000 }, ...options });
  return Object.assign(api, { waits });
}

export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const routeRequests = (mock: MockBackend, route: string) => mock.requests.filter((r) => r.route === route);
