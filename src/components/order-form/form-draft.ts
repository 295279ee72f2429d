/**
 * The order form's draft: what a person typed, kept as typed (money as text in their locale), saved in
 * sessionStorage per viewer and store (or order), and turned into an `OrderDraft` (create) or an
 * `OrderPatch` (edit) with every field problem named by the form field that shows it. Totals are never
 * computed here: the preview order comes from the model (`newOrder`, `applyEdit`). Private to `<order-form>`.
 */
import { msg, str } from '@lit/localize';
import type { FieldProblem, OrderPatch } from '../../api/types.js';
import { isEmail, isPhone } from '../../model/contact.js';
import { applyEdit, editableFields, type EditRules } from '../../model/edit.js';
import { money, zero, type Money } from '../../model/money.js';
import { newOrder } from '../../model/order.js';
import type { Address, Order, OrderDraft, PaymentMethod, Person, Viewer } from '../../model/types.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { formatMoneyInput, parseMoneyInput } from '../order-action-dialog/money-input.js';

export interface AddressText {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface FormLine {
  /** Stable key for rendering and field ids. */
  key: string;
  sku: string;
  name: string;
  variant?: string;
  /** The catalogue's price, when the line came from the catalogue. */
  listPrice?: Money;
  /** The unit price as typed. */
  priceText: string;
  /** Why the unit price differs from the list price. */
  priceReason: string;
  quantity: string;
  /** A line typed by hand (not in the catalogue). */
  custom: boolean;
  /** For an order being edited: the line discount kept as it was. */
  discount?: Money;
  imageUrl?: string;
}

export interface FormDraft {
  readonly v: 1;
  /** The create request's idempotency key: made once per draft, kept across reloads and retries. */
  key: string;
  /** Set while a request is out: after a reload the same request (same key) is sent again. */
  pending: boolean;
  storeId: string;
  channel: string;
  name: string;
  phone: string;
  email: string;
  shipping: AddressText;
  billingSame: boolean;
  billing: AddressText;
  lines: FormLine[];
  discountMode: 'amount' | 'percent';
  discountText: string;
  feeText: string;
  taxText: string;
  paymentMethod: PaymentMethod | '';
  paidNow: boolean;
  paidText: string;
  paidReference: string;
  agentId: string;
  csrId: string;
  /** `datetime-local` value (the browser's zone). */
  scheduledAt: string;
  note: string;
  tags: string;
  /** Edit: the order version the form was filled from. */
  baseVersion?: number;
}

export type FieldErrors = Record<string, string>;

const emptyAddress = (): AddressText => ({ name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: '' });

export function newKey(): string {
  return crypto.randomUUID();
}

export function emptyDraft(storeId: string, channel: string, method: PaymentMethod | ''): FormDraft {
  return {
    v: 1,
    key: newKey(),
    pending: false,
    storeId,
    channel,
    name: '',
    phone: '',
    email: '',
    shipping: emptyAddress(),
    billingSame: true,
    billing: emptyAddress(),
    lines: [],
    discountMode: 'amount',
    discountText: '',
    feeText: '',
    taxText: '',
    paymentMethod: method,
    paidNow: false,
    paidText: '',
    paidReference: '',
    agentId: '',
    csrId: '',
    scheduledAt: '',
    note: '',
    tags: '',
  };
}

function addressText(a: Address | undefined): AddressText {
  if (!a) return emptyAddress();
  return {
    name: a.name ?? '',
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city,
    region: a.region ?? '',
    postalCode: a.postalCode ?? '',
    country: a.country,
  };
}

/** `datetime-local` text for an ISO instant, in the browser's zone. */
export function localInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const moneyText = (m: Money | undefined): string => (m && m.amount !== 0 ? formatMoneyInput(m) : '');

/** The form filled from a placed order (edit). */
export function draftFromOrder(order: Order): FormDraft {
  const sameBilling = !order.billingAddress || JSON.stringify(order.billingAddress) === JSON.stringify(order.shippingAddress);
  return {
    ...emptyDraft(order.storeId, order.channel, order.paymentMethod ?? ''),
    name: order.customer.name,
    phone: order.customer.phone ?? '',
    email: order.customer.email ?? '',
    shipping: addressText(order.shippingAddress),
    billingSame: sameBilling,
    billing: addressText(sameBilling ? undefined : order.billingAddress),
    lines: order.lines.map((l) => ({
      key: l.id,
      sku: l.sku,
      name: l.name,
      ...(l.variant !== undefined && { variant: l.variant }),
      ...(l.imageUrl !== undefined && { imageUrl: l.imageUrl }),
      listPrice: l.unitPrice,
      priceText: formatMoneyInput(l.unitPrice),
      priceReason: '',
      quantity: String(l.quantity.ordered),
      custom: false,
      discount: l.discount,
    })),
    discountText: moneyText(order.discount),
    feeText: moneyText(order.deliveryFee),
    taxText: moneyText(order.tax),
    agentId: order.assignees.agent?.id ?? '',
    csrId: order.assignees.csr?.id ?? '',
    scheduledAt: localInput(order.scheduledAt),
    note: order.note ?? '',
    tags: order.tags.join(', '),
    baseVersion: order.version,
  };
}

// ── persistence ─────────────────────────────────────────────────────────────────────────────────────

const PREFIX = 'orderdeck:order-form:';

export function storageKey(viewer: Viewer, scope: string): string {
  return `${PREFIX}${viewer.id}:${scope}`;
}

export function loadDraft(key: string): FormDraft | undefined {
  try {
    const text = sessionStorage.getItem(key);
    if (!text) return undefined;
    const value = JSON.parse(text) as Partial<FormDraft>;
    if (value.v !== 1 || typeof value.key !== 'string' || !Array.isArray(value.lines)) return undefined;
    return value as FormDraft;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: FormDraft): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft lives on in memory.
  }
}

