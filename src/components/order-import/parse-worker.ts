/**
 * The import's CSV parser, off the main thread: a module worker that reads the chosen file with
 * papaparse in chunks and posts progress, then every row. Started by `parse-client.ts` as
 * `new Worker(new URL('./parse-worker.js', import.meta.url), { type: 'module' })`; Vite bundles it
 * (dev and build), and the test runner serves this TypeScript source for the `.js` URL.
 */
import Papa from 'papaparse';
import { CsvCollector, PARSE_CONFIG } from '../../model/csv/parse.js';
import type { ParseReply, ParseRequest } from './parse-protocol.js';

/** What this script sees of its global scope (the DOM lib is loaded, not the worker lib). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseReply): void;
};

/** Bytes per chunk: small enough for steady progress, large enough to stay fast. */
const CHUNK_BYTES = 512 * 1024;

scope.onmessage = (event) => {
  const { file } = event.data;
  const collector = new CsvCollector();
  let read = 0;
  Papa.parse<string[], File>(file as File, {
    ...PARSE_CONFIG,
    delimitersToGuess: [...PARSE_CONFIG.delimitersToGuess],
    chunkSize: CHUNK_BYTES,
    beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
    chunk: (results) => {
      collector.add(results);
      read = Math.min(file.size, read + CHUNK_BYTES);
      scope.postMessage({ type: 'progress', bytes: read, total: file.size, rows: collector.count });
    },
    complete: () => scope.postMessage({ type: 'done', result: collector.result() }),
    error: (error) => scope.postMessage({ type: 'error', message: error.message }),
  });
};

// Tells the page the script loaded and runs: until then a failure to start means "parse here instead".
scope.postMessage({ type: 'ready' });
