/**
 * Realtime over the REST adapter: the SSE parser, and the change stream through the mock backend —
 * resuming after a drop with Last-Event-ID without losing or repeating events, reconnecting with
 * backoff, resetting when the server cannot replay, scope, and unsubscribe closing the stream.
 */
import { expect } from '@open-wc/testing';
import type { MockBackend } from '../../../src/api/mock/index.js';
import { createRestApi, SseParser } from '../../../src/api/rest/index.js';
import type { ChangeEvent, OrderApi } from '../../../src/api/types.js';
import type { Order } from '../../../src/model/types.js';
import { client, closeMocks, openMock, openOrders, routeRequests, until } from './setup.js';

describe('SseParser', () => {
  it('parses fields, multi-line data, comments, ids without data, CRLF split across chunks and a BOM', () => {
    const parser = new SseParser();
    const out = [
      ...parser.feed('\uFEFF: hello\r'),
      ...parser.feed('\nretry: 1500\r\nid: 1\nevent: order-updated\ndata: {"a":'),
      ...parser.feed('1}\r\n\r'),
      ...parser.feed('\nid: 2\n\ndata: line one\ndata:line two\n\n'),
      ...parser.feed('id: 3\ndata: x\n', true),
    ];
    expect(out).to.deep.equal([
      { event: 'order-updated', data: '{"a":1}', lastEventId: '1' },
      { event: 'message', data: 'line one\nline two', lastEventId: '2' },
    ]);
    // The unterminated last event is dropped, but its id still counts.
    expect(parser.lastEventId).to.equal('3');
    expect(parser.retryMs).to.equal(1500);
  });
});

/** Collects change events of one api, and lets a test wait for a count. */
function collect(api: OrderApi): { events: ChangeEvent[]; off: () => void; waitFor: (n: number) => Promise<void> } {
  const events: ChangeEvent[] = [];
  const off = api.subscribe((e) => events.push(e));
  return { events, off, waitFor: (n) => until(() => events.length >= n, 5000, `${n} events (have ${events.length})`) };
}

/** A sleep that blocks until the test releases it (to act while the client is disconnected). */
function gatedSleep(): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; waits: number[]; release: () => void; waiting: () => boolean } {
  const waits: number[] = [];
  let open: (() => void) | undefined;
  return {
    waits,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        waits.push(ms);
        open = () => {
          open = undefined;
          resolve();
        };
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
      }),
    release: () => open?.(),
    waiting: () => open !== undefined,
  };
}

const note = async (api: OrderApi, order: Order, text: string): Promise<Order> => {
  const current = await api.getOrder(order.id);
  return api.runAction({ orderId: order.id, action: 'add-note', input: { text }, expectedVersion: current.version }, { idempotencyKey: `k-${text}` });
};