export function discardDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

// ── building ────────────────────────────────────────────────────────────────────────────────────────

/** Basis points (1 % = 100) of a typed percentage with at most two decimals, or undefined. */
export function parsePercent(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!m) return undefined;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : undefined;
}

/** `basisPoints` of an amount, rounded down (a discount never exceeds what was asked). */
export function percentOf(amount: Money, basisPoints: number): Money {
  return money(Math.floor((amount.amount * basisPoints) / 10000), amount.currency);
}

function address(a: AddressText): Address | undefined {
  const filled = Object.values(a).some((v) => v.trim() !== '');
  if (!filled) return undefined;
  const opt = (k: keyof AddressText): Record<string, string> => (a[k].trim() !== '' ? { [k]: a[k].trim() } : {});
  return {
    ...opt('name'),
    line1: a.line1.trim(),
    ...opt('line2'),
    city: a.city.trim(),
    ...opt('region'),
    ...opt('postalCode'),
    country: a.country.trim().toUpperCase(),
  };
}

export interface BuildContext {
  readonly currency: string;
  readonly people: readonly Person[];
  readonly workflow: WorkflowDefinition;
  readonly viewer: Viewer;
  /** Editing this order (rules apply, only changes are sent). */
  readonly order?: Order;
}

export interface Built {
  readonly errors: FieldErrors;
  /** The draft as the backend will take it (create), when there are no errors in its parts. */
  readonly draft?: OrderDraft;
  /** The order as the model computes it from the draft (create) or the patch (edit): live totals. */
  readonly preview?: Order;
  /** Edit: only what changed. */
  readonly patch?: OrderPatch;
  /** Subtotal after line discounts, for the percent discount's preview. */
  readonly subtotal: Money;
}

const lineErrorId = (line: FormLine, part: 'qty' | 'price' | 'reason' | 'name'): string => `line-${line.key}-${part}`;
export { lineErrorId };

/**
 * Checks the draft and builds what it means. Every problem is keyed by the id of the field that shows
 * it. `submit` adds the checks that only matter when sending (at least one line, a customer name).
 */
