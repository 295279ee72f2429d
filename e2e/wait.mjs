/**
 * Waiting in the end-to-end checks: one polling helper for every e2e module, so a timeout reads the
 * same everywhere and a failure raised inside a check ends the wait at once.
 */

/** A failed check: `until` does not retry it, and the runner prints its message without a stack. */
export class E2eError extends Error {}

/** Whitespace folded to single spaces, ends trimmed. */
export const clean = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Makes `until(what, check, ms = defaultMs)`: polls `check` (async; a truthy result ends the wait and
 * is returned) every 150 ms until it passes or `ms` elapse, then throws an `E2eError` naming `what`
 * and the last error `check` threw. An `E2eError` thrown by `check` ends the wait at once.
 */
export function waiter(defaultMs) {
  return async function until(what, check, ms = defaultMs) {
    const end = Date.now() + ms;
    let last;
    for (;;) {
      try {
        const value = await check();
        if (value) return value;
        last = undefined;
      } catch (e) {
        if (e instanceof E2eError) throw e;
        last = e;
      }
      if (Date.now() > end) throw new E2eError(`timed out after ${ms / 1000}s waiting for ${what}${last ? ` (${String(last.message).split('\n')[0]})` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };
}
