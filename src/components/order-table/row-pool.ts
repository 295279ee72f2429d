/**
 * The recycled row elements of `<order-table>`. A ring of `size` elements shows rows by
 * `index % size`, so scrolling rebinds the rows that left the view to the rows entering it and never
 * moves a node in the DOM (moving a node makes the browser rebuild its layout objects: the main cost
 * of keyed lists while scrolling). One more element shows the pinned (focused) row while it is
 * outside the ring's range, and is swapped with the ring element that showed it, so the focused node
 * is never rebound to another row. When scrolling stops, `reorder()` puts the elements back in visual
 * order for assistive technology, moving the others around the focused one. Private to `<order-table>`.
 */
export class RowPool {
  private ring: HTMLElement[] = [];
  private spare: HTMLElement | undefined;
  /** Element → row index it shows (-1: none). */
  private readonly shows = new Map<HTMLElement, number>();

  constructor(
    private readonly container: HTMLElement,
    private readonly create: () => HTMLElement,
  ) {}

  /** The element showing row `index`, if one does. */
  elementFor(index: number): HTMLElement | undefined {
    for (const [el, i] of this.shows) if (i === index) return el;
    return undefined;
  }

  /**
   * Shows rows `start` to `end - 1` (at most `size` of them) and the `pinned` row wherever it is;
   * calls `render(element, index)` for every element showing a row. Elements left without a row are hidden.
   */
  sync(start: number, end: number, size: number, pinned: number, render: (el: HTMLElement, index: number) => void): void {
    if (size !== this.ring.length) this.resize(size);
    const pinnedOutside = pinned >= 0 && (pinned < start || pinned >= end);
    if (pinnedOutside) this.pin(pinned, size);
    else if (this.spare && this.shows.get(this.spare) === pinned && pinned >= 0) this.unpin(pinned, size);
    for (let slot = 0; slot < size; slot++) {
      const el = this.ring[slot] as HTMLElement;
      // The row of this slot in range: the index ≡ slot (mod size) in [start, start + size).
      const index = start + ((slot - (start % size) + size) % size);
      if (index < end) this.show(el, index, render);
      else this.hide(el);
    }
    const spare = this.spare;
    if (spare) {
      if (pinnedOutside) this.show(spare, pinned, render);
      else this.hide(spare);
    }
  }

  /** Puts the shown elements in row order, keeping the element that holds focus where it is. */
  reorder(focused: Element | null): void {
    const shown = [...this.shows].filter(([, i]) => i >= 0).sort((a, b) => a[1] - b[1]).map(([el]) => el);
    if (shown.length === 0) return;
    const current = [...this.container.children].filter((el) => shown.includes(el as HTMLElement));
    if (current.every((el, i) => el === shown[i])) return;
    const anchor = shown.find((el) => focused !== null && el.contains(focused)) ?? shown[0];
    const at = shown.indexOf(anchor as HTMLElement);
    for (let i = at - 1; i >= 0; i--) this.container.insertBefore(shown[i] as HTMLElement, shown[i + 1] as HTMLElement);
    for (let i = at + 1; i < shown.length; i++) (shown[i - 1] as HTMLElement).after(shown[i] as HTMLElement);
  }

  /** Removes every element (the table is showing no rows, or is going away). */
  clear(): void {
    for (const el of this.shows.keys()) el.remove();
    this.shows.clear();
    this.ring = [];
    this.spare = undefined;
  }

  private resize(size: number): void {
    while (this.ring.length > size) {
      const el = this.ring.pop() as HTMLElement;
      el.remove();
      this.shows.delete(el);
    }
    while (this.ring.length < size) {
      const el = this.create();
      el.hidden = true;
      this.container.append(el);
      this.shows.set(el, -1);
      this.ring.push(el);
    }
  }

  /** The pinned row left the range: the element showing it becomes the spare, the spare takes its slot. */
  private pin(pinned: number, size: number): void {
    const slot = pinned % size;
    const holder = this.ring[slot] as HTMLElement;
    if (this.shows.get(holder) !== pinned) {
      if (!this.spare) {
        this.spare = this.create();
        this.spare.hidden = true;
        this.container.append(this.spare);
        this.shows.set(this.spare, -1);
      }
      return;
    }
    let spare = this.spare;
    if (!spare) {
      spare = this.create();
      spare.hidden = true;
      this.container.append(spare);
      this.shows.set(spare, -1);
    }
    this.ring[slot] = spare;
    this.spare = holder;
  }

  /** The pinned row is back in range: its element returns to its slot. */
  private unpin(pinned: number, size: number): void {
    const slot = pinned % size;
    const spare = this.spare as HTMLElement;
    const displaced = this.ring[slot] as HTMLElement;
    this.ring[slot] = spare;
    this.spare = displaced;
  }

  private show(el: HTMLElement, index: number, render: (el: HTMLElement, index: number) => void): void {
    if (el.hidden) el.hidden = false;
    this.shows.set(el, index);
    render(el, index);
  }

  private hide(el: HTMLElement): void {
    if (this.shows.get(el) === -1 && el.hidden) return;
    this.shows.set(el, -1);
    el.hidden = true;
  }
}
