/**
 * The REST adapter against failures, through the MSW mock backend: every case ends in a defined state,
 * and the backend applied each write exactly once or not at all.
 */
import { expect } from '@open-wc/testing';
import type { RestOrderApi } from '../../../src/api/rest/index.js';
import type { ActionRequest } from '../../../src/api/types.js';
import type { MockBackend } from '../../../src/api/mock/index.js';
import type { Order } from '../../../src/model/types.js';
import { expectApiError } from '../helpers.js';
import { client, closeMocks, openMock, openOrders, routeRequests } from './setup.js';

const note = (order: Order, text: string): ActionRequest => ({ orderId: order.id, action: 'add-note', input: { text }, expectedVersion: order.version });

/** What the backend really stored, read past the REST layer. */
async function stored(mock: MockBackend, id: string): Promise<Order> {
  return (await mock.engine()).getOrder(id);
}

async function expectAppliedOnce(mock: MockBackend, before: Order, text: string): Promise<void> {
  const after = await stored(mock, before.id);
  expect(after.version, 'applied exactly once').to.equal(before.version + 1);
  expect(after.timeline.filter((e) => e.message === text)).to.have.length(1);
}

async function expectNotApplied(mock: MockBackend, before: Order): Promise<void> {
  expect((await stored(mock, before.id)).version, 'not applied').to.equal(before.version);
}

