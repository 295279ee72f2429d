/**
 * `createLocalApi`: the embedded `OrderApi` over IndexedDB (DESIGN.md §2.2, "local"). Lists, counts and
 * search are answered from the in-memory summary index (order-index.ts); full orders are read per page
 * through a small cache. Every write runs in one IndexedDB transaction that checks the idempotency log,
 * re-reads the order from the database (another tab may have written), checks scope and version,
 * applies the workflow, and stores the order, its summary and the outcome together. After commit it
 * updates the index, notifies listeners and tells other tabs (channel.ts).
 */
import { formatOrderNumber } from '../../model/numbering.js';
import { normalizeCode } from '../../model/codes.js';
import { searchCatalog, type ProductCatalog } from '../../model/csv/catalog.js';
import { newOrder } from '../../model/order.js';
import { can, inScope, scopeStores } from '../../model/permissions.js';
import type { PresetKey } from '../../model/presets/index.js';
import type { Order, OrderDraft, Payment, Shipment, Store, Viewer } from '../../model/types.js';
import { applyAction } from '../../model/workflow/engine.js';
import type { ApplyContext, WorkflowDefinition } from '../../model/workflow/types.js';
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
  type ProductMatch,
  type ProductSearchScope,
  type FieldProblem,
  type ImportResult,
  type OrderApi,
  type OrderApiErrorData,
  type OrderPage,
  type OrderQuery,
  type PageRequest,
  type PaymentQuery,
  type PaymentRow,
  type PaymentTotals,
  type RequestOptions,
  type ShipmentQuery,
  type SaveWorkflowRequest,
  type ShipmentRow,
  type StoredWorkflow,
  type UpdateRequest,
  type WriteOptions,
} from '../types.js';
import { validateSaveWorkflow } from '../workflow-shape.js';
import {
  checkDraft,
  checkOrder,
  isTimestamp,
  validateActionRequest,
  validateBulkRequest,
  validateCode,
  validatePage,
  validatePatch,
  validateQuery,
  validateUpdateRequest,
} from '../validate.js';
import { Realtime, type ChangedOrder, type ChannelMessage } from './channel.js';
import {
  emptyMeta,
  inTransaction,
  openEngineDb,
  pruneIdempotency,
  SUMMARY_CHUNK,
  type EngineDb,
  type MetaRecord,
  type StoredOutcome,
  type StoreName,
  type SummaryChunk,
  type WorkflowRecord,
  type WriteTx,
} from './db.js';
import { matchCustomers } from './customers.js';
import { applyPatch } from './edit.js';
import { forbiddenStore, notFound, refusalError, throwIfAborted } from './errors.js';
import { OrderCache } from './order-cache.js';
import { OrderIndex, type Located } from './order-index.js';
import * as reads from './reads.js';
import { appendOrders, readOrders, storeOrders, type Change, type Found } from './records.js';
import { checkSeed, mergeStores } from './seed.js';
import { decode, encode, summarize } from './summary.js';

export interface LocalApiOptions {
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  /** IndexedDB database name; default `orderdeck`. */
  readonly dbName?: string;
  /** Injectable clock for timestamps of writes. */
  readonly now?: () => Date;
  /** BroadcastChannel name; default `${dbName}-changes`. */
  readonly channelName?: string;
  /**
   * Store names and time zones (search and sort by store name). Merged over the stores saved by `seed`;
   * without either, a store's id stands in for its name.
   */
  readonly stores?: readonly Store[];
  /**
   * The product catalogue `searchProducts` serves (`demoCatalog()` for the demo data); without one the
   * search finds nothing and the form offers custom lines only.
   */
  readonly catalog?: ProductCatalog;
}

export type SeedOptions =
  /** Given orders; `stores` (names, time zones) are saved with them for search and sorting by store. */
  | { readonly orders: readonly Order[]; readonly stores?: readonly Store[] }
  /** Generated orders; `now` is the anchor they are generated back from (default: the generator's fixed day). */
  | { readonly preset: PresetKey; readonly count: number; readonly seed?: number; readonly now?: string };

/** A stored order that failed validation: left out of every list, kept in storage untouched. */
export interface LoadProblem {
  readonly orderId: string;
  readonly fields: readonly FieldProblem[];
}

export interface LocalOrderApi extends OrderApi {
  /** Replace all data with `generateOrders({preset, count, seed})` output (or given orders). Fast at 100k. */
  seed(options: SeedOptions): Promise<void>;
  /** How many orders are stored (all stores, including archived/deleted and malformed ones). */
  size(): Promise<number>;
  /**
   * Malformed stored orders found so far (also reported with `console.warn`): summaries are checked
   * when the database is opened, full orders whenever they are read.
   */
  readonly problems: readonly LoadProblem[];
  /** The workflow definition this engine applies: the one saved (`saveWorkflow`), else the configured one. */
  readonly workflow: WorkflowDefinition;
  getWorkflow(options?: RequestOptions): Promise<StoredWorkflow>;
  saveWorkflow(request: SaveWorkflowRequest, options: WriteOptions): Promise<StoredWorkflow>;
  /**
   * Applies an action with system authority (`applyAction(…, { system: true })`): the backend's own
   * events — courier progress, buyer requests, accounting results — that the UI never sends. System
   * actions are allowed, and the viewer's permission and store scope are not checked (the event comes
   * from the backend, not from the viewer); the expected version, the idempotency log, storage and
   * change events (`cause` = the action key) work exactly as in `runAction`. Not part of `OrderApi`:
   * only simulations and tests in this engine call it.
   */
  runSystemAction(request: ActionRequest, options: WriteOptions): Promise<Order>;
  close(): void;
}

