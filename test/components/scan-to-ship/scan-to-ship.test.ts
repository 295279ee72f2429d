import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import bwipjs from 'bwip-js/browser';
import '../../../src/components/scan-to-ship/define.js';
import { ScanToShip, type OrderScanEvent } from '../../../src/components/scan-to-ship/define.js';
import type { PrintRequestEvent } from '../../../src/components/shared/print-request-event.js';
import { OrderApiError, type ActionRequest, type RequestOptions, type WriteOptions } from '../../../src/api/types.js';
import type { Order } from '../../../src/model/types.js';
import { createOrderStore } from '../../../src/state/store.js';
import type { OrderStore } from '../../../src/state/types.js';
import { SpyApi } from '../../state/spy-api.js';
import { adminViewer, openPresetBackend, staffViewer, type PresetBackend } from '../bulk-action-bar/preset-backend.js';
import { waitFor } from '../order-shipments/helpers.js';

/** A recorded api whose next lookup or action can fail as a network failure. */
class ScanSpy extends SpyApi {
  failLookup = 0;
  failAction = 0;
  lookups: string[] = [];

  override findOrdersByCode(code: string, options?: RequestOptions): Promise<readonly Order[]> {
    this.lookups.push(code);
    if (this.failLookup > 0) {
      this.failLookup--;
      return Promise.reject(new OrderApiError({ code: 'network', message: 'Failed to fetch' }));
    }
    return super.findOrdersByCode(code, options);
  }

  override runAction(request: ActionRequest, options: WriteOptions): Promise<Order> {
    if (this.failAction > 0) {
      this.failAction--;
      return Promise.reject(new OrderApiError({ code: 'network', message: 'Failed to fetch' }));
    }
    return super.runAction(request, options);
  }
}

