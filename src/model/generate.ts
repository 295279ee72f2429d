/** Deterministic seeded demo data. STUB — being written; exports are final. */
import type { Order, Store, Viewer } from './types.js';
import type { PresetKey } from './presets/index.js';

export interface GenerateOptions {
  readonly preset: PresetKey;
  readonly count: number;
  /** Same seed, same orders. */
  readonly seed?: number;
  /** The "current" time orders are generated back from (default 2026-11-22T09:00:00Z). */
  readonly now?: string;
  readonly stores?: readonly Store[];
}

export declare const demoStores: readonly Store[];
export declare const demoViewers: readonly Viewer[];

export function generateOrders(_options: GenerateOptions): Order[] {
  throw new Error('not implemented yet');
}
