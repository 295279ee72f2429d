/**
 * A sorted permutation of the in-memory index for one sort field, kept up to date incrementally:
 * built once (lazily, on the first query sorted by that field), then each changed order is removed and
 * re-inserted by binary search, so a write never costs a full re-sort.
 *
 * Order: slots with a key by (key, id) ascending, then slots without a key (no `scheduledAt`) by id.
 * Descending walks the keyed part backwards; orders without a key come last in both directions.
 * Numeric keys live in a plain array of doubles (NaN = no key) so comparisons stay monomorphic.
 */
export type SortKey = number | string;

export class SortedIndex {
  private readonly keyed: number[] = [];
  private readonly unkeyed: number[] = [];
  private readonly nums: number[] = [];
  private readonly strs: string[] = [];
  private readonly compareKeyed: (a: number, b: number) => number;
  private readonly compareIds = (a: number, b: number): number => {
    const ia = this.ids[a] as string;
    const ib = this.ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  /** `ids` is the index's live id array (slot → order id), used to break ties. */
  constructor(
    private readonly ids: readonly string[],
    slots: number,
    private readonly numeric: boolean,
    keyOf: (slot: number) => SortKey | undefined,
  ) {
    this.compareKeyed = numeric
      ? (a, b) => (this.nums[a] as number) - (this.nums[b] as number) || this.compareIds(a, b)
      : (a, b) => {
          const ka = this.strs[a] as string;
          const kb = this.strs[b] as string;
          return ka < kb ? -1 : ka > kb ? 1 : this.compareIds(a, b);
        };
    for (let slot = 0; slot < slots; slot++) {
      this.setKey(slot, keyOf(slot));
      (this.hasKey(slot) ? this.keyed : this.unkeyed).push(slot);
    }
    if (numeric) {
      this.keyed.sort(this.compareKeyed);
    } else {
      // Text keys repeat (customer names, store names): rank the distinct keys once (default sort is
      // UTF-16 order, the same as `<`) and sort slots by rank — numbers compare much faster than text.
      const rank = new Map<string, number>();
      [...new Set(this.strs)].sort().forEach((key, i) => rank.set(key, i));
      const ranks = this.strs.map((key) => rank.get(key) as number);
      this.keyed.sort((a, b) => (ranks[a] as number) - (ranks[b] as number) || this.compareIds(a, b));
    }
    this.unkeyed.sort(this.compareIds);
  }

  /** Keyed slots ascending, and slots without a key. Read-only views: do not modify. */
  get ascending(): readonly number[] {
    return this.keyed;
  }

  get withoutKey(): readonly number[] {
    return this.unkeyed;
  }

  /** A slot appended to the index. */
  add(slot: number, key: SortKey | undefined): void {
    this.setKey(slot, key);
    this.insert(slot);
  }

  /** A slot whose order changed; cheap when its key did not. */
  update(slot: number, key: SortKey | undefined): void {
    const same = this.numeric
      ? Object.is(this.nums[slot], key === undefined ? Number.NaN : key)
      : this.strs[slot] === key;
    if (same) return;
    this.remove(slot);
    this.setKey(slot, key);
    this.insert(slot);
  }

  private setKey(slot: number, key: SortKey | undefined): void {
    if (this.numeric) this.nums[slot] = typeof key === 'number' ? key : Number.NaN;
    else this.strs[slot] = typeof key === 'string' ? key : '';
  }

  private hasKey(slot: number): boolean {
    return this.numeric ? !Number.isNaN(this.nums[slot]) : true;
  }

  /** First position in `list` whose slot does not sort before `slot`. */
  private lowerBound(list: readonly number[], slot: number, cmp: (a: number, b: number) => number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(list[mid] as number, slot) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insert(slot: number): void {
    if (this.hasKey(slot)) this.keyed.splice(this.lowerBound(this.keyed, slot, this.compareKeyed), 0, slot);
    else this.unkeyed.splice(this.lowerBound(this.unkeyed, slot, this.compareIds), 0, slot);
  }

  private remove(slot: number): void {
    const keyed = this.hasKey(slot);
    const list = keyed ? this.keyed : this.unkeyed;
    let at = this.lowerBound(list, slot, keyed ? this.compareKeyed : this.compareIds);
    // Ties are broken by id, which is unique, so the slot is exactly here; scan defensively anyway.
    if (list[at] !== slot) at = list.indexOf(slot);
    if (at >= 0) list.splice(at, 1);
  }
}
