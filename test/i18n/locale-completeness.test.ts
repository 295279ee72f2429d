/**
 * Every shipped locale is complete: each `msg()` string (shared labels, timeline templates, element
 * text) has a translation in `xliff/<locale>.xlf` with the source's placeholders, the generated module
 * matches the XLIFF, and every label and description of the five workflow presets reads in the
 * locale. A failure names what is missing; see README "Localisation" for the fix.
 */
import { expect } from '@open-wc/testing';
import { allLocales, setLocale, targetLocales } from '../../src/i18n/localize.js';
import { uiStrings } from '../../src/i18n/messages.js';
import { resolveText } from '../../src/i18n/text.js';
import { formatDate, formatDateTime, formatMoney, formatRelative, intlLocale } from '../../src/i18n/format.js';
import { templates as idTemplates } from '../../src/i18n/generated/id.js';
import { templates as msTemplates } from '../../src/i18n/generated/ms.js';
import { money } from '../../src/model/money.js';
import { PRESET_KEYS, presets } from '../../src/model/presets/index.js';
import { ms as malayTable, msInContext } from '../../src/model/presets/ms.js';
import { textIn } from '../../src/model/workflow/text.js';
import type { LocalizedText } from '../../src/model/workflow/types.js';

type TargetLocale = (typeof targetLocales)[number];

/** The generated module of each target locale (a locale added to lit-localize.json fails to compile until listed). */
const generated: Record<TargetLocale, Record<string, unknown>> = { id: idTemplates, ms: msTemplates };

interface Unit {
  readonly id: string;
  readonly source: string;
  readonly target: string | undefined;
}

/** Every `<trans-unit>` of an XLIFF file: id, source and target text. */
async function readXliff(locale: string): Promise<Unit[]> {
  const response = await fetch(`/xliff/${locale}.xlf`);
  expect(response.ok, `xliff/${locale}.xlf is missing: run \`npx lit-localize extract\``).to.equal(true);
  const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
  return [...doc.getElementsByTagName('trans-unit')].map((unit) => ({
    id: unit.getAttribute('id')!,
    source: flatten(unit.getElementsByTagName('source')[0])!,
    target: flatten(unit.getElementsByTagName('target')[0]),
  }));
}

/** A source or target's text with each `<x id="N"/>` placeholder written as `{N}`, as `templateText` writes it. */
function flatten(node: Element | undefined): string | undefined {
  if (!node) return undefined;
  return [...node.childNodes]
    .map((child) => (child.nodeType === Node.ELEMENT_NODE ? `{${(child as Element).getAttribute('id')}}` : child.textContent))
    .join('');
}

/** A generated template (a string, or a `str` result with numbered placeholders) as flat text. */
function templateText(template: unknown): string {
  if (typeof template === 'string') return template;
  const { strings, values } = template as { strings: readonly string[]; values: readonly unknown[] };
  return strings.reduce((text, part, i) => text + part + (i < values.length ? `{${String(values[i])}}` : ''), '');
}

const placeholders = (text: string): string[] => (text.match(/\{\d+\}/g) ?? []).sort();

/** Every localized text of a workflow definition, with where it is (`marketplace.actions[3].label`). */
function workflowTexts(value: unknown, path: string, out: { path: string; text: LocalizedText }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => workflowTexts(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'label' || key === 'description') out.push({ path: `${path}.${key}`, text: child as LocalizedText });
      else workflowTexts(child, `${path}.${key}`, out);
    }
  }
  return out;
}

const presetTexts = PRESET_KEYS.flatMap((key) => workflowTexts(presets[key], key));

