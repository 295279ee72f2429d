import { expect } from '@open-wc/testing';
import { encodeCsv, unneutralise } from '../../../src/model/csv/encode.js';
import { parseFile } from '../../../src/components/order-import/parse-client.js';

const ROWS = [
  ['A-1', '=1+1', 'two\r\nlines, "quoted"'],
  ['A-2', '注文 ٣ Ñandú 🚚', ''],
];
const TEXT = encodeCsv(['Order number', 'Note', 'Other'], ROWS, [], { bom: true });
const fileOf = (text: string) => new File([text], 'orders.csv', { type: 'text/csv' });

/** A file of many rows, so chunked reading takes several slices. */
const big = (): string =>
  encodeCsv(
    ['Order number', 'Note'],
    Array.from({ length: 20_000 }, (_, i) => [`N-${i}`, i % 7 === 0 ? `=cell ${i}, "quoted"\nnext` : `plain ${i}`]),
  );

describe('parseFile', () => {
  it('parses in a module worker, with the byte order mark removed and cells intact', async () => {
    const progress: number[] = [];
    const { parsed, by } = await parseFile(fileOf(TEXT), { onProgress: (p) => progress.push(p.rows) });
    expect(by).to.equal('worker');
    expect(parsed.rows[0]).to.deep.equal(['Order number', 'Note', 'Other']);
    expect(parsed.rows.slice(1, 3).map((r) => r.map(unneutralise))).to.deep.equal(ROWS);
    expect(progress.length).to.be.greaterThan(0);
  });

  it('parses on the main thread in chunks when asked (no worker), with the same result', async () => {
    const text = big();
    const inWorker = await parseFile(fileOf(text));
    const progress: number[] = [];
    const here = await parseFile(fileOf(text), { mainThread: true, onProgress: (p) => progress.push(p.bytes) });
    expect(here.by).to.equal('main-thread');
    expect(here.parsed.rows).to.deep.equal(inWorker.parsed.rows);
    expect(here.parsed.rows).to.have.length(20_002);
    // Several slices, each one a turn of the event loop.
    expect(progress.length).to.be.greaterThan(1);
    const small = await parseFile(fileOf(TEXT), { mainThread: true });
    expect(small.parsed.rows[0]).to.deep.equal(['Order number', 'Note', 'Other']);
  });

  it('falls back to the main thread when the worker cannot start', async () => {
    const RealWorker = globalThis.Worker;
    try {
      // A worker whose script is missing fails with an error event before it says it is ready.
      globalThis.Worker = class extends RealWorker {
        constructor(_url: string | URL, options?: WorkerOptions) {
          super('/no-such-worker-script.js', options);
        }
      };
      const missing = await parseFile(fileOf(TEXT));
      expect(missing.by).to.equal('main-thread');
      expect(missing.parsed.rows.slice(1, 3).map((r) => r.map(unneutralise))).to.deep.equal(ROWS);
      // A page that cannot construct workers at all.
      globalThis.Worker = class {
        constructor() {
          throw new DOMException('Blocked by policy', 'SecurityError');
        }
      } as unknown as typeof Worker;
      expect((await parseFile(fileOf(TEXT))).by).to.equal('main-thread');
    } finally {
      globalThis.Worker = RealWorker;
    }
  });

  it('names the row of a broken quote', async () => {
    const { parsed } = await parseFile(fileOf('Order number,Note\r\nA-1,ok\r\nA-2,"never closed\r\nA-3,x\r\n'));
    expect(parsed.errors.map((e) => [e.row, e.code])).to.deep.equal([[3, 'missing-quotes']]);
  });

  it('stops when aborted, in the worker and on the main thread', async () => {
    for (const mainThread of [false, true]) {
      const controller = new AbortController();
      const pending = parseFile(fileOf(big()), { signal: controller.signal, mainThread });
      controller.abort();
      let error: unknown;
      try {
        await pending;
      } catch (e) {
        error = e;
      }
      expect((error as DOMException)?.name, String(mainThread)).to.equal('AbortError');
    }
  });
});
