import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';
import type errors from '../../../../locales/en/errors.json';
import type ui from '../../../../locales/en/ui.json';

/**
 * The languages of locales/ (the server's catalogs), listed by the build (vite.config.mts), so a new
 * language folder needs no change here; the switcher names them from the `locales` query.
 */
export const LANGUAGES: readonly string[] = __LANGUAGES__;

/**
 * The pseudo-locale a development server makes from English (README, "Pseudo-locale"): accented, 40 % longer,
 * bracketed. Not a folder of locales/, so the build does not list it: the switcher offers it when the
 * server's `locales` query does, and `?lng=en-XA` opens the page in it.
 */
export const PSEUDO_LANGUAGE = 'en-XA';

const FALLBACK_LANGUAGE = 'en';

/**
 * Missing keys are logged where the page is developed and tested: under Vite's dev server or served from
 * this machine (the end-to-end tests). A key missing from every catalog shows as the key itself.
 */
const LOG_MISSING_KEYS = import.meta.env.DEV || ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

/** The console line of a key no catalog has (the end-to-end tests fail on any). */
export const MISSING_KEY_WARNING = 'i18next: missing key';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    // Every t() key is checked against the English catalogs at build time.
    resources: { ui: typeof ui; errors: typeof errors };
  }
}

/**
 * A browser language tag as one of ours: the same tag (pt-BR), else its language (sv-SE → sv). Done
 * here for each tag in turn, so that the browser's first language we have wins (i18next alone would
 * prefer an exact match further down the list). A tag we lack stays as it is, and i18next skips it.
 */
function toOurLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower === PSEUDO_LANGUAGE.toLowerCase()) return PSEUDO_LANGUAGE;
  return LANGUAGES.find((code) => code.toLowerCase() === lower) ?? LANGUAGES.find((code) => code === lower.split('-')[0]) ?? tag;
}

const languageDetector = new LanguageDetector();

/** The switcher's choice, which the next visit starts in (a detected language is not stored: the browser's may change). */
export function rememberLanguage(lng: string): void {
  languageDetector.cacheUserLanguage(lng, ['localStorage']);
}

function currentLanguage(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return LANGUAGES.includes(lng) || lng === PSEUDO_LANGUAGE ? lng : FALLBACK_LANGUAGE;
}

i18next.on('languageChanged', () => {
  document.documentElement.lang = currentLanguage();
});

void i18next
  .use(languageDetector)
  .use(HttpBackend)
  .use(initReactI18next)
  .init({
    // ?lng= (a link, the pseudo-locale), else the language chosen on this browser before, else the first of the browser's languages we have, else English.
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lng',
      lookupLocalStorage: 'lng',
      caches: [],
      convertDetectedLanguage: toOurLanguage,
    },
    fallbackLng: FALLBACK_LANGUAGE,
    // A production server has no pseudo-locale: asked for it, it answers 404 and the page shows English.
    supportedLngs: [...LANGUAGES, PSEUDO_LANGUAGE],
    load: 'currentOnly',
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    // The build's catalog version in the URL: a new build never reads catalogs cached for another (README, "Catalog URLs").
    backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${__CATALOG_VERSION__}` },
    saveMissing: LOG_MISSING_KEYS,
    saveMissingTo: 'current',
    missingKeyHandler: (languages, namespace, key) => console.warn(`${MISSING_KEY_WARNING}: ${namespace}:${key} (${languages.join(', ')})`),
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: true },
  });