/** Above this many orders in one change, listeners get one `reset` instead of an event per order. */
const EVENT_LIMIT = 200;
/** Full orders kept in memory. */
const CACHE_SIZE = 2000;

interface WriteResult {
  readonly outcome: StoredOutcome;
  readonly changes?: readonly Change[];
}

const errorData = (e: unknown): OrderApiErrorData =>
  e instanceof OrderApiError ? e.toJSON() : { code: 'invalid-input', message: e instanceof Error ? e.message : String(e) };

function forbidden(message: string): OrderApiError {
  return new OrderApiError({ code: 'forbidden', message });
}

function conflict(order: Order, expected: number): OrderApiErrorData {
  return {
    code: 'conflict',
    message: `Order ${order.number} changed since you loaded it (version ${expected}, now ${order.version}).`,
    current: order,
  };
}

function randomTag(): string {
  return Math.random().toString(36).slice(2, 8);
}

export async function createLocalApi(options: LocalApiOptions): Promise<LocalOrderApi> {
  const engine = new LocalEngine(options);
  await engine.open();
  return engine;
}

class LocalEngine implements LocalOrderApi {
  readonly capabilities: Capabilities = {
    concurrency: true,
    idempotency: true,
    realtime: true,
    bulk: true,
    import: true,
    calendar: true,
    orderEntry: true,
    workflows: true,
  };

  /** The definition in effect and its version (0 = the configured one, never saved). */
  private stored: StoredWorkflow;
  private readonly viewer: Viewer;
  private readonly dbName: string;
  private readonly channelName: string;
  private readonly clock: () => Date;
  private readonly scope: readonly string[] | undefined;
  private readonly tag = randomTag();
  private readonly cache = new OrderCache(CACHE_SIZE);
  private idCounter = 0;
  private db: EngineDb | undefined;
  private realtime: Realtime | undefined;
  private index: OrderIndex;
  private storeList: Store[] = [];
  private found: LoadProblem[] = [];
  private closedReason: string | undefined;
  private loaded: Promise<void> = Promise.resolve();

  constructor(private readonly options: LocalApiOptions) {
    this.stored = { definition: options.workflow, version: 0 };
    this.viewer = options.viewer;
    this.dbName = options.dbName ?? 'orderdeck';
    this.channelName = options.channelName ?? `${this.dbName}-changes`;
    this.clock = options.now ?? (() => new Date());
    this.scope = scopeStores(options.viewer);
    this.index = new OrderIndex(this.workflow, new Map());
  }

  get problems(): readonly LoadProblem[] {
    return this.found;
  }

  get workflow(): WorkflowDefinition {
    return this.stored.definition;
  }

  async open(): Promise<void> {
    this.db = await openEngineDb(this.dbName, (reason) => this.lose(reason));
    // Listen before loading, so nothing committed between the load and the first message is missed;
    // messages wait for the load to finish.
    this.realtime = new Realtime(this.channelName, this.tag, async (m) => {
      await this.loaded;
      await this.receive(m);
    });
    this.loaded = this.reload();
    try {
      await this.loaded;
      await pruneIdempotency(this.db, this.clock().getTime()).catch((e: unknown) => {
        console.warn('orderdeck: could not prune old idempotency records', e);
      });
    } catch (e) {
      this.close();
      throw e;
    }
  }

  close(): void {
    this.closedReason ??= 'The order API was closed.';
    this.realtime?.close();
    this.realtime = undefined;
    this.db?.close();
    this.cache.clear();
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    return this.realtime?.subscribe(listener) ?? (() => undefined);
  }

