import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { HelpPanel } from '../features/help/components/HelpPanel';
import { LanguageSwitcher } from '../features/language/components/LanguageSwitcher';
import { useGraphQLClient } from '../features/session/api/useGraphQLClient';
import { SignIn } from '../features/session/components/SignIn';
import { useSession } from '../features/session/hooks/useSession';
import { TeamAccessPage } from '../features/team-access/components/TeamAccessPage';
import { TeamManagementPage } from '../features/team-management/components/TeamManagementPage';
import { useAdminPage } from '../lib/useAdminPage';
import { usePageLanguage } from '../lib/usePageLanguage';

/** The top bar and, once signed in, the Team Access page with the help article beside it, or Team Management (#/team-management). */
export function App() {
  const { t } = useTranslation();
  const language = usePageLanguage();
  const session = useSession();
  const client = useGraphQLClient(session.token, language);
  const page = useAdminPage();

  // <html lang> follows i18next's languageChanged (features/language/i18n.ts); the title follows the catalogs.
  useEffect(() => {
    // i18n-dynamic: ui:pages.* (one key per AdminPage)
    document.title = `${t(`pages.${page}`)} · ${t('app.title')}`;
  }, [t, page]);

  return (
    <Provider value={client}>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <LanguageSwitcher />
      </header>
      <main className="main">
        {session.token ? (
          <TeamAccessPage
            onSignOut={session.signOut}
            helpPanel={<HelpPanel />}
            page={page}
            teamManagement={(isAdmin) => <TeamManagementPage isAdmin={isAdmin} />}
          />
        ) : (
          <SignIn errors={session.signInErrors} onSignIn={session.signIn} />
        )}
      </main>
    </Provider>
  );
}
