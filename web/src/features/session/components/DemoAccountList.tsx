import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../api/useDemoAccounts';

/** One sign-in button per demo account (demo mode only). */
export function DemoAccountList({ accounts, onSignIn }: { accounts: DemoAccount[]; onSignIn: (token: string) => void }) {
  const { t } = useTranslation();
  // i18n-dynamic: ui:roles.* (one key per Role; npm run i18n:check counts the family as used)
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('auth.demoAccounts')}</h2>
      <ul>
        {accounts.map((account) => (
          <li key={account.token}>
            <button type="button" onClick={() => onSignIn(account.token)}>
              {t('auth.demoAccount', { name: account.name, role: t(`roles.${account.role}`), organization: account.organization })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