export function buildDraft(d: FormDraft, ctx: BuildContext, submit: boolean): Built {
  const errors: FieldErrors = {};
  const c = ctx.currency;
  const parseAmount = (text: string, id: string): Money | undefined => {
    if (text.trim() === '') return undefined;
    const m = parseMoneyInput(text, c);
    if (!m || m.amount < 0) errors[id] = msg('Enter an amount such as 15000 or 12.50, without letters.');
    return m && m.amount >= 0 ? m : undefined;
  };
  const rules: EditRules | undefined = ctx.order ? editableFields(ctx.order, ctx.workflow) : undefined;

  if (!d.storeId) errors.store = msg('Choose a store.');
  if (submit && d.name.trim() === '') errors.name = msg('Enter the customer’s name.');
  if (d.phone.trim() !== '' && !isPhone(d.phone)) errors.phone = msg('Enter a phone number: 6 to 15 digits, optionally starting with +.');
  if (d.email.trim() !== '' && !isEmail(d.email)) errors.email = msg('Enter an e-mail address such as name@example.com.');
  const checkAddress = (a: AddressText, prefix: string): void => {
    if (!Object.values(a).some((v) => v.trim() !== '')) return;
    if (a.line1.trim() === '') errors[`${prefix}-line1`] = msg('Enter the street address.');
    if (a.city.trim() === '') errors[`${prefix}-city`] = msg('Enter the city.');
    if (!/^[A-Za-z]{2}$/.test(a.country.trim())) errors[`${prefix}-country`] = msg('Enter a two-letter country code (ID, MY, SG…).');
  };
  checkAddress(d.shipping, 'ship');
  if (!d.billingSame) checkAddress(d.billing, 'bill');

  const lines: OrderDraft['lines'][number][] = [];
  d.lines.forEach((l) => {
    const qty = Number(l.quantity);
    const rule = ctx.order && rules ? rules.lines[l.key] : undefined;
    if (!/^\d+$/.test(l.quantity.trim()) || qty < 1 || qty > 100000) errors[lineErrorId(l, 'qty')] = msg('Enter a whole number of at least 1.');
    else if (rule && qty < rule.minQuantity) errors[lineErrorId(l, 'qty')] = msg(str`At least ${rule.minQuantity}: that many are already fulfilled.`);
    if (l.custom && l.name.trim() === '') errors[lineErrorId(l, 'name')] = msg('Give the item a title.');
    const price = l.priceText.trim() === '' ? undefined : parseMoneyInput(l.priceText, c);
    if (!price || price.amount < 0) errors[lineErrorId(l, 'price')] = msg('Enter a unit price such as 15000 or 12.50.');
    else if (!l.custom && l.listPrice && price.amount !== l.listPrice.amount && l.priceReason.trim() === '') {
      errors[lineErrorId(l, 'reason')] = msg('Say why the price differs from the catalogue’s.');
    }
    if (price && price.amount >= 0 && Number.isInteger(qty) && qty >= 1) {
      lines.push({
        sku: l.custom ? l.sku || 'CUSTOM' : l.sku,
        name: l.name.trim() || l.sku,
        ...(l.variant !== undefined && { variant: l.variant }),
        ...(l.imageUrl !== undefined && { imageUrl: l.imageUrl }),
        unitPrice: price,
        ...(l.discount && { discount: l.discount }),
        quantity: qty,
      });
    }
  });
  if (submit && d.lines.length === 0) errors.lines = msg('Add at least one item.');

  let subtotal = 0;
  for (const l of lines) subtotal += l.unitPrice.amount * l.quantity - (l.discount?.amount ?? 0);
  const sub = money(Math.max(0, subtotal), c);

  let discount: Money | undefined;
  if (d.discountMode === 'percent') {
    if (d.discountText.trim() !== '') {
      const bp = parsePercent(d.discountText);
      if (bp === undefined) errors.discount = msg('Enter a percentage from 0 to 100, such as 10 or 12.5.');
      else discount = percentOf(sub, bp);
    }
  } else discount = parseAmount(d.discountText, 'discount');
  if (discount && discount.amount > sub.amount && !errors.discount) errors.discount = msg('The discount is more than the items cost.');
  const fee = parseAmount(d.feeText, 'fee');
  const tax = parseAmount(d.taxText, 'tax');

  let scheduledAt: string | undefined;
  if (d.scheduledAt.trim() !== '') {
    const t = new Date(d.scheduledAt);
    if (Number.isNaN(t.getTime())) errors.scheduled = msg('Enter a date and time.');
    else scheduledAt = t.toISOString();
  }
  const person = (id: string): Person | undefined => {
    if (!id) return undefined;
    const p = ctx.people.find((x) => x.id === id) ?? (ctx.viewer.id === id ? ctx.viewer : undefined) ?? (ctx.order && [ctx.order.assignees.agent, ctx.order.assignees.csr].find((x) => x?.id === id));
    return p ? { id: p.id, name: p.name } : undefined;
  };
  const agent = person(d.agentId);
  const csr = person(d.csrId);
  const tags = d.tags.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const customer = {
    name: d.name.trim(),
    ...(d.phone.trim() !== '' && { phone: d.phone.trim() }),
    ...(d.email.trim() !== '' && { email: d.email.trim() }),
  };
  const shippingAddress = address(d.shipping);
  const billingAddress = d.billingSame ? shippingAddress : address(d.billing);

  if (ctx.order) return buildEdit(ctx.order, ctx, errors, sub, {
    customer, shippingAddress, billingAddress, lines, discount, fee, tax, paymentMethod: d.paymentMethod, agent, csr, tags, note: d.note, scheduledAt,
    lineKeys: d.lines.map((l) => l.key),
  });

  let initialPayment: OrderDraft['initialPayment'];
  if (d.paidNow) {
    if (!d.paymentMethod) errors.method = msg('Choose how the customer paid.');
    const paid = parseAmount(d.paidText, 'paid-amount');
    if (!paid || paid.amount === 0) errors['paid-amount'] ??= msg('Enter the amount received.');
    if (paid && paid.amount > 0 && d.paymentMethod) {
      initialPayment = { method: d.paymentMethod, amount: paid, ...(d.paidReference.trim() !== '' && { reference: d.paidReference.trim() }) };
    }
  }
  const draft: OrderDraft = {
    channel: d.channel || 'manual',
    storeId: d.storeId,
    customer,
    ...(shippingAddress && { shippingAddress }),
    ...(billingAddress && { billingAddress }),
    currency: c,
    lines,
    ...(discount && discount.amount > 0 && { discount }),
    ...(fee && fee.amount > 0 && { deliveryFee: fee }),
    ...(tax && tax.amount > 0 && { tax }),
    ...(d.paymentMethod && { paymentMethod: d.paymentMethod }),
    ...((agent || csr) && { assignees: { ...(agent && { agent }), ...(csr && { csr }) } }),
    ...(tags.length && { tags }),
    ...(d.note.trim() !== '' && { note: d.note.trim() }),
    ...(scheduledAt && { scheduledAt }),
    ...(initialPayment && { initialPayment }),
  };
  const preview = newOrder(ctx.workflow, draft, { id: 'preview', number: '', now: new Date(0).toISOString(), actor: ctx.viewer, newId: (p) => `${p}-preview` });
  if (initialPayment && initialPayment.amount.amount > preview.totals.total.amount) errors['paid-amount'] = msg('That is more than the order total.');
  return { errors, draft, preview, subtotal: sub };
}

