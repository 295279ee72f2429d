/** model/workflow/validate.ts: each kind of problem, named by part, key and field. */
import { expect } from '@open-wc/testing';
import { getPreset, PRESET_KEYS, withCustomStatus } from '../../src/model/presets/index.js';
import { availableActions, applyAction } from '../../src/model/workflow/engine.js';
import type { WorkflowDefinition } from '../../src/model/workflow/types.js';
import { parseProblemPath, problemPath, workflowProblems, type WorkflowProblem } from '../../src/model/workflow/validate.js';
import { generateOrders, demoViewers } from '../../src/model/generate.js';
import type { Order, Viewer } from '../../src/model/types.js';

const cod = getPreset('cod-delivery');
const awaiting = withCustomStatus(
  cod,
  { key: 'awaiting-pickup', label: { en: 'Awaiting pickup', id: 'Menunggu dijemput' }, category: 'open', tone: 'attention' },
  { from: ['processing'] },
);
const brief = (ps: readonly WorkflowProblem[]) => ps.map((p) => `${p.code} ${problemPath(p)}`);

describe('workflow validation', () => {
  it('accepts every preset and a custom status', () => {
    for (const key of PRESET_KEYS) expect(workflowProblems(getPreset(key)), key).to.deep.equal([]);
    expect(workflowProblems(awaiting)).to.deep.equal([]);
  });

  it('names an action to an unknown status, and one from it', () => {
    const wf: WorkflowDefinition = {
      ...awaiting,
      actions: [...awaiting.actions, { ...awaiting.actions[0]!, key: 'go', from: ['limbo'], to: 'nowhere' }],
    };
    const problems = workflowProblems(wf);
    expect(brief(problems)).to.deep.equal(['unknown-status actions.go.from', 'unknown-status actions.go.to']);
    expect(problems[1]).to.include({ part: 'action', key: 'go', field: 'to', status: 'nowhere' });
    expect(problems[1]!.message).to.equal('Action “go”: to names unknown status “nowhere”');
  });

  it('names a tab or automation naming an unknown status, and an unknown initial status', () => {
    const wf: WorkflowDefinition = {
      ...awaiting,
      initial: 'draft',
      tabs: [...awaiting.tabs, { key: 'lost', label: 'Lost', filter: { status: ['gone'] } }],
      automations: [{ on: 'fully-paid', to: 'paid-ish' }],
    };
    expect(brief(workflowProblems(wf))).to.deep.equal(['unknown-status initial', 'unknown-status automations.0.to', 'unknown-status tabs.lost.filter']);
  });

  it('names an unreachable status, but not a hidden one', () => {
    const island = { key: 'island', label: 'Island', category: 'open' as const, tone: 'neutral' as const };
    // cod-delivery's target-less "Update status" reaches every status: take it away.
    const noUpdate = { ...cod, actions: cod.actions.filter((a) => a.key !== 'update-status'), statuses: [...cod.statuses, island] };
    const problems = workflowProblems(noUpdate);
    expect(brief(problems)).to.include('unreachable statuses.island.from');
    expect(problems.find((p) => p.key === 'island')!.message).to.contain('“island” is unreachable');
    const hidden = { ...noUpdate, statuses: noUpdate.statuses.map((s) => (s.key === 'island' ? { ...s, hidden: true } : s)) };
    expect(brief(workflowProblems(hidden))).not.to.include('unreachable statuses.island.from');
  });

  it('names duplicate and malformed keys of statuses, actions and tabs', () => {
    const wf: WorkflowDefinition = {
      ...awaiting,
      statuses: [...awaiting.statuses, { ...awaiting.statuses[0]! }, { key: 'Bad Key', label: 'Bad', category: 'open', tone: 'info' }],
      actions: [...awaiting.actions, { ...awaiting.actions[1]! }],
      tabs: [...awaiting.tabs, { ...awaiting.tabs[0]! }],
    };
    const out = brief(workflowProblems(wf));
    expect(out).to.include(`duplicate statuses.${awaiting.statuses[0]!.key}.key`);
    expect(out).to.include('invalid-key statuses.Bad Key.key');
    expect(out).to.include(`duplicate actions.${awaiting.actions[1]!.key}.key`);
    expect(out).to.include(`duplicate tabs.${awaiting.tabs[0]!.key}.key`);
  });

  it('requires English labels (any other language optional) and bounds their length', () => {
    const wf: WorkflowDefinition = {
      ...awaiting,
      statuses: awaiting.statuses.map((s) =>
        s.key === 'awaiting-pickup' ? { ...s, label: { en: '', id: 'Menunggu dijemput' } } : s.key === 'pending' ? { ...s, label: 'x'.repeat(81) } : s,
      ),
      tabs: awaiting.tabs.map((t, i) => (i === 0 ? { ...t, label: { en: '  ' } } : t)),
    };
    expect(brief(workflowProblems(wf))).to.deep.equal([
      'too-long statuses.pending.label',
      'label-required statuses.awaiting-pickup.label',
      `label-required tabs.${awaiting.tabs[0]!.key}.label`,
    ]);
  });

  it('names unknown categories, tones and permissions', () => {
    const wf = {
      ...awaiting,
      statuses: awaiting.statuses.map((s) => (s.key === 'awaiting-pickup' ? { ...s, category: 'later', tone: 'loud' } : s)),
      actions: awaiting.actions.map((a) => (a.key === 'set-awaiting-pickup' ? { ...a, permission: 'orders.anything' } : a)),
    } as unknown as WorkflowDefinition;
    expect(brief(workflowProblems(wf))).to.deep.equal([
      'invalid-value statuses.awaiting-pickup.category',
      'invalid-value statuses.awaiting-pickup.tone',
      'invalid-value actions.set-awaiting-pickup.permission',
    ]);
  });

  it('refuses removing a status while orders are in it, naming how many', () => {
    const problems = workflowProblems(cod, { ordersByStatus: { pending: 4, 'awaiting-pickup': 2, gone: 0 } });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include({ code: 'in-use', part: 'status', key: 'awaiting-pickup', field: 'key', count: 2 });
    expect(problems[0]!.message).to.equal('Status “awaiting-pickup” cannot be removed while 2 orders are in it');
  });

  it('round-trips problem paths', () => {
    for (const p of [
      { part: 'status', key: 'awaiting-pickup', field: 'label' },
      { part: 'action', key: 'set-x', field: 'to' },
      { part: 'tab', key: 'all', field: 'key' },
      { part: 'workflow', key: '', field: 'initial' },
    ] as const) {
      expect(parseProblemPath(problemPath(p))).to.deep.equal(p);
    }
  });

  it('never offers a hidden status as a target, and keeps orders already in it', () => {
    const viewer = demoViewers.find((v) => v.role === 'admin') as Viewer;
    const hidden: WorkflowDefinition = {
      ...awaiting,
      statuses: awaiting.statuses.map((s) => (s.key === 'awaiting-pickup' ? { ...s, hidden: true } : s)),
    };
    expect(workflowProblems(hidden)).to.deep.equal([]);
    const order = generateOrders({ preset: 'cod-delivery', count: 40, seed: 3 }).find((o) => o.status === 'processing' && !o.deletedAt) as Order;
    expect(availableActions(awaiting, order, viewer).map((a) => a.key)).to.include('set-awaiting-pickup');
    expect(availableActions(hidden, order, viewer).map((a) => a.key)).not.to.include('set-awaiting-pickup');
    const ctx = { viewer, now: '2026-12-08T00:00:00.000Z', newId: (p: string) => `${p}_1` };
    const refused = applyAction(hidden, order, 'update-status', { status: 'awaiting-pickup' }, ctx);
    expect(refused.ok).to.equal(false);
    if (!refused.ok) expect(refused.refusal.field).to.equal('status');
    const inside = { ...order, status: 'awaiting-pickup' };
    const moved = applyAction(hidden, inside, 'update-status', { status: 'processing' }, ctx);
    expect(moved.ok, 'an order in a hidden status still moves on').to.equal(true);
  });
});
