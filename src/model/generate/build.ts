/**
 * Building one demo order through the engine: per-store reference data, the draft (customer, lines,
 * fees, tax, schedule), the order number, the courier and tracking number, and the walk of a scripted
 * lifecycle with `applyAction`, throwing on any refusal. Private to `generate`.
 */
import { can } from '../permissions.js';
import { newOrder } from '../order.js';
import type { PresetKey } from '../presets/index.js';
import { COURIERS, type CourierCode } from '../presets/shared.js';
import { applyAction } from '../workflow/engine.js';
import type { ActionDef, Permission, WorkflowDefinition } from '../workflow/types.js';
import type { Address, Channel, Courier, Customer, Order, OrderDraft, PaymentMethod, Person, Store, Viewer } from '../types.js';
import { formatOrderNumber, storeCode } from '../numbering.js';
import { PRODUCTS, countryOf, customer as drawCustomer, deliveryFee, price, utcOffsetHours, type Country } from './catalog.js';
import { DAY_MS, SCRIPTS, type Lifecycle, type StepEnv } from './lifecycles.js';
import type { Rng } from './random.js';

export interface Who {
  readonly customer: Customer;
  readonly address: Address;
}

interface Offer {
  readonly sku: string;
  readonly name: string;
  readonly variant?: string;
  readonly unitPrice: { readonly amount: number; readonly currency: string };
}

export interface StoreContext {
  readonly store: Store;
  readonly index: number;
  /** Three letters for order numbers. */
  readonly code: string;
  readonly country: Country;
  readonly offsetMs: number;
  readonly offers: readonly Offer[];
  readonly couriers: readonly Courier[];
  /** A round amount: a thousand rupiah, fifty naira, one peso, ten sen or cents. */
  readonly unit: number;
  readonly customers: Who[];
  readonly actors: Map<Permission, Viewer>;
  readonly viewers: readonly Viewer[];
}

const UNITS: Record<string, number> = { IDR: 1000, NGN: 5000, PHP: 100, MYR: 10, SGD: 10 };

export function storeContext(
  workflow: WorkflowDefinition,
  store: Store,
  index: number,
  viewers: readonly Viewer[],
  nowMs: number,
): StoreContext {
  const country = countryOf(store.currency);
  const c = store.currency;
  const offers: Offer[] = [];
  PRODUCTS.forEach((p, i) => {
    // Each store sells its own slice of the catalog.
    if ((i + index * 5) % PRODUCTS.length >= 14) return;
    const unitPrice = { amount: price(p.usdCents, c), currency: c };
    if (!p.variants) offers.push({ sku: p.sku, name: p.name, unitPrice });
    else for (const [code, label] of p.variants) offers.push({ sku: `${p.sku}-${code}`, name: p.name, variant: label, unitPrice });
  });
  const codes = new Set<string>(country.couriers);
  let couriers = workflow.couriers.filter((k) => codes.has(k.code));
  if (couriers.length === 0) couriers = workflow.couriers.filter((k) => k.code !== 'self');
  couriers = couriers.map((k) => (k.code === 'other' ? { code: 'other', name: country.otherCourier } : k));
  return {
    store,
    index,
    code: storeCode(store),
    country,
    offsetMs: utcOffsetHours(store.timeZone, nowMs) * 3_600_000,
    offers,
    couriers,
    unit: UNITS[c] ?? 1,
    customers: [],
    actors: new Map(),
    viewers,
  };
}

/** The demo viewer who performs a staff action in a store: its own staff when allowed, else an admin. */
function actorFor(sc: StoreContext, permission: Permission): Viewer {
  let v = sc.actors.get(permission);
  if (!v) {
    const rank = (x: Viewer): number => (x.role === 'staff' ? 0 : x.role === 'admin' ? 1 : 2);
    v = sc.viewers
      .filter((x) => (x.role !== 'staff' || x.storeIds.includes(sc.store.id)) && can(x, permission))
      .sort((a, b) => rank(a) - rank(b))[0];
    if (!v) throw new Error(`generateOrders: no demo viewer may perform ${permission} in ${sc.store.id}`);
    sc.actors.set(permission, v);
  }
  return v;
}

/** A customer of the store: three in ten orders come from a returning one. */
export function pickCustomer(r: Rng, sc: StoreContext): Who {
  if (sc.customers.length > 20 && r.chance(0.3)) return r.pick(sc.customers);
  const who = drawCustomer(r, sc.country);
  if (sc.customers.length < 400) sc.customers.push(who);
  return who;
}

// ---------------------------------------------------------------------------------------------
// Simulating a lifecycle

