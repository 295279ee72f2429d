/**
 * The mock backend's `GET /events`: every change gets the next integer event id and goes into a replay
 * buffer, then to every open stream whose viewer may see the order. A reconnect with `Last-Event-ID`
 * replays what that stream missed; an id the buffer no longer covers (or one from before a restart)
 * gets a `reset` event, so the client refetches instead of silently missing changes.
 *
 * Wire format per event: `id: <n>`, `event: <change type>`, `data: <ChangeEvent JSON without origin>`.
 * Each connection starts with `retry: <ms>` and ends its replay with `event: ready` carrying the current
 * head id, so a client that has seen nothing yet still resumes from the right place.
 */
import { inScope } from '../../model/permissions.js';
import type { Viewer } from '../../model/types.js';
import type { ChangeEvent } from '../types.js';

/** A change as it goes over the wire: the event without its origin (every event comes from the server). */
export type WireChange = ChangeEvent extends infer E ? (E extends ChangeEvent ? Omit<E, 'origin'> : never) : never;

export interface StoredEvent {
  readonly id: number;
  readonly change: WireChange;
}

interface Sink {
  readonly viewer: Viewer;
  send(event: StoredEvent): void;
  close(error?: boolean): void;
  /** Close after this many more change events (a `drop` fault). */
  dropAfter: number | undefined;
}

export interface EventHubOptions {
  /** Events kept for `Last-Event-ID` replay (default 1000). */
  readonly capacity?: number;
  /** The `retry:` hint sent to clients, ms (default 1000). */
  readonly retryMs?: number;
  /** Interval of `: keepalive` comments, ms (default 15 000; 0 = none). */
  readonly keepAliveMs?: number;
}

const encoder = new TextEncoder();

function frame(id: number, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function visible(viewer: Viewer, change: WireChange): boolean {
  if (change.type === 'order-created' || change.type === 'order-updated') {
    return change.order === undefined || inScope(viewer, change.order.storeId);
  }
  return true;
}

export class EventHub {
  private readonly buffer: StoredEvent[] = [];
  private readonly sinks = new Set<Sink>();
  private seq = 0;
  private readonly capacity: number;
  private readonly retryMs: number;
  private readonly keepAliveMs: number;

  constructor(options: EventHubOptions = {}) {
    this.capacity = options.capacity ?? 1000;
    this.retryMs = options.retryMs ?? 1000;
    this.keepAliveMs = options.keepAliveMs ?? 15_000;
  }

  /** The id of the newest event (0 before the first). */
  get head(): number {
    return this.seq;
  }

  /** How many streams are open now. */
  get openStreams(): number {
    return this.sinks.size;
  }

  publish(event: ChangeEvent): void {
    const { origin: _origin, ...change } = event;
    const stored: StoredEvent = { id: ++this.seq, change: change as WireChange };
    this.buffer.push(stored);
    if (this.buffer.length > this.capacity) this.buffer.splice(0, this.buffer.length - this.capacity);
    for (const sink of [...this.sinks]) if (visible(sink.viewer, stored.change)) sink.send(stored);
  }

  /** Ends every open stream now (clients reconnect); `error` fails them instead of closing cleanly. */
  dropAll(error = false): void {
    for (const sink of [...this.sinks]) sink.close(error);
  }

  /** Makes every open stream end after `afterEvents` more change events. */
  dropAfter(afterEvents: number): void {
    for (const sink of this.sinks) sink.dropAfter = afterEvents;
  }

  close(): void {
    this.dropAll();
  }

  /**
   * A new stream for `viewer`, resuming after `lastEventId` when given. `dropAfter` ends it after that
   * many change events (fault injection).
   */
  open(viewer: Viewer, lastEventId: string | null, dropAfter?: number): ReadableStream<Uint8Array> {
    let sink: Sink | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const remove = (): void => {
      if (sink) this.sinks.delete(sink);
      clearInterval(timer);
    };
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        let closed = false;
        const write = (text: string): void => {
          if (!closed) controller.enqueue(encoder.encode(text));
        };
        const current: Sink = {
          viewer,
          dropAfter,
          send: (event) => {
            write(frame(event.id, event.change.type, event.change));
            if (current.dropAfter !== undefined && --current.dropAfter <= 0) current.close();
          },
          close: (error = false) => {
            if (closed) return;
            closed = true;
            remove();
            if (error) controller.error(new TypeError('The event stream was cut.'));
            else controller.close();
          },
        };
        sink = current;
        write(`retry: ${this.retryMs}\n\n`);
        // Replay and registration happen in one synchronous step: nothing published in between is lost.
        for (const event of this.resume(lastEventId)) if (visible(viewer, event.change)) current.send(event);
        write(frame(this.seq, 'ready', { lastEventId: String(this.seq) }));
        if (current.dropAfter === 0) current.close();
        if (closed) return;
        this.sinks.add(current);
        if (this.keepAliveMs > 0) timer = setInterval(() => write(': keepalive\n\n'), this.keepAliveMs);
      },
      cancel: () => {
        remove();
      },
    });
  }

  /** Buffered events after `lastEventId`, or one `reset` when they cannot all be replayed. */
  private resume(lastEventId: string | null): StoredEvent[] {
    if (lastEventId === null || lastEventId.trim() === '') return [];
    const last = /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : Number.NaN;
    const oldest = this.buffer[0]?.id ?? this.seq + 1;
    if (Number.isNaN(last) || last > this.seq || last < oldest - 1) {
      return [{ id: this.seq, change: { type: 'reset' } }];
    }
    return this.buffer.filter((e) => e.id > last);
  }
}
