/**
 * `createRestApi`: the `OrderApi` contract over HTTP (DESIGN.md §2.2, "rest"), as documented in
 * docs/openapi.yaml. Requests are checked with the same boundary validation as the local engine before
 * they are sent; every write carries an `Idempotency-Key`, single-order writes carry `If-Match` with the
 * expected version; every response is validated before it is returned (transport.ts retries, decode.ts
 * checks); `subscribe` listens to `GET /events` over fetch (sse.ts).
 */
import type { Order, OrderDraft } from '../../model/types.js';
import {
  OrderApiError,
  type ActionRequest,
  type BulkActionRequest,
  type BulkItemResult,
  type CalendarBucket,
  type CalendarRequest,
  type Capabilities,
  type ChangeEvent,
  type CustomerMatch,
  type CustomerSearchOptions,
  type ImportResult,
  type OrderApi,
  type OrderPage,
  type OrderQuery,
  type PageRequest,
  type PaymentQuery,
  type PaymentRow,
  type PaymentTotals,
  type ProductMatch,
  type ProductSearchScope,
  type RequestOptions,
  type ShipmentQuery,
  type SaveWorkflowRequest,
  type ShipmentRow,
  type StoredWorkflow,
  type UpdateRequest,
  type WriteOptions,
} from '../types.js';
import {
  checkDraft,
  validateActionRequest,
  validateBulkRequest,
  validateCode,
  validateDraft,
  validatePage,
  validatePatch,
  validateQuery,
  validateUpdateRequest,
} from '../validate.js';
import {
  decodeBulk,
  decodeCalendar,
  decodeCapabilities,
  decodeCounts,
  decodeCustomers,
  decodeImport,
  decodeOrder,
  decodeOrderList,
  decodeOrderPage,
  decodePayments,
  decodeProducts,
  decodeShipments,
  decodeStoredWorkflow,
  malformed,
} from './decode.js';
import { validateSaveWorkflow } from '../workflow-shape.js';
import { ChangeStream } from './sse.js';
import { abortedError, Transport, type RetryOptions } from './transport.js';
import {
  encodeCalendarRequest,
  encodeOrderQuery,
  encodePage,
  encodePaymentQuery,
  encodeShipmentQuery,
  etagOf,
  patchToWire,
} from './wire.js';

export interface RestApiOptions {
  /** Where the contract is served, e.g. `https://shop.example/api/orderdeck` (no trailing slash needed). */
  readonly baseUrl: string;
  /** The fetch to use (default `globalThis.fetch`); tests pass one that goes through MSW handlers. */
  readonly fetch?: typeof fetch;
  /**
   * Headers of every request, asked for per request (and per retry and reconnect), so a host can
   * refresh its token: `() => ({ Authorization: \`Bearer ${session.token}\` })`.
   */
  readonly headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Retry and backoff of requests and of the change stream's reconnects. */
  readonly retry?: RetryOptions;
  /** Per-attempt timeout in ms (default 15 000; 0 = none). A timeout is a retriable `network` error. */
  readonly timeoutMs?: number;
  /**
   * A change stream silent for this long (ms; no event, no keep-alive comment) is replaced by a new
   * connection (default 45 000; 0 = never).
   */
  readonly realtimeIdleTimeoutMs?: number;
  /** What the backend supports, until `loadCapabilities()` asks it (default: everything). */
  readonly capabilities?: Partial<Capabilities>;
  /** Injectable for tests: jitter source in [0, 1). */
  readonly random?: () => number;
  /** Injectable for tests: waits between retries and reconnects. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: the clock `Retry-After` HTTP dates are read against. */
  readonly now?: () => number;
}

export interface RestOrderApi extends OrderApi {
  /** `GET /capabilities`: asks the backend what it supports and updates `capabilities`. */
  loadCapabilities(options?: RequestOptions): Promise<Capabilities>;
  readonly baseUrl: string;
}

/** What a backend following docs/openapi.yaml supports; `loadCapabilities()` asks the real one. */
export const DEFAULT_CAPABILITIES: Capabilities = {
  concurrency: true,
  idempotency: true,
  realtime: true,
  bulk: true,
  import: true,
  calendar: true,
  orderEntry: true,
  workflows: true,
};

export function createRestApi(options: RestApiOptions): RestOrderApi {
  return new RestApi(options);
}

const enc = encodeURIComponent;