describe('REST adapter: change stream', () => {
  let mock: MockBackend;

  afterEach(closeMocks);

  for (const error of [false, true]) {
    it(`resumes after a ${error ? 'failed' : 'closed'} stream from Last-Event-ID: nothing lost, nothing twice`, async () => {
      mock = await openMock();
      const gate = gatedSleep();
      const watcher = mock.client('usr_admin', { sleep: gate.sleep, random: () => 0.5 });
      const actor = client(mock, 'usr_super');
      const [a, b, c] = openOrders as [Order, Order, Order];
      const seen = collect(watcher);
      await until(() => mock.events.openStreams === 1);
      const first = await note(actor, a, 'one');
      await seen.waitFor(1);
      mock.events.dropAll(error);
      await until(gate.waiting, 5000, 'the client to wait before reconnecting');
      expect(mock.events.openStreams).to.equal(0);
      // While the client is away:
      const second = await note(actor, b, 'two');
      const third = await note(actor, c, 'three');
      gate.release();
      await seen.waitFor(3);
      await new Promise((r) => setTimeout(r, 50));
      expect(seen.events.map((e) => e.type === 'order-updated' && [e.orderId, e.version, e.origin])).to.deep.equal([
        [a.id, first.version, 'server'],
        [b.id, second.version, 'server'],
        [c.id, third.version, 'server'],
      ]);
      const streams = routeRequests(mock, 'streamEvents');
      expect(streams).to.have.length(2);
      expect(streams[0]?.lastEventId).to.equal(null);
      expect(streams[1]?.lastEventId).to.equal('1');
      // The next change still arrives once, on the resumed stream.
      const fourth = await note(actor, a, 'four');
      await seen.waitFor(4);
      expect(seen.events[3]).to.include({ orderId: a.id, version: fourth.version });
      seen.off();
      await until(() => mock.events.openStreams === 0, 2000, 'the stream to close on unsubscribe');
    });
  }

  it('resumes from the ready event even before any change arrived', async () => {
    mock = await openMock();
    const actor = client(mock, 'usr_super');
    await note(actor, openOrders[0] as Order, 'before-subscribe');
    const watcher = client(mock, 'usr_admin');
    mock.faults.next({ route: 'streamEvents', kind: 'drop', afterEvents: 0 });
    const seen = collect(watcher);
    await until(() => routeRequests(mock, 'streamEvents').length === 2 && mock.events.openStreams === 1);
    expect(routeRequests(mock, 'streamEvents')[1]?.lastEventId).to.equal('1');
    const after = await note(actor, openOrders[1] as Order, 'after-subscribe');
    await seen.waitFor(1);
    expect(seen.events).to.have.length(1);
    expect(seen.events[0]).to.include({ orderId: after.id, version: after.version });
    seen.off();
  });

  it('reconnects with capped backoff while the server refuses, then delivers', async () => {
    mock = await openMock();
    mock.faults.next({ route: 'streamEvents', kind: 'status', status: 503, count: 3 });
    const watcher = client(mock, 'usr_admin');
    const seen = collect(watcher);
    await until(() => mock.events.openStreams === 1);
    expect(routeRequests(mock, 'streamEvents').map((r) => r.status)).to.deep.equal([503, 503, 503, 200]);
    // random 0.5 × min(cap 1000, 100 · 2^failures), at least the server's retry hint once it sent one.
    expect(watcher.waits).to.deep.equal([100, 200, 400]);
    const updated = await note(client(mock, 'usr_super'), openOrders[2] as Order, 'after-outage');
    await seen.waitFor(1);
    expect(seen.events[0]).to.include({ orderId: updated.id, version: updated.version });
    seen.off();
  });

  it('sends reset when the replay buffer no longer covers the last event id', async () => {
    mock = await openMock({ events: { capacity: 2 } });
    const gate = gatedSleep();
    const watcher = mock.client('usr_admin', { sleep: gate.sleep });
    const actor = client(mock, 'usr_super');
    const seen = collect(watcher);
    await until(() => mock.events.openStreams === 1);
    await note(actor, openOrders[0] as Order, 'r1');
    await seen.waitFor(1);
    mock.events.dropAll();
    await until(gate.waiting);
    for (const [i, o] of openOrders.slice(1, 5).entries()) await note(actor, o, `gap-${i}`);
    gate.release();
    await seen.waitFor(2);
    expect(seen.events.map((e) => e.type)).to.deep.equal(['order-updated', 'reset']);
    seen.off();
  });

  it('shows staff only changes of their stores', async () => {
    mock = await openMock();
    const staff = client(mock, 'usr_staff_jkt');
    const seen = collect(staff);
    await until(() => mock.events.openStreams === 1);
    const actor = client(mock, 'usr_super');
    const foreign = openOrders.find((o) => o.storeId !== 'st_jkt') as Order;
    const own = openOrders.find((o) => o.storeId === 'st_jkt') as Order;
    await note(actor, foreign, 'not for staff');
    const mine = await note(actor, own, 'for staff');
    await seen.waitFor(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.events.map((e) => e.type !== 'reset' && e.type !== 'workflow-updated' && e.orderId)).to.deep.equal([mine.id]);
    seen.off();
  });

  it('replaces a connection that stays silent, resuming from its last event id', async () => {
    const calls: (string | null)[] = [];
    const silentFetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      calls.push(new Headers(init?.headers).get('Last-Event-ID'));
      const n = calls.length;
      return new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(`id: ${n * 10}\nevent: ready\ndata: {}\n\n`));
            // …and then nothing, ever.
          },
        }),
        { headers: { 'Content-Type': 'text/event-stream' } },
      );
    };
    const api = createRestApi({ baseUrl: 'https://x.test', fetch: silentFetch as typeof fetch, realtimeIdleTimeoutMs: 60, sleep: async () => undefined });
    const off = api.subscribe(() => undefined);
    await until(() => calls.length >= 3, 3000, 'two reconnects');
    off();
    expect(calls.slice(0, 3)).to.deep.equal([null, '10', '20']);
  });

  it('does not connect when the backend says it has no realtime', async () => {
    let calls = 0;
    const api = createRestApi({
      baseUrl: 'https://x.test',
      capabilities: { realtime: false },
      fetch: (async () => {
        calls++;
        return new Response('');
      }) as typeof fetch,
    });
    const off = api.subscribe(() => undefined);
    await new Promise((r) => setTimeout(r, 30));
    off();
    expect(calls).to.equal(0);
  });

  it('skips malformed events, drops a malformed embedded order, and keeps listening', async () => {
    const frames = [
      'retry: 10\n\n',
      'id: 1\nevent: order-updated\ndata: {not json\n\n',
      'id: 2\nevent: order-updated\ndata: {"type":"order-updated","orderId":"ord_1"}\n\n',
      'id: 3\nevent: order-updated\ndata: {"type":"order-updated","orderId":"ord_2","version":4,"order":{"id":"ord_2"}}\n\n',
      'id: 4\nevent: order-removed\ndata: {"type":"order-removed","orderId":"ord_3"}\n\n',
    ];
    const fakeFetch = async (): Promise<Response> =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const f of frames) controller.enqueue(new TextEncoder().encode(f));
          },
        }),
        { headers: { 'Content-Type': 'text/event-stream' } },
      );
    const api = createRestApi({ baseUrl: 'https://x.test', fetch: fakeFetch as typeof fetch });
    const seen = collect(api);
    await seen.waitFor(2);
    expect(seen.events).to.deep.equal([
      { type: 'order-updated', orderId: 'ord_2', version: 4, origin: 'server' },
      { type: 'order-removed', orderId: 'ord_3', origin: 'server' },
    ]);
    seen.off();
  });
});
