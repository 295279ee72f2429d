/**
 * `DismissController`: closes a popup (menu, popover) when the user presses outside it: outside the
 * host element, or outside the parts `inside()` names (the popup and its trigger button). The document listener exists only while the popup is open: added by `watch(true)`,
 * removed by `watch(false)` and on disconnect, so nothing is left on the host page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class DismissController implements ReactiveController {
  private listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Called for a pointer press outside. */
    private readonly onOutside: () => void,
    /** What counts as inside (default: the host); e.g. the open popup and the button that opened it. */
    private readonly inside: () => readonly (Element | null | undefined)[] = () => [host],
  ) {
    host.addController(this);
  }

  /** True while the document listener is attached. */
  get active(): boolean {
    return this.listening;
  }

  /** Attaches (`true`) or removes (`false`) the outside-press listener. */
  watch(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    const doc = this.host.ownerDocument;
    if (on) doc.addEventListener('pointerdown', this.handle, true);
    else doc.removeEventListener('pointerdown', this.handle, true);
  }

  hostConnected(): void {
    // Nothing to do: listening starts when a popup opens.
  }

  hostDisconnected(): void {
    this.watch(false);
  }

  private readonly handle = (event: Event): void => {
    const path = event.composedPath();
    if (!this.inside().some((element) => element && path.includes(element))) this.onOutside();
  };
}
