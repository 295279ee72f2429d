/**
 * The evaluation page's shell: preset, viewer, locale and data-size switches (kept in the URL's
 * search), the embedded IndexedDB engine seeded with demo orders, and `<order-admin>` below it, which
 * makes the store from the adapter, preset and viewer and keeps its own route and list query in the
 * URL's hash. Everything it shows comes from the real local adapter through the real store.
 */
import { LitElement, css, html, nothing } from 'lit';
import { defineElement } from '../src/define-element.js';
import { state } from 'lit/decorators.js';
import { createLocalApi, type LocalOrderApi } from '../src/api/index.js';
import { startSimulation } from '../src/api/local/simulate.js';
import { startCourierSimulation } from '../src/api/local/courier-sim.js';
import { allLocales, getLocale, localeChanges, resolveText, setLocale } from '../src/i18n/index.js';
import { demoStores, demoViewers } from '../src/model/generate.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../src/model/presets/index.js';
import type { Viewer } from '../src/model/types.js';
import type { OrderAdmin } from '../src/components/order-admin/order-admin.js';

const SIZES = [1000, 10000, 100000] as const;

/** The simulated storefront's customers place orders as this system viewer, on its own engine instance. */
const SHOPFRONT: Viewer = { id: 'usr_simulated_shop', name: 'Storefront (simulated)', role: 'superadmin', storeIds: [] };
/** A simulated customer places an order this often. */
const SIMULATION_EVERY_MS = 8000;

/** "Pesan kurir": the simulated courier service's pace (ms per courier step), or off. */
const COURIER_SPEEDS = { off: 0, fast: 1200, normal: 4000 } as const;
type CourierSpeed = keyof typeof COURIER_SPEEDS;
/** One booking in five takes a failure branch (no courier found, or delivery failed), so the demo shows them. */
const COURIER_FAILURE_RATE = 0.2;

interface DemoParams {
  preset: PresetKey;
  viewer: string;
  locale: string;
  size: number;
  courier: CourierSpeed;
}

function readParams(): DemoParams {
  const p = new URLSearchParams(location.search);
  const preset = PRESET_KEYS.includes(p.get('preset') as PresetKey) ? (p.get('preset') as PresetKey) : 'confirm-first';
  const viewer = demoViewers.some((v) => v.id === p.get('viewer')) ? (p.get('viewer') as string) : demoViewers[0]!.id;
  const locale = (allLocales as readonly string[]).includes(p.get('locale') ?? '') ? (p.get('locale') as string) : 'en';
  const size = SIZES.includes(Number(p.get('size')) as (typeof SIZES)[number]) ? Number(p.get('size')) : 1000;
  const courier = (p.get('courier') ?? 'normal') in COURIER_SPEEDS ? (p.get('courier') as CourierSpeed) : 'normal';
  return { preset, viewer, locale, size, courier };
}

export class DemoApp extends LitElement {
  static override styles = css`
    :host { display: block; font: 14px/1.4 system-ui, sans-serif; color: #1c2430; }
    header { display: flex; flex-wrap: wrap; gap: 16px; align-items: end; padding: 12px 16px; background: #fff; border-bottom: 1px solid #e3e8ee; }
    h1 { font-size: 18px; margin: 0 24px 0 0; align-self: center; }
    label { display: grid; gap: 2px; font-size: 12px; color: #4a5868; }
    select, button { font: inherit; padding: 4px 8px; border-radius: 6px; border: 1px solid #c9d2dc; background: #fff; color: #1c2430; }
    main { padding: 16px; }
    .status { color: #4a5868; align-self: center; }
    .toggle { display: flex; flex-direction: row; align-items: center; gap: 6px; align-self: center; font-size: 14px; color: #1c2430; cursor: pointer; }
    .toggle input { width: 16px; height: 16px; margin: 0; accent-color: #1f4e8c; }
    .who { margin: 0; font-size: 13px; font-weight: 400; color: #4a5868; }
    .who strong { color: #1c2430; }
    .error { color: #b42318; }
  `;

