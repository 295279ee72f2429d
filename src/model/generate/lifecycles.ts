/**
 * Scripted order lifecycles per preset: the actions (and their inputs) that take a new order to each
 * target state, with the time between steps and how often each outcome occurs. The generator walks them
 * through the workflow engine. Private to `generate`.
 */
import { accepted, refundable } from '../derive.js';
import type { PresetKey } from '../presets/index.js';
import type { Channel, Courier, LineItem, Order, PaymentMethod, Person, Shipment } from '../types.js';
import type { Country } from './catalog.js';
import type { Rng, Weighted } from './random.js';

/** What a step's input may draw on: the order's own courier, tracking number, agent and CSR. */
export interface StepEnv {
  readonly r: Rng;
  readonly country: Country;
  readonly courier: Courier;
  readonly trackingNumber: string;
  readonly trackingUrl?: string;
  readonly agent: Person;
  readonly csr: Person;
  /** An accounting reference for a posting. */
  readonly reference: string;
  /** A round amount in the order's currency (a thousand rupiah, ten sen…). */
  readonly unit: number;
}

type Input = (o: Order, e: StepEnv) => unknown;

export interface Step {
  readonly action: string;
  /** Minutes after the previous step (or creation): [min, max]. */
  readonly after: readonly [number, number];
  readonly input?: Input;
}

export interface Lifecycle extends Weighted {
  readonly name: string;
  readonly steps: readonly Step[];
  /** How many days an order may have sat in its final state; ages spread over it (capped by the window). */
  readonly idleDays: number;
  /** Channels and their weights; the preset's default when absent. */
  readonly channels?: readonly (readonly [Channel, number])[];
  /** The checkout payment method(s) on the draft. */
  readonly methods?: readonly PaymentMethod[];
  /** At least this many lines (accept-some, split shipments). */
  readonly minLines?: number;
  /** A delivery date / booking: ahead of now, or shortly after creation. */
  readonly scheduled?: 'future' | 'past';
  /**
   * Always simulated order by order, never copied from a template: its timeline text quotes a date
   * that a template copy would not shift.
   */
  readonly direct?: boolean;
}

export interface PresetScript {
  readonly channels: readonly (readonly [Channel, number])[];
  readonly methods: readonly PaymentMethod[];
  readonly lifecycles: readonly Lifecycle[];
}

// ---------------------------------------------------------------------------------------------
// Step and input helpers

const H = 60;
const D = 24 * H;
const WINDOW = 120;

const step = (action: string, after: readonly [number, number], input?: Input): Step =>
  input ? { action, after, input } : { action, after };

const lastShipment = (o: Order): Shipment => o.shipments[o.shipments.length - 1] as Shipment;
const firstLine = (o: Order): LineItem => o.lines[0] as LineItem;
const lastLine = (o: Order): LineItem => o.lines[o.lines.length - 1] as LineItem;

const paidByCheckout: Input = (o) => ({ method: o.paymentMethod ?? 'cash' });
const pickMethod = (...methods: PaymentMethod[]): Input => (_o, e) => ({ method: e.r.pick(methods) });
const reason = (...texts: string[]): Input => (_o, e) => ({ reason: e.r.pick(texts) });
const note = (...texts: string[]): Input => (_o, e) => ({ text: e.r.pick(texts) });

const courierEvent = (status: string, of: (o: Order) => Shipment = lastShipment, text?: string): Input => (o) => ({
  shipmentId: of(o).id,
  status,
  ...(text && { note: text }),
});
const assigned: Input = (o, e) => ({
  shipmentId: lastShipment(o).id,
  status: 'assigned',
  courier: e.courier,
  trackingNumber: e.trackingNumber,
  ...(e.trackingUrl && { trackingUrl: e.trackingUrl }),
});
const shipWithTracking: Input = (_o, e) => ({
  courier: e.courier,
  trackingNumber: e.trackingNumber,
  ...(e.trackingUrl && { trackingUrl: e.trackingUrl }),
});
const createShipment = (tracking: number): Input => (_o, e) => ({
  courier: e.courier,
  ...(e.r.chance(tracking) && { trackingNumber: e.trackingNumber }),
});
const shipFirstLine: Input = (o, e) => ({
  courier: e.courier,
  trackingNumber: e.trackingNumber,
  lines: [{ lineId: firstLine(o).id, quantity: accepted(firstLine(o)) }],
});
const shipRest: Input = (_o, e) => ({ courier: e.courier, trackingNumber: `${e.trackingNumber}-2` });
const acceptSome: Input = (o) => ({ lines: [{ lineId: lastLine(o).id, accepted: 0 }] });