describe('REST adapter: faults', () => {
  let mock: MockBackend;
  let api: RestOrderApi & { waits: number[] };

  beforeEach(async () => {
    mock = await openMock();
    api = client(mock);
  });

  afterEach(closeMocks);

  it('retries a read after a network error', async () => {
    const target = openOrders[0] as Order;
    mock.faults.next({ route: 'getOrder', kind: 'network' });
    const order = await api.getOrder(target.id);
    expect(order.id).to.equal(target.id);
    expect(routeRequests(mock, 'getOrder').map((r) => r.status)).to.deep.equal(['network', 200]);
    expect(api.waits).to.deep.equal([50]);
  });

  it('retries a write whose answer was lost with the same Idempotency-Key: applied once', async () => {
    const target = openOrders[0] as Order;
    mock.faults.next({ route: 'runAction', kind: 'network', after: true });
    const updated = await api.runAction(note(target, 'lost answer'), { idempotencyKey: 'k-lost' });
    expect(updated.version).to.equal(target.version + 1);
    const sent = routeRequests(mock, 'runAction');
    expect(sent.map((r) => r.status)).to.deep.equal(['network', 200]);
    expect(sent.map((r) => r.idempotencyKey)).to.deep.equal(['k-lost', 'k-lost']);
    expect(sent.map((r) => r.ifMatch)).to.deep.equal([`"${target.version}"`, `"${target.version}"`]);
    await expectAppliedOnce(mock, target, 'lost answer');
  });

  it('times out a slow request as a retriable network error; the retry replays the applied write', async () => {
    const slow = client(mock, 'usr_admin', { timeoutMs: 80 });
    const target = openOrders[1] as Order;
    mock.faults.next({ route: 'runAction', kind: 'delay', delayMs: 400, after: true });
    const updated = await slow.runAction(note(target, 'slow'), { idempotencyKey: 'k-slow' });
    expect(updated.version).to.equal(target.version + 1);
    expect(slow.waits).to.have.length(1);
    await expectAppliedOnce(mock, target, 'slow');
    // A read that times out on every attempt ends as a network error naming the timeout.
    mock.faults.next({ route: 'getOrder', kind: 'delay', delayMs: 300, count: 4 });
    const error = await expectApiError(slow.getOrder(target.id), 'network');
    expect(error.message).to.contain('did not answer within 0.1 s');
    expect(routeRequests(mock, 'getOrder')).to.have.length(4);
  });

  it('waits at least Retry-After (seconds or HTTP date) after a 429', async () => {
    mock.faults.next({ route: 'listOrders', kind: 'status', status: 429, retryAfter: 2 });
    const page = await api.listOrders({}, { offset: 0, limit: 5 });
    expect(page.items).to.have.length(5);
    expect(api.waits).to.deep.equal([2000]);
    const now = Date.parse('2026-11-22T09:00:00Z');
    const dated = client(mock, 'usr_admin', { now: () => now });
    mock.faults.next({ route: 'countTabs', kind: 'status', status: 429, retryAfter: new Date(now + 3000).toUTCString() });
    await dated.countTabs({});
    expect(dated.waits).to.deep.equal([3000]);
    // Longer than the client is willing to wait: no retry, the error says how long.
    mock.faults.next({ route: 'countTabs', kind: 'status', status: 429, retryAfter: 3600 });
    const error = await expectApiError(api.countTabs({}), 'rate-limited');
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(routeRequests(mock, 'countTabs').filter((r) => r.status === 429)).to.have.length(2);
  });

  it('maps 412 (stale If-Match) and 409 to conflict without retrying', async () => {
    const target = openOrders[2] as Order;
    await api.runAction(note(target, 'first'), { idempotencyKey: 'k-c1' });
    const stale = await expectApiError(api.runAction(note(target, 'stale'), { idempotencyKey: 'k-c2' }), 'conflict');
    expect(stale.current?.version).to.equal(target.version + 1);
    expect(routeRequests(mock, 'runAction').map((r) => r.status)).to.deep.equal([200, 412]);
    mock.faults.next({ route: 'updateOrder', kind: 'status', status: 409 });
    const current = await stored(mock, target.id);
    await expectApiError(api.updateOrder({ orderId: target.id, patch: { note: 'x' }, expectedVersion: current.version }, { idempotencyKey: 'k-c3' }), 'conflict');
    expect(routeRequests(mock, 'updateOrder')).to.have.length(1);
    await expectNotApplied(mock, current);
    expect(api.waits).to.deep.equal([]);
  });

  it('retries 502/503/504 with capped exponential backoff and full jitter, same key; applied once', async () => {
    const target = openOrders[3] as Order;
    mock.faults.next({ route: 'runAction', kind: 'status', status: 502 });
    mock.faults.next({ route: 'runAction', kind: 'status', status: 503, after: true });
    mock.faults.next({ route: 'runAction', kind: 'status', status: 504, raw: '<html>Gateway Timeout</html>' });
    const updated = await api.runAction(note(target, 'flaky'), { idempotencyKey: 'k-5xx' });
    expect(updated.version).to.equal(target.version + 1);
    const sent = routeRequests(mock, 'runAction');
    expect(sent.map((r) => r.status)).to.deep.equal([502, 503, 504, 200]);
    expect(new Set(sent.map((r) => r.idempotencyKey))).to.deep.equal(new Set(['k-5xx']));
    // random 0.5 × min(cap 1000, 100 · 2^n)
    expect(api.waits).to.deep.equal([50, 100, 200]);
    await expectAppliedOnce(mock, target, 'flaky');
  });

  it('gives up after maxRetries with the last error, and never retries 500 or other 4xx', async () => {
    const target = openOrders[4] as Order;
    mock.faults.next({ route: 'runAction', kind: 'status', status: 503, count: 10 });
    const error = await expectApiError(api.runAction(note(target, 'never'), { idempotencyKey: 'k-down' }), 'unavailable');
    expect(error.message).to.contain('Injected failure');
    expect(routeRequests(mock, 'runAction')).to.have.length(4);
    expect(api.waits).to.deep.equal([50, 100, 200]);
    await expectNotApplied(mock, target);
    mock.faults.clear();
    mock.faults.next({ route: 'getOrder', kind: 'status', status: 500, raw: '<h1>Internal error</h1>' });
    const five = await expectApiError(api.getOrder(target.id), 'unavailable');
    expect(five.message).to.contain('500');
    mock.faults.next({ route: 'getOrder', kind: 'status', status: 400 });
    await expectApiError(api.getOrder(target.id), 'invalid-input');
    expect(routeRequests(mock, 'getOrder').map((r) => r.status)).to.deep.equal([500, 400]);
  });

  it('turns a body that is not JSON into a clear unavailable error (a write still applied once)', async () => {
    const target = openOrders[5] as Order;
    mock.faults.next({ route: 'getOrder', kind: 'malformed' });
    const read = await expectApiError(api.getOrder(target.id), 'unavailable');
    expect(read.message).to.match(/JSON that does not parse for GET \/orders\/ord_\w+ \(/);
    mock.faults.next({ route: 'runAction', kind: 'malformed', after: true });
    await expectApiError(api.runAction(note(target, 'garbled'), { idempotencyKey: 'k-garbled' }), 'unavailable');
    await expectAppliedOnce(mock, target, 'garbled');
    // Sending the same intent again gets the real answer, without applying it twice.
    const again = await api.runAction(note(target, 'garbled'), { idempotencyKey: 'k-garbled' });
    expect(again.version).to.equal(target.version + 1);
    await expectAppliedOnce(mock, target, 'garbled');
  });

  it('names the field when a JSON body is not a valid order', async () => {
    const target = openOrders[6] as Order;
    mock.faults.next({
      route: 'getOrder',
      kind: 'body',
      body: (o: unknown) => ({ ...(o as Order), totals: { ...(o as Order).totals, total: { amount: 12.5, currency: (o as Order).currency } } }),
    });
    const one = await expectApiError(api.getOrder(target.id), 'unavailable');
    expect(one.fields?.map((f) => f.field)).to.deep.equal(['totals.total.amount']);
    expect(one.message).to.contain('totals.total.amount must be an integer');
    mock.faults.next({
      route: 'listOrders',
      kind: 'body',
      body: (page: unknown) => {
        const p = page as { items: Order[] };
        return { ...p, items: p.items.map((o, i) => (i === 1 ? { ...o, version: 'seven' } : o)) };
      },
    });
    const list = await expectApiError(api.listOrders({}, { offset: 0, limit: 3 }), 'unavailable');
    expect(list.fields?.map((f) => f.field)).to.deep.equal(['items[1].version']);
    mock.faults.next({ route: 'getOrder', kind: 'body', body: ['not', 'an', 'order'] });
    const notObject = await expectApiError(api.getOrder(target.id), 'unavailable');
    expect(notObject.fields?.[0]?.field).to.equal('(body)');
    // A sound order, but not the one asked for.
    const other = openOrders[7] as Order;
    mock.faults.next({ route: 'getOrder', kind: 'body', body: JSON.parse(JSON.stringify(other)) });
    const wrong = await expectApiError(api.getOrder(target.id), 'unavailable');
    expect(wrong.message).to.contain(`order ${other.id} for a request about order ${target.id}`);
    // A conflict whose `current` is malformed stays a conflict, without the bad copy.
    const current = await stored(mock, target.id);
    mock.faults.next({ route: 'runAction', kind: 'body', status: 409, body: { type: 'https://orderdeck.dev/problems/conflict', status: 409, detail: 'Changed.', current: { id: 1 } } });
    const conflict = await expectApiError(api.runAction(note(current, 'x'), { idempotencyKey: 'k-bad-current' }), 'conflict');
    expect(conflict.current).to.equal(undefined);
    expect(conflict.message).to.contain("server's current.id was malformed");
  });

  it('aborts: before sending, while waiting, and during a retry pause — never retried', async () => {
    const target = openOrders[7] as Order;
    const done = new AbortController();
    done.abort();
    await expectApiError(api.getOrder(target.id, { signal: done.signal }), 'aborted');
    expect(routeRequests(mock, 'getOrder')).to.have.length(0);

    mock.faults.next({ route: 'runAction', kind: 'delay', delayMs: 200 });
    const pending = new AbortController();
    const write = api.runAction(note(target, 'aborted write'), { idempotencyKey: 'k-abort', signal: pending.signal });
    setTimeout(() => pending.abort(), 30);
    await expectApiError(write, 'aborted');
    expect(routeRequests(mock, 'runAction')).to.have.length(1);
    // The server got the request before the abort: it applies it exactly once, and re-sending the
    // same intent replays that result.
    const engine = await mock.engine();
    const deadline = Date.now() + 3000;
    while ((await engine.getOrder(target.id)).version === target.version && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await expectAppliedOnce(mock, target, 'aborted write');
    const replay = await api.runAction(note(target, 'aborted write'), { idempotencyKey: 'k-abort' });
    expect(replay.version).to.equal(target.version + 1);
    await expectAppliedOnce(mock, target, 'aborted write');

    const inPause = new AbortController();
    const pausing = mock.client('usr_admin', {
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    mock.faults.next({ route: 'countTabs', kind: 'status', status: 503, count: 5 });
    const counting = pausing.countTabs({}, { signal: inPause.signal });
    setTimeout(() => inPause.abort(), 30);
    await expectApiError(counting, 'aborted');
    expect(routeRequests(mock, 'countTabs')).to.have.length(1);
  });

  it('asks the host for headers on every attempt, and maps 401 to forbidden', async () => {
    let token = 'expired-token';
    let calls = 0;
    const rotating = mock.client('unused', {
      headers: () => {
        calls++;
        return { Authorization: `Bearer ${token}` };
      },
      sleep: async () => undefined,
    });
    const denied = await expectApiError(rotating.countTabs({}), 'forbidden');
    expect(denied.message).to.equal('The bearer token is not valid.');
    token = 'usr_admin';
    mock.faults.next({ route: 'countTabs', kind: 'network' });
    await rotating.countTabs({});
    expect(calls).to.equal(3);
    expect(routeRequests(mock, 'countTabs').map((r) => r.authorization)).to.deep.equal(['Bearer expired-token', 'Bearer usr_admin', 'Bearer usr_admin']);
    const failing = mock.client('unused', {
      headers: () => {
        throw new Error('session expired');
      },
    });
    const e = await expectApiError(failing.countTabs({}), 'unavailable');
    expect(e.message).to.contain('session expired');
  });
});

describe('mock backend: the HTTP contract itself', () => {
  let mock: MockBackend;

  beforeEach(async () => {
    mock = await openMock();
  });

  afterEach(closeMocks);

  const send = (path: string, init: RequestInit = {}, token: string | null = 'usr_admin'): Promise<Response> =>
    mock.fetch(`${mock.baseUrl}${path}`, { ...init, headers: { ...(token && { Authorization: `Bearer ${token}` }), ...init.headers } });

  it('answers problem+json with a stable type per code, and 428 without If-Match', async () => {
    const target = openOrders[0] as Order;
    const missing = await send(`/orders/${target.id}/actions/add-note`, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k1', 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { text: 'x' } }),
    });
    expect(missing.status).to.equal(428);
    expect(missing.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(await missing.json()).to.deep.include({
      type: 'https://orderdeck.dev/problems/invalid-input',
      title: 'Invalid request',
      status: 428,
      code: 'invalid-input',
      fields: [{ field: 'If-Match', message: 'is required' }],
    });
    const noKey = await send(`/orders/${target.id}/actions/add-note`, { method: 'POST', headers: { 'If-Match': `"${target.version}"` } });
    expect(noKey.status).to.equal(400);
    expect((await noKey.json()).fields).to.deep.equal([{ field: 'Idempotency-Key', message: 'is required' }]);
    const notFound = await send('/orders/ord_nope');
    expect(notFound.status).to.equal(404);
    expect((await notFound.json()).type).to.equal('https://orderdeck.dev/problems/not-found');
    const anonymous = await send('/orders?offset=0&limit=1', {}, null);
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('WWW-Authenticate')).to.contain('Bearer');
    expect((await anonymous.json()).type).to.equal('https://orderdeck.dev/problems/unauthenticated');
    const badQuery = await send('/orders?offset=x&limit=5000&archived=maybe&sort=-nothing');
    expect(badQuery.status).to.equal(422);
    expect((await badQuery.json()).fields.map((f: { field: string }) => f.field)).to.deep.equal(['sort', 'archived', 'offset', 'limit']);
    const garbage = await send('/orders', { method: 'POST', headers: { 'Idempotency-Key': 'k2', 'Content-Type': 'application/json' }, body: '{oops' });
    expect(garbage.status).to.equal(400);
  });

  it('sends the version as ETag, refuses a workflow action with 422 and a stale If-Match with 412', async () => {
    const target = openOrders[1] as Order;
    const got = await send(`/orders/${target.id}`);
    expect(got.headers.get('ETag')).to.equal(`"${target.version}"`);
    const closed = (await (await mock.engine()).listOrders({ statuses: ['closed'] }, { offset: 0, limit: 1 })).items[0] as Order;
    const refused = await send(`/orders/${closed.id}/actions/cancel`, {
      method: 'POST',
      headers: { 'If-Match': `"${closed.version}"`, 'Idempotency-Key': 'k3', 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { reason: 'late' } }),
    });
    expect(refused.status).to.equal(422);
    const body = await refused.json();
    expect(body).to.deep.include({ type: 'https://orderdeck.dev/problems/refused', code: 'refused' });
    expect(body.refusal.code).to.equal('wrong-status');
    const stale = await send(`/orders/${target.id}/actions/add-note`, {
      method: 'POST',
      headers: { 'If-Match': `"${target.version + 5}"`, 'Idempotency-Key': 'k4', 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { text: 'x' } }),
    });
    expect(stale.status).to.equal(412);
    const conflict = await stale.json();
    expect(conflict.code).to.equal('conflict');
    expect(conflict.current.version).to.equal(target.version);
    const created = await send('/orders', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k5', 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'phone', storeId: 'st_jkt', customer: { name: 'A' }, currency: 'IDR', lines: [{ sku: 'a', name: 'A', unitPrice: { amount: 100, currency: 'IDR' }, quantity: 1 }] }),
    });
    expect(created.status).to.equal(201);
    const order = await created.json();
    expect(created.headers.get('Location')).to.equal(`${mock.baseUrl}/orders/${order.id}`);
  });

  it('answers every viewer with the latest data right after a write, and scopes idempotency keys per caller', async () => {
    const target = openOrders.find((o) => o.storeId === 'st_jkt') as Order;
    const admin = client(mock, 'usr_admin');
    const staff = client(mock, 'usr_staff_jkt');
    const superadmin = client(mock, 'usr_super');
    // Warm every viewer's engine instance first, so a stale cache would show.
    await Promise.all([admin, staff, superadmin].map((a) => a.getOrder(target.id)));
    const request = { orderId: target.id, action: 'add-note', input: { text: 'same key, two people' }, expectedVersion: target.version };
    const first = await admin.runAction(request, { idempotencyKey: 'shared-key' });
    expect((await staff.getOrder(target.id)).version).to.equal(first.version);
    const sorted = await superadmin.listOrders({ tab: 'all', sort: { field: 'updatedAt', direction: 'desc' } }, { offset: 0, limit: 1 });
    expect(sorted.items[0]?.id).to.equal(target.id);
    // The same key from another caller is that caller's own intent, not a replay of the admin's.
    const second = await staff.runAction({ ...request, expectedVersion: first.version }, { idempotencyKey: 'shared-key' });
    expect(second.version).to.equal(first.version + 1);
    expect(second.timeline.filter((e) => e.message === 'same key, two people')).to.have.length(2);
  });

  it('reports its capabilities', async () => {
    const api = client(mock);
    expect(await api.loadCapabilities()).to.deep.equal({ concurrency: true, idempotency: true, realtime: true, bulk: true, import: true, calendar: true, orderEntry: true, workflows: true });
    mock.faults.next({ route: 'getCapabilities', kind: 'body', body: { realtime: 'yes' } });
    const bad = await expectApiError(api.loadCapabilities(), 'unavailable');
    expect(bad.fields?.map((f) => f.field)).to.include('realtime');
  });

  it('serves every route of its table and nothing else', async () => {
    const { ROUTES } = await import('../../../src/api/mock/routes.js');
    for (const route of ROUTES) {
      const path = route.path.replace(':id', (openOrders[0] as Order).id).replace(':action', 'add-note');
      const response = await send(path, { method: route.method });
      // Answered by a handler (problem+json of the contract), never the unhandled fallback.
      expect(response.headers.get('Content-Type') ?? '', `${route.method} ${route.path}`).to.not.equal('');
      if (response.status === 404) expect((await response.json()).type, `${route.method} ${route.path}`).to.not.equal('about:blank');
      await response.body?.cancel();
    }
    const unknown = await send('/nothing-here');
    expect(unknown.status).to.equal(404);
    expect((await unknown.json()).type).to.equal('about:blank');
  });
});
