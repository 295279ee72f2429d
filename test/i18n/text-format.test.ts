import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/i18n/localize.js';
import { resolveText } from '../../src/i18n/text.js';
import { formatCompactDateTime, formatDate, formatDateTime, formatMoney, formatPercent, formatRelative, intlLocale } from '../../src/i18n/format.js';
import { money } from '../../src/model/money.js';

/** Intl separates with no-break and narrow no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('i18n/text resolveText', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('returns a plain string for every locale', () => {
    expect(resolveText('Siap diproses', 'en')).to.equal('Siap diproses');
    expect(resolveText('Siap diproses', 'id')).to.equal('Siap diproses');
  });

  it('picks the exact locale, then its language, then the built-in preset table, then English', () => {
    const label = { en: 'Ready to process', id: 'Siap diproses', 'ms-MY': 'Sedia diproses' };
    expect(resolveText(label, 'id')).to.equal('Siap diproses');
    expect(resolveText(label, 'id-ID')).to.equal('Siap diproses');
    expect(resolveText(label, 'ms-MY')).to.equal('Sedia diproses');
    // No `ms` on the text: the built-in Malay of this preset label (model/presets/ms.ts).
    expect(resolveText(label, 'ms')).to.equal('Sedia untuk diproses');
    expect(resolveText({ en: 'Awaiting pickup', id: 'Menunggu diambil' }, 'ms')).to.equal('Awaiting pickup');
    expect(resolveText(label, 'fr')).to.equal('Ready to process');
    expect(resolveText({ en: 'Shipped' }, 'id')).to.equal('Shipped');
  });

  it('follows the active locale by default', async () => {
    const label = { en: 'Cancelled', id: 'Dibatalkan' };
    expect(resolveText(label)).to.equal('Cancelled');
    await setLocale('id');
    expect(resolveText(label)).to.equal('Dibatalkan');
  });
});

describe('i18n/format', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('formats a short list date: the time this year, the year otherwise, in the given zone', () => {
    const now = '2026-11-22T10:00:00Z';
    expect(formatCompactDateTime('2026-11-21T20:00:00Z', { timeZone: 'Asia/Jakarta', now, locale: 'en' })).to.equal('Nov 22, 3:00 AM');
    expect(formatCompactDateTime('2025-03-01T20:00:00Z', { timeZone: 'UTC', now, locale: 'en' })).to.equal('Mar 1, 2025');
    expect(formatCompactDateTime('not a date', { now })).to.equal('not a date');
  });

  it('formats a fraction as a whole percentage per locale', () => {
    expect(formatPercent(0.424, 'en')).to.equal('42%');
    expect(formatPercent(1, 'id')).to.equal('100%');
  });

  it('maps a bare Indonesian locale to Indonesia for Intl', () => {
    expect(intlLocale('id')).to.equal('id-ID');
    expect(intlLocale('en')).to.equal('en');
    expect(intlLocale('en-GB')).to.equal('en-GB');
  });

  it('formats money exactly in both locales, following the active locale', async () => {
    const rupiah = money(150000, 'IDR');
    const ringgit = money(12345, 'MYR');
    expect(plain(formatMoney(rupiah, 'en'))).to.equal('IDR 150,000');
    expect(plain(formatMoney(rupiah, 'id'))).to.equal('Rp 150.000');
    expect(plain(formatMoney(ringgit, 'en'))).to.equal('MYR 123.45');
    expect(plain(formatMoney(ringgit, 'id'))).to.equal('MYR 123,45');
    expect(plain(formatMoney(money(-5, 'MYR'), 'en'))).to.equal('-MYR 0.05');
    expect(plain(formatMoney(rupiah))).to.equal('IDR 150,000');
    await setLocale('id');
    expect(plain(formatMoney(rupiah))).to.equal('Rp 150.000');
  });

  it('formats dates in the given time zone and locale', async () => {
    // 20:00 UTC is 03:00 the next day in Jakarta (UTC+7).
    const iso = '2026-11-22T20:00:00Z';
    expect(formatDate(iso, { timeZone: 'UTC' })).to.equal('Nov 22, 2026');
    expect(formatDate(iso, { timeZone: 'Asia/Jakarta' })).to.equal('Nov 23, 2026');
    expect(formatDate(iso, { timeZone: 'Asia/Jakarta', style: 'long' })).to.equal('November 23, 2026');
    expect(plain(formatDateTime(iso, { timeZone: 'Asia/Jakarta' }))).to.equal('Nov 23, 2026, 3:00 AM');
    await setLocale('id');
    expect(formatDate(iso, { timeZone: 'Asia/Jakarta' })).to.equal('23 Nov 2026');
    expect(formatDate(iso, { timeZone: 'Asia/Jakarta', style: 'long' })).to.equal('23 November 2026');
    expect(plain(formatDateTime(iso, { timeZone: 'Asia/Jakarta' }))).to.equal('23 Nov 2026, 03.00');
    expect(formatDate(iso, { timeZone: 'Asia/Jakarta', locale: 'en' })).to.equal('Nov 23, 2026');
  });

  it('shows unreadable dates as they came and survives an unknown time zone', () => {
    expect(formatDate('not a date')).to.equal('not a date');
    expect(formatDateTime(Number.NaN)).to.equal('');
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      expect(formatDate('2026-11-22T12:00:00Z', { timeZone: 'Mars/Olympus_Mons' })).to.match(/2026/);
      expect(formatDate('2026-11-22T12:00:00Z', { timeZone: 'Mars/Olympus_Mons' })).to.match(/2026/);
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
  });

  it('formats relative times in the largest fitting unit', async () => {
    const now = '2026-11-22T09:00:00Z';
    expect(formatRelative('2026-11-22T08:55:00Z', { now })).to.equal('5 minutes ago');
    expect(formatRelative('2026-11-23T09:00:00Z', { now })).to.equal('tomorrow');
    expect(formatRelative('2026-11-22T09:00:00Z', { now })).to.equal('now');
    expect(formatRelative('2026-09-22T09:00:00Z', { now })).to.equal('2 months ago');
    await setLocale('id');
    expect(formatRelative('2026-11-22T08:55:00Z', { now })).to.equal('5 menit yang lalu');
    expect(formatRelative('2026-11-23T09:00:00Z', { now })).to.equal('besok');
  });
});
