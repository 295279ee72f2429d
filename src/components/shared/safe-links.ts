/**
 * Links built from order data: only http(s) URLs become links (anything else — `javascript:`,
 * `data:`, relative paths — stays text), phone numbers become `tel:` with digits only, e-mail
 * addresses become `mailto:` only when they look like one.
 */

/** The URL when its scheme is http or https, else undefined. */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** `tel:` with the digits (and a leading +) of a phone number; undefined when too few digits remain. */
export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return undefined;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+$/;

/** `mailto:` for a plausible e-mail address, undefined otherwise. */
export function mailHref(email: string | undefined): string | undefined {
  if (!email) return undefined;
  const trimmed = email.trim();
  return EMAIL.test(trimmed) ? `mailto:${trimmed}` : undefined;
}
