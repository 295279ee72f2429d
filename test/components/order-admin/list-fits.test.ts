/**
 * Issue 12, rule 3, measured: at 1280 and 1440 px, in English and Indonesian, for every preset, the
 * list's default columns fit without horizontal scrolling, no order number or status pill is cut, and
 * every status tab is on screen or reachable through the visible scroll button, count included.
 * Real seeded data: INV/20261122/JKT/00184-style and 15–18 digit marketplace numbers, Indonesian labels.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/components/order-admin/define.js';
import type { OrderAdmin } from '../../../src/components/order-admin/define.js';
import { setLocale } from '../../../src/i18n/localize.js';
import { demoStores } from '../../../src/model/generate.js';
import { PRESET_KEYS } from '../../../src/model/presets/index.js';
import { eventually } from '../../state/backend.js';
import { adminViewer, openPresetBackend, type PresetBackend } from '../bulk-action-bar/preset-backend.js';

const frames = async (n = 3): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('the order list fits the screen (every preset, en and id, 1280 and 1440 px)', () => {
  const startUrl = location.href;
  let backend: PresetBackend | undefined;

  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await setLocale('en');
    history.replaceState(null, '', startUrl);
  });

  for (const preset of PRESET_KEYS) {
    describe(preset, () => {
      before(async () => {
        backend = await openPresetBackend(preset, 150);
      });
      after(async () => {
        await backend?.close();
      });

      for (const locale of ['en', 'id'] as const) {
        for (const width of [1280, 1440]) {
          it(`${locale} at ${width} px: no horizontal scroll, no cut number or status, every tab reachable`, async () => {
            await setViewport({ width, height: 900 });
            await setLocale(locale);
            history.replaceState(null, '', `${location.pathname}${location.search}#/orders?tab=all`);
            const el = await fixture<OrderAdmin>(
              html`<order-admin preset=${preset} .api=${backend!.api} .viewer=${adminViewer} .stores=${demoStores}></order-admin>`,
            );
            const table = el.shadowRoot!.querySelector('order-table')!;
            const rows = (): Element[] => [...table.shadowRoot!.querySelectorAll('.body > [role="row"]:not([hidden])')].filter((r) => r.querySelector('.col-number'));
            await eventually(() => rows().length > 5);
            await frames();
            await table.updateComplete;
            await frames();

            const grid = table.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
            expect(grid.scrollWidth - grid.clientWidth, 'horizontal overflow of the grid').to.be.at.most(0);
            expect(document.documentElement.scrollWidth - document.documentElement.clientWidth, 'page overflow').to.be.at.most(0);
            const headers = [...table.shadowRoot!.querySelectorAll('.header-row [role="columnheader"]')].slice(1).map((h) => [...h.classList].find((c) => c.startsWith('col-')));
            // Every default column of the preset is shown (none dropped for width).
            expect(headers).to.include.members(['col-number', 'col-date', 'col-customer', 'col-total', 'col-status']);
            expect(headers.length).to.equal(10);
            const gridBox = grid.getBoundingClientRect();
            for (const row of rows()) {
              const number = row.querySelector<HTMLElement>('.col-number')!;
              expect(number.scrollWidth, `number ${number.textContent}`).to.be.at.most(number.clientWidth);
              const pill = row.querySelector<HTMLElement>('.col-status .status')!;
              const cell = pill.closest('.cell')!.getBoundingClientRect();
              const box = pill.getBoundingClientRect();
              expect(pill.scrollWidth, `pill ${pill.textContent}`).to.be.at.most(pill.clientWidth);
              expect(box.right, `pill ${pill.textContent} inside its cell`).to.be.at.most(cell.right + 0.5);
              expect(cell.right, 'status cell on screen').to.be.at.most(gridBox.right + 0.5);
            }

            const tabs = el.shadowRoot!.querySelector('status-tabs')!;
            const list = tabs.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
            const allTabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
            const listBox = list.getBoundingClientRect();
            const cut = allTabs.filter((t) => t.getBoundingClientRect().right > listBox.right + 1);
            for (const tab of allTabs) expect(tab.querySelector('[part="count"]'), 'a count on every tab').to.exist;
            if (cut.length > 0) {
              const more = tabs.shadowRoot!.querySelector<HTMLButtonElement>('[part~="scroll-end"]')!;
              expect(more.hidden, 'a visible "more tabs" button').to.be.false;
              expect(more.getBoundingClientRect().width).to.be.greaterThan(0);
              for (let i = 0; i < 6 && allTabs.at(-1)!.getBoundingClientRect().right > list.getBoundingClientRect().right + 1; i++) {
                more.click();
                await frames(6);
              }
              expect(allTabs.at(-1)!.getBoundingClientRect().right, 'the last tab scrolled into view').to.be.at.most(list.getBoundingClientRect().right + 1);
            }
          });
        }
      }
    });
  }
});