interface EditValues {
  customer: OrderDraft['customer'];
  shippingAddress: Address | undefined;
  billingAddress: Address | undefined;
  lines: OrderDraft['lines'][number][];
  discount: Money | undefined;
  fee: Money | undefined;
  tax: Money | undefined;
  paymentMethod: PaymentMethod | '';
  agent: Person | undefined;
  csr: Person | undefined;
  tags: string[];
  note: string;
  scheduledAt: string | undefined;
  /** The form's line keys, in the order of `lines`. */
  lineKeys: string[];
}

function buildEdit(order: Order, ctx: BuildContext, errors: FieldErrors, subtotal: Money, v: EditValues): Built {
  const c = order.currency;
  const full: OrderPatch = {
    customer: v.customer,
    shippingAddress: v.shippingAddress,
    billingAddress: v.billingAddress,
    lines: v.lines,
    discount: v.discount ?? zero(c),
    deliveryFee: v.fee ?? zero(c),
    tax: v.tax ?? zero(c),
    paymentMethod: v.paymentMethod || undefined,
    assignees: { ...(v.agent && { agent: v.agent }), ...(v.csr && { csr: v.csr }) },
    tags: v.tags,
    note: v.note.trim() === '' ? undefined : v.note.trim(),
    scheduledAt: v.scheduledAt,
  };
  if (v.lines.length === 0) errors.lines ??= msg('Keep at least one item.');
  // Only what differs from the order goes out, so an edit never rewrites what someone else changed.
  const patch: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const current: Record<string, unknown> = {
    customer: order.customer,
    shippingAddress: order.shippingAddress,
    billingAddress: order.billingAddress ?? order.shippingAddress,
    lines: order.lines.map((l) => ({
      sku: l.sku, name: l.name, ...(l.variant !== undefined && { variant: l.variant }), ...(l.imageUrl !== undefined && { imageUrl: l.imageUrl }),
      unitPrice: l.unitPrice, discount: l.discount, quantity: l.quantity.ordered,
    })),
    discount: order.discount,
    deliveryFee: order.deliveryFee,
    tax: order.tax,
    paymentMethod: order.paymentMethod,
    assignees: { ...(order.assignees.agent && { agent: order.assignees.agent }), ...(order.assignees.csr && { csr: order.assignees.csr }) },
    tags: order.tags,
    note: order.note,
    scheduledAt: order.scheduledAt,
  };
  for (const [k, value] of Object.entries(full)) {
    if (k === 'lines' && v.lines.length === 0) continue;
    if (k === 'billingAddress' && same(value, order.billingAddress)) continue;
    if (!same(value, current[k])) patch[k] = value;
  }
  let preview: Order | undefined = order;
  const result = applyEdit(order, patch as OrderPatch, ctx.workflow, { viewer: ctx.viewer, now: order.updatedAt, newId: (p) => `${p}-preview` });
  if (result.ok) preview = result.order;
  else for (const p of result.problems) {
    const id = problemField(p.field, v.lineKeys) ?? 'form';
    errors[id] ??= p.message;
  }
  return { errors, patch: patch as OrderPatch, preview, subtotal };
}

