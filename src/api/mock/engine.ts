/**
 * The mock backend's engine: the local IndexedDB engine (`createLocalApi`), one instance per viewer over
 * one shared database, so scope, permissions, workflow rules, versions and the idempotency log are
 * enforced exactly as in the embedded adapter. One more instance, the observer, never serves requests:
 * it hears every committed change (from the viewer instances, or from anything else writing the same
 * database, such as the courier simulation) through the engine's BroadcastChannel and feeds the event
 * stream. Idempotency keys reach the engine prefixed with the caller's viewer id (handlers.ts).
 *
 * Instances learn of each other's writes asynchronously. So that a client reads its own writes (and
 * one viewer sees another's at once, as from a real server), a write's response waits until every other
 * open instance has applied the change (`write`), bounded by a timeout.
 */
import { createLocalApi, type LocalOrderApi, type SeedOptions } from '../local/index.js';
import type { ChangeEvent } from '../types.js';
import type { ProductCatalog } from '../../model/csv/catalog.js';
import type { Store, Viewer } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';

const OBSERVER: Viewer = { id: 'orderdeck-mock-observer', name: 'Mock backend', role: 'superadmin', storeIds: [] };
/** How long a write's response waits for the other instances to apply it. */
const SYNC_TIMEOUT_MS = 3000;

/** One engine instance and what it has applied so far. */
class Tracked {
  /** Highest version applied per order id. */
  private readonly seen = new Map<string, number>();
  /** Events received so far (any kind). */
  activity = 0;
  private readonly waiters = new Set<() => void>();
  private readonly off: () => void;

  constructor(readonly api: LocalOrderApi) {
    this.off = api.subscribe((e) => this.note(e));
  }

  private note(e: ChangeEvent): void {
    this.activity++;
    if (e.type === 'order-created' || e.type === 'order-updated') {
      this.seen.set(e.orderId, Math.max(this.seen.get(e.orderId) ?? 0, e.version));
    }
    for (const wake of [...this.waiters]) wake();
  }

  has(changes: ReadonlyMap<string, number>, activitySince: number | undefined): boolean {
    if (activitySince !== undefined) return this.activity > activitySince;
    for (const [id, version] of changes) if ((this.seen.get(id) ?? 0) < version) return false;
    return true;
  }

  /** Resolves once `has(...)` holds, or after `ms`. */
  until(check: () => boolean, ms: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = (): void => {
        if (!check()) return;
        finish(true);
      };
      const timer = setTimeout(() => finish(false), ms);
      const finish = (ok: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(ok);
      };
      this.waiters.add(wake);
    });
  }

  close(): void {
    this.off();
    this.api.close();
    for (const wake of this.waiters) wake();
  }
}

export interface MockEngineOptions {
  readonly workflow: WorkflowDefinition;
  readonly dbName: string;
  readonly stores?: readonly Store[];
  readonly catalog?: ProductCatalog;
  readonly seed?: SeedOptions;
  /** Every committed change, once (from the observer). */
  readonly onChange: (event: ChangeEvent) => void;
}

export class MockEngine {
  /** Resolves when the database is open (and seeded, when asked). */
  readonly ready: Promise<void>;
  private observer: Tracked | undefined;
  private readonly apis = new Map<string, Promise<Tracked>>();
  private readonly open: Tracked[] = [];
  private closed = false;

  constructor(private readonly options: MockEngineOptions) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    const api = await this.create(OBSERVER);
    if (this.options.seed) await api.seed(this.options.seed);
    if (this.closed) {
      api.close();
      return;
    }
    // Subscribed after seeding: that reset is not a change anyone must hear about. It never serves
    // requests, so every later event — from other instances, or from a test writing through it — is one.
    api.subscribe((e) => this.options.onChange(e));
    this.observer = new Tracked(api);
    this.open.push(this.observer);
  }

  private create(viewer: Viewer): Promise<LocalOrderApi> {
    return createLocalApi({
      workflow: this.options.workflow,
      viewer,
      dbName: this.options.dbName,
      ...(this.options.stores && { stores: this.options.stores }),
      ...(this.options.catalog && { catalog: this.options.catalog }),
    });
  }

  /** The engine instance acting for `viewer` (opened on first use). */
  async forViewer(viewer: Viewer): Promise<LocalOrderApi> {
    await this.ready;
    let pending = this.apis.get(viewer.id);
    if (!pending) {
      pending = this.create(viewer).then((api) => {
        const tracked = new Tracked(api);
        if (this.closed) tracked.close();
        else this.open.push(tracked);
        return tracked;
      });
      this.apis.set(viewer.id, pending);
      pending.catch(() => this.apis.delete(viewer.id));
    }
    return (await pending).api;
  }

  /** The observer instance: a superadmin view of everything, for checks in tests. */
  async backdoor(): Promise<LocalOrderApi> {
    await this.ready;
    return (this.observer as Tracked).api;
  }

  /**
   * Runs a write on `api` and, before returning its result or error, waits until every other open
   * instance has applied what it changed.
   */
  async write<T>(api: LocalOrderApi, run: () => Promise<T>): Promise<T> {
    const changed = new Map<string, number>();
    let reset = false;
    const off = api.subscribe((e) => {
      if (e.origin !== 'self') return;
      // A saved workflow is awaited like a reset: every other instance hears of it once.
      if (e.type === 'reset' || e.type === 'workflow-updated') reset = true;
      else if (e.type !== 'order-removed') changed.set(e.orderId, Math.max(changed.get(e.orderId) ?? 0, e.version));
    });
    const others = this.open.filter((t) => t.api !== api);
    const activity = new Map(others.map((t) => [t, t.activity]));
    try {
      return await run();
    } finally {
      off();
      if (changed.size > 0 || reset) {
        const results = await Promise.all(
          others.map((t) => t.until(() => t.has(changed, reset ? activity.get(t) : undefined), SYNC_TIMEOUT_MS)),
        );
        if (results.includes(false) && !this.closed) {
          console.warn('orderdeck mock: another engine instance did not see a write within 3 s; answering anyway');
        }
      }
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.open.splice(0)) t.close();
    this.apis.clear();
  }
}