  async size(): Promise<number> {
    this.begin(undefined);
    return this.index.size + this.found.length;
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────────

  async listOrders(query: OrderQuery, page: PageRequest, options?: RequestOptions): Promise<OrderPage> {
    this.begin(options?.signal);
    validateQuery(query);
    validatePage(page);
    // A malformed stored order found while loading the page is dropped from the index; select again.
    for (;;) {
      const slots = this.index.select(query, this.scope);
      const end = Math.min(slots.length, page.offset + page.limit);
      const ids: string[] = [];
      for (let i = page.offset; i < end; i++) ids.push(this.index.ids[slots[i] as number] as string);
      const orders = await this.load(ids, options?.signal);
      if (orders.size === ids.length) return { items: ids.map((id) => orders.get(id) as Order), total: slots.length, offset: page.offset };
    }
  }

  async countTabs(query: OrderQuery, options?: RequestOptions): Promise<Readonly<Record<string, number>>> {
    this.begin(options?.signal);
    validateQuery(query);
    return this.index.countTabs(query, this.scope);
  }

  async getOrder(id: string, options?: RequestOptions): Promise<Order> {
    this.begin(options?.signal);
    if (typeof id !== 'string' || id === '') throw new OrderApiError(notFound(String(id)));
    const known = this.index.get(id);
    if (known) {
      if (!inScope(this.viewer, known.summary.storeId)) throw new OrderApiError(forbiddenStore());
      const order = (await this.load([id], options?.signal)).get(id);
      if (!order) throw new OrderApiError(notFound(id));
      return order;
    }
    // Not indexed here (yet): another tab may just have created it.
    const value = await inTransaction(this.database(), ['orders'], 'readonly', options?.signal, (tx) => tx.objectStore('orders').get(id));
    if (value === undefined || checkOrder(value).length) throw new OrderApiError(notFound(id));
    const order = value as Order;
    if (!inScope(this.viewer, order.storeId)) throw new OrderApiError(forbiddenStore());
    return order;
  }

  async findOrdersByCode(code: string, options?: RequestOptions): Promise<readonly Order[]> {
    this.begin(options?.signal);
    const key = normalizeCode(validateCode(code));
    for (;;) {
      const found = this.index.findByCode(key);
      const ids = found.filter((s) => inScope(this.viewer, s.storeId)).map((s) => s.id);
      if (ids.length === 0 && found.length > 0) throw new OrderApiError(forbiddenStore());
      const orders = await this.load(ids, options?.signal);
      // A malformed stored order found while loading is dropped from the index; look again.
      if (orders.size === ids.length) return ids.map((id) => orders.get(id) as Order);
    }
  }

  async listShipments(
    query: ShipmentQuery,
    page: PageRequest,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly ShipmentRow[]; readonly total: number }> {
    this.begin(options?.signal);
    validatePage(page);
    this.checkBounds(query, false);
    const { refs, total } = reads.listShipments(this.index.visible(this.scope, query.storeIds), query, page);
    const orders = await this.load(refs.map((r) => r.orderId), options?.signal);
    const items: ShipmentRow[] = [];
    for (const ref of refs) {
      const order = orders.get(ref.orderId);
      const shipment = order?.shipments.find((s) => s.id === ref.itemId);
      if (order && shipment) items.push({ orderId: order.id, orderNumber: order.number, storeId: order.storeId, shipment: shipment as Shipment });
    }
    return { items, total };
  }

  async listPayments(
    query: PaymentQuery,
    page: PageRequest,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly PaymentRow[]; readonly total: number; readonly totals: PaymentTotals }> {
    this.begin(options?.signal);
    validatePage(page);
    this.checkBounds(query, false);
    const { refs, total, totals } = reads.listPayments(this.index.visible(this.scope, query.storeIds), query, page);
    const orders = await this.load(refs.map((r) => r.orderId), options?.signal);
    const items: PaymentRow[] = [];
    for (const ref of refs) {
      const order = orders.get(ref.orderId);
      const payment = order?.payments.find((p) => p.id === ref.itemId);
      if (order && payment) items.push({ orderId: order.id, orderNumber: order.number, storeId: order.storeId, payment: payment as Payment });
    }
    return { items, total, totals };
  }

  async calendar(request: CalendarRequest, options?: RequestOptions): Promise<readonly CalendarBucket[]> {
    this.begin(options?.signal);
    this.checkBounds(request, true);
    return reads.calendar(this.index.visible(this.scope, request.storeIds), request);
  }

  async searchCustomers(query: string, options?: CustomerSearchOptions): Promise<readonly CustomerMatch[]> {
    this.begin(options?.signal);
    const { text, limit } = checkSearch(query, options?.limit);
    const storeId = options?.storeId;
    if (storeId !== undefined && !inScope(this.viewer, storeId)) throw new OrderApiError(forbiddenStore());
    const groups = matchCustomers(this.index.visible(this.scope, storeId === undefined ? undefined : [storeId]), text, limit);
    const orders = await this.load(groups.map((g) => g.newest.id), options?.signal);
    const out: CustomerMatch[] = [];
    for (const g of groups) {
      const order = orders.get(g.newest.id);
      if (!order) continue;
      out.push({
        customer: order.customer,
        ...(order.shippingAddress && { shippingAddress: order.shippingAddress }),
        ...(order.billingAddress && { billingAddress: order.billingAddress }),
        orderCount: g.count,
        lastOrderAt: order.createdAt,
        storeId: order.storeId,
      });
    }
    return out;
  }

  async searchProducts(query: string, scope: ProductSearchScope, options?: RequestOptions): Promise<readonly ProductMatch[]> {
    this.begin(options?.signal);
    const { text, limit } = checkSearch(query, scope?.limit);
    const storeId = scope?.storeId;
    if (typeof storeId !== 'string' || storeId === '') throw invalid('Invalid request', [{ field: 'storeId', message: 'is required' }]);
    if (!inScope(this.viewer, storeId)) throw new OrderApiError(forbiddenStore());
    const store = this.storeList.find((s) => s.id === storeId);
    const currency = store?.currency ?? this.index.visible(this.scope, [storeId])[0]?.currency;
    if (currency === undefined) throw invalid('Invalid request', [{ field: 'storeId', message: 'is not a known store' }]);
    if (!this.options.catalog) return [];
    return searchCatalog(this.options.catalog, text, currency, limit);
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────────────────

  async runAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    return this.act(request, options, false);
  }

  async runSystemAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    return this.act(request, options, true);
  }