  @state() private params = readParams();
  /** What `<order-admin>` makes its store from, once the database is open and seeded. */
  @state() private ready: { api: LocalOrderApi; preset: PresetKey; viewer: Viewer } | undefined;
  @state() private busy = '';
  @state() private failure = '';
  @state() private simulating = false;

  private readonly locale = localeChanges(this);
  private api: LocalOrderApi | undefined;
  private generation = 0;
  /** Stops the courier simulation (see willUpdate). */
  private stopCouriers: (() => void) | undefined;
  private couriersOn: { api: LocalOrderApi; speed: number } | undefined;
  /** Stops the running simulation and closes its engine instance. */
  private stopSimulation: (() => void) | undefined;
  private simulationRun = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void setLocale(this.params.locale);
    void this.open(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopCouriers?.();
    this.stopCouriers = undefined;
    this.endSimulation();
    this.ready = undefined;
    this.api?.close();
  }

  /** The courier simulation runs on the admin's engine while it is open, at the chosen speed. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('ready') || changed.has('params')) {
      const api = this.ready?.api;
      const speed = COURIER_SPEEDS[this.params.courier];
      if (api !== this.couriersOn?.api || speed !== this.couriersOn?.speed) {
        this.stopCouriers?.();
        this.stopCouriers = undefined;
        this.couriersOn = api && speed ? { api, speed } : undefined;
        if (api && speed) this.stopCouriers = startCourierSimulation(api, { speed, failureRate: COURIER_FAILURE_RATE, seed: 1 });
      }
    }
  }

  override render() {
    void this.locale;
    const p = this.params;
    const storeNames = Object.fromEntries(demoStores.map((s) => [s.id, s.name]));
    return html`
      <header>
        <h1>orderdeck demo</h1>
        <label>Preset
          <select @change=${(e: Event) => this.change({ preset: (e.target as HTMLSelectElement).value as PresetKey })}>
            ${PRESET_KEYS.map((k) => html`<option value=${k} ?selected=${k === p.preset}>${resolveText(getPreset(k).label)}</option>`)}
          </select>
        </label>
        <label>Viewer
          <select @change=${(e: Event) => this.change({ viewer: (e.target as HTMLSelectElement).value })}>
            ${demoViewers.map(
              (v) => html`<option value=${v.id} ?selected=${v.id === p.viewer}>${v.name} · ${v.role}${v.role === 'staff' ? ` (${v.storeIds.length} store${v.storeIds.length > 1 ? 's' : ''})` : ''}</option>`,
            )}
          </select>
        </label>
        <label>Language
          <select @change=${(e: Event) => this.change({ locale: (e.target as HTMLSelectElement).value })}>
            ${allLocales.map((l) => html`<option value=${l} ?selected=${l === getLocale()}>${l === 'id' ? 'Bahasa Indonesia' : 'English'}</option>`)}
          </select>
        </label>
        <label>Data size
          <select @change=${(e: Event) => this.change({ size: Number((e.target as HTMLSelectElement).value) })}>
            ${SIZES.map((n) => html`<option value=${n} ?selected=${n === p.size}>${n.toLocaleString()} orders</option>`)}
          </select>
        </label>
        <label>Courier speed
          <select @change=${(e: Event) => this.change({ courier: (e.target as HTMLSelectElement).value as CourierSpeed })}>
            ${(Object.keys(COURIER_SPEEDS) as CourierSpeed[]).map((k) => html`<option value=${k} ?selected=${k === p.courier}>${k}</option>`)}
          </select>
        </label>
        <button @click=${() => this.open(true)} ?disabled=${!!this.busy}>Reset data</button>
        <label class="toggle">
          <input type="checkbox" .checked=${this.simulating} @change=${this.onSimulateChange} />
          Simulate new orders
        </label>
        <span class="status" role="status">${this.busy}</span>
        ${this.failure ? html`<span class="error" role="alert">${this.failure}</span>` : nothing}
      </header>
      <main>
        ${this.ready
          ? html`<order-admin .api=${this.ready.api} preset=${this.ready.preset} .viewer=${this.ready.viewer} .stores=${demoStores}>
              <p slot="header" class="who">${this.who(this.ready.viewer, storeNames)}</p>
              <button slot="toolbar-actions" @click=${this.refresh}>Refresh</button>
            </order-admin>`
          : nothing}
      </main>
    `;
  }

  /** The header slot's line: who is signed in and which stores they see. */
  private who(viewer: Viewer, storeNames: Readonly<Record<string, string>>) {
    const scope = viewer.role === 'staff' ? viewer.storeIds.map((id) => storeNames[id] ?? id).join(', ') : 'all stores';
    return html`Signed in as <strong>${viewer.name}</strong> (${viewer.role}) · ${scope}`;
  }

