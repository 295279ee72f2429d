/**
 * Text that comes with data rather than with the code (workflow status and action labels, which
 * merchants define at run time) resolved to one string for a locale.
 */
import type { LocalizedText } from '../model/workflow/types.js';
import { getLocale } from './localize.js';

/**
 * The best string of `text` for `locale`: the exact locale (`id-ID`), then its language (`id`), then
 * English. Plain strings are the same in every locale.
 */
export function resolveText(text: LocalizedText, locale: string = getLocale()): string {
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = locale.split(/[-_]/)[0] ?? locale;
  return text[language] ?? text.en;
}
