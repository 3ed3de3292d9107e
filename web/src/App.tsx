import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { createClient } from './client';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { SignIn } from './components/SignIn';
import { TeamAccessPage } from './components/TeamAccessPage';
import { currentLanguage } from './i18n';

const TOKEN_KEY = 'apiToken';

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the session lasts as long as the page
  }
}

export function App() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [token, setToken] = useState<string | null>(storedToken);
  const [signInError, setSignInError] = useState<string[]>([]);
  const client = useMemo(() => createClient(token, language), [token, language]);

  // <html lang> follows i18next's languageChanged (i18n.ts); the title follows the catalogs.
  useEffect(() => {
    document.title = `${t('pages.teamAccess')} · ${t('app.title')}`;
  }, [t]);

  const signIn = useCallback((newToken: string) => {
    storeToken(newToken);
    setSignInError([]);
    setToken(newToken);
  }, []);

  /** Sign out, or be signed out by the server (with its message). */
  const signOut = useCallback((messages: string[] = []) => {
    storeToken(null);
    setSignInError(messages);
    setToken(null);
  }, []);

  return (
    <Provider value={client}>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <LanguageSwitcher />
      </header>
      <main className="main">
        {token ? <TeamAccessPage onSignOut={signOut} /> : <SignIn errors={signInError} onSignIn={signIn} />}
      </main>
    </Provider>
  );
}
