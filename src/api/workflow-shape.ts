/**
 * The adapter boundary for workflow definitions: `checkWorkflowShape` says whether an unknown value is
 * shaped like a `WorkflowDefinition` (types, not rules — the rules are model/workflow/validate.ts), and
 * `validateSaveWorkflow` turns a save request into typed data or an `invalid-input` error naming every
 * problem as `statuses.<key>.<field>`, `actions.<key>.<field>`, `tabs.<key>.<field>`.
 */
import type { WorkflowDefinition } from '../model/workflow/types.js';
import { problemPath, workflowProblems, type WorkflowCheckContext } from '../model/workflow/validate.js';
import { OrderApiError, type FieldProblem, type SaveWorkflowRequest, type StoredWorkflow } from './types.js';
import { isRecord } from './validate.js';

/** Most statuses, actions or tabs a definition may have (bounded like every other field). */
export const MAX_WORKFLOW_ITEMS = 200;

type Obj = Record<string, unknown>;

function isText(v: unknown): boolean {
  if (typeof v === 'string') return true;
  return isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** Type problems of a would-be definition (empty when it is shaped like one). */
export function checkWorkflowShape(value: unknown, prefix = 'definition'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fail = (field: string, message: string): void => {
    if (problems.length < 20) problems.push({ field: field ? `${prefix}.${field}` : prefix, message });
  };
  if (!isRecord(value)) {
    fail('', 'must be an object');
    return problems;
  }
  for (const key of ['key', 'initial']) if (typeof value[key] !== 'string') fail(key, 'must be a string');
  if (!isText(value.label)) fail('label', 'must be text');
  const list = (key: string, each: (item: Obj, at: string) => void): void => {
    const items = value[key];
    if (!Array.isArray(items)) return fail(key, 'must be a list');
    if (items.length > MAX_WORKFLOW_ITEMS) return fail(key, `must have at most ${MAX_WORKFLOW_ITEMS} entries`);
    items.forEach((item: unknown, i) => {
      if (!isRecord(item)) return fail(`${key}.${i}`, 'must be an object');
      each(item, `${key}.${i}`);
    });
  };
  const str = (item: Obj, at: string, key: string, optional = false): void => {
    if (optional && item[key] === undefined) return;
    if (typeof item[key] !== 'string') fail(`${at}.${key}`, 'must be a string');
  };
  const text = (item: Obj, at: string, key: string, optional = false): void => {
    if (optional && item[key] === undefined) return;
    if (!isText(item[key])) fail(`${at}.${key}`, 'must be text');
  };
  const strings = (item: Obj, at: string, key: string): void => {
    const v = item[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) fail(`${at}.${key}`, 'must be a list of strings');
  };
  list('statuses', (s, at) => {
    for (const k of ['key', 'category', 'tone']) str(s, at, k);
    text(s, at, 'label');
    text(s, at, 'description', true);
    if (s.hidden !== undefined && typeof s.hidden !== 'boolean') fail(`${at}.hidden`, 'must be true or false');
  });
  list('actions', (a, at) => {
    for (const k of ['key', 'operation', 'permission']) str(a, at, k);
    str(a, at, 'to', true);
    text(a, at, 'label');
    if (a.from !== '*') strings(a, at, 'from');
    if (a.from === undefined) fail(`${at}.from`, 'is required');
    strings(a, at, 'required');
    for (const k of ['bulk', 'destructive']) if (typeof a[k] !== 'boolean') fail(`${at}.${k}`, 'must be true or false');
    if (a.fixed !== undefined && !isRecord(a.fixed)) fail(`${at}.fixed`, 'must be an object');
    if (a.guard !== undefined && !isRecord(a.guard)) fail(`${at}.guard`, 'must be an object');
  });
  list('tabs', (t, at) => {
    str(t, at, 'key');
    text(t, at, 'label');
    if (!isRecord(t.filter)) fail(`${at}.filter`, 'must be an object');
    else strings(t.filter, `${at}.filter`, 'status');
  });
  list('automations', (r, at) => {
    str(r, at, 'on');
    str(r, at, 'to');
    strings(r, at, 'from');
  });
  list('couriers', (c, at) => {
    str(c, at, 'code');
    str(c, at, 'name');
  });
  if (!Array.isArray(value.paymentMethods) || !value.paymentMethods.every((m: unknown) => typeof m === 'string')) {
    fail('paymentMethods', 'must be a list of strings');
  }
  return problems;
}

/** Throws `invalid-input` when the value is not a stored workflow (`{ definition, version }`). */
export function validateStoredWorkflow(value: unknown): StoredWorkflow {
  const problems = isRecord(value) ? checkWorkflowShape(value.definition) : [{ field: '(body)', message: 'must be an object' }];
  if (isRecord(value) && !(Number.isSafeInteger(value.version) && (value.version as number) >= 0)) {
    problems.push({ field: 'version', message: 'must be a whole number, at least 0' });
  }
  if (problems.length) throw invalidWorkflow('Invalid workflow', problems);
  return value as unknown as StoredWorkflow;
}

/**
 * The request as typed data, checked for shape and (with `context`, on the backend) for the
 * workflow's rules; every problem is a field of one `invalid-input` error.
 */
export function validateSaveWorkflow(value: unknown, context?: WorkflowCheckContext): SaveWorkflowRequest {
  if (!isRecord(value)) throw invalidWorkflow('Invalid request', [{ field: '(body)', message: 'must be an object' }]);
  const problems = checkWorkflowShape(value.definition);
  if (!(Number.isSafeInteger(value.expectedVersion) && (value.expectedVersion as number) >= 0)) {
    problems.push({ field: 'expectedVersion', message: 'must be a whole number, at least 0' });
  }
  if (problems.length) throw invalidWorkflow('Invalid workflow', problems);
  const definition = value.definition as WorkflowDefinition;
  const rules = workflowProblems(definition, context);
  if (rules.length) {
    throw invalidWorkflow(
      'The workflow cannot be saved',
      rules.map((p) => ({ field: problemPath(p), message: p.message })),
    );
  }
  return { definition, expectedVersion: value.expectedVersion as number };
}

function invalidWorkflow(what: string, fields: readonly FieldProblem[]): OrderApiError {
  const first = fields[0];
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  return new OrderApiError({ code: 'invalid-input', message: `${what}: ${first?.field} ${first?.message}${more}`, fields });
}
