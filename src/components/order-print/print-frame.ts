/**
 * The print document: a same-origin `<iframe>` (about:blank, never navigated, no script of its own)
 * whose body is built with Lit `render()` — no `srcdoc`, no `innerHTML`, no `document.write`, so no
 * Trusted Types sink is touched — and styled by a constructable style sheet adopted by the frame's
 * document (inline `<style>` would be blocked by `style-src 'self'`). Private to `<order-print>`.
 */
import { DOCUMENT_CSS, pageRule, type Paper } from './print-sheet.js';
import { renderPages, type PreparedDocument, type SliceOptions } from './prepare.js';

/** A hidden frame holding the print document; `print()` opens the browser's print dialog for it. */
export class PrintFrame {
  readonly iframe: HTMLIFrameElement;

  constructor(host: HTMLElement | ShadowRoot) {
    const iframe = document.createElement('iframe');
    iframe.title = 'print';
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.className = 'print-frame';
    host.append(iframe);
    this.iframe = iframe;
  }

  /** The frame's document (same origin, about:blank). */
  get document(): Document {
    const doc = this.iframe.contentDocument;
    if (!doc) throw new Error('orderdeck: the print frame has no document');
    return doc;
  }

  /** Builds the print document: language, title, the adopted sheet with the paper's `@page`, the pages. */
  async build(prepared: PreparedDocument, paper: Paper, options: SliceOptions & { copies?: number; title: string; lang: string }): Promise<void> {
    const doc = this.document;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win) throw new Error('orderdeck: the print frame has no window');
    doc.documentElement.lang = options.lang;
    doc.title = options.title;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(`${pageRule(paper)}\nhtml, body { margin: 0; padding: 0; background: #fff; }\n${DOCUMENT_CSS}`);
    doc.adoptedStyleSheets = [sheet];
    const sheetEl = doc.createElement('main');
    sheetEl.className = `sheet paper-${paper}`;
    doc.body.replaceChildren(sheetEl);
    await renderPages(sheetEl, prepared, options);
  }

  /** Opens the browser's print dialog for the frame (returns when the dialog closes, in Chromium). */
  print(): void {
    const win = this.iframe.contentWindow;
    if (!win) throw new Error('orderdeck: the print frame has no window');
    win.focus();
    win.print();
  }

  remove(): void {
    this.iframe.remove();
  }
}
