/**
 * `<workflow-settings>`: the merchant's own statuses, transitions and tabs ("Settings → Add Status",
 * seed 004), edited as a draft of the workflow definition and saved through the store. No side
 * effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { OrderApiError } from '../../api/types.js';
import { formatCount } from '../shared/format-count.js';
import { localeChanges, targetLocales, sourceLocale } from '../../i18n/localize.js';
import { resolveText } from '../../i18n/text.js';
import { can } from '../../model/permissions.js';
import type { Permission, StatusCategory, Tone, WorkflowDefinition } from '../../model/workflow/types.js';
import { parseProblemPath, workflowProblems, type WorkflowProblem, type WorkflowPart } from '../../model/workflow/validate.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { listViewStyles } from '../shared/list-view.styles.js';
import { errorKindLabel } from '../shared/order-labels.js';
import { tokens } from '../shared/tokens.js';
import { addStatus, addTransition, fromText, keyFromLabel, moveTab, removeAction, renameStatus, setHidden, statusTabs, type Labels } from './edits.js';
import { WorkflowSaveEvent } from './events.js';
import { CATEGORIES, categoryLabel, localeName, permissionLabel, problemText, TONES, toneLabel, TRANSITION_PERMISSIONS } from './labels.js';
import { styles } from './workflow-settings.styles.js';

export { WorkflowSaveEvent, type WorkflowSaveDetail } from './events.js';

/** Every shipped locale, English first: a label is asked for in each. */
const LOCALES: readonly string[] = [sourceLocale, ...targetLocales];

interface StatusForm {
  labels: Record<string, string>;
  descriptions: Record<string, string>;
  category: StatusCategory;
  tone: Tone;
  from: string[];
  permission: Permission;
  bulk: boolean;
  tab: string;
}

interface TransitionForm {
  labels: Record<string, string>;
  from: string[];
  to: string;
  permission: Permission;
  bulk: boolean;
}

const emptyLabels = (): Record<string, string> => Object.fromEntries(LOCALES.map((l) => [l, '']));
const emptyStatusForm = (): StatusForm => ({
  labels: emptyLabels(),
  descriptions: emptyLabels(),
  category: 'open',
  tone: 'info',
  from: [],
  permission: 'orders.status',
  bulk: true,
  tab: 'none',
});
const emptyTransitionForm = (): TransitionForm => ({ labels: emptyLabels(), from: [], to: '', permission: 'orders.status', bulk: true });

/**
 * Workflow settings for viewers with the `workflow.edit` permission (admins and super-admins), on a
 * backend that stores workflows (`store.workflowEditable`).
 *
 * It lists the statuses (label, category, colour, description and how many orders are in each), and
 * lets the merchant add a custom status (a label in every shipped language — the key is derived from
 * the English one — category, colour, description), with a transition into it from chosen statuses
 * and a tab (an existing one, or its own); add transitions between any statuses (label, from, to,
 * who may, allowed in bulk) and remove added ones; rename a status or hide it (a hidden status is
 * never offered as a target, and stays for the orders in it); move tabs up and down; and reset the
 * draft to the preset (after a confirmation).
 *
 * Every change edits a draft; nothing reaches the backend until **Save**. Before sending, the draft
 * is validated as the backend will (model/workflow/validate.ts): each problem is shown beside what is
 * wrong (a status row, a transition, a tab) and summarised at the top with a link to it. The backend's
 * own refusals (a status removed while orders are in it, a conflict with someone else's save) are
 * shown the same way. A failed save keeps the draft. Once saved, every view follows at once (tabs and
 * counts, status menus, bulk actions, filters, calendar, CSV).
 *
 * @tag workflow-settings
 * @summary Custom statuses, transitions and tabs of the workflow, validated and saved through the store.
 *
 * @fires {WorkflowSaveEvent} workflow-save - The draft was saved; `detail.version` is the new version.
 *
 * @csspart view - Everything.
 * @csspart header - The heading with Save, Discard and Reset to preset.
 * @csspart save-button - Save.
 * @csspart discard-button - Discard changes.
 * @csspart reset-button - Reset to preset (asks for confirmation first).
 * @csspart confirm - The reset confirmation.
 * @csspart summary - The list of problems found when saving.
 * @csspart message - The outcome of the last save (status or error).
 * @csspart section - Each section (`section statuses`, `section add-status`, `section transitions`, `section tabs`).
 * @csspart table - The statuses and transitions tables.
 * @csspart row - One status or transition row (`row hidden-row` for a hidden status).
 * @csspart badge - A status's colour badge.
 * @csspart field - One labelled form control.
 * @csspart input - Text inputs and selects.
 * @csspart field-error - A problem shown beside a field or row.
 * @csspart tab-item - One tab in the tab order list.
 * @csspart move-up-button - Moves a tab up.
 * @csspart move-down-button - Moves a tab down.
 *
 * @cssprop --od-workflow-settings-max-width - Largest width of the settings (default 72rem).
 */
