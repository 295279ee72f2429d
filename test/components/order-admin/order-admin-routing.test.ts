import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../../src/components/order-admin/define.js';
import type { OrderAdmin, RouteChangeEvent } from '../../../src/components/order-admin/define.js';
import { OrderOpenEvent } from '../../../src/components/shared/order-open-event.js';
import type { OrderQuery } from '../../../src/api/types.js';
import { sameQuery } from '../../../src/state/query.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, settledList } from '../../state/backend.js';
import { SpyApi } from '../../state/spy-api.js';
import { adminViewer, loadedOrders, openPresetBackend, type PresetBackend } from '../bulk-action-bar/preset-backend.js';

const storeOf = (el: OrderAdmin): OrderStore => el.current;
const root = (el: OrderAdmin): ShadowRoot => el.shadowRoot!;
const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const listShown = (el: OrderAdmin): boolean => !root(el).querySelector('[part="list"]')!.hasAttribute('hidden');
const detail = (el: OrderAdmin): HTMLElement | null => root(el).querySelector('[part~="detail"]');
const backLink = (el: OrderAdmin): HTMLElement => root(el).querySelector<HTMLElement>('[part="back-link"]')!;
/** The detail view shows this order number (in `<order-detail>`'s heading). */
const detailShows = (el: OrderAdmin, number: string): boolean => {
  const title = detail(el)?.querySelector('order-detail')?.shadowRoot?.querySelector('[part~="title"]');
  return text(title).includes(number);
};
const searchOf = (hash: string): URLSearchParams => new URLSearchParams(hash.slice(hash.indexOf('?') + 1));

/** Opens an order as the table or the bell would: `order-open` from inside the admin. */
function openOrder(el: OrderAdmin, id: string): void {
  const inside = root(el).querySelector('bulk-action-bar')!;
  inside.dispatchEvent(new OrderOpenEvent(id));
}

async function settle(el: OrderAdmin): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

