/**
 * IANA time zones: is a name one `Intl` knows, and which is the runtime's own. Pure over `Intl`, shared
 * by the store (which zone a view counts days in) and the elements (zoned days and times).
 */

const known = new Map<string, boolean>();

/** The runtime's own IANA time zone (the browser's). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True when `Intl` knows the IANA time zone. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}
