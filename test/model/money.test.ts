import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  add,
  CurrencyMismatchError,
  formatMoney,
  minorDigits,
  money,
  parseMajor,
  subtract,
  sum,
  toMajorString,
} from '../../src/model/money.js';

describe('money', () => {
  it('knows each currency exponent from Intl', () => {
    expect(minorDigits('IDR')).to.equal(0);
    expect(minorDigits('MYR')).to.equal(2);
    expect(minorDigits('KWD')).to.equal(3);
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'MYR'), money(1, 'SGD'))).to.throw(CurrencyMismatchError);
    expect(() => sum([money(1, 'MYR'), money(2, 'IDR')], 'MYR')).to.throw(CurrencyMismatchError);
  });

  it('refuses fractional minor units', () => {
    expect(() => money(1.5, 'MYR')).to.throw(RangeError);
  });

  it('parses decimal strings exactly, and refuses what is not one', () => {
    expect(parseMajor('199.00', 'MYR')).to.deep.equal(money(19900, 'MYR'));
    expect(parseMajor('0.1', 'MYR')).to.deep.equal(money(10, 'MYR'));
    expect(parseMajor(' 150000 ', 'IDR')).to.deep.equal(money(150000, 'IDR'));
    expect(parseMajor('150000.000', 'IDR')).to.deep.equal(money(150000, 'IDR'));
    expect(parseMajor(19.99, 'SGD')).to.deep.equal(money(1999, 'SGD'));
    expect(parseMajor('1.005', 'MYR')).to.equal(undefined);
    expect(parseMajor('1,000', 'MYR')).to.equal(undefined);
    expect(parseMajor('=1+1', 'MYR')).to.equal(undefined);
    expect(parseMajor('', 'MYR')).to.equal(undefined);
  });

  it('writes major units exactly', () => {
    expect(toMajorString(money(5, 'MYR'))).to.equal('0.05');
    expect(toMajorString(money(-12345, 'MYR'))).to.equal('-123.45');
    expect(toMajorString(money(150000, 'IDR'))).to.equal('150000');
  });

  it('formats with the locale and the currency exponent', () => {
    expect(formatMoney(money(19900, 'MYR'), 'en-MY')).to.match(/RM\s?199\.00/);
    expect(formatMoney(money(150000, 'IDR'), 'id-ID')).to.match(/Rp\s?150\.000/);
  });

  it('round-trips every amount through major-unit text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('IDR', 'MYR', 'SGD', 'NGN', 'PHP', 'KWD'), (n, c) => {
        const m = money(n, c);
        expect(parseMajor(toMajorString(m), c)).to.deep.equal(m);
      }),
    );
  });

  it('sums never drift, in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 200 }), (xs) => {
        const ms = xs.map((x) => money(x, 'MYR'));
        const forward = sum(ms, 'MYR');
        const backward = sum([...ms].reverse(), 'MYR');
        expect(forward).to.deep.equal(backward);
        expect(forward.amount).to.equal(xs.reduce((a, b) => a + b, 0));
        const back = ms.reduce((acc, m) => subtract(acc, m), forward);
        expect(back.amount).to.equal(0);
      }),
    );
  });
});
