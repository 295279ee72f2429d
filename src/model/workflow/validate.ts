/**
 * Validation of a workflow definition before it is used or saved: every problem as data naming the
 * part (status, action, tab, automation, the workflow itself), its key and the field at fault, with a
 * code a UI can put into words and an English sentence for logs and API errors. Pure.
 */
import type { ActionDef, LocalizedText, Permission, StatusCategory, Tone, WorkflowDefinition } from './types.js';
import { OPERATIONS } from './operations.js';
import { unreachable } from './engine.js';

export type WorkflowPart = 'workflow' | 'status' | 'action' | 'tab' | 'automation';

export type WorkflowProblemCode =
  /** Two statuses (actions, tabs) share the key. */
  | 'duplicate'
  /** The key is not kebab-case (`awaiting-pickup`) or is too long. */
  | 'invalid-key'
  /** The label (or description) has no English text, or is too long. */
  | 'label-required'
  | 'too-long'
  /** A field names a status the definition does not have. */
  | 'unknown-status'
  /** No path of actions and automations leads from the initial status to this status. */
  | 'unreachable'
  /** The status was removed while orders are in it. */
  | 'in-use'
  /** A category, tone, permission or operation that does not exist. */
  | 'invalid-value';

export interface WorkflowProblem {
  readonly part: WorkflowPart;
  /** The status, action or tab key; the automation's index; `''` for the workflow itself. */
  readonly key: string;
  /** The field at fault: `key`, `label`, `description`, `category`, `tone`, `from`, `to`, `permission`, `operation`, `filter`, `initial`. */
  readonly field: string;
  readonly code: WorkflowProblemCode;
  /** The status named by the field (`unknown-status`), or the status at fault (`in-use`, `unreachable`). */
  readonly status?: string;
  /** For `in-use`: how many orders are in the removed status. */
  readonly count?: number;
  /** An English sentence saying exactly what is wrong. */
  readonly message: string;
}

export interface WorkflowCheckContext {
  /**
   * Orders per status key in the backend, when saving: a status missing from the definition while
   * orders are in it is an `in-use` problem.
   */
  readonly ordersByStatus?: Readonly<Record<string, number>>;
}

/** Keys: lower-case words joined by hyphens, as in the presets. */
export const WORKFLOW_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_KEY_LENGTH = 60;
export const MAX_LABEL_LENGTH = 80;
export const MAX_DESCRIPTION_LENGTH = 500;

const CATEGORIES: readonly StatusCategory[] = ['open', 'done', 'cancelled'];
const TONES: readonly Tone[] = ['neutral', 'info', 'attention', 'warning', 'success', 'danger'];
const PERMISSIONS: readonly Permission[] = [
  'orders.create',
  'orders.edit',
  'orders.confirm',
  'orders.pay',
  'orders.fulfil',
  'orders.cancel',
  'orders.refund',
  'orders.assign',
  'orders.status',
  'orders.note',
  'orders.archive',
  'orders.delete',
  'orders.restore',
  'orders.post',
  'orders.import',
  'workflow.edit',
  'orders.system',
];

const PART_NAMES: Readonly<Record<WorkflowPart, string>> = {
  workflow: 'the workflow',
  status: 'status',
  action: 'action',
  tab: 'tab',
  automation: 'automation',
};

/** The English text of a label, or undefined when it has none. */
function english(text: LocalizedText | undefined): string | undefined {
  if (text === undefined) return undefined;
  const value = typeof text === 'string' ? text : text.en;
  return typeof value === 'string' ? value : undefined;
}

/** The longest text of a label in any language. */
function longest(text: LocalizedText): number {
  if (typeof text === 'string') return text.length;
  return Math.max(0, ...Object.values(text).map((v) => (typeof v === 'string' ? v.length : 0)));
}

/**
 * Every problem with a definition (empty when valid): duplicate or malformed keys, labels without
 * English, unknown categories, tones, permissions and operations, fields naming unknown statuses,
 * statuses no path reaches from the initial one, and (with `context.ordersByStatus`) statuses removed
 * while orders are in them. Hidden statuses need no path: they are kept only for the orders in them.
 */
