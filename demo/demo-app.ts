/**
 * The evaluation page's shell: a bar of switches kept in the URL's search — preset, viewer, language,
 * theme, data size, simulated activity and backend — the embedded IndexedDB engine seeded with demo
 * orders, and `<order-admin>` below it, which makes the store from the adapter, preset and viewer and
 * keeps its own route and list query in the URL's hash. Everything it shows comes from the real
 * adapter through the real store; the orders themselves stay in IndexedDB across reloads until
 * "Reset data".
 *
 * The shell renders into the light DOM: it is the host page, so the themes in `themes/*.css` style
 * `<order-admin>` exactly as a merchant's stylesheet would (tokens and `::part()` on the element).
 */
import { deleteDB } from 'idb';
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { createLocalApi, createSimulatedAccounting, type ChangeEvent, type LocalOrderApi, type OrderApi, type SimulatedAccounting } from '../src/api/index.js';
import { startCourierSimulation } from '../src/api/local/courier-sim.js';
import { buyerCancellationActions, startCancellationRequests, startSimulation } from '../src/api/local/simulate.js';
import { defineElement } from '../src/define-element.js';
import { allLocales, getLocale, localeChanges, resolveText, setLocale, type Locale } from '../src/i18n/index.js';
import { demoCatalog } from '../src/model/csv/catalog.js';
import { demoAgents, demoAnchor, demoStores, demoViewers, generateOrders } from '../src/model/generate.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../src/model/presets/index.js';
import type { Order, Person, Viewer } from '../src/model/types.js';
import type { OrderAdmin } from '../src/components/order-admin/order-admin.js';

const SIZES = [1000, 10000, 100000] as const;

/** The simulated storefront, marketplace and courier service act as this system viewer, on their own engine instance. */
const SHOPFRONT: Viewer = { id: 'usr_simulated_shop', name: 'Storefront (simulated)', role: 'superadmin', storeIds: [] };

/**
 * One speed for everything the simulated outside world does: buyers placing orders, couriers
 * reporting progress on booked shipments, and buyers asking to cancel. Milliseconds between beats;
 * `shipmentsOnTheWay`: how many of the seeded shipments already on their way the couriers pick up
 * (the newest), besides every booking made while the page is open.
 */
export const ACTIVITY = {
  off: undefined,
  slow: { orders: 30_000, courier: 5_000, cancellations: 45_000, shipmentsOnTheWay: 5 },
  normal: { orders: 10_000, courier: 2_500, cancellations: 20_000, shipmentsOnTheWay: 15 },
  fast: { orders: 3_000, courier: 800, cancellations: 6_000, shipmentsOnTheWay: 40 },
} as const;
export type Activity = keyof typeof ACTIVITY;
/** Each shipped locale by its own name (a locale added to lit-localize.json fails to compile until named here). */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', id: 'Bahasa Indonesia', ms: 'Bahasa Melayu' };

const ACTIVITY_LABELS: Record<Activity, string> = { off: 'Off', slow: 'Slow', normal: 'Normal', fast: 'Fast' };
/** One courier booking in five takes a failure branch (no courier found, or delivery failed), so the demo shows them. */
const COURIER_FAILURE_RATE = 0.2;

export const THEMES = { light: 'Light', dark: 'Dark', brand: 'Brand (Kopi Senja)' } as const;
export type Theme = keyof typeof THEMES;

/**
 * Where `<order-admin>`'s `api` comes from. `local`: the embedded IndexedDB engine, directly. `rest`:
 * the REST adapter talking HTTP to the MSW mock server, which serves the same engine (see `openBackend`).
 */
export type Backend = 'local' | 'rest';
const BACKENDS: readonly { key: Backend; label: string; available: boolean }[] = [
  { key: 'local', label: 'Embedded (IndexedDB)', available: true },
  { key: 'rest', label: 'REST over HTTP (MSW mock)', available: typeof navigator.serviceWorker !== 'undefined' },
];

