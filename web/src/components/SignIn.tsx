import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../gql/graphql';
import { ErrorNotice } from './ErrorNotice';

interface DemoAccount {
  organization: string;
  name: string;
  role: Role;
  token: string;
}

/** In demo mode the server lists the demo accounts at /demo.json (404 otherwise); undefined until known. */
function useDemoAccounts(): DemoAccount[] | undefined {
  const [accounts, setAccounts] = useState<DemoAccount[]>();
  useEffect(() => {
    let cancelled = false;
    fetch('/demo.json')
      .then((response) => (response.ok ? (response.json() as Promise<{ accounts?: DemoAccount[] }>) : { accounts: [] }))
      .catch(() => ({ accounts: [] }))
      .then((body) => {
        if (!cancelled) setAccounts(body.accounts ?? []);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return accounts;
}

export function SignIn({ errors, onSignIn }: { errors: string[]; onSignIn: (token: string) => void }) {
  const { t } = useTranslation();
  const demoAccounts = useDemoAccounts();

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title" aria-busy={demoAccounts === undefined}>
      <h1 id="sign-in-title">{t('auth.signIn')}</h1>
      <ErrorNotice messages={errors} />
      {/* The form waits for the demo accounts: a prefill arriving later would land in what someone is typing. */}
      {demoAccounts && <TokenForm initialToken={demoAccounts[0]?.token ?? ''} onSignIn={onSignIn} />}
      {demoAccounts && demoAccounts.length > 0 && (
        <section className="demo-accounts" aria-labelledby="demo-accounts-title">
          <h2 id="demo-accounts-title">{t('auth.demoAccounts')}</h2>
          <ul>
            {demoAccounts.map((account) => (
              <li key={account.token}>
                <button type="button" onClick={() => onSignIn(account.token)}>
                  {t('auth.demoAccount', { name: account.name, role: t(`roles.${account.role}`), organization: account.organization })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

/** The API token field, prefilled with the demo admin's token in demo mode. */
function TokenForm({ initialToken, onSignIn }: { initialToken: string; onSignIn: (token: string) => void }) {
  const { t } = useTranslation();
  const tokenId = useId();
  const [token, setToken] = useState(initialToken);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };

  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor={tokenId}>{t('auth.apiToken')}</label>
        <input
          id={tokenId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </div>
      <button type="submit" className="primary">
        {t('auth.signIn')}
      </button>
    </form>
  );
}
