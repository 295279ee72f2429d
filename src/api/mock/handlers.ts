/**
 * `createMockHandlers`: MSW handlers that serve the REST contract (docs/openapi.yaml) from the local
 * engine (engine.ts), for the demo, for our tests and for hosts' tests. The viewer of each request comes
 * from its bearer token; `If-Match` becomes the expected version, `Idempotency-Key` goes to the engine's
 * idempotency log, errors are problem+json. `faults` injects failures; `requests` records what arrived.
 */
import { http, HttpResponse, delay as mswDelay, type HttpHandler } from 'msw';
import { demoCatalog, type ProductCatalog } from '../../model/csv/catalog.js';
import { demoViewers } from '../../model/generate.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../../model/presets/index.js';
import type { Order, OrderDraft, Store, Viewer } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import type { LocalOrderApi, SeedOptions } from '../local/index.js';
import { createRestApi, type RestApiOptions, type RestOrderApi } from '../rest/rest-api.js';
import {
  codeOfStatus,
  decodeCalendarRequest,
  decodeOrderQuery,
  decodePage,
  decodePaymentQuery,
  decodeShipmentQuery,
  etagOf,
  ParamReader,
  parseIfMatch,
  patchFromWire,
  problemType,
  PROBLEM_TITLES,
  STATUS_OF_CODE,
  UNAUTHENTICATED_TYPE,
} from '../rest/wire.js';
import { OrderApiError, type ActionRequest, type BulkActionRequest, type FieldProblem, type OrderApiErrorCode, type OrderPatch } from '../types.js';
import { isRecord } from '../validate.js';
import { MockEngine } from './engine.js';
import { EventHub, type EventHubOptions } from './events.js';
import { Faults, type FaultSpec } from './faults.js';
import { createMockFetch } from './fetch.js';
import { ROUTES, type Route, type RouteId } from './routes.js';

export interface MockBackendOptions {
  /** Where the contract is served: an absolute URL or a path on the page's origin (`/api`). */
  readonly baseUrl: string;
  /** The workflow preset the engine applies (or give `workflow`). */
  readonly preset?: PresetKey;
  readonly workflow?: WorkflowDefinition;
  /** The IndexedDB database behind the mock (default `orderdeck-mock`); shared by every viewer. */
  readonly dbName?: string;
  /**
   * Replace the data when starting: generated demo orders (`{ count, seed }` of the preset) or given
   * orders. Without it the mock serves what the database already holds.
   */
  readonly seed?: { readonly count: number; readonly seed?: number; readonly now?: string } | { readonly orders: readonly Order[]; readonly stores?: readonly Store[] };
  /** Store names and time zones (search and sort by store name). */
  readonly stores?: readonly Store[];
  /** The catalogue `GET /products` searches (default: the demo catalogue, `demoCatalog()`). */
  readonly catalog?: ProductCatalog;
  /** Who may call (default `demoViewers`). */
  readonly viewers?: readonly Viewer[];
  /**
   * The viewer of a request, from its `Authorization` header; undefined answers 401. Default: the
   * token of `Bearer <token>` is a viewer's id.
   */
  readonly authenticate?: (authorization: string | null, viewers: readonly Viewer[]) => Viewer | undefined;
  /** The event stream's replay buffer, retry hint and keep-alive. */
  readonly events?: EventHubOptions;
}

/** One request as the mock received it. */
export interface RecordedRequest {
  readonly route: RouteId;
  readonly method: string;
  readonly url: string;
  readonly idempotencyKey: string | null;
  readonly ifMatch: string | null;
  readonly lastEventId: string | null;
  readonly authorization: string | null;
  /** The status answered, or `network` for a simulated network error (0 while in flight). */
  status: number | 'network';
}

