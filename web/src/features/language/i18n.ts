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

const FALLBACK_LANGUAGE = 'en';

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
  return LANGUAGES.find((code) => code.toLowerCase() === lower) ?? LANGUAGES.find((code) => code === lower.split('-')[0]) ?? tag;
}

const languageDetector = new LanguageDetector();

/** The switcher's choice, which the next visit starts in (a detected language is not stored: the browser's may change). */
export function rememberLanguage(lng: string): void {
  languageDetector.cacheUserLanguage(lng, ['localStorage']);
}

function currentLanguage(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return LANGUAGES.includes(lng) ? lng : FALLBACK_LANGUAGE;
}

i18next.on('languageChanged', () => {
  document.documentElement.lang = currentLanguage();
});

void i18next
  .use(languageDetector)
  .use(HttpBackend)
  .use(initReactI18next)
  .init({
    // The language chosen on this browser before, else the first of the browser's languages we have, else English.
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'lng', caches: [], convertDetectedLanguage: toOurLanguage },
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: LANGUAGES,
    load: 'currentOnly',
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    backend: { loadPath: '/locales/{{lng}}/{{ns}}.json' },
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: true },
  });
