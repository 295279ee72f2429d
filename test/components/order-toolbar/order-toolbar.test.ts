import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/order-toolbar/define.js';
import { OrderToolbar } from '../../../src/components/order-toolbar/define.js';
import { dayOf, presetRange, startOfDay, addDays } from '../../../src/components/shared/date-range.js';
import { viewsKey } from '../../../src/components/order-toolbar/saved-views.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import type { Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { openBackend, settledList, until, type Backend } from '../../state/backend.js';

const staff: Viewer = { id: 'u-staff', name: 'Budi', role: 'staff', storeIds: ['st_jkt'] };

const $ = <T extends Element = HTMLElement>(el: OrderToolbar, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const part = <T extends Element = HTMLElement>(el: OrderToolbar, name: string): T | null => $<T>(el, `[part~="${name}"]`);

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<order-toolbar>', () => {
  let backend: Backend;
  let store: OrderStore;

  beforeEach(async () => {
    backend = await openBackend(30);
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: backend.viewer });
    localStorage.removeItem(viewsKey(backend.viewer.id, backend.workflow.key));
  });

  afterEach(async () => {
    store.dispose();
    await backend.close();
    localStorage.removeItem(viewsKey(backend.viewer.id, backend.workflow.key));
    await setLocale('en');
  });

  async function mount(extra: Partial<OrderToolbar> = {}): Promise<OrderToolbar> {
    const el = await fixture<OrderToolbar>(html`<order-toolbar .store=${store} .stores=${demoStores}></order-toolbar>`);
    Object.assign(el, extra);
    await el.updateComplete;
    return el;
  }

  it('shows search, date, store, channel, archived and saved views to an admin, and passes axe', async () => {
    expect(customElements.get('order-toolbar')).to.equal(OrderToolbar);
    const el = await mount();
    expect(part<HTMLInputElement>(el, 'search-input')!.getAttribute('aria-label')).to.equal('Search orders');
    expect(part<HTMLSelectElement>(el, 'date-select')!.value).to.equal('any');
    const stores = part<HTMLSelectElement>(el, 'store-select')!;
    expect([...stores.options].map((o) => o.text)).to.deep.equal(['All stores', ...demoStores.map((s) => s.name)]);
    expect(part(el, 'channel-button')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Sales channel: All channels');
    expect(part(el, 'archived-toggle')!.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'clear-button')).to.equal(null); // no filter yet
    expect(part(el, 'views-button')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows staff no store dropdown', async () => {
    store.dispose();
    store = createOrderStore({ api: backend.spy, workflow: backend.workflow, viewer: staff });
    const el = await mount();
    expect(part(el, 'store-select')).to.equal(null);
    expect(part(el, 'search-input')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('sends the search after typing pauses, at once on Enter, and clears it on Escape', async () => {
    const el = await mount();
    const input = part<HTMLInputElement>(el, 'search-input')!;
    input.focus();
    await sendKeys({ type: 'Jak' });
    expect(store.snapshot.query.search).to.equal(undefined); // not per keystroke
    await until(store, (s) => s.query.search === 'Jak');

    await sendKeys({ type: 'arta' });
    await sendKeys({ press: 'Enter' });
    expect(store.snapshot.query.search).to.equal('Jakarta');

    await sendKeys({ press: 'Escape' });
    expect(store.snapshot.query.search).to.equal(undefined);
    expect(input.value).to.equal('');
  });

  it('finds an order by its number through the real adapter', async () => {
    const el = await mount();
    store.requestRange(0, 10);
    const first = await settledList(store);
    const id = first.list.rows.get(3)!;
    const number = first.orders.get(id)!.number;
    const input = part<HTMLInputElement>(el, 'search-input')!;
    input.focus();
    await sendKeys({ type: number });
    await sendKeys({ press: 'Enter' });
    store.requestRange(0, 10);
    const found = await until(store, (s) => s.query.search === number && s.list.total !== undefined && !s.list.loading);
    expect(found.list.total).to.be.greaterThan(0);
    expect([...found.list.rows.values()]).to.include(id);
  });

  it('reflects a query set elsewhere (the URL, a saved view) in every control', async () => {
    const el = await mount({ timeZone: 'Asia/Jakarta' });
    const week = presetRange('last-7', 'Asia/Jakarta', Date.now())!;
    store.setQuery({ search: 'Rina', storeIds: ['st_kul'], channels: ['shopee', 'lazada'], archived: true, ...week });
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('Rina');
    expect(part<HTMLSelectElement>(el, 'store-select')!.value).to.equal('st_kul');
    expect(part<HTMLSelectElement>(el, 'date-select')!.value).to.equal('last-7');
    expect(part(el, 'channel-button')!.textContent).to.contain('2 channels');
    expect(part(el, 'archived-toggle')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'clear-button')).to.exist;

    // A range that is no preset of today shows as custom days.
    store.setQuery({ from: startOfDay('2026-01-05', 'Asia/Jakarta'), to: startOfDay('2026-01-08', 'Asia/Jakarta') });
    await el.updateComplete;
    expect(part<HTMLSelectElement>(el, 'date-select')!.value).to.equal('custom');
    const [start, end] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="date-input"]');
    expect([start!.value, end!.value]).to.deep.equal(['2026-01-05', '2026-01-07']);
    await expect(el).to.be.accessible();
  });

  it('filters by a date preset in the given time zone, and by custom days', async () => {
    const zone = 'Asia/Jakarta';
    const el = await mount({ timeZone: zone });
    const select = part<HTMLSelectElement>(el, 'date-select')!;
    await choose(select, 'today');
    const today = dayOf(Date.now(), zone);
    expect(store.snapshot.query.from).to.equal(startOfDay(today, zone));
    expect(store.snapshot.query.to).to.equal(startOfDay(addDays(today, 1), zone));
    expect(store.snapshot.query.from).to.match(/T17:00:00\.000Z$/); // Jakarta's midnight in UTC

    await choose(select, 'this-month');
    expect(store.snapshot.query.from).to.equal(startOfDay(`${today.slice(0, 8)}01`, zone));

    await choose(select, 'custom');
    await el.updateComplete;
    const [start, end] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="date-input"]');
    // The custom inputs start from the days shown so far.
    expect(start!.value).to.equal(`${today.slice(0, 8)}01`);
    start!.value = '2026-11-02';
    start!.dispatchEvent(new Event('change'));
    end!.value = '2026-11-04';
    end!.dispatchEvent(new Event('change'));
    expect(store.snapshot.query.from).to.equal('2026-11-01T17:00:00.000Z');
    expect(store.snapshot.query.to).to.equal('2026-11-04T17:00:00.000Z');

    // An end before the start is not sent; the user is told.
    end!.value = '2026-10-30';
    end!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(store.snapshot.query.to).to.equal('2026-11-04T17:00:00.000Z');
    expect($(el, '[role="alert"]')!.textContent).to.contain('end date is before the start date');
    expect(end!.getAttribute('aria-invalid')).to.equal('true');

    await choose(select, 'any');
    expect(store.snapshot.query.from).to.equal(undefined);
    expect(store.snapshot.query.to).to.equal(undefined);
    await el.updateComplete;
    expect($(el, '[part~="custom-range"]')).to.equal(null);
  });

  it('warns about an unknown time zone and uses the view’s (the store’s timeZone$)', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await mount({ timeZone: 'Mars/Olympus' });
      await choose(part<HTMLSelectElement>(el, 'date-select')!, 'today');
      const zone = store.timeZone;
      expect(store.snapshot.query.from).to.equal(startOfDay(dayOf(Date.now(), zone), zone));
      expect(warnings.some((w) => String(w).includes('Mars/Olympus'))).to.be.true;
    } finally {
      console.warn = warn;
    }
  });

  it('filters by store and by archived, and clears every filter but the tab', async () => {
    const el = await mount();
    store.setTab('new');
    await choose(part<HTMLSelectElement>(el, 'store-select')!, 'st_sby');
    expect(store.snapshot.query.storeIds).to.deep.equal(['st_sby']);
    part(el, 'archived-toggle')!.click();
    expect(store.snapshot.query.archived).to.equal(true);
    part(el, 'archived-toggle')!.click();
    expect('archived' in store.snapshot.query).to.be.false; // the tab decides again
    part(el, 'archived-toggle')!.click();
    await el.updateComplete;

    part(el, 'clear-button')!.click();
    expect(store.snapshot.query).to.deep.equal({ tab: 'new' });
    await el.updateComplete;
    expect(part(el, 'clear-button')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'search-input'));
    await choose(part<HTMLSelectElement>(el, 'store-select')!, '');
    expect(store.snapshot.query.storeIds).to.equal(undefined);
  });

  it('filters by channels from a menu that keyboard and pointer can leave', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const add = document.addEventListener;
    const remove = document.removeEventListener;
    document.addEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      added.push(type);
      return (add as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.addEventListener;
    document.removeEventListener = function (this: Document, type: string, ...rest: unknown[]) {
      removed.push(type);
      return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof document.removeEventListener;
    try {
      const el = await mount({ channels: ['online', 'shopee', 'tiktok'] });
      const button = part<HTMLButtonElement>(el, 'channel-button')!;
      button.click();
      await el.updateComplete;
      await el.updateComplete;
      const menu = part(el, 'channel-menu')!;
      expect(menu.hidden).to.be.false;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect([...menu.querySelectorAll('label')].map((l) => l.textContent!.trim())).to.deep.equal(['Online store', 'Shopee', 'TikTok Shop']);
      expect(el.shadowRoot!.activeElement).to.equal(menu.querySelector('input'));
      expect(added.filter((t) => t === 'pointerdown').length).to.equal(1);
      await expect(el).to.be.accessible();

      // Space checks the focused box; checked in the menu's order whatever the clicking order.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: ' ' });
      expect(store.snapshot.query.channels).to.deep.equal(['tiktok']);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: ' ' });
      expect(store.snapshot.query.channels).to.deep.equal(['online', 'tiktok']);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(menu.hidden).to.be.true;
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(removed.filter((t) => t === 'pointerdown').length).to.equal(1);

      // A press outside closes it too.
      button.click();
      await el.updateComplete;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(menu.hidden).to.be.true;

      // And leaving the page removes the listener of an open menu.
      button.click();
      await el.updateComplete;
      const opened = added.filter((t) => t === 'pointerdown').length;
      el.remove();
      expect(removed.filter((t) => t === 'pointerdown').length).to.equal(opened);
    } finally {
      document.addEventListener = add;
      document.removeEventListener = remove;
    }
  });

  it('saves the current query as a named view per viewer, recalls it whole, and deletes it', async () => {
    const el = await mount();
    store.setTab('new');
    store.setQuery({ search: 'Rina', channels: ['shopee'] });
    await el.updateComplete;
    part(el, 'views-button')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(part(el, 'views-menu')!.textContent).to.contain('No saved views yet.');
    const name = $<HTMLInputElement>(el, '#view-name')!;
    expect(el.shadowRoot!.activeElement).to.equal(name);

    // No name: the form says so and saves nothing.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#view-name-error')!.textContent).to.equal('Give the view a name.');
    await sendKeys({ type: 'Shopee Rina' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const key = viewsKey(backend.viewer.id, backend.workflow.key);
    expect(JSON.parse(localStorage.getItem(key)!)).to.deep.equal([
      { name: 'Shopee Rina', query: { tab: 'new', search: 'Rina', channels: ['shopee'] } },
    ]);
    await expect(el).to.be.accessible();

    // Elsewhere, then back through the view: the whole query returns, nothing of the other stays.
    store.setTab('completed');
    store.setQuery({ search: undefined, channels: undefined, archived: true, storeIds: ['st_mnl'] });
    await el.updateComplete;
    const apply = el.shadowRoot!.querySelector<HTMLButtonElement>('.view-apply')!;
    expect(apply.textContent).to.equal('Shopee Rina');
    apply.click();
    expect(store.snapshot.query).to.deep.equal({ tab: 'new', search: 'Rina', channels: ['shopee'] });
    await el.updateComplete;
    expect(part(el, 'views-menu')!.hidden).to.be.true;
    expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('Rina');

    // Another viewer of the same workflow does not see it.
    expect(localStorage.getItem(viewsKey('someone-else', backend.workflow.key))).to.equal(null);

    part(el, 'views-button')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Delete view Shopee Rina"]')!.click();
    await el.updateComplete;
    expect(localStorage.getItem(key)).to.equal(null);
    expect(part(el, 'views-menu')!.textContent).to.contain('No saved views yet.');
  });

  it('keeps views in memory and says so when the browser refuses storage', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const el = await mount();
      part(el, 'views-button')!.click();
      await el.updateComplete;
      const name = $<HTMLInputElement>(el, '#view-name')!;
      name.value = 'Mine';
      name.dispatchEvent(new Event('input'));
      $<HTMLFormElement>(el, '[part~="save-form"]')!.requestSubmit();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.view-apply')!.textContent).to.equal('Mine');
      expect(part(el, 'views-menu')!.textContent).to.contain('they last until you close the page');
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('ignores unreadable saved views', async () => {
    localStorage.setItem(viewsKey(backend.viewer.id, backend.workflow.key), '{not json');
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = await mount();
      part(el, 'views-button')!.click();
      await el.updateComplete;
      expect(part(el, 'views-menu')!.textContent).to.contain('No saved views yet.');
    } finally {
      console.warn = warn;
    }
  });

  it('shows the host’s buttons in the toolbar-actions slot', async () => {
    const el = await fixture<OrderToolbar>(html`<order-toolbar .store=${store}><button slot="toolbar-actions">Export</button></order-toolbar>`);
    const slot = part(el, 'actions')!.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Export']);
  });

  it('speaks Indonesian', async () => {
    const el = await mount();
    await setLocale('id');
    await el.updateComplete;
    expect(part(el, 'search-input')!.getAttribute('aria-label')).to.equal('Cari pesanan');
    expect([...part<HTMLSelectElement>(el, 'date-select')!.options].map((o) => o.text)).to.deep.equal([
      'Semua tanggal',
      'Hari ini',
      '7 hari terakhir',
      '30 hari terakhir',
      'Bulan ini',
      'Rentang khusus…',
    ]);
    expect(part(el, 'archived-toggle')!.textContent!.trim()).to.equal('Diarsipkan');
    await expect(el).to.be.accessible();
  });
});
