/**
 * The HTTP core of the REST adapter: one request with host headers, a per-attempt timeout and the
 * caller's AbortSignal; retries of what is safe to repeat (GET, and writes carrying an
 * `Idempotency-Key`, which are repeated with the SAME key) on network errors, timeouts, 408, 429, 502,
 * 503 and 504, with capped exponential backoff and full jitter and `Retry-After` as the minimum wait;
 * and the mapping of every failure to a typed `OrderApiError`. Nothing else escapes: no TypeError from
 * fetch, no SyntaxError from JSON.
 */
import { OrderApiError, type OrderApiErrorCode } from '../types.js';
import { isRecord } from '../validate.js';
import { problemExtras } from './decode.js';
import { codeOfStatus, codeOfType, isErrorCode, PROBLEM_TITLES } from './wire.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  readonly maxRetries?: number;
  /** The first backoff ceiling in ms (default 300); it doubles per retry. */
  readonly baseDelayMs?: number;
  /** The largest backoff ceiling in ms (default 10 000). */
  readonly capMs?: number;
  /** A `Retry-After` longer than this (ms, default 60 000) is not waited for: the error is returned. */
  readonly maxRetryAfterMs?: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly headers?: () => Record<string, string> | Promise<Record<string, string>>;
  readonly retry?: RetryOptions;
  /** Per attempt, until the whole body is read (ms, default 15 000; 0 = none). */
  readonly timeoutMs?: number;
  /** A number in [0, 1) for jitter (default Math.random). */
  readonly random?: () => number;
  /** Waits `ms`; rejects when `signal` aborts (default: setTimeout). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for `Retry-After` HTTP dates (default Date.now). */
  readonly now?: () => number;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  /** Path below `baseUrl`, already encoded, with its query string. */
  readonly path: string;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly idempotencyKey?: string;
  readonly ifMatch?: string;
  readonly signal?: AbortSignal;
}

