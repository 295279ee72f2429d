/**
 * Server-sent events over fetch (not EventSource, so the host's auth headers go with every connection):
 * a parser for the `text/event-stream` format (WHATWG HTML §9.2.6) and the reconnecting subscription
 * the REST adapter's `subscribe` uses. It resumes after a drop with `Last-Event-ID`, waits with capped
 * exponential backoff and full jitter between attempts (at least the server's `retry:`), and emits each
 * change with origin `server`.
 */
import type { ChangeEvent } from '../types.js';
import { decodeChangeEvent } from './decode.js';
import type { Transport } from './transport.js';

export interface SseMessage {
  /** The `event:` name, `message` when none was given. */
  readonly event: string;
  readonly data: string;
  /** The last event ID after this message (the stream's, not only this message's). */
  readonly lastEventId: string;
}

/** Incremental `text/event-stream` parser: feed decoded text, get dispatched messages. */
export class SseParser {
  lastEventId = '';
  /** The last `retry:` the server sent, in ms. */
  retryMs: number | undefined;
  private buffer = '';
  private data: string[] = [];
  private eventName = '';
  private started = false;

  /** Parses as much as is complete; `end` flushes a final line without a terminator (not dispatched). */
  feed(text: string, end = false): SseMessage[] {
    this.buffer += text;
    if (!this.started && this.buffer.length > 0) {
      this.started = true;
      if (this.buffer.charCodeAt(0) === 0xfeff) this.buffer = this.buffer.slice(1);
    }
    const out: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const ch = this.buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      // A CR at the very end may be the first half of CRLF: wait for more text.
      if (ch === '\r' && i === this.buffer.length - 1 && !end) break;
      this.line(this.buffer.slice(start, i), out);
      if (ch === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
    // At the end of the stream an unterminated event is discarded (as EventSource does).
    if (end) this.buffer = '';
    return out;
  }

  private line(line: string, out: SseMessage[]): void {
    if (line === '') {
      this.dispatch(out);
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventName = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(out: SseMessage[]): void {
    const event = this.eventName || 'message';
    const data = this.data.join('\n');
    const had = this.data.length > 0;
    this.data = [];
    this.eventName = '';
    if (!had) return;
    out.push({ event, data, lastEventId: this.lastEventId });
  }
}

/**
 * A connection that delivers nothing at all (not even the server's keep-alive comments, sent every
 * 15 s by the mock) for this long is presumed dead and replaced.
 */
export const IDLE_TIMEOUT_MS = 45_000;

/** The event names of the contract's stream that are not change events. */
const CONTROL_EVENTS: ReadonlySet<string> = new Set(['ready', 'message']);

/**
 * One shared stream for every listener of one REST adapter: opened by the first `subscribe`, closed
 * (aborting the fetch) when the last listener leaves.
 */
export class ChangeStream {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  private controller: AbortController | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly idleTimeoutMs: number = IDLE_TIMEOUT_MS,
  ) {}

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.controller) {
      const controller = new AbortController();
      this.controller = controller;
      void this.run(controller.signal);
    }
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.controller?.abort();
      this.controller = undefined;
    };
  }

  private emit(event: ChangeEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        console.error('orderdeck: a change listener threw', e);
      }
    }
  }

  /** Connect, read until the stream ends or fails, wait, reconnect with the last event id; until aborted. */
  private async run(signal: AbortSignal): Promise<void> {
    const parser = new SseParser();
    let failures = 0;
    while (!signal.aborted) {
      const received = await this.connect(parser, signal).catch((e: unknown) => {
        // Said once per outage, not once per attempt.
        if (!signal.aborted && failures === 0) console.warn('orderdeck: the change stream failed; reconnecting', e);
        return false;
      });
      if (signal.aborted) return;
      failures = received ? 0 : failures + 1;
      const wait = Math.max(this.transport.backoff(failures), parser.retryMs ?? 0);
      try {
        await this.transport.sleep(wait, signal);
      } catch {
        return;
      }
    }
  }

  /** One connection; resolves true when it delivered at least one message before it ended. */
  private async connect(parser: SseParser, signal: AbortSignal): Promise<boolean> {
    const extra: Record<string, string> = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (parser.lastEventId !== '') extra['Last-Event-ID'] = parser.lastEventId;
    const headers = await this.transport.headers(extra);
    const opened = await this.transport.open('/events', { method: 'GET', headers }, signal);
    if ('error' in opened) throw opened.error;
    const { response, done } = opened;
    // The timeout covers connecting only; the stream itself stays open.
    done();
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw this.transport.problem(response, text);
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.toLowerCase().startsWith('text/event-stream') || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`the server sent ${type || 'an untyped body'} instead of text/event-stream`);
    }
    const reader = response.body.getReader();
    const stop = (): void => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    let idled = false;
    const awake = (): void => {
      clearTimeout(idle);
      if (this.idleTimeoutMs > 0) {
        idle = setTimeout(() => {
          idled = true;
          stop();
        }, this.idleTimeoutMs);
      }
    };
    const decoder = new TextDecoder();
    let received = false;
    try {
      for (;;) {
        awake();
        const { done: ended, value } = await reader.read();
        if (idled) throw new Error(`the change stream was silent for ${this.idleTimeoutMs / 1000} s`);
        const text = ended ? decoder.decode() : decoder.decode(value, { stream: true });
        for (const message of parser.feed(text, ended)) {
          received = true;
          if (signal.aborted) return received;
          this.handle(message);
        }
        if (ended) return received;
      }
    } catch (e) {
      if (signal.aborted) return received;
      if (received) {
        console.warn('orderdeck: the change stream dropped; resuming', e);
        return true;
      }
      throw e;
    } finally {
      clearTimeout(idle);
      signal.removeEventListener('abort', stop);
    }
  }

  private handle(message: SseMessage): void {
    if (CONTROL_EVENTS.has(message.event)) return;
    let value: unknown;
    try {
      value = JSON.parse(message.data);
    } catch {
      console.warn(`orderdeck: ignored a change event whose data is not JSON (id ${message.lastEventId})`);
      return;
    }
    try {
      const { event, dropped } = decodeChangeEvent(value);
      if (dropped.length) {
        console.warn(`orderdeck: a change event carried a malformed order (${dropped[0]?.field} ${dropped[0]?.message}); it will be refetched`);
      }
      this.emit(event);
    } catch (e) {
      console.warn('orderdeck: ignored a malformed change event', e);
    }
  }
}
