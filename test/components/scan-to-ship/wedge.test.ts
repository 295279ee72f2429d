import { expect } from '@open-wc/testing';
import { BURST_GAP_MS, BURST_MIN_KEYS, WedgeDetector } from '../../../src/components/scan-to-ship/wedge.js';

/** Keys at the given times, then Enter at `end`. */
function run(times: readonly number[], end: number): boolean {
  const w = new WedgeDetector();
  for (const t of times) w.key(t);
  return w.finish(end);
}

describe('WedgeDetector (scanner burst vs typing, by key timestamps)', () => {
  it('takes ≥ 4 keys at most 30 ms apart, then Enter, for a scanner', () => {
    expect(BURST_GAP_MS).to.equal(30);
    expect(BURST_MIN_KEYS).to.equal(4);
    expect(run([0, 8, 16, 24, 32, 40], 48)).to.equal(true);
    expect(run([0, 30, 60, 90], 100)).to.equal(true);
  });

  it('takes people’s typing (80–250 ms apart), short runs and a late Enter for typing', () => {
    expect(run([0, 120, 260, 390, 520], 700)).to.equal(false);
    expect(run([0, 31, 62, 93], 100), 'one gap over 30 ms').to.equal(false);
    expect(run([0, 5, 10], 15), 'three keys are too few').to.equal(false);
    expect(run([0, 5, 10, 15], 15 + BURST_GAP_MS * 4 + 1), 'Enter long after the burst').to.equal(false);
  });

  it('looks at the last run only, and starts afresh after each Enter', () => {
    expect(run([0, 200, 400, 1000, 1005, 1010, 1015], 1020), 'typed, then a burst').to.equal(true);
    const w = new WedgeDetector();
    for (const t of [0, 5, 10, 15]) w.key(t);
    expect(w.finish(20)).to.equal(true);
    w.key(25);
    expect(w.finish(30)).to.equal(false);
  });
});
