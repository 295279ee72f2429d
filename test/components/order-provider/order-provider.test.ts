import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { OrderProvider } from '../../../src/components/order-provider/define.js';
import { getPreset } from '../../../src/model/presets/index.js';
import { orderStoreContext } from '../../../src/state/context.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { FakeHub, fakeViewer, makeOrders } from '../../state/fake-api.js';
import { SpyApi } from '../../state/spy-api.js';

class StoreReader extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: orderStoreContext, subscribe: true });

  protected override render(): unknown {
    return html`<p>${this.consumer.value ? 'has store' : 'no store'}</p>`;
  }
}
if (!customElements.get('store-reader')) customElements.define('store-reader', StoreReader);

describe('<order-provider>', () => {
  const workflow = getPreset('confirm-first');
  const hub = new FakeHub(workflow, makeOrders(workflow, 3));

  it('is registered by its define module and renders only its slot', async () => {
    expect(customElements.get('order-provider')).to.equal(OrderProvider);
    const el = await fixture<OrderProvider>(html`<order-provider><p>Orders</p></order-provider>`);
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el.shadowRoot?.querySelector('slot')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('provides a handed store to nested elements and never disposes it', async () => {
    const store = createOrderStore({ api: hub.connect(), workflow, viewer: fakeViewer });
    const el = await fixture<OrderProvider>(html`
      <order-provider .store=${store}><section aria-label="Orders"><store-reader></store-reader></section></order-provider>
    `);
    const reader = el.querySelector('store-reader') as StoreReader;
    await reader.updateComplete;
    expect(reader.consumer.value).to.equal(store);
    expect(reader.shadowRoot?.textContent?.trim()).to.equal('has store');
    await expect(el).to.be.accessible();

    el.remove();
    await Promise.resolve();
    let completed = false;
    store.state$.subscribe({ complete: () => (completed = true) });
    expect(completed).to.be.false;
    store.dispose();
  });

  it('creates a store from api, workflow and viewer, and disposes it when they change or it leaves', async () => {
    const spy = new SpyApi(hub.connect());
    const el = await fixture<OrderProvider>(html`
      <order-provider .api=${spy} .workflow=${workflow} .viewer=${fakeViewer}><store-reader></store-reader></order-provider>
    `);
    const reader = el.querySelector('store-reader') as StoreReader;
    const first = reader.consumer.value as OrderStore;
    expect(first.api).to.equal(spy);
    expect(first.workflow).to.equal(workflow);
    expect(spy.listeners).to.equal(1);

    el.viewer = { ...fakeViewer, name: 'Other' };
    await el.updateComplete;
    const second = reader.consumer.value as OrderStore;
    expect(second).not.to.equal(first);
    expect(second.viewer.name).to.equal('Other');
    expect(spy.listeners).to.equal(1); // the first store let go of the api

    // Moving the provider keeps its store.
    const host = document.createElement('div');
    document.body.append(host);
    host.append(el);
    await Promise.resolve();
    expect(el.current).to.equal(second);
    expect(spy.listeners).to.equal(1);

    host.remove();
    await Promise.resolve();
    expect(spy.listeners).to.equal(0);
    expect(el.current).to.equal(undefined);
  });
});
