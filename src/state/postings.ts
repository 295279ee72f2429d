/**
 * The store's posting history (when it has an `AccountingConnector`): batches newest first, loaded
 * page by page on first use, kept current from the connector's change events (and, for a connector
 * without realtime, polled while a batch is in progress). Its own subject beside the store state, so
 * stores without accounting carry nothing.
 */
import { BehaviorSubject, Observable } from 'rxjs';
import type { AccountingConnector, PostingBatch, PostingChangeEvent } from '../api/accounting/types.js';
import type { OrderApiError } from '../api/types.js';
import { toApiError } from './errors.js';

/** The posting history as loaded so far. */
export interface PostingHistoryState {
  /** Newest first; undefined until the first page arrives. */
  readonly batches: readonly PostingBatch[] | undefined;
  /** How many batches the viewer may see in all. */
  readonly total: number | undefined;
  readonly loading: boolean;
  readonly error: OrderApiError | undefined;
}

export const EMPTY_POSTINGS: PostingHistoryState = { batches: undefined, total: undefined, loading: false, error: undefined };

/** Batches per page of history. */
export const POSTING_PAGE = 20;
/** Polling interval while a batch is in progress, for connectors without realtime. */
const POLL_MS = 3000;

export class PostingHistory {
  readonly state$: Observable<PostingHistoryState>;
  private readonly subject = new BehaviorSubject<PostingHistoryState>(EMPTY_POSTINGS);
  private watchers = 0;
  private unsubscribe: (() => void) | undefined;
  private load: AbortController | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private wanted = POSTING_PAGE;

  constructor(private readonly connector: AccountingConnector) {
    // Loads and listens while someone watches; stops when the last one leaves.
    this.state$ = new Observable<PostingHistoryState>((subscriber) => {
      const inner = this.subject.subscribe(subscriber);
      if (this.watchers++ === 0) this.start();
      return () => {
        inner.unsubscribe();
        if (--this.watchers === 0) this.stop();
      };
    });
  }

  get snapshot(): PostingHistoryState {
    return this.subject.getValue();
  }

  /** Loads the next page of older batches. */
  more(): void {
    this.wanted = (this.snapshot.batches?.length ?? 0) + POSTING_PAGE;
    this.reload();
  }

  /** Loads what is shown again (after an error, say). */
  reload(): void {
    this.load?.abort();
    const controller = new AbortController();
    this.load = controller;
    this.set({ loading: true, error: undefined });
    this.connector.listBatches({ offset: 0, limit: this.wanted }, { signal: controller.signal }).then(
      (page) => {
        if (this.load !== controller) return;
        this.load = undefined;
        this.set({ batches: page.items, total: page.total, loading: false, error: undefined });
        this.pollIfNeeded();
      },
      (error: unknown) => {
        if (this.load !== controller) return;
        this.load = undefined;
        this.set({ loading: false, error: toApiError(error) });
      },
    );
  }

  /** A batch the store just posted or retried: shown at once, before its change event. */
  upsert(batch: PostingBatch): void {
    const { batches, total } = this.snapshot;
    if (!batches) return;
    const at = batches.findIndex((b) => b.id === batch.id);
    if (at >= 0) {
      const next = [...batches];
      next[at] = batch;
      this.set({ batches: next });
    } else {
      this.set({ batches: [batch, ...batches], total: (total ?? 0) + 1 });
    }
    this.pollIfNeeded();
  }

  dispose(): void {
    this.stop();
    this.subject.complete();
  }

  private start(): void {
    this.unsubscribe = this.connector.subscribe((event) => this.onChange(event));
    this.reload();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.load?.abort();
    this.load = undefined;
    clearInterval(this.poll);
    this.poll = undefined;
  }

  private onChange(event: PostingChangeEvent): void {
    if (event.type === 'reset') this.reload();
    else this.upsert(event.batch);
  }

  private pollIfNeeded(): void {
    if (this.connector.capabilities.realtime) return;
    const open = this.snapshot.batches?.some((b) => b.state === 'in-progress') ?? false;
    if (open && this.poll === undefined) this.poll = setInterval(() => this.reload(), POLL_MS);
    if (!open && this.poll !== undefined) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }

  private set(patch: Partial<PostingHistoryState>): void {
    this.subject.next({ ...this.snapshot, ...patch });
  }
}
