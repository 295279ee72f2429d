/**
 * `<print-menu>` fires `order-print-request` for the chosen document and the host's target, works by
 * keyboard alone, and `<order-admin>` answers any such request (from its own menus or from another
 * view) by opening `<order-print>` with it.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createLocalApi, type LocalOrderApi } from '../../../src/api/index.js';
import '../../../src/components/order-admin/define.js';
import '../../../src/components/print-menu/define.js';
import type { OrderAdmin } from '../../../src/components/order-admin/define.js';
import type { PrintMenu } from '../../../src/components/print-menu/define.js';
import { PrintRequestEvent } from '../../../src/components/shared/print-request-event.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Viewer } from '../../../src/model/types.js';
import { eventually } from '../../state/backend.js';

const admin: Viewer = { id: 'u-admin', name: 'Ayu', role: 'admin', storeIds: [] };

describe('<print-menu>', () => {
  afterEach(() => fixtureCleanup());

  it('lists the six documents and fires order-print-request with the target, by keyboard', async () => {
    const el = await fixture<PrintMenu>(html`<print-menu .target=${() => ({ orderIds: ['a', 'b'] })}></print-menu>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent?.trim())).to.deep.equal(['Picking list summary', 'Picking list', 'Air waybill', 'Courier manifest', 'Packing slip', 'Invoice']);
    expect(el.shadowRoot!.activeElement).to.equal(items[0]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const fired = oneEvent(el, 'order-print-request') as Promise<PrintRequestEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await fired;
    expect(detail).to.deep.equal({ document: 'awb', orderIds: ['a', 'b'] });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')!.hasAttribute('hidden')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button);
    button.click();
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  describe('in <order-admin>', () => {
    let api: LocalOrderApi;
    const dbName = `print-menu-${crypto.randomUUID()}`;

    before(async () => {
      api = await createLocalApi({ workflow: getPreset('marketplace'), viewer: admin, dbName });
      await api.seed({ preset: 'marketplace', count: 80, seed: 3 });
    });

    after(async () => {
      api.close();
      await new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase(dbName);
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      });
    });

    it('opens the print preview for a request fired by any element inside (here, another view with ids)', async () => {
      const el = await fixture<OrderAdmin>(html`<order-admin routing="memory" .api=${api} preset="marketplace" .viewer=${admin} .stores=${demoStores}></order-admin>`);
      const ids = (await api.listOrders({ tab: 'to-ship' }, { offset: 0, limit: 3 })).items.map((o) => o.id);
      const inside = el.shadowRoot!.querySelector('order-table')!;
      inside.dispatchEvent(new PrintRequestEvent({ document: 'awb', orderIds: ids }));
      await eventually(() => (el.shadowRoot!.querySelector('order-print')?.document?.kind ?? '') === 'awb');
      const print = el.shadowRoot!.querySelector('order-print')!;
      expect(print.loadedOrders.map((o) => o.id)).to.deep.equal(ids);
      expect(print.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
      // The toolbar's "Print tab" prints the current query.
      const tabMenu = el.shadowRoot!.querySelector<PrintMenu>('print-menu[part~="print-menu"]')!;
      const fired = oneEvent(el, 'order-print-request') as Promise<PrintRequestEvent>;
      tabMenu.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
      await tabMenu.updateComplete;
      tabMenu.shadowRoot!.querySelector<HTMLElement>('[data-document="picking-summary"]')!.click();
      const { detail } = await fired;
      expect(detail.document).to.equal('picking-summary');
      expect(detail.query?.tab).to.equal(el.current.snapshot.query.tab);
    });
  });
});
