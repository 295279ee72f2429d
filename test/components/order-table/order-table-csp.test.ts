/**
 * `<order-table>` under a strict style CSP (`style-src 'self'`): the page gets the policy (its own test
 * file, so no other suite runs under it), a bound `style` attribute would be blocked and reported, and
 * the table must lay out its fitted columns without one.
 */
import { expect, fixture, fixtureCleanup, html, nextFrame } from '@open-wc/testing';
import { createLocalApi } from '../../../src/api/index.js';
import '../../../src/components/order-table/define.js';
import type { OrderTable } from '../../../src/components/order-table/define.js';
import { demoStores } from '../../../src/model/generate.js';
import { getPreset } from '../../../src/model/presets/index.js';
import type { Viewer } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import { until } from '../../state/backend.js';

const admin: Viewer = { id: 'u-table-csp', name: 'Ayu', role: 'admin', storeIds: [] };

describe('<order-table> under a strict style CSP', () => {
  const violations: string[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent): void => {
    violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
  };

  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', onViolation);
  });

  after(() => document.removeEventListener('securitypolicyviolation', onViolation));

  it('blocks a style attribute on this page (the check below can fail)', async () => {
    const probe = await fixture<HTMLElement>(html`<div>probe</div>`);
    probe.setAttribute('style', 'inline-size: 123px');
    await nextFrame();
    await nextFrame();
    expect(probe.getBoundingClientRect().width, 'the blocked width is not applied').not.to.equal(123);
    expect(violations.some((v) => v.startsWith('style-src')), 'the page reports the blocked attribute').to.be.true;
    violations.length = 0;
    fixtureCleanup();
  });

  it('draws its fitted columns, body height and status menu with no policy violation', async () => {
    const workflow = getPreset('online-store');
    const dbName = `orderdeck-table-csp-${crypto.randomUUID()}`;
    const api = await createLocalApi({ workflow, viewer: admin, dbName, stores: demoStores });
    await api.seed({ preset: 'online-store', count: 30, seed: 5 });
    const store = createOrderStore({ api, workflow, viewer: admin });
    try {
      // The host's size through the CSSOM (allowed), not a style attribute in the template.
      const el = await fixture<OrderTable>(html`<order-table .store=${store} .stores=${demoStores} storage-key=${`csp:${dbName}`}></order-table>`);
      el.style.setProperty('display', 'block');
      el.style.setProperty('height', '420px');
      el.style.setProperty('width', '1400px');
      await until(store, (s) => s.list.total !== undefined && !s.list.loading);
      for (let i = 0; i < 4; i++) {
        await nextFrame();
        await el.updateComplete;
      }
      const root = el.shadowRoot as ShadowRoot;
      const grid = root.querySelector('[role="grid"]') as HTMLElement;
      const header = [...root.querySelectorAll<HTMLElement>('.header-row > [data-col]')];
      expect(header.length, 'several fitted columns').to.be.greaterThan(5);
      // On the fitted tracks: side by side, each with its width, filling the grid's width.
      header.forEach((cell, i) => {
        const box = cell.getBoundingClientRect();
        expect(box.width, `column ${i} has its width`).to.be.above(30);
        if (i > 0) expect(Math.abs(box.left - (header[i - 1] as HTMLElement).getBoundingClientRect().right), `column ${i} follows`).to.be.below(1);
      });
      expect(Math.round((header[header.length - 1] as HTMLElement).getBoundingClientRect().right - grid.getBoundingClientRect().left)).to.equal(grid.clientWidth);
      const body = root.querySelector('.body') as HTMLElement;
      const row = root.querySelector('.body > .row:not([hidden])') as HTMLElement;
      expect(body.offsetHeight, 'the body is as tall as every row').to.equal((store.snapshot.list.total as number) * row.offsetHeight);
      (row.querySelector('[data-od-action="status-menu"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const menu = root.querySelector('[part="status-menu"]') as HTMLElement | null;
      expect(menu, 'the status menu opened').to.exist;
      const button = (row.querySelector('[data-od-action="status-menu"]') as HTMLElement).getBoundingClientRect();
      expect(Math.abs((menu as HTMLElement).getBoundingClientRect().top - button.bottom), 'the menu hangs below its button').to.be.below(2);
      expect(violations, 'no style the policy blocks').to.deep.equal([]);
    } finally {
      fixtureCleanup();
      store.dispose();
      api.close();
      indexedDB.deleteDatabase(dbName);
    }
  });
});