export function workflowProblems(workflow: WorkflowDefinition, context: WorkflowCheckContext = {}): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  /** `message` continues "<Part> “key”: <field> …"; one starting with a capital is used as is. */
  const add = (part: WorkflowPart, key: string, field: string, code: WorkflowProblemCode, message: string, extra: { status?: string; count?: number } = {}): void => {
    const where = part === 'workflow' ? 'The workflow' : part === 'automation' ? `Automation ${key}` : `${capital(PART_NAMES[part])} “${key}”`;
    const sentence = /^[A-Z]/.test(message) ? message : `${where}: ${field} ${message}`;
    problems.push({ part, key, field, code, ...extra, message: sentence });
  };
  const label = (part: WorkflowPart, key: string, field: string, text: LocalizedText | undefined, optional = false, max = MAX_LABEL_LENGTH): void => {
    if (text === undefined && optional) return;
    const en = english(text);
    if (en === undefined || en.trim() === '') {
      if (!optional || (text !== undefined && typeof text !== 'string')) add(part, key, field, 'label-required', 'needs English text');
      return;
    }
    if (text !== undefined && longest(text) > max) add(part, key, field, 'too-long', `is longer than ${max} characters`);
  };
  const keyed = (part: WorkflowPart, keys: Set<string>, key: string): void => {
    if (keys.has(key)) add(part, key, 'key', 'duplicate', `Two entries share the key: duplicate ${PART_NAMES[part]} “${key}”`);
    keys.add(key);
    if (typeof key !== 'string' || !WORKFLOW_KEY.test(key) || key.length > MAX_KEY_LENGTH) {
      add(part, String(key), 'key', 'invalid-key', `must be lower-case words joined by hyphens, at most ${MAX_KEY_LENGTH} characters`);
    }
  };

  const statuses = new Set<string>();
  for (const s of workflow.statuses) {
    keyed('status', statuses, s.key);
    label('status', s.key, 'label', s.label);
    label('status', s.key, 'description', s.description, true, MAX_DESCRIPTION_LENGTH);
    if (!CATEGORIES.includes(s.category)) add('status', s.key, 'category', 'invalid-value', `“${String(s.category)}” is not open, done or cancelled`);
    if (!TONES.includes(s.tone)) add('status', s.key, 'tone', 'invalid-value', `“${String(s.tone)}” is not a tone`);
  }
  const known = (part: WorkflowPart, key: string, field: string, status: string): void => {
    if (!statuses.has(status)) add(part, key, field, 'unknown-status', `names unknown status “${status}”`, { status });
  };
  if (!statuses.has(workflow.initial)) add('workflow', '', 'initial', 'unknown-status', `names unknown status “${workflow.initial}”`, { status: workflow.initial });

  const actions = new Set<string>();
  for (const a of workflow.actions) checkAction(a);
  function checkAction(a: ActionDef): void {
    keyed('action', actions, a.key);
    label('action', a.key, 'label', a.label);
    if (!(a.operation in OPERATIONS)) add('action', a.key, 'operation', 'invalid-value', `“${a.operation}” is not an operation`);
    if (!PERMISSIONS.includes(a.permission)) add('action', a.key, 'permission', 'invalid-value', `“${String(a.permission)}” is not a permission`);
    if (a.from !== '*') a.from.forEach((s) => known('action', a.key, 'from', s));
    if (a.to !== undefined) known('action', a.key, 'to', a.to);
  }

  workflow.automations.forEach((rule, i) => {
    known('automation', String(i), 'to', rule.to);
    rule.from?.forEach((s) => known('automation', String(i), 'from', s));
  });

  const tabs = new Set<string>();
  for (const t of workflow.tabs) {
    keyed('tab', tabs, t.key);
    label('tab', t.key, 'label', t.label);
    t.filter.status?.forEach((s) => known('tab', t.key, 'filter', s));
  }

  // Scan to ship: each step starts from a known status and runs an action allowed from there.
  for (const step of workflow.scanToShip ?? []) {
    known('workflow', '', 'scanToShip', step.from);
    const action = workflow.actions.find((a) => a.key === step.action);
    if (!action) add('workflow', '', 'scanToShip', 'invalid-value', `A scan step from “${step.from}” names unknown action “${step.action}”`);
    else if (action.from !== '*' && !action.from.includes(step.from)) {
      add('workflow', '', 'scanToShip', 'invalid-value', `A scan step from “${step.from}” runs action “${step.action}”, which is not allowed from there`);
    }
  }

  if (statuses.has(workflow.initial)) {
    for (const s of unreachable(workflow)) {
      add('status', s, 'from', 'unreachable', `Status “${s}” is unreachable: no action or automation leads to it from “${workflow.initial}”`, { status: s });
    }
  }

  for (const [status, count] of Object.entries(context.ordersByStatus ?? {})) {
    if (count > 0 && !statuses.has(status)) {
      add('status', status, 'key', 'in-use', `Status “${status}” cannot be removed while ${count} ${count === 1 ? 'order is' : 'orders are'} in it`, { status, count });
    }
  }
  return problems;
}

/** Where a problem sits as a field path of API errors: `statuses.awaiting-pickup.label`, `initial`. */
export function problemPath(problem: Pick<WorkflowProblem, 'part' | 'key' | 'field'>): string {
  if (problem.part === 'workflow') return problem.field;
  const list = problem.part === 'status' ? 'statuses' : `${problem.part}s`;
  return `${list}.${problem.key}.${problem.field}`;
}

/** The part, key and field of a path made by `problemPath`; undefined for anything else. */
export function parseProblemPath(path: string): Pick<WorkflowProblem, 'part' | 'key' | 'field'> | undefined {
  const m = /^(statuses|actions|tabs|automations)\.(.+)\.([a-z]+)$/.exec(path);
  if (!m) return /^[a-z]+$/.test(path) ? { part: 'workflow', key: '', field: path } : undefined;
  const part = ({ statuses: 'status', actions: 'action', tabs: 'tab', automations: 'automation' } as const)[m[1] as 'statuses'];
  return { part, key: m[2] as string, field: m[3] as string };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
