/**
 * `<print-menu>`: a "Print" menu button listing the documents orderdeck prints; choosing one fires
 * `order-print-request` for the orders the host names. Used by the bulk-action bar (the selection),
 * `<order-admin>` (the current tab) and `<order-detail>` (one order). No side effects: registration
 * lives in `./define.ts`.
 */
import { msg } from '@lit/localize';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localeChanges } from '../../i18n/localize.js';
import type { PrintDocumentKind } from '../../model/types.js';
import { PRINT_DOCUMENT_KINDS } from '../../model/types.js';
import { DismissController } from '../shared/dismiss-controller.js';
import { chevronDownIcon } from '../shared/icons.js';
import { printDocumentLabel } from '../shared/order-labels.js';
import { PrintRequestEvent, type PrintRequestDetail } from '../shared/print-request-event.js';
import { tokens } from '../shared/tokens.js';

/** Which orders a choice prints: explicit ids, or a query (minus `exceptIds`). */
export type PrintTarget = Omit<PrintRequestDetail, 'document'>;

/**
 * A menu button of printable documents.
 *
 * The host says which orders with `target` (a function, read when a document is chosen, so a
 * selection is taken as it is then) and may narrow `documents`. The button opens the menu (also with
 * ArrowDown / Enter / Space); ArrowUp/ArrowDown/Home/End move, Enter chooses, Escape and Tab close,
 * a press outside closes. Choosing fires `order-print-request` with `{ document, ...target() }`.
 *
 * @tag print-menu
 * @summary "Print" menu button: picking list summary, picking lists, AWB, manifest, packing slip, invoice.
 *
 * @fires {PrintRequestEvent} order-print-request - A document was chosen: `detail` is `{ document, orderIds }` or `{ document, query, exceptIds }`.
 *
 * @csspart button - The menu button.
 * @csspart menu - The menu.
 * @csspart menu-item - Each document.
 *
 * @cssprop --od-print-menu-width - Minimum width of the menu (default `14rem`).
 */
export class PrintMenu extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      :host([hidden]) {
        display: none;
      }
      button[part~='button'] {
        display: inline-flex;
        align-items: center;
        gap: var(--_space-1);
        min-height: 32px;
        padding: 0 var(--_space-3);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        font: inherit;
        font-weight: 500;
        cursor: pointer;
      }
      button[part~='button']:hover:not(:disabled) {
        background: var(--_surface-hover);
      }
      button[part~='button']:disabled {
        cursor: not-allowed;
        opacity: 0.55;
      }
      [part~='menu'] {
        position: absolute;
        inset-block-start: calc(100% + 4px);
        inset-inline-end: 0;
        z-index: 20;
        display: grid;
        min-inline-size: var(--od-print-menu-width, 14rem);
        padding: var(--_space-1);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        box-shadow: var(--_shadow);
      }
      [part~='menu'][hidden] {
        display: none;
      }
      [role='menuitem'] {
        min-height: 34px;
        padding: 0 var(--_space-3);
        border: 0;
        border-radius: var(--_radius);
        background: transparent;
        color: var(--_text);
        font: inherit;
        text-align: start;
        white-space: nowrap;
        cursor: pointer;
      }
      [role='menuitem']:hover,
      [role='menuitem']:focus-visible {
        background: var(--_surface-hover);
      }
      @media (forced-colors: active) {
        [part~='menu'] {
          border-color: CanvasText;
        }
      }
    `,
  ];

  private readonly locale = localeChanges(this);
  private readonly dismiss = new DismissController(this, () => this.closeMenu(false));

  @query('[part~="button"]') private buttonEl!: HTMLButtonElement | null;

  @state() private open = false;

  /** The orders a chosen document prints; read at the moment of choosing. */
  @property({ attribute: false }) target: () => PrintTarget = () => ({ orderIds: [] });

  /** The documents offered, in this order (all six by default). */
  @property({ attribute: false }) documents: readonly PrintDocumentKind[] = PRINT_DOCUMENT_KINDS;

  /** The button's text (default "Print"). */
  @property() label = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  protected override render(): TemplateResult {
    void this.locale;
    return html`<button
        type="button"
        part="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="print-menu"
        ?disabled=${this.disabled}
        @click=${this.onButton}
        @keydown=${this.onButtonKey}
      >
        ${this.label || msg('Print', { id: 'print.print-3', desc: 'Menu button: print documents' })} ${chevronDownIcon()}
      </button>
      <div id="print-menu" part="menu" role="menu" aria-label=${msg('Print documents', { id: 'print.print-documents', desc: 'Accessible name of the print menu' })} ?hidden=${!this.open} @keydown=${this.onMenuKey}>
        ${this.documents.map(
          (d) => html`<button type="button" role="menuitem" tabindex="-1" part="menu-item" data-document=${d} @click=${() => this.choose(d)}>${printDocumentLabel(d)}</button>`,
        )}
      </div>`;
  }

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private async openMenu(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.dismiss.watch(true);
    await this.updateComplete;
    const items = this.items();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
  }

  private closeMenu(restoreFocus: boolean): void {
    this.open = false;
    this.dismiss.watch(false);
    if (restoreFocus) this.buttonEl?.focus();
  }

  private choose(document: PrintDocumentKind): void {
    this.closeMenu(true);
    this.dispatchEvent(new PrintRequestEvent({ document, ...this.target() }));
  }

  private readonly onButton = (): void => {
    if (this.open) this.closeMenu(true);
    else void this.openMenu('first');
  };

  private readonly onButtonKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  private readonly onMenuKey = (event: KeyboardEvent): void => {
    const items = this.items();
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    const go = (i: number): void => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(index + 1);
      case 'ArrowUp':
        return go(index - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(items.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.closeMenu(true);
      case 'Tab':
        return this.closeMenu(false);
    }
  };
}
