import { useTranslation } from 'react-i18next';

/**
 * The language the page is shown in (what GraphQL requests send as Accept-Language and the help
 * article is asked in); re-renders the caller when the language changes.
 */
export function usePageLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'en';
}
