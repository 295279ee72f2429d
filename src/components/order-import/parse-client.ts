/**
 * Parses a chosen CSV file without freezing the page: in a module worker (`parse-worker.ts`) when one
 * starts, else — a browser or a host page that cannot start module workers (a strict CSP without
 * `worker-src`, a bundler that did not emit the worker file) — with papaparse's chunked file reading
 * on the main thread, which reads the file in slices through the asynchronous FileReader, so the page
 * keeps responding between slices. Either way the result is the same `ParsedCsv`.
 */
import Papa from 'papaparse';
import { CsvCollector, PARSE_CONFIG, type ParsedCsv } from '../../model/csv/parse.js';
import type { ParseReply } from './parse-protocol.js';

export interface ParseProgress {
  readonly bytes: number;
  readonly total: number;
  readonly rows: number;
}

export interface ParseOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ParseProgress) => void;
  /** Skip the worker (tests of the fallback; hosts that forbid workers). */
  readonly mainThread?: boolean;
}

/** Where the file was parsed: in the worker, or on the main thread because no worker started. */
export type ParsedBy = 'worker' | 'main-thread';

export interface ParseOutcome {
  readonly parsed: ParsedCsv;
  readonly by: ParsedBy;
}

/** How long a worker may take to load and say it is ready before the main thread parses instead. */
const READY_TIMEOUT_MS = 10_000;

/** Slice size of the main-thread fallback: each slice is parsed between two turns of the event loop. */
const MAIN_THREAD_CHUNK = 256 * 1024;

const abortError = (): DOMException => new DOMException('The parse was cancelled.', 'AbortError');

/** Parses `file`; rejects with an `AbortError` when `signal` aborts, or an Error naming what failed. */
export async function parseFile(file: Blob, options: ParseOptions = {}): Promise<ParseOutcome> {
  if (options.signal?.aborted) throw abortError();
  if (!options.mainThread) {
    const worker = startWorker();
    if (worker) {
      const parsed = await inWorker(worker, file, options);
      if (parsed) return { parsed, by: 'worker' };
    }
  }
  return { parsed: await onMainThread(file, options), by: 'main-thread' };
}

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./parse-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

/**
 * Runs the parse in `worker`. Resolves undefined when the worker failed to start (an `error` event
 * before its `ready` message: the script was missing or would not run; or no `ready` within
 * `READY_TIMEOUT_MS`), so the caller falls back.
 */
function inWorker(worker: Worker, file: Blob, options: ParseOptions): Promise<ParsedCsv | undefined> {
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      if (started) return;
      finish();
      resolve(undefined);
    }, READY_TIMEOUT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      worker.terminate();
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      if (!started) resolve(undefined);
      else reject(new Error(event.message || 'The file could not be read.'));
    };
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case 'ready':
          started = true;
          clearTimeout(timer);
          worker.postMessage({ file });
          break;
        case 'progress':
          options.onProgress?.(reply);
          break;
        case 'done':
          finish();
          resolve(reply.result);
          break;
        case 'error':
          finish();
          reject(new Error(reply.message));
          break;
      }
    };
  });
}

function onMainThread(file: Blob, options: ParseOptions): Promise<ParsedCsv> {
  return new Promise((resolve, reject) => {
    const collector = new CsvCollector();
    let read = 0;
    let parser: Papa.Parser | undefined;
    const onAbort = (): void => {
      parser?.abort();
      reject(abortError());
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    Papa.parse<string[], File>(file as File, {
      ...PARSE_CONFIG,
      delimitersToGuess: [...PARSE_CONFIG.delimitersToGuess],
      chunkSize: MAIN_THREAD_CHUNK,
      beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
      chunk: (results, p) => {
        parser = p;
        if (options.signal?.aborted) return;
        collector.add(results);
        read = Math.min(file.size, read + MAIN_THREAD_CHUNK);
        options.onProgress?.({ bytes: read, total: file.size, rows: collector.count });
      },
      complete: () => {
        options.signal?.removeEventListener('abort', onAbort);
        if (!options.signal?.aborted) resolve(collector.result());
      },
      error: (error) => {
        options.signal?.removeEventListener('abort', onAbort);
        reject(new Error(error.message));
      },
    });
  });
}