function query(params: URLSearchParams): string {
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

function keyOf(options: WriteOptions | undefined): string {
  const key = options?.idempotencyKey;
  if (typeof key !== 'string' || key.trim() === '') {
    throw new OrderApiError({
      code: 'invalid-input',
      message: 'Every write needs an idempotency key.',
      fields: [{ field: 'idempotencyKey', message: 'is required' }],
    });
  }
  return key;
}

/** The order a single-order request asked for, or a clear error when the server sent another one. */
function sameOrder(id: string, order: Order): Order {
  if (order.id === id) return order;
  throw malformed(`order ${order.id} for a request about order ${id}`, [{ field: 'id', message: `must be ${id}` }]);
}

function checkSearchText(q: unknown): void {
  if (typeof q !== 'string') throw new OrderApiError({ code: 'invalid-input', message: 'Invalid search: q must be a string', fields: [{ field: 'q', message: 'must be a string' }] });
}

/** Runs a synchronous request check, and an abort check, before anything is sent. */
function before(signal: AbortSignal | undefined, check?: () => void): void {
  if (signal?.aborted) throw abortedError();
  check?.();
}

class RestApi implements RestOrderApi {
  private caps: Capabilities;
  private readonly transport: Transport;
  private readonly stream: ChangeStream;

  constructor(options: RestApiOptions) {
    this.caps = { ...DEFAULT_CAPABILITIES, ...options.capabilities };
    this.transport = new Transport(options);
    this.stream = new ChangeStream(this.transport, options.realtimeIdleTimeoutMs);
  }

  get capabilities(): Capabilities {
    return this.caps;
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  async loadCapabilities(options?: RequestOptions): Promise<Capabilities> {
    before(options?.signal);
    const body = await this.transport.json({ method: 'GET', path: '/capabilities', signal: options?.signal });
    this.caps = decodeCapabilities(body);
    return this.caps;
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────────

  async listOrders(q: OrderQuery, page: PageRequest, options?: RequestOptions): Promise<OrderPage> {
    before(options?.signal, () => {
      validateQuery(q);
      validatePage(page);
    });
    const params = encodePage(page, encodeOrderQuery(q));
    return decodeOrderPage(await this.get(`/orders${query(params)}`, options));
  }

  async countTabs(q: OrderQuery, options?: RequestOptions): Promise<Readonly<Record<string, number>>> {
    before(options?.signal, () => validateQuery(q));
    const { tab: _tab, ...rest } = q;
    return decodeCounts(await this.get(`/orders/counts${query(encodeOrderQuery(rest))}`, options));
  }

  async getOrder(id: string, options?: RequestOptions): Promise<Order> {
    before(options?.signal, () => {
      if (typeof id !== 'string' || id === '') throw new OrderApiError({ code: 'not-found', message: `Order ${String(id)} does not exist.` });
    });
    return sameOrder(id, decodeOrder(await this.get(`/orders/${enc(id)}`, options)));
  }

  async findOrdersByCode(code: string, options?: RequestOptions): Promise<readonly Order[]> {
    before(options?.signal, () => validateCode(code));
    return decodeOrderList(await this.get(`/orders/lookup${query(new URLSearchParams({ code }))}`, options));
  }

  async listShipments(
    q: ShipmentQuery,
    page: PageRequest,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly ShipmentRow[]; readonly total: number }> {
    before(options?.signal, () => validatePage(page));
    return decodeShipments(await this.get(`/shipments${query(encodePage(page, encodeShipmentQuery(q)))}`, options));
  }

  async listPayments(
    q: PaymentQuery,
    page: PageRequest,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly PaymentRow[]; readonly total: number; readonly totals: PaymentTotals }> {
    before(options?.signal, () => validatePage(page));
    return decodePayments(await this.get(`/payments${query(encodePage(page, encodePaymentQuery(q)))}`, options));
  }

  async calendar(request: CalendarRequest, options?: RequestOptions): Promise<readonly CalendarBucket[]> {
    before(options?.signal);
    return decodeCalendar(await this.get(`/calendar${query(encodeCalendarRequest(request))}`, options));
  }

  async searchCustomers(q: string, options?: CustomerSearchOptions): Promise<readonly CustomerMatch[]> {
    before(options?.signal, () => checkSearchText(q));
    const params = new URLSearchParams({ q });
    if (options?.storeId !== undefined) params.set('storeId', options.storeId);
    if (options?.limit !== undefined) params.set('limit', String(options.limit));
    return decodeCustomers(await this.get(`/customers${query(params)}`, options));
  }

  async searchProducts(q: string, scope: ProductSearchScope, options?: RequestOptions): Promise<readonly ProductMatch[]> {
    before(options?.signal, () => checkSearchText(q));
    const params = new URLSearchParams({ q, storeId: scope.storeId });
    if (scope.limit !== undefined) params.set('limit', String(scope.limit));
    return decodeProducts(await this.get(`/products${query(params)}`, options));
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────────────────

  async runAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    let key = '';
    before(options?.signal, () => {
      key = keyOf(options);
      validateActionRequest(request);
    });
    const body = await this.transport.json({
      method: 'POST',
      path: `/orders/${enc(request.orderId)}/actions/${enc(request.action)}`,
      body: request.input === undefined ? {} : { input: request.input },
      idempotencyKey: key,
      ifMatch: etagOf(request.expectedVersion),
      signal: options.signal,
    });
    return sameOrder(request.orderId, decodeOrder(body));
  }

  async runBulkAction(request: BulkActionRequest, options: WriteOptions): Promise<readonly BulkItemResult[]> {
    let key = '';
    before(options?.signal, () => {
      key = keyOf(options);
      validateBulkRequest(request);
    });
    const body = await this.transport.json({
      method: 'POST',
      path: '/orders/bulk-actions',
      body: request,
      idempotencyKey: key,
      signal: options.signal,
    });
    return decodeBulk(body);
  }

  async createOrder(draft: OrderDraft, options: WriteOptions): Promise<Order> {
    let key = '';
    before(options?.signal, () => {
      key = keyOf(options);
      validateDraft(draft);
    });
    const body = await this.transport.json({ method: 'POST', path: '/orders', body: draft, idempotencyKey: key, signal: options.signal });
    return decodeOrder(body);
  }

  async updateOrder(request: UpdateRequest, options: WriteOptions): Promise<Order> {
    let key = '';
    before(options?.signal, () => {
      key = keyOf(options);
      validateUpdateRequest(request);
      // Currency-specific checks need the stored order: the server makes them.
      validatePatch(request.patch);
    });
    const body = await this.transport.json({
      method: 'PATCH',
      path: `/orders/${enc(request.orderId)}`,
      body: patchToWire(request.patch),
      contentType: 'application/merge-patch+json',
      idempotencyKey: key,
      ifMatch: etagOf(request.expectedVersion),
      signal: options.signal,
    });
    return sameOrder(request.orderId, decodeOrder(body));
  }

  async importOrders(drafts: readonly OrderDraft[], options: WriteOptions): Promise<ImportResult> {
    let key = '';
    before(options?.signal, () => {
      key = keyOf(options);
      if (!Array.isArray(drafts)) {
        throw new OrderApiError({ code: 'invalid-input', message: 'Import expects a list of orders.', fields: [{ field: 'drafts', message: 'must be a list' }] });
      }
      const problems = drafts.flatMap((d, i) => checkDraft(d, [i])).slice(0, 50);
      const first = problems[0];
      if (first) throw new OrderApiError({ code: 'invalid-input', message: `Invalid import: ${first.field} ${first.message}`, fields: problems });
    });
    const body = await this.transport.json({
      method: 'POST',
      path: '/orders/import',
      body: { orders: drafts },
      idempotencyKey: key,
      signal: options.signal,
    });
    return decodeImport(body);
  }

  // ── workflow ──────────────────────────────────────────────────────────────────────────────────────

  async getWorkflow(options?: RequestOptions): Promise<StoredWorkflow> {
    before(options?.signal);
    return decodeStoredWorkflow(await this.get('/workflow', options));
  }

  async saveWorkflow(request: SaveWorkflowRequest, options: WriteOptions): Promise<StoredWorkflow> {
    let key = '';
    let checked: SaveWorkflowRequest = request;
    before(options?.signal, () => {
      key = keyOf(options);
      // The same rules as the server, so a bad definition is named before anything is sent (the
      // server still checks, with the order counts only it knows).
      checked = validateSaveWorkflow(request);
    });
    const body = await this.transport.json({
      method: 'PUT',
      path: '/workflow',
      body: { definition: checked.definition },
      idempotencyKey: key,
      ifMatch: etagOf(checked.expectedVersion),
      signal: options.signal,
    });
    return decodeStoredWorkflow(body);
  }

  // ── realtime ──────────────────────────────────────────────────────────────────────────────────────

  /** Listens to `GET /events`; a backend whose capabilities say `realtime: false` is not asked. */
  subscribe(listener: (event: ChangeEvent) => void): () => void {
    if (!this.caps.realtime) return () => undefined;
    return this.stream.subscribe(listener);
  }

  private get(path: string, options: RequestOptions | undefined): Promise<unknown> {
    return this.transport.json({ method: 'GET', path, signal: options?.signal });
  }
}
