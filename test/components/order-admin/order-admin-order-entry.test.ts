/** `<order-admin>` and order entry: "+ New order", the `orders/new` and `orders/:id/edit` routes, Edit order in the detail. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/order-admin/define.js';
import '../../../src/components/order-form/define.js';
import '../../../src/components/order-detail/define.js';
import type { OrderAdmin } from '../../../src/components/order-admin/define.js';
import { matchPath } from '../../../src/components/order-admin/admin-routes.js';
import type { OrderApi } from '../../../src/api/types.js';
import { demoStores } from '../../../src/model/generate.js';
import type { Viewer } from '../../../src/model/types.js';
import { SpyApi } from '../../state/spy-api.js';
import { eventually } from '../../state/backend.js';
import { adminViewer, openPresetBackend, type PresetBackend } from '../bulk-action-bar/preset-backend.js';

const root = (el: OrderAdmin): ShadowRoot => el.shadowRoot!;

describe('<order-admin> order entry', () => {
  const startUrl = location.href;
  let backend: PresetBackend;

  before(async () => {
    backend = await openPresetBackend('cod-delivery', 20);
  });

  after(async () => {
    await backend.close();
  });

  afterEach(() => {
    history.replaceState(null, '', startUrl);
  });

  async function mount(api: OrderApi, viewer: Viewer = adminViewer): Promise<OrderAdmin> {
    const el = await fixture<OrderAdmin>(html`<order-admin routing="memory" preset="cod-delivery" .api=${api} .viewer=${viewer} .stores=${demoStores}></order-admin>`);
    await el.updateComplete;
    return el;
  }

  it('matches orders/new before orders/:id, and orders/:id/edit', () => {
    expect(matchPath('orders/new')?.view.key).to.equal('new');
    expect(matchPath('orders/ord_1/edit')).to.deep.include({ params: { id: 'ord_1' } });
    expect(matchPath('orders/ord_1/edit')?.view.key).to.equal('edit');
    expect(matchPath('orders/ord_1')?.view.key).to.equal('detail');
  });

  it('shows "+ New order" and routes to the form; Cancel returns to the list', async () => {
    const el = await mount(new SpyApi(backend.api));
    const button = root(el).querySelector<HTMLButtonElement>('[part~="new-order-button"]');
    expect(button?.textContent).to.include('New order');
    button?.click();
    await eventually(() => !!root(el).querySelector('order-form')?.shadowRoot?.querySelector('#name'));
    expect(el.route.split('?')[0]).to.equal('orders/new');
    await expect(el).to.be.accessible();
    root(el).querySelector('order-form')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="cancel-button"]')?.click();
    await eventually(() => el.route.startsWith('orders') && !el.route.includes('new'));
    expect(el.route.includes('new')).to.equal(false);
  });

  it('hides "+ New order" from a backend that does not take orders by hand', async () => {
    const api = new SpyApi(backend.api);
    Object.defineProperty(api, 'capabilities', { value: { ...backend.api.capabilities, orderEntry: false } });
    const el = await mount(api);
    expect(root(el).querySelector('[part~="new-order-button"]')).to.equal(null);
  });

  it('opens the edit form from the detail’s Edit order button', async () => {
    const el = await mount(new SpyApi(backend.api));
    const page = await backend.api.listOrders({ statuses: ['pending'] }, { offset: 0, limit: 1 });
    const order = page.items[0];
    expect(order, 'a pending order').to.exist;
    el.navigate(`orders/${order?.id}`);
    const detailRoot = (): ShadowRoot | null | undefined => root(el).querySelector('order-detail')?.shadowRoot;
    await eventually(() => !!detailRoot()?.querySelector('[part~="edit-button"]'));
    detailRoot()?.querySelector<HTMLButtonElement>('[part~="edit-button"]')?.click();
    await eventually(() => (root(el).querySelector('order-form')?.shadowRoot?.querySelector('[part~="heading"]')?.textContent ?? '').includes(order?.number ?? '?'));
    expect(el.route.split('?')[0]).to.equal(`orders/${order?.id}/edit`);
  });
});