  /** One action on one order, for the viewer or (`system`) for the backend itself. */
  private async act(request: ActionRequest, options: WriteOptions, system: boolean): Promise<Order> {
    this.begin(options?.signal);
    const key = this.keyOf(options);
    const { orderId, action, input, expectedVersion } = validateActionRequest(request);
    const fingerprint = `${system ? 'system' : 'action'}:${orderId}:${action}`;
    return this.write<Order>(fingerprint, key, ['orders', 'summaries', 'idempotency'], options.signal, async (tx) => {
      const found = (await readOrders(tx, [orderId])).get(orderId) as Found;
      if ('error' in found) return { outcome: { ok: false, error: found.error } };
      const { order } = found;
      if (!system && !inScope(this.viewer, order.storeId)) return { outcome: { ok: false, error: forbiddenStore() } };
      if (order.version !== expectedVersion) return { outcome: { ok: false, error: conflict(order, expectedVersion) } };
      const applied = this.apply(order, action, input, system);
      if ('error' in applied) return { outcome: { ok: false, error: applied.error } };
      const changes = await storeOrders(tx, this.index, [applied.order], action);
      return { outcome: { ok: true, value: applied.order }, changes };
    });
  }

  async runBulkAction(request: BulkActionRequest, options: WriteOptions): Promise<readonly BulkItemResult[]> {
    this.begin(options?.signal);
    const key = this.keyOf(options);
    const { action, input, orderIds, query } = validateBulkRequest(request);
    const def = this.workflow.actions.find((a) => a.key === action);
    if (!def) throw new OrderApiError(refusalError({ code: 'unknown-action', message: `This workflow has no action “${action}”.` }));
    if (!def.bulk) {
      throw new OrderApiError(refusalError({ code: 'not-applicable', message: `“${action}” cannot be run on several orders at once.` }));
    }
    const ids = orderIds
      ? [...new Set(orderIds)]
      : this.index.select(query ?? {}, this.scope).map((slot) => this.index.ids[slot] as string);
    return this.write<BulkItemResult[]>(`bulk:${action}`, key, ['orders', 'summaries', 'idempotency'], options.signal, async (tx) => {
      const found = await readOrders(tx, ids);
      const results: BulkItemResult[] = [];
      const changed: Order[] = [];
      for (const id of ids) {
        const item = found.get(id) as Found;
        if ('error' in item) {
          results.push({ orderId: id, ok: false, error: item.error });
          continue;
        }
        if (!inScope(this.viewer, item.order.storeId)) {
          results.push({ orderId: id, ok: false, error: forbiddenStore() });
          continue;
        }
        // Each order with its current stored version.
        const applied = this.apply(item.order, action, input);
        if ('error' in applied) {
          results.push({ orderId: id, ok: false, error: applied.error });
          continue;
        }
        results.push({ orderId: id, ok: true, order: applied.order });
        changed.push(applied.order);
      }
      const changes = await storeOrders(tx, this.index, changed, action);
      return { outcome: { ok: true, value: results }, changes };
    });
  }

  async createOrder(draft: OrderDraft, options: WriteOptions): Promise<Order> {
    this.begin(options?.signal);
    const key = this.keyOf(options);
    const problems = checkDraft(draft);
    if (problems.length) throw invalid('Invalid order', problems);
    if (!can(this.viewer, 'orders.create')) throw forbidden('Your role may not create orders.');
    if (!inScope(this.viewer, draft.storeId)) throw forbidden('You may not create orders in this store.');
    const fingerprint = `create:${draft.storeId}:${draft.number ?? ''}`;
    return this.write<Order>(fingerprint, key, ['orders', 'summaries', 'meta', 'idempotency'], options.signal, async (tx) => {
      const meta = (await tx.objectStore('meta').get('meta')) ?? emptyMeta(this.storeList);
      if (draft.number !== undefined) {
        const existing = this.index.idByNumber(draft.number);
        if (existing !== undefined) return { outcome: { ok: false, error: duplicateNumber(draft.number, this.sameStore(existing, draft.storeId) ? existing : undefined) } };
      }
      const order = this.make(meta, draft);
      const changes = await appendOrders(tx, meta, [order], 'create');
      return { outcome: { ok: true, value: order }, changes };
    });
  }

  async updateOrder(request: UpdateRequest, options: WriteOptions): Promise<Order> {
    this.begin(options?.signal);
    const key = this.keyOf(options);
    const { orderId, patch, expectedVersion } = validateUpdateRequest(request);
    if (!can(this.viewer, 'orders.edit')) throw forbidden('Your role may not edit orders.');
    return this.write<Order>(`update:${orderId}`, key, ['orders', 'summaries', 'idempotency'], options.signal, async (tx) => {
      const found = (await readOrders(tx, [orderId])).get(orderId) as Found;
      if ('error' in found) return { outcome: { ok: false, error: found.error } };
      const { order } = found;
      if (!inScope(this.viewer, order.storeId)) return { outcome: { ok: false, error: forbiddenStore() } };
      if (order.version !== expectedVersion) return { outcome: { ok: false, error: conflict(order, expectedVersion) } };
      let checked;
      try {
        checked = validatePatch(patch, order.currency);
      } catch (e) {
        return { outcome: { ok: false, error: errorData(e) } };
      }
      const edited = applyPatch(order, checked, this.workflow, { viewer: this.viewer, now: this.nowIso(), newId: this.newId });
      if (!edited.ok) return { outcome: { ok: false, error: edited.error } };
      if (edited.order === order) return { outcome: { ok: true, value: order } };
      const changes = await storeOrders(tx, this.index, [edited.order], 'edit');
      return { outcome: { ok: true, value: edited.order }, changes };
    });
  }

