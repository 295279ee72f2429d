/** Events of `<order-import>`. */
import type { ImportResult } from '../../api/types.js';
import type { TrackingItem } from '../../model/csv/tracking.js';
import type { TrackingOutcome } from './tracking-run.js';

/** Detail of `import-complete`: what the backend created and skipped. */
export interface ImportCompleteDetail {
  readonly result: ImportResult;
}

/** Fired after an order import finished (one all-or-nothing call; re-imported numbers are skipped). */
export class ImportCompleteEvent extends CustomEvent<ImportCompleteDetail> {
  constructor(result: ImportResult) {
    super('import-complete', { detail: { result }, bubbles: true, composed: true });
  }
}

/** One row of a tracking import and what became of it. */
export interface TrackingRowResult {
  readonly item: TrackingItem;
  readonly outcome: TrackingOutcome;
}

/** Detail of `tracking-complete`: every row's outcome. */
export interface TrackingCompleteDetail {
  readonly results: readonly TrackingRowResult[];
}

/** Fired after a tracking import ran (or was cancelled) with the outcome of every row that ran. */
export class TrackingCompleteEvent extends CustomEvent<TrackingCompleteDetail> {
  constructor(results: readonly TrackingRowResult[]) {
    super('tracking-complete', { detail: { results }, bubbles: true, composed: true });
  }
}

/** Fired when the modal import dialog closed. */
export class ImportCloseEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('import-close', { detail: {}, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'import-complete': ImportCompleteEvent;
    'tracking-complete': TrackingCompleteEvent;
    'import-close': ImportCloseEvent;
  }
}
