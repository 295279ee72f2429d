/**
 * Text that comes with data rather than with the code (workflow status and action labels, which
 * merchants define at run time) resolved to one string for a locale.
 */
import type { LocalizedText } from '../model/workflow/types.js';
import { labelIn } from '../model/workflow/text.js';
import { getLocale } from './localize.js';

/**
 * The best string of `text` for `locale`: the exact locale (`ms-MY`), then its language (`ms`), then a
 * built-in translation of preset text (model/workflow/text.ts), then English. Plain strings are the
 * same in every locale.
 */
export function resolveText(text: LocalizedText, locale: string = getLocale()): string {
  return labelIn(text, locale);
}
