/**
 * Telling a hand-held barcode scanner from a person at the keyboard. A scanner in keyboard-wedge mode
 * "types" the whole code as a burst of key presses a few milliseconds apart (typically 2–15 ms), then
 * Enter (or Tab, when so configured). People type 80–250 ms apart; even very fast typists rarely keep
 * under 50 ms for several keys in a row. So: a run of at least `BURST_MIN_KEYS` printable keys with
 * every gap at most `BURST_GAP_MS` is a scanner burst. Times are the key events' `timeStamp`s.
 * Private to `scan-to-ship/`.
 */

/** The longest gap between two keys of a scanner burst, in milliseconds. */
export const BURST_GAP_MS = 30;
/** The fewest keys a burst has (shorter runs are too likely to be a quick person). */
export const BURST_MIN_KEYS = 4;

export class WedgeDetector {
  /** Times of the printable keys of the current run (the run restarts after a slow gap). */
  private times: number[] = [];

  /** A printable key arrived at `time`. */
  key(time: number): void {
    const last = this.times[this.times.length - 1];
    if (last === undefined || time - last > BURST_GAP_MS) this.times = [];
    this.times.push(time);
  }

  /**
   * At Enter (or Tab) at `time`: true when the keys just before it were a scanner burst. The whole
   * field is submitted either way (a burst is never cut: a pause inside a scan, from a busy page,
   * must not turn the code into a shorter one that names another order). Resets for the next code.
   */
  finish(time: number): boolean {
    const last = this.times[this.times.length - 1];
    const burst = this.times.length >= BURST_MIN_KEYS && last !== undefined && time - last <= BURST_GAP_MS * 4;
    this.reset();
    return burst;
  }

  reset(): void {
    this.times = [];
  }
}
