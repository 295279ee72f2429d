/**
 * Barcodes as Lit SVG templates: Code 128 (order and tracking numbers, SKUs) and QR, encoded by
 * bwip-js and drawn by our own drawing object (bwip-js `render(options, drawing)`), so what prints is
 * vector-sharp and nothing passes through innerHTML, DOMParser or a string of markup: every path is a
 * Lit attribute binding. The human-readable text is not drawn into the symbol; callers print it as
 * text beside it.
 */
import { code128, qrcode, type RenderOptions } from 'bwip-js/browser';
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

export type BarcodeKind = 'code128' | 'qr';

/** One encoded symbol: its size in modules (pixels at scale 1) and its bars or dark regions as paths. */
export interface BarcodeSymbol {
  readonly width: number;
  readonly height: number;
  /** Stroked paths (linear symbols): one per bar width. */
  readonly strokes: readonly { readonly width: number; readonly d: string }[];
  /** Filled paths (2D symbols). */
  readonly fills: readonly string[];
}

/** Thrown (as a typed value) when a value cannot be encoded, e.g. Code 128 of non-Latin-1 text. */
export class BarcodeError extends Error {
  constructor(readonly kind: BarcodeKind, readonly value: string, cause: unknown) {
    super(`Cannot encode “${value}” as ${kind}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BarcodeError';
  }
}

/** The bwip-js drawing interface, collecting path data instead of SVG markup. */
function pathDrawing(): Parameters<typeof code128<BarcodeSymbol>>[1] {
  let opts: RenderOptions | undefined;
  let sx = 1;
  let sy = 1;
  let width = 0;
  let height = 0;
  let dx = 0;
  let dy = 0;
  const strokes = new Map<number, string[]>();
  const fills: string[] = [];
  let path: string[] | undefined;
  const pt = (x: number, y: number): string => `${x + dx} ${y + dy}`;
  return {
    setopts(options) {
      opts = options;
    },
    scale(x, y) {
      sx = x;
      sy = y;
      return null;
    },
    measure() {
      return { width: 0, ascent: 0, descent: 0 };
    },
    init(w, h) {
      const o = opts as RenderOptions;
      dx = o.paddingleft ?? 0;
      dy = o.paddingtop ?? 0;
      width = w + dx + (o.paddingright ?? 0);
      height = h + dy + (o.paddingbottom ?? 0);
    },
    line(x0, y0, x1, y1, lw) {
      x0 |= 0;
      y0 |= 0;
      x1 |= 0;
      y1 |= 0;
      const w = Math.round(lw) || 1;
      // Half-pixel offsets keep odd-width strokes on whole pixels (as bwip-js's own SVG drawing does).
      if (w & 1) {
        if (x0 === x1) {
          const d = sx & 1 ? -0.5 : 0.5;
          x0 += d;
          x1 += d;
        }
        if (y0 === y1) {
          const d = sy & 1 ? -0.5 : 0.5;
          y0 += d;
          y1 += d;
        }
      }
      if (x0 === x1) y0++;
      else if (y0 === y1) x0++;
      const list = strokes.get(w) ?? [];
      list.push(`M${pt(x0, y0)}L${pt(x1, y1)}`);
      strokes.set(w, list);
    },
    polygon(pts) {
      path ??= [];
      const [first, ...rest] = pts;
      if (!first) return;
      path.push(`M${pt(first[0], first[1])}${rest.map((p) => `L${pt(p[0], p[1])}`).join('')}Z`);
    },
    hexagon(pts) {
      this.polygon(pts);
    },
    ellipse() {
      // Only dotcode and maxicode draw ellipses; neither is offered here.
    },
    fill() {
      if (path) fills.push(path.join(''));
      path = undefined;
    },
    text() {
      // Human-readable text is printed by the document as text, not drawn into the symbol.
    },
    end() {
      return { width, height, strokes: [...strokes].map(([w, parts]) => ({ width: w, d: parts.join('') })), fills };
    },
  };
}

/**
 * Encodes `value`. Code 128 takes printable ASCII only (what every hand-held scanner types back), so order numbers such as
 * `INV/20261122/JKT/00184` round-trip exactly; QR takes any text (UTF-8). Throws `BarcodeError`.
 */
export function encodeBarcode(kind: BarcodeKind, value: string): BarcodeSymbol {
  const options: RenderOptions = {
    bcid: kind === 'qr' ? 'qrcode' : 'code128',
    text: value,
    scale: 1,
    padding: kind === 'qr' ? 4 : 10,
    ...(kind === 'code128' ? { height: 12, parse: false, parsefnc: false } : { eclevel: 'M' }),
  } as RenderOptions;
  if (kind === 'code128' && !/^[\x20-\x7e]+$/.test(value)) {
    throw new BarcodeError(kind, value, new Error('Code 128 carries printable ASCII only'));
  }
  if (value === '') throw new BarcodeError(kind, value, new Error('nothing to encode'));
  try {
    return kind === 'qr' ? qrcode(options, pathDrawing()) : code128(options, pathDrawing());
  } catch (e) {
    throw new BarcodeError(kind, value, e);
  }
}

/** The SVG content of a symbol (for a caller that builds its own `<svg>`). */
export function symbolContent(symbol: BarcodeSymbol): SVGTemplateResult {
  return svg`<rect width=${symbol.width} height=${symbol.height} fill="#fff"></rect>${symbol.strokes.map(
    (s) => svg`<path stroke="#000" stroke-width=${s.width} d=${s.d}></path>`,
  )}${symbol.fills.map((d) => svg`<path fill="#000" fill-rule="evenodd" d=${d}></path>`)}`;
}

/**
 * A barcode as an `<svg>` template, scaled by CSS (`part="barcode"`, class `barcode barcode-<kind>`);
 * `label` is its accessible name. A value that cannot be encoded renders nothing (the caller prints
 * the value as text anyway).
 */
export function barcode(kind: BarcodeKind, value: string, label: string): TemplateResult {
  let symbol: BarcodeSymbol;
  try {
    symbol = encodeBarcode(kind, value);
  } catch {
    return html``;
  }
  return symbolSvg(kind, symbol, label);
}

/**
 * Encoded symbols by kind and value, encoded once: a batch of documents encodes its barcodes ahead
 * (in slices, yielding between them) and renders from here; `null` marks a value that cannot be encoded.
 */
export class BarcodeCache {
  private readonly symbols = new Map<string, BarcodeSymbol | null>();

  get size(): number {
    return this.symbols.size;
  }

  symbol(kind: BarcodeKind, value: string): BarcodeSymbol | null {
    const key = `${kind}\u0000${value}`;
    let s = this.symbols.get(key);
    if (s === undefined) {
      try {
        s = encodeBarcode(kind, value);
      } catch {
        s = null;
      }
      this.symbols.set(key, s);
    }
    return s;
  }

  /** Like `barcode()`, from the cache. */
  render(kind: BarcodeKind, value: string, label: string): TemplateResult {
    const symbol = this.symbol(kind, value);
    return symbol ? symbolSvg(kind, symbol, label) : html``;
  }
}

function symbolSvg(kind: BarcodeKind, symbol: BarcodeSymbol, label: string): TemplateResult {
  return html`<svg
    class="barcode barcode-${kind}"
    part="barcode"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${symbol.width} ${symbol.height}"
    preserveAspectRatio=${kind === 'qr' ? 'xMidYMid meet' : 'none'}
    shape-rendering="crispEdges"
  >${symbolContent(symbol)}</svg>`;
}
