import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { currentLanguage, LANGUAGES, rememberLanguage } from '../i18n';
import { LocalesQuery } from '../operations';

/** en / sv / fr, each named in itself as the server's `locales` query names it. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [{ data }] = useQuery({ query: LocalesQuery });
  const names = new Map(data?.locales.map((locale) => [locale.code, locale.nativeName]));

  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={currentLanguage()}
        onChange={(event) => {
          rememberLanguage(event.target.value);
          void i18n.changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {names.get(code) ?? code}
          </option>
        ))}
      </select>
    </div>
  );
}
