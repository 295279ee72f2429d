/**
 * The five workflow presets of DESIGN.md §1, as data, and `withCustomStatus` for the statuses and
 * transitions merchants add at run time. Every preset passes `validateDefinition`.
 */
import { validateDefinition } from '../workflow/engine.js';
import type { ActionDef, StatusCategory, StatusDef, Tone, WorkflowDefinition } from '../workflow/types.js';
import { codDelivery } from './cod-delivery.js';
import { confirmFirst } from './confirm-first.js';
import { marketplace } from './marketplace.js';
import { onlineStore } from './online-store.js';
import { paymentFulfillment } from './payment-fulfillment.js';

export type PresetKey = 'confirm-first' | 'online-store' | 'payment-fulfillment' | 'marketplace' | 'cod-delivery';
export const PRESET_KEYS: readonly PresetKey[] = ['confirm-first', 'online-store', 'payment-fulfillment', 'marketplace', 'cod-delivery'];

export const presets: Readonly<Record<PresetKey, WorkflowDefinition>> = {
  'confirm-first': confirmFirst,
  'online-store': onlineStore,
  'payment-fulfillment': paymentFulfillment,
  marketplace,
  'cod-delivery': codDelivery,
};

export function getPreset(key: PresetKey): WorkflowDefinition {
  const preset = presets[key];
  if (!preset) throw new Error(`Unknown workflow preset “${String(key)}”.`);
  return preset;
}

/** Where a merchant's custom status sits in the workflow. */
export interface CustomTransitions {
  /** Statuses an order may move from into the new status. */
  readonly from?: readonly string[];
  /** Statuses an order may move on to from the new status. */
  readonly to?: readonly string[];
}

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CATEGORIES: readonly StatusCategory[] = ['open', 'done', 'cancelled'];
const TONES: readonly Tone[] = ['neutral', 'info', 'attention', 'warning', 'success', 'danger'];

/**
 * A new definition with a merchant's custom status, placed after the last status of its category.
 * Transitions into it become one "move to" action (`set-<key>`, set-status, bulk). Transitions out of
 * it join the actions that already lead to each target (so "to cancelled" reuses the preset's cancel,
 * with its reason), or a new `set-<target>` action where none does. A workflow with a target-less
 * set-status action (cod-delivery's "Update Status") reaches the status without any of this.
 * Throws on a bad status or on a definition that no longer validates (e.g. an unreachable status).
 */
export function withCustomStatus(
  workflow: WorkflowDefinition,
  status: StatusDef,
  transitions: CustomTransitions = {},
): WorkflowDefinition {
  if (!KEY.test(status.key)) throw new Error(`Status key “${status.key}” must be kebab-case.`);
  if (workflow.statuses.some((s) => s.key === status.key)) throw new Error(`Status “${status.key}” already exists.`);
  if (!CATEGORIES.includes(status.category)) throw new Error(`Unknown status category “${String(status.category)}”.`);
  if (!TONES.includes(status.tone)) throw new Error(`Unknown tone “${String(status.tone)}”.`);

  const statuses = [...workflow.statuses];
  const last = statuses.map((s) => s.category).lastIndexOf(status.category);
  statuses.splice(last < 0 ? statuses.length : last + 1, 0, status);

  let actions: ActionDef[] = [...workflow.actions];
  const setStatus = (key: string, from: readonly string[], to: string): void => {
    if (actions.some((a) => a.key === key)) throw new Error(`Action “${key}” already exists.`);
    const label = statuses.find((s) => s.key === to)?.label ?? to;
    actions.push({ key, label, operation: 'set-status', from, to, permission: 'orders.status', bulk: true, destructive: false });
  };

  const into = (transitions.from ?? []).filter((s) => s !== status.key);
  if (into.length > 0) setStatus(`set-${status.key}`, into, status.key);
  for (const target of transitions.to ?? []) {
    if (target === status.key) continue;
    const leading = actions.filter((a) => a.to === target && a.from !== '*');
    if (leading.length === 0) {
      setStatus(`set-${target}`, [status.key], target);
      continue;
    }
    actions = actions.map((a) => (leading.includes(a) && a.from !== '*' ? { ...a, from: [...a.from, status.key] } : a));
  }

  const next: WorkflowDefinition = { ...workflow, statuses, actions };
  const problems = validateDefinition(next);
  if (problems.length > 0) throw new Error(`Custom status “${status.key}”: ${problems.join('; ')}`);
  return next;
}
