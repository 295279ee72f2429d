/**
 * The mock backend in a service worker, for the demo and for browser end-to-end tests: every fetch the
 * page makes to `baseUrl` is answered by the mock (other requests go to the network untouched).
 * The worker script must be served at the site root (`/mockServiceWorker.js`, from
 * `node_modules/msw/lib/mockServiceWorker.js`) so its scope covers the page; `stop()` stops it and
 * unregisters it.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockHandlers, type MockBackend, type MockBackendOptions } from './handlers.js';

export interface MockWorkerOptions extends MockBackendOptions {
  /** Where the worker script is served (default `/mockServiceWorker.js`). */
  readonly workerUrl?: string;
  /** Log every mocked request to the console (default false). */
  readonly verbose?: boolean;
}

export interface MockWorker {
  readonly backend: MockBackend;
  readonly worker: SetupWorker;
  /**
   * Stops intercepting in this page and closes the backend. The service worker stays registered:
   * every tab of the site shares it, and a tab that is starting or running its own mock needs it.
   * Pass `{ unregister: true }` to remove it too (test teardown, leaving the mock for good).
   */
  stop(options?: { readonly unregister?: boolean }): Promise<void>;
}

export async function setupMockWorker(options: MockWorkerOptions): Promise<MockWorker> {
  const workerUrl = options.workerUrl ?? '/mockServiceWorker.js';
  const backend = createMockHandlers(options);
  const worker = setupWorker(...backend.handlers);
  const unregister = async (): Promise<void> => {
    const script = new URL(workerUrl, location.href).href;
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(
      registrations
        .filter((r) => [r.active, r.waiting, r.installing].some((w) => w?.scriptURL === script))
        .map((r) => r.unregister()),
    );
  };
  try {
    await worker.start({ serviceWorker: { url: workerUrl }, onUnhandledRequest: 'bypass', quiet: !options.verbose });
    await backend.ready;
  } catch (e) {
    worker.stop();
    backend.close();
    await unregister().catch(() => undefined);
    throw e;
  }
  return {
    backend,
    worker,
    async stop(stopOptions) {
      worker.stop();
      backend.close();
      if (stopOptions?.unregister) await unregister();
    },
  };
}
