/** The five workflow presets of DESIGN.md §1. STUB — being written; exports are final. */
import type { WorkflowDefinition } from '../workflow/types.js';

export type PresetKey = 'confirm-first' | 'online-store' | 'payment-fulfillment' | 'marketplace' | 'cod-delivery';
export const PRESET_KEYS: readonly PresetKey[] = ['confirm-first', 'online-store', 'payment-fulfillment', 'marketplace', 'cod-delivery'];

export function getPreset(_key: PresetKey): WorkflowDefinition {
  throw new Error('not implemented yet');
}
