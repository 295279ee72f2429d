/**
 * Issue 12, rule 2: one time zone decides every day boundary of a view. The store derives it
 * (`timeZone$`) from the store filter, the viewer and the viewer's choice; day ranges in it hold across
 * zones and daylight-saving changes.
 */
import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import { dayOf, presetRange } from '../../src/components/shared/date-range.js';
import { getPreset } from '../../src/model/presets/index.js';
import type { Store, Viewer } from '../../src/model/types.js';
import { createOrderStore } from '../../src/state/store.js';
import { resolveViewZone, zoneChoices } from '../../src/state/time-zone.js';
import { FakeApi, FakeHub, fakeViewer } from './fake-api.js';

const stores: Store[] = [
  { id: 'jkt', name: 'Jakarta', timeZone: 'Asia/Jakarta', currency: 'IDR' },
  { id: 'nyc', name: 'New York', timeZone: 'America/New_York', currency: 'USD' },
  { id: 'akl', name: 'Auckland', timeZone: 'Pacific/Auckland', currency: 'NZD' },
];
const admin: Pick<Viewer, 'role' | 'storeIds'> = { role: 'admin', storeIds: [] };

describe('the view time zone', () => {
  it('is the store’s zone for a view of one store, whatever the viewer chose', () => {
    expect(resolveViewZone({ storeIds: ['nyc'] }, stores, admin, 'Pacific/Auckland')).to.deep.equal({
      zone: 'America/New_York',
      source: 'store',
      storeId: 'nyc',
    });
    // Staff of one store: their store, without a filter.
    expect(resolveViewZone({}, stores, { role: 'staff', storeIds: ['akl'] }, undefined).zone).to.equal('Pacific/Auckland');
  });

  it('is the viewer’s choice for an all-stores view, by default the first store’s, else the browser’s', () => {
    expect(resolveViewZone({}, stores, admin, 'America/New_York')).to.deep.equal({ zone: 'America/New_York', source: 'chosen' });
    expect(resolveViewZone({}, stores, admin, undefined)).to.deep.equal({ zone: 'Asia/Jakarta', source: 'default', storeId: 'jkt' });
    expect(resolveViewZone({ storeIds: ['akl', 'nyc'] }, stores, admin, undefined).zone).to.equal('Pacific/Auckland');
    expect(resolveViewZone({}, [], admin, undefined, 'Europe/Paris')).to.deep.equal({ zone: 'Europe/Paris', source: 'default' });
    // An unknown chosen zone is ignored.
    expect(resolveViewZone({}, stores, admin, 'Mars/Olympus').zone).to.equal('Asia/Jakarta');
  });

  it('offers the stores’ zones and the browser’s, once each', () => {
    expect(zoneChoices([...stores, { ...stores[0]!, id: 'sby' }], 'Asia/Jakarta')).to.deep.equal(['Asia/Jakarta', 'America/New_York', 'Pacific/Auckland']);
  });

  it('is one stream in the store: it follows the store filter and the viewer’s choice, kept per viewer', async () => {
    const viewer = { ...fakeViewer, id: `tz-${crypto.randomUUID()}` };
    const workflow = getPreset('confirm-first');
    const store = createOrderStore({ api: new FakeApi(new FakeHub(workflow, []), viewer), workflow, viewer, stores });
    try {
      expect(await firstValueFrom(store.timeZone$)).to.equal('Asia/Jakarta');
      store.setQuery({ storeIds: ['nyc'] });
      expect(store.timeZone).to.equal('America/New_York');
      store.setTimeZone('Pacific/Auckland'); // one store in view: still its zone
      expect(store.timeZone).to.equal('America/New_York');
      store.setQuery({ storeIds: undefined });
      expect(store.timeZone).to.equal('Pacific/Auckland');
      store.setTimeZone('Nowhere/Land'); // refused, nothing changes
      expect(store.timeZone).to.equal('Pacific/Auckland');
    } finally {
      store.dispose();
    }
    // A new store for the same viewer starts from the kept choice.
    const again = createOrderStore({ api: new FakeApi(new FakeHub(workflow, []), viewer), workflow, viewer, stores });
    expect(again.timeZone).to.equal('Pacific/Auckland');
    again.setTimeZone(undefined);
    expect(again.timeZone).to.equal('Asia/Jakarta');
    again.dispose();
  });

  for (const zone of ['Asia/Jakarta', 'America/New_York', 'Pacific/Auckland']) {
    it(`"Today" is today in ${zone}, and an order shown on that day is inside it`, () => {
      const now = Date.parse('2026-11-21T23:30:00Z');
      const today = presetRange('today', zone, now)!;
      expect(dayOf(Date.parse(today.from!), zone)).to.equal(dayOf(now, zone));
      expect(dayOf(Date.parse(today.to!) - 1, zone)).to.equal(dayOf(now, zone));
      for (const at of [Date.parse(today.from!), Date.parse(today.to!) - 60_000]) expect(dayOf(at, zone)).to.equal(dayOf(now, zone));
      expect(dayOf(Date.parse(today.to!), zone)).to.not.equal(dayOf(now, zone));
    });
  }

  for (const [label, noon, hours] of [
    ['spring forward', '2026-03-08T16:00:00Z', 23],
    ['fall back', '2026-11-01T16:00:00Z', 25],
  ] as const) {
    it(`"Today" across a daylight-saving change in America/New_York (${label}) is ${hours} hours of that day`, () => {
      const zone = 'America/New_York';
      const today = presetRange('today', zone, Date.parse(noon))!;
      expect((Date.parse(today.to!) - Date.parse(today.from!)) / 3_600_000).to.equal(hours);
      expect(dayOf(Date.parse(today.from!), zone)).to.equal(noon.slice(0, 10));
      expect(dayOf(Date.parse(today.to!) - 1, zone)).to.equal(noon.slice(0, 10));
    });
  }
});
