import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { Observable } from 'rxjs';
import { getPreset } from '../../src/model/presets/index.js';
import { createOrderStore } from '../../src/state/store.js';
import { StoreController } from '../../src/state/store-controller.js';
import type { OrderStore } from '../../src/state/types.js';
import { FakeHub, fakeViewer, makeOrders } from './fake-api.js';
import '../../src/components/order-provider/define.js';

/** Live subscriptions per store, made through `watched`. */
const live = new Map<OrderStore, number>();

/** The store's query tab, counting who is subscribed. */
function watched(store: OrderStore): Observable<string | undefined> {
  return new Observable<string | undefined>((subscriber) => {
    live.set(store, (live.get(store) ?? 0) + 1);
    const inner = store.select((s) => s.query.tab).subscribe(subscriber);
    return () => {
      inner.unsubscribe();
      live.set(store, (live.get(store) ?? 1) - 1);
    };
  });
}

class StoreProbe extends LitElement {
  @property({ attribute: false }) store: OrderStore | undefined;
  readonly tab = new StoreController(this, watched);
  renders = 0;

  protected override render(): unknown {
    this.renders++;
    return html`<p>${this.tab.value ?? 'no store'}</p>`;
  }
}
if (!customElements.get('store-probe')) customElements.define('store-probe', StoreProbe);

/** Derives state in willUpdate, as the order table does, from the controller's value. */
class DerivingProbe extends StoreProbe {
  derived: string | undefined;
  protected override willUpdate(): void {
    this.derived = this.tab.value;
  }
}
if (!customElements.get('deriving-probe')) customElements.define('deriving-probe', DerivingProbe);

describe('StoreController', () => {
  const workflow = getPreset('confirm-first');
  const hub = new FakeHub(workflow, makeOrders(workflow, 5));
  let stores: OrderStore[] = [];
  const makeStore = (): OrderStore => {
    const store = createOrderStore({ api: hub.connect(), workflow, viewer: fakeViewer });
    stores.push(store);
    return store;
  };

  afterEach(() => {
    for (const s of stores) s.dispose();
    stores = [];
    live.clear();
  });

  it('follows the explicit store property and unsubscribes on disconnect', async () => {
    const store = makeStore();
    const el = await fixture<StoreProbe>(html`<store-probe .store=${store}></store-probe>`);
    expect(el.tab.value).to.equal('all');
    expect(el.shadowRoot?.textContent?.trim()).to.equal('all');
    expect(live.get(store)).to.equal(1);

    store.setTab('new');
    await el.updateComplete;
    expect(el.shadowRoot?.textContent?.trim()).to.equal('new');

    el.remove();
    expect(live.get(store)).to.equal(0);
    const renders = el.renders;
    store.setTab('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.tab.value).to.equal('new');
    expect(el.renders).to.equal(renders);

    document.body.append(el);
    await el.updateComplete;
    expect(live.get(store)).to.equal(1);
    expect(el.tab.value).to.equal('cancelled');
    el.remove();
    expect(live.get(store)).to.equal(0);
  });

  it('lets willUpdate see the values of a store set after the first render', async () => {
    const el = await fixture<DerivingProbe>(html`<deriving-probe></deriving-probe>`);
    expect(el.derived).to.equal(undefined);
    el.store = makeStore();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(el.derived, 'willUpdate ran again once the store delivered').to.equal('all');
  });

  it('re-subscribes when the store changes', async () => {
    const first = makeStore();
    const second = makeStore();
    second.setTab('completed');
    const el = await fixture<StoreProbe>(html`<store-probe .store=${first}></store-probe>`);
    el.store = second;
    await el.updateComplete;
    expect(live.get(first)).to.equal(0);
    expect(live.get(second)).to.equal(1);
    expect(el.shadowRoot?.textContent?.trim()).to.equal('completed');
    el.store = undefined;
    await el.updateComplete;
    expect(live.get(second)).to.equal(0);
    expect(el.tab.value).to.equal(undefined);
  });

  it('takes the store from context when none is set, and prefers an explicit one', async () => {
    const provided = makeStore();
    const explicit = makeStore();
    explicit.setTab('new');
    const root = await fixture<HTMLElement>(html`
      <order-provider .store=${provided}>
        <div><store-probe id="ctx"></store-probe></div>
        <store-probe id="own" .store=${explicit}></store-probe>
      </order-provider>
    `);
    const fromContext = root.querySelector<StoreProbe>('#ctx') as StoreProbe;
    const own = root.querySelector<StoreProbe>('#own') as StoreProbe;
    await fromContext.updateComplete;
    expect(fromContext.tab.store).to.equal(provided);
    expect(fromContext.tab.value).to.equal('all');
    expect(own.tab.store).to.equal(explicit);
    expect(own.tab.value).to.equal('new');
    expect(live.get(provided)).to.equal(1);
    root.remove();
    expect(live.get(provided)).to.equal(0);
    expect(live.get(explicit)).to.equal(0);
  });
});
