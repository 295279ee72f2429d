/**
 * Deterministic seeded demo data. `generateOrders` produces orders for a preset by walking scripted
 * lifecycles (generate/lifecycles.ts) through the workflow engine: `newOrder`, then `applyAction` step
 * by step, throwing if the engine refuses a step. Same options, same orders: one mulberry32 stream, a
 * fixed `now`, ids from counters (`ord_<seed>_<n>`; inside an order `<prefix>_<seed>_<n>_<k>`).
 *
 * Speed (100k orders in a few seconds): the engine runs a few thousand *prototype* lifecycles per call —
 * per store, lifecycle and variant — with placeholder tokens for what differs between orders (ids,
 * number, customer phone, tracking number, posting reference). Each order is then a copy of a prototype
 * at its own creation time with its own customer and tokens (generate/template.ts): the same engine
 * output, shifted in time, sharing unchanged subtrees such as money and lines with its prototype.
 */
import type { PresetKey } from './presets/index.js';
import { getPreset } from './presets/index.js';
import type { Channel, Order, Person, Store, Viewer } from './types.js';
import { countryOf } from './generate/catalog.js';
import {
  drawSchedule,
  orderNumber,
  pickChannel,
  pickCustomer,
  postingReference,
  simulate,
  storeContext,
  trackingNumber,
  type StoreContext,
  type Who,
} from './generate/build.js';
import { DAY_MS, MINUTE_MS, SCRIPTS, WINDOW_DAYS, type Lifecycle } from './generate/lifecycles.js';
import { Rng } from './generate/random.js';
import { compileTemplate, instantiateTemplate, token, type Template } from './generate/template.js';

export { mulberry32 } from './generate/random.js';

export interface GenerateOptions {
  readonly preset: PresetKey;
  readonly count: number;
  /** Same seed, same orders. */
  readonly seed?: number;
  /**
   * The anchor: the "current" time orders are generated back from. Same seed and anchor, same orders.
   * The demo passes `demoAnchor(new Date())` so "Today" and "Last 7 days" hold orders; the default
   * (`DEFAULT_NOW`, 2026-11-22T09:00:00Z) keeps tests on a fixed day.
   */
  readonly now?: string;
  readonly stores?: readonly Store[];
}

export const DEFAULT_NOW = '2026-11-22T09:00:00.000Z';

/**
 * The anchor for demo data generated "as of" `date`: the start of its hour, so reseeding within the
 * hour gives the same orders, and the newest generated order is never in the future.
 */
export function demoAnchor(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('demoAnchor needs a valid date');
  return new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString();
}

/** Six demo stores across IDR, MYR, SGD, NGN and PHP. */
export const demoStores: readonly Store[] = [
  { id: 'st_jkt', name: 'Kopi Senja Jakarta', timeZone: 'Asia/Jakarta', currency: 'IDR' },
  { id: 'st_sby', name: 'Batik Nusantara Surabaya', timeZone: 'Asia/Jakarta', currency: 'IDR' },
  { id: 'st_kul', name: 'Rimba Living Kuala Lumpur', timeZone: 'Asia/Kuala_Lumpur', currency: 'MYR' },
  { id: 'st_sgp', name: 'Lion City Gadgets', timeZone: 'Asia/Singapore', currency: 'SGD' },
  { id: 'st_los', name: 'Lagos Home Essentials', timeZone: 'Africa/Lagos', currency: 'NGN' },
  { id: 'st_mnl', name: 'Manila Glow Beauty', timeZone: 'Asia/Manila', currency: 'PHP' },
];

/** A super-admin, an admin, a staff member of one store and one of two stores. */
export const demoViewers: readonly Viewer[] = [
  { id: 'usr_super', name: 'Sari Wijaya', role: 'superadmin', storeIds: [] },
  { id: 'usr_admin', name: 'Daniel Tan', role: 'admin', storeIds: [] },
  { id: 'usr_staff_jkt', name: 'Budi Hartono', role: 'staff', storeIds: ['st_jkt'] },
  { id: 'usr_staff_kul_sgp', name: 'Aisyah Rahman', role: 'staff', storeIds: ['st_kul', 'st_sgp'] },
];

/**
 * The delivery agents of the demo stores (each store's country's drivers, as the seeded orders use
 * them), for the order form, self-delivery and assignment pickers.
 */
export function demoAgents(stores: readonly Store[] = demoStores): Person[] {
  const out: Person[] = [];
  for (const store of stores) for (const a of countryOf(store.currency).agents) if (!out.some((p) => p.id === a.id)) out.push(a);
  return out;
}

/** About this many prototypes are simulated per call, spread over stores × lifecycles. */
const PROTOTYPES = 3000;

