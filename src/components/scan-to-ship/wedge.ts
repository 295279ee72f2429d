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
  /** Where the current run began in the field's value. */
  private start = 0;

  /** A printable key arrived at `time`, when the field held `valueLength` characters before it. */
  key(time: number, valueLength: number): void {
    const last = this.times[this.times.length - 1];
    if (last === undefined || time - last > BURST_GAP_MS) {
      this.times = [];
      this.start = valueLength;
    }
    this.times.push(time);
  }

  /**
   * At Enter (or Tab) at `time`: the burst's slice of `value` when the keys before it were a
   * scanner burst, else undefined. A burst typed after something a person left in the field takes
   * only the burst's characters. Resets for the next code either way.
   */
  finish(time: number, value: string): string | undefined {
    const last = this.times[this.times.length - 1];
    const burst = this.times.length >= BURST_MIN_KEYS && last !== undefined && time - last <= BURST_GAP_MS * 4;
    const slice = burst ? value.slice(this.start) : undefined;
    this.reset();
    return slice;
  }

  reset(): void {
    this.times = [];
    this.start = 0;
  }
}
