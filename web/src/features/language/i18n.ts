import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';
import type errors from '../../../../locales/en/errors.json';
import type ui from '../../../../locales/en/ui.json';

/**
 * The languages of locales/ (the server's catalogs), listed by the build (vite.config.mts), so a new
 * language folder needs no change here; the switcher names them from the `locales` query.
 */
export const LANGUAGES: readonly string[] = __LANGUAGES__;

const STORAGE_KEY = 'lng';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    // Every t() key is checked against the English catalogs at build time.
    resources: { ui: typeof ui; errors: typeof errors };
  }
}

function isLanguage(code: string | null | undefined): code is string {
  return LANGUAGES.includes(code ?? '');
}

/** A browser language tag as one of ours: the same tag (pt-BR), else its language (sv-SE → sv). */
function ourLanguage(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  return LANGUAGES.find((code) => code.toLowerCase() === lower) ?? LANGUAGES.find((code) => code === lower.split('-')[0]);
}

/** The language chosen on this browser before, else the first of the browser's languages we have, else English. */
export function initialLanguage(): string {
  const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
  if (isLanguage(stored)) return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const language = tag ? ourLanguage(tag) : undefined;
    if (language) return language;
  }
  return 'en';
}

export function rememberLanguage(lng: string): void {
  safeStorage(() => localStorage.setItem(STORAGE_KEY, lng));
}

function safeStorage<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined; // storage disabled
  }
}

/** The current language as the page uses it (what GraphQL requests send as Accept-Language). */
function currentLanguage(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language;
  return isLanguage(lng) ? lng : 'en';
}

i18next.on('languageChanged', () => {
  document.documentElement.lang = currentLanguage();
});

void i18next
  .use(HttpBackend)
  .use(initReactI18next)
  .init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    load: 'currentOnly',
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    backend: { loadPath: '/locales/{{lng}}/{{ns}}.json' },
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: true },
  });

export default i18next;
