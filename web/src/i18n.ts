import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';
import type errors from '../../locales/en/errors.json';
import type ui from '../../locales/en/ui.json';

/** The languages the server has catalogs for; the switcher names them from the `locales` query. */
export const LANGUAGES = ['en', 'sv', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lng';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui';
    // Every t() key is checked against the English catalogs at build time.
    resources: { ui: typeof ui; errors: typeof errors };
  }
}

function isLanguage(code: string | null | undefined): code is Language {
  return LANGUAGES.includes(code as Language);
}

/** The language chosen on this browser before, else the first of the browser's languages we have, else English. */
export function initialLanguage(): Language {
  const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
  if (isLanguage(stored)) return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
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
export function currentLanguage(): Language {
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
    load: 'languageOnly',
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    backend: { loadPath: '/locales/{{lng}}/{{ns}}.json' },
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: true },
  });

export default i18next;