export interface DemoParams {
  preset: PresetKey;
  viewer: string;
  locale: string;
  theme: Theme;
  size: number;
  activity: Activity;
  backend: Backend;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

function readParams(): DemoParams {
  const p = new URLSearchParams(location.search);
  const backend = oneOf(p.get('backend'), BACKENDS.map((b) => b.key), 'local');
  return {
    preset: oneOf(p.get('preset'), PRESET_KEYS, 'confirm-first'),
    viewer: oneOf(p.get('viewer'), demoViewers.map((v) => v.id), demoViewers[0]!.id),
    locale: oneOf(p.get('locale'), allLocales, 'en'),
    theme: oneOf(p.get('theme'), Object.keys(THEMES) as Theme[], 'light'),
    size: SIZES.includes(Number(p.get('size')) as (typeof SIZES)[number]) ? Number(p.get('size')) : 1000,
    activity: oneOf(p.get('activity'), Object.keys(ACTIVITY) as Activity[], 'slow'),
    backend: BACKENDS.find((b) => b.key === backend)?.available ? backend : 'local',
  };
}

/** What the admin talks to, and the engine behind it (which the demo seeds and simulates on). */
interface OpenBackend {
  readonly api: OrderApi;
  readonly engine: LocalOrderApi;
  /**
   * The simulated "SQL Account" (presets that post to accounting, embedded backend only): the REST
   * backend has no accounting connector yet, so the admin shows no posting history there.
   */
  readonly accounting?: SimulatedAccounting;
  /** Resolves once the backend is gone (the REST mock has stopped intercepting), so the next can start. */
  close(): Promise<void>;
}

/**
 * The backend seam. Every backend keeps its data in the preset's IndexedDB database, which the demo
 * seeds through `engine` and the simulations write to; what differs is how `<order-admin>` reaches it:
 * - `local`: the engine itself is the `OrderApi`.
 * - `rest`: MSW's service worker (`mockServiceWorker.js`, beside the page) serves the REST contract
 *   from the same database under `./api`, and the admin gets `createRestApi` pointed at it, with the
 *   viewer's id as its bearer token (the mock's default authentication). msw loads only then.
 */
async function openBackend(backend: Backend, engine: LocalOrderApi, preset: PresetKey, viewer: Viewer, accounting?: SimulatedAccounting): Promise<OpenBackend> {
  if (backend === 'local') {
    return {
      api: engine,
      engine,
      ...(accounting && { accounting }),
      close: async () => {
        accounting?.close();
        engine.close();
      },
    };
  }
  accounting?.close();
  const [{ setupMockWorker }, { createRestApi }] = await Promise.all([import('../src/api/mock/index.js'), import('../src/api/rest/index.js')]);
  const baseUrl = new URL('api', document.baseURI).href;
  const mock = await setupMockWorker({
    baseUrl,
    preset,
    dbName: `orderdeck-demo-${preset}`,
    stores: demoStores,
    workerUrl: new URL('mockServiceWorker.js', document.baseURI).href,
  });
  const api = createRestApi({ baseUrl, headers: () => ({ Authorization: `Bearer ${viewer.id}` }) });
  return {
    api,
    engine,
    // The service worker stays registered: other tabs of the demo share it.
    close: async () => {
      engine.close();
      await mock.stop();
    },
  };
}

/**
 * The marketplace hub's own drivers, offered by Self deliver (the other presets' seeded orders carry
 * their agents, which the admin finds on its own).
 */
/** Delivery agents and drivers of the demo stores: the order form, the bulk bar and self-delivery offer them. */
const DEMO_AGENTS: readonly Person[] = demoAgents();

/** What the simulations did since the activity started, counted from the admin's change events. */
interface ActivityCount {
  orders: number;
  courier: number;
  cancellations: number;
}

export class DemoApp extends LitElement {
  @state() private params = readParams();
  /** What `<order-admin>` makes its store from, once the database is open and seeded. */
  @state() private ready: { backend: OpenBackend; preset: PresetKey; viewer: Viewer } | undefined;
  @state() private busy = '';
  @state() private failure = '';
  /** "Seeded 1,000 orders in 357 ms.", after a seed. */
  @state() private seeded = '';
  @state() private counts: ActivityCount = { orders: 0, courier: 0, cancellations: 0 };
  /** The switches on a narrow screen: hidden behind "Demo settings" until opened. */
  @state() private settingsOpen = false;