describe('i18n/locale completeness', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('ships English, Indonesian and Malay', () => {
    expect([...allLocales]).to.deep.equal(['en', 'id', 'ms']);
    expect(Object.keys(generated).sort()).to.deep.equal([...targetLocales].sort());
  });

  for (const locale of targetLocales) {
    describe(`${locale}`, () => {
      it('has a translation for every extracted message, with the source’s placeholders', async () => {
        const units = await readXliff(locale);
        expect(units.length).to.be.greaterThan(700);
        const untranslated = units.filter((u) => !u.target?.trim()).map((u) => `${u.id}: ${u.source}`);
        expect(untranslated, `untranslated in xliff/${locale}.xlf: add each <target>, then \`npx lit-localize build\``).to.deep.equal([]);
        const broken = units
          .filter((u) => u.target !== undefined && placeholders(u.target).join() !== placeholders(u.source).join())
          .map((u) => `${u.id}: ${u.source} → ${u.target}`);
        expect(broken, `placeholders differ from the source in xliff/${locale}.xlf`).to.deep.equal([]);
      });

      it('has the same messages as every other locale, and a generated module that matches its XLIFF', async () => {
        const units = await readXliff(locale);
        const ids = units.map((u) => u.id).sort();
        for (const other of targetLocales) {
          const otherIds = (await readXliff(other)).map((u) => u.id).sort();
          expect(ids, `xliff/${locale}.xlf and xliff/${other}.xlf list different messages: run \`npx lit-localize extract\``).to.deep.equal(otherIds);
        }
        const fromXliff = Object.fromEntries(units.map((u) => [u.id, u.target]));
        const built = Object.fromEntries(Object.entries(generated[locale]).map(([id, t]) => [id, templateText(t)]));
        expect(built, `src/i18n/generated/${locale}.ts is stale: run \`npx lit-localize build\``).to.deep.equal(fromXliff);
      });

      it('reads every label and description of the five presets', () => {
        expect(presetTexts.length).to.be.greaterThan(100);
        const plain = presetTexts.filter(({ text }) => typeof text === 'string').map(({ path, text }) => `${path}: "${String(text)}"`);
        expect(plain, 'preset text must be localized with t(English, Indonesian)').to.deep.equal([]);
        const missing = presetTexts
          .filter(({ text }) => textIn(text, locale) === undefined)
          .map(({ path, text }) => `${path}: "${typeof text === 'string' ? text : text.en}"`);
        expect(missing, `preset text without ${locale}${locale === 'ms' ? ' (add it to src/model/presets/ms.ts, keyed by the English)' : ''}`).to.deep.equal([]);
      });
    });
  }

  it('has no Malay preset entry that no preset uses (a renamed label leaves one behind)', () => {
    const english = new Set(presetTexts.map(({ text }) => (typeof text === 'string' ? text : text.en)));
    const contexts = new Set(presetTexts.map(({ text }) => (typeof text === 'string' ? '' : `${text.en}\n${text.id}`)));
    expect(Object.keys(malayTable).filter((en) => !english.has(en))).to.deep.equal([]);
    expect(Object.keys(msInContext).filter((key) => !contexts.has(key))).to.deep.equal([]);
  });

  it('resolves preset labels in Malay, telling one English label apart by context', () => {
    const marketplace = presets.marketplace;
    const status = marketplace.statuses.find((s) => s.key === 'to-ship')!;
    const action = marketplace.actions.find((a) => a.label !== status.label && typeof a.label !== 'string' && a.label.en === 'To Ship')!;
    expect(resolveText(status.label, 'ms')).to.equal('Untuk Dihantar');
    expect(resolveText(action.label, 'ms-MY')).to.equal('Atur Penghantaran');
    expect(resolveText(presets['payment-fulfillment'].label, 'ms')).to.equal('Bayaran & pemenuhan');
    // Text that carries its own Malay keeps it; text with no Malay anywhere falls back to English.
    expect(resolveText({ en: 'Completed', id: 'Selesai', ms: 'Siap' }, 'ms')).to.equal('Siap');
    expect(resolveText({ en: 'Awaiting pickup', id: 'Menunggu diambil' }, 'ms')).to.equal('Awaiting pickup');
    expect(resolveText({ en: 'Completed', id: 'Selesai' }, 'ms')).to.equal('Selesai');
  });

  it('translates every shared string into Malay', async () => {
    const expected = {
      orders: 'Pesanan',
      search: 'Cari',
      status: 'Status',
      total: 'Jumlah',
      customer: 'Pelanggan',
      store: 'Kedai',
      retry: 'Cuba semula',
      cancel: 'Batal',
      confirm: 'Sahkan',
      loading: 'Memuatkan…',
      noOrdersMatch: 'Tiada pesanan yang sepadan',
    } satisfies Record<keyof typeof uiStrings, string>;
    await setLocale('ms-MY');
    const malay = Object.fromEntries(Object.entries(uiStrings).map(([k, f]) => [k, f()]));
    expect(malay).to.deep.equal(expected);
  });

  it('formats ringgit and dates in Malaysian Malay through Intl', async () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(intlLocale('ms')).to.equal('ms-MY');
    expect(plain(formatMoney(money(12345, 'MYR'), 'ms'))).to.equal('RM 123.45');
    expect(plain(formatMoney(money(-5, 'MYR'), 'ms'))).to.equal('-RM 0.05');
    const at = '2026-11-22T07:30:00Z';
    expect(formatDate(at, { locale: 'ms', timeZone: 'Asia/Kuala_Lumpur' })).to.equal('22 Nov 2026');
    expect(formatDate('2026-12-08T01:00:00Z', { locale: 'ms', timeZone: 'Asia/Kuala_Lumpur', style: 'long' })).to.equal('8 Disember 2026');
    expect(plain(formatDateTime(at, { locale: 'ms', timeZone: 'Asia/Kuala_Lumpur' }))).to.match(/^22 Nov 2026,? 3:30 PTG$/);
    expect(formatRelative('2026-11-22T07:25:00Z', { locale: 'ms', now: at })).to.equal('5 minit lalu');
    await setLocale('ms');
    expect(plain(formatMoney(money(150000, 'MYR')))).to.equal('RM 1,500.00');
  });
});
