/**
 * How the table's columns share the width it has (issue 12, rule 3). The order number and the status
 * are sized to their content and never truncated; the other columns flex between a minimum and their
 * share of the rest (ellipsis beyond, the full text in `title`); when even the minimums do not fit,
 * columns go by priority (the highest `priority` number first, the last such first), never the number
 * or the status. Pure; private to `<order-table>`.
 */

/** What fitting needs to know about one shown column. */
export interface FitInput {
  readonly key: string;
  /** A fixed width in px (content-sized or a host's fixed column); undefined for a flexible one. */
  readonly fixed: number | undefined;
  /** The least a flexible column gets, in px. */
  readonly min: number;
  /** Share of the free width a flexible column takes (`fr`). */
  readonly grow: number;
  /** 0: never dropped for width; higher numbers are dropped first. */
  readonly priority: number;
}

export interface Fit {
  /** The columns kept, in their order. */
  readonly keys: readonly string[];
  /** One grid track per kept column. */
  readonly tracks: readonly string[];
  /** The width the rows take: the available width, or the minimums' sum when that is larger. */
  readonly width: number;
}

/** Fits `columns` into `available` px, of which `reserved` (the checkbox column) is taken. */
export function fitColumns(columns: readonly FitInput[], available: number, reserved: number): Fit {
  let kept = [...columns];
  const need = (list: readonly FitInput[]): number => reserved + list.reduce((sum, c) => sum + (c.fixed ?? c.min), 0);
  while (available > 0 && need(kept) > available) {
    let drop = -1;
    for (let i = kept.length - 1; i >= 0; i--) {
      const p = kept[i]!.priority;
      if (p > 0 && (drop < 0 || p > kept[drop]!.priority)) drop = i;
    }
    if (drop < 0) break;
    kept = kept.filter((_, i) => i !== drop);
  }
  return {
    keys: kept.map((c) => c.key),
    tracks: kept.map((c) => (c.fixed !== undefined ? `${c.fixed}px` : `minmax(${c.min}px, ${c.grow}fr)`)),
    width: Math.max(available, need(kept)),
  };
}

/** A CSS length in px (`164px`), else undefined. */
export function pxOf(length: string | undefined): number | undefined {
  const match = length === undefined ? null : /^(\d+(?:\.\d+)?)px$/.exec(length.trim());
  return match ? Number(match[1]) : undefined;
}

let canvas: CanvasRenderingContext2D | null | undefined;

/** The rendered width of `text` in the CSS `font`, in px (0 without a canvas). */
export function textWidth(text: string, font: string): number {
  canvas ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas) return 0;
  canvas.font = font;
  return canvas.measureText(text).width;
}
