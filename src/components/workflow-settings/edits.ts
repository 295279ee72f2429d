/**
 * The edits `<workflow-settings>` makes to a draft workflow definition, as pure functions: add a
 * status (with a transition into it and a tab), add or remove a transition, rename or hide a status,
 * move a tab. None validates: the whole draft is checked (model/workflow/validate.ts) before it is
 * saved, and every problem is shown beside what is wrong. Private to `<workflow-settings>`.
 */
import type { ActionDef, LocalizedText, Permission, StatusCategory, StatusDef, TabDef, Tone, WorkflowDefinition } from '../../model/workflow/types.js';

/** Labels per locale as typed (English first). */
export type Labels = Readonly<Record<string, string>>;

/** A key from an English label: `Awaiting pickup` → `awaiting-pickup` (accents dropped, at most 60 characters). */
export function keyFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** A key not yet in `taken`: `base`, else `base-2`, `base-3`… */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Labels as `LocalizedText`: empty translations left out (English is always kept, even empty, so the validator names it). */
export function toText(labels: Labels): LocalizedText {
  const out: Record<string, string> = { en: (labels['en'] ?? '').trim() };
  for (const [locale, value] of Object.entries(labels)) {
    if (locale !== 'en' && value.trim() !== '') out[locale] = value.trim();
  }
  return out as LocalizedText;
}

/** The typed labels of a text, per locale (a plain string is English). */
export function fromText(text: LocalizedText | undefined, locales: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of locales) {
    out[locale] = text === undefined ? '' : typeof text === 'string' ? (locale === 'en' ? text : '') : (text[locale] ?? '');
  }
  return out;
}

export interface NewTransition {
  readonly labels: Labels;
  readonly from: readonly string[];
  readonly to: string;
  readonly permission: Permission;
  readonly bulk: boolean;
}

export interface NewStatus {
  readonly labels: Labels;
  readonly descriptions: Labels;
  readonly category: StatusCategory;
  readonly tone: Tone;
  /** Statuses orders may move from into the new one (one `set-status` action), if any. */
  readonly from: readonly string[];
  readonly permission: Permission;
  readonly bulk: boolean;
  /** `none`, `own` (a tab of its own), or the key of an existing tab to add it to. */
  readonly tab: string;
}

/** A `set-status` action moving orders from `from` to `to`, with a key not yet used. */
export function addTransition(workflow: WorkflowDefinition, t: NewTransition): WorkflowDefinition {
  const key = uniqueKey(`set-${t.to}`, workflow.actions.map((a) => a.key));
  const action: ActionDef = {
    key,
    label: toText(t.labels),
    operation: 'set-status',
    from: [...t.from],
    to: t.to,
    permission: t.permission,
    bulk: t.bulk,
    destructive: false,
  };
  return { ...workflow, actions: [...workflow.actions, action] };
}

export function removeAction(workflow: WorkflowDefinition, key: string): WorkflowDefinition {
  return { ...workflow, actions: workflow.actions.filter((a) => a.key !== key) };
}

/**
 * Adds a status after the last one of its category, with its key derived from the English label
 * (made unique), a transition into it from `from`, and a tab (its own, or added to an existing one).
 * Returns the new definition and the key given.
 */
export function addStatus(workflow: WorkflowDefinition, s: NewStatus): { workflow: WorkflowDefinition; key: string } {
  const key = uniqueKey(keyFromLabel(s.labels['en'] ?? '') || 'status', workflow.statuses.map((d) => d.key));
  const description = toText(s.descriptions);
  const status: StatusDef = {
    key,
    label: toText(s.labels),
    category: s.category,
    tone: s.tone,
    // Kept when any language has text: a description without English is then named on save, not lost.
    ...(typeof description !== 'string' && Object.values(description).some((v) => v !== '') && { description }),
  };
  const statuses = [...workflow.statuses];
  const last = statuses.map((d) => d.category).lastIndexOf(s.category);
  statuses.splice(last < 0 ? statuses.length : last + 1, 0, status);
  let next: WorkflowDefinition = { ...workflow, statuses };
  if (s.from.length) next = addTransition(next, { labels: s.labels, from: s.from, to: key, permission: s.permission, bulk: s.bulk });
  if (s.tab === 'own') {
    const tab: TabDef = { key: uniqueKey(key, next.tabs.map((t) => t.key)), label: toText(s.labels), filter: { status: [key] } };
    next = { ...next, tabs: [...next.tabs, tab] };
  } else if (s.tab !== 'none') {
    next = addToTab(next, s.tab, key);
  }
  return { workflow: next, key };
}

/** Tabs that list statuses by name (only those can take one more). */
export function statusTabs(workflow: WorkflowDefinition): readonly TabDef[] {
  return workflow.tabs.filter((t) => t.filter.status !== undefined);
}

export function addToTab(workflow: WorkflowDefinition, tabKey: string, status: string): WorkflowDefinition {
  return {
    ...workflow,
    tabs: workflow.tabs.map((t) =>
      t.key === tabKey && t.filter.status && !t.filter.status.includes(status) ? { ...t, filter: { ...t.filter, status: [...t.filter.status, status] } } : t,
    ),
  };
}

export function renameStatus(workflow: WorkflowDefinition, key: string, labels: Labels): WorkflowDefinition {
  return { ...workflow, statuses: workflow.statuses.map((s) => (s.key === key ? { ...s, label: toText(labels) } : s)) };
}

export function setHidden(workflow: WorkflowDefinition, key: string, hidden: boolean): WorkflowDefinition {
  return {
    ...workflow,
    statuses: workflow.statuses.map((s) => {
      if (s.key !== key) return s;
      if (hidden) return { ...s, hidden: true };
      const { hidden: _hidden, ...shown } = s;
      return shown;
    }),
  };
}

/** Moves a tab one place up (`-1`) or down (`1`); unchanged at either end. */
export function moveTab(workflow: WorkflowDefinition, key: string, by: -1 | 1): WorkflowDefinition {
  const tabs = [...workflow.tabs];
  const i = tabs.findIndex((t) => t.key === key);
  const j = i + by;
  if (i < 0 || j < 0 || j >= tabs.length) return workflow;
  [tabs[i], tabs[j]] = [tabs[j] as TabDef, tabs[i] as TabDef];
  return { ...workflow, tabs };
}
