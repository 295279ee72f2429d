/**
 * `<order-toasts>`: the visible, polite confirmation of every completed action (issue 12, rule 5),
 * whichever element ran it, with Undo where the workflow defines an inverse the engine accepts now.
 * No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { scan, type Observable } from 'rxjs';
import { localeChanges } from '../../i18n/localize.js';
import { undoFor, type UndoStep } from '../../model/workflow/undo.js';
import { StoreController } from '../../state/store-controller.js';
import type { ActionCompletion, OrderStore } from '../../state/types.js';
import { formatCount } from '../shared/format-count.js';
import { actionLabel, statusLabel } from '../shared/order-labels.js';
import { countToastRegion } from '../shared/toast-presence.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './order-toasts.styles.js';

/** What a host (or an island) asks `show()` to say. */
export interface ToastOptions {
  readonly message: string;
  /** `warning` for a partial success; default `success`. */
  readonly tone?: 'success' | 'warning';
  /** A button beside the message (Undo, View…), and what it does. */
  readonly action?: { readonly label: string; readonly run: () => void | Promise<void> };
}

interface Toast {
  readonly id: number;
  readonly message: string;
  readonly tone: 'success' | 'warning';
  readonly action: ToastOptions['action'] | undefined;
}

/** Most toasts on screen at once; an older one gives way. */
const MAX_TOASTS = 3;
/** A bulk Undo runs one action per order: beyond this many it is not offered. */
const MAX_UNDO_ORDERS = 200;

/** The last completions, so two in one tick are both seen (the controller keeps one value). */
const recent = (store: OrderStore): Observable<readonly ActionCompletion[]> =>
  store.completions$.pipe(scan((list: readonly ActionCompletion[], c: ActionCompletion) => [...list.slice(-9), c], []));

/**
 * A polite toast region: one toast per completed action or bulk run of the store
 * (`store.completions$`), from the list, the detail, the bulk bar, the calendar or any island sharing
 * the store. A toast names what happened ("#1042: Pending → Delivered", "Archive: done on 12 orders";
 * a partial bulk run says how many failed and that they stay selected) and offers **Undo** where the
 * action's workflow definition names an inverse (`ActionDef.undo`) that the engine accepts for this
 * viewer on every changed order now; an Undo that would be refused is never offered. Undo runs the
 * inverse through the store and says "Undone" when it is through.
 *
 * Toasts sit at the bottom centre, are announced by screen readers (`role=status`, polite), and go away
 * after `duration` ms (longer with Undo), never while the pointer or focus is on them; Dismiss (×)
 * closes one at once. `show()` lets a host or an island say something of its own the same way.
 *
 * @tag order-toasts
 * @summary Polite toasts confirming completed actions, with Undo where the workflow allows it.
 *
 * @csspart region - The live region holding the toasts.
 * @csspart toast - One toast; also `success` or `warning`.
 * @csspart success - Added to a toast confirming a full success.
 * @csspart warning - Added to a toast about a partial success.
 * @csspart message - The toast's text.
 * @csspart undo-button - The toast's action button (Undo).
 * @csspart dismiss-button - The toast's close button.
 *
 * @cssprop --od-order-toasts-width - Width of the toasts (default `min(28rem, 100vw - 2rem)`).
 * @cssprop --od-order-toasts-background - A toast's background (default the text colour).
 * @cssprop --od-order-toasts-color - A toast's text colour (default the surface colour).
 * @cssprop --od-order-toasts-z-index - Stacking order of the region (default 1000).
 */
export class OrderToasts extends LitElement {
  static override styles = [tokens, styles];

  private readonly locale = localeChanges(this);
  private readonly completions = new StoreController(this, recent);

  @state() private toasts: Toast[] = [];

  private seq = 0;
  private lastSeen = 0;
  private counted: OrderStore | undefined;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Toast ids the pointer or focus is on: they stay. */
  private readonly held = new Set<number>();
  /** Orders whose Undo is running: their completions are reported once, as "Undone". */
  private readonly undoing = new Set<string>();

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** How long a toast stays, in ms (one with Undo stays half as long again); 0 keeps toasts until dismissed. */
  @property({ type: Number }) duration = 6000;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.track(undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Timers were cleared on disconnect: a toast still shown starts its time again.
    for (const toast of this.toasts) this.schedule(toast);
  }

  /** Shows a toast of the host's own; returns its id (for `dismiss`). */
  show(options: ToastOptions): number {
    const toast: Toast = { id: ++this.seq, message: options.message, tone: options.tone ?? 'success', action: options.action };
    this.toasts = [...this.toasts, toast].slice(-MAX_TOASTS);
    this.schedule(toast);
    return toast.id;
  }

  /** Closes a toast. */
  dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.held.delete(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.track(this.completions.store);
    const store = this.completions.store;
    for (const completion of this.completions.value ?? []) {
      if (completion.id <= this.lastSeen || !store) continue;
      this.lastSeen = completion.id;
      this.onCompletion(store, completion);
    }
  }

