/** Events of `<order-export>`. */

/** Detail of `export-complete`. */
export interface ExportCompleteDetail {
  /** CSV records written, the header not counted (one per order, or one per line item). */
  readonly rows: number;
  /** Orders exported. */
  readonly orders: number;
  /** Size of the file in bytes (UTF-8, byte order mark included). */
  readonly bytes: number;
  readonly fileName: string;
  /** The file itself. */
  readonly blob: Blob;
}

/**
 * Fired when an export finished, before the file is downloaded. Cancelable: `preventDefault()` keeps
 * the browser from downloading it (the host stores or uploads `detail.blob` itself).
 */
export class ExportCompleteEvent extends CustomEvent<ExportCompleteDetail> {
  constructor(detail: ExportCompleteDetail) {
    super('export-complete', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the modal export dialog closed (Escape, the close button, or after the host called `close()`). */
export class ExportCloseEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('export-close', { detail: {}, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'export-complete': ExportCompleteEvent;
    'export-close': ExportCloseEvent;
  }
}
