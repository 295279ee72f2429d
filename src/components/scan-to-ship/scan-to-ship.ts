/**
 * `<scan-to-ship>`: the warehouse's scan station. One focused field takes a hand-held barcode scanner
 * or typed codes; each scan finds the order and moves it one step as the workflow's `scanToShip`
 * steps say, with feedback in colour, text and sound; the round's scans are listed and printed.
 * No side effects: registration lives in `./define.ts`.
 */
import { msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isOrderApiError, type OrderApiError } from '../../api/types.js';
import { formatCompactDateTime } from '../../i18n/format.js';
import { browserTimeZone } from '../../model/time-zone.js';
import { localeChanges } from '../../i18n/localize.js';
import { uiStrings } from '../../i18n/messages.js';
import { scanAction } from '../../model/workflow/engine.js';
import type { WorkflowDefinition } from '../../model/workflow/types.js';
import { toApiError } from '../../state/errors.js';
import { StoreController } from '../../state/store-controller.js';
import type { OrderStore } from '../../state/types.js';
import { listViewStyles } from '../shared/list-view.styles.js';
import { OrderOpenEvent } from '../shared/order-open-event.js';
import { actionLabel, courierLabel, statusLabel } from '../shared/order-labels.js';
import { PrintRequestEvent, type PrintDocumentKind } from '../shared/print-request-event.js';
import { tokens } from '../shared/tokens.js';
import { decodeFrame } from './decode.js';
import {
  alreadyMoved,
  loadRound,
  movedOrderIds,
  orderFields,
  ROUND_LIMIT,
  saveRound,
  tally,
  type ScanEntry,
  type ScanResult,
  type ScanSource,
} from './round.js';
import { styles } from './scan-to-ship.styles.js';
import { playScanSound, setSoundEnabled, soundEnabled } from './sound.js';
import { WedgeDetector } from './wedge.js';

/** Detail of `order-scan`: one scan settled (moved an order, or said why not). */
export interface OrderScanDetail {
  readonly entry: ScanEntry;
}

/** Fired (bubbles, composed) after each scan, whatever its result. */
export class OrderScanEvent extends CustomEvent<OrderScanDetail> {
  constructor(entry: ScanEntry) {
    super('order-scan', { detail: { entry }, bubbles: true, composed: true });
  }
}

/** Failures that mean "the backend was not reached or did not answer": nothing changed, try again. */
const UNREACHABLE: readonly OrderApiError['code'][] = ['network', 'unavailable', 'rate-limited', 'aborted'];