const refundAll = (...texts: string[]): Input => (o, e) => ({ amount: refundable(o), reason: e.r.pick(texts) });
const refundPart = (...texts: string[]): Input => (o, e) => {
  const available = refundable(o).amount;
  const part = Math.max(e.unit, Math.floor((available * (0.2 + e.r.next() * 0.3)) / e.unit) * e.unit);
  return { amount: { amount: Math.min(part, available), currency: o.currency }, reason: e.r.pick(texts) };
};
const refundOneUnit = (...texts: string[]): Input => (o, e) => ({
  lines: [{ lineId: firstLine(o).id, quantity: 1 }],
  reason: e.r.pick(texts),
  restock: true,
});
const returnOneUnit = (...texts: string[]): Input => (o, e) => ({
  lines: [{ lineId: firstLine(o).id, quantity: 1 }],
  reason: e.r.pick(texts),
});
const partPayment: Input = (o, e) => ({
  method: o.paymentMethod ?? 'cash',
  amount: { amount: Math.max(e.unit, Math.floor(o.totals.outstanding.amount / 2 / e.unit) * e.unit), currency: o.currency },
});
const expense = (label: string, share: number): Input => (o, e) => ({
  label,
  amount: { amount: Math.max(e.unit, Math.round((o.deliveryFee.amount || o.totals.total.amount / 10) * share / e.unit) * e.unit), currency: o.currency },
});

// ---------------------------------------------------------------------------------------------
// confirm-first

const cfAccept = step('accept-all', [5, 3 * H]);
const cfAcceptSome = step('accept-some', [5, 3 * H], acceptSome);
const cfPay = step('payment-received', [10, 12 * H], paidByCheckout);
const cfBook = step('book-courier', [30, 8 * H]);
const cfAssigned = step('courier-update', [2, 40], assigned);
const cfPickedUp = step('courier-update', [10, 90], courierEvent('picked-up'));
const cfInTransit = step('courier-update', [5, 6 * H], courierEvent('in-transit'));
const cfDelivered = step('courier-update', [30, 2 * D], courierEvent('delivered'));
const cfToDoor = [cfBook, cfAssigned, cfPickedUp, cfInTransit, cfDelivered];

