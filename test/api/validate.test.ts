import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { OrderApiError } from '../../src/api/types.js';
import { checkOrder, validateActionRequest, validateDraft, validateOrder, validatePatch } from '../../src/api/validate.js';
import { generateOrders } from '../../src/model/generate.js';
import { PRESET_KEYS } from '../../src/model/presets/index.js';
import type { Order } from '../../src/model/types.js';

function thrown(fn: () => unknown): OrderApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OrderApiError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

type Path = (string | number)[];

/** Paths of every money value inside an order (objects with amount and currency). */
function moneyPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => moneyPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('amount' in o && 'currency' in o) return [path];
    return Object.entries(o).flatMap(([k, v]) => moneyPaths(v, [...path, k]));
  }
  return [];
}

function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, leaf) : v));
  const o = value as Record<string, unknown>;
  return { ...o, [head as string]: setAt(o[head as string], rest, leaf) };
}

const format = (path: Path): string =>
  path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${seg}` : seg), '');

describe('boundary validation', () => {
  const orders = PRESET_KEYS.flatMap((preset) => generateOrders({ preset, count: 150, seed: 13 }));

  it('accepts every generated order of every preset', () => {
    for (const o of orders) expect(checkOrder(o), o.id).to.deep.equal([]);
    expect(validateOrder(orders[0])).to.equal(orders[0]);
  });

  it('names the exact path of a non-integer or foreign-currency money amount anywhere in an order', () => {
    const withMoney = orders.filter((o) => moneyPaths(o).length > 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: withMoney.length - 1 }), fc.nat(), fc.boolean(), (i, j, amountFault) => {
        const order = withMoney[i] as Order;
        const paths = moneyPaths(order);
        const path = paths[j % paths.length] as Path;
        const original = path.reduce<unknown>((v, seg) => (v as Record<string | number, unknown>)[seg], order) as { amount: number; currency: string };
        const other = order.currency === 'USD' ? 'EUR' : 'USD';
        const broken = setAt(order, path, amountFault ? { ...original, amount: original.amount + 0.5 } : { ...original, currency: other });
        const err = thrown(() => validateOrder(broken));
        expect(err.code).to.equal('invalid-input');
        const field = `${format(path)}.${amountFault ? 'amount' : 'currency'}`;
        expect(err.fields?.map((f) => f.field)).to.deep.equal([field]);
        expect(err.message).to.contain(field);
      }),
      { numRuns: 200 },
    );
  });

  it('reports missing, mistyped and out-of-range fields with their paths', () => {
    const order = orders.find((o) => o.payments.length > 0 && o.timeline.length > 1) as Order;
    const broken = {
      ...order,
      id: undefined,
      archived: 'no',
      version: 0,
      payments: [{ ...order.payments[0], at: 'yesterday' }],
      timeline: [order.timeline[0], { ...order.timeline[1], kind: 'party' }],
      lines: [{ ...order.lines[0], quantity: { ...order.lines[0]?.quantity, shipped: -1 } }],
    };
    const fields = checkOrder(broken).map((p) => p.field);
    expect(fields).to.deep.equal([
      'id',
      'lines[0].quantity.shipped',
      'payments[0].at',
      'archived',
      'version',
      'timeline[1].kind',
    ]);
    expect(checkOrder(null)).to.deep.equal([{ field: '', message: 'must be an object' }]);
    expect(checkOrder([order])[0]?.message).to.equal('must be an object');
  });

  it('validates drafts, patches and action requests', () => {
    const draft = {
      channel: 'phone',
      storeId: 'st_jkt',
      customer: { name: 'Ana' },
      currency: 'IDR',
      lines: [{ sku: 'A', name: 'A', unitPrice: { amount: 1000, currency: 'IDR' }, quantity: 2 }],
    };
    expect(validateDraft(draft)).to.equal(draft);
    expect(thrown(() => validateDraft({ ...draft, currency: 'XX' })).fields?.[0]?.field).to.equal('currency');
    expect(thrown(() => validateDraft({ ...draft, lines: [] })).fields?.[0]).to.deep.equal({ field: 'lines', message: 'must have at least one line' });
    expect(thrown(() => validateDraft({ ...draft, deliveryFee: { amount: -5, currency: 'IDR' } })).fields?.[0]?.field).to.equal(
      'deliveryFee.amount',
    );
    expect(thrown(() => validatePatch({ status: 'paid' }, 'IDR')).fields?.[0]).to.deep.equal({ field: 'patch.status', message: 'cannot be edited' });
    expect(thrown(() => validatePatch({ scheduledAt: '2026-13-45' }, 'IDR')).fields?.[0]?.field).to.equal('patch.scheduledAt');
    expect(validatePatch({ note: 'ok', tax: { amount: 5, currency: 'IDR' } }, 'IDR')).to.deep.equal({ note: 'ok', tax: { amount: 5, currency: 'IDR' } });
    expect(thrown(() => validateActionRequest({ orderId: '', action: 'x', expectedVersion: 1, input: 3 })).fields?.map((f) => f.field)).to.deep.equal([
      'orderId',
      'input',
    ]);
  });
});
