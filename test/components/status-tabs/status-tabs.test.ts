import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-provider/define.js';
import '../../../src/components/status-tabs/define.js';
import { StatusTabs, type TabChangeEvent } from '../../../src/components/status-tabs/define.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { money } from '../../../src/model/money.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { eventually, openBackend, until, type Backend } from '../../state/backend.js';

const tabsOf = (el: StatusTabs): HTMLButtonElement[] => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const tabNamed = (el: StatusTabs, key: string): HTMLButtonElement => el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-key="${key}"]`)!;
const countText = (tab: HTMLElement): string => tab.querySelector('[part="count"]')!.textContent!.trim();
const focused = (el: StatusTabs): Element | null => el.shadowRoot!.activeElement;

describe('<status-tabs>', () => {
  let backend: Backend;
  let store: OrderStore;

  beforeEach(async () => {
    backend = await openBackend(40);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
  });

  /** A host element around the tabs (a plain div: a fixture of it would wait for an animation frame). */
  function host(attributes: Record<string, string>, inner = ''): HTMLDivElement {
    const div = document.createElement('div');
    for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
    div.innerHTML = inner;
    document.body.append(div);
    hosts.push(div);
    return div;
  }
  const hosts: HTMLElement[] = [];

  afterEach(async () => {
    fixtureCleanup(); // before its hosts go
    for (const div of hosts.splice(0)) div.remove();
    store.dispose();
    await backend.close();
    await setLocale('en');
  });

  async function mount(template = html`<status-tabs .store=${store}></status-tabs>`): Promise<StatusTabs> {
    const el = await fixture<StatusTabs>(template);
    await until(store, (s) => s.counts.values !== undefined);
    await el.updateComplete;
    return el;
  }

  it('shows every workflow tab with its live count, the store tab selected, and passes axe', async () => {
    expect(customElements.get('status-tabs')).to.equal(StatusTabs);
    const el = await mount();
    const list = el.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Order status');
    const tabs = tabsOf(el);
    expect(tabs.map((t) => t.querySelector('[part="label"]')!.textContent)).to.deep.equal(
      backend.workflow.tabs.map((t) => (typeof t.label === 'string' ? t.label : t.label.en)),
    );
    const counts = store.snapshot.counts.values!;
    expect(tabs.map(countText)).to.deep.equal(backend.workflow.tabs.map((t) => String(counts[t.key])));
    expect(countText(tabNamed(el, 'all'))).to.equal('40');
    // The first tab is the store's initial tab: selected, and the only one in the Tab order.
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(tabs.map((_, i) => String(i === 0)));
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal(tabs.map((_, i) => (i === 0 ? 0 : -1)));
    expect(tabs[0]!.getAttribute('part')).to.equal('tab active');
    await expect(el).to.be.accessible();
  });

  it('names each tab with its label and count for screen readers', async () => {
    const el = await mount();
    const all = tabNamed(el, 'all');
    expect(all.textContent!.replace(/\s+/g, ' ').trim()).to.equal('All40, 40 orders');
    expect(all.querySelector('[part="count"]')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('shows a quiet placeholder while the counts are unknown', async () => {
    store.dispose();
    const gate = backend.spy.hold('countTabs');
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
    const el = await fixture<StatusTabs>(html`<status-tabs .store=${store}></status-tabs>`);
    await gate.entered;
    for (const tab of tabsOf(el)) {
      expect(countText(tab)).to.equal('');
      expect(tab.querySelector('.unknown')).to.exist;
    }
    await expect(el).to.be.accessible();
    gate.release();
    await until(store, (s) => s.counts.values !== undefined);
    await el.updateComplete;
    expect(countText(tabNamed(el, 'all'))).to.equal('40');
  });

  it('selects a clicked tab in the store and fires tab-change after setting it', async () => {
    const el = await mount();
    const target = tabNamed(el, 'new');
    let tabInStore: string | undefined;
    el.addEventListener('tab-change', () => (tabInStore = store.snapshot.query.tab));
    setTimeout(() => target.click());
    const event = (await oneEvent(el, 'tab-change')) as TabChangeEvent;
    expect(event.detail).to.deep.equal({ tab: 'new' });
    expect(event.bubbles && event.composed).to.be.true;
    expect(tabInStore).to.equal('new');
    await el.updateComplete;
    expect(target.getAttribute('aria-selected')).to.equal('true');
    expect(target.tabIndex).to.equal(0);
    expect(tabNamed(el, 'all').tabIndex).to.equal(-1);

    // Choosing the selected tab again changes nothing and says nothing.
    let fired = 0;
    el.addEventListener('tab-change', () => fired++);
    target.click();
    expect(fired).to.equal(0);
  });

  it('reflects a tab set by the app (or the URL) without firing tab-change', async () => {
    const el = await mount();
    let fired = 0;
    el.addEventListener('tab-change', () => fired++);
    store.setTab('completed');
    await el.updateComplete;
    expect(tabNamed(el, 'completed').getAttribute('aria-selected')).to.equal('true');
    expect(tabNamed(el, 'all').getAttribute('aria-selected')).to.equal('false');
    expect(fired).to.equal(0);
  });

  it('moves focus with the arrow keys, Home and End, and selects only with Enter or Space', async () => {
    const el = await mount();
    const keys = backend.workflow.tabs.map((t) => t.key);
    el.focus();
    expect(focused(el)).to.equal(tabNamed(el, 'all'));

    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(tabNamed(el, keys[1]!));
    expect(store.snapshot.query.tab).to.equal('all'); // manual activation: focus only

    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal(tabNamed(el, keys[keys.length - 1]!));
    await sendKeys({ press: 'ArrowRight' }); // wraps
    expect(focused(el)).to.equal(tabNamed(el, 'all'));
    await sendKeys({ press: 'ArrowLeft' }); // wraps back
    expect(focused(el)).to.equal(tabNamed(el, keys[keys.length - 1]!));
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(tabNamed(el, 'all'));

    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const events: string[] = [];
    el.addEventListener('tab-change', (e) => events.push(e.detail.tab));
    await sendKeys({ press: 'Enter' });
    expect(store.snapshot.query.tab).to.equal(keys[2]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: ' ' });
    expect(store.snapshot.query.tab).to.equal(keys[3]);
    expect(events).to.deep.equal([keys[2], keys[3]]);
    await el.updateComplete;
    expect(tabsOf(el).filter((t) => t.tabIndex === 0)).to.deep.equal([tabNamed(el, keys[3]!)]);
  });

  it('swaps ArrowLeft and ArrowRight in a right-to-left layout', async () => {
    const el = await fixture<StatusTabs>(html`<status-tabs .store=${store}></status-tabs>`, { parentNode: host({ dir: 'rtl' }) });
    await until(store, (s) => s.counts.values !== undefined);
    await el.updateComplete;
    el.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(tabNamed(el, 'new'));
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)).to.equal(tabNamed(el, 'all'));
  });

  it('scrolls on a narrow screen so the focused tab is in view', async () => {
    const el = await fixture<StatusTabs>(html`<status-tabs .store=${store}></status-tabs>`, { parentNode: host({ style: 'width: 220px' }) });
    await until(store, (s) => s.counts.values !== undefined);
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="tablist"]')!;
    expect(list.scrollWidth).to.be.greaterThan(list.clientWidth);
    expect(list.getBoundingClientRect().width).to.be.at.most(220);
    el.focus();
    await sendKeys({ press: 'End' });
    const last = tabsOf(el).at(-1)!;
    const box = last.getBoundingClientRect();
    const listBox = list.getBoundingClientRect();
    expect(box.right).to.be.at.most(listBox.right + 1);
    expect(box.left).to.be.at.least(listBox.left - 1);
  });

  it('updates a count live when an order arrives from another tab', async () => {
    const el = await mount();
    const before = store.snapshot.counts.values!['new']!;
    const peer = await backend.peer();
    await peer.createOrder(
      {
        channel: 'online',
        storeId: 'st_jkt',
        customer: { name: 'Rina' },
        currency: 'IDR',
        lines: [{ sku: 'X', name: 'Kopi', unitPrice: money(25000, 'IDR'), quantity: 1 }],
      },
      { idempotencyKey: crypto.randomUUID() },
    );
    await eventually(() => countText(tabNamed(el, 'new')) === String(before + 1));
    expect(countText(tabNamed(el, 'all'))).to.equal('41');
  });

  it('points the selected tab at the panel named by panel-id', async () => {
    const wrapper = host({}, '<div class="tabs"></div><section id="orders-panel" aria-label="Orders"></section>');
    const el = await fixture<StatusTabs>(html`<status-tabs .store=${store} panel-id="orders-panel"></status-tabs>`, {
      parentNode: wrapper.querySelector('.tabs')!,
    });
    await until(store, (s) => s.counts.values !== undefined);
    await el.updateComplete;
    const panel = wrapper.querySelector('#orders-panel')!;
    const controls = (tab: HTMLElement) => (tab as unknown as { ariaControlsElements: Element[] | null }).ariaControlsElements;
    expect(controls(tabNamed(el, 'all'))).to.deep.equal([panel]);
    expect(controls(tabNamed(el, 'new'))).to.equal(null);
    store.setTab('new');
    await el.updateComplete;
    expect(controls(tabNamed(el, 'new'))).to.deep.equal([panel]);
    expect(controls(tabNamed(el, 'all'))).to.equal(null);
    await expect(wrapper).to.be.accessible();
  });

  it('takes its store from <order-provider> and speaks Indonesian', async () => {
    store.dispose();
    await backend.close();
    backend = await openBackend(1200);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
    const provider = await fixture(html`<order-provider .store=${store}><status-tabs label="Status pesanan"></status-tabs></order-provider>`);
    const el = provider.querySelector('status-tabs')!;
    await until(store, (s) => s.counts.values !== undefined);
    await el.updateComplete;
    expect(countText(tabNamed(el, 'all'))).to.equal('1,200');
    expect(el.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Status pesanan');
    await setLocale('id');
    await el.updateComplete;
    expect(tabNamed(el, 'new').querySelector('[part="label"]')!.textContent).to.equal('Pesanan baru');
    expect(countText(tabNamed(el, 'all'))).to.equal('1.200');
    expect(tabNamed(el, 'all').querySelector('.visually-hidden')!.textContent).to.equal(', 1.200 pesanan');
    await expect(el).to.be.accessible();
  });
});