  async importOrders(drafts: readonly OrderDraft[], options: WriteOptions): Promise<ImportResult> {
    this.begin(options?.signal);
    const key = this.keyOf(options);
    if (!Array.isArray(drafts)) {
      throw new OrderApiError({ code: 'invalid-input', message: 'Import expects a list of orders.', fields: [{ field: 'drafts', message: 'must be a list' }] });
    }
    const problems: FieldProblem[] = [];
    for (let i = 0; i < drafts.length && problems.length < 50; i++) problems.push(...checkDraft(drafts[i], [i]));
    if (problems.length) throw invalid('Invalid import', problems);
    if (!can(this.viewer, 'orders.import')) throw forbidden('Your role may not import orders.');
    const outside = drafts.findIndex((d) => !inScope(this.viewer, d.storeId));
    if (outside >= 0) throw forbidden(`Row ${outside + 1} is for store “${drafts[outside]?.storeId}”, which you are not assigned to.`);
    return this.write<ImportResult>(`import:${drafts.length}`, key, ['orders', 'summaries', 'meta', 'idempotency'], options.signal, async (tx) => {
      const meta = (await tx.objectStore('meta').get('meta')) ?? emptyMeta(this.storeList);
      const created: Order[] = [];
      const skipped: { number: string; orderId: string }[] = [];
      // Numbers are unique per merchant: the same number in the same store is the same order imported
      // again (skipped); in another store it is a different order under a taken number (refused).
      const batch = new Map<string, { id: string; storeId: string }>();
      const clashes: FieldProblem[] = [];
      drafts.forEach((draft, i) => {
        if (draft.number === undefined) {
          const order = this.make(meta, draft, batch);
          batch.set(order.number, { id: order.id, storeId: order.storeId });
          created.push(order);
          return;
        }
        const known = this.index.idByNumber(draft.number);
        const existing = known !== undefined ? { id: known, storeId: this.index.get(known)?.summary.storeId } : batch.get(draft.number);
        if (existing !== undefined) {
          if (existing.storeId === draft.storeId) skipped.push({ number: draft.number, orderId: existing.id });
          else clashes.push({ field: `[${i}].number`, message: `${draft.number} is already used by an order of another store` });
          return;
        }
        const order = this.make(meta, draft, batch);
        batch.set(order.number, { id: order.id, storeId: order.storeId });
        created.push(order);
      });
      if (clashes.length > 0) {
        const error: OrderApiErrorData = {
          code: 'invalid-input',
          message: `Order numbers must be unique across your stores: ${clashes.length} row(s) reuse a number of another store.`,
          fields: clashes.slice(0, 50),
        };
        return { outcome: { ok: false, error } };
      }
      const changes = await appendOrders(tx, meta, created, 'import');
      return { outcome: { ok: true, value: { created, skipped } }, changes };
    });
  }

  // ── workflow ──────────────────────────────────────────────────────────────────────────────────────

  async getWorkflow(options?: RequestOptions): Promise<StoredWorkflow> {
    this.begin(options?.signal);
    await this.loaded;
    return this.stored;
  }

  async saveWorkflow(request: SaveWorkflowRequest, options: WriteOptions): Promise<StoredWorkflow> {
    this.begin(options?.signal);
    const key = this.keyOf(options);
    if (!can(this.viewer, 'workflow.edit')) throw forbidden('Your role may not change the workflow.');
    await this.loaded;
    // Statuses still holding orders (any store, archived and deleted too) cannot be removed.
    const { definition, expectedVersion } = validateSaveWorkflow(request, { ordersByStatus: this.index.countByStatus() });
    const workflowKey = this.options.workflow.key;
    if (definition.key !== workflowKey) {
      throw invalid('The workflow cannot be saved', [{ field: 'definition.key', message: `must be “${workflowKey}”, the workflow this backend applies` }]);
    }
    let saved: StoredWorkflow | undefined;
    const result = await this.write<StoredWorkflow>(`workflow:${workflowKey}`, key, ['workflows', 'idempotency'], options.signal, async (tx) => {
      const store = tx.objectStore('workflows');
      const prior = await store.get(workflowKey);
      const current: StoredWorkflow = prior ? { definition: prior.definition, version: prior.version } : { definition: this.options.workflow, version: 0 };
      if (current.version !== expectedVersion) {
        const message = `The workflow changed since you loaded it (version ${expectedVersion}, now ${current.version}).`;
        return { outcome: { ok: false, error: { code: 'conflict', message, currentWorkflow: current } } };
      }
      const record: WorkflowRecord = { key: workflowKey, version: current.version + 1, definition, savedAt: this.clock().getTime() };
      await store.put(record);
      saved = { definition, version: record.version };
      return { outcome: { ok: true, value: saved } };
    });
    // Applied here only when this call wrote it (a replayed key returns the first result, applied then).
    if (saved && saved.version > this.stored.version) {
      this.useWorkflow(saved);
      this.realtime?.emit({ type: 'workflow-updated', version: saved.version, origin: 'self' });
      this.realtime?.post({ type: 'workflow', source: this.tag, key: workflowKey, version: saved.version });
    }
    return result;
  }

