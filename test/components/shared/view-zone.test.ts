/**
 * Issue 12, rule 2 on screen: the toolbar's date filter, its "Today", the table's dates and the zone it
 * names all use the store's one view zone (`timeZone$`), across zones that put the same instant on
 * different days. Fails where the filter counts days in one zone and the rows show another.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import '../../../src/components/order-table/define.js';
import '../../../src/components/order-toolbar/define.js';
import type { OrderTable } from '../../../src/components/order-table/order-table.js';
import type { OrderToolbar } from '../../../src/components/order-toolbar/order-toolbar.js';
import { dayOf, startOfDay } from '../../../src/components/shared/date-range.js';
import { formatDateTime } from '../../../src/i18n/format.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { until } from '../../state/backend.js';

const viewer: Viewer = { id: 'u-zone-admin', name: 'Ayu', role: 'admin', storeIds: [] };

describe('one view time zone (toolbar, table)', () => {
  let api: LocalOrderApi;
  let store: OrderStore;
  const dbName = `orderdeck-zone-test-${crypto.randomUUID()}`;

  before(async () => {
    const workflow = getPreset('online-store');
    api = await createLocalApi({ workflow, viewer, dbName, stores: demoStores });
    await api.seed({ preset: 'online-store', count: 120, seed: 3 });
  });

  beforeEach(() => {
    localStorage.removeItem(`orderdeck:time-zone:${viewer.id}`);
    store = createOrderStore({ api, workflow: getPreset('online-store'), viewer, stores: demoStores });
  });

  afterEach(() => store.dispose());

  after(async () => {
    api.close();
    localStorage.removeItem(`orderdeck:time-zone:${viewer.id}`);
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  });

  async function mount(): Promise<{ toolbar: OrderToolbar; table: OrderTable }> {
    const host = await fixture<HTMLElement>(html`<div>
      <order-toolbar .store=${store} .stores=${demoStores}></order-toolbar>
      <order-table .store=${store} .stores=${demoStores}></order-table>
    </div>`);
    const toolbar = host.querySelector('order-toolbar')!;
    const table = host.querySelector('order-table')!;
    table.style.setProperty('height', '600px');
    table.style.setProperty('display', 'block');
    return { toolbar, table };
  }

  async function settled(table: OrderTable): Promise<void> {
    await until(store, (s) => s.list.total !== undefined && !s.list.loading);
    for (let i = 0; i < 3; i++) {
      await nextFrame();
      await table.updateComplete;
    }
  }

  const part = <T extends Element>(el: Element, name: string): T => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;

  for (const zone of ['Africa/Lagos', 'Asia/Manila']) {
    it(`a day range chosen in ${zone} lists only rows the table shows on those days, in that named zone`, async () => {
      const { toolbar, table } = await mount();
      const select = part<HTMLSelectElement>(toolbar, 'zone-select');
      select.value = zone;
      select.dispatchEvent(new Event('change'));
      await toolbar.updateComplete;
      expect(store.timeZone).to.equal(zone);
      expect(part(toolbar, 'zone').textContent!.replace(/\s+/g, ' ')).to.contain(zone);

      // A custom range of one day: the day (in the zone) of the newest order.
      await settled(table);
      const newest = table.shadowRoot!.querySelector('time[datetime]')!.getAttribute('datetime')!;
      const day = dayOf(Date.parse(newest), zone);
      const dateSelect = part<HTMLSelectElement>(toolbar, 'date-select');
      dateSelect.value = 'custom';
      dateSelect.dispatchEvent(new Event('change'));
      await toolbar.updateComplete;
      for (const edge of ['start', 'end']) {
        const input = toolbar.shadowRoot!.querySelector<HTMLInputElement>(`input[data-edge="${edge}"]`)!;
        input.value = day;
        input.dispatchEvent(new Event('change'));
        await toolbar.updateComplete;
      }
      expect(store.snapshot.query.from).to.equal(startOfDay(day, zone));

      await settled(table);
      const shown = [...table.shadowRoot!.querySelectorAll('.body [role="row"]:not([hidden]) time[datetime]')];
      expect(shown.length).to.be.greaterThan(0);
      for (const time of shown) {
        const at = time.getAttribute('datetime')!;
        expect(dayOf(Date.parse(at), zone), at).to.equal(day);
        expect(time.getAttribute('aria-label')).to.equal(formatDateTime(at, { style: 'medium', timeStyle: 'short', timeZone: zone }));
      }
    });
  }

  it('"Today" is today in the view zone, and follows the zone when it is switched', async () => {
    const { toolbar } = await mount();
    const dateSelect = part<HTMLSelectElement>(toolbar, 'date-select');
    dateSelect.value = 'today';
    dateSelect.dispatchEvent(new Event('change'));
    await toolbar.updateComplete;
    expect(store.snapshot.query.from).to.equal(startOfDay(dayOf(Date.now(), 'Asia/Jakarta'), 'Asia/Jakarta'));
    store.setTimeZone('Africa/Lagos');
    await toolbar.updateComplete;
    await toolbar.updateComplete;
    expect(store.snapshot.query.from).to.equal(startOfDay(dayOf(Date.now(), 'Africa/Lagos'), 'Africa/Lagos'));
    expect(part<HTMLSelectElement>(toolbar, 'date-select').value).to.equal('today');
  });

  it('a view of one store names that store’s zone and offers no switch', async () => {
    const { toolbar } = await mount();
    store.setTimeZone('Africa/Lagos');
    store.setQuery({ storeIds: ['st_mnl'] });
    await toolbar.updateComplete;
    expect(part(toolbar, 'zone-select')).to.equal(null);
    expect(part(toolbar, 'zone').textContent).to.contain('Asia/Manila');
    await expect(toolbar).to.be.accessible();
  });
});
