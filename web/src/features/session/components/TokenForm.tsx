import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The API token field, prefilled with the demo admin's token in demo mode. */
export function TokenForm({ initialToken, onSignIn }: { initialToken: string; onSignIn: (token: string) => void }) {
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
        <input id={tokenId} type="password" autoComplete="off" spellCheck={false} required value={token} onChange={(event) => setToken(event.target.value)} />
      </div>
      <button type="submit" className="primary">
        {t('auth.signIn')}
      </button>
    </form>
  );
}