describe('<order-admin> routing', () => {
  const startUrl = location.href;
  let backend: PresetBackend;
  let orders: { id: string; number: string }[];

  before(async () => {
    backend = await openPresetBackend('marketplace', 40);
    const probe = new SpyApi(backend.api);
    const { createOrderStore } = await import('../../../src/state/store.js');
    const store = createOrderStore({ api: probe, workflow: backend.workflow, viewer: adminViewer });
    store.setTab('all');
    store.requestRange(0, 40);
    await settledList(store);
    orders = loadedOrders(store).map((o) => ({ id: o.id, number: o.number }));
    store.dispose();
  });

  after(async () => {
    await backend.close();
  });

  afterEach(() => {
    history.replaceState(null, '', startUrl);
  });

  async function mount(attrs: { routing?: string; base?: string; prefix?: string; api?: SpyApi } = {}): Promise<OrderAdmin> {
    const api = attrs.api ?? new SpyApi(backend.api);
    const el = await fixture<OrderAdmin>(html`<order-admin
      routing=${attrs.routing ?? 'hash'}
      base=${attrs.base ?? ''}
      route-prefix=${attrs.prefix ?? '/'}
      preset="marketplace"
      .api=${api}
      .viewer=${adminViewer}
    ></order-admin>`);
    await settle(el);
    return el;
  }

  it('creates, provides and disposes its own store from api + preset + viewer', async () => {
    const api = new SpyApi(backend.api);
    const el = await mount({ api });
    const store = storeOf(el);
    expect(store.workflow.key).to.equal('marketplace');
    expect(store.viewer).to.equal(adminViewer);
    // Nested elements get it through context.
    const tabs = root(el).querySelector('status-tabs') as HTMLElement & { updateComplete: Promise<unknown> };
    await eventually(() => (tabs.shadowRoot?.querySelectorAll('[role="tab"]').length ?? 0) === backend.workflow.tabs.length);
    expect(api.listeners).to.equal(1);
    await expect(el).to.be.accessible();
    el.remove();
    await Promise.resolve();
    expect(api.listeners).to.equal(0);
  });

  it('uses a ready store as given, moves it to the URL’s query, and leaves it undisposed', async () => {
    const { createOrderStore } = await import('../../../src/state/store.js');
    const api = new SpyApi(backend.api);
    const store = createOrderStore({ api, workflow: backend.workflow, viewer: adminViewer });
    history.replaceState(null, '', `${location.pathname}${location.search}#/orders?tab=shipped&sort=number`);
    const el = await fixture<OrderAdmin>(html`<order-admin preset="confirm-first" .store=${store}></order-admin>`);
    await settle(el);
    expect(el.current).to.equal(store);
    expect(store.snapshot.query).to.deep.equal({ tab: 'shipped', sort: { field: 'number', direction: 'asc' } });
    // The table's first page was asked for with the URL's query.
    await eventually(() => api.calls.listOrders.length > 0);
    expect((api.calls.listOrders[0]![0] as OrderQuery).tab).to.equal('shipped');
    el.remove();
    await settle(el);
    let completed = false;
    store.state$.subscribe({ complete: () => (completed = true) });
    expect(completed).to.equal(false);
    store.dispose();
  });

  describe('hash mode', () => {
    it('claims a blank hash, opens an order as a new entry, and follows back and forward', async () => {
      history.replaceState(null, '', location.pathname + location.search);
      const el = await mount();
      const store = storeOf(el);
      expect(location.hash).to.equal(`#/orders?tab=${store.snapshot.query.tab}`);
      const entries = history.length;

      const routes: string[] = [];
      el.addEventListener('route-change', (e: RouteChangeEvent) => routes.push(e.detail.route));
      const order = orders[3]!;
      openOrder(el, order.id);
      await settle(el);
      expect(location.hash).to.equal(`#/orders/${order.id}?tab=all`);
      // A new entry (Chromium keeps at most 50; going back below proves the push either way).
      expect(history.length).to.equal(Math.min(entries + 1, 50));
      expect(routes).to.deep.equal([`orders/${order.id}?tab=all`]);
      expect(listShown(el)).to.equal(false);
      await eventually(() => detailShows(el, order.number));
      expect(el.route).to.equal(`orders/${order.id}?tab=all`);

      history.back();
      await eventually(() => listShown(el));
      expect(location.hash).to.equal('#/orders?tab=all');
      expect(detail(el)).to.equal(null);

      history.forward();
      await eventually(() => !listShown(el));
      await eventually(() => detailShows(el, order.number));
      // Back/forward are the browser's: no route-change for them.
      expect(routes.length).to.equal(1);
    });

    it('restores the whole query from the URL before the first list load, and writes changes back', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#/orders?tab=new&q=ab&sort=-total&store=st_jkt&store=st_kul&channel=shopee&archived=any&from=2026-10-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z`);
      const api = new SpyApi(backend.api);
      const el = await mount({ api });
      const store = storeOf(el);
      const expected: OrderQuery = {
        tab: 'new',
        search: 'ab',
        sort: { field: 'total', direction: 'desc' },
        storeIds: ['st_jkt', 'st_kul'],
        channels: ['shopee'],
        archived: 'any',
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
      };
      expect(sameQuery(store.snapshot.query, expected), JSON.stringify(store.snapshot.query)).to.equal(true);
      // Every request the store made used the URL's query: nothing was loaded for the default one.
      await eventually(() => api.calls.countTabs.length > 0);
      const { tab: _tab, ...withoutTab } = expected;
      expect(sameQuery(api.calls.countTabs[0]![0] as OrderQuery, withoutTab)).to.equal(true);
      for (const call of api.calls.listOrders) expect(sameQuery(call[0] as OrderQuery, expected)).to.equal(true);

      const entries = history.length;
      store.setQuery({ search: 'zz top', archived: undefined, storeIds: undefined });
      await eventually(() => searchOf(location.hash).get('q') === 'zz top');
      const params = searchOf(location.hash);
      expect(params.get('archived')).to.equal(null);
      expect(params.getAll('store')).to.deep.equal([]);
      expect(params.get('sort')).to.equal('-total');
      expect(history.length, 'query updates replace the entry').to.equal(entries);

      // A hash typed by the user (or a shared link) moves the query.
      location.hash = '#/orders?tab=shipped';
      await eventually(() => store.snapshot.query.tab === 'shipped');
      expect(store.snapshot.query.search).to.equal(undefined);
    });

    it('ignores hashes that are not its own and never navigates the page elsewhere', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#section-2`);
      const el = await mount();
      expect(location.hash, 'someone else’s hash is left alone').to.equal('#section-2');
      const path = location.pathname;
      location.hash = '#/not-a-route/1';
      await settle(el);
      expect(listShown(el)).to.equal(true);
      openOrder(el, orders[0]!.id);
      await settle(el);
      expect(location.pathname).to.equal(path);
      expect(location.hash.startsWith(`#/orders/${orders[0]!.id}`)).to.equal(true);
      // The page's own `<a href="#">` empties the hash: not the admin's business.
      location.hash = '';
      await settle(el);
      expect(listShown(el)).to.equal(false);
    });

    it('Back returns to the list with the query intact, as a real link', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#/orders?tab=all&q=a`);
      const el = await mount();
      openOrder(el, orders[5]!.id);
      await settle(el);
      const back = backLink(el);
      expect(back.localName).to.equal('a');
      expect(back.getAttribute('href')).to.equal('#/orders?tab=all&q=a');
      back.click();
      await settle(el);
      expect(listShown(el)).to.equal(true);
      expect(location.hash).to.equal('#/orders?tab=all&q=a');
      expect(storeOf(el).snapshot.query.search).to.equal('a');
    });

    it('shows the shipments, payments, calendar and settings views from its navigation', async () => {
      history.replaceState(null, '', location.pathname + location.search);
      const el = await mount();
      const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="nav-link"]')];
      expect(links.map((a) => text(a))).to.deep.equal(['Orders', 'Shipments', 'Payments', 'Calendar', 'Scan to ship', 'Settings']);
      expect(links[0]!.getAttribute('aria-current')).to.equal('page');
      expect(links[1]!.getAttribute('href')).to.equal('#/shipments?tab=all');
      links[1]!.click();
      await settle(el);
      expect(location.hash).to.equal('#/shipments?tab=all');
      expect(root(el).querySelector('[part~="shipments"] order-shipments')).to.exist;
      expect(root(el).querySelector('[part~="current"]')).to.equal(links[1]);
      await expect(el).to.be.accessible();
      links[2]!.click();
      await settle(el);
      expect(root(el).querySelector('[part~="payments"] order-payments')).to.exist;
      expect(customElements.get('order-calendar'), 'the calendar’s code loads on first use').to.equal(undefined);
      links[3]!.click();
      await settle(el);
      expect(root(el).querySelector('[part~="calendar"] order-calendar')).to.exist;
      await eventually(() => root(el).querySelector('order-calendar')?.shadowRoot != null);
      expect(root(el).querySelector('[part~="calendar"] .view-loading'), 'the loading line goes once it is there').to.equal(null);
      expect(links[4]!.getAttribute('href')).to.equal('#/scan?tab=all');
      links[4]!.click();
      await settle(el);
      await eventually(() => root(el).querySelector('[part~="scan"] scan-to-ship')?.shadowRoot?.querySelector('[part~="scan-input"]') != null);
      expect(location.hash).to.equal('#/scan?tab=all');
      await expect(el).to.be.accessible();
      location.hash = '#/settings';
      await eventually(() => root(el).querySelector('[part~="settings"] workflow-settings')?.shadowRoot?.querySelector('h2') != null);
      expect(text(root(el).querySelector('workflow-settings')!.shadowRoot!.querySelector('h2'))).to.equal('Workflow settings');
      // The list's toolbar leads to the scan view too.
      links[0]!.click();
      await settle(el);
      root(el).querySelector<HTMLButtonElement>('[part~="scan-button"]')!.click();
      await settle(el);
      expect(location.hash).to.equal('#/scan?tab=all');
    });
  });

  describe('path mode', () => {
    const base = '/od-admin-test';

    it('routes under its base with pushState, keeps the page’s own parameters, and follows popstate', async () => {
      const order = orders[2]!;
      history.replaceState(null, '', `${base}/orders/${order.id}?tab=all&host=1`);
      const el = await mount({ routing: 'path', base });
      await eventually(() => detailShows(el, order.number));
      const back = backLink(el);
      expect(back.getAttribute('href')).to.equal(`${base}/orders?host=1&tab=all`);
      back.click();
      await settle(el);
      expect(location.pathname).to.equal(`${base}/orders`);
      expect(new URLSearchParams(location.search).get('host')).to.equal('1');
      expect(listShown(el)).to.equal(true);

      history.back();
      await eventually(() => !listShown(el));
      expect(location.pathname).to.equal(`${base}/orders/${order.id}`);
      history.forward();
      await eventually(() => listShown(el));

      // A path outside the base belongs to the page: ignored.
      history.pushState(null, '', `/elsewhere/orders/${order.id}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await settle(el);
      expect(listShown(el)).to.equal(true);

      // Query changes go to location.search, the page's own parameter kept.
      history.replaceState(null, '', `${base}/orders?tab=all&host=1`);
      storeOf(el).setQuery({ search: 'x' });
      await eventually(() => new URLSearchParams(location.search).get('q') === 'x');
      expect(new URLSearchParams(location.search).get('host')).to.equal('1');
    });
  });

  describe('memory mode', () => {
    it('keeps the route in memory, with buttons for links, and leaves the URL and history alone', async () => {
      history.replaceState(null, '', location.pathname + location.search);
      const url = location.href;
      const entries = history.length;
      const el = await mount({ routing: 'memory' });
      expect(el.route).to.equal('orders?tab=all');
      expect(root(el).querySelectorAll('nav a').length).to.equal(0);
      const routes: string[] = [];
      el.addEventListener('route-change', (e: RouteChangeEvent) => routes.push(e.detail.route));

      openOrder(el, orders[1]!.id);
      await settle(el);
      expect(el.route).to.equal(`orders/${orders[1]!.id}?tab=all`);
      expect(routes).to.deep.equal([`orders/${orders[1]!.id}?tab=all`]);
      expect(backLink(el).localName).to.equal('button');
      backLink(el).click();
      await settle(el);
      expect(listShown(el)).to.equal(true);

      el.navigate('orders?tab=shipped&q=b');
      await settle(el);
      expect(storeOf(el).snapshot.query).to.deep.include({ tab: 'shipped', search: 'b' });
      expect(routes.length, 'navigate() is the app’s, not the user’s').to.equal(2);
      expect(location.href).to.equal(url);
      expect(history.length).to.equal(entries);

      // The browser's back/forward are not the embedded admin's.
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await settle(el);
      expect(el.route).to.equal('orders?tab=shipped&q=b');
    });
  });

  describe('two instances on one page', () => {
    it('hash mode with different prefixes: each reacts to its own hashes only', async () => {
      history.replaceState(null, '', location.pathname + location.search);
      const wrapper = fixtureSync<HTMLDivElement>(html`<div>
        <order-admin id="a" route-prefix="/a/" preset="marketplace" .api=${new SpyApi(backend.api)} .viewer=${adminViewer}></order-admin>
        <order-admin id="b" route-prefix="/b/" preset="marketplace" .api=${new SpyApi(backend.api)} .viewer=${adminViewer}></order-admin>
      </div>`);
      const a = wrapper.querySelector<OrderAdmin>('#a')!;
      const b = wrapper.querySelector<OrderAdmin>('#b')!;
      // (fixtureSync: a plain <div> fixture would wait for an animation frame, which a hidden page never gets.)
      await settle(a);
      await settle(b);
      expect(location.hash).to.equal('#/a/orders?tab=all');

      openOrder(a, orders[0]!.id);
      await settle(a);
      expect(location.hash).to.equal(`#/a/orders/${orders[0]!.id}?tab=all`);
      expect(listShown(a)).to.equal(false);
      expect(listShown(b)).to.equal(true);

      storeOf(b).setTab('shipped');
      await eventually(() => location.hash === '#/b/orders?tab=shipped');
      expect(listShown(a), 'A keeps its place').to.equal(false);
      expect(storeOf(a).snapshot.query.tab).to.equal('all');

      openOrder(b, orders[1]!.id);
      await settle(b);
      expect(location.hash).to.equal(`#/b/orders/${orders[1]!.id}?tab=shipped`);
      history.back();
      await eventually(() => listShown(b));
      expect(listShown(a)).to.equal(false);
      expect(storeOf(a).snapshot.query.tab).to.equal('all');
      expect(storeOf(b).snapshot.query.tab).to.equal('shipped');
    });

    it('path mode with different bases: each follows only its own paths', async () => {
      history.replaceState(null, '', '/shop-a/orders?tab=all');
      const wrapper = fixtureSync<HTMLDivElement>(html`<div>
        <order-admin id="a" routing="path" base="/shop-a" preset="marketplace" .api=${new SpyApi(backend.api)} .viewer=${adminViewer}></order-admin>
        <order-admin id="b" routing="path" base="/shop-b" preset="marketplace" .api=${new SpyApi(backend.api)} .viewer=${adminViewer}></order-admin>
      </div>`);
      const a = wrapper.querySelector<OrderAdmin>('#a')!;
      const b = wrapper.querySelector<OrderAdmin>('#b')!;
      await settle(a);
      openOrder(b, orders[4]!.id);
      await settle(b);
      expect(location.pathname).to.equal(`/shop-b/orders/${orders[4]!.id}`);
      expect(listShown(a)).to.equal(true);
      // Back to an entry whose URL is A's: B returns to where it was (recorded in history.state).
      history.back();
      await eventually(() => listShown(b));
      expect(location.pathname).to.equal('/shop-a/orders');
      expect(listShown(a)).to.equal(true);
      history.forward();
      await eventually(() => !listShown(b));
      expect(listShown(a)).to.equal(true);
    });
  });

  it('removes its window listeners when it leaves', async () => {
    const added = new Map<string, number>();
    const realAdd = window.addEventListener.bind(window);
    const realRemove = window.removeEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, boolean | AddEventListenerOptions | undefined]) => {
      added.set(type, (added.get(type) ?? 0) + 1);
      realAdd(type, ...rest);
    }) as typeof window.addEventListener;
    window.removeEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, boolean | EventListenerOptions | undefined]) => {
      added.set(type, (added.get(type) ?? 0) - 1);
      realRemove(type, ...rest);
    }) as typeof window.removeEventListener;
    try {
      const el = await mount();
      expect(added.get('popstate')).to.equal(1);
      expect(added.get('hashchange')).to.equal(1);
      el.remove();
      await settle(el);
      expect(added.get('popstate')).to.equal(0);
      expect(added.get('hashchange')).to.equal(0);
    } finally {
      window.addEventListener = realAdd;
      window.removeEventListener = realRemove;
    }
  });
});
