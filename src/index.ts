/**
 * orderdeck's root entry: the model, the API contract and adapters, the store, localisation and
 * safe element registration. Importing it registers no element; `orderdeck/define.js` does that.
 */
export * from './model/index.js';
export * from './api/index.js';
export * from './state/index.js';
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
  resolveText,
  // Locale-aware; shadows the model's `formatMoney(m, locale = 'en')` (still in `orderdeck/model.js`).
  formatMoney,
  formatDate,
  formatCompactDateTime,
  formatDateTime,
  formatPercent,
  formatRelative,
  intlLocale,
  uiStrings,
  type Locale,
  type DateInput,
  type DateStyle,
  type DateFormatOptions,
  type DateTimeFormatOptions,
  type RelativeFormatOptions,
  type UiStringKey,
} from './i18n/index.js';
export { defineElement } from './define-element.js';
