import { useTranslation } from 'react-i18next';
import { ADMIN_PAGE_HASHES, type AdminPage } from '../lib/useAdminPage';

/** Team Access and Team Management, the two Admin Settings pages of the console (R8): admins only (R9). */
export function AdminPageTabs({ current }: { current: AdminPage }) {
  // i18n-dynamic: ui:pages.* (one key per AdminPage)
  const { t } = useTranslation();
  return (
    <nav className="page-tabs" aria-label={t('menu.adminSettings')}>
      <ul>
        {(['teamAccess', 'teamManagement'] as const).map((page) => (
          <li key={page}>
            <a href={ADMIN_PAGE_HASHES[page]} aria-current={page === current ? 'page' : undefined}>
              {t(`pages.${page}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