export function abortedError(): OrderApiError {
  return new OrderApiError({ code: 'aborted', message: 'The request was aborted.' });
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const RETRY_STATUS: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** A response whose headers arrived; `done()` clears the timeout and the abort link. */
export interface Opened {
  readonly response: Response;
  readonly done: () => void;
  readonly timedOut: () => boolean;
}

/** A failed attempt: the error to report, and whether repeating the request may help. */
export interface Failure {
  readonly error: OrderApiError;
  readonly retriable: boolean;
}

export class Transport {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly capMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // Bound lazily, so a test or host replacing globalThis.fetch later is still honoured.
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.maxRetries = Math.max(0, options.retry?.maxRetries ?? 3);
    this.baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? 300);
    this.capMs = Math.max(this.baseDelayMs, options.retry?.capMs ?? 10_000);
    this.maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** Full jitter: a uniform wait in [0, min(cap, base · 2^attempt)). */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.capMs, this.baseDelayMs * 2 ** Math.min(attempt, 30));
    return Math.floor(this.random() * ceiling);
  }

  /** Sends a request, retrying what may be retried; resolves with the parsed JSON body of a 2xx. */
  async json(request: HttpRequest): Promise<unknown> {
    const retriable = request.method === 'GET' || request.idempotencyKey !== undefined;
    for (let attempt = 0; ; attempt++) {
      if (request.signal?.aborted) throw abortedError();
      const result = await this.attempt(request);
      if (!('error' in result)) return result.value;
      const { error } = result;
      if (!retriable || !result.retriable || attempt >= this.maxRetries) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > this.maxRetryAfterMs) throw error;
      const wait = Math.max(this.backoff(attempt), error.retryAfterMs ?? 0);
      await this.sleep(wait, request.signal).catch(() => {
        throw abortedError();
      });
    }
  }

  /** The headers of every request: the host's (auth), then the contract's. */
  async headers(extra: Record<string, string>): Promise<Headers> {
    let host: Record<string, string> = {};
    if (this.options.headers) {
      try {
        host = await this.options.headers();
      } catch (e) {
        throw new OrderApiError({
          code: 'unavailable',
          message: `Could not prepare the request headers: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
    const headers = new Headers(host);
    for (const [k, v] of Object.entries(extra)) headers.set(k, v);
    return headers;
  }

  /**
   * One fetch with the caller's signal and a timeout; resolves with the response once its headers
   * arrived (the timeout is cleared by `done()`). Failures become `Failure`s.
   */
  async open(
    path: string,
    init: RequestInit & { headers: Headers },
    signal: AbortSignal | undefined,
    timeoutMs = this.timeoutMs,
  ): Promise<Opened | Failure> {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const url = `${this.baseUrl}${path}`;
    try {
      const response = await this.fetchFn(url, { ...init, signal: controller.signal });
      return { response, done, timedOut: () => timedOut };
    } catch (e) {
      done();
      return this.thrown(e, signal, timedOut, timeoutMs);
    }
  }

  private thrown(e: unknown, signal: AbortSignal | undefined, timedOut: boolean, timeoutMs: number): Failure {
    if (signal?.aborted) throw abortedError();
    if (timedOut) {
      const seconds = Math.round(timeoutMs / 100) / 10;
    return { error: new OrderApiError({ code: 'network', message: `The server did not answer within ${seconds} s.` }), retriable: true };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return { error: new OrderApiError({ code: 'network', message: `Could not reach the server (${detail}).` }), retriable: true };
  }

  private async attempt(request: HttpRequest): Promise<{ value: unknown } | Failure> {
    const extra: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (request.body !== undefined) extra['Content-Type'] = request.contentType ?? 'application/json';
    if (request.idempotencyKey !== undefined) extra['Idempotency-Key'] = request.idempotencyKey;
    if (request.ifMatch !== undefined) extra['If-Match'] = request.ifMatch;
    const headers = await this.headers(extra);
    const init = {
      method: request.method,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    };
    const opened = await this.open(request.path, init, request.signal);
    if ('error' in opened) return opened;
    const { response, done } = opened;
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      done();
      return this.thrown(e, request.signal, opened.timedOut(), this.timeoutMs);
    }
    done();
    if (response.ok) return { value: parseJson(text, response, `${request.method} ${request.path}`) };
    return { error: this.problem(response, text), retriable: RETRY_STATUS.has(response.status) };
  }

  /** An error response as an `OrderApiError`: problem+json members when present, else the status. */
  problem(response: Response, text: string): OrderApiError {
    const status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), this.now());
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    const base = codeOfStatus(status);
    if (!isRecord(body)) {
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      return new OrderApiError({
        code: base,
        message: `The server answered ${status}${statusText} (${PROBLEM_TITLES[base].toLowerCase()}).`,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
      });
    }
    const code: OrderApiErrorCode = isErrorCode(body.code) ? body.code : (codeOfType(body.type) ?? base);
    const { data, dropped } = problemExtras(body);
    const detail = typeof body.detail === 'string' && body.detail !== '' ? body.detail : undefined;
    const title = typeof body.title === 'string' && body.title !== '' ? body.title : PROBLEM_TITLES[code];
    const note = dropped.length ? ` (the server's ${dropped[0]?.field} was malformed: ${dropped[0]?.message})` : '';
    if (dropped.length) console.warn('orderdeck: ignored malformed members of a problem response', dropped);
    const wait = retryAfterMs ?? data.retryAfterMs;
    return new OrderApiError({
      ...data,
      code,
      message: `${detail ?? title}${note}`,
      ...(wait !== undefined && { retryAfterMs: wait }),
    });
  }
}

/** A 2xx body as JSON; anything else is a clear `unavailable` error saying what came instead. */
export function parseJson(text: string, response: Response, what: string): unknown {
  const type = response.headers.get('Content-Type') ?? '';
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const kind = /json/i.test(type) ? 'JSON that does not parse' : `${type || 'an untyped body'} instead of JSON`;
    throw new OrderApiError({ code: 'unavailable', message: `The server sent ${kind} for ${what} (${reason}).` });
  }
}
