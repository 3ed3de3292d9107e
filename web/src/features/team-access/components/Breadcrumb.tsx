import { useTranslation } from 'react-i18next';

/** The path the help article walks: gear icon > Settings > Admin Settings > Marketo > User Access. */
export function Breadcrumb() {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <ol>
        <li>
          <span className="gear" aria-hidden="true">
            ⚙
          </span>
          <span>{t('menu.settings')}</span>
        </li>
        <li>{t('menu.adminSettings')}</li>
        <li>{t('menu.marketo')}</li>
        <li aria-current="page">{t('tabs.userAccess')}</li>
      </ol>
    </nav>
  );
}