  /** The toolbar-actions slot's button: reloads the list and counts through the admin's store. */
  private refresh(): void {
    this.renderRoot.querySelector<OrderAdmin>('order-admin')?.current?.refresh();
  }

  private onSimulateChange(event: Event): void {
    this.simulating = (event.target as HTMLInputElement).checked;
    if (this.simulating) void this.beginSimulation(this.generation);
    else this.endSimulation();
  }

  /**
   * Customers placing orders: a second engine instance on the same database (as a storefront would be)
   * creates them, so the admin's instance hears of each as `other-tab` and the store raises an alert.
   */
  private async beginSimulation(generation: number): Promise<void> {
    this.endSimulation();
    const run = ++this.simulationRun;
    const { preset } = this.params;
    try {
      const shop = await createLocalApi({ workflow: getPreset(preset), viewer: SHOPFRONT, dbName: `orderdeck-demo-${preset}` });
      if (generation !== this.generation || run !== this.simulationRun || !this.simulating) return shop.close();
      const stop = startSimulation(shop, { preset, every: SIMULATION_EVERY_MS, seed: Date.now() % 100_000 });
      this.stopSimulation = () => {
        stop();
        shop.close();
      };
    } catch (e) {
      this.simulating = false;
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  private endSimulation(): void {
    this.simulationRun++;
    this.stopSimulation?.();
    this.stopSimulation = undefined;
  }

  private change(patch: Partial<DemoParams>): void {
    const before = this.params;
    this.params = { ...before, ...patch };
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(this.params)) url.searchParams.set(k, String(v));
    history.replaceState(null, '', url);
    if (patch.locale && patch.locale !== before.locale) void setLocale(patch.locale);
    if (patch.preset || patch.viewer || patch.size) void this.open(!!patch.size && patch.size !== before.size);
  }

  /** Opens (and seeds when empty, resized or asked to) the preset's database for the viewer. */
  private async open(reseed: boolean): Promise<void> {
    const generation = ++this.generation;
    const { preset, viewer: viewerId, size } = this.params;
    const workflow = getPreset(preset);
    const viewer = demoViewers.find((v) => v.id === viewerId) ?? demoViewers[0]!;
    this.endSimulation();
    this.ready = undefined;
    this.api?.close();
    this.failure = '';
    try {
      this.busy = 'Opening…';
      const api = await createLocalApi({ workflow, viewer, dbName: `orderdeck-demo-${preset}` });
      if (generation !== this.generation) return api.close();
      this.api = api;
      const seededKey = `orderdeck-demo:${preset}:size`;
      if (reseed || (await api.size()) === 0 || localStorage.getItem(seededKey) !== String(size)) {
        this.busy = `Seeding ${size.toLocaleString()} orders…`;
        const started = performance.now();
        await api.seed({ preset, count: size, seed: 1 });
        localStorage.setItem(seededKey, String(size));
        this.busy = `Seeded ${size.toLocaleString()} orders in ${Math.round(performance.now() - started)} ms`;
      } else {
        this.busy = '';
      }
      if (generation !== this.generation) return;
      this.ready = { api, preset, viewer };
      if (this.simulating) await this.beginSimulation(generation);
    } catch (e) {
      this.busy = '';
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }
}

defineElement('demo-app', DemoApp);
