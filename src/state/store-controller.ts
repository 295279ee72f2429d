/**
 * `StoreController`: the one reactive controller components use to read the store. It finds the
 * store, subscribes to one selected observable while the host is connected, and re-renders the host
 * when the value changes.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { skip, type Observable, type Subscription } from 'rxjs';
import { orderStoreContext } from './context.js';
import type { OrderStore } from './types.js';

/** A host element; its optional `store` property (an explicit store) wins over the context. */
export type StoreHost = ReactiveControllerHost & HTMLElement & { store?: OrderStore | undefined };

/**
 * Subscribes a host to `select(store)`.
 *
 * Which store: the host's own `store` property when set (islands without a common ancestor hand it
 * over explicitly), else the one provided by `orderStoreContext` (`<order-admin>`,
 * `<order-provider>`). The controller reads `host.store` on connect and before every host update,
 * so declaring `store` as a reactive property is all a host does: setting it re-subscribes.
 *
 * When: subscribed from `hostConnected` (or as soon as a store appears), unsubscribed in
 * `hostDisconnected`, re-subscribed when the store changes. `value` is undefined until the first
 * emission; every emission calls `host.requestUpdate()`.
 *
 * @example
 * ```ts
 * class StatusTabs extends LitElement {
 *   @property({ attribute: false }) store?: OrderStore;
 *   private readonly counts = new StoreController(this, (store) => store.counts$);
 *   render() { return html`${this.counts.value?.values?.['new'] ?? '…'}`; }
 * }
 * ```
 */
export class StoreController<T> implements ReactiveController {
  /** The last value emitted by the selected observable; undefined before the first. */
  value: T | undefined = undefined;

  private readonly host: StoreHost;
  private readonly selector: (store: OrderStore) => Observable<T>;
  private contextStore: OrderStore | undefined;
  private current: OrderStore | undefined;
  private subscription: Subscription | undefined;
  private connected = false;

  constructor(host: StoreHost, select: (store: OrderStore) => Observable<T>) {
    this.host = host;
    this.selector = select;
    // Added first, so its hostConnected (which asks for the context) runs before this one's.
    new ContextConsumer(host, {
      context: orderStoreContext,
      subscribe: true,
      callback: (store) => {
        this.contextStore = store;
        this.sync();
      },
    });
    host.addController(this);
  }

  /** The store in use: the host's explicit one, else the context's. */
  get store(): OrderStore | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    // Lit runs this after the host's willUpdate(): a store that appears now (a `.store` set after
    // the first render) delivers its values too late for what willUpdate derives from them, and
    // the re-render its emission asks for is folded into this very update. So ask for one more.
    if (this.sync()) void this.host.updateComplete.then(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.contextStore = undefined;
    this.unsubscribe();
  }

  /**
   * Subscribes to the store now in effect, if it is not the one already subscribed to. Returns
   * true when it subscribed to a new store.
   */
  private sync(): boolean {
    if (!this.connected) return false;
    const store = this.host.store ?? this.contextStore;
    if (store === this.current && (this.subscription !== undefined || store === undefined)) return false;
    this.unsubscribe();
    this.current = store;
    if (!store) {
      if (this.value !== undefined) {
        this.value = undefined;
        this.host.requestUpdate();
      }
      return false;
    }
    this.subscription = this.selector(store).subscribe((value) => {
      this.value = value;
      this.host.requestUpdate();
    });
    // Every view renders from the workflow in effect (tabs, status labels, menus): a saved definition
    // re-renders every host at once, whatever it selected.
    const workflow = store.workflow$?.pipe(skip(1)).subscribe(() => this.host.requestUpdate());
    if (workflow) this.subscription.add(workflow);
    return true;
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.current = undefined;
  }
}