/** How often the camera looks for a code, and how long a code must be out of view before it is read again. */
const CAMERA_INTERVAL_MS = 250;
const CAMERA_REPEAT_MS = 2500;

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/**
 * The scan station of a warehouse: scan (or type) an order's code and it moves one step.
 *
 * **Input.** One text field, focused when the view opens and after every scan. A hand-held scanner
 * in keyboard-wedge mode types the code as a burst of keys a few milliseconds apart and ends it with
 * Enter (or Tab); a burst is told from a person by the gaps between keys (every gap ≤ 30 ms over at
 * least 4 keys, see `wedge.ts`). A burst submits at once on Enter or Tab (Tab then stays in the
 * field); typed input submits on Enter or the Scan button (Tab moves on as usual). The round list
 * says which it was (Scanner, Typed, Camera). Scans queue: a fast series is handled in order, none lost.
 *
 * **Lookup.** The code is an order number (the marketplace's order id), a tracking number or an air
 * waybill: exact, case-insensitive, trimmed (`store.findOrdersByCode`).
 *
 * **Move.** The workflow's `scanToShip` steps name the action run from each status (marketplace:
 * To Process → To Ship by `to-ship`, To Ship → Shipped by `hand-over`), through `store.runAction`.
 * Nothing changes, and the feedback says exactly why, when the order is in a status without a step,
 * of a store the viewer cannot access, already moved in this round, when no order (or several) has
 * the code, when the backend refuses, or when the network fails (Retry sends it again).
 *
 * **Feedback.** The result in a coloured banner (announced: `role=status` for a success, `role=alert`
 * for a problem) and a short sound (Web Audio; a "Sound" switch turns it off, remembered).
 *
 * **Round.** Every scan of the round, newest first: time, input (scanner, typed, camera), order,
 * customer, courier, tracking, result.
 * "Print AWB" and "Print courier manifest" fire `order-print-request` with exactly the round's moved
 * orders; "Clear round" starts a new one. The round survives a reload (sessionStorage, per viewer and
 * workflow).
 *
 * **Camera.** Where the device has a camera (`navigator.mediaDevices.getUserMedia`), "Use camera"
 * reads codes from the video (BarcodeDetector, else @zxing/library loaded on first use).
 *
 * @tag scan-to-ship
 * @summary Scan or type order and tracking numbers to move orders one step, with a printable round.
 *
 * @fires {OrderScanEvent} order-scan - A scan settled; `detail.entry` is what it did (`result`, order, statuses).
 * @fires {PrintRequestEvent} order-print-request - "Print AWB" or "Print courier manifest": `detail.document` (`awb` | `manifest`) and `detail.orderIds`, the round's moved orders.
 * @fires {OrderOpenEvent} order-open - The user opened an order from the round list.
 *
 * @csspart view - Everything.
 * @csspart header - The heading and the instructions.
 * @csspart scan-form - The field and its buttons.
 * @csspart scan-input - The code field.
 * @csspart scan-button - The Scan button.
 * @csspart camera-button - "Use camera" / "Stop camera" (only where a camera API exists).
 * @csspart sound-toggle - The Sound switch.
 * @csspart feedback - The last scan's result banner; also `success` or `error`.
 * @csspart retry-button - Retry in the banner and in a network-failed row.
 * @csspart camera - The camera preview and its message.
 * @csspart summary - Counts of the round: moved per status, and problems.
 * @csspart round-actions - The print and clear buttons.
 * @csspart print-awb-button - "Print AWB".
 * @csspart print-manifest-button - "Print courier manifest".
 * @csspart clear-button - "Clear round".
 * @csspart table-wrap - The round list's scroll container.
 * @csspart table - The round list.
 * @csspart header-cell - Each column header.
 * @csspart row - Each scan (`row moved-row` or `row problem-row`).
 * @csspart cell - Each cell.
 * @csspart result-badge - A scan's result.
 * @csspart empty-state - Shown before the first scan.
 *
 * @cssprop --od-scan-to-ship-height - Largest height of the round list before it scrolls (default 60vh).
 * @cssprop --od-scan-to-ship-input-size - Font size of the code field (default 1.25rem).
 */
export class ScanToShip extends LitElement {
  static override styles = [tokens, listViewStyles, styles];

  private readonly locale = localeChanges(this);
  /** Re-renders when cached orders change, so a row shows the courier and tracking that arrived later. */
  private readonly orders = new StoreController(this, (s) => s.select((st) => st.orders));
  /** The zone the screen names (the store's view zone), for scan times when `time-zone` is not set. */
  private readonly viewZone$ = new StoreController(this, (s) => s.timeZone$);

  @query('[part~="scan-input"]') private input!: HTMLInputElement;
  @query('video') private video: HTMLVideoElement | undefined;

  @state() private entries: ScanEntry[] = [];
  /** The entry the banner shows (the last settled scan). */
  @state() private last: ScanEntry | undefined;
  /** Scans waiting or being handled. */
  @state() private pending = 0;
  @state() private sound = soundEnabled();
  @state() private camera: 'off' | 'starting' | 'on' | 'failed' = 'off';

  private readonly wedge = new WedgeDetector();
  private queue: Promise<void> = Promise.resolve();
  private roundKey = '';
  private stream: MediaStream | undefined;
  private cameraTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCameraCode: { code: string; at: number } | undefined;

  /** An explicit store; wins over the one from context. */
  @property({ attribute: false }) store?: OrderStore;

  /** Heading of the view (default "Scan to ship", localised). */
  @property() label = '';

