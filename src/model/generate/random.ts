/**
 * A small seeded pseudo-random generator (mulberry32) for demo data: same seed, same sequence, in every
 * engine. Never Math.random.
 */

/** mulberry32: a 32-bit state, good enough spread for test data, a few ns per draw. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Weighted {
  readonly weight: number;
}

/** Convenience draws over one mulberry32 stream. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One item, chosen in proportion to its weight. */
  weighted<T extends Weighted>(items: readonly T[], total = items.reduce((s, i) => s + i.weight, 0)): T {
    let x = this.next() * total;
    for (const item of items) {
      x -= item.weight;
      if (x < 0) return item;
    }
    return items[items.length - 1] as T;
  }

  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet = '0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}