interface Prototype {
  readonly template: Template;
  /** From creation to the last step, ms. */
  readonly duration: number;
  readonly courier: string;
  readonly channel: Channel;
  readonly life: Lifecycle;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Plan {
  readonly store: number;
  readonly life: Lifecycle;
  readonly proto?: Prototype;
  /** Step times of a directly simulated order. */
  readonly offsets?: readonly number[];
  readonly createdMs: number;
  seq: number;
}

export function generateOrders(options: GenerateOptions): Order[] {
  const { preset, count, seed = 1, now = DEFAULT_NOW, stores = demoStores } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (stores.length === 0) throw new RangeError('generateOrders needs at least one store');
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not a date: ${now}`);

  const workflow = getPreset(preset);
  const lifecycles = SCRIPTS[preset].lifecycles;
  const actions = new Map(workflow.actions.map((a) => [a.key, a]));
  const scs = stores.map((s, i) => storeContext(workflow, s, i, demoViewers, nowMs));
  const r = new Rng(seed);
  const variants = Math.max(1, Math.ceil(Math.min(count, PROTOTYPES) / (stores.length * lifecycles.length)));
  const protos = new Map<number, Prototype>();

  const prototype = (store: number, lifeIndex: number, v: number): Prototype => {
    const key = (store * lifecycles.length + lifeIndex) * variants + v;
    let p = protos.get(key);
    if (!p) {
      p = buildPrototype(store, lifecycles[lifeIndex] as Lifecycle, new Rng(mix(seed, store, lifeIndex, v)));
      protos.set(key, p);
    }
    return p;
  };

  const buildPrototype = (store: number, life: Lifecycle, pr: Rng): Prototype => {
    const offsets = stepOffsets(pr, life);
    const duration = offsets[offsets.length - 1] ?? 0;
    const createdMs = nowMs - MINUTE_MS - duration;
    const sc = scs[store] as StoreContext;
    const country = sc.country.code;
    const who: Who = {
      customer: { name: token('NAME'), phone: token('PHN') },
      address: { name: token('NAME'), phone: token('PHN'), line1: '-', city: '-', country },
    };
    const { order, courier } = simulate({
      workflow,
      preset,
      actions,
      sc,
      life,
      r: pr,
      id: `ord_${token('ID')}`,
      number: token('NUM'),
      idTag: token('ID'),
      who,
      channel: pickChannel(pr, life.channels ?? SCRIPTS[preset].channels),
      createdMs,
      at: offsets.map((o) => createdMs + o),
      nowMs,
      trackingNumber: token('TRK'),
      reference: token('REF'),
    });
    return { template: compileTemplate(order, createdMs), duration, courier, channel: order.channel, life };
  };

  // 1. Plan every order: store, lifecycle, prototype, creation time.
  const total = lifecycles.reduce((s, l) => s + l.weight, 0);
  const lifeIndex = new Map(lifecycles.map((l, i) => [l, i]));
  const windowMs = WINDOW_DAYS * DAY_MS;
  const plans: Plan[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const store = r.int(0, stores.length - 1);
    const life = r.weighted(lifecycles, total);
    let proto: Prototype | undefined;
    let offsets: number[] | undefined;
    if (life.direct) offsets = stepOffsets(r, life);
    else proto = prototype(store, lifeIndex.get(life) as number, r.int(0, variants - 1));
    const duration = proto ? proto.duration : (offsets?.[offsets.length - 1] ?? 0);
    const idle = Math.max(0, Math.min(life.idleDays * DAY_MS, windowMs - duration));
    const createdMs = Math.floor((nowMs - MINUTE_MS - duration - r.next() * idle) / 1000) * 1000;
    plans[n] = { store, life, createdMs, seq: 0, ...(proto && { proto }), ...(offsets && { offsets }) };
  }

  // 2. Order numbers count up with creation time across the merchant (unique across stores).
  const byTime = plans.map((_, i) => i).sort((a, b) => (plans[a] as Plan).createdMs - (plans[b] as Plan).createdMs || a - b);
  let next = 0;
  for (const i of byTime) (plans[i] as Plan).seq = ++next;

  // 3. Build: copy a prototype, or simulate directly.
  const orders: Order[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const plan = plans[n] as Plan;
    const sc = scs[plan.store] as StoreContext;
    const who = pickCustomer(r, sc);
    if (plan.proto) {
      orders[n] = copy(plan.proto, plan, sc, who, n);
    } else {
      const channel = pickChannel(r, plan.life.channels ?? SCRIPTS[preset].channels);
      orders[n] = simulate({
        workflow,
        preset,
        actions,
        sc,
        life: plan.life,
        r,
        id: `ord_${seed}_${n}`,
        number: orderNumber(preset, sc, channel, plan.seq, plan.createdMs),
        idTag: `${seed}_${n}`,
        who,
        channel,
        createdMs: plan.createdMs,
        at: (plan.offsets as number[]).map((o) => plan.createdMs + o),
        nowMs,
      }).order;
    }
  }
  return orders;

  /** An order from a prototype: its own time, customer, ids, number and tracking number. */
  function copy(proto: Prototype, plan: Plan, sc: StoreContext, who: Who, n: number): Order {
    const tokens: Record<string, string> = {
      ID: `${seed}_${n}`,
      NUM: orderNumber(preset, sc, proto.channel, plan.seq, plan.createdMs),
      NAME: who.customer.name,
      PHN: who.customer.phone ?? who.customer.email ?? '',
      TRK: trackingNumber(r, proto.courier, sc.country.code),
      REF: postingReference(r),
    };
    const order = instantiateTemplate(proto.template, plan.createdMs, tokens) as Mutable<Order>;
    order.customer = who.customer;
    if (order.shippingAddress) order.shippingAddress = who.address;
    if (proto.life.scheduled === 'future') order.scheduledAt = drawSchedule(r, sc, proto.life, plan.createdMs, nowMs) as string;
    return order;
  }
}

/** Step times after creation (whole seconds), drawn from each step's range. */
function stepOffsets(r: Rng, life: Lifecycle): number[] {
  const out: number[] = [];
  let t = 0;
  for (const s of life.steps) {
    t += Math.round((s.after[0] + r.next() * (s.after[1] - s.after[0])) * 60) * 1000;
    out.push(t);
  }
  return out;
}

/** A 32-bit seed for one prototype's own stream, from the call's seed and the prototype's coordinates. */
function mix(seed: number, store: number, life: number, variant: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const x of [store, life, variant]) {
    h = Math.imul(h ^ (x + 0x7f4a7c15), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}

