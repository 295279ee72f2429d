/**
 * The adapter contract suite: one set of tests every `OrderApi` implementation must pass identically.
 * `describeOrderApiContract(name, make)` runs it against a backend factory; local.test.ts runs it on the
 * embedded engine, rest.test.ts on the REST adapter talking to the MSW mock backend. Expectations are
 * computed from the seeded orders with a brute-force reference (test/api/helpers.ts), never taken from
 * an adapter.
 */
import { expect } from '@open-wc/testing';
import type { ChangeEvent, OrderApi, OrderQuery, PaymentRow, ShipmentRow } from '../../../src/api/types.js';
import { demoViewers, generateOrders } from '../../../src/model/generate.js';
import { orderMatchesCode } from '../../../src/model/codes.js';
import { demoCatalog } from '../../../src/model/csv/catalog.js';
import { money } from '../../../src/model/money.js';
import { getPreset, withCustomStatus, type PresetKey } from '../../../src/model/presets/index.js';
import type { WorkflowDefinition } from '../../../src/model/workflow/types.js';
import type { Order, OrderDraft, Viewer } from '../../../src/model/types.js';
import { bruteKey, bruteMatch, compareKeys, expectApiError } from '../helpers.js';

export interface ContractSetup {
  readonly preset: PresetKey;
  readonly count: number;
  readonly seed: number;
}

/** One backend seeded with `generateOrders(setup)`, reachable as any viewer. */
export interface ContractBackend {
  /** An adapter acting for `viewer` over the shared data. */
  api(viewer: Viewer): Promise<OrderApi>;
  /** Resolves once a subscription just made is live: changes made from now on reach it. */
  live(): Promise<void>;
  close(): Promise<void>;
}

export type MakeBackend = (setup: ContractSetup) => Promise<ContractBackend>;

const viewer = (id: string): Viewer => demoViewers.find((v) => v.id === id) as Viewer;
export const superadmin = viewer('usr_super');
export const admin = viewer('usr_admin');
/** Staff of st_jkt only. */
export const staff = viewer('usr_staff_jkt');

/** What survives JSON: adapters over HTTP return exactly this. */
export const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let keys = 0;
export const key = (label: string): string => `${label}-${Date.now().toString(36)}-${++keys}`;

async function allIds(api: OrderApi, query: OrderQuery, pageSize: number): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let offset = 0; ; offset += pageSize) {
    const page = await api.listOrders(query, { offset, limit: pageSize });
    expect(page.offset).to.equal(offset);
    if (total >= 0) expect(page.total, 'total is the same on every page').to.equal(total);
    total = page.total;
    ids.push(...page.items.map((o) => o.id));
    if (page.items.length < pageSize) break;
  }
  return { ids, total };
}

function expectedIds(orders: readonly Order[], preset: PresetKey, query: OrderQuery, scope?: readonly string[]): string[] {
  const workflow = getPreset(preset);
  const sort = query.sort ?? { field: 'createdAt', direction: 'desc' };
  const matched = orders.filter((o) => bruteMatch(o, query, workflow, scope));
  const keyed = matched.filter((o) => bruteKey(o, sort.field, workflow) !== undefined);
  const unkeyed = matched.filter((o) => bruteKey(o, sort.field, workflow) === undefined);
  const byId = (a: Order, b: Order): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  keyed.sort((a, b) => compareKeys(bruteKey(a, sort.field, workflow) as number, bruteKey(b, sort.field, workflow) as number) || byId(a, b));
  unkeyed.sort(byId);
  if (sort.direction === 'desc') {
    keyed.reverse();
    unkeyed.reverse();
  }
  return [...keyed, ...unkeyed].map((o) => o.id);
}

function nextEvent(api: OrderApi, accept: (e: ChangeEvent) => boolean, ms = 8000): { event: Promise<ChangeEvent>; off: () => void } {
  let off = (): void => undefined;
  const event = new Promise<ChangeEvent>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('no matching change event arrived'));
    }, ms);
    const unsubscribe = api.subscribe((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(e);
    });
    off = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
  return { event, off };
}

