/**
 * A `fetch` that answers from MSW handlers in the page, without a service worker (msw's `getResponse`):
 * for tests, and for hosts that want the mock backend without registering a worker. It behaves like the
 * real fetch where the REST adapter depends on it: a network-error response (`HttpResponse.error()`)
 * rejects with a TypeError, an aborted signal rejects with an AbortError (before the response, and
 * while the body is read), and a request no handler serves gets a 404 problem.
 */
import { getResponse, type RequestHandler } from 'msw';

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Rejects when `signal` aborts, else settles like `promise`. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** The body of `response`, erroring with AbortError (and cancelling the source) when `signal` aborts. */
function abortableBody(response: Response, signal: AbortSignal): Response {
  const source = response.body;
  if (!source) return response;
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const onAbort = (): void => {
        try {
          controller.error(abortError(signal));
        } catch {
          // already closed
        }
        void reader.cancel().catch(() => undefined);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        controller.error(e);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export function createMockFetch(handlers: readonly RequestHandler[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input instanceof URL ? input.href : input, init);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    const response = await raceAbort(getResponse([...handlers], request), signal);
    if (!response) {
      const body = {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `No mock handler serves ${request.method} ${request.url}.`,
      };
      return new Response(JSON.stringify(body), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    }
    if (response.type === 'error') throw new TypeError('Failed to fetch (the mock backend simulated a network error).');
    return signal ? abortableBody(response, signal) : response;
  };
}
