/**
 * `<order-provider>`: hands one `OrderStore` to every orderdeck element inside it, through
 * `@lit/context`. No side effects: registration lives in `./define.ts`.
 */
import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { OrderApi } from '../../api/types.js';
import type { Viewer } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { orderStoreContext } from '../../state/context.js';
import { createOrderStore } from '../../state/store.js';
import type { OrderStore } from '../../state/types.js';

/**
 * Provides an order store to the elements in its default slot, for pages that compose their own
 * admin from separate orderdeck elements. Renders nothing of its own (`display: contents`).
 *
 * Give it a ready `store` (it is never disposed here), or an `api`, `workflow` and `viewer` from
 * which the provider creates a store; that store is disposed when the provider leaves the document
 * or when any of the three changes (a new one is created then).
 *
 * @tag order-provider
 * @summary Shares one order store with the orderdeck elements inside it.
 * @slot - The elements that use the store (`<status-tabs>`, `<order-table>`, …), at any depth.
 */
export class OrderProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** A store made elsewhere (shared with other islands). Wins over `api`/`workflow`/`viewer`. */
  @property({ attribute: false }) store: OrderStore | undefined;

  /** The backend adapter for a store this provider creates. */
  @property({ attribute: false }) api: OrderApi | undefined;

  /** The workflow definition for a store this provider creates. */
  @property({ attribute: false }) workflow: WorkflowDefinition | undefined;

  /** Who is using the admin, for a store this provider creates. */
  @property({ attribute: false }) viewer: Viewer | undefined;

  /**
   * The store in effect, as given to descendants; undefined (at run time) until one is available.
   * Typed as the context's value type because `@provide` requires it.
   * @readonly
   */
  @provide({ context: orderStoreContext })
  current!: OrderStore;

  private owned: OrderStore | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide before the slotted elements connect and ask, not a render later.
    this.resolveStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM disconnects and reconnects in one task: keep the store across it.
    queueMicrotask(() => {
      if (!this.isConnected) this.release();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') || changed.has('api') || changed.has('workflow') || changed.has('viewer')) {
      this.resolveStore();
    }
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }

  /** Provides the handed store, or one made from (and kept for) the current api/workflow/viewer. */
  private resolveStore(): void {
    if (this.store) {
      this.disposeOwned();
      this.provideStore(this.store);
      return;
    }
    const { api, workflow, viewer } = this;
    const owned = this.owned;
    if (!owned || owned.api !== api || owned.workflow !== workflow || owned.viewer !== viewer) {
      this.disposeOwned();
      if (api && workflow && viewer) this.owned = createOrderStore({ api, workflow, viewer });
    }
    this.provideStore(this.owned);
  }

  private release(): void {
    this.disposeOwned();
    this.provideStore(undefined);
  }

  /** Consumers (StoreController) handle "no store"; the context type cannot say so. */
  private provideStore(store: OrderStore | undefined): void {
    this.current = store as OrderStore;
  }

  private disposeOwned(): void {
    const owned = this.owned;
    this.owned = undefined;
    owned?.dispose();
  }
}
