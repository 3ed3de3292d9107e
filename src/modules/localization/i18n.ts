import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import { DEFAULT_LOCALE } from '../../core/language';
import { localesDir } from '../../core/paths';

// Folders of locales/ named like a language (en, sv, pt-BR) hold catalogs; others (help/) do not.
const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** Every catalog under `locales/{lng}/{ns}.json`, read once at start-up. */
export function loadResources(dir: string = localesDir): Resource {
  const resources: Resource = {};
  for (const lng of readdirSync(dir).filter((name) => LANGUAGE_CODE.test(name))) {
    resources[lng] = {};
    for (const file of readdirSync(join(dir, lng)).filter((name) => name.endsWith('.json'))) {
      resources[lng][file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, lng, file), 'utf8'));
    }
  }
  return resources;
}

/** The process's one i18next instance; requests get a `t` fixed to their language from it. */
export function createI18n(resources: Resource = loadResources()): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: Object.keys(resources),
    nonExplicitSupportedLngs: true,
    ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
    defaultNS: 'errors',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