const part = <T extends Element = HTMLElement>(el: ScanToShip, name: string): T | null => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const input = (el: ScanToShip): HTMLInputElement => part<HTMLInputElement>(el, 'scan-input')!;
const rows = (el: ScanToShip): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const statusText = (el: ScanToShip): string => el.shadowRoot!.querySelector('[role="status"].live')!.textContent!.replace(/\s+/g, ' ').trim();
const alertText = (el: ScanToShip): string => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Key presses as a keyboard delivers them to the field: keydown, then the character lands. */
function key(field: HTMLInputElement, k: string): void {
  const down = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  field.dispatchEvent(down);
  if (k.length === 1 && !down.defaultPrevented) {
    field.value += k;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}

/** A scanner: every key of the code back to back, then the suffix. */
function burst(field: HTMLInputElement, code: string, suffix = 'Enter'): void {
  for (const k of code) key(field, k);
  key(field, suffix);
}

/** A person: 60 ms or more between keys (well over the 30 ms burst gap). */
async function typeSlowly(field: HTMLInputElement, text: string): Promise<void> {
  for (const k of text) {
    key(field, k);
    await sleep(60);
  }
}

async function settled(el: ScanToShip): Promise<void> {
  await waitFor(() => (el as unknown as { pending: number }).pending === 0);
  await el.updateComplete;
}

async function first(api: SpyApi, tab: string): Promise<Order[]> {
  return [...(await api.listOrders({ tab }, { offset: 0, limit: 20 })).items];
}

describe('<scan-to-ship>', () => {
  let backend: PresetBackend;
  let api: ScanSpy;
  let store: OrderStore;

  before(async () => {
    backend = await openPresetBackend('marketplace', 400);
  });

  after(async () => {
    await backend.close();
  });

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.setItem('orderdeck:scan-to-ship:sound', 'off');
    api = new ScanSpy(backend.api);
    store = createOrderStore({ api, workflow: backend.workflow, viewer: adminViewer, refreshDelayMs: 20 });
  });

  afterEach(() => {
    fixtureCleanup();
    store.dispose();
    localStorage.removeItem('orderdeck:scan-to-ship:sound');
  });

  const mount = async (s: OrderStore = store): Promise<ScanToShip> => {
    const el = await fixture<ScanToShip>(html`<scan-to-ship .store=${s}></scan-to-ship>`);
    await el.updateComplete;
    return el;
  };

  it('opens with the field focused, says what a scan does, and is accessible', async () => {
    const el = await mount();
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    const help = el.shadowRoot!.querySelector('#scan-help')!.textContent!;
    expect(help).to.contain('To Process → To Ship');
    expect(help).to.contain('To Ship → Shipped');
    expect(part(el, 'empty-state')!.textContent).to.contain('Scanned orders appear here');
    expect(part<HTMLButtonElement>(el, 'print-awb-button')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: type a To Process order number, Enter moves it to To Ship, focus stays, then Tab to print', async () => {
    const el = await mount();
    const [order] = await first(api, 'to-process');
    input(el).focus();
    await sendKeys({ type: order!.number });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => rows(el).length === 1);
    await settled(el);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(input(el).value).to.equal('');
    expect((await backend.api.getOrder(order!.id)).status).to.equal('to-ship');
    expect(statusText(el)).to.contain(`Order ${order!.number}`);
    expect(statusText(el)).to.contain('moved from To Process to To Ship');
    expect(alertText(el)).to.equal('');
    expect(part(el, 'feedback')!.getAttribute('part')).to.contain('success');
    const row = rows(el)[0]!;
    expect(row.textContent).to.contain(order!.number);
    expect(row.textContent).to.contain(order!.customer.name);
    expect(row.textContent).to.contain('→ To Ship');
    // Tab from the field reaches the print buttons, and Enter on one prints.
    let printed: PrintRequestEvent | undefined;
    el.addEventListener('order-print-request', (e) => (printed = e), { once: true });
    part<HTMLButtonElement>(el, 'print-awb-button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(printed?.detail).to.deep.equal({ document: 'awb', orderIds: [order!.id] });
    await expect(el).to.be.accessible();
  });

  it('tells a scanner burst from human typing by the gaps between keys', async () => {
    const el = await mount();
    const [a, b] = await first(api, 'to-process');
    const scans: OrderScanEvent[] = [];
    el.addEventListener('order-scan', (e) => scans.push(e));
    burst(input(el), a!.number);
    await settled(el);
    await typeSlowly(input(el), b!.number);
    key(input(el), 'Enter');
    await settled(el);
    expect(scans.map((s) => [s.detail.entry.number, s.detail.entry.source, s.detail.entry.result])).to.deep.equal([
      [a!.number, 'scanner', 'moved'],
      [b!.number, 'keyboard', 'moved'],
    ]);
    expect(rows(el).map((r) => r.querySelectorAll('td')[1]!.textContent!.trim())).to.deep.equal(['Typed', 'Scanner']);
  });

  it('a burst ending in Tab submits and keeps focus; a person’s Tab does not submit', async () => {
    const el = await mount();
    const [a] = await first(api, 'to-process');
    input(el).focus();
    await typeSlowly(input(el), 'ab');
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    input(el).dispatchEvent(tab);
    expect(tab.defaultPrevented, 'a person’s Tab moves on').to.equal(false);
    expect(api.lookups).to.deep.equal([]);
    input(el).value = '';
    burst(input(el), a!.number, 'Tab');
    await settled(el);
    expect(api.lookups).to.deep.equal([a!.number]);
    expect(rows(el)[0]!.textContent).to.contain('→ To Ship');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('moves a To Ship order to Shipped, finds it by tracking number too, and counts the round', async () => {
    const el = await mount();
    const toShip = (await first(api, 'to-ship'))[0]!;
    const [p] = await first(api, 'to-process');
    const before = await backend.api.countTabs({});
    burst(input(el), toShip.number);
    burst(input(el), p!.number);
    await settled(el);
    expect((await backend.api.getOrder(toShip.id)).status).to.equal('shipped');
    const after = await backend.api.countTabs({});
    expect(after['to-ship']).to.equal(before['to-ship']!); // one left, one arrived
    expect(after['shipped']).to.equal(before['shipped']! + 1);
    expect(after['to-process']).to.equal(before['to-process']! - 1);
    const summary = part(el, 'summary')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('2 scans');
    expect(summary).to.contain('Shipped: 1');
    expect(summary).to.contain('To Ship: 1');
    // A tracking number finds its order (trimmed, any case): a delivered one is in the wrong status.
    const delivered = (await first(api, 'delivered')).find((o) => o.shipments.some((x) => x.trackingNumber))!;
    const tracking = delivered.shipments.find((x) => x.trackingNumber)!.trackingNumber!;
    burst(input(el), `  ${tracking.toLowerCase()} `);
    await settled(el);
    expect(api.lookups.at(-1)).to.equal(tracking.toLowerCase());
    expect(alertText(el)).to.contain(`Order ${delivered.number} is Delivered`);
  });

  it('says exactly why nothing changed: wrong status, duplicate, unknown code', async () => {
    const el = await mount();
    const [fresh] = await first(api, 'new');
    const [p] = await first(api, 'to-process');
    burst(input(el), fresh!.number);
    await settled(el);
    expect(alertText(el)).to.contain(`Order ${fresh!.number} is New Order: only orders in To Process, To Ship can be scanned here.`);
    expect(part(el, 'feedback')!.getAttribute('part')).to.contain('error');
    expect((await backend.api.getOrder(fresh!.id)).version).to.equal(fresh!.version);

    burst(input(el), p!.number);
    burst(input(el), `#${p!.number.toLowerCase()}`);
    await settled(el);
    expect(alertText(el)).to.contain(`Order ${p!.number} was already scanned in this round.`);
    const moved = await backend.api.getOrder(p!.id);
    expect(moved.status, 'the second scan did not move it on').to.equal('to-ship');
    expect(moved.version).to.equal(p!.version + 1);

    burst(input(el), 'NO-SUCH-CODE-42');
    await settled(el);
    expect(alertText(el)).to.contain('No order has the number or tracking number “NO-SUCH-CODE-42”.');
    expect(rows(el).map((r) => r.querySelector('[part~="result-badge"]')!.textContent!.trim())).to.deep.equal([
      'Unknown code',
      'Already scanned',
      '→ To Ship',
      'Wrong status (New Order)',
    ]);
    expect(part(el, 'summary')!.textContent!.replace(/\s+/g, ' ')).to.contain('Not moved: 3');
    await expect(el).to.be.accessible();
  });

  it('an order of another store, scanned by staff: “belongs to a store you cannot access”, nothing changes', async () => {
    const all = await first(api, 'to-process');
    const elsewhere = all.find((o) => !staffViewer.storeIds.includes(o.storeId))!;
    const staffApi = await backend.open(staffViewer);
    const staffStore = createOrderStore({ api: staffApi, workflow: backend.workflow, viewer: staffViewer });
    try {
      const el = await mount(staffStore);
      burst(input(el), elsewhere.number);
      await settled(el);
      expect(alertText(el)).to.contain(`“${elsewhere.number}” belongs to a store you cannot access.`);
      expect((await backend.api.getOrder(elsewhere.id)).version).to.equal(elsewhere.version);
    } finally {
      staffStore.dispose();
    }
  });

  it('a network failure says so, changes nothing, keeps the scan, and Retry sends it', async () => {
    const el = await mount();
    const [a, b] = await first(api, 'to-process');
    api.failLookup = 1;
    burst(input(el), a!.number);
    await settled(el);
    expect(alertText(el)).to.contain(`Could not reach the server for “${a!.number}”`);
    expect((await backend.api.getOrder(a!.id)).status).to.equal('to-process');
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await settled(el);
    expect((await backend.api.getOrder(a!.id)).status).to.equal('to-ship');
    expect(rows(el).length, 'the failed scan was replaced by its retry').to.equal(1);

    // The move itself fails: the order is rolled back, and the store's own error is not shown twice.
    api.failAction = 1;
    burst(input(el), b!.number);
    await settled(el);
    expect(alertText(el)).to.contain('Could not reach the server');
    expect((await backend.api.getOrder(b!.id)).status).to.equal('to-process');
    expect(store.getCached(b!.id)?.status).to.equal('to-process');
    expect(store.snapshot.errors.filter((e) => e.orderId === b!.id)).to.deep.equal([]);
  });

  it('prints exactly the round’s moved orders, keeps the round over a reload, and clears it', async () => {
    const el = await mount();
    const [a, b] = await first(api, 'to-process');
    burst(input(el), a!.number);
    burst(input(el), 'UNKNOWN-1');
    burst(input(el), b!.number);
    await settled(el);
    setTimeout(() => part<HTMLButtonElement>(el, 'print-manifest-button')!.click());
    const manifest = await oneEvent(el, 'order-print-request');
    expect(manifest.detail).to.deep.equal({ document: 'manifest', orderIds: [a!.id, b!.id] });
    expect(part(el, 'print-awb-button')!.textContent).to.contain('(2)');
    setTimeout(() => rows(el)[0]!.querySelector<HTMLButtonElement>('.order-link')!.click());
    const opened = await oneEvent(el, 'order-open');
    expect(opened.detail).to.deep.equal({ orderId: b!.id });

    fixtureCleanup();
    const again = await mount();
    expect(rows(again).length).to.equal(3);
    setTimeout(() => part<HTMLButtonElement>(again, 'print-awb-button')!.click());
    const awb = await oneEvent(again, 'order-print-request');
    expect(awb.detail).to.deep.equal({ document: 'awb', orderIds: [a!.id, b!.id] });
    part<HTMLButtonElement>(again, 'clear-button')!.click();
    await again.updateComplete;
    expect(rows(again).length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
  });

  it('beeps through Web Audio unless the Sound switch is off (remembered)', async () => {
    const tones: { type: string; frequency: number }[] = [];
    const g = globalThis as { AudioContext?: unknown };
    const real = g.AudioContext;
    class FakeAudio {
      state = 'running';
      currentTime = 0;
      destination = {};
      createOscillator() {
        const osc = { type: '', frequency: { value: 0 }, connect: (n: unknown) => n, start() {
          tones.push({ type: osc.type, frequency: osc.frequency.value });
        }, stop() {} };
        return osc;
      }
      createGain() {
        return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n };
      }
    }
    g.AudioContext = FakeAudio;
    try {
      localStorage.removeItem('orderdeck:scan-to-ship:sound');
      const el = await mount();
      const sound = part(el, 'sound-toggle')!.querySelector('input')!;
      expect(sound.checked).to.equal(true);
      burst(input(el), 'UNKNOWN-2');
      await settled(el);
      expect(tones.length, 'two buzzes for an error').to.equal(2);
      const [p] = await first(api, 'to-process');
      burst(input(el), p!.number);
      await settled(el);
      expect(tones.length).to.equal(3);
      expect(tones[2]!.frequency).to.be.greaterThan(tones[0]!.frequency);
      sound.click();
      await el.updateComplete;
      expect(localStorage.getItem('orderdeck:scan-to-ship:sound')).to.equal('off');
      burst(input(el), 'UNKNOWN-3');
      await settled(el);
      expect(tones.length, 'silent once turned off').to.equal(3);
    } finally {
      g.AudioContext = real;
    }
  });

  it('reads codes from the camera: a generated Code 128 label streamed as the camera moves the order', async () => {
    const [p] = await first(api, 'to-process');
    const label = document.createElement('canvas');
    bwipjs.toCanvas(label, { bcid: 'code128', text: p!.number, scale: 3, height: 12, paddingwidth: 12, paddingheight: 12, backgroundcolor: 'FFFFFF' });
    const devices = navigator.mediaDevices;
    const real = devices.getUserMedia;
    let stream: MediaStream | undefined;
    devices.getUserMedia = async () => {
      stream = label.captureStream(10);
      // A captured canvas only sends frames when it is drawn on: keep redrawing it.
      const ctx = label.getContext('2d')!;
      const timer = setInterval(() => ctx.drawImage(label, 0, 0), 100);
      stream.getVideoTracks()[0]!.addEventListener('ended', () => clearInterval(timer));
      return stream;
    };
    try {
      const el = await mount();
      const camera = part<HTMLButtonElement>(el, 'camera-button')!;
      expect(camera.textContent!.trim()).to.equal('Use camera');
      camera.click();
      await waitFor(() => rows(el).length > 0, 15000);
      await settled(el);
      expect(rows(el)[0]!.textContent).to.contain('Camera');
      expect((await backend.api.getOrder(p!.id)).status).to.equal('to-ship');
      expect(part(el, 'camera-button')!.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
      part<HTMLButtonElement>(el, 'camera-button')!.click();
      await el.updateComplete;
      expect(stream!.getVideoTracks()[0]!.readyState, 'the camera is released').to.equal('ended');
      expect(part(el, 'camera')).to.equal(null);
    } finally {
      devices.getUserMedia = real;
    }
  });

  it('offers no camera where the browser has none, and says so when the camera cannot start', async () => {
    const devices = navigator.mediaDevices;
    const real = devices.getUserMedia;
    devices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    try {
      const el = await mount();
      part<HTMLButtonElement>(el, 'camera-button')!.click();
      await waitFor(() => /could not be started/.test(part(el, 'camera')?.textContent ?? ''));
      fixtureCleanup();
      (devices as { getUserMedia?: unknown }).getUserMedia = undefined;
      const none = await mount();
      expect(part(none, 'camera-button')).to.equal(null);
    } finally {
      devices.getUserMedia = real;
    }
  });
});