export interface Job {
  readonly workflow: WorkflowDefinition;
  readonly preset: PresetKey;
  readonly actions: ReadonlyMap<string, ActionDef>;
  readonly sc: StoreContext;
  readonly life: Lifecycle;
  readonly r: Rng;
  readonly id: string;
  readonly number: string;
  /** Goes into every id the order makes: `<prefix>_<idTag>_<k>`. */
  readonly idTag: string;
  readonly who: Who;
  readonly channel: Channel;
  readonly createdMs: number;
  /** Time of each step. */
  readonly at: readonly number[];
  readonly nowMs: number;
  /** Fixed tracking number / posting reference (template tokens); drawn when absent. */
  readonly trackingNumber?: string;
  readonly reference?: string;
}

const SYSTEM_VIEWER: Viewer = { id: 'system', name: 'System', role: 'superadmin', storeIds: [] };
export const MARKETPLACES: Readonly<Record<string, string>> = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop' };

/** Creates the order and walks its lifecycle through the engine; returns it and the courier it used. */
export function simulate(job: Job): { order: Order; courier: string } {
  const { workflow, preset, actions, sc, life, r, id, channel } = job;
  const script = SCRIPTS[preset];
  const method = r.pick(life.methods ?? script.methods);
  const draft = drawDraft(job, method);
  let k = 0;
  const newId = (prefix: string): string => `${prefix}_${job.idTag}_${++k}`;
  const creator: Person = MARKETPLACES[channel]
    ? { id: channel, name: MARKETPLACES[channel] as string }
    : channel === 'online'
      ? { id: 'customer', name: job.who.customer.name }
      : actorFor(sc, 'orders.create');
  let order = newOrder(workflow, draft, { id, number: job.number, now: new Date(job.createdMs).toISOString(), actor: creator, newId });

  const env = stepEnv(job, order);
  life.steps.forEach((s, i) => {
    const action = actions.get(s.action);
    if (!action) throw new Error(`generateOrders(${preset}): lifecycle “${life.name}” names unknown action “${s.action}”`);
    const system = action.system === true;
    const viewer = system ? SYSTEM_VIEWER : actorFor(sc, action.permission);
    const now = new Date(job.at[i] as number).toISOString();
    const input = s.input ? s.input(order, env) : {};
    const result = applyAction(workflow, order, s.action, input, { viewer, now, newId, system });
    if (!result.ok) {
      const { code, message, field } = result.refusal;
      throw new Error(
        `generateOrders(${preset}): lifecycle “${life.name}”, step ${i + 1} “${s.action}” on ${id} (status ${order.status}) ` +
          `refused: ${code}${field ? ` [${field}]` : ''} — ${message}`,
      );
    }
    order = result.order;
  });
  return { order, courier: env.courier.code };
}

export function pickChannel(r: Rng, channels: readonly (readonly [Channel, number])[]): Channel {
  if (channels.length === 1) return (channels[0] as readonly [Channel, number])[0];
  const total = channels.reduce((s, c) => s + c[1], 0);
  let x = r.next() * total;
  for (const [c, w] of channels) {
    x -= w;
    if (x < 0) return c;
  }
  return (channels[channels.length - 1] as readonly [Channel, number])[0];
}

const LINE_COUNTS = [
  { n: 1, weight: 45 },
  { n: 2, weight: 30 },
  { n: 3, weight: 15 },
  { n: 4, weight: 10 },
];
const QUANTITIES = [
  { n: 1, weight: 70 },
  { n: 2, weight: 20 },
  { n: 3, weight: 7 },
  { n: 5, weight: 3 },
];
const TAGS = ['repeat-customer', 'vip', 'gift', 'fragile', 'promo', 'wholesale', 'priority'];
const NOTES = ['Please gift wrap.', 'Call before delivery.', 'Leave with the guard.', 'Tolong dibungkus rapi ya.', 'Deliver after 5pm.'];

