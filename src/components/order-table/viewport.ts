/**
 * Fixed-row-height virtualisation as arithmetic: which rows a scroll position shows, where each row
 * goes, and where to scroll to bring a row into view. Lists taller than browsers allow an element to
 * be (about 33M px in Chromium, 17.9M in Firefox) are scaled: the scrollbar spans `MAX_BODY_HEIGHT`
 * and rows are placed relative to the scroll position. Pure; private to `<order-table>`.
 */

/** The tallest body the table makes; longer lists are scaled into it. */
export const MAX_BODY_HEIGHT = 12_000_000;

export interface ViewportInput {
  /** The scroller's `scrollTop`. */
  readonly scrollTop: number;
  /** Height of the part of the scroller where body rows show (below the sticky header). */
  readonly height: number;
  readonly rowHeight: number;
  readonly total: number;
  /** Extra rows rendered above and below the visible ones. */
  readonly overscan: number;
}

export interface RowWindow {
  /** First and one-past-last row (partly) visible. */
  readonly first: number;
  readonly last: number;
  /** First and one-past-last row rendered (visible plus overscan). */
  readonly start: number;
  readonly end: number;
  /** Height of the body element. */
  readonly bodyHeight: number;
  /** Subtracted from `index × rowHeight` to place a row (0 unless the list is scaled). */
  readonly offset: number;
  /** Virtual pixels per scrolled pixel (1 unless scaled). */
  readonly ratio: number;
}

function scale(total: number, rowHeight: number, height: number): { bodyHeight: number; ratio: number } {
  const full = total * rowHeight;
  if (full <= MAX_BODY_HEIGHT || MAX_BODY_HEIGHT <= height) return { bodyHeight: full, ratio: 1 };
  return { bodyHeight: MAX_BODY_HEIGHT, ratio: (full - height) / (MAX_BODY_HEIGHT - height) };
}

export function rowWindow(input: ViewportInput): RowWindow {
  const { total, rowHeight, overscan } = input;
  const height = Math.max(0, input.height);
  const { bodyHeight, ratio } = scale(total, rowHeight, height);
  const maxTop = Math.max(0, bodyHeight - height);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxTop);
  const virtualTop = scrollTop * ratio;
  const first = Math.min(total, Math.floor(virtualTop / rowHeight));
  const last = Math.min(total, Math.ceil((virtualTop + height) / rowHeight));
  return {
    first,
    last,
    start: Math.max(0, first - overscan),
    end: Math.min(total, last + overscan),
    bodyHeight,
    offset: virtualTop - scrollTop,
    ratio,
  };
}

/**
 * The `scrollTop` that brings row `index` fully into view with the least movement (the current one
 * when it is already in view).
 */
export function scrollTopFor(index: number, input: ViewportInput): number {
  const { rowHeight, total } = input;
  const height = Math.max(rowHeight, input.height);
  const { ratio } = scale(total, rowHeight, input.height);
  const virtualTop = input.scrollTop * ratio;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < virtualTop) return top / ratio;
  if (bottom > virtualTop + height) return (bottom - height) / ratio;
  return input.scrollTop;
}
