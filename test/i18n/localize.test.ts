import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import {
  allLocales,
  getLocale,
  localeChanges,
  matchLocale,
  onLocaleChange,
  setLocale,
  sourceLocale,
} from '../../src/i18n/localize.js';
import { uiStrings } from '../../src/i18n/messages.js';

/** Test-only element: a shared string through the LocaleController hook. */
@customElement('test-i18n-controller')
class TestI18nController extends LitElement {
  private readonly i18n = localeChanges(this);

  override render() {
    return html`<h1>${uiStrings.orders()}</h1><span>${this.i18n.locale}</span>`;
  }
}

/** Test-only element: an inline `msg()` through @lit/localize's own decorator. */
@localized()
@customElement('test-i18n-decorated')
class TestI18nDecorated extends LitElement {
  override render() {
    return html`<h1>${msg('Orders')}</h1>`;
  }
}

const heading = (el: LitElement) => el.shadowRoot!.querySelector('h1')!.textContent;

describe('i18n/localize', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('starts in the source locale with every locale listed', () => {
    expect(sourceLocale).to.equal('en');
    expect([...allLocales]).to.deep.equal(['en', 'id', 'ms']);
    expect(getLocale()).to.equal('en');
  });

  it('re-renders an element using the controller hook live when the locale changes', async () => {
    const el = await fixture<TestI18nController>(html`<test-i18n-controller></test-i18n-controller>`);
    expect(heading(el)).to.equal('Orders');
    await setLocale('id');
    await el.updateComplete;
    expect(heading(el)).to.equal('Pesanan');
    expect(el.shadowRoot!.querySelector('span')!.textContent).to.equal('id');
    await setLocale('en');
    await el.updateComplete;
    expect(heading(el)).to.equal('Orders');
  });

  it('re-renders an element using @localized() live when the locale changes', async () => {
    const el = await fixture<TestI18nDecorated>(html`<test-i18n-decorated></test-i18n-decorated>`);
    expect(heading(el)).to.equal('Orders');
    await setLocale('id');
    await el.updateComplete;
    expect(heading(el)).to.equal('Pesanan');
  });

  it('catches up when an element was detached during a locale change', async () => {
    const el = await fixture<TestI18nController>(html`<test-i18n-controller></test-i18n-controller>`);
    const parent = el.parentElement!;
    el.remove();
    await setLocale('id');
    parent.append(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('Pesanan');
  });

  it('translates every shared string into Indonesian', async () => {
    const expected = {
      orders: ['Orders', 'Pesanan'],
      search: ['Search', 'Cari'],
      status: ['Status', 'Status'],
      total: ['Total', 'Total'],
      customer: ['Customer', 'Pelanggan'],
      store: ['Store', 'Toko'],
      retry: ['Retry', 'Coba lagi'],
      cancel: ['Cancel', 'Batal'],
      confirm: ['Confirm', 'Konfirmasi'],
      loading: ['Loading…', 'Memuat…'],
      noOrdersMatch: ['No orders match', 'Tidak ada pesanan yang cocok'],
    } satisfies Record<keyof typeof uiStrings, [string, string]>;
    const read = () => Object.fromEntries(Object.entries(uiStrings).map(([k, f]) => [k, f()]));
    const english = read();
    await setLocale('id');
    const indonesian = read();
    for (const [key, [en, id]] of Object.entries(expected)) {
      expect(english[key], key).to.equal(en);
      expect(indonesian[key], key).to.equal(id);
    }
  });

  it('matches a requested locale to a supported one', async () => {
    expect(matchLocale('id')).to.equal('id');
    expect(matchLocale('id-ID')).to.equal('id');
    expect(matchLocale('ID_id')).to.equal('id');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('ms-MY')).to.equal('ms');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      expect(matchLocale('fr')).to.equal('en');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    await setLocale('id-ID');
    expect(getLocale()).to.equal('id');
  });

  it('notifies locale listeners until they unsubscribe', async () => {
    const seen: string[] = [];
    const unsubscribe = onLocaleChange((locale) => seen.push(locale));
    await setLocale('id');
    await setLocale('en');
    unsubscribe();
    await setLocale('id');
    expect(seen).to.deep.equal(['id', 'en']);
  });
});

describe('i18n/localize with several copies on one page', () => {
  type LocalizeModule = typeof import('../../src/i18n/localize.js');
  const SHARED = Symbol.for('orderdeck.localization');
  const shared = globalThis as typeof globalThis & { [SHARED]?: unknown };

  afterEach(async () => {
    await setLocale('en');
  });

  it('lets a second copy of orderdeck share the first copy’s configuration', async () => {
    const copy = (await import(`../../src/i18n/localize.ts?copy=${Date.now()}`)) as LocalizeModule;
    await copy.setLocale('id');
    expect(getLocale()).to.equal('id');
    expect(uiStrings.orders()).to.equal('Pesanan');
  });

  it('follows the host’s locale when the host configured @lit/localize itself', async () => {
    const ours = shared[SHARED];
    delete shared[SHARED];
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    let copy: LocalizeModule;
    try {
      // Our own configuration stands in for the host's: @lit/localize is already configured.
      copy = (await import(`../../src/i18n/localize.ts?host=${Date.now()}`)) as LocalizeModule;
    } finally {
      shared[SHARED] = ours;
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(copy.getLocale()).to.equal('en');
    await setLocale('id');
    expect(copy.getLocale()).to.equal('id');
    let refused: unknown;
    await copy.setLocale('en').catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(Error);
  });
});
