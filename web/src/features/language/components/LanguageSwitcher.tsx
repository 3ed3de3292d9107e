import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import { useLanguageNames } from '../api/useLanguageNames';
import { LANGUAGES, PSEUDO_LANGUAGE, rememberLanguage } from '../i18n';

/**
 * A language's own name as a menu item starts: capitalized by that language's rules (Intl.DisplayNames,
 * behind the `locales` query, writes "svenska" and "français" in lower case, as running text does).
 */
function asMenuItem(name: string, language: string): string {
  const first = new Intl.Segmenter(language, { granularity: 'grapheme' }).segment(name)[Symbol.iterator]().next().value?.segment ?? '';
  return first.toLocaleUpperCase(language) + name.slice(first.length);
}

/** en / sv / fr, each named in itself as the server's `locales` query names it, and the pseudo-locale when the server has it (development). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = usePageLanguage();
  const names = useLanguageNames();
  const offered = names.has(PSEUDO_LANGUAGE) || language === PSEUDO_LANGUAGE ? [...LANGUAGES, PSEUDO_LANGUAGE] : LANGUAGES;

  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          rememberLanguage(event.target.value);
          void i18n.changeLanguage(event.target.value);
        }}
      >
        {offered.map((code) => (
          <option key={code} value={code} lang={code}>
            {asMenuItem(names.get(code) ?? code, code)}
          </option>
        ))}
      </select>
    </div>
  );
}