/**
 * The form field a backend's problem path belongs to (`patch.customer.phone` → `phone`,
 * `lines[1].quantity` → the second line's quantity), or undefined for a problem of the whole form.
 */
export function problemField(path: string, lineKeys: readonly string[]): string | undefined {
  const p = path.replace(/^patch\./, '');
  const line = /^lines\[(\d+)\]\.?(\w*)/.exec(p);
  if (line) {
    const key = lineKeys[Number(line[1])];
    if (key === undefined) return 'lines';
    const part = line[2] === 'quantity' ? 'qty' : line[2] === 'name' ? 'name' : 'price';
    return `line-${key}-${part}`;
  }
  const head = p.split(/[.[]/)[0] ?? p;
  const sub = p.split('.')[1];
  switch (head) {
    case 'customer': return sub === 'phone' ? 'phone' : sub === 'email' ? 'email' : 'name';
    case 'shippingAddress': return `ship-${sub === 'country' || sub === 'city' ? sub : 'line1'}`;
    case 'billingAddress': return `bill-${sub === 'country' || sub === 'city' ? sub : 'line1'}`;
    case 'lines': return 'lines';
    case 'discount': return 'discount';
    case 'deliveryFee': return 'fee';
    case 'tax': return 'tax';
    case 'paymentMethod': return 'method';
    case 'initialPayment': return sub === 'method' ? 'method' : sub === 'reference' ? 'paid-reference' : 'paid-amount';
    case 'storeId': return 'store';
    case 'channel': return 'channel';
    case 'scheduledAt': return 'scheduled';
    case 'note': return 'note';
    case 'tags': return 'tags';
    case 'assignees': return 'agent';
    default: return undefined;
  }
}

/** A backend's field problems placed on the form's fields; the rest as one form-level message. */
export function backendErrors(problems: readonly FieldProblem[], lineKeys: readonly string[]): { fields: FieldErrors; form?: string } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const p of problems) {
    const id = problemField(p.field, lineKeys);
    if (id) fields[id] ??= p.message;
    else rest.push(`${p.field} ${p.message}`);
  }
  return rest.length ? { fields, form: rest.join('; ') } : { fields };
}