  private readonly locale = localeChanges(this);
  private generation = 0;
  /** Stops every simulation, unsubscribes the counter and closes the simulations' engine instance. */
  private stopActivity: (() => void) | undefined;
  private activityRun = 0;

  /** The host page's own light DOM: the page's stylesheets (demo.css, themes/*.css) apply. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void setLocale(this.params.locale);
    void this.open(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endActivity();
    void this.ready?.backend.close();
    this.ready = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('params')) {
      const root = document.documentElement;
      root.dataset['theme'] = this.params.theme;
      root.lang = this.params.locale;
    }
  }

  override render() {
    void this.locale;
    const p = this.params;
    const theme = `od-theme-${p.theme}`;
    return html`
      <header class="demo-bar">
        <div class="demo-title">
          <h1>orderdeck <span>demo</span></h1>
          <nav aria-label="Demo pages">
            <a href="./" aria-current="page">Admin</a>
            <a href=${`./embed.html?locale=${p.locale}`}>Embedded islands</a>
            <a href="./guide.html">Developer guide</a>
          </nav>
          <button
            type="button"
            class="demo-settings-toggle"
            aria-expanded=${this.settingsOpen ? 'true' : 'false'}
            aria-controls="demo-switches"
            @click=${() => (this.settingsOpen = !this.settingsOpen)}
          >
            Demo settings
          </button>
        </div>
        <div id="demo-switches" class="demo-switches" ?data-open=${this.settingsOpen}>
          ${this.select('Preset', 'preset', p.preset, PRESET_KEYS.map((k) => [k, resolveText(getPreset(k).label)]))}
          ${this.select(
            'Viewer',
            'viewer',
            p.viewer,
            demoViewers.map((v) => [v.id, `${v.name} · ${v.role}${v.role === 'staff' ? ` (${v.storeIds.length} store${v.storeIds.length > 1 ? 's' : ''})` : ''}`]),
          )}
          ${this.select('Language', 'locale', getLocale(), allLocales.map((l) => [l, LANGUAGE_NAMES[l]]))}
          ${this.select('Theme', 'theme', p.theme, Object.entries(THEMES))}
          ${this.select('Data size', 'size', String(p.size), SIZES.map((n) => [String(n), `${n.toLocaleString('en')} orders`]))}
          ${this.select('Simulated activity', 'activity', p.activity, Object.entries(ACTIVITY_LABELS), 'activity-help')}
          <label class="demo-switch">
            <span>Backend</span>
            <select name="backend" @change=${(e: Event) => this.change({ backend: (e.target as HTMLSelectElement).value as Backend })}>
              ${BACKENDS.map((b) => html`<option value=${b.key} ?disabled=${!b.available} ?selected=${b.key === p.backend}>${b.label}</option>`)}
            </select>
          </label>
          <button type="button" class="demo-reset" @click=${() => this.open(true)} ?disabled=${!!this.busy}>Reset data</button>
        </div>
        <span id="activity-help" class="demo-visually-hidden">New orders, courier progress and buyer cancellation requests</span>
        <p class="demo-status">
          <span role="status">${this.busy || this.seeded}</span>
          ${this.busy ? nothing : html`<span>${this.activityLine()}</span>`}
          ${this.failure ? html`<span class="demo-error" role="alert">${this.failure}</span>` : nothing}
        </p>
      </header>
      <main class="demo-main">
        ${this.ready
          ? html`<order-admin
              class=${theme}
              .api=${this.ready.backend.api}
              .accounting=${this.ready.backend.accounting}
              preset=${this.ready.preset}
              .viewer=${this.ready.viewer}
              .stores=${demoStores}
              .catalog=${demoCatalog()}
              .people=${DEMO_AGENTS}
            >
              <p slot="header" class="demo-who">${this.who(this.ready.viewer)}</p>
              <button slot="toolbar-actions" class="demo-refresh" @click=${this.refresh}>Refresh</button>
            </order-admin>`
          : html`<p class="demo-loading">${this.busy || 'Loading…'}</p>`}
      </main>
    `;
  }

  /** One labelled switch: a native select (keyboard and screen readers for free). */
  private select(label: string, name: keyof DemoParams, value: string, options: readonly (readonly [string, string])[], describedBy?: string) {
    return html`<label class="demo-switch">
      <span>${label}</span>
      <select name=${name} aria-describedby=${describedBy ?? nothing} @change=${(e: Event) => this.onSelect(name, (e.target as HTMLSelectElement).value)}>
        ${options.map(([key, text]) => html`<option value=${key} ?selected=${key === value}>${text}</option>`)}
      </select>
    </label>`;
  }

