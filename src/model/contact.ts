/**
 * The one rule for phone numbers and e-mail addresses, used by the boundary validation (src/api/validate.ts),
 * the CSV import and the order form alike.
 */

/**
 * A phone number as people write it: an optional leading `+`, then digits with spaces, dashes, dots or
 * brackets between them; 6 to 15 digits (E.164's maximum).
 */
export function isPhone(value: string): boolean {
  const v = value.trim();
  if (!/^\+?[0-9(][0-9 ().-]*[0-9]$/.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

/** An e-mail address: one `@`, something before it, a dotted domain after it, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value.trim());
}