  /** The IANA time zone scan times show in; empty for the view's zone (the one the admin's toolbar names). */
  @property({ attribute: 'time-zone' }) timeZone = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopCamera();
  }

  /** Puts the caret in the code field (where a scanner's keys must land). */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Handles one code as if it had been scanned; resolves when it settled. */
  scan(code: string, source: ScanSource = 'keyboard'): Promise<void> {
    const trimmed = code.trim();
    if (trimmed === '') return this.queue;
    this.pending++;
    this.queue = this.queue
      .then(() => this.process(trimmed, source))
      // An unexpected failure still answers the scan, and the queue goes on with the next one.
      .catch((e: unknown) =>
        this.settle({ id: crypto.randomUUID(), code: trimmed, source, at: new Date().toISOString(), result: 'refused', reason: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => this.pending--);
    return this.queue;
  }

  /** Forgets the round (the orders stay as they are). */
  clearRound(): void {
    this.entries = [];
    this.last = undefined;
    saveRound(this.roundKey, []);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    void changed;
    const store = this.orders.store;
    const key = store ? `orderdeck:scan-round:${store.viewer.id}:${store.workflow.key}` : '';
    if (key !== this.roundKey) {
      this.roundKey = key;
      this.entries = key ? loadRound(key) : [];
      this.last = undefined;
    }
  }

  protected override firstUpdated(): void {
    this.input.focus();
  }

  protected override render(): TemplateResult {
    void this.locale;
    const store = this.orders.store;
    const title = this.label || msg('Scan to ship');
    // Not a landmark of its own: the host (the admin's view section) names the region.
    return html`<div part="view">
      <div part="header">
        <h2 id="scan-title">${title}</h2>
        <p id="scan-help" class="muted">${this.instructions(store?.workflow)}</p>
      </div>
      ${this.renderForm(store)} ${this.renderFeedback(store)} ${this.camera === 'off' ? nothing : this.renderCamera()}
      ${this.renderRound(store)}
    </div>`;
  }

  // ── Field ────────────────────────────────────────────────────────────────────────────────────

  private instructions(workflow: WorkflowDefinition | undefined): string {
    const steps = workflow?.scanToShip ?? [];
    if (!workflow || steps.length === 0) return msg('This workflow has no scan-to-ship steps.');
    const moves = steps
      .map((s) => {
        const to = workflow.actions.find((a) => a.key === s.action)?.to;
        return to ? `${statusLabel(workflow, s.from)} → ${statusLabel(workflow, to)}` : statusLabel(workflow, s.from);
      })
      .join(', ');
    return msg(str`Scan the barcode on a picking list or shipping label, or type the order number or tracking number and press Enter. Each scan moves the order one step: ${moves}.`);
  }

  private renderForm(store: OrderStore | undefined): TemplateResult {
    const hasCamera = typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
    return html`<form part="scan-form" @submit=${this.onSubmit}>
      <label for="code">${msg('Order number or tracking number')}</label>
      <div class="field-row">
        <input
          id="code"
          part="scan-input"
          name="code"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          .enterKeyHint=${'go'}
          maxlength="200"
          aria-describedby="scan-help"
          ?disabled=${!store}
          @keydown=${this.onKeydown}
        />
        <button part="scan-button" class="control primary" type="submit" ?disabled=${!store}>${msg('Scan', { desc: 'Button: look up the code typed in the scan field' })}</button>
        ${hasCamera
          ? html`<button part="camera-button" class="control" type="button" aria-pressed=${this.camera === 'off' ? 'false' : 'true'} @click=${this.toggleCamera}>
              ${this.camera === 'off' ? msg('Use camera') : msg('Stop camera')}
            </button>`
          : nothing}
        <label part="sound-toggle" class="toggle">
          <input type="checkbox" .checked=${this.sound} @change=${this.onSound} />
          ${msg('Sound', { desc: 'Switch: play a beep after each scan' })}
        </label>
      </div>
      ${this.pending > 0 ? html`<p class="muted working">${msg(str`Checking ${this.pending} scan(s)…`)}</p>` : nothing}
    </form>`;
  }

  private renderFeedback(store: OrderStore | undefined): TemplateResult {
    const e = this.last;
    const ok = e?.result === 'moved';
    const text = e && store ? this.message(e, store.workflow) : '';
    // Two live regions, always present, so each result is announced: polite for a success, assertive for a problem.
    return html`<div part=${e ? `feedback ${ok ? 'success' : 'error'}` : 'feedback'} class=${e ? (ok ? 'success' : 'error') : 'idle'}>
      ${e ? nothing : html`<span class="muted">${msg('Ready: scan or type a code.')}</span>`}
      <div role="status" class="live">${ok ? html`<strong>${msg('Done')}</strong> ${text}` : nothing}</div>
      <div role="alert" class="live">${e && !ok ? html`<strong>${msg('Nothing changed')}</strong> ${text}` : nothing}</div>
      ${e?.result === 'network'
        ? html`<button part="retry-button" class="control" type="button" @click=${() => this.retry(e)}>${uiStrings.retry()}</button>`
        : nothing}
    </div>`;
  }

  // ── Round ────────────────────────────────────────────────────────────────────────────────────

  private renderRound(store: OrderStore | undefined): TemplateResult {
    const entries = this.entries;
    const moved = movedOrderIds(entries);
    const { byStatus, problems } = tally(entries);
    const workflow = store?.workflow;
    return html`<div class="round">
      <div class="round-head">
        <h3 id="round-title">${msg('This round')}</h3>
        <p part="summary" aria-live="polite">
          ${entries.length === 0
            ? msg('No scans yet.')
            : html`<span>${msg(str`${entries.length} scans`)}</span>
                ${[...byStatus].map(([status, n]) => html`<span class="count">${workflow ? statusLabel(workflow, status) : status}: <strong>${n}</strong></span>`)}
                ${problems > 0 ? html`<span class="count problems">${msg('Not moved')}: <strong>${problems}</strong></span>` : nothing}`}
        </p>
        <div part="round-actions">
          <button part="print-awb-button" class="control" type="button" ?disabled=${moved.length === 0} @click=${() => this.print('awb', moved)}>
            ${msg(str`Print AWB (${moved.length})`)}
          </button>
          <button part="print-manifest-button" class="control" type="button" ?disabled=${moved.length === 0} @click=${() => this.print('manifest', moved)}>
            ${msg(str`Print courier manifest (${moved.length})`)}
          </button>
          <button part="clear-button" class="control quiet" type="button" ?disabled=${entries.length === 0} @click=${this.onClear}>${msg('Clear round')}</button>
        </div>
      </div>
      ${entries.length === 0
        ? html`<p part="empty-state">${msg('Scanned orders appear here, newest first.')}</p>`
        : html`<div part="table-wrap">
            <table part="table" aria-labelledby="round-title">
              <thead>
                <tr>
                  ${[msg('Time'), msg('Input', { desc: 'Column header: how a scanned code arrived (scanner, typed, camera)' }), msg('Order', { desc: 'Column header: order number' }), uiStrings.customer(), msg('Courier'), msg('Tracking number'), msg('Result')].map(
                    (h) => html`<th part="header-cell" scope="col">${h}</th>`,
                  )}
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  [...entries].reverse(),
                  (e) => e.id,
                  (e) => this.renderEntry(e, store),
                )}
              </tbody>
            </table>
          </div>`}
    </div>`;
  }

  private renderEntry(e: ScanEntry, store: OrderStore | undefined): TemplateResult {
    // The cached order (updated by courier events) wins over what the scan saw.
    const cached = e.orderId ? store?.getCached(e.orderId) : undefined;
    const fields = cached ? { ...e, ...orderFields(cached) } : e;
    const ok = e.result === 'moved';
    return html`<tr part=${ok ? 'row moved-row' : 'row problem-row'} data-entry=${e.id}>
      <td part="cell" class="nowrap muted">${formatCompactDateTime(e.at, { timeZone: this.timeZone || this.viewZone$.value || browserTimeZone() })}</td>
      <td part="cell" class="nowrap muted">${sourceLabel(e.source)}</td>
      <td part="cell">
        ${fields.orderId && fields.number
          ? html`<button type="button" class="order-link" @click=${() => this.openOrder(fields.orderId as string)}>${fields.number}</button>`
          : html`<span class="mono">${e.code}</span>`}
      </td>
      <td part="cell">${fields.customer ?? '—'}</td>
      <td part="cell">${fields.courierCode ? courierLabel({ code: fields.courierCode, name: fields.courierName ?? '' }) : '—'}</td>
      <td part="cell" class="mono">${fields.tracking ?? '—'}</td>
      <td part="cell">
        <span part="result-badge" class=${`badge ${ok ? 'tone-success' : e.result === 'network' ? 'tone-warning' : 'tone-danger'}`}>
          ${store ? this.resultLabel(e, store.workflow) : e.result}
        </span>
        ${e.result === 'network'
          ? html`<button part="retry-button" class="control small" type="button" @click=${() => this.retry(e)}>${uiStrings.retry()}</button>`
          : nothing}
      </td>
    </tr>`;
  }

  /** The short result in the round list. */
  private resultLabel(e: ScanEntry, workflow: WorkflowDefinition): string {
    switch (e.result) {
      case 'moved':
        return msg(str`→ ${statusLabel(workflow, e.to ?? '')}`);
      case 'wrong-status':
        return msg(str`Wrong status (${statusLabel(workflow, e.from ?? '')})`);
      case 'other-store':
        return msg('Other store');
      case 'duplicate':
        return msg('Already scanned');
      case 'unknown':
        return msg('Unknown code');
      case 'ambiguous':
        return msg('Several orders');
      case 'network':
        return msg('Not sent: network');
      case 'refused':
        return msg('Refused');
    }
  }

  /** The full sentence in the banner. */
  private message(e: ScanEntry, workflow: WorkflowDefinition): string {
    const number = e.number ?? e.code;
    switch (e.result) {
      case 'moved':
        return msg(str`Order ${number} (${e.customer ?? ''}) moved from ${statusLabel(workflow, e.from ?? '')} to ${statusLabel(workflow, e.to ?? '')}.`);
      case 'wrong-status': {
        const allowed = (workflow.scanToShip ?? []).map((s) => statusLabel(workflow, s.from)).join(', ');
        return msg(str`Order ${number} is ${statusLabel(workflow, e.from ?? '')}: only orders in ${allowed} can be scanned here.`);
      }
      case 'other-store':
        return msg(str`“${e.code}” belongs to a store you cannot access.`);
      case 'duplicate':
        return msg(str`Order ${number} was already scanned in this round.`);
      case 'unknown':
        return msg(str`No order has the number or tracking number “${e.code}”.`);
      case 'ambiguous':
        return msg(str`“${e.code}” matches ${e.matches ?? 0} orders: scan the order number instead.`);
      case 'network':
        return msg(str`Could not reach the server for “${e.code}”. The scan is kept: retry when the connection is back.`);
      case 'refused':
        return e.action === undefined
          ? msg(str`“${e.code}” could not be handled: ${e.reason ?? ''}`)
          : msg(str`Order ${number} could not be moved (${actionLabel(workflow, e.action)}): ${e.reason ?? ''}`);
    }
  }

  // ── Scanning ─────────────────────────────────────────────────────────────────────────────────

  private async process(code: string, source: ScanSource): Promise<void> {
    const store = this.orders.store;
    if (!store) return;
    const base = { id: crypto.randomUUID(), code, source, at: new Date().toISOString() };
    let found;
    try {
      found = await store.findOrdersByCode(code);
    } catch (thrown) {
      const error = toApiError(thrown);
      if (error.code === 'forbidden') return this.settle({ ...base, result: 'other-store' });
      if (error.code === 'invalid-input') return this.settle({ ...base, result: 'unknown' });
      if (UNREACHABLE.includes(error.code)) return this.settle({ ...base, result: 'network' });
      return this.settle({ ...base, result: 'refused', reason: error.message });
    }
    if (found.length === 0) return this.settle({ ...base, result: 'unknown' });
    if (found.length > 1) return this.settle({ ...base, result: 'ambiguous', matches: found.length });
    const order = found[0]!;
    const withOrder = { ...base, ...orderFields(order), from: order.status };
    if (alreadyMoved(this.entries, order.id)) return this.settle({ ...withOrder, result: 'duplicate' });
    const action = scanAction(store.workflow, order.status);
    if (!action) return this.settle({ ...withOrder, result: 'wrong-status' });
    try {
      const moved = await store.runAction(order.id, action.key);
      this.settle({ ...withOrder, ...orderFields(moved), result: 'moved', action: action.key, to: moved.status });
    } catch (thrown) {
      const error = toApiError(thrown);
      this.dismissStoreError(store, order.id, action.key);
      const result: ScanResult = error.code === 'forbidden' ? 'other-store' : UNREACHABLE.includes(error.code) ? 'network' : 'refused';
      this.settle({ ...withOrder, result, action: action.key, ...(result === 'refused' && { reason: reasonOf(error) }) });
    }
  }

  /** The view reports the failure itself; the store's error list would show it a second time. */
  private dismissStoreError(store: OrderStore, orderId: string, action: string): void {
    for (const e of store.snapshot.errors) if (e.kind === 'action' && e.orderId === orderId && e.action === action) store.dismissError(e.id);
  }

  private settle(entry: ScanEntry): void {
    this.entries = [...this.entries, entry].slice(-ROUND_LIMIT);
    this.last = entry;
    saveRound(this.roundKey, this.entries);
    if (this.sound) playScanSound(entry.result === 'moved' ? 'success' : 'error');
    // Built first, then dispatched: the manifest analyzer reads an inline `new X(arg)` as an event named `arg`.
    const scanned = new OrderScanEvent(entry);
    this.dispatchEvent(scanned);
  }

  private retry(entry: ScanEntry): void {
    this.entries = this.entries.filter((e) => e.id !== entry.id);
    saveRound(this.roundKey, this.entries);
    void this.scan(entry.code, entry.source);
    this.input.focus();
  }

  private openOrder(orderId: string): void {
    const open = new OrderOpenEvent(orderId);
    this.dispatchEvent(open);
  }

  private print(document: PrintDocumentKind, orderIds: readonly string[]): void {
    if (orderIds.length === 0) return;
    const request = new PrintRequestEvent({ document, orderIds });
    this.dispatchEvent(request);
  }

  // ── Handlers ─────────────────────────────────────────────────────────────────────────────────

  private onKeydown(event: KeyboardEvent): void {
    const input = event.target as HTMLInputElement;
    if (event.key === 'Enter' || event.key === 'Tab') {
      const burst = this.wedge.finish(event.timeStamp);
      if (event.key === 'Tab' && !burst) return; // a person moving on
      event.preventDefault();
      const code = input.value;
      input.value = '';
      void this.scan(code, burst ? 'scanner' : 'keyboard');
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      this.wedge.key(event.timeStamp);
    } else if (!MODIFIERS.has(event.key)) {
      this.wedge.reset();
    }
  }

  private onSubmit(event: SubmitEvent): void {
    // Enter is handled on keydown; this is the Scan button (or Enter where keydown did not run).
    event.preventDefault();
    const code = this.input.value;
    this.input.value = '';
    this.wedge.reset();
    void this.scan(code, 'keyboard');
    this.input.focus();
  }

  private onSound(event: Event): void {
    this.sound = (event.target as HTMLInputElement).checked;
    setSoundEnabled(this.sound);
  }

  private onClear(): void {
    this.clearRound();
    this.input.focus();
  }

  // ── Camera ───────────────────────────────────────────────────────────────────────────────────

  private renderCamera(): TemplateResult {
    return html`<div part="camera">
      <video muted playsinline aria-label=${msg('Camera preview')}></video>
      <p class="muted" role="status">
        ${this.camera === 'failed'
          ? msg('The camera could not be started (no permission, or no camera). Type or scan the code instead.')
          : this.camera === 'starting'
            ? msg('Starting the camera…')
            : msg('Hold the barcode in front of the camera.')}
      </p>
    </div>`;
  }

  private async toggleCamera(): Promise<void> {
    if (this.camera !== 'off') {
      this.stopCamera();
      this.camera = 'off';
      this.input.focus();
      return;
    }
    this.camera = 'starting';
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      await this.updateComplete;
      const video = this.video;
      if (!video || this.camera !== 'starting') {
        this.stopCamera();
        return;
      }
      video.srcObject = this.stream;
      await video.play();
      this.camera = 'on';
      this.readCamera();
    } catch {
      this.stopCamera();
      this.camera = 'failed';
    }
  }

  private readCamera(): void {
    this.cameraTimer = setTimeout(async () => {
      const video = this.video;
      if (!video || this.camera !== 'on') return;
      try {
        const code = await decodeFrame(video);
        const now = Date.now();
        const repeat = this.lastCameraCode?.code === code && now - (this.lastCameraCode?.at ?? 0) < CAMERA_REPEAT_MS;
        // A label held in view is read once: each sighting extends the quiet time.
        if (code) this.lastCameraCode = { code, at: now };
        if (code && !repeat) void this.scan(code, 'camera');
      } catch {
        this.camera = 'failed';
        this.stopCamera();
        return;
      }
      this.readCamera();
    }, CAMERA_INTERVAL_MS);
  }

  private stopCamera(): void {
    clearTimeout(this.cameraTimer);
    this.cameraTimer = undefined;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }
}

/** The workflow's reason for a refusal, else the error's message. */
function reasonOf(error: OrderApiError): string {
  return isOrderApiError(error) && error.refusal ? error.refusal.message : error.message;
}

/** How a code arrived, as the round list says it. */
function sourceLabel(source: ScanSource): string {
  switch (source) {
    case 'scanner':
      return msg('Scanner', { desc: 'A code that came from a barcode scanner' });
    case 'keyboard':
      return msg('Typed', { desc: 'A code typed on the keyboard' });
    case 'camera':
      return msg('Camera', { desc: 'A code read by the device camera' });
  }
}
