/**
 * Wall-clock date-times in an IANA time zone, for `<input type="datetime-local">` (which has no zone):
 * the store's "22 Nov 14:30" becomes the UTC instant the model stores. Private to `<shipment-form>`;
 * zone checks and day arithmetic are in shared/zoned-date.ts.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone, as a UTC timestamp (ms). */
function wallMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `2026-11-22T14:30` in `Asia/Jakarta` → `2026-11-22T07:30:00.000Z`. Undefined for text that is not a
 * real date-time. In a daylight-saving gap the later offset wins (as browsers resolve it).
 */
export function wallTimeToIso(value: string, timeZone: string): string | undefined {
  const m = WALL.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  const first = wallMs(guess, timeZone) - guess;
  let instant = guess - first;
  const second = wallMs(instant, timeZone) - instant;
  if (second !== first) instant = guess - second;
  return new Date(instant).toISOString();
}
