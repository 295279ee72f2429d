/** Public localisation API: locale switching, the re-render controller, shared strings and formatting. */
export {
  allLocales,
  sourceLocale,
  targetLocales,
  getLocale,
  setLocale,
  matchLocale,
  onLocaleChange,
  localeChanges,
  LocaleController,
  type Locale,
} from './localize.js';
export { resolveText } from './text.js';
export {
  formatMoney,
  formatDate,
  formatCompactDateTime,
  formatDateTime,
  formatPercent,
  formatRelative,
  intlLocale,
  type DateInput,
  type DateStyle,
  type DateFormatOptions,
  type DateTimeFormatOptions,
  type RelativeFormatOptions,
} from './format.js';
export { uiStrings, type UiStringKey } from './messages.js';