export function describeOrderApiContract(name: string, make: MakeBackend): void {
  describe(`OrderApi contract: ${name}`, function () {
    this.timeout(30000);
    const setup: ContractSetup = { preset: 'payment-fulfillment', count: 60, seed: 21 };
    const orders = generateOrders(setup);
    const workflow = getPreset(setup.preset);
    const live = orders.filter((o) => !o.deletedAt);
    const open = live.filter((o) => o.status === 'open' && !o.archived);
    const closed = live.find((o) => o.status === 'closed') as Order;
    const mine = open.find((o) => staff.storeIds.includes(o.storeId)) as Order;
    const foreign = open.find((o) => !staff.storeIds.includes(o.storeId)) as Order;
    let backend: ContractBackend;

    before(() => {
      // The seed must contain what the tests rely on, or they prove little.
      expect(open.length, 'open orders').to.be.greaterThan(5);
      expect(closed, 'a closed order').to.exist;
      expect(mine, 'an open order of the staff store').to.exist;
      expect(foreign, 'an open order of another store').to.exist;
    });

    beforeEach(async () => {
      backend = await make(setup);
    });

    afterEach(async () => {
      await backend.close();
    });

    it('lists queries exactly like a brute-force filter, sorted, paged with a stable total', async () => {
      const api = await backend.api(admin);
      const sample = orders[7] as Order;
      const queries: OrderQuery[] = [
        {},
        ...workflow.tabs.map((t) => ({ tab: t.key })),
        { tab: 'all', sort: { field: 'total', direction: 'desc' } },
        { tab: 'all', sort: { field: 'createdAt', direction: 'asc' } },
        { tab: 'all', sort: { field: 'scheduledAt', direction: 'asc' } },
        { search: sample.customer.name.slice(0, 4) },
        { search: ` ${sample.number.toUpperCase()} ` },
        { storeIds: ['st_jkt', 'st_kul'], channels: [sample.channel] },
        { statuses: ['open'], paymentStatus: ['paid'], fulfillmentStatus: ['unfulfilled', 'shipped'] },
        { archived: 'any', from: '2026-10-01T00:00:00.000Z', to: '2026-11-15T00:00:00+07:00' },
        { deleted: true },
        { storeIds: [] },
        { assigneeId: orders.find((o) => o.assignees.csr)?.assignees.csr?.id ?? 'nobody' },
      ];
      const totals = new Set<number>();
      for (const query of queries) {
        const { ids, total } = await allIds(api, query, 13);
        const expected = expectedIds(orders, setup.preset, query);
        expect(total, JSON.stringify(query)).to.equal(expected.length);
        expect(ids, JSON.stringify(query)).to.deep.equal(expected);
        totals.add(total);
      }
      expect(totals.size, 'the queries narrow differently').to.be.greaterThan(5);
      const beyond = await api.listOrders({}, { offset: 500, limit: 10 });
      expect(beyond.items).to.deep.equal([]);
      expect(beyond.offset).to.equal(500);
      expect(beyond.total).to.equal(expectedIds(orders, setup.preset, {}).length);
      const first = await api.listOrders({ tab: 'all' }, { offset: 0, limit: 3 });
      expect(wire(first.items)).to.deep.equal(expectedIds(orders, setup.preset, { tab: 'all' }).slice(0, 3).map((id) => wire(orders.find((o) => o.id === id))));
    });

    it('counts every tab for the query without its tab', async () => {
      const api = await backend.api(admin);
      for (const query of [{}, { tab: 'open', search: 'a' }, { storeIds: ['st_sby', 'st_sgp'] }] as OrderQuery[]) {
        const counts = await api.countTabs(query);
        const { tab: _tab, ...rest } = query;
        const expected = Object.fromEntries(workflow.tabs.map((t) => [t.key, orders.filter((o) => bruteMatch(o, rest, workflow, undefined, t.key)).length]));
        expect(counts, JSON.stringify(query)).to.deep.equal(expected);
      }
    });

    it('gets one order as stored, and not-found for an unknown id', async () => {
      const api = await backend.api(admin);
      const target = open[2] as Order;
      expect(wire(await api.getOrder(target.id))).to.deep.equal(wire(target));
      await expectApiError(api.getOrder('ord_does_not_exist'), 'not-found');
      await expectApiError(
        api.runAction({ orderId: 'ord_does_not_exist', action: 'add-note', input: { text: 'x' }, expectedVersion: 1 }, { idempotencyKey: key('nf') }),
        'not-found',
      );
    });

    it('keeps staff inside their stores, even by id', async () => {
      const api = await backend.api(staff);
      const { ids, total } = await allIds(api, { tab: 'all' }, 50);
      expect(ids).to.deep.equal(expectedIds(orders, setup.preset, { tab: 'all' }, staff.storeIds));
      expect(total).to.be.greaterThan(0).and.lessThan(orders.length);
      expect((await api.listOrders({ storeIds: [foreign.storeId] }, { offset: 0, limit: 10 })).total).to.equal(0);
      const counts = await api.countTabs({});
      expect(counts.all).to.equal(total);
      await expectApiError(api.getOrder(foreign.id), 'forbidden');
      await expectApiError(
        api.runAction({ orderId: foreign.id, action: 'add-note', input: { text: 'sneaky' }, expectedVersion: foreign.version }, { idempotencyKey: key('scope') }),
        'forbidden',
      );
      const bulk = await api.runBulkAction({ orderIds: [foreign.id, mine.id], action: 'cancel', input: { reason: 'scope test' } }, { idempotencyKey: key('scope-bulk') });
      expect(bulk.map((r) => [r.orderId, r.ok, r.ok ? r.order.status : r.error.code])).to.deep.equal([
        [foreign.id, false, 'forbidden'],
        [mine.id, true, 'cancelled'],
      ]);
      const shipments = await api.listShipments({}, { offset: 0, limit: 1000 });
      const payments = await api.listPayments({}, { offset: 0, limit: 1000 });
      expect(shipments.items.length).to.be.greaterThan(0);
      expect([...shipments.items, ...payments.items].every((r) => staff.storeIds.includes(r.storeId))).to.equal(true);
      const untouched = await (await backend.api(admin)).getOrder(foreign.id);
      expect(untouched.version).to.equal(foreign.version);
    });

    it('finds orders by a scanned code: number, tracking number, air waybill; exact, any case; staff only their stores', async () => {
      const api = await backend.api(admin);
      const target = open[1] as Order;
      const byNumber = await api.findOrdersByCode(`  ${target.number.toLowerCase()} `);
      expect(wire(byNumber)).to.deep.equal(wire(live.filter((o) => orderMatchesCode(o, target.number))));
      expect(byNumber.map((o) => o.id)).to.include(target.id);
      const shipped = live.find((o) => o.shipments.some((x) => x.trackingNumber)) as Order;
      const tracking = shipped.shipments.find((x) => x.trackingNumber)!.trackingNumber as string;
      expect((await api.findOrdersByCode(tracking.toUpperCase())).map((o) => o.id)).to.deep.equal(
        live.filter((o) => orderMatchesCode(o, tracking)).map((o) => o.id),
      );
      // Exact, not a substring.
      expect(await api.findOrdersByCode(target.number.slice(0, -1))).to.deep.equal(
        live.filter((o) => orderMatchesCode(o, target.number.slice(0, -1))),
      );
      expect(await api.findOrdersByCode('no-such-code-anywhere')).to.deep.equal([]);
      await expectApiError(api.findOrdersByCode('   '), 'invalid-input');
      await expectApiError(api.findOrdersByCode('x'.repeat(201)), 'invalid-input');
      const staffApi = await backend.api(staff);
      expect((await staffApi.findOrdersByCode(mine.number)).map((o) => o.id)).to.deep.equal([mine.id]);
      await expectApiError(staffApi.findOrdersByCode(foreign.number), 'forbidden');
    });

    it('runs an action: version + 1, the change stored', async () => {
      const api = await backend.api(admin);
      const target = open[0] as Order;
      const updated = await api.runAction(
        { orderId: target.id, action: 'add-note', input: { text: 'Ring the bell twice' }, expectedVersion: target.version },
        { idempotencyKey: key('note') },
      );
      expect(updated.version).to.equal(target.version + 1);
      expect(updated.timeline.at(-1)?.message).to.equal('Ring the bell twice');
      expect(wire(await api.getOrder(target.id))).to.deep.equal(wire(updated));
    });

    it('refuses a stale version with a conflict carrying the current order', async () => {
      const api = await backend.api(admin);
      const target = open[1] as Order;
      await api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'first' }, expectedVersion: target.version }, { idempotencyKey: key('c1') });
      const error = await expectApiError(
        api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'second' }, expectedVersion: target.version }, { idempotencyKey: key('c2') }),
        'conflict',
      );
      expect(error.current?.id).to.equal(target.id);
      expect(error.current?.version).to.equal(target.version + 1);
      const stored = await api.getOrder(target.id);
      expect(stored.timeline.some((e) => e.message === 'second')).to.equal(false);
      const updateConflict = await expectApiError(
        api.updateOrder({ orderId: target.id, patch: { note: 'late' }, expectedVersion: target.version }, { idempotencyKey: key('c3') }),
        'conflict',
      );
      expect(updateConflict.current?.version).to.equal(target.version + 1);
    });

    it('reports a workflow refusal with its reason, and a missing input field by name', async () => {
      const api = await backend.api(admin);
      const refused = await expectApiError(
        api.runAction({ orderId: closed.id, action: 'cancel', input: { reason: 'too late' }, expectedVersion: closed.version }, { idempotencyKey: key('r') }),
        'refused',
      );
      expect(refused.refusal?.code).to.equal('wrong-status');
      expect(refused.message).to.equal(refused.refusal?.message);
      const target = open[3] as Order;
      const missing = await expectApiError(
        api.runAction({ orderId: target.id, action: 'add-note', input: {}, expectedVersion: target.version }, { idempotencyKey: key('m') }),
        'invalid-input',
      );
      expect(missing.fields?.map((f) => f.field)).to.deep.equal(['text']);
      const staffApi = await backend.api(staff);
      const denied = await expectApiError(
        staffApi.runAction({ orderId: mine.id, action: 'archive', expectedVersion: mine.version }, { idempotencyKey: key('p') }),
        'forbidden',
      );
      expect(denied.refusal?.code).to.equal('not-permitted');
      expect((await api.getOrder(closed.id)).version).to.equal(closed.version);
      expect((await api.getOrder(target.id)).version).to.equal(target.version);
    });

    it('replays a repeated idempotency key: the first result, applied once', async () => {
      const api = await backend.api(admin);
      const target = open[4] as Order;
      const request = { orderId: target.id, action: 'add-note', input: { text: 'exactly once' }, expectedVersion: target.version };
      const k = key('same');
      const first = await api.runAction(request, { idempotencyKey: k });
      const second = await api.runAction(request, { idempotencyKey: k });
      expect(wire(second)).to.deep.equal(wire(first));
      const stored = await api.getOrder(target.id);
      expect(stored.version).to.equal(target.version + 1);
      expect(stored.timeline.filter((e) => e.message === 'exactly once')).to.have.length(1);
      const reused = await expectApiError(api.runAction({ ...request, action: 'archive' }, { idempotencyKey: k }), 'invalid-input');
      expect(reused.fields?.[0]?.field).to.equal('idempotencyKey');
      const draft: OrderDraft = {
        channel: 'phone',
        storeId: 'st_jkt',
        customer: { name: 'Replay Customer' },
        currency: 'IDR',
        lines: [{ sku: 'R', name: 'Rendang', unitPrice: money(45000, 'IDR'), quantity: 1 }],
      };
      const ck = key('create');
      const created = await api.createOrder(draft, { idempotencyKey: ck });
      const again = await api.createOrder(draft, { idempotencyKey: ck });
      expect(again.id).to.equal(created.id);
      expect((await api.listOrders({ search: 'Replay Customer' }, { offset: 0, limit: 10 })).total).to.equal(1);
    });

    it('runs a bulk action with a result per order: partial success, replayed as a whole', async () => {
      const api = await backend.api(admin);
      const a = open[5] as Order;
      const ids = [a.id, closed.id, 'ord_missing'];
      const k = key('bulk');
      const results = await api.runBulkAction({ orderIds: ids, action: 'cancel', input: { reason: 'Out of stock' } }, { idempotencyKey: k });
      expect(results.map((r) => [r.orderId, r.ok, r.ok ? r.order.status : r.error.code])).to.deep.equal([
        [a.id, true, 'cancelled'],
        [closed.id, false, 'refused'],
        ['ord_missing', false, 'not-found'],
      ]);
      const failed = results[1];
      expect(failed && !failed.ok && failed.error.refusal?.code).to.equal('wrong-status');
      const replay = await api.runBulkAction({ orderIds: ids, action: 'cancel', input: { reason: 'Out of stock' } }, { idempotencyKey: k });
      expect(wire(replay)).to.deep.equal(wire(results));
      expect((await api.getOrder(a.id)).version).to.equal(a.version + 1);
      await expectApiError(api.runBulkAction({ orderIds: [a.id], action: 'add-note', input: { text: 'x' } }, { idempotencyKey: key('nb') }), 'refused');
    });

    it('records prints through the bulk path and filters orders by what was not printed', async () => {
      const api = await backend.api(admin);
      const picked = [open[0], open[1], open[2]] as Order[];
      const labelled = [open[2], closed] as Order[];
      const pick = await api.runBulkAction(
        { orderIds: picked.map((o) => o.id), action: 'record-print', input: { document: 'picking-list', copies: 2 } },
        { idempotencyKey: key('print-pick') },
      );
      expect(pick.every((r) => r.ok)).to.equal(true);
      const label = await api.runBulkAction(
        { orderIds: labelled.map((o) => o.id), action: 'record-print', input: { document: 'awb' } },
        { idempotencyKey: key('print-awb') },
      );
      expect(label.every((r) => r.ok), 'record-print is offered in any status').to.equal(true);
      const stored = await api.getOrder((open[2] as Order).id);
      expect(stored.prints?.map((p) => [p.document, p.copies, p.by.id])).to.deep.equal([
        ['picking-list', 2, admin.id],
        ['awb', 1, admin.id],
      ]);
      expect(stored.status, 'printing moves nothing').to.equal((open[2] as Order).status);
      expect(stored.timeline.at(-1)?.template).to.deep.equal({ key: 'printed', params: { document: 'awb', copies: '1' } });
      // The expected answer comes from the orders as stored now, filtered by brute force.
      const now = await Promise.all(orders.map((o) => (o.deletedAt ? o : api.getOrder(o.id))));
      for (const query of [
        { notPrinted: ['picking-list', 'picking-summary'] },
        { notPrinted: ['awb'] },
        { tab: 'all', notPrinted: ['awb'], sort: { field: 'number', direction: 'asc' } },
        { notPrinted: [] },
      ] as OrderQuery[]) {
        const { ids, total } = await allIds(api, query, 17);
        const expected = expectedIds(now, setup.preset, query);
        expect(total, JSON.stringify(query)).to.equal(expected.length);
        expect(ids, JSON.stringify(query)).to.deep.equal(expected);
      }
      const notPicked = await allIds(api, { notPrinted: ['picking-list'] }, 50);
      for (const o of picked) expect(notPicked.ids).not.to.include(o.id);
      expect(notPicked.ids).to.include((open[3] as Order).id);
      const counts = await api.countTabs({ notPrinted: ['awb'] });
      const expectedCounts = Object.fromEntries(workflow.tabs.map((t) => [t.key, now.filter((o) => bruteMatch(o, { notPrinted: ['awb'] }, workflow, undefined, t.key)).length]));
      expect(counts).to.deep.equal(expectedCounts);
      await expectApiError(api.listOrders({ notPrinted: ['label'] } as unknown as OrderQuery, { offset: 0, limit: 5 }), 'invalid-input');
      await expectApiError(
        api.runAction({ orderId: (open[4] as Order).id, action: 'record-print', input: { document: 'poster' } as never, expectedVersion: (open[4] as Order).version }, { idempotencyKey: key('bad-print') }),
        'invalid-input',
      );
    });

    it('creates an order from a draft, validating it first', async () => {
      const api = await backend.api(admin);
      const draft: OrderDraft = {
        channel: 'walk-in',
        storeId: 'st_kul',
        customer: { name: 'Nur Aisyah', phone: '+60123456789' },
        currency: 'MYR',
        lines: [
          { sku: 'CH-1', name: 'Rattan chair', unitPrice: money(18900, 'MYR'), quantity: 2 },
          { sku: 'CU-2', name: 'Cushion', unitPrice: money(4500, 'MYR'), quantity: 1 },
        ],
        deliveryFee: money(1500, 'MYR'),
        paymentMethod: 'cod',
      };
      const created = await api.createOrder(draft, { idempotencyKey: key('new') });
      expect(created).to.include({ version: 1, status: workflow.initial, storeId: 'st_kul', channel: 'walk-in' });
      expect(created.totals.total).to.deep.equal(money(18900 * 2 + 4500 + 1500, 'MYR'));
      expect(created.number).to.be.a('string').and.not.equal('');
      expect(wire(await api.getOrder(created.id))).to.deep.equal(wire(created));
      const all = await api.listOrders({ tab: 'all' }, { offset: 0, limit: 1 });
      expect(all.total).to.equal(expectedIds(orders, setup.preset, { tab: 'all' }).length + 1);
      const bad = await expectApiError(
        api.createOrder({ ...draft, lines: [{ sku: 'X', name: 'X', unitPrice: { amount: 1.5, currency: 'MYR' }, quantity: 1 }] }, { idempotencyKey: key('bad') }),
        'invalid-input',
      );
      expect(bad.fields?.map((f) => f.field)).to.deep.equal(['lines[0].unitPrice.amount']);
    });

    it('updates an order with the expected version; an absent field clears it', async () => {
      const api = await backend.api(admin);
      const target = open.find((o) => o.lines.every((l) => l.quantity.fulfilled === 0 && l.quantity.shipped === 0)) as Order;
      const edited = await api.updateOrder(
        { orderId: target.id, patch: { note: 'Leave at the gate', customer: { ...target.customer, name: 'Renamed Customer' } }, expectedVersion: target.version },
        { idempotencyKey: key('u1') },
      );
      expect(edited.version).to.equal(target.version + 1);
      expect(edited.note).to.equal('Leave at the gate');
      expect(edited.customer.name).to.equal('Renamed Customer');
      const cleared = await api.updateOrder({ orderId: target.id, patch: { note: undefined }, expectedVersion: edited.version }, { idempotencyKey: key('u2') });
      expect(cleared.version).to.equal(edited.version + 1);
      expect(cleared.note).to.equal(undefined);
      expect(wire(await api.getOrder(target.id))).to.deep.equal(wire(cleared));
      const refused = await expectApiError(
        api.updateOrder({ orderId: target.id, patch: { status: 'closed' } as never, expectedVersion: cleared.version }, { idempotencyKey: key('u3') }),
        'invalid-input',
      );
      expect(refused.fields?.[0]?.field).to.equal('patch.status');
    });

    it('finds customers of past orders by name or phone digits, one per customer, inside the viewer’s stores', async () => {
      const digits = (s: string | undefined): string => (s ?? '').replace(/\D/g, '');
      const sample = live.find((o) => o.customer.phone && staff.storeIds.includes(o.storeId)) as Order;
      const theirs = live.filter((o) => digits(o.customer.phone) === digits(sample.customer.phone));
      const newest = theirs.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
      const api = await backend.api(admin);
      const byPhone = await api.searchCustomers(digits(sample.customer.phone).slice(-7));
      const hit = byPhone.find((m) => digits(m.customer.phone) === digits(sample.customer.phone));
      expect(hit, 'found by the last 7 digits').to.exist;
      expect(hit?.orderCount).to.equal(theirs.length);
      expect(hit?.lastOrderAt).to.equal(newest.createdAt);
      expect(wire(hit?.customer)).to.deep.equal(wire(newest.customer));
      expect(wire(hit?.shippingAddress)).to.deep.equal(wire(newest.shippingAddress));
      const byName = await api.searchCustomers(` ${sample.customer.name.slice(0, 5).toUpperCase()} `);
      expect(byName.some((m) => m.customer.name === sample.customer.name)).to.equal(true);
      for (const m of byName) expect(m.customer.name.toLowerCase()).to.include(sample.customer.name.slice(0, 5).toLowerCase());
      expect(await api.searchCustomers('')).to.deep.equal([]);
      expect((await api.searchCustomers(sample.customer.name.slice(0, 2), { limit: 2 })).length).to.be.at.most(2);
      const staffApi = await backend.api(staff);
      const seen = await staffApi.searchCustomers(foreign.customer.name.slice(0, 4));
      for (const m of seen) expect(staff.storeIds, 'never another store’s customer').to.include(m.storeId);
      await expectApiError(staffApi.searchCustomers('a', { storeId: foreign.storeId }), 'forbidden');
      const bad = await expectApiError(api.searchCustomers('a', { limit: 500 }), 'invalid-input');
      expect(bad.fields?.[0]?.field).to.equal('limit');
    });

    it('searches the store’s catalogue with variants priced in the store’s currency', async () => {
      const api = await backend.api(admin);
      const found = await api.searchProducts('gayo', { storeId: 'st_kul' });
      expect(found.map((p) => p.name)).to.deep.equal(['Gayo Arabica Coffee 250 g']);
      const expected = demoCatalog().find('KOP-GAYO-250-WB')?.price('MYR');
      expect(wire(found[0]?.variants)).to.deep.equal(wire([
        { sku: 'KOP-GAYO-250-WB', variant: 'Whole bean', unitPrice: expected },
        { sku: 'KOP-GAYO-250-GR', variant: 'Ground', unitPrice: expected },
      ]));
      const idr = await api.searchProducts('KOP-CB', { storeId: 'st_jkt' });
      expect(idr[0]?.variants[0]?.unitPrice?.currency).to.equal('IDR');
      expect((await api.searchProducts('', { storeId: 'st_jkt', limit: 3 })).length).to.equal(3);
      expect(await api.searchProducts('no such thing', { storeId: 'st_jkt' })).to.deep.equal([]);
      await expectApiError((await backend.api(staff)).searchProducts('gayo', { storeId: foreign.storeId }), 'forbidden');
      const unknown = await expectApiError(api.searchProducts('gayo', { storeId: 'st_nowhere' }), 'invalid-input');
      expect(unknown.fields?.[0]?.field).to.equal('storeId');
    });

    it('creates a paid-now order in one request: the payment is part of the creation, replayed once', async () => {
      const api = await backend.api(admin);
      const draft: OrderDraft = {
        channel: 'phone',
        storeId: 'st_kul',
        customer: { name: 'Lim Wei', phone: '+60 12-345 6789', email: 'lim@example.com' },
        currency: 'MYR',
        lines: [{ sku: 'KOP-CB-1L', name: 'Cold Brew Concentrate 1 L', unitPrice: money(6590, 'MYR'), quantity: 2 }],
        deliveryFee: money(800, 'MYR'),
        paymentMethod: 'bank-transfer',
        initialPayment: { method: 'bank-transfer', amount: money(6590 * 2 + 800, 'MYR'), reference: 'TRX-1' },
      };
      const k = key('paid');
      const [a, b] = await Promise.all([api.createOrder(draft, { idempotencyKey: k }), api.createOrder(draft, { idempotencyKey: k })]);
      expect(b.id).to.equal(a.id);
      expect(a.paymentStatus).to.equal('paid');
      expect(a.payments.map((p) => [p.method, p.amount.amount, p.status, p.reference])).to.deep.equal([['bank-transfer', 6590 * 2 + 800, 'succeeded', 'TRX-1']]);
      const all = await api.listOrders({ tab: 'all' }, { offset: 0, limit: 1 });
      expect(all.total, 'one order for two identical requests').to.equal(expectedIds(orders, setup.preset, { tab: 'all' }).length + 1);
      const bad = await expectApiError(
        api.createOrder({ ...draft, customer: { name: 'X', phone: 'call me', email: 'nope' } }, { idempotencyKey: key('badc') }),
        'invalid-input',
      );
      expect(bad.fields?.map((f) => f.field)).to.deep.equal(['customer.phone', 'customer.email']);
    });

    it('refuses edits the workflow does not allow, naming the field, and changes nothing', async () => {
      const api = await backend.api(admin);
      const shipped = live.find((o) => o.status === 'open' && o.lines.length > 1 && o.lines.some((l) => l.quantity.fulfilled > 0)) as Order;
      expect(shipped, 'an open order with fulfilled units and another line').to.exist;
      const at = shipped.lines.findIndex((l) => l.quantity.fulfilled > 0);
      const lines = shipped.lines
        .map((l) => ({ sku: l.sku, name: l.name, ...(l.variant !== undefined && { variant: l.variant }), unitPrice: l.unitPrice, discount: l.discount, quantity: l.quantity.ordered }))
        .filter((_, i) => i !== at);
      const removed = await expectApiError(
        api.updateOrder({ orderId: shipped.id, patch: { lines }, expectedVersion: shipped.version }, { idempotencyKey: key('r1') }),
        'invalid-input',
      );
      expect(removed.fields?.[0]?.field).to.equal('patch.lines');
      expect((await api.getOrder(shipped.id)).version, 'a refused edit changes nothing').to.equal(shipped.version);
      const fee = await api.updateOrder(
        { orderId: shipped.id, patch: { deliveryFee: money(shipped.deliveryFee.amount + 100, shipped.currency) }, expectedVersion: shipped.version },
        { idempotencyKey: key('r2') },
      );
      expect(fee.totals.total.amount).to.equal(shipped.totals.total.amount + 100);
      const entry = fee.timeline.at(-1);
      expect(entry?.kind).to.equal('edit');
      expect(entry?.template?.key).to.equal('order.edited');
      expect(JSON.parse((entry?.template?.params as { changes: string }).changes)).to.deep.equal([
        { field: 'deliveryFee', kind: 'money', from: String(shipped.deliveryFee.amount), to: String(shipped.deliveryFee.amount + 100), currency: shipped.currency },
      ]);
      const done = await expectApiError(
        api.updateOrder({ orderId: closed.id, patch: { note: 'too late' }, expectedVersion: closed.version }, { idempotencyKey: key('r3') }),
        'invalid-input',
      );
      expect(done.fields?.[0]?.field).to.equal('patch.note');
      expect((await api.getOrder(closed.id)).version).to.equal(closed.version);
    });

    it('imports drafts once: a re-import creates nothing and names what it skipped', async () => {
      const api = await backend.api(admin);
      const drafts: OrderDraft[] = ['IMP-001', 'IMP-002'].map((number, i) => ({
        number,
        channel: 'manual',
        storeId: 'st_sby',
        customer: { name: `Imported ${i + 1}` },
        currency: 'IDR',
        lines: [{ sku: `S${i}`, name: 'Batik', unitPrice: money(150000, 'IDR'), quantity: i + 1 }],
      }));
      const first = await api.importOrders(drafts, { idempotencyKey: key('imp1') });
      expect(first.created.map((o) => o.number)).to.deep.equal(['IMP-001', 'IMP-002']);
      expect(first.skipped).to.deep.equal([]);
      const second = await api.importOrders(drafts, { idempotencyKey: key('imp2') });
      expect(second.created).to.deep.equal([]);
      expect(second.skipped).to.deep.equal(first.created.map((o) => ({ number: o.number, orderId: o.id })));
      expect((await api.listOrders({ search: 'IMP-00' }, { offset: 0, limit: 10 })).total).to.equal(2);
      const bad = await expectApiError(api.importOrders([drafts[0] as OrderDraft, { ...drafts[1], currency: 'XXX1' } as OrderDraft], { idempotencyKey: key('imp3') }), 'invalid-input');
      expect(bad.fields?.[0]?.field).to.equal('[1].currency');
    });

    it('lists shipments and payments newest first, with exact per-method totals', async () => {
      const api = await backend.api(admin);
      const shipments: ShipmentRow[] = [];
      const totals = new Set<number>();
      for (let offset = 0; ; offset += 9) {
        const page = await api.listShipments({}, { offset, limit: 9 });
        totals.add(page.total);
        shipments.push(...page.items);
        if (page.items.length < 9) break;
      }
      expect(totals.size, 'the same total on every page').to.equal(1);
      const shipmentTotal = [...totals][0];
      const expectedShipments = live.flatMap((o) => o.shipments.map((s) => ({ orderId: o.id, s })));
      expect(shipmentTotal).to.equal(expectedShipments.length);
      expect(shipments.map((r) => r.shipment.id).sort()).to.deep.equal(expectedShipments.map((r) => r.s.id).sort());
      for (let i = 1; i < shipments.length; i++) {
        expect(Date.parse((shipments[i - 1] as ShipmentRow).shipment.createdAt)).to.be.at.least(Date.parse((shipments[i] as ShipmentRow).shipment.createdAt));
      }
      const row = shipments[0] as ShipmentRow;
      const owner = orders.find((o) => o.id === row.orderId) as Order;
      expect(row).to.include({ orderNumber: owner.number, storeId: owner.storeId });
      expect(wire(row.shipment)).to.deep.equal(wire(owner.shipments.find((s) => s.id === row.shipment.id)));
      const courier = row.shipment.courier.code;
      const byCourier = await api.listShipments({ courier }, { offset: 0, limit: 1000 });
      expect(byCourier.total).to.equal(expectedShipments.filter((r) => r.s.courier.code === courier).length);

      const payments = await api.listPayments({}, { offset: 0, limit: 1000 });
      const expectedPayments = live.flatMap((o) => o.payments.map((p) => ({ o, p })));
      expect(payments.total).to.equal(expectedPayments.length);
      expect(payments.items.map((r: PaymentRow) => r.payment.id).sort()).to.deep.equal(expectedPayments.map((r) => r.p.id).sort());
      const sums: Record<string, { amount: number; currency: string }> = {};
      const currencies = new Set(expectedPayments.filter((r) => r.p.status === 'succeeded').map((r) => r.o.currency));
      for (const { o, p } of expectedPayments) {
        if (p.status !== 'succeeded') continue;
        const k = currencies.size > 1 ? `${p.method}:${o.currency}` : p.method;
        sums[k] = { amount: (sums[k]?.amount ?? 0) + p.amount.amount, currency: o.currency };
      }
      expect(payments.totals.byMethod).to.deep.equal(sums);
      expect(Object.keys(sums).length).to.be.greaterThan(1);
      const failed = await api.listPayments({ status: ['failed', 'pending'] }, { offset: 0, limit: 1000 });
      expect(failed.total).to.equal(expectedPayments.filter((r) => r.p.status !== 'succeeded').length);
      expect(failed.items.every((r) => r.payment.status !== 'succeeded')).to.equal(true);
      const cod = await api.listPayments({ method: ['cod'] }, { offset: 0, limit: 5 });
      expect(cod.total).to.equal(expectedPayments.filter((r) => r.p.method === 'cod').length);
      expect(cod.items.length).to.equal(Math.min(5, cod.total));
    });

    it('buckets the calendar per day in the requested time zone', async () => {
      const api = await backend.api(admin);
      const request = { from: '2026-09-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z', timeZone: 'Asia/Jakarta' };
      const buckets = await api.calendar(request);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: request.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      const expected = new Map<string, number>();
      const from = Date.parse(request.from);
      const to = Date.parse(request.to);
      for (const o of live) {
        const t = Date.parse(o.createdAt);
        if (t < from || t >= to) continue;
        const d = day.format(t);
        expected.set(d, (expected.get(d) ?? 0) + 1);
      }
      const created = buckets.filter((b) => b.kind === 'created');
      expect(new Map(created.map((b) => [b.day, b.count]))).to.deep.equal(expected);
      for (const b of buckets) expect(Object.values(b.byStatus).reduce((x, y) => x + y, 0)).to.equal(b.count);
      expect(buckets.some((b) => b.kind === 'shipment')).to.equal(true);
      await expectApiError(api.calendar({ ...request, timeZone: 'Mars/Olympus' }), 'invalid-input');
    });

    it('delivers a change made by another viewer through subscribe', async () => {
      const watcher = await backend.api(admin);
      const actor = await backend.api(superadmin);
      const target = open[6] as Order;
      const { event, off } = nextEvent(watcher, (e) => e.type === 'order-updated' && e.orderId === target.id);
      try {
        await backend.live();
        const updated = await actor.runAction(
          { orderId: target.id, action: 'add-note', input: { text: 'from someone else' }, expectedVersion: target.version },
          { idempotencyKey: key('rt') },
        );
        const e = await event;
        expect(e).to.include({ type: 'order-updated', orderId: target.id, version: updated.version, cause: 'add-note' });
        expect(e.origin).to.not.equal('self');
        if (e.type === 'order-updated' && e.order) expect(wire(e.order)).to.deep.equal(wire(updated));
        expect((await watcher.getOrder(target.id)).version).to.equal(updated.version);
      } finally {
        off();
      }
    });

    it('tells staff only of changes to their own stores’ orders', async () => {
      const watcher = await backend.api(staff);
      const actor = await backend.api(superadmin);
      const heard: string[] = [];
      const stop = watcher.subscribe((e) => {
        if (e.type !== 'reset' && e.type !== 'workflow-updated') heard.push(e.orderId);
      });
      const { event, off } = nextEvent(watcher, (e) => e.type === 'order-updated' && e.orderId === mine.id);
      try {
        await backend.live();
        await actor.runAction(
          { orderId: foreign.id, action: 'add-note', input: { text: 'not for staff' }, expectedVersion: foreign.version },
          { idempotencyKey: key('scope-rt') },
        );
        await actor.runAction(
          { orderId: mine.id, action: 'add-note', input: { text: 'for staff' }, expectedVersion: mine.version },
          { idempotencyKey: key('scope-rt') },
        );
        await event;
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(heard).to.include(mine.id);
        expect(heard, 'nothing about another store').not.to.include(foreign.id);
      } finally {
        off();
        stop();
      }
    });

    it('validates requests before anything changes, naming the field', async () => {
      const api = await backend.api(admin);
      const q = await expectApiError(api.listOrders({ sort: { field: 'bogus' as never, direction: 'asc' } }, { offset: 0, limit: 5 }), 'invalid-input');
      expect(q.fields?.[0]?.field).to.equal('sort.field');
      const p = await expectApiError(api.listOrders({}, { offset: -1, limit: 5 }), 'invalid-input');
      expect(p.fields?.[0]?.field).to.equal('offset');
      const target = open[0] as Order;
      const v = await expectApiError(
        api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'x' }, expectedVersion: 0 }, { idempotencyKey: key('v') }),
        'invalid-input',
      );
      expect(v.fields?.[0]?.field).to.equal('expectedVersion');
      const k = await expectApiError(
        api.runAction({ orderId: target.id, action: 'add-note', input: { text: 'x' }, expectedVersion: target.version }, { idempotencyKey: '' }),
        'invalid-input',
      );
      expect(k.fields?.[0]?.field).to.equal('idempotencyKey');
      expect((await api.getOrder(target.id)).version).to.equal(target.version);
      expect(api.capabilities).to.deep.equal({ concurrency: true, idempotency: true, realtime: true, bulk: true, import: true, calendar: true, orderEntry: true, workflows: true });
    });

    describe('workflow', () => {
      /** The preset plus "Awaiting pickup" (from Open, on to Closed) and its own tab. */
      const custom = (): WorkflowDefinition => {
        const next = withCustomStatus(
          workflow,
          { key: 'awaiting-pickup', label: { en: 'Awaiting pickup', id: 'Menunggu dijemput' }, category: 'open', tone: 'attention' },
          { from: ['open'], to: ['closed'] },
        );
        return { ...next, tabs: [...next.tabs, { key: 'awaiting-pickup', label: { en: 'Awaiting pickup', id: 'Menunggu dijemput' }, filter: { status: ['awaiting-pickup'] } }] };
      };
      const save = (api: OrderApi, definition: WorkflowDefinition, expectedVersion: number, idempotencyKey = key('wf')) =>
        (api.saveWorkflow as NonNullable<OrderApi['saveWorkflow']>)({ definition, expectedVersion }, { idempotencyKey });
      const get = (api: OrderApi) => (api.getWorkflow as NonNullable<OrderApi['getWorkflow']>)();

      it('serves the configured workflow at version 0, then the saved one to every viewer, applied at once', async () => {
        const api = await backend.api(admin);
        expect(api.capabilities.workflows).to.equal(true);
        const first = await get(api);
        expect(first.version).to.equal(0);
        expect(wire(first.definition)).to.deep.equal(wire(workflow));
        const saved = await save(api, custom(), 0);
        expect(saved.version).to.equal(1);
        expect(wire(saved.definition)).to.deep.equal(wire(custom()));
        // Another viewer (another engine instance) applies it: the new action, status and tab.
        const other = await backend.api(superadmin);
        expect((await get(other)).version).to.equal(1);
        const target = open[2] as Order;
        const moved = await other.runAction({ orderId: target.id, action: 'set-awaiting-pickup', expectedVersion: target.version }, { idempotencyKey: key('mv') });
        expect(moved.status).to.equal('awaiting-pickup');
        const counts = await other.countTabs({});
        expect(counts['awaiting-pickup']).to.equal(1);
        const listed = await other.listOrders({ tab: 'awaiting-pickup' }, { offset: 0, limit: 10 });
        expect(listed.items.map((o) => o.id)).to.deep.equal([target.id]);
      });

      it('refuses a stale save with a conflict carrying the stored definition, and replays a repeated key', async () => {
        const api = await backend.api(admin);
        const once = key('wf-once');
        const saved = await save(api, custom(), 0, once);
        const replay = await save(api, custom(), 0, once);
        expect(replay.version, 'replayed, not saved twice').to.equal(saved.version);
        const e = await expectApiError(save(api, workflow, 0), 'conflict');
        expect(e.currentWorkflow?.version).to.equal(1);
        expect(e.currentWorkflow?.definition.statuses.map((s) => s.key)).to.include('awaiting-pickup');
        expect((await get(api)).version).to.equal(1);
      });

      it('validates before saving, naming the part and field: unknown status, duplicate key, English label, status in use', async () => {
        const api = await backend.api(admin);
        const base = custom();
        const unknown = { ...base, actions: [...base.actions, { ...base.actions[0]!, key: 'go-nowhere', to: 'nowhere' }] };
        const e1 = await expectApiError(save(api, unknown, 0), 'invalid-input');
        expect(e1.fields?.map((f) => f.field)).to.include('actions.go-nowhere.to');
        const dup = { ...base, tabs: [...base.tabs, base.tabs[0]!] };
        const e2 = await expectApiError(save(api, dup, 0), 'invalid-input');
        expect(e2.fields?.map((f) => f.field)).to.include(`tabs.${base.tabs[0]!.key}.key`);
        const unlabelled = { ...base, statuses: base.statuses.map((s) => (s.key === 'awaiting-pickup' ? { ...s, label: { en: ' ', id: 'Menunggu' } } : s)) };
        const e3 = await expectApiError(save(api, unlabelled, 0), 'invalid-input');
        expect(e3.fields?.map((f) => f.field)).to.deep.equal(['statuses.awaiting-pickup.label']);
        expect((await get(api)).version, 'nothing saved').to.equal(0);
        // Orders in the custom status: going back to the preset (which lacks it) is refused by count.
        await save(api, base, 0);
        const target = open[3] as Order;
        await api.runAction({ orderId: target.id, action: 'set-awaiting-pickup', expectedVersion: target.version }, { idempotencyKey: key('mv') });
        const e4 = await expectApiError(save(api, workflow, 1), 'invalid-input');
        expect(e4.fields?.map((f) => f.field)).to.deep.equal(['statuses.awaiting-pickup.key']);
        expect(e4.message).to.contain('1 order is in it');
      });

      it('lets only viewers with workflow.edit save', async () => {
        const api = await backend.api(staff);
        await expectApiError(save(api, custom(), 0), 'forbidden');
        expect((await get(api)).version).to.equal(0);
      });

      it('tells other viewers of a saved workflow through subscribe', async () => {
        const watcher = await backend.api(staff);
        const actor = await backend.api(admin);
        const { event, off } = nextEvent(watcher, (e) => e.type === 'workflow-updated');
        try {
          await backend.live();
          await save(actor, custom(), 0);
          const e = await event;
          expect(e).to.include({ type: 'workflow-updated', version: 1 });
          expect(e.origin).to.not.equal('self');
        } finally {
          off();
        }
      });
    });
  });
}