  private onSelect(name: keyof DemoParams, value: string): void {
    this.change({ [name]: name === 'size' ? Number(value) : value } as Partial<DemoParams>);
  }

  /** The status line: what the simulated outside world has done since the activity started. */
  private activityLine(): string {
    const { activity, preset } = this.params;
    if (activity === 'off') return 'Simulated activity is off.';
    const { orders, courier, cancellations } = this.counts;
    const cancels = buyerCancellationActions(getPreset(preset)).length > 0;
    const parts = [
      `${orders} new order${orders === 1 ? '' : 's'}`,
      `${courier} courier update${courier === 1 ? '' : 's'}`,
      cancels ? `${cancellations} buyer cancellation${cancellations === 1 ? '' : 's'}` : 'no buyer cancellations in this preset',
    ];
    return `Simulated (${ACTIVITY_LABELS[activity].toLowerCase()}): ${parts.join(' · ')}`;
  }

  /** The header slot's line: who is signed in and which stores they see. */
  private who(viewer: Viewer) {
    const names = viewer.storeIds.map((id) => demoStores.find((s) => s.id === id)?.name ?? id);
    const scope = viewer.role === 'staff' ? names.join(', ') : 'all stores';
    return html`Signed in as <strong>${viewer.name}</strong> (${viewer.role}) · ${scope}`;
  }

  /** The toolbar-actions slot's button: reloads the list and counts through the admin's store. */
  private refresh(): void {
    this.querySelector<OrderAdmin>('order-admin')?.current?.refresh();
  }

  private change(patch: Partial<DemoParams>): void {
    const before = this.params;
    this.params = { ...before, ...patch };
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(this.params)) url.searchParams.set(k, String(v));
    // The admin's route and list query (tab, filters) belong to the preset it was made for.
    if (patch.preset && patch.preset !== before.preset) url.hash = '';
    history.replaceState(history.state, '', url);
    if (patch.locale && patch.locale !== before.locale) void setLocale(patch.locale);
    const reopen = (['preset', 'viewer', 'size', 'backend'] as const).some((k) => k in patch && patch[k] !== before[k]);
    if (reopen) void this.open(!!patch.size && patch.size !== before.size);
    else if (patch.activity && patch.activity !== before.activity && this.ready) void this.beginActivity(this.generation);
  }