  /** Applies a definition to writes, lists and counts from now on. */
  private useWorkflow(stored: StoredWorkflow): void {
    this.stored = stored;
    this.index.setWorkflow(stored.definition);
  }

  /** The saved definition for this engine's workflow key, when there is one and it is usable. */
  private async readWorkflow(): Promise<StoredWorkflow | undefined> {
    const record = await inTransaction(this.database(), ['workflows'], 'readonly', undefined, (tx) =>
      tx.objectStore('workflows').get(this.options.workflow.key),
    );
    if (!record) return undefined;
    try {
      validateSaveWorkflow({ definition: record.definition, expectedVersion: record.version });
    } catch (e) {
      console.warn(`orderdeck: the saved workflow “${record.key}” is not valid; applying the configured one`, e);
      return undefined;
    }
    return { definition: record.definition, version: record.version };
  }

  // ── seeding ───────────────────────────────────────────────────────────────────────────────────────

  async seed(options: SeedOptions): Promise<void> {
    this.begin(undefined);
    let orders: readonly Order[];
    let stores = this.storeList;
    if ('orders' in options) {
      orders = options.orders;
      if (options.stores) stores = mergeStores(options.stores, this.options.stores ?? []);
    } else {
      // Loaded on demand: merchants using the engine with their own data never download the generator.
      const generator = await import('../../model/generate.js');
      stores = mergeStores(generator.demoStores, this.options.stores ?? []);
      orders = generator.generateOrders({
        preset: options.preset,
        count: options.count,
        ...(options.seed !== undefined && { seed: options.seed }),
        ...(options.now !== undefined && { now: options.now }),
        ...(this.options.stores && { stores: this.options.stores }),
      });
    }
    const sorted = checkSeed(orders);
    const meta = emptyMeta(stores);
    meta.nextSeq = sorted.length + 1;
    // The preset's numbering continues after the seeded orders (numbering.ts); taken numbers are skipped.
    meta.nextNumber = sorted.length + 1;
    const summaries = sorted.map(summarize);
    const chunks: SummaryChunk[] = [];
    const located: Located[] = [];
    for (let i = 0; i < summaries.length; i += SUMMARY_CHUNK) {
      const rows = summaries.slice(i, i + SUMMARY_CHUNK);
      for (const summary of rows) located.push({ summary, chunk: chunks.length });
      chunks.push({ id: chunks.length, rows: JSON.stringify(rows.map(encode)) });
    }
    meta.tailChunk = Math.max(0, chunks.length - 1);
    await inTransaction(this.database(), ['orders', 'summaries', 'meta', 'idempotency'], 'readwrite', undefined, async (tx) => {
      const os = tx.objectStore('orders');
      const ss = tx.objectStore('summaries');
      await Promise.all([os.clear(), ss.clear(), tx.objectStore('idempotency').clear()]);
      await Promise.all([...sorted.map((o) => os.put(o)), ...chunks.map((c) => ss.put(c)), tx.objectStore('meta').put(meta)]);
    });
    this.storeList = stores;
    this.found = [];
    this.rebuild(located);
    this.cache.clear();
    for (const order of sorted.slice(-CACHE_SIZE)) this.cache.set(order);
    this.realtime?.emit({ type: 'reset', origin: 'self' });
    this.realtime?.post({ type: 'reset', source: this.tag });
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────────────

  private begin(signal: AbortSignal | undefined): void {
    if (this.closedReason !== undefined) throw new OrderApiError({ code: 'unavailable', message: this.closedReason });
    throwIfAborted(signal);
  }

  private database(): EngineDb {
    if (!this.db || this.closedReason !== undefined) {
      throw new OrderApiError({ code: 'unavailable', message: this.closedReason ?? 'The order database is not open.' });
    }
    return this.db;
  }

  /** The connection went away under us (another tab upgraded or deleted the database). */
  private lose(reason: string): void {
    this.closedReason = reason;
    this.close();
  }

  private keyOf(options: WriteOptions | undefined): string {
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

  private nowIso(): string {
    return this.clock().toISOString();
  }

  private readonly newId = (prefix: string): string => `${prefix}_${this.tag}${(++this.idCounter).toString(36)}`;

  private context(system = false): ApplyContext {
    return { viewer: this.viewer, now: this.nowIso(), newId: this.newId, system };
  }

  private checkBounds(query: { from?: unknown; to?: unknown; timeZone?: unknown }, required: boolean): void {
    const fields: FieldProblem[] = [];
    for (const key of ['from', 'to'] as const) {
      const v = query[key];
      if (v === undefined && !required) continue;
      if (!isTimestamp(v)) fields.push({ field: key, message: v === undefined ? 'is required' : 'must be an ISO 8601 timestamp' });
    }
    if (required && typeof query.timeZone !== 'string') fields.push({ field: 'timeZone', message: 'is required' });
    if (fields.length) throw invalid('Invalid request', fields);
  }

  /**
   * Full orders by id, from the cache when it holds the indexed version, else from IndexedDB. A stored
   * order that is missing or malformed is reported, dropped from the index and left out of the result.
   */
  private async load(ids: readonly string[], signal: AbortSignal | undefined): Promise<Map<string, Order>> {
    const out = new Map<string, Order>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.cache.get(id, this.index.get(id)?.summary.version);
      if (cached) out.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const values = await inTransaction(this.database(), ['orders'], 'readonly', signal, (tx) =>
      Promise.all(missing.map((id) => tx.objectStore('orders').get(id))),
    );
    missing.forEach((id, i) => {
      const value = values[i];
      const problems = value === undefined ? [{ field: 'id', message: 'has a summary but no stored order' }] : checkOrder(value);
      if (problems.length) {
        this.report({ orderId: id, fields: problems });
        this.index.drop(id);
        return;
      }
      const order = value as Order;
      this.cache.set(order);
      out.set(id, order);
    });
    return out;
  }

  /** Applies a workflow action, turning a refusal (or an engine exception on odd input) into error data. */
  private apply(order: Order, action: string, input: unknown, system = false): { order: Order } | { error: OrderApiErrorData } {
    let result;
    try {
      result = applyAction(this.workflow, order, action, input, this.context(system));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { error: { code: 'invalid-input', message, fields: [{ field: 'input', message }] } };
    }
    if (!result.ok) return { error: refusalError(result.refusal) };
    return { order: result.order };
  }

  private sameStore(orderId: string, storeId: string): boolean {
    return this.index.get(orderId)?.summary.storeId === storeId;
  }

  /**
   * A new order from a draft, with an id and (unless the draft has one) the next number in the
   * workflow's format (numbering.ts), skipping numbers taken in the index or in `taken` (this batch).
   */
  private make(meta: MetaRecord, draft: OrderDraft, taken?: ReadonlyMap<string, unknown>): Order {
    let id: string;
    do id = `ord_${meta.nextSeq++}`;
    while (this.index.get(id));
    let number = draft.number;
    if (number === undefined) {
      const store = this.storeList.find((s) => s.id === draft.storeId) ?? { id: draft.storeId, timeZone: 'UTC' };
      const createdMs = this.clock().getTime();
      do number = formatOrderNumber(this.workflow.key, { store, channel: draft.channel, seq: meta.nextNumber++, createdMs });
      while (this.index.idByNumber(number) !== undefined || taken?.has(number));
    }
    return newOrder(this.workflow, { ...draft, number }, { id, number, now: this.nowIso(), actor: this.viewer, newId: this.newId });
  }

  /**
   * One idempotent write: replays a stored outcome for a known key (applying nothing), otherwise runs
   * `body` and stores its outcome with its changes in the same transaction. Then updates the index,
   * notifies listeners and other tabs, and returns the value or throws the stored error.
   */
  private async write<T>(
    fingerprint: string,
    key: string,
    stores: StoreName[],
    signal: AbortSignal | undefined,
    body: (tx: WriteTx) => Promise<WriteResult>,
  ): Promise<T> {
    const result = await inTransaction(this.database(), stores, 'readwrite', signal, async (tx): Promise<WriteResult & { replayed?: boolean }> => {
      const log = tx.objectStore('idempotency');
      const prior = await log.get(key);
      if (prior) {
        if (prior.fingerprint !== fingerprint) {
          const error: OrderApiErrorData = {
            code: 'invalid-input',
            message: `The idempotency key was already used for a different request (${prior.fingerprint.split(':')[0]}).`,
            fields: [{ field: 'idempotencyKey', message: 'was used for a different request' }],
          };
          return { replayed: true, outcome: { ok: false, error } };
        }
        return { replayed: true, outcome: prior.outcome };
      }
      const written = await body(tx);
      await log.put({ key, fingerprint, at: this.clock().getTime(), outcome: written.outcome });
      return written;
    });
    if (!result.replayed && result.changes?.length) this.publish(result.changes);
    if (!result.outcome.ok) throw new OrderApiError(result.outcome.error);
    return result.outcome.value as T;
  }

  /** After a commit: update the index and cache, notify listeners (`self`) and other tabs. */
  private publish(changes: readonly Change[]): void {
    for (const c of changes) {
      this.index.upsert(summarize(c.order), c.chunk);
      this.cache.set(c.order);
    }
    this.emitChanges(changes, 'self');
    const items = changes.map(
      (c): ChangedOrder => ({ id: c.order.id, version: c.order.version, chunk: c.chunk, created: c.created, ...(c.cause && { cause: c.cause }) }),
    );
    this.realtime?.post({ type: 'changes', source: this.tag, items });
  }

  private emitChanges(all: readonly Change[], origin: 'self' | 'other-tab'): void {
    // Scope holds for events as for reads: a staff member never hears of another store's orders.
    const changes = all.filter((c) => inScope(this.viewer, c.order.storeId));
    if (changes.length === 0) return;
    if (changes.length > EVENT_LIMIT) {
      this.realtime?.emit({ type: 'reset', origin });
      return;
    }
    for (const c of changes) {
      this.realtime?.emit({
        type: c.created ? 'order-created' : 'order-updated',
        orderId: c.order.id,
        version: c.order.version,
        order: c.order,
        ...(c.cause && { cause: c.cause }),
        origin,
      });
    }
  }

  /** Another tab changed orders: re-read them from the database, update the index, notify. */
  private async receive(message: ChannelMessage): Promise<void> {
    if (this.closedReason !== undefined) return;
    if (message.type === 'workflow') {
      if (message.key !== this.options.workflow.key || message.version <= this.stored.version) return;
      const stored = await this.readWorkflow();
      if (!stored || stored.version <= this.stored.version) return;
      this.useWorkflow(stored);
      this.realtime?.emit({ type: 'workflow-updated', version: stored.version, origin: 'other-tab' });
      return;
    }
    if (message.type === 'reset') {
      await this.reload();
      this.cache.clear();
      this.realtime?.emit({ type: 'reset', origin: 'other-tab' });
      return;
    }
    const values = await inTransaction(this.database(), ['orders'], 'readonly', undefined, (tx) =>
      Promise.all(message.items.map((item) => tx.objectStore('orders').get(item.id))),
    );
    const changes: Change[] = [];
    message.items.forEach((item, i) => {
      const value = values[i];
      if (value === undefined) return;
      const problems = checkOrder(value);
      if (problems.length) {
        this.report({ orderId: item.id, fields: problems });
        return;
      }
      const order = value as Order;
      const before = this.index.get(order.id);
      if (before && before.summary.version >= order.version) return;
      this.index.upsert(summarize(order), before?.chunk ?? item.chunk);
      this.cache.set(order);
      changes.push({ order, chunk: item.chunk, created: !before, ...(item.cause && { cause: item.cause }) });
    });
    this.emitChanges(changes, 'other-tab');
  }

  /** Loads every summary and rebuilds the index; malformed summaries are skipped and reported. */
  private async reload(): Promise<void> {
    const { records, meta } = await inTransaction(this.database(), ['summaries', 'meta'], 'readonly', undefined, async (tx) => {
      const [records, meta] = await Promise.all([tx.objectStore('summaries').getAll(), tx.objectStore('meta').get('meta')]);
      return { records, meta };
    });
    this.storeList = mergeStores(meta?.stores ?? [], this.options.stores ?? []);
    this.found = [];
    const located: Located[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      let rows: unknown;
      try {
        rows = JSON.parse(record.rows);
      } catch {
        rows = undefined;
      }
      if (!Array.isArray(rows)) {
        this.report({ orderId: `(summary chunk ${record.id})`, fields: [{ field: 'rows', message: 'is not a JSON list' }] });
        continue;
      }
      for (const row of rows) {
        const summary = decode(row);
        if (Array.isArray(summary)) {
          const id = Array.isArray(row) && typeof row[0] === 'string' ? row[0] : `(summary chunk ${record.id})`;
          this.report({ orderId: id, fields: summary });
          continue;
        }
        if (seen.has(summary.id)) continue;
        seen.add(summary.id);
        located.push({ summary, chunk: record.id });
      }
    }
    const saved = await this.readWorkflow();
    if (saved) this.stored = saved;
    this.rebuild(located);
    if (meta && meta.tailChunk > this.index.maxChunk) this.index.maxChunk = meta.tailChunk;
  }

  private rebuild(located: readonly Located[]): void {
    this.index = new OrderIndex(this.workflow, new Map(this.storeList.map((s) => [s.id, s.name])), located);
  }

  private report(problem: LoadProblem): void {
    if (this.found.some((p) => p.orderId === problem.orderId)) return;
    this.found.push(problem);
    const first = problem.fields[0];
    console.warn(`orderdeck: skipped malformed stored order ${problem.orderId}: ${first?.field} ${first?.message}`);
  }
}

/** Checks a search's text and limit (default 10, 1–50). */
function checkSearch(query: unknown, limit: unknown): { text: string; limit: number } {
  const fields: FieldProblem[] = [];
  if (typeof query !== 'string') fields.push({ field: 'q', message: 'must be a string' });
  else if (query.length > 200) fields.push({ field: 'q', message: 'must be at most 200 characters' });
  if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > 50)) {
    fields.push({ field: 'limit', message: 'must be a whole number from 1 to 50' });
  }
  if (fields.length) throw invalid('Invalid search', fields);
  return { text: query as string, limit: (limit as number | undefined) ?? 10 };
}

function invalid(what: string, problems: readonly FieldProblem[]): OrderApiError {
  const first = problems[0];
  return new OrderApiError({ code: 'invalid-input', message: `${what}: ${first?.field} ${first?.message}`, fields: problems });
}

/** A number is taken; the other order is named only when it is in the same store (the viewer may not see others). */
function duplicateNumber(number: string, existing: string | undefined): OrderApiErrorData {
  const message = existing
    ? `Order number ${number} is already used in this store (order ${existing}).`
    : `Order number ${number} is already used by another order of this merchant.`;
  return { code: 'invalid-input', message, fields: [{ field: 'number', message: 'is already used' }] };
}
