/**
 * Workflow text (status, tab and action labels, descriptions) in one locale. Data carries its own
 * translations (`{ en, id }`, or any locale a merchant filled in); for the text of the built-in
 * presets, locales added after the data was written are looked up in a table keyed by the English
 * text (Malay: presets/ms.ts), so stored and backend-sent workflows read in those locales too.
 */
import { ms, msInContext } from '../presets/ms.js';
import type { LocalizedText } from './types.js';

type Translated = Exclude<LocalizedText, string>;

/** Built-in tables per language, for text that does not carry that language itself. */
const BUILT_IN: Readonly<Record<string, (text: Translated) => string | undefined>> = {
  ms: (text) => (text.id !== undefined ? msInContext[`${text.en}\n${text.id}`] : undefined) ?? ms[text.en],
};

/**
 * `text` in `locale` (`ms-MY`, `ms`): the exact locale, its language, then the built-in table for the
 * language. `undefined` when there is no translation (the caller falls back to English); a plain
 * string is the same in every locale. English (`en`, `en-GB`) is always found.
 */
export function textIn(text: LocalizedText, locale: string): string | undefined {
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = locale.split(/[-_]/)[0] ?? locale;
  return text[language] ?? BUILT_IN[language]?.(text);
}

/** A workflow label in `locale`: its translation (see `textIn`), else English. */
export function labelIn(text: LocalizedText, locale = 'en'): string {
  if (typeof text === 'string') return text;
  return textIn(text, locale) ?? text.en;
}
