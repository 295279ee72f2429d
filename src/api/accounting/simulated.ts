/**
 * `createSimulatedAccounting`: the embedded default `AccountingConnector`. It stands in for "SQL
 * Account": batches are kept in their own IndexedDB database (`<dbName>`, stores `batches` and
 * `idempotency`), the accounting system answers after a realistic latency (seconds, configurable),
 * and some orders fail, deterministically from a seed (a rate, with real-sounding reasons).
 *
 * Orders change only through the local engine: posting runs the workflow's `post-accounting` action as
 * the viewer (permission, store scope and the workflow's rules are checked there), the answers run
 * `posting-result` as system actions (completed orders are archived by the workflow; failed ones carry
 * the reason). A batch that has not finished `timeoutMs` after it was sent — the page was closed
 * mid-post, say — turns failed with "Timed out", also when the connector opens later; batches still
 * within their time are resumed on open. Other tabs hear of batch changes through a BroadcastChannel.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { can } from '../../model/permissions.js';
import type { Order, Viewer } from '../../model/types.js';
import { storageError, throwIfAborted } from '../local/errors.js';
import type { LocalOrderApi } from '../local/local-api.js';
import { OrderApiError, type OrderApiErrorData, type RequestOptions, type WriteOptions } from '../types.js';
import { batchesFromOrders, batchState, hash, latencyFor, simulatedOutcome, TIMED_OUT, viewOf, type BatchRecord } from './batches.js';
import type {
  AccountingCapabilities,
  AccountingConnector,
  PostingBatch,
  PostingBatchOrder,
  PostingChangeEvent,
  PostingHistoryPage,
  PostingItemResult,
  PostOrdersRequest,
  PostOrdersResult,
} from './types.js';

export interface SimulatedAccountingOptions {
  /** The viewer's local engine: posts go through it as the viewer; answers as its system actions. */
  readonly orders: LocalOrderApi;
  /** Who posts (the same viewer as `orders`'). */
  readonly viewer: Viewer;
  /** The IndexedDB database of the batches; default `orderdeck-accounting`. Use one per order database. */
  readonly dbName?: string;
  /** How long the accounting system takes to answer a batch, [min, max] ms (default 2–6 s). */
  readonly latencyMs?: readonly [number, number];
  /** A batch still in progress this long after it was sent fails with "Timed out" (default 60 s). */
  readonly timeoutMs?: number;
  /** Share of orders the accounting system refuses, 0–1 (default 0.2). */
  readonly failureRate?: number;
  /** Same seed, same failures and latencies (default 1). */
  readonly seed?: number;
  /** Overrides the seeded draw: the failure reason for an order on an attempt, or undefined (posted). */
  readonly outcome?: (orderId: string, attempt: number) => string | undefined;
  /** The accounting system's name (default "SQL Account"). */
  readonly systemName?: string;
  readonly now?: () => Date;
}

/** Idempotency records of posts and retries: what the first call answered. */
interface IdempotencyRecord {
  readonly key: string;
  readonly kind: 'post' | 'retry';
  readonly batchId?: string;
  readonly results?: readonly PostingItemResult[];
  readonly error?: OrderApiErrorData;
}

interface AccountingSchema extends DBSchema {
  batches: { key: string; value: BatchRecord };
  idempotency: { key: string; value: IdempotencyRecord };
}

type AccountingDb = IDBPDatabase<AccountingSchema>;

export interface SimulatedAccounting extends AccountingConnector {
  /**
   * Replaces the posting history with the batches the given (seeded) orders imply: completed, failed
   * and — for orders still in progress — in-progress batches that resolve after the latency.
   */
  seedFromOrders(orders: readonly Order[]): Promise<void>;
  /** Stops the timers and closes the database. */
  close(): void;
}

const SCHEMA_VERSION = 1;
const ID_PAGE = 500;

const withoutOrder = (r: PostingItemResult): PostingItemResult => (r.ok ? { orderId: r.orderId, ok: true } : r);