  protected override render(): unknown {
    void this.locale;
    return html`<div part="region" role="status" aria-live="polite" aria-label=${msg('Notifications of completed actions')}>
      ${repeat(this.toasts, (t) => t.id, (t) => this.renderToast(t))}
    </div>`;
  }

  private renderToast(toast: Toast): TemplateResult {
    return html`<div
      part="toast ${toast.tone}"
      data-toast=${toast.id}
      @pointerenter=${() => this.hold(toast.id, true)}
      @pointerleave=${() => this.hold(toast.id, false)}
      @focusin=${() => this.hold(toast.id, true)}
      @focusout=${() => this.hold(toast.id, false)}
    >
      <span part="message" class="message">${toast.message}</span>
      ${toast.action
        ? html`<button type="button" part="undo-button" @click=${() => this.runAction(toast)}>${toast.action.label}</button>`
        : nothing}
      <button type="button" part="dismiss-button" aria-label=${msg('Dismiss')} title=${msg('Dismiss')} @click=${() => this.dismiss(toast.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  // ── Completions ──────────────────────────────────────────────────────────────────────────────

  private onCompletion(store: OrderStore, completion: ActionCompletion): void {
    if (completion.changed.length > 0 && completion.changed.every((c) => this.undoing.has(c.after.id))) return;
    const { workflow, viewer } = store;
    const label = actionLabel(workflow, completion.action);
    const done = completion.changed.length;
    const failed = completion.failed.length;
    let message: string;
    // One order (a single action, or a bulk run that reached one order): name it, never "1 orders".
    if (done === 1 && failed === 0) {
      const { before, after } = completion.changed[0]!;
      message =
        completion.kind === 'action' && before && before.status !== after.status
          ? msg(str`${after.number}: ${statusLabel(workflow, before.status)} → ${statusLabel(workflow, after.status)}`, {
              id: 'order-toasts.status-change',
              desc: 'Toast after a status change: order number, old status → new status',
            })
          : msg(str`${label}: done for ${after.number}`, { desc: 'Toast after an action on one order' });
    } else if (failed === 0) {
      message = msg(str`${label}: done for ${formatCount(done)} orders`, { desc: 'Toast after a bulk action' });
    } else {
      message = msg(str`${label}: done for ${formatCount(done)} of ${formatCount(done + failed)} orders. ${formatCount(failed)} failed and stay selected.`, {
        desc: 'Toast after a bulk action that failed on some orders',
      });
    }
    const steps = done > 0 && done <= MAX_UNDO_ORDERS ? completion.changed.map((c) => undoFor(workflow, completion.action, c.after, viewer, c.before)) : [];
    const undoable = steps.length > 0 && steps.every((s): s is UndoStep => s !== undefined);
    this.show({
      message,
      tone: failed > 0 ? 'warning' : 'success',
      ...(undoable && {
        action: {
          label: msg('Undo', { desc: 'Toast button: reverse the action just done' }),
          run: () => this.undo(store, completion, steps as UndoStep[], label),
        },
      }),
    });
  }

  private async undo(store: OrderStore, completion: ActionCompletion, steps: readonly UndoStep[], label: string): Promise<void> {
    const ids = completion.changed.map((c) => c.after.id);
    for (const id of ids) this.undoing.add(id);
    try {
      const results = await Promise.allSettled(steps.map((step, i) => store.runAction(ids[i]!, step.action, step.input)));
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      // Failures are in the store's errors, shown beside their orders; the toast says how many.
      this.show(
        ok === results.length
          ? { message: msg(str`Undone: ${label}`, { desc: 'Toast after Undo' }) }
          : { message: msg(str`Undo failed for ${formatCount(results.length - ok)} of ${formatCount(results.length)} orders.`), tone: 'warning' },
      );
    } finally {
      // The completions of the undo arrive before the promises settle; let this tick's ones pass first.
      await this.updateComplete;
      for (const id of ids) this.undoing.delete(id);
    }
  }

  private runAction(toast: Toast): void {
    const action = toast.action;
    this.dismiss(toast.id);
    void action?.run();
  }

  // ── Timing ───────────────────────────────────────────────────────────────────────────────────

  private schedule(toast: Toast): void {
    clearTimeout(this.timers.get(toast.id));
    if (this.duration <= 0 || !this.isConnected) return;
    const ms = toast.action ? this.duration * 1.5 : this.duration;
    this.timers.set(
      toast.id,
      setTimeout(() => {
        this.timers.delete(toast.id);
        if (!this.held.has(toast.id)) this.dismiss(toast.id);
      }, ms),
    );
  }

  private hold(id: number, on: boolean): void {
    if (on) {
      this.held.add(id);
      return;
    }
    this.held.delete(id);
    const toast = this.toasts.find((t) => t.id === id);
    if (toast && !this.timers.has(id)) this.schedule(toast);
  }

  private track(store: OrderStore | undefined): void {
    if (store === this.counted) return;
    if (this.counted) countToastRegion(this.counted, -1);
    this.counted = store;
    // completions$ does not replay: everything the new subscription brings is new.
    this.lastSeen = 0;
    if (store) countToastRegion(store, 1);
  }
}
