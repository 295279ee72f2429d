/**
 * Preparing a batch of documents without freezing the page: the per-order parts, the combination and
 * the barcodes are worked through in time slices (about `budgetMs` each), yielding to the event loop
 * between slices, reporting progress and stopping when the signal aborts. Pages are then rendered into
 * a container the same way (`renderPages`). Used by `<order-print>` and by bench/print.mjs.
 */
import { render } from 'lit';
import { BUILDERS, type DocumentBuilder } from '../../model/print/build.js';
import type { PrintContext, PrintDocument } from '../../model/print/types.js';
import type { Order, PrintDocumentKind } from '../../model/types.js';
import { BarcodeCache } from '../shared/barcode.js';
import { barcodesOf, pageCount, pageTemplate } from './pages.js';

export type PrepareStage = 'building' | 'barcodes' | 'rendering';

export interface SliceOptions {
  readonly signal?: AbortSignal;
  /** Called after each slice: the stage, items done and items in the stage. */
  readonly onProgress?: (stage: PrepareStage, done: number, total: number) => void;
  /** Work per slice before yielding, in ms (default 12). */
  readonly budgetMs?: number;
}

export interface PreparedDocument {
  readonly document: PrintDocument;
  readonly codes: BarcodeCache;
  readonly pages: number;
  /** The zone dates print in (`PrintContext.timeZone`). */
  readonly timeZone?: string;
}

/** Thrown when the signal aborts a preparation (a `DOMException` named `AbortError`). */
const abortError = (): DOMException => new DOMException('Preparing the documents was cancelled.', 'AbortError');

type Scheduler = { yield?: () => Promise<void> };

/** Lets the browser paint and handle input: `scheduler.yield()` where there is one, else a new task. */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work` over `count` items in time slices. */
export async function sliced(count: number, work: (index: number) => void, stage: PrepareStage, options: SliceOptions): Promise<void> {
  const budget = options.budgetMs ?? 12;
  let i = 0;
  while (i < count) {
    if (options.signal?.aborted) throw abortError();
    const start = performance.now();
    do work(i++);
    while (i < count && performance.now() - start < budget);
    options.onProgress?.(stage, i, count);
    if (i < count) await yieldToEventLoop();
  }
  if (options.signal?.aborted) throw abortError();
}

/** Builds `kind` for `orders` and encodes its barcodes, slice by slice. */
export async function prepareDocument(
  kind: PrintDocumentKind,
  orders: readonly Order[],
  ctx: PrintContext,
  options: SliceOptions = {},
): Promise<PreparedDocument> {
  const builder = BUILDERS[kind] as DocumentBuilder<PrintDocumentKind>;
  const parts: unknown[] = new Array(orders.length);
  await sliced(orders.length, (i) => (parts[i] = builder.part(orders[i] as Order, ctx)), 'building', options);
  const document = builder.combine(parts, ctx) as PrintDocument;
  const codes = new BarcodeCache();
  const wanted = barcodesOf(document);
  await sliced(wanted.length, (i) => void codes.symbol(...(wanted[i] as [kind: 'code128' | 'qr', value: string])), 'barcodes', options);
  return { document, codes, pages: pageCount(document), ...(ctx.timeZone && { timeZone: ctx.timeZone }) };
}

/**
 * Renders pages `0 … limit-1` of a prepared document into `container`, `copies` times (collated), one
 * Lit render per page into its own `div.page-slot`, in time slices. Clears the container first.
 */
export async function renderPages(
  container: HTMLElement,
  prepared: PreparedDocument,
  options: SliceOptions & { readonly copies?: number; readonly limit?: number } = {},
): Promise<void> {
  const copies = Math.max(1, options.copies ?? 1);
  const pages = Math.min(prepared.pages, options.limit ?? prepared.pages);
  container.replaceChildren();
  const doc = container.ownerDocument;
  await sliced(
    pages * copies,
    (n) => {
      const slot = doc.createElement('div');
      slot.className = 'page-slot';
      container.append(slot);
      render(pageTemplate(prepared.document, n % pages, prepared.codes, prepared.timeZone), slot);
    },
    'rendering',
    options,
  );
}