const confirmFirst: PresetScript = {
  channels: [['online', 85], ['whatsapp', 15]],
  methods: ['bank-transfer', 'e-wallet', 'e-wallet', 'card'],
  lifecycles: [
    { name: 'new', weight: 6, idleDays: 1, steps: [] },
    { name: 'awaiting payment', weight: 5, idleDays: 2, steps: [cfAccept] },
    { name: 'awaiting payment, some out of stock', weight: 3, idleDays: 2, minLines: 2, steps: [cfAcceptSome] },
    { name: 'ready to process', weight: 6, idleDays: 2, steps: [cfAccept, cfPay] },
    { name: 'paid by transfer, confirmed by staff', weight: 2, idleDays: 2, methods: ['bank-transfer'], steps: [cfAccept, step('mark-paid', [30, 6 * H], paidByCheckout)] },
    { name: 'finding a courier', weight: 3, idleDays: 0.2, steps: [cfAccept, cfPay, cfBook] },
    { name: 'courier assigned', weight: 3, idleDays: 0.2, steps: [cfAccept, cfPay, cfBook, cfAssigned] },
    { name: 'in delivery', weight: 6, idleDays: 2, steps: [cfAccept, cfPay, cfBook, cfAssigned, cfPickedUp, cfInTransit] },
    { name: 'completed', weight: 34, idleDays: WINDOW, steps: [cfAccept, cfPay, ...cfToDoor] },
    { name: 'completed, some out of stock', weight: 8, idleDays: WINDOW, minLines: 2, steps: [cfAcceptSome, cfPay, ...cfToDoor] },
    {
      name: 'completed, partly refunded',
      weight: 2,
      idleDays: WINDOW,
      steps: [cfAccept, cfPay, ...cfToDoor, step('refund', [H, 3 * D], refundPart('Barang rusak saat diterima', 'Kurang satu item'))],
    },
    {
      name: 'no courier found, back to ready',
      weight: 2,
      idleDays: 1,
      steps: [cfAccept, cfPay, cfBook, step('courier-update', [20, 2 * H], courierEvent('failed', lastShipment, 'Tidak ada kurir tersedia'))],
    },
    {
      name: 'returned by courier',
      weight: 1,
      idleDays: 2,
      steps: [cfAccept, cfPay, cfBook, cfAssigned, cfPickedUp, cfInTransit, step('courier-update', [2 * H, 2 * D], courierEvent('returned', lastShipment, 'Penerima tidak di tempat'))],
    },
    { name: 'rejected, out of stock', weight: 5, idleDays: WINDOW, steps: [step('reject-all', [5, 3 * H], reason('Stok habis', 'Produk tidak tersedia'))] },
    { name: 'customer cancelled before paying', weight: 5, idleDays: WINDOW, steps: [cfAccept, step('customer-cancel', [30, D], reason('Berubah pikiran', 'Pesanan ganda'))] },
    { name: 'customer cancelled before confirmation', weight: 1, idleDays: WINDOW, steps: [step('customer-cancel', [5, 2 * H], reason('Salah pilih varian'))] },
    {
      name: 'cancelled after payment, refunded',
      weight: 3,
      idleDays: WINDOW,
      steps: [cfAccept, cfPay, step('cancel', [H, D], (_o, e) => ({ reason: e.r.pick(['Stok rusak', 'Toko tutup sementara']), restock: true })), step('refund', [H, 2 * D], refundAll('Pesanan dibatalkan toko'))],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// online-store

const osOnline: Lifecycle['channels'] = [['online', 1]];
const osPos: Lifecycle['channels'] = [['pos', 1]];
const osPay = step('payment-received', [1, 20], paidByCheckout);
const osProcessing = step('mark-processing', [30, 8 * H]);
const osShipped = step('mark-shipped', [2 * H, 2 * D], shipWithTracking);
const osDelivered = step('mark-delivered', [D, 5 * D]);

const onlineStore: PresetScript = {
  channels: osOnline,
  methods: ['card', 'e-wallet', 'bank-transfer'],
  lifecycles: [
    { name: 'online, pending payment', weight: 3, idleDays: 1, channels: osOnline, methods: ['bank-transfer'], steps: [] },
    { name: 'online, paid', weight: 8, idleDays: 2, channels: osOnline, steps: [osPay] },
    { name: 'online, processing', weight: 6, idleDays: 3, channels: osOnline, steps: [osPay, osProcessing] },
    { name: 'online, ready for pickup', weight: 3, idleDays: 4, channels: osOnline, steps: [osPay, step('mark-ready-for-pickup', [H, D])] },
    { name: 'online, shipped', weight: 7, idleDays: 4, channels: osOnline, steps: [osPay, osProcessing, osShipped] },
    { name: 'online, delivered', weight: 20, idleDays: WINDOW, channels: osOnline, steps: [osPay, osProcessing, osShipped, osDelivered] },
    { name: 'online, collected in store', weight: 5, idleDays: WINDOW, channels: osOnline, steps: [osPay, step('mark-ready-for-pickup', [H, D]), step('mark-completed', [H, 3 * D])] },
    { name: 'online, cancelled unpaid', weight: 3, idleDays: WINDOW, channels: osOnline, methods: ['bank-transfer'], steps: [step('cancel', [D, 3 * D], reason('Payment not completed', 'Customer asked to cancel'))] },
    {
      name: 'online, cancelled and refunded',
      weight: 2,
      idleDays: WINDOW,
      channels: osOnline,
      steps: [osPay, step('cancel', [H, D], (_o, e) => ({ reason: e.r.pick(['Out of stock', 'Customer asked to cancel']), restock: true, notifyCustomer: true })), step('refund', [H, D], refundAll('Order cancelled'))],
    },
    {
      name: 'online, refunded after delivery',
      weight: 3,
      idleDays: WINDOW,
      channels: osOnline,
      steps: [osPay, osProcessing, osShipped, osDelivered, step('refund', [D, 7 * D], refundAll('Item not as described', 'Damaged in transit'))],
    },
    {
      name: 'online, delivered, one item refunded',
      weight: 3,
      idleDays: WINDOW,
      channels: osOnline,
      steps: [osPay, osProcessing, osShipped, osDelivered, step('refund', [D, 7 * D], refundOneUnit('Wrong size', 'Defective item'))],
    },
    {
      name: 'in store sale',
      weight: 30,
      idleDays: WINDOW,
      channels: osPos,
      steps: [step('record-payment', [1, 5], pickMethod('cash', 'card', 'e-wallet')), step('mark-completed', [0, 2])],
    },
    {
      name: 'in store sale, refunded',
      weight: 2,
      idleDays: WINDOW,
      channels: osPos,
      steps: [step('record-payment', [1, 5], pickMethod('cash', 'card')), step('mark-completed', [0, 2]), step('refund', [H, 5 * D], refundAll('Returned at the counter'))],
    },
    {
      name: 'in store, note added',
      weight: 1,
      idleDays: WINDOW,
      channels: osPos,
      steps: [step('record-payment', [1, 5], pickMethod('cash')), step('mark-completed', [0, 2]), step('add-note', [1, 30], note('Customer will come back for the gift wrap.', 'Paid with exact change.'))],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// payment-fulfillment

const pfManual: PaymentMethod[] = ['cod', 'bank-transfer', 'whatsapp'];
const pfCardPay = step('payment-received', [1, 10], paidByCheckout);
const pfMarkPaid = step('mark-paid', [H, 2 * D], paidByCheckout);
const pfShip = step('create-shipment', [3 * H, 2 * D], createShipment(0.7));
const pfInTransit = [step('courier-update', [H, 8 * H], courierEvent('picked-up')), step('courier-update', [H, 12 * H], courierEvent('in-transit'))];
const pfFulfill = step('fulfill', [D, 4 * D]);
const pfComplete = step('complete', [H, 2 * D]);
const pfArchive = step('archive', [D, 10 * D]);

const paymentFulfillment: PresetScript = {
  channels: [['online', 60], ['whatsapp', 15], ['phone', 15], ['walk-in', 10]],
  methods: ['card', 'card', 'cod', 'bank-transfer', 'whatsapp'],
  lifecycles: [
    { name: 'unpaid', weight: 8, idleDays: 5, methods: pfManual, steps: [] },
    { name: 'paid by card, unfulfilled', weight: 6, idleDays: 3, methods: ['card'], channels: [['online', 1]], steps: [pfCardPay] },
    { name: 'marked paid, unfulfilled', weight: 4, idleDays: 3, methods: ['bank-transfer', 'whatsapp'], steps: [pfMarkPaid] },
    { name: 'booking, scheduled ahead', weight: 4, idleDays: 5, methods: ['bank-transfer', 'whatsapp'], channels: [['phone', 1], ['walk-in', 1]], scheduled: 'future', steps: [pfMarkPaid] },
    {
      name: 'booking, rescheduled',
      weight: 1,
      direct: true,
      idleDays: 5,
      methods: ['bank-transfer'],
      channels: [['phone', 1]],
      scheduled: 'future',
      steps: [pfMarkPaid, step('reschedule', [H, D], (o) => ({ scheduledAt: new Date(Date.parse(o.scheduledAt ?? o.updatedAt) + 2 * D * 60000).toISOString() }))],
    },
    { name: 'shipment created', weight: 5, idleDays: 3, methods: ['card'], channels: [['online', 1]], steps: [pfCardPay, pfShip] },
    { name: 'shipped, in transit', weight: 5, idleDays: 4, methods: ['card'], channels: [['online', 1]], steps: [pfCardPay, pfShip, ...pfInTransit] },
    {
      name: 'split shipment, second not yet sent',
      weight: 3,
      idleDays: 4,
      minLines: 2,
      methods: ['card'],
      channels: [['online', 1]],
      steps: [pfCardPay, step('create-shipment', [3 * H, D], shipFirstLine), step('courier-update', [H, 8 * H], courierEvent('in-transit'))],
    },
    {
      name: 'split shipments, fulfilled and closed',
      weight: 3,
      idleDays: WINDOW,
      minLines: 2,
      methods: ['card'],
      channels: [['online', 1]],
      steps: [pfCardPay, step('create-shipment', [3 * H, D], shipFirstLine), step('create-shipment', [D, 3 * D], shipRest), pfFulfill, pfComplete],
    },
    { name: 'COD delivered, awaiting cash', weight: 3, idleDays: 3, methods: ['cod'], steps: [pfShip, pfFulfill] },
    { name: 'COD closed', weight: 9, idleDays: WINDOW, methods: ['cod'], steps: [pfShip, pfFulfill, step('mark-paid', [H, 3 * D], paidByCheckout), pfComplete] },
    { name: 'COD closed and archived', weight: 5, idleDays: WINDOW, methods: ['cod'], steps: [pfShip, pfFulfill, step('mark-paid', [H, 3 * D], paidByCheckout), pfComplete, pfArchive] },
    { name: 'card, closed', weight: 14, idleDays: WINDOW, methods: ['card'], channels: [['online', 1]], steps: [pfCardPay, pfShip, ...pfInTransit, pfFulfill, pfComplete] },
    { name: 'card, closed and archived', weight: 10, idleDays: WINDOW, methods: ['card'], channels: [['online', 1]], steps: [pfCardPay, pfShip, pfFulfill, pfComplete, pfArchive] },
    { name: 'walk-in, handed over', weight: 3, idleDays: WINDOW, methods: ['bank-transfer'], channels: [['walk-in', 1]], steps: [pfMarkPaid, pfFulfill, pfComplete] },
    {
      name: 'partly refunded',
      weight: 3,
      idleDays: WINDOW,
      methods: ['card'],
      channels: [['online', 1]],
      steps: [pfCardPay, pfShip, pfFulfill, pfComplete, step('refund', [D, 5 * D], refundPart('Item damaged', 'Late delivery goodwill'))],
    },
    { name: 'refunded before shipping', weight: 3, idleDays: WINDOW, methods: ['card'], channels: [['online', 1]], steps: [pfCardPay, step('refund', [H, 2 * D], refundAll('Customer changed their mind', 'Out of stock'))] },
    { name: 'cancelled unpaid', weight: 4, idleDays: WINDOW, methods: pfManual, steps: [step('cancel', [D, 5 * D], reason('No payment received', 'Customer unreachable'))] },
    { name: 'cancelled and archived', weight: 2, idleDays: WINDOW, methods: pfManual, steps: [step('cancel', [D, 5 * D], reason('Duplicate order')), pfArchive] },
  ],
};

// ---------------------------------------------------------------------------------------------
// marketplace

const mpPay = step('payment-received', [1, 6 * H], () => ({ method: 'marketplace' }));
const mpPack = step('pack', [H, D]);
const mpToShip = step('to-ship', [30, 8 * H]);
const mpAssigned = step('courier-update', [10, 4 * H], assigned);
const mpPickedUp = step('courier-update', [H, D], courierEvent('picked-up'));
const mpDelivered = step('courier-update', [D, 4 * D], courierEvent('delivered'));
const mpComplete = step('complete', [D, 7 * D]);
const mpPost = step('post-accounting', [H, 5 * D]);
const mpPosted = step('posting-result', [1, 30], (_o, e) => ({ status: 'completed', reference: e.reference }));
const mpShipped = [mpPay, mpPack, mpToShip, mpAssigned, mpPickedUp];
const mpDone = [...mpShipped, mpDelivered];
const buyerCancels = reason('Change of mind', 'Found a better price', 'Ordered by mistake', 'Shipping takes too long');
const buyerReturns = returnOneUnit('Wrong item received', 'Item damaged', 'Not as described');

const marketplace: PresetScript = {
  channels: [['shopee', 45], ['lazada', 30], ['tiktok', 25]],
  methods: ['marketplace'],
  lifecycles: [
    { name: 'unpaid', weight: 4, idleDays: 1, steps: [] },
    { name: 'unpaid, dropped by marketplace', weight: 3, idleDays: WINDOW, steps: [step('unpaid-timeout', [D, 3 * D], reason('Payment not completed in time'))] },
    { name: 'new order', weight: 8, idleDays: 1, steps: [mpPay] },
    { name: 'packed', weight: 6, idleDays: 2, steps: [mpPay, mpPack] },
    { name: 'to ship', weight: 4, idleDays: 1, steps: [mpPay, mpPack, mpToShip] },
    { name: 'to ship, courier assigned', weight: 3, idleDays: 1, steps: [mpPay, mpPack, mpToShip, mpAssigned] },
    { name: 'shipped', weight: 7, idleDays: 3, steps: mpShipped },
    { name: 'shipped and posted', weight: 3, idleDays: 3, steps: [...mpShipped, mpPost, mpPosted] },
    { name: 'delivered', weight: 7, idleDays: 5, steps: mpDone },
    { name: 'self-delivered', weight: 2, idleDays: 5, steps: [mpPay, mpPack, step('mark-delivered', [2 * H, 2 * D])] },
    { name: 'completed', weight: 12, idleDays: WINDOW, steps: [...mpDone, mpComplete] },
    { name: 'completed, posted and archived', weight: 12, idleDays: WINDOW, steps: [...mpDone, mpComplete, mpPost, mpPosted] },
    { name: 'posting in progress', weight: 2, idleDays: 0.05, steps: [...mpDone, mpComplete, mpPost] },
    {
      name: 'posting failed',
      weight: 2,
      idleDays: 10,
      steps: [...mpDone, mpComplete, mpPost, step('posting-result', [1, 30], (_o, e) => ({ status: 'failed', error: e.r.pick(['Customer code not found in SQL Account', 'Stock item not mapped', 'Connection timed out']) }))],
    },
    {
      name: 'posted, then a return request (stale posting)',
      weight: 2,
      idleDays: 3,
      steps: [...mpDone, mpComplete, mpPost, mpPosted, step('request-return', [D, 5 * D], buyerReturns)],
    },
    { name: 'to cancel', weight: 3, idleDays: 2, steps: [mpPay, step('request-cancellation', [10, 12 * H], buyerCancels)] },
    { name: 'to cancel after packing', weight: 1, idleDays: 2, steps: [mpPay, mpPack, step('request-cancellation', [10, 12 * H], buyerCancels)] },
    {
      name: 'cancellation approved, refunded',
      weight: 3,
      idleDays: WINDOW,
      steps: [mpPay, step('request-cancellation', [10, 12 * H], buyerCancels), step('approve-cancellation', [H, D], () => ({ restock: true })), step('marketplace-refund', [H, 2 * D], refundAll('Cancelled by buyer'))],
    },
    {
      name: 'cancellation declined',
      weight: 2,
      idleDays: 3,
      steps: [mpPay, mpPack, step('request-cancellation', [10, 12 * H], buyerCancels), step('decline-cancellation', [H, D], reason('Already packed'))],
    },
    {
      name: 'cancelled by seller',
      weight: 1,
      idleDays: WINDOW,
      steps: [mpPay, step('cancel', [H, D], (_o, e) => ({ reason: e.r.pick(['Out of stock', 'Price error']), restock: true })), step('marketplace-refund', [H, 2 * D], refundAll('Cancelled by seller'))],
    },
    { name: 'to return', weight: 2, idleDays: 3, steps: [...mpDone, step('request-return', [D, 5 * D], buyerReturns)] },
    { name: 'to return, approved', weight: 1, idleDays: 3, steps: [...mpDone, step('request-return', [D, 5 * D], buyerReturns), step('approve-return', [H, D])] },
    {
      name: 'returned and refunded',
      weight: 2,
      idleDays: WINDOW,
      steps: [
        ...mpDone,
        step('request-return', [D, 5 * D], buyerReturns),
        step('approve-return', [H, D]),
        step('receive-return', [2 * D, 6 * D], () => ({ restock: true })),
        step('marketplace-refund', [H, 2 * D], refundOneUnit('Return received')),
      ],
    },
    {
      name: 'delivery failed, back to seller',
      weight: 1,
      idleDays: WINDOW,
      steps: [...mpShipped, step('courier-update', [D, 2 * D], courierEvent('failed', lastShipment, 'Recipient not at home')), step('courier-update', [D, 4 * D], courierEvent('returned', lastShipment, 'Returned to sender'))],
    },
    {
      name: 'courier booking failed, to process again',
      weight: 1,
      idleDays: 2,
      steps: [mpPay, mpPack, mpToShip, step('courier-update', [H, 6 * H], courierEvent('failed', lastShipment, 'Pick-up not arranged'))],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// cod-delivery

const cdCsr = step('assign-csr', [5, 3 * H], (_o, e) => ({ csr: e.csr }));
const cdProcessing = step('update-status', [30, 8 * H], () => ({ status: 'processing' }));
const cdAgent = step('assign-agent', [10, 4 * H], (_o, e) => ({ agent: e.agent }));
const cdDispatch = step('dispatch', [H, D], (_o, e) => ({ courier: { code: 'self', name: e.agent.name } }));
const cdDelivered = step('mark-delivered', [H, 8 * H]);
const cdCash = step('record-payment', [0, 30], paidByCheckout);
const cdFuel = step('record-expense', [0, 60], expense('Fuel', 0.4));
const cdOut = [cdCsr, cdProcessing, cdAgent, cdDispatch];

const codDelivery: PresetScript = {
  channels: [['phone', 40], ['whatsapp', 35], ['online', 15], ['manual', 10]],
  methods: ['cash', 'cash', 'cash', 'card', 'bank-transfer', 'pos'],
  lifecycles: [
    { name: 'pending', weight: 6, idleDays: 2, scheduled: 'future', steps: [] },
    { name: 'pending with a CSR', weight: 4, idleDays: 2, scheduled: 'future', steps: [cdCsr] },
    { name: 'processing', weight: 8, idleDays: 3, scheduled: 'future', steps: [cdCsr, cdProcessing, cdAgent] },
    { name: 'in transit', weight: 8, idleDays: 1, steps: cdOut },
    { name: 'delivered, cash collected', weight: 26, idleDays: WINDOW, scheduled: 'past', methods: ['cash'], steps: [...cdOut, cdDelivered, cdCash, cdFuel] },
    { name: 'delivered, paid by card on delivery', weight: 5, idleDays: WINDOW, scheduled: 'past', methods: ['card', 'pos'], steps: [...cdOut, cdDelivered, cdCash] },
    {
      name: 'paid by transfer first, self-delivered',
      weight: 5,
      idleDays: WINDOW,
      methods: ['bank-transfer'],
      steps: [cdCsr, step('record-payment', [H, D], paidByCheckout), cdAgent, cdDelivered],
    },
    {
      name: 'delivered by a third-party courier',
      weight: 4,
      idleDays: WINDOW,
      methods: ['cash'],
      steps: [cdCsr, cdProcessing, step('dispatch', [H, D], (_o, e) => ({ courier: e.courier, trackingNumber: e.trackingNumber })), cdDelivered, cdCash, step('record-expense', [0, 60], expense('Courier fee', 1))],
    },
    { name: 'delivered, part paid', weight: 2, idleDays: 10, methods: ['cash'], steps: [...cdOut, cdDelivered, step('record-payment', [0, 30], partPayment)] },
    {
      name: 'delivered, partly refunded',
      weight: 1,
      idleDays: WINDOW,
      methods: ['cash'],
      steps: [...cdOut, cdDelivered, cdCash, step('refund', [D, 3 * D], refundPart('Damaged item', 'Missing item'))],
    },
    {
      name: 'delivery failed',
      weight: 6,
      idleDays: WINDOW,
      steps: [...cdOut, step('update-status', [H, 8 * H], () => ({ status: 'failed', note: 'Customer unreachable' })), cdFuel],
    },
    { name: 'cancelled', weight: 5, idleDays: WINDOW, steps: [cdCsr, step('cancel', [H, 2 * D], reason('Customer cancelled by phone', 'Duplicate order', 'Customer unreachable'))] },
    { name: 'deleted', weight: 2, idleDays: WINDOW, steps: [step('delete', [5, D])] },
    { name: 'deleted while processing', weight: 1, idleDays: WINDOW, steps: [cdCsr, cdProcessing, step('delete', [H, D])] },
    { name: 'deleted and restored', weight: 1, idleDays: 10, steps: [step('delete', [5, D]), step('restore', [H, 3 * D])] },
    { name: 'note from the CSR', weight: 1, idleDays: 3, steps: [cdCsr, step('add-note', [5, H], note('Customer prefers delivery after 5pm.', 'Call before arriving.'))] },
  ],
};

export const SCRIPTS: Readonly<Record<PresetKey, PresetScript>> = {
  'confirm-first': confirmFirst,
  'online-store': onlineStore,
  'payment-fulfillment': paymentFulfillment,
  marketplace,
  'cod-delivery': codDelivery,
};

export const MINUTE_MS = 60_000;
export const DAY_MS = D * MINUTE_MS;
export const WINDOW_DAYS = WINDOW;