function drawDraft(job: Job, method: PaymentMethod): OrderDraft {
  const { r, sc, life, channel } = job;
  const c = sc.store.currency;
  const want = Math.max(life.minLines ?? 1, r.weighted(LINE_COUNTS).n);
  const lines: OrderDraft['lines'][number][] = [];
  const used = new Set<string>();
  while (lines.length < want) {
    const offer = r.pick(sc.offers);
    if (used.has(offer.sku)) continue;
    used.add(offer.sku);
    const quantity = r.weighted(QUANTITIES).n;
    const lineDiscount = r.chance(0.08) ? Math.floor((offer.unitPrice.amount * quantity) / 10 / sc.unit) * sc.unit : 0;
    lines.push({
      sku: offer.sku,
      name: offer.name,
      ...(offer.variant !== undefined && { variant: offer.variant }),
      unitPrice: offer.unitPrice,
      ...(lineDiscount > 0 && { discount: { amount: lineDiscount, currency: c } }),
      quantity,
    });
  }
  const subtotal = lines.reduce((s, l) => s + l.unitPrice.amount * l.quantity - (l.discount?.amount ?? 0), 0);
  const discount = r.chance(0.15) ? Math.floor((subtotal * r.pick([5, 10, 15])) / 100 / sc.unit) * sc.unit : 0;
  const inStore = channel === 'pos' || channel === 'walk-in';
  const fee = inStore ? 0 : deliveryFee(r, c);
  const taxable = !MARKETPLACES[channel] && sc.country.taxBps > 0;
  const tax = taxable ? Math.floor(((subtotal - discount) * sc.country.taxBps) / 10000) : 0;
  const tags = r.chance(0.25) ? [r.pick(TAGS)] : [];
  const scheduledAt = drawSchedule(r, sc, life, job.createdMs, job.nowMs);
  return {
    channel,
    storeId: sc.store.id,
    customer: job.who.customer,
    ...(!inStore && { shippingAddress: job.who.address }),
    currency: c,
    lines,
    ...(discount > 0 && { discount: { amount: discount, currency: c } }),
    ...(fee > 0 && { deliveryFee: { amount: fee, currency: c } }),
    ...(tax > 0 && { tax: { amount: tax, currency: c } }),
    paymentMethod: method,
    ...(tags.length > 0 && { tags }),
    ...(r.chance(0.06) && { note: r.pick(NOTES) }),
    ...(scheduledAt && { scheduledAt }),
  };
}

/** A delivery date or booking: in the coming three weeks, or within two days of creation. */
export function drawSchedule(r: Rng, sc: StoreContext, life: Lifecycle, createdMs: number, nowMs: number): string | undefined {
  if (life.scheduled === 'future') return localTime(sc, nowMs + r.int(1, 21) * DAY_MS, r.pick([9, 10, 13, 15]));
  if (life.scheduled === 'past') return localTime(sc, createdMs + r.int(0, 2) * DAY_MS, r.pick([10, 14]));
  return undefined;
}

/** A timestamp at a whole local hour in the store's time zone, on the local day of `ms`. */
function localTime(sc: StoreContext, ms: number, hour: number): string {
  const localDay = Math.floor((ms + sc.offsetMs) / DAY_MS) * DAY_MS;
  return new Date(localDay + hour * 3_600_000 - sc.offsetMs).toISOString();
}

/** The order number, unique per merchant: the preset's one format (numbering.ts) over the merchant-wide sequence. */
export function orderNumber(preset: PresetKey, sc: StoreContext, channel: Channel, seq: number, createdMs: number): string {
  return formatOrderNumber(preset, { store: sc.store, channel, seq, createdMs });
}

// ---------------------------------------------------------------------------------------------
// Couriers and tracking

export function trackingNumber(r: Rng, code: string, country: string): string {
  switch (code as CourierCode) {
    case 'jnt':
      return country === 'MY' ? `63${r.chars(10)}` : `JP${r.chars(10)}`;
    case 'jne':
      return `CGK${r.chars(13)}`;
    case 'sicepat':
      return `00${r.chars(10)}`;
    case 'ninjavan':
      return `NV${country}${r.chars(10, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}`;
    case 'poslaju':
      return `EP${r.chars(9)}MY`;
    case 'dhl':
      return r.chars(10);
    case 'fedex':
      return r.chars(12);
    case 'gosend':
      return `GK-11-${r.chars(7)}`;
    case 'grabexpress':
      return `IN-${r.chars(8)}-${r.chars(3, 'ABCDEFGHJKLMNPRSTUVWXYZ')}`;
    case 'lalamove':
      return `1${r.chars(11)}`;
    default:
      return `TRK${r.chars(9)}`;
  }
}

export const postingReference = (r: Rng): string => `IV-${r.chars(6)}`;

const TRACKABLE = new Set(['poslaju', 'jnt', 'ninjavan', 'dhl', 'fedex']);

function stepEnv(job: Job, order: Order): StepEnv {
  const { r, sc } = job;
  const courier = r.pick(sc.couriers);
  const tn = job.trackingNumber ?? trackingNumber(r, courier.code, sc.country.code);
  const agent = r.pick(sc.country.agents);
  const csr = r.pick(sc.country.csrs);
  return {
    r,
    country: sc.country,
    courier: courier.code === 'self' ? { ...COURIERS.self, name: agent.name } : courier,
    trackingNumber: tn,
    ...(TRACKABLE.has(courier.code) && { trackingUrl: `https://www.tracking.my/${courier.code}/${tn}` }),
    agent,
    csr,
    reference: job.reference ?? postingReference(r),
    unit: Math.min(sc.unit, Math.max(1, order.totals.total.amount)),
  };
}