export interface MockBackend {
  /** MSW handlers: give them to `setupWorker`, `setupServer`, or `createMockFetch`. */
  readonly handlers: readonly HttpHandler[];
  /** Resolves when the database is open (and seeded). Handlers wait for it on their own. */
  readonly ready: Promise<void>;
  readonly baseUrl: string;
  /** Fault injection (faults.ts). */
  readonly faults: Faults;
  /** A fetch that answers from these handlers in the page, without a service worker. */
  readonly fetch: typeof fetch;
  /** Every request received, oldest first (the last 2000). */
  readonly requests: readonly RecordedRequest[];
  /** The event stream: newest id, open streams, and cutting them (clients reconnect). */
  readonly events: {
    readonly head: number;
    readonly openStreams: number;
    dropAll(error?: boolean): void;
  };
  /** A REST adapter talking to this mock as the viewer of `token` (through `fetch`). */
  client(token: string, options?: Partial<RestApiOptions>): RestOrderApi;
  /**
   * The local engine instance acting for a viewer id, or with no id a superadmin view of everything:
   * for checking in tests what the backend really stored.
   */
  engine(viewerId?: string): Promise<LocalOrderApi>;
  /** Ends every stream and closes the engine instances (the database itself is kept). */
  close(): void;
}

const bearer = (authorization: string | null): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];

const defaultAuthenticate = (authorization: string | null, viewers: readonly Viewer[]): Viewer | undefined => {
  const token = bearer(authorization);
  return token === undefined ? undefined : viewers.find((v) => v.id === token);
};

// ── responses ─────────────────────────────────────────────────────────────────────────────────────────

interface ProblemExtras {
  readonly fields?: readonly FieldProblem[];
  readonly refusal?: unknown;
  readonly current?: unknown;
  readonly retryAfterMs?: number;
}

function problem(status: number, code: OrderApiErrorCode, detail: string, extras: ProblemExtras = {}, headers: Record<string, string> = {}, type = problemType(code)): Response {
  return HttpResponse.json(
    { type, title: PROBLEM_TITLES[code], status, detail, code, ...extras },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

function invalid(status: number, message: string, fields: readonly FieldProblem[]): Response {
  const first = fields[0];
  return problem(status, 'invalid-input', first ? `${message}: ${first.field} ${first.message}` : message, { fields });
}

function fromError(e: unknown, conflictStatus: number): Response {
  if (e instanceof OrderApiError) {
    const status = e.code === 'conflict' ? conflictStatus : STATUS_OF_CODE[e.code];
    const { code: _code, message, ...extras } = e.toJSON();
    return problem(status, e.code, message, extras);
  }
  console.error('orderdeck mock: a handler failed', e);
  return problem(500, 'unavailable', `The mock backend failed: ${e instanceof Error ? e.message : String(e)}`);
}

function orderResponse(order: Order, status = 200, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(order, { status, headers: { ETag: etagOf(order.version), ...headers } });
}

/** Thrown inside a handler to answer with this response. */
class Answer {
  constructor(readonly response: Response) {}
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Answer(invalid(400, `The request body is not JSON (${e instanceof Error ? e.message : String(e)})`, [{ field: '(body)', message: 'must be JSON' }]));
  }
}

async function readObject(request: Request, optional = false): Promise<Record<string, unknown>> {
  const body = await readJson(request);
  if (body === undefined && optional) return {};
  if (!isRecord(body)) throw new Answer(invalid(422, 'Invalid request body', [{ field: '(body)', message: 'must be a JSON object' }]));
  return body as Record<string, unknown>;
}

/** The caller's Idempotency-Key, scoped to the caller (one viewer cannot replay another's write). */
function idempotencyKey(request: Request, viewer: Viewer): string {
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key.trim() === '') throw new Answer(invalid(400, 'Every write needs an idempotency key', [{ field: 'Idempotency-Key', message: 'is required' }]));
  if (key.length > 255) throw new Answer(invalid(400, 'Invalid idempotency key', [{ field: 'Idempotency-Key', message: 'must be at most 255 characters' }]));
  return `${viewer.id}\u0001${key}`;
}

function expectedVersion(request: Request): number {
  const version = parseIfMatch(request.headers.get('If-Match'));
  if (version === undefined) {
    throw new Answer(problem(428, 'invalid-input', 'This write needs If-Match with the version you saw, e.g. If-Match: "3".', {
      fields: [{ field: 'If-Match', message: 'is required' }],
    }));
  }
  if (Number.isNaN(version)) {
    throw new Answer(invalid(400, 'Invalid If-Match', [{ field: 'If-Match', message: 'must be one order version as an ETag, e.g. "3"' }]));
  }
  return version;
}