export async function createSimulatedAccounting(options: SimulatedAccountingOptions): Promise<SimulatedAccounting> {
  const connector = new SimulatedConnector(options);
  await connector.open();
  return connector;
}

class SimulatedConnector implements SimulatedAccounting {
  readonly capabilities: AccountingCapabilities = { history: true, retry: true, realtime: true };
  readonly systemName: string;

  private readonly orders: LocalOrderApi;
  private readonly viewer: Viewer;
  private readonly dbName: string;
  private readonly latency: readonly [number, number];
  private readonly timeoutMs: number;
  private readonly seed: number;
  private readonly outcome: (orderId: string, attempt: number) => string | undefined;
  private readonly clock: () => Date;
  private readonly listeners = new Set<(event: PostingChangeEvent) => void>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>[]>();
  /** Batches being settled now, so a timer and a timeout never settle one twice at once. */
  private readonly settling = new Map<string, Promise<void>>();
  private db: AccountingDb | undefined;
  private channel: BroadcastChannel | undefined;
  private closed = false;
  private seq = 0;
  private readonly tag = Math.random().toString(36).slice(2, 7);

  constructor(options: SimulatedAccountingOptions) {
    this.orders = options.orders;
    this.viewer = options.viewer;
    this.dbName = options.dbName ?? 'orderdeck-accounting';
    this.latency = options.latencyMs ?? [2000, 6000];
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.seed = options.seed ?? 1;
    const rate = Math.min(1, Math.max(0, options.failureRate ?? 0.2));
    this.outcome = options.outcome ?? ((id, attempt) => simulatedOutcome(this.seed, rate, id, attempt));
    this.systemName = options.systemName ?? 'SQL Account';
    this.clock = options.now ?? (() => new Date());
  }

