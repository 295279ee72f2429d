/**
 * The evaluation page's shell: preset, viewer, locale and data-size switches (kept in the URL), the
 * embedded IndexedDB engine seeded with demo orders, one store per (preset, viewer), and the plain
 * list below. Everything it shows comes from the real local adapter through the real store.
 */
import { LitElement, css, html, nothing } from 'lit';
import { defineElement } from '../src/define-element.js';
import { state } from 'lit/decorators.js';
import { createLocalApi, type LocalOrderApi } from '../src/api/index.js';
import { allLocales, getLocale, localeChanges, resolveText, setLocale } from '../src/i18n/index.js';
import { demoStores, demoViewers } from '../src/model/generate.js';
import { getPreset, PRESET_KEYS, type PresetKey } from '../src/model/presets/index.js';
import { createOrderStore } from '../src/state/index.js';
import type { OrderStore } from '../src/state/types.js';
import './demo-list.js';

const SIZES = [1000, 10000, 100000] as const;

interface DemoParams {
  preset: PresetKey;
  viewer: string;
  locale: string;
  size: number;
}

function readParams(): DemoParams {
  const p = new URLSearchParams(location.search);
  const preset = PRESET_KEYS.includes(p.get('preset') as PresetKey) ? (p.get('preset') as PresetKey) : 'confirm-first';
  const viewer = demoViewers.some((v) => v.id === p.get('viewer')) ? (p.get('viewer') as string) : demoViewers[0]!.id;
  const locale = (allLocales as readonly string[]).includes(p.get('locale') ?? '') ? (p.get('locale') as string) : 'en';
  const size = SIZES.includes(Number(p.get('size')) as (typeof SIZES)[number]) ? Number(p.get('size')) : 1000;
  return { preset, viewer, locale, size };
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
    .error { color: #b42318; }
  `;

  @state() private params = readParams();
  @state() private store: OrderStore | undefined;
  @state() private busy = '';
  @state() private failure = '';

  private readonly locale = localeChanges(this);
  private api: LocalOrderApi | undefined;
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void setLocale(this.params.locale);
    void this.open(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.dispose();
    this.api?.close();
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
        <button @click=${() => this.open(true)} ?disabled=${!!this.busy}>Reset data</button>
        <span class="status" role="status">${this.busy}</span>
        ${this.failure ? html`<span class="error" role="alert">${this.failure}</span>` : nothing}
      </header>
      <main>
        ${this.store
          ? html`<order-provider .store=${this.store}><demo-order-list .storeNames=${storeNames}></demo-order-list></order-provider>`
          : nothing}
      </main>
    `;
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
    this.store?.dispose();
    this.api?.close();
    this.store = undefined;
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
      this.store = createOrderStore({ api, workflow, viewer });
    } catch (e) {
      this.busy = '';
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }
}

defineElement('demo-app', DemoApp);
