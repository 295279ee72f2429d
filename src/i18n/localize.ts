/**
 * Runtime localisation: configures @lit/localize once, loads a locale's messages on demand, and gives
 * elements a controller that re-renders them when the locale changes.
 *
 * Strings are written with `msg()` from '@lit/localize'; `npm run localize` extracts them into
 * `xliff/<locale>.xlf` and builds `src/i18n/generated/<locale>.ts` from the translations there.
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { LocaleStatusEventDetail } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { allLocales, sourceLocale, targetLocales } from './generated/locale-codes.js';

export { allLocales, sourceLocale, targetLocales };

/** A locale orderdeck ships messages for: `en` (source) or one of the generated target locales. */
export type Locale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];
type LocaleModule = Awaited<ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>>;

/** One loader per target locale; the type makes a locale added to lit-localize.json fail to compile until it is listed here. */
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  id: () => import('./generated/id.js'),
  ms: () => import('./generated/ms.js'),
};

interface Localization {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

/**
 * @lit/localize can be configured once per page. A second copy of orderdeck on the page reuses the
 * first copy's configuration through a global symbol; if the host application configured @lit/localize
 * itself, orderdeck follows the host's locale (read from the status events) and leaves switching to it.
 */
const SHARED = Symbol.for('orderdeck.localization');
type SharedGlobal = typeof globalThis & { [SHARED]?: Localization };

function configure(): Localization {
  const shared = globalThis as SharedGlobal;
  const existing = shared[SHARED];
  if (existing) return existing;
  let localization: Localization;
  try {
    localization = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loaders[locale as TargetLocale](),
    });
  } catch {
    console.warn('orderdeck: @lit/localize was configured by the host page; orderdeck follows its locale.');
    localization = followHost();
  }
  shared[SHARED] = localization;
  return localization;
}

function followHost(): Localization {
  let current: string = sourceLocale;
  window.addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status === 'ready') current = event.detail.readyLocale;
  });
  return {
    getLocale: () => current,
    setLocale: () => Promise.reject(new Error('orderdeck: the host page owns @lit/localize; switch the locale there.')),
  };
}

const localization = configure();

/** The active locale code (`en` until another locale has finished loading). */
export function getLocale(): string {
  return localization.getLocale();
}

/**
 * The supported locale closest to a requested one: exact (`id`), then its language (`id-ID` → `id`),
 * then the source locale, with a warning.
 */
export function matchLocale(requested: string): Locale {
  const wanted = requested.trim().toLowerCase().replace('_', '-');
  const exact = allLocales.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = allLocales.find((l) => l.toLowerCase() === wanted.split('-')[0]);
  if (language) return language;
  console.warn(`orderdeck: no messages for locale "${requested}"; using "${sourceLocale}".`);
  return sourceLocale;
}

/**
 * Switches every orderdeck element to a locale (matched with `matchLocale`). Resolves once the
 * locale's messages have loaded and the elements have been asked to re-render.
 */
export function setLocale(locale: string): Promise<void> {
  return localization.setLocale(matchLocale(locale));
}

/**
 * Calls `listener` with the new locale each time a locale finishes loading. Returns the unsubscribe
 * function; call it when the listener's owner goes away (no listener is left behind).
 */
export function onLocaleChange(listener: (locale: string) => void): () => void {
  const handler = (event: CustomEvent<LocaleStatusEventDetail>) => {
    if (event.detail.status === 'ready') listener(event.detail.readyLocale);
  };
  window.addEventListener(LOCALE_STATUS_EVENT, handler);
  return () => window.removeEventListener(LOCALE_STATUS_EVENT, handler);
}

/**
 * Re-renders its host whenever a new locale is ready and exposes the active locale. Listens only while
 * the host is connected, and catches up on connect if the locale changed while it was detached.
 * `@localized()` from @lit/localize re-renders on change too, but does not catch up.
 */
export class LocaleController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private renderedLocale: string | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The active locale, for `Intl` formatting in `render()`. */
  get locale(): string {
    return getLocale();
  }

  hostConnected(): void {
    this.unsubscribe ??= onLocaleChange(() => this.host.requestUpdate());
    if (this.renderedLocale !== undefined && this.renderedLocale !== getLocale()) this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.renderedLocale = getLocale();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

/** Hook for elements: `private readonly locale = localeChanges(this);` re-renders `this` on every locale change. */
export function localeChanges(host: ReactiveControllerHost): LocaleController {
  return new LocaleController(host);
}