  async open(): Promise<void> {
    if (typeof indexedDB === 'undefined') {
      throw new OrderApiError({ code: 'unavailable', message: 'IndexedDB is not available in this browser context.' });
    }
    try {
      this.db = await openDB<AccountingSchema>(this.dbName, SCHEMA_VERSION, {
        upgrade(db, oldVersion) {
          if (oldVersion < 1) {
            db.createObjectStore('batches', { keyPath: 'id' });
            db.createObjectStore('idempotency', { keyPath: 'key' });
          }
        },
        blocking: () => this.close(),
        terminated: () => this.close(),
      });
    } catch (e) {
      throw storageError(e);
    }
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(`${this.dbName}-postings`);
      this.channel.onmessage = (event: MessageEvent<unknown>) => void this.receive(event.data);
    }
    await this.resume();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const list of this.timers.values()) for (const t of list) clearTimeout(t);
    this.timers.clear();
    this.listeners.clear();
    if (this.channel) {
      this.channel.onmessage = null;
      this.channel.close();
    }
    this.db?.close();
  }

  subscribe(listener: (event: PostingChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────────

  async listBatches(page: { readonly offset: number; readonly limit: number }, options?: RequestOptions): Promise<PostingHistoryPage> {
    throwIfAborted(options?.signal);
    const offset = Math.max(0, Math.floor(page.offset));
    const limit = Math.max(0, Math.floor(page.limit));
    const all = await this.database().getAll('batches');
    const visible = all
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1))
      .map((r) => viewOf(r, this.viewer))
      .filter((b): b is PostingBatch => b !== undefined);
    return { items: visible.slice(offset, offset + limit), total: visible.length, offset };
  }

  async getBatch(batchId: string, options?: RequestOptions): Promise<PostingBatch> {
    throwIfAborted(options?.signal);
    const record = await this.database().get('batches', batchId);
    const view = record && viewOf(record, this.viewer);
    if (!view) throw new OrderApiError({ code: 'not-found', message: `Posting batch ${batchId} does not exist.` });
    return view;
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────────────────

  async postOrders(request: PostOrdersRequest, options: WriteOptions): Promise<PostOrdersResult> {
    throwIfAborted(options?.signal);
    const key = this.keyOf(options);
    const prior = await this.database().get('idempotency', key);
    if (prior) return this.replayPost(prior);
    if (!can(this.viewer, 'orders.post')) {
      throw new OrderApiError({ code: 'forbidden', message: 'Your role may not post orders to accounting.' });
    }
    const action = this.postAction();
    const ids = await this.targetIds(request, options.signal);
    if (ids.length === 0) {
      await this.database().put('idempotency', { key, kind: 'post', results: [] });
      return { batch: undefined, results: [] };
    }
    const id = `pb_${this.clock().getTime().toString(36)}${this.tag}${(++this.seq).toString(36)}`;
    const now = this.clock();
    const base: BatchRecord = {
      id,
      state: 'in-progress',
      createdAt: now.toISOString(),
      sentAt: now.toISOString(),
      postedBy: { id: this.viewer.id, name: this.viewer.name },
      orders: ids.map((orderId) => ({ orderId, orderNumber: orderId, storeId: '', state: 'in-progress', attempts: 1 })),
      dueAt: now.getTime() + latencyFor(this.seed, id, this.latency),
    };
    // Written before the orders change, so a page closed in between still leaves a batch that times out.
    await this.database().put('batches', base);
    let results;
    try {
      results = await this.orders.runBulkAction({ orderIds: ids, action }, { idempotencyKey: `accounting-post:${key}`, signal: options.signal });
    } catch (e) {
      await this.database().delete('batches', id);
      throw e;
    }
    const candidates = results.flatMap((r) => (r.ok ? [this.sent(r.order, 1)] : []));
    const outcome: PostingItemResult[] = results.map((r) => (r.ok ? { orderId: r.orderId, ok: true, order: r.order } : { orderId: r.orderId, ok: false, error: r.error }));
    const record: BatchRecord = { ...base, orders: candidates };
    const tx = this.database().transaction(['batches', 'idempotency'], 'readwrite');
    await Promise.all([
      candidates.length ? tx.objectStore('batches').put(record) : tx.objectStore('batches').delete(id),
      // Kept without the orders (a replay reads them again): a big batch stays a small record.
      tx.objectStore('idempotency').put({ key, kind: 'post', ...(candidates.length && { batchId: id }), results: outcome.map(withoutOrder) }),
      tx.done,
    ]);
    if (candidates.length === 0) return { batch: undefined, results: outcome };
    this.schedule(record);
    this.publish(record);
    return { batch: viewOf(record, this.viewer), results: outcome };
  }

  async retryBatch(batchId: string, options: WriteOptions): Promise<PostingBatch> {
    throwIfAborted(options?.signal);
    const key = this.keyOf(options);
    const prior = await this.database().get('idempotency', key);
    if (prior) {
      if (prior.error) throw new OrderApiError(prior.error);
      return this.getBatch(prior.batchId ?? batchId);
    }
    if (!can(this.viewer, 'orders.post')) {
      throw new OrderApiError({ code: 'forbidden', message: 'Your role may not post orders to accounting.' });
    }
    await this.settling.get(batchId);
    const record = await this.database().get('batches', batchId);
    const view = record && viewOf(record, this.viewer);
    if (!record || !view) throw new OrderApiError({ code: 'not-found', message: `Posting batch ${batchId} does not exist.` });
    if (record.state !== 'failed') {
      throw new OrderApiError({ code: 'refused', message: record.state === 'in-progress' ? 'This batch is still in progress.' : 'Every order of this batch is posted.' });
    }
    const failed = view.orders.filter((o) => o.state === 'failed').map((o) => o.orderId);
    const results = await this.orders.runBulkAction({ orderIds: failed, action: this.postAction() }, { idempotencyKey: `accounting-retry:${key}`, signal: options.signal });
    const resent = new Map(results.flatMap((r) => (r.ok ? [[r.orderId, r.order] as const] : [])));
    const refused = new Map(results.flatMap((r) => (r.ok ? [] : [[r.orderId, r.error.message] as const])));
    if (resent.size === 0) {
      const first = results.find((r) => !r.ok);
      const error: OrderApiErrorData = {
        code: 'refused',
        message: `None of the failed orders can be posted again${first && !first.ok ? `: ${first.error.message}` : '.'}`,
      };
      // Record the refusals on the batch, so the history says why.
      const updated: BatchRecord = { ...record, orders: record.orders.map((o) => (refused.has(o.orderId) ? { ...o, error: refused.get(o.orderId) as string } : o)) };
      const tx = this.database().transaction(['batches', 'idempotency'], 'readwrite');
      await Promise.all([tx.objectStore('batches').put(updated), tx.objectStore('idempotency').put({ key, kind: 'retry', batchId, error }), tx.done]);
      this.publish(updated);
      throw new OrderApiError(error);
    }
    const now = this.clock();
    const orders = record.orders.map((o) => {
      const order = resent.get(o.orderId);
      if (order) return this.sent(order, o.attempts + 1);
      const reason = refused.get(o.orderId);
      return reason === undefined ? o : { ...o, error: reason };
    });
    const { settledAt: _settled, error: _error, ...rest } = record;
    const updated: BatchRecord = {
      ...rest,
      state: 'in-progress',
      sentAt: now.toISOString(),
      orders,
      dueAt: now.getTime() + latencyFor(this.seed, `${batchId}#${now.getTime()}`, this.latency),
    };
    const tx = this.database().transaction(['batches', 'idempotency'], 'readwrite');
    await Promise.all([tx.objectStore('batches').put(updated), tx.objectStore('idempotency').put({ key, kind: 'retry', batchId }), tx.done]);
    this.schedule(updated);
    this.publish(updated);
    return viewOf(updated, this.viewer) as PostingBatch;
  }

  async seedFromOrders(orders: readonly Order[]): Promise<void> {
    const records = batchesFromOrders(orders, this.clock(), (id) => latencyFor(this.seed, id, this.latency));
    this.clearTimers();
    const tx = this.database().transaction(['batches', 'idempotency'], 'readwrite');
    await Promise.all([tx.objectStore('batches').clear(), tx.objectStore('idempotency').clear()]);
    await Promise.all([...records.map((r) => tx.objectStore('batches').put(r)), tx.done]);
    for (const r of records) if (r.state === 'in-progress') this.schedule(r);
    this.emit({ type: 'reset' });
    this.post({ type: 'reset' });
  }

  // ── the simulated accounting system ──────────────────────────────────────────────────────────────

  /** On open: time out what waited too long, resume the rest. */
  private async resume(): Promise<void> {
    const all = await this.database().getAll('batches');
    const now = this.clock().getTime();
    for (const record of all) {
      if (record.state !== 'in-progress') continue;
      if (now >= Date.parse(record.sentAt) + this.timeoutMs) await this.settle(record.id, true);
      else this.schedule(record);
    }
  }

  /** Timers for the answer and for the timeout of an in-progress batch. */
  private schedule(record: BatchRecord): void {
    this.clearTimers(record.id);
    const now = this.clock().getTime();
    const answer = setTimeout(() => void this.settle(record.id, false), Math.max(0, record.dueAt - now));
    const timeout = setTimeout(() => void this.settle(record.id, true), Math.max(0, Date.parse(record.sentAt) + this.timeoutMs - now));
    this.timers.set(record.id, [answer, timeout]);
  }

  private clearTimers(batchId?: string): void {
    const ids = batchId === undefined ? [...this.timers.keys()] : [batchId];
    for (const id of ids) {
      for (const t of this.timers.get(id) ?? []) clearTimeout(t);
      this.timers.delete(id);
    }
  }

  /** The accounting system answers for the batch's orders in progress (or the timeout fails them). */
  private settle(batchId: string, timedOut: boolean): Promise<void> {
    const running = this.settling.get(batchId);
    if (running) return running;
    const work = this.answer(batchId, timedOut)
      .catch((e: unknown) => {
        if (!this.closed) console.warn(`orderdeck: could not settle posting batch ${batchId}`, e);
      })
      .finally(() => this.settling.delete(batchId));
    this.settling.set(batchId, work);
    return work;
  }

  private async answer(batchId: string, timedOut: boolean): Promise<void> {
    if (this.closed) return;
    const record = await this.database().get('batches', batchId);
    if (!record || record.state !== 'in-progress') return;
    // The answer timer of another tab's batch may fire early here: wait for its time.
    if (!timedOut && this.clock().getTime() < record.dueAt) return this.schedule(record);
    const now = this.clock().toISOString();
    const orders: PostingBatchOrder[] = [];
    for (const item of record.orders) {
      if (item.state !== 'in-progress') {
        orders.push(item);
        continue;
      }
      const reason = timedOut ? TIMED_OUT : this.outcome(item.orderId, item.attempts);
      const input = reason === undefined
        ? { status: 'completed' as const, reference: `IV-${String(hash(`${batchId}:${item.orderId}:${item.attempts}`) % 1_000_000).padStart(6, '0')}` }
        : { status: 'failed' as const, error: reason };
      const applied = await this.applyResult(`${batchId}:${item.orderId}:${item.attempts}`, item.orderId, input);
      if (this.closed) return;
      const settled = { ...item, settledAt: now };
      if (applied.ok && input.status === 'completed') {
        const { error: _e, ...rest } = settled;
        orders.push({ ...rest, state: 'completed', reference: input.reference });
      } else {
        orders.push({ ...settled, state: 'failed', error: applied.ok ? (input.error as string) : `${input.error ?? 'Not posted'} (${applied.message})` });
      }
    }
    const state = batchState(orders);
    const updated: BatchRecord = {
      ...record,
      orders,
      state,
      settledAt: now,
      ...(timedOut && { error: TIMED_OUT }),
    };
    await this.database().put('batches', updated);
    this.clearTimers(batchId);
    this.publish(updated);
  }

  /**
   * Applies `posting-result` as a system action. The expected version is found by trying: a conflict
   * names the stored order (for any store), and the second attempt uses its version.
   */
  private async applyResult(
    keyBase: string,
    orderId: string,
    input: { status: 'completed' | 'failed'; error?: string; reference?: string },
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const action = this.resultAction();
    // The order as the viewer sees it; out of their scope (another viewer's batch), the conflict names it.
    let expectedVersion = await this.orders.getOrder(orderId).then((o) => o.version, () => 0);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.orders.runSystemAction({ orderId, action, input, expectedVersion }, { idempotencyKey: `${keyBase}:${attempt}` });
        return { ok: true };
      } catch (e) {
        if (e instanceof OrderApiError && e.code === 'conflict' && e.current) {
          // Already answered (another tab, or a replay): nothing more to apply.
          if (e.current.posting?.status !== 'in-progress') return { ok: false, message: 'the order is no longer waiting for a posting' };
          expectedVersion = e.current.version;
          continue;
        }
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    }
    return { ok: false, message: 'the order kept changing' };
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────────

  private database(): AccountingDb {
    if (!this.db || this.closed) throw new OrderApiError({ code: 'unavailable', message: 'The posting history is closed.' });
    return this.db;
  }

  private keyOf(options: WriteOptions | undefined): string {
    const key = options?.idempotencyKey;
    if (typeof key !== 'string' || key.trim() === '') {
      throw new OrderApiError({
        code: 'invalid-input',
        message: 'Every posting needs an idempotency key.',
        fields: [{ field: 'idempotencyKey', message: 'is required' }],
      });
    }
    return key;
  }

  private postAction(): string {
    const action = this.orders.workflow.actions.find((a) => a.operation === 'post-accounting' && !a.system);
    if (!action) throw new OrderApiError({ code: 'refused', message: 'This workflow does not post orders to accounting.' });
    return action.key;
  }

  private resultAction(): string {
    const action = this.orders.workflow.actions.find((a) => a.operation === 'posting-result');
    if (!action) throw new OrderApiError({ code: 'refused', message: 'This workflow has no posting-result action.' });
    return action.key;
  }

  /** The ids to post: the given ones, or every order matching the query in the viewer's scope. */
  private async targetIds(request: PostOrdersRequest, signal: AbortSignal | undefined): Promise<string[]> {
    if (request.orderIds) {
      if (!Array.isArray(request.orderIds) || request.orderIds.some((id) => typeof id !== 'string')) {
        throw new OrderApiError({ code: 'invalid-input', message: 'orderIds must be a list of order ids.', fields: [{ field: 'orderIds', message: 'must be a list of strings' }] });
      }
      return [...new Set(request.orderIds)];
    }
    if (!request.query || typeof request.query !== 'object') {
      throw new OrderApiError({ code: 'invalid-input', message: 'Post needs orderIds or a query.', fields: [{ field: 'orderIds', message: 'or query is required' }] });
    }
    const ids: string[] = [];
    for (let offset = 0; ; offset += ID_PAGE) {
      const page = await this.orders.listOrders(request.query, { offset, limit: ID_PAGE }, signal ? { signal } : undefined);
      for (const order of page.items) ids.push(order.id);
      if (page.items.length < ID_PAGE || offset + ID_PAGE >= page.total) return ids;
    }
  }

  private sent(order: Order, attempts: number): PostingBatchOrder {
    return { orderId: order.id, orderNumber: order.number, storeId: order.storeId, state: 'in-progress', attempts };
  }

  private async replayPost(prior: IdempotencyRecord): Promise<PostOrdersResult> {
    if (prior.kind !== 'post') {
      throw new OrderApiError({
        code: 'invalid-input',
        message: 'The idempotency key was already used for a different request (retry).',
        fields: [{ field: 'idempotencyKey', message: 'was used for a different request' }],
      });
    }
    const batch = prior.batchId === undefined ? undefined : await this.getBatch(prior.batchId).catch(() => undefined);
    return { batch, results: prior.results ?? [] };
  }

  /** Tells this tab's listeners (in their viewer's scope) and other tabs. */
  private publish(record: BatchRecord): void {
    const view = viewOf(record, this.viewer);
    if (view) this.emit({ type: 'batch-updated', batch: view });
    this.post({ type: 'batch', id: record.id });
  }

  private emit(event: PostingChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('orderdeck: a posting listener threw', e);
      }
    }
  }

  private post(message: { type: 'batch'; id: string } | { type: 'reset' }): void {
    try {
      this.channel?.postMessage({ ...message, source: this.tag });
    } catch (e) {
      console.warn('orderdeck: could not tell other tabs about a posting', e);
    }
  }

  /** Another tab changed a batch: read it and tell our listeners. */
  private async receive(data: unknown): Promise<void> {
    if (this.closed || data === null || typeof data !== 'object') return;
    const m = data as { type?: unknown; id?: unknown; source?: unknown };
    if (m.source === this.tag) return;
    if (m.type === 'reset') {
      this.clearTimers();
      this.emit({ type: 'reset' });
      return;
    }
    if (m.type !== 'batch' || typeof m.id !== 'string') return;
    const record = await this.database().get('batches', m.id);
    if (!record) return;
    // Every open tab watches the batch; answers are idempotent per order and attempt, so whichever
    // tab answers first wins and the others replay the same outcome.
    if (record.state === 'in-progress') this.schedule(record);
    else this.clearTimers(record.id);
    const view = viewOf(record, this.viewer);
    if (view) this.emit({ type: 'batch-updated', batch: view });
  }
}