export class WorkflowSettings extends LitElement {
  static override styles = [tokens, listViewStyles[0] as CSSResultGroup, styles];

  private readonly locale = localeChanges(this);
  private readonly workflow = new StoreController(this, (store) => store.workflow$);
  private readonly changes = new StoreController(this, (store) => store.changes$);

  /** The draft being edited; undefined while it equals the store's workflow. */
  @state() private draft: WorkflowDefinition | undefined;
  @state() private problems: readonly WorkflowProblem[] = [];
  @state() private saving = false;
  /** The outcome of the last change or save, worded when rendered (so it follows the locale). */
  @state() private message: { kind: 'ok' | 'error'; text: () => string } | undefined;
  @state() private confirmingReset = false;
  @state() private statusForm: StatusForm = emptyStatusForm();
  @state() private transitionForm: TransitionForm = emptyTransitionForm();
  @state() private renaming: { key: string; labels: Record<string, string> } | undefined;
  @state() private counts: Readonly<Record<string, number>> = {};
  private countsFor: unknown;
  private countsAbort: AbortController | undefined;
  /** A focus to restore after the next render (a moved tab's button). */
  private focusAfter: string | undefined;

  /** A store made elsewhere; wins over the one provided by `<order-admin>` / `<order-provider>`. */
  @property({ attribute: false }) store: OrderStore | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.countsAbort?.abort();
  }

  /** Unsaved changes? */
  get dirty(): boolean {
    return this.draft !== undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.workflow.store;
    const key = [store, this.workflow.value, this.changes.value];
    if (store && (this.countsFor === undefined || key.some((k, i) => k !== (this.countsFor as unknown[])[i]))) {
      this.countsFor = key;
      void this.loadCounts(store);
    }
  }

  protected override updated(): void {
    if (this.focusAfter) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfter);
      this.focusAfter = undefined;
      target?.focus();
    }
  }

  protected override render(): unknown {
    void this.locale;
    const store = this.workflow.store;
    const saved = this.workflow.value;
    if (!store || !saved) return html`<p role="status">${msg('Loading…', { id: 'settings.loading' })}</p>`;
    if (!can(store.viewer, 'workflow.edit')) {
      return html`<p part="message" class="notice">${msg('Only admins can change the workflow.')}</p>`;
    }
    if (!store.workflowEditable) {
      return html`<p part="message" class="notice">${msg('This backend does not store workflow settings, so the workflow cannot be changed here.')}</p>`;
    }
    const wf = this.draft ?? saved;
    return html`<div part="view" class="view">
      ${this.renderHeader(wf, store)} ${this.renderSummary(wf)} ${this.renderStatuses(wf)} ${this.renderAddStatus(wf)}
      ${this.renderTransitions(wf)} ${this.renderTabs(wf)}
    </div>`;
  }

  // ── sections ──────────────────────────────────────────────────────────────────────────────────────

  private renderHeader(wf: WorkflowDefinition, store: OrderStore): TemplateResult {
    return html`<header part="header" class="header">
      <div>
        <h2 id="settings-title" tabindex="-1">${msg('Workflow settings')}</h2>
        <p class="muted">${msg(str`Statuses, transitions and tabs of “${resolveText(wf.label)}”. Changes apply to everyone once saved.`)}</p>
      </div>
      <div class="actions">
        <button type="button" class="control" part="reset-button" @click=${() => (this.confirmingReset = true)} ?disabled=${this.saving}>
          ${msg('Reset to preset…')}
        </button>
        <button type="button" class="control" part="discard-button" @click=${this.discard} ?disabled=${!this.dirty || this.saving}>
          ${msg('Discard changes')}
        </button>
        <button type="button" class="control primary" part="save-button" @click=${() => void this.save(store)} ?disabled=${!this.dirty || this.saving}>
          ${this.saving ? msg('Saving…') : msg('Save', { id: 'settings.save' })}
        </button>
      </div>
      ${this.confirmingReset
        ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="reset-question">
            <p id="reset-question">${msg('Replace the draft with the preset? Custom statuses, transitions and tab order are removed once you save.')}</p>
            <button type="button" class="control primary danger" id="reset-confirm" @click=${() => this.resetToPreset(store)}>${msg('Reset to preset')}</button>
            <button type="button" class="control" @click=${() => (this.confirmingReset = false)}>${msg('Cancel', { id: 'settings.cancel' })}</button>
          </div>`
        : nothing}
      <p part="message" class="message ${this.message?.kind ?? ''}" role=${this.message?.kind === 'error' ? 'alert' : 'status'}>${this.message?.text() ?? (this.dirty ? msg('Unsaved changes.') : '')}</p>
    </header>`;
  }

  private renderSummary(wf: WorkflowDefinition): TemplateResult | typeof nothing {
    if (this.problems.length === 0) return nothing;
    return html`<section part="summary" class="summary" aria-labelledby="problems-title">
      <h3 id="problems-title" tabindex="-1">${this.problems.length === 1 ? msg('1 problem to fix before saving') : msg(str`${this.problems.length} problems to fix before saving`)}</h3>
      <ul>
        ${this.problems.map((p) => html`<li><strong>${this.partName(wf, p)}</strong>: ${problemText(p, (k) => this.statusName(wf, k))}</li>`)}
      </ul>
    </section>`;
  }

  private renderStatuses(wf: WorkflowDefinition): TemplateResult {
    return html`<section part="section statuses" aria-labelledby="statuses-title">
      <h3 id="statuses-title">${msg('Statuses')}</h3>
      <div class="table-wrap">
        <table part="table">
          <thead>
            <tr>
              <th scope="col">${msg('Status', { id: 'settings.status' })}</th>
              <th scope="col">${msg('Category')}</th>
              <th scope="col">${msg('Description')}</th>
              <th scope="col" class="num">${msg('Orders')}</th>
              <th scope="col"><span class="visually-hidden">${msg('Changes')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${repeat(wf.statuses, (s) => s.key, (s) => {
              const problems = this.problemsOf('status', s.key);
              const renaming = this.renaming?.key === s.key ? this.renaming : undefined;
              const errorId = `status-error-${s.key}`;
              return html`<tr part=${s.hidden ? 'row hidden-row' : 'row'} data-status=${s.key} aria-invalid=${problems.length ? 'true' : 'false'}>
                <th scope="row">
                  ${renaming
                    ? html`<div class="rename">
                        ${LOCALES.map((l) => this.labelInput(`rename-${s.key}-${l}`, msg(str`Name (${localeName(l)})`), renaming.labels[l] ?? '', (v) => {
                          this.renaming = { key: s.key, labels: { ...renaming.labels, [l]: v } };
                        }, l === 'en'))}
                        <div class="row-actions">
                          <button type="button" class="control primary" @click=${() => this.applyRename(wf)}>${msg('Apply name')}</button>
                          <button type="button" class="control" @click=${() => (this.renaming = undefined)}>${msg('Cancel', { id: 'settings.cancel' })}</button>
                        </div>
                      </div>`
                    : html`<span class="badge tone-${s.tone}" part="badge">${resolveText(s.label)}</span>
                        <span class="key mono">${s.key}</span>
                        ${s.hidden ? html`<span class="hidden-note">${msg('Hidden')}</span>` : nothing}`}
                  ${problems.length
                    ? html`<div class="error" part="field-error" id=${errorId}>${problems.map((p) => html`<div>${problemText(p, (k) => this.statusName(wf, k))}</div>`)}</div>`
                    : nothing}
                </th>
                <td>${categoryLabel(s.category)}<div class="muted small">${toneLabel(s.tone)}</div></td>
                <td class="description">${s.description ? resolveText(s.description) : html`<span class="muted">—</span>`}</td>
                <td class="num">${this.counts[s.key] === undefined ? '…' : formatCount(this.counts[s.key] ?? 0)}</td>
                <td>
                  ${renaming
                    ? nothing
                    : html`<div class="row-actions"><button type="button" class="control quiet" id=${`rename-${s.key}`} aria-label=${msg(str`Rename ${resolveText(s.label)}`)}
                          @click=${() => (this.renaming = { key: s.key, labels: fromText(s.label, LOCALES) })}>${msg('Rename')}</button>
                        <button type="button" class="control quiet" aria-pressed=${s.hidden ? 'true' : 'false'}
                          aria-label=${s.hidden ? msg(str`Show ${resolveText(s.label)} again`) : msg(str`Hide ${resolveText(s.label)}`)}
                          ?disabled=${!s.hidden && s.key === wf.initial}
                          @click=${() => this.edit(setHidden(wf, s.key, !s.hidden))}>${s.hidden ? msg('Show') : msg('Hide')}</button></div>`}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="muted small">${msg('A hidden status is no longer offered when changing an order’s status; orders already in it keep it.')}</p>
    </section>`;
  }

  private renderAddStatus(wf: WorkflowDefinition): TemplateResult {
    const f = this.statusForm;
    const key = keyFromLabel(f.labels['en'] ?? '');
    const tabs = statusTabs(wf);
    return html`<section part="section add-status" aria-labelledby="add-status-title">
      <h3 id="add-status-title">${msg('Add a status')}</h3>
      <form class="grid" @submit=${(e: Event) => this.onAddStatus(e, wf)} novalidate>
        <fieldset>
          <legend>${msg('Name')}</legend>
          ${LOCALES.map((l) => this.labelInput(`new-status-${l}`, localeName(l), f.labels[l] ?? '', (v) => this.patchStatus({ labels: { ...f.labels, [l]: v } }), l === 'en'))}
          <p class="muted small" id="new-status-key">${key ? msg(str`Key: ${key}`) : msg('The key is made from the English name.')}</p>
        </fieldset>
        <fieldset>
          <legend>${msg('Description', { id: 'settings.description-legend' })}</legend>
          ${LOCALES.map((l) => this.labelInput(`new-description-${l}`, localeName(l), f.descriptions[l] ?? '', (v) => this.patchStatus({ descriptions: { ...f.descriptions, [l]: v } }), false))}
        </fieldset>
        <div class="fields">
          ${this.select('new-category', msg('Category'), f.category, CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })), (v) => this.patchStatus({ category: v as StatusCategory }))}
          ${this.select('new-tone', msg('Colour'), f.tone, TONES.map((t) => ({ value: t, label: toneLabel(t) })), (v) => this.patchStatus({ tone: v as Tone }))}
          ${this.select('new-tab', msg('Tab'), f.tab, [
            { value: 'none', label: msg('No tab of its own') },
            { value: 'own', label: msg('A tab of its own') },
            ...tabs.map((t) => ({ value: t.key, label: msg(str`Add to “${resolveText(t.label)}”`) })),
          ], (v) => this.patchStatus({ tab: v }))}
        </div>
        <fieldset>
          <legend>${msg('Orders can move here from')}</legend>
          <div class="checks">
            ${wf.statuses.map((s) => this.check(`new-from-${s.key}`, this.statusName(wf, s.key), f.from.includes(s.key), (on) => this.patchStatus({ from: toggle(f.from, s.key, on) })))}
          </div>
        </fieldset>
        <div class="fields">
          ${this.select('new-permission', msg('Who may move orders here'), f.permission, TRANSITION_PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(p) })), (v) => this.patchStatus({ permission: v as Permission }))}
          ${this.check('new-bulk', msg('Allowed as a bulk action'), f.bulk, (on) => this.patchStatus({ bulk: on }))}
        </div>
        <div class="form-actions">
          <button type="submit" class="control primary" id="add-status-button">${msg('Add status')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderTransitions(wf: WorkflowDefinition): TemplateResult {
    const f = this.transitionForm;
    const moves = wf.actions.filter((a) => a.operation === 'set-status' && a.to !== undefined);
    return html`<section part="section transitions" aria-labelledby="transitions-title">
      <h3 id="transitions-title">${msg('Transitions')}</h3>
      ${moves.length
        ? html`<div class="table-wrap"><table part="table">
            <thead>
              <tr>
                <th scope="col">${msg('Action', { id: 'settings.action' })}</th>
                <th scope="col">${msg('From', { id: 'settings.from' })}</th>
                <th scope="col">${msg('To', { id: 'settings.to' })}</th>
                <th scope="col">${msg('Who may')}</th>
                <th scope="col">${msg('Bulk')}</th>
                <th scope="col"><span class="visually-hidden">${msg('Changes')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(moves, (a) => a.key, (a) => {
                const problems = this.problemsOf('action', a.key);
                return html`<tr part="row" data-action=${a.key}>
                  <th scope="row">${resolveText(a.label)}
                    ${problems.length ? html`<div class="error" part="field-error">${problems.map((p) => html`<div>${problemText(p, (k) => this.statusName(wf, k))}</div>`)}</div>` : nothing}
                  </th>
                  <td>${a.from === '*' ? msg('Any status') : a.from.map((k) => this.statusName(wf, k)).join(', ')}</td>
                  <td>${this.statusName(wf, a.to ?? '')}</td>
                  <td>${permissionLabel(a.permission)}</td>
                  <td>${a.bulk ? msg('Yes') : msg('No')}</td>
                  <td><button type="button" class="control quiet" aria-label=${msg(str`Remove transition ${resolveText(a.label)}`)} @click=${() => this.edit(removeAction(wf, a.key))}>${msg('Remove')}</button></td>
                </tr>`;
              })}
            </tbody>
          </table></div>`
        : html`<p class="muted">${msg('No transitions to a fixed status yet.')}</p>`}
      <form class="grid" @submit=${(e: Event) => this.onAddTransition(e, wf)} novalidate>
        <h4 class="form-title">${msg('Add a transition')}</h4>
        <fieldset>
          <legend>${msg('Button label')}</legend>
          ${LOCALES.map((l) => this.labelInput(`new-transition-${l}`, localeName(l), f.labels[l] ?? '', (v) => this.patchTransition({ labels: { ...f.labels, [l]: v } }), l === 'en'))}
        </fieldset>
        <fieldset>
          <legend>${msg('From', { id: 'settings.from' })}</legend>
          <div class="checks">
            ${wf.statuses.map((s) => this.check(`transition-from-${s.key}`, this.statusName(wf, s.key), f.from.includes(s.key), (on) => this.patchTransition({ from: toggle(f.from, s.key, on) })))}
          </div>
        </fieldset>
        <div class="fields">
          ${this.select('transition-to', msg('To', { id: 'settings.to' }), f.to, [
            { value: '', label: msg('Choose a status…', { id: 'settings.choose-status' }) },
            ...wf.statuses.filter((s) => !s.hidden).map((s) => ({ value: s.key, label: resolveText(s.label) })),
          ], (v) => this.patchTransition({ to: v }))}
          ${this.select('transition-permission', msg('Who may'), f.permission, TRANSITION_PERMISSIONS.map((p) => ({ value: p, label: permissionLabel(p) })), (v) => this.patchTransition({ permission: v as Permission }))}
          ${this.check('transition-bulk', msg('Allowed as a bulk action'), f.bulk, (on) => this.patchTransition({ bulk: on }))}
        </div>
        <div class="form-actions">
          <button type="submit" class="control primary" id="add-transition-button">${msg('Add transition')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderTabs(wf: WorkflowDefinition): TemplateResult {
    return html`<section part="section tabs" aria-labelledby="tabs-title">
      <h3 id="tabs-title">${msg('Tab order')}</h3>
      <ol class="tab-list">
        ${repeat(wf.tabs, (t) => t.key, (t, i) => {
          const problems = this.problemsOf('tab', t.key);
          const name = resolveText(t.label);
          return html`<li part="tab-item" data-tab=${t.key}>
            <span class="tab-name">${name}</span>
            <span class="muted small">${t.filter.status
              ? t.filter.status.map((k) => this.statusName(wf, k)).join(', ')
              : Object.keys(t.filter).length === 0
                ? msg('Every order')
                : msg('Filtered by payment, delivery, archive or deletion')}</span>
            <span class="row-actions">
              <button type="button" class="control quiet" part="move-up-button" id=${`up-${t.key}`} aria-label=${msg(str`Move ${name} up`, { id: 'settings.tab-up' })}
                ?disabled=${i === 0} @click=${() => this.move(wf, t.key, -1)}>↑ ${msg('Up')}</button>
              <button type="button" class="control quiet" part="move-down-button" id=${`down-${t.key}`} aria-label=${msg(str`Move ${name} down`, { id: 'settings.tab-down' })}
                ?disabled=${i === wf.tabs.length - 1} @click=${() => this.move(wf, t.key, 1)}>↓ ${msg('Down')}</button>
            </span>
            ${problems.length ? html`<div class="error" part="field-error">${problems.map((p) => html`<div>${problemText(p, (k) => this.statusName(wf, k))}</div>`)}</div>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  // ── small controls ────────────────────────────────────────────────────────────────────────────────

  private labelInput(id: string, label: string, value: string, change: (v: string) => void, required: boolean): TemplateResult {
    return html`<label class="field" part="field" for=${id}>
      <span>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</span>
      <input id=${id} part="input" type="text" maxlength="80" .value=${value} ?required=${required} aria-required=${required ? 'true' : 'false'}
        @input=${(e: Event) => change((e.target as HTMLInputElement).value)} />
    </label>`;
  }

  private select(id: string, label: string, value: string, options: readonly { value: string; label: string }[], change: (v: string) => void): TemplateResult {
    return html`<label class="field" part="field" for=${id}>
      <span>${label}</span>
      <select id=${id} part="input" @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
    </label>`;
  }

  private check(id: string, label: string, checked: boolean, change: (on: boolean) => void): TemplateResult {
    return html`<label class="check-field" for=${id}>
      <input id=${id} type="checkbox" .checked=${checked} @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />
      <span>${label}</span>
    </label>`;
  }

  // ── handlers ──────────────────────────────────────────────────────────────────────────────────────

  private edit(next: WorkflowDefinition): void {
    this.draft = next;
    this.message = undefined;
    // Problems already shown follow the draft; new ones appear on Save.
    if (this.problems.length) this.problems = workflowProblems(next);
  }

  private readonly discard = (): void => {
    this.draft = undefined;
    this.problems = [];
    this.message = undefined;
    this.renaming = undefined;
  };

  private resetToPreset(store: OrderStore): void {
    this.confirmingReset = false;
    this.edit(store.presetWorkflow);
    this.message = { kind: 'ok', text: () => msg('The preset is in the draft. Save to apply it.') };
    this.focusAfter = '[part~="save-button"]';
  }

  private patchStatus(patch: Partial<StatusForm>): void {
    this.statusForm = { ...this.statusForm, ...patch };
  }

  private patchTransition(patch: Partial<TransitionForm>): void {
    this.transitionForm = { ...this.transitionForm, ...patch };
  }

  private onAddStatus(e: Event, wf: WorkflowDefinition): void {
    e.preventDefault();
    const f = this.statusForm;
    if ((f.labels['en'] ?? '').trim() === '' || keyFromLabel(f.labels['en'] ?? '') === '') {
      this.message = { kind: 'error', text: () => msg('Enter the status name in English (letters or digits) to add it.') };
      this.focusAfter = '#new-status-en';
      return;
    }
    const { workflow, key } = addStatus(wf, { ...f, labels: f.labels as Labels, descriptions: f.descriptions as Labels });
    this.edit(workflow);
    this.statusForm = emptyStatusForm();
    this.message = { kind: 'ok', text: () => msg(str`Added “${f.labels['en']?.trim() ?? key}”. Save to apply it.`) };
  }

  private onAddTransition(e: Event, wf: WorkflowDefinition): void {
    e.preventDefault();
    const f = this.transitionForm;
    if (f.to === '' || f.from.length === 0 || (f.labels['en'] ?? '').trim() === '') {
      this.message = { kind: 'error', text: () => msg('A transition needs an English label, at least one status to move from, and a status to move to.') };
      this.focusAfter = (f.labels['en'] ?? '').trim() === '' ? '#new-transition-en' : f.to === '' ? '#transition-to' : `#transition-from-${wf.statuses[0]?.key ?? ''}`;
      return;
    }
    this.edit(addTransition(wf, { ...f, labels: f.labels as Labels }));
    this.transitionForm = emptyTransitionForm();
    this.message = { kind: 'ok', text: () => msg('Transition added. Save to apply it.') };
  }

  private applyRename(wf: WorkflowDefinition): void {
    const r = this.renaming;
    if (!r) return;
    this.renaming = undefined;
    this.edit(renameStatus(wf, r.key, r.labels));
    this.focusAfter = `#rename-${CSS.escape(r.key)}`;
  }

  private move(wf: WorkflowDefinition, key: string, by: -1 | 1): void {
    this.edit(moveTab(wf, key, by));
    // Focus follows the tab; at an end it moves to the button still enabled.
    const index = wf.tabs.findIndex((t) => t.key === key) + by;
    const atEnd = by === -1 ? index === 0 : index === wf.tabs.length - 1;
    this.focusAfter = `#${by === -1 ? (atEnd ? 'down' : 'up') : atEnd ? 'up' : 'down'}-${CSS.escape(key)}`;
  }

  private async save(store: OrderStore): Promise<void> {
    const draft = this.draft;
    if (!draft || this.saving) return;
    const problems = workflowProblems(draft);
    this.problems = problems;
    if (problems.length) {
      this.message = { kind: 'error', text: () => msg('Not saved: fix the problems listed below.') };
      this.focusAfter = '#problems-title';
      return;
    }
    this.saving = true;
    this.message = undefined;
    try {
      const saved = await store.saveWorkflow(draft);
      this.draft = undefined;
      this.problems = [];
      this.message = { kind: 'ok', text: () => msg('Saved. Every view now uses this workflow.') };
      this.dispatchEvent(new WorkflowSaveEvent(saved.version));
    } catch (e) {
      this.failed(e as OrderApiError);
    } finally {
      this.saving = false;
    }
  }

  /** A refused save: the draft stays; problems the backend named are shown beside their place. */
  private failed(error: OrderApiError): void {
    const named: WorkflowProblem[] = [];
    for (const f of error.fields ?? []) {
      const at = parseProblemPath(f.field);
      if (!at) continue;
      const inUse = /while (\d+) orders? (?:is|are) in it/.exec(f.message);
      named.push({
        ...at,
        code: inUse ? 'in-use' : 'invalid-value',
        message: f.message,
        ...(inUse && { status: at.key, count: Number(inUse[1]) }),
      });
    }
    this.problems = named;
    this.message = { kind: 'error', text: () => failureText(error, named.length > 0) };
  }

  // ── data ──────────────────────────────────────────────────────────────────────────────────────────

  private async loadCounts(store: OrderStore): Promise<void> {
    this.countsAbort?.abort();
    const abort = new AbortController();
    this.countsAbort = abort;
    const statuses = store.workflow.statuses.map((s) => s.key);
    try {
      const totals = await Promise.all(
        statuses.map((key) => store.listOrders({ statuses: [key], archived: 'any' }, { offset: 0, limit: 1 }, abort.signal).then((p) => p.total)),
      );
      if (!abort.signal.aborted) this.counts = Object.fromEntries(statuses.map((k, i) => [k, totals[i] ?? 0]));
    } catch {
      // Counts are informative; the backend still refuses removing a status in use.
    }
  }

  private problemsOf(part: WorkflowPart, key: string): readonly WorkflowProblem[] {
    return this.problems.filter((p) => p.part === part && p.key === key);
  }

  private statusName(wf: WorkflowDefinition, key: string): string {
    const def = wf.statuses.find((s) => s.key === key) ?? this.workflow.store?.workflow.statuses.find((s) => s.key === key);
    // An emptied English name (a problem shown on save) still leaves something to read.
    return (def && resolveText(def.label).trim()) || key;
  }

  private partName(wf: WorkflowDefinition, p: WorkflowProblem): string {
    switch (p.part) {
      case 'status':
        return msg(str`Status “${this.statusName(wf, p.key)}”`);
      case 'action': {
        const a = wf.actions.find((x) => x.key === p.key);
        return msg(str`Transition “${a ? resolveText(a.label) : p.key}”`);
      }
      case 'tab': {
        const t = wf.tabs.find((x) => x.key === p.key);
        return msg(str`Tab “${t ? resolveText(t.label) : p.key}”`);
      }
      case 'automation':
        return msg(str`Automation ${p.key}`);
      default:
        return msg('The workflow');
    }
  }
}

/** Why a save failed, in the reader's language. */
function failureText(error: OrderApiError, named: boolean): string {
  switch (error.code) {
    case 'conflict':
      return msg('Someone else saved the workflow meanwhile. Your changes are kept: discard them to see theirs, or save again to replace them.');
    case 'forbidden':
      return msg('Your role may not change the workflow. Your changes are kept.');
    case 'invalid-input':
      return named ? msg('Not saved: fix the problems listed below.') : msg(str`Not saved: ${error.message}`);
    default:
      return msg(str`Not saved (${errorKindLabel(error.code)}). Your changes are kept; try again.`);
  }
}

function toggle(list: readonly string[], key: string, on: boolean): string[] {
  return on ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key);
}
