import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { firstDayOfWeek, gridWeeks, periodKey, shiftPeriod, startOfWeek, visibleRange } from '../../../src/components/order-calendar/calendar-math.js';
import { indexBuckets, moveScheduled } from '../../../src/components/order-calendar/buckets.js';
import {
  addDays,
  addMonths,
  dayBounds,
  dayOf,
  isDay,
  startOfDay,
  wallTimeOf,
  zonedInstant,
} from '../../../src/components/shared/zoned-date.js';
import { getPreset } from '../../../src/model/presets/index.js';

describe('calendar days in time zones (zoned-date)', () => {
  it('finds the UTC bounds of a zoned day', () => {
    expect(dayBounds('2026-02-01', 'Asia/Jakarta')).to.deep.equal({ from: '2026-01-31T17:00:00.000Z', to: '2026-02-01T17:00:00.000Z' });
    expect(dayBounds('2026-02-01', 'UTC')).to.deep.equal({ from: '2026-02-01T00:00:00.000Z', to: '2026-02-02T00:00:00.000Z' });
    expect(dayOf(Date.parse('2026-01-31T20:00:00Z'), 'Asia/Jakarta')).to.equal('2026-02-01');
    expect(dayOf(Date.parse('2026-01-31T20:00:00Z'), 'UTC')).to.equal('2026-01-31');
  });

  it('handles 23- and 25-hour days and a skipped midnight', () => {
    // New York: spring forward on 8 March 2026, fall back on 1 November 2026.
    expect(dayBounds('2026-03-08', 'America/New_York')).to.deep.equal({ from: '2026-03-08T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z' });
    expect(dayBounds('2026-11-01', 'America/New_York')).to.deep.equal({ from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T05:00:00.000Z' });
    // Santiago skips midnight on 6 September 2026: the day starts at 01:00.
    expect(startOfDay('2026-09-06', 'America/Santiago')).to.equal('2026-09-06T04:00:00.000Z');
    expect(wallTimeOf(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago')).to.equal('01:00:00');
  });

  it('keeps a wall-clock time when moving to another day, across offsets', () => {
    expect(zonedInstant('2026-03-12', 'Asia/Jakarta', '14:30:00')).to.equal('2026-03-12T07:30:00.000Z');
    // 09:00 in Berlin before and after the spring change.
    expect(zonedInstant('2026-03-28', 'Europe/Berlin', '09:00')).to.equal('2026-03-28T08:00:00.000Z');
    expect(zonedInstant('2026-03-30', 'Europe/Berlin', '09:00')).to.equal('2026-03-30T07:00:00.000Z');
    // A skipped time moves forward by the gap; a repeated one takes its first occurrence.
    expect(zonedInstant('2026-03-29', 'Europe/Berlin', '02:30')).to.equal('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', 'Europe/Berlin', '02:30')).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('day arithmetic: months clamp, days roll over', () => {
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2024-03-31', -1)).to.equal('2024-02-29');
    expect(addMonths('2026-12-15', 1)).to.equal('2027-01-15');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(isDay('2026-02-29')).to.equal(false);
    expect(isDay('2028-02-29')).to.equal(true);
  });

  it('every day has bounds that start it and end where the next begins (property)', () => {
    const zones = ['Asia/Jakarta', 'America/New_York', 'America/Santiago', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 366 }), fc.constantFrom(...zones), (n, zone) => {
        const day = addDays('2025-06-01', n);
        const { from, to } = dayBounds(day, zone);
        const start = Date.parse(from);
        const end = Date.parse(to);
        expect(dayOf(start, zone)).to.equal(day);
        expect(dayOf(end - 1000, zone)).to.equal(day);
        expect(dayOf(start - 1000, zone)).to.equal(addDays(day, -1));
        expect(end - start).to.be.within(22 * 3600_000, 26 * 3600_000);
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar periods (calendar-math)', () => {
  it('knows the first day of the week per locale', () => {
    expect(firstDayOfWeek('en-US')).to.equal(7);
    expect(firstDayOfWeek('en')).to.equal(7);
    expect(firstDayOfWeek('id-ID')).to.equal(1);
    expect(firstDayOfWeek('id')).to.equal(1);
    expect(firstDayOfWeek('en-GB')).to.equal(1);
    expect(firstDayOfWeek('de-DE')).to.equal(1);
    expect(firstDayOfWeek('ar-EG')).to.equal(6);
  });

  it('lays out whole weeks around a month', () => {
    const sunday = gridWeeks('month', '2026-02-14', 7);
    expect(sunday).to.have.length(4); // February 2026 starts on a Sunday and fills four weeks
    expect(sunday[0]![0]).to.equal('2026-02-01');
    const monday = gridWeeks('month', '2026-02-14', 1);
    expect(monday).to.have.length(5);
    expect(monday[0]![0]).to.equal('2026-01-26');
    expect(monday.at(-1)!.at(-1)).to.equal('2026-03-01');
    expect(visibleRange('week', '2026-02-11', 1)).to.deep.equal({ start: '2026-02-09', end: '2026-02-15' });
    expect(visibleRange('day', '2026-02-11', 1)).to.deep.equal({ start: '2026-02-11', end: '2026-02-11' });
    expect(startOfWeek('2026-02-01', 1)).to.equal('2026-01-26');
    expect(periodKey('month', '2026-02-01', 7)).to.equal(periodKey('month', '2026-02-28', 7));
    expect(periodKey('week', '2026-02-07', 7)).to.not.equal(periodKey('week', '2026-02-08', 7));
    expect(shiftPeriod('week', '2026-02-07', -1)).to.equal('2026-01-31');
  });

  it('moves one scheduled order between days without touching the rest', () => {
    const workflow = getPreset('cod-delivery');
    const counts = indexBuckets(
      [
        { day: '2026-03-10', kind: 'scheduled', count: 3, byStatus: { pending: 2, processing: 1 } },
        { day: '2026-03-10', kind: 'created', count: 5, byStatus: { pending: 5 } },
        { day: '2026-03-12', kind: 'scheduled', count: 1, byStatus: { processing: 1 } },
      ],
      workflow,
    );
    expect(counts.get('2026-03-10')!.scheduled!.statuses.map((s) => [s.status, s.count, s.tone])).to.deep.equal([
      ['pending', 2, 'neutral'],
      ['processing', 1, 'info'],
    ]);
    const moved = moveScheduled(counts, '2026-03-10', '2026-03-12', 'pending', 'neutral');
    expect(moved.get('2026-03-10')!.scheduled!.count).to.equal(2);
    expect(moved.get('2026-03-10')!.created!.count).to.equal(5);
    expect(moved.get('2026-03-12')!.scheduled!.statuses.map((s) => [s.status, s.count])).to.deep.equal([
      ['processing', 1],
      ['pending', 1],
    ]);
    expect(counts.get('2026-03-10')!.scheduled!.count, 'the input is unchanged').to.equal(3);
  });
});