/** `q`, `storeId` and `limit` of a search; the engine checks their values. */
function searchParams(url: URL): { q: string; storeId?: string; limit?: number } {
  const p = url.searchParams;
  const limitText = p.get('limit');
  const limit = limitText === null ? undefined : Number(limitText);
  if (limit !== undefined && !Number.isInteger(limit)) throw new Answer(invalid(422, 'Invalid query parameters', [{ field: 'limit', message: 'must be a whole number' }]));
  const storeId = p.get('storeId') ?? undefined;
  return { q: p.get('q') ?? '', ...(storeId !== undefined && { storeId }), ...(limit !== undefined && { limit }) };
}

function params<T>(url: URL, decode: (r: ParamReader) => T): T {
  const reader = new ParamReader(url.searchParams);
  const value = decode(reader);
  if (reader.problems.length) throw new Answer(invalid(422, 'Invalid query parameters', reader.problems));
  return value;
}

// ── the backend ───────────────────────────────────────────────────────────────────────────────────────

interface Context {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly viewer: Viewer;
  readonly api: LocalOrderApi;
  readonly fault: FaultSpec | undefined;
}

type Impl = (ctx: Context) => Promise<Response>;

export function createMockHandlers(options: MockBackendOptions): MockBackend {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const preset = options.preset ?? options.workflow?.key;
  const workflow = options.workflow ?? getPreset(options.preset ?? 'payment-fulfillment');
  const viewers = options.viewers ?? demoViewers;
  const authenticate = options.authenticate ?? defaultAuthenticate;
  const faults = new Faults();
  const hub = new EventHub(options.events);
  const requests: RecordedRequest[] = [];
  let seed: SeedOptions | undefined;
  if (options.seed && 'orders' in options.seed) seed = options.seed;
  else if (options.seed) {
    if (!preset || !(PRESET_KEYS as readonly string[]).includes(preset)) {
      throw new Error('createMockHandlers: seeding generated orders needs a preset');
    }
    seed = {
      preset: preset as PresetKey,
      count: options.seed.count,
      ...(options.seed.seed !== undefined && { seed: options.seed.seed }),
      ...(options.seed.now !== undefined && { now: options.seed.now }),
    };
  }
  const engine = new MockEngine({
    workflow,
    dbName: options.dbName ?? 'orderdeck-mock',
    ...(options.stores && { stores: options.stores }),
    catalog: options.catalog ?? demoCatalog(),
    ...(seed && { seed }),
    onChange: (e) => hub.publish(e),
  });
  // Not awaited by anyone in particular: handlers await it, and so may the host.
  engine.ready.catch((e: unknown) => console.error('orderdeck mock: could not open the database', e));

  const id = (ctx: Context, key: string): string => String(ctx.params[key] ?? '');

  const impls: Record<RouteId, Impl> = {
    listOrders: async ({ api, url }) => {
      const [query, page] = params(url, (r) => [decodeOrderQuery(r), decodePage(r)] as const);
      return HttpResponse.json(await api.listOrders(query, page));
    },
    countTabs: async ({ api, url }) => {
      const query = params(url, decodeOrderQuery);
      return HttpResponse.json(await api.countTabs(query));
    },
    findOrdersByCode: async ({ api, url }) => HttpResponse.json({ items: await api.findOrdersByCode(url.searchParams.get('code') ?? '') }),
    getOrder: async (ctx) => orderResponse(await ctx.api.getOrder(id(ctx, 'id'))),
    runAction: async (ctx) => {
      const version = expectedVersion(ctx.request);
      const key = idempotencyKey(ctx.request, ctx.viewer);
      const body = await readObject(ctx.request, true);
      const request: ActionRequest = {
        orderId: id(ctx, 'id'),
        action: id(ctx, 'action'),
        expectedVersion: version,
        // The engine validates the input's shape (an object) and its fields.
        ...(body.input !== undefined && { input: body.input as ActionRequest['input'] }),
      };
      const order = await engine.write(ctx.api, () => ctx.api.runAction(request, { idempotencyKey: key }));
      return orderResponse(order);
    },
    runBulkAction: async (ctx) => {
      const key = idempotencyKey(ctx.request, ctx.viewer);
      const body = await readObject(ctx.request);
      const results = await engine.write(ctx.api, () => ctx.api.runBulkAction(body as unknown as BulkActionRequest, { idempotencyKey: key }));
      return HttpResponse.json({ results });
    },
    createOrder: async (ctx) => {
      const key = idempotencyKey(ctx.request, ctx.viewer);
      const body = await readObject(ctx.request);
      const order = await engine.write(ctx.api, () => ctx.api.createOrder(body as unknown as OrderDraft, { idempotencyKey: key }));
      return orderResponse(order, 201, { Location: `${baseUrl}/orders/${encodeURIComponent(order.id)}` });
    },
    updateOrder: async (ctx) => {
      const version = expectedVersion(ctx.request);
      const key = idempotencyKey(ctx.request, ctx.viewer);
      const patch = patchFromWire(await readObject(ctx.request)) as OrderPatch;
      const order = await engine.write(ctx.api, () => ctx.api.updateOrder({ orderId: id(ctx, 'id'), patch, expectedVersion: version }, { idempotencyKey: key }));
      return orderResponse(order);
    },
    importOrders: async (ctx) => {
      const key = idempotencyKey(ctx.request, ctx.viewer);
      const body = await readObject(ctx.request);
      if (!Array.isArray(body.orders)) throw new Answer(invalid(422, 'Invalid import', [{ field: 'orders', message: 'must be a list of order drafts' }]));
      const drafts = body.orders as OrderDraft[];
      return HttpResponse.json(await engine.write(ctx.api, () => ctx.api.importOrders(drafts, { idempotencyKey: key })));
    },
    listShipments: async ({ api, url }) => {
      const [query, page] = params(url, (r) => [decodeShipmentQuery(r), decodePage(r)] as const);
      return HttpResponse.json(await api.listShipments(query, page));
    },
    listPayments: async ({ api, url }) => {
      const [query, page] = params(url, (r) => [decodePaymentQuery(r), decodePage(r)] as const);
      return HttpResponse.json(await api.listPayments(query, page));
    },
    calendar: async ({ api, url }) => {
      const request = params(url, decodeCalendarRequest);
      return HttpResponse.json({ buckets: await api.calendar(request) });
    },
    searchCustomers: async ({ api, url }) => {
      const { q, storeId, limit } = searchParams(url);
      return HttpResponse.json({ items: await api.searchCustomers(q, { ...(storeId !== undefined && { storeId }), ...(limit !== undefined && { limit }) }) });
    },
    searchProducts: async ({ api, url }) => {
      const { q, storeId, limit } = searchParams(url);
      if (storeId === undefined) throw new Answer(invalid(422, 'Invalid query parameters', [{ field: 'storeId', message: 'is required' }]));
      return HttpResponse.json({ items: await api.searchProducts(q, { storeId, ...(limit !== undefined && { limit }) }) });
    },
    getCapabilities: async ({ api }) => HttpResponse.json(api.capabilities),
    getWorkflow: async ({ api }) => {
      const stored = await api.getWorkflow();
      return HttpResponse.json(stored, { headers: { ETag: etagOf(stored.version) } });
    },
    saveWorkflow: async (ctx) => {
      const version = expectedVersion(ctx.request);
      const key = idempotencyKey(ctx.request, ctx.viewer);
      const body = await readObject(ctx.request);
      const request = { definition: body.definition as WorkflowDefinition, expectedVersion: version };
      const stored = await engine.write(ctx.api, () => ctx.api.saveWorkflow(request, { idempotencyKey: key }));
      return HttpResponse.json(stored, { headers: { ETag: etagOf(stored.version) } });
    },
    streamEvents: async ({ request, url, viewer, fault }) => {
      const last = request.headers.get('Last-Event-ID') ?? url.searchParams.get('lastEventId');
      const dropAfter = fault?.kind === 'drop' ? (fault.afterEvents ?? 0) : undefined;
      return new HttpResponse(hub.open(viewer, last, dropAfter), {
        status: 200,
        headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
      });
    },
  };

  const serve = async (route: Route, request: Request, pathParams: Context['params'], fault?: FaultSpec): Promise<Response> => {
    try {
      await engine.ready;
    } catch (e) {
      return problem(503, 'unavailable', `The mock backend could not open its database: ${e instanceof Error ? e.message : String(e)}`);
    }
    const authorization = request.headers.get('Authorization');
    const viewer = authenticate(authorization, viewers);
    if (!viewer) {
      const detail = authorization === null ? 'Sign in: send Authorization: Bearer <token>.' : 'The bearer token is not valid.';
      return problem(401, 'forbidden', detail, {}, { 'WWW-Authenticate': 'Bearer realm="orderdeck"' }, UNAUTHENTICATED_TYPE);
    }
    const conflictStatus = route.id === 'runAction' || route.id === 'updateOrder' || route.id === 'saveWorkflow' ? 412 : 409;
    try {
      const api = await engine.forViewer(viewer);
      return await impls[route.id]({ request, url: new URL(request.url), params: pathParams, viewer, api, fault });
    } catch (e) {
      if (e instanceof Answer) return e.response;
      return fromError(e, conflictStatus);
    }
  };

  const withFault = async (route: Route, request: Request, pathParams: Context['params']): Promise<Response> => {
    const fault = faults.take(route.id);
    if (!fault) return serve(route, request, pathParams);
    if (fault.kind === 'drop') {
      // Only meaningful for the event stream: handled by its implementation.
      return serve(route, request, pathParams, fault);
    }
    const after = fault.after === true || (fault.kind === 'body' && typeof fault.body === 'function');
    if (!after) {
      if (fault.kind === 'delay') {
        await mswDelay(fault.delayMs ?? 1000);
        return serve(route, request, pathParams);
      }
      return failed(fault, undefined);
    }
    const response = await serve(route, request, pathParams);
    if (fault.kind === 'delay') {
      await mswDelay(fault.delayMs ?? 1000);
      return response;
    }
    return failed(fault, response);
  };

  const handlers = ROUTES.map((route) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put';
    return http[method](`${baseUrl}${route.path}`, async ({ request, params: pathParams }) => {
      const record: RecordedRequest = {
        route: route.id,
        method: request.method,
        url: request.url,
        idempotencyKey: request.headers.get('Idempotency-Key'),
        ifMatch: request.headers.get('If-Match'),
        lastEventId: request.headers.get('Last-Event-ID'),
        authorization: request.headers.get('Authorization'),
        status: 0,
      };
      requests.push(record);
      if (requests.length > 2000) requests.splice(0, requests.length - 2000);
      const response = await withFault(route, request, pathParams);
      record.status = response.type === 'error' ? 'network' : response.status;
      return response;
    });
  });

  let fetcher: typeof fetch | undefined;
  const backend: MockBackend = {
    handlers,
    ready: engine.ready,
    baseUrl,
    faults,
    get fetch() {
      fetcher ??= createMockFetch(handlers);
      return fetcher;
    },
    requests,
    events: {
      get head() {
        return hub.head;
      },
      get openStreams() {
        return hub.openStreams;
      },
      dropAll: (error?: boolean) => hub.dropAll(error),
    },
    client: (token, clientOptions = {}) =>
      createRestApi({
        baseUrl,
        fetch: backend.fetch,
        headers: () => ({ Authorization: `Bearer ${token}` }),
        ...clientOptions,
      }),
    engine: async (viewerId) => {
      if (viewerId === undefined) return engine.backdoor();
      const viewer = viewers.find((v) => v.id === viewerId);
      if (!viewer) throw new Error(`createMockHandlers: no viewer ${viewerId}`);
      return engine.forViewer(viewer);
    },
    close: () => {
      hub.close();
      faults.clear();
      engine.close();
    },
  };
  return backend;
}

/** A failed response for a fault; `real` is the response the engine gave (for `body` transforms). */
async function failed(fault: FaultSpec, real: Response | undefined): Promise<Response> {
  switch (fault.kind) {
    case 'network':
      return HttpResponse.error();
    case 'malformed':
      return new HttpResponse('{"id": "ord_1", "number": ', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'body': {
      let value = fault.body;
      if (typeof fault.body === 'function') {
        const json: unknown = real ? await real.clone().json().catch(() => undefined) : undefined;
        value = (fault.body as (body: unknown) => unknown)(json);
      }
      return HttpResponse.json(value as object, { status: fault.status ?? 200 });
    }
    default: {
      const status = fault.status ?? 503;
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
      if (fault.raw !== undefined) {
        return new HttpResponse(fault.raw, { status, headers: { 'Content-Type': fault.contentType ?? 'text/html', ...headers } });
      }
      const code = fault.code ?? codeOfStatus(status);
      return problem(status, code, `Injected failure: ${status} ${PROBLEM_TITLES[code]}.`, {}, headers);
    }
  }
}