  /** Opens (and seeds when empty, resized or asked to) the preset's database for the viewer. */
  private async open(reseed: boolean): Promise<void> {
    const generation = ++this.generation;
    const { preset, viewer: viewerId, size, backend } = this.params;
    const workflow = getPreset(preset);
    const viewer = demoViewers.find((v) => v.id === viewerId) ?? demoViewers[0]!;
    this.endActivity();
    const previous = this.ready?.backend;
    this.ready = undefined;
    // The next backend starts only once the previous one has let go (the REST mock's worker client).
    await previous?.close();
    this.failure = '';
    this.seeded = '';
    try {
      this.busy = 'Opening…';
      const engine = await createLocalApi({ workflow, viewer, dbName: `orderdeck-demo-${preset}`, catalog: demoCatalog() });
      if (generation !== this.generation) return engine.close();
      const seededKey = `orderdeck-demo:${preset}:size`;
      // Demo data is generated back from today (reseeded once a day), so "Today" and "Last 7 days" hold orders.
      const anchor = demoAnchor(new Date());
      const seededAs = `${size}@${anchor.slice(0, 10)}`;
      // Generated once per reseed: the orders and the accounting history are seeded from the same data.
      let seeded: readonly Order[] | undefined;
      if (reseed || (await engine.size()) === 0 || localStorage.getItem(seededKey) !== seededAs) {
        this.busy = `Seeding ${size.toLocaleString('en')} orders…`;
        const started = performance.now();
        seeded = generateOrders({ preset, count: size, seed: 1, now: anchor });
        await engine.seed({ orders: seeded, stores: demoStores });
        localStorage.setItem(seededKey, seededAs);
        this.seeded = `Seeded ${size.toLocaleString('en')} orders in ${Math.round(performance.now() - started).toLocaleString('en')} ms.`;
      }
      const accounting = backend === 'local' ? await this.openAccounting(engine, preset, viewer, size, seeded, anchor) : undefined;
      if (generation !== this.generation) return accounting?.close();
      const opened = await openBackend(backend, engine, preset, viewer, accounting);
      if (generation !== this.generation) return void opened.close();
      this.busy = '';
      this.ready = { backend: opened, preset, viewer };
      await this.beginActivity(generation);
    } catch (e) {
      this.busy = '';
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * The simulated accounting system for presets that post to it, its batches in their own database
   * beside the orders'. Its history is seeded from the same generated orders (completed, failed and
   * in-progress postings, the last resolving a few seconds after the page opens).
   */
  private async openAccounting(
    engine: LocalOrderApi,
    preset: PresetKey,
    viewer: Viewer,
    size: number,
    seeded: readonly Order[] | undefined,
    anchor: string,
  ): Promise<SimulatedAccounting | undefined> {
    if (!getPreset(preset).actions.some((a) => a.operation === 'post-accounting')) return undefined;
    const dbName = `orderdeck-demo-${preset}-accounting`;
    const key = `orderdeck-demo:${preset}:postings`;
    const reseed = seeded !== undefined || localStorage.getItem(key) !== String(size);
    // Reseeded orders reuse ids: the old history must not resume (or time out) onto them.
    if (reseed) await deleteDB(dbName);
    const accounting = await createSimulatedAccounting({ orders: engine, viewer, dbName });
    if (reseed) {
      await accounting.seedFromOrders(seeded ?? generateOrders({ preset, count: size, seed: 1, now: anchor }));
      localStorage.setItem(key, String(size));
    }
    return accounting;
  }

  /**
   * The outside world at the chosen speed, on a second engine instance on the same database (as a
   * storefront, marketplace and courier service would be): buyers place orders and ask to cancel,
   * couriers report progress. The admin's instance hears of each change as `other-tab`: new orders
   * raise the bell, and lists, counts and open orders follow.
   */
  private async beginActivity(generation: number): Promise<void> {
    this.endActivity();
    const run = ++this.activityRun;
    const { preset, activity } = this.params;
    const speed = ACTIVITY[activity];
    this.counts = { orders: 0, courier: 0, cancellations: 0 };
    const admin = this.ready?.backend.engine;
    if (!speed || !admin) return;
    try {
      const workflow = getPreset(preset);
      const shop = await createLocalApi({ workflow, viewer: SHOPFRONT, dbName: `orderdeck-demo-${preset}` });
      if (generation !== this.generation || run !== this.activityRun) return shop.close();
      const cancelKeys = new Set(buyerCancellationActions(workflow).map((a) => a.key));
      const courierKeys = new Set(workflow.actions.filter((a) => a.operation === 'courier-event').map((a) => a.key));
      const count = (event: ChangeEvent): void => {
        if (event.origin === 'self') return;
        const c = { ...this.counts };
        if (event.type === 'order-created') c.orders++;
        else if (event.type === 'order-updated' && event.cause && courierKeys.has(event.cause)) c.courier++;
        else if (event.type === 'order-updated' && event.cause && cancelKeys.has(event.cause)) c.cancellations++;
        else return;
        this.counts = c;
      };
      const stops = [
        admin.subscribe(count),
        startSimulation(shop, { preset, every: speed.orders, seed: Date.now() % 100_000, startNow: false }),
        startCourierSimulation(shop, { speed: speed.courier, failureRate: COURIER_FAILURE_RATE, seed: 1, scanLimit: speed.shipmentsOnTheWay }),
        startCancellationRequests(shop, { every: speed.cancellations, seed: Date.now() % 100_000 }),
      ];
      this.stopActivity = () => {
        for (const stop of stops) stop();
        shop.close();
      };
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }

  private endActivity(): void {
    this.activityRun++;
    this.stopActivity?.();
    this.stopActivity = undefined;
  }
}

defineElement('demo-app', DemoApp);
