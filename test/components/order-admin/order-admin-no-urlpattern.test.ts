import { expect, fixture } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../../src/components/order-admin/define.js';
import type { OrderAdmin } from '../../../src/components/order-admin/order-admin.js';
import { eventually } from '../../state/backend.js';
import { adminViewer, openPresetBackend, type PresetBackend } from '../bulk-action-bar/preset-backend.js';

/**
 * `Routes` needs `URLPattern`, which older Firefox and Safari lack: the admin then matches its own
 * route table. A fresh copy of the element module, loaded while `URLPattern` is hidden, shows it.
 */
describe('<order-admin> without URLPattern', () => {
  let backend: PresetBackend;
  const tag = 'order-admin-no-urlpattern';

  const global = globalThis as { URLPattern?: unknown };
  const saved = global.URLPattern;

  before(async () => {
    backend = await openPresetBackend('marketplace', 10);
    // Hidden for the whole test: the page behaves like a browser without it.
    delete global.URLPattern;
    // A query string makes the browser load a second, fresh instance of the module; held in a
    // variable so TypeScript does not try to resolve it as a file.
    const specifier = '../../../src/components/order-admin/order-admin.ts?no-urlpattern';
    const fresh = (await import(/* @vite-ignore */ specifier)) as { OrderAdmin: CustomElementConstructor };
    if (!customElements.get(tag)) customElements.define(tag, fresh.OrderAdmin);
  });

  after(async () => {
    global.URLPattern = saved;
    await backend.close();
  });

  it('still routes to an order and to the other views', async () => {
    const t = unsafeStatic(tag);
    const el = await fixture<OrderAdmin>(staticHtml`<${t} routing="memory" preset="marketplace" .api=${backend.api} .viewer=${adminViewer}></${t}>`);
    expect(el).to.be.instanceOf(customElements.get(tag)!);
    expect(el.constructor).not.to.equal(customElements.get('order-admin'));
    expect(typeof global.URLPattern).to.equal('undefined');
    await eventually(() => el.current?.snapshot.counts.values !== undefined);
    const { items } = await backend.api.listOrders({}, { offset: 0, limit: 1 });
    const order = items[0]!;
    el.navigate(`orders/${order.id}`);
    await el.updateComplete;
    const detail = el.shadowRoot!.querySelector('[part~="detail"] order-detail');
    expect(detail?.getAttribute('order-id')).to.equal(order.id);
    el.navigate('calendar');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="calendar"] order-calendar')).to.exist;
    el.navigate('settings');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="settings"] workflow-settings')).to.exist;
  });
});
