import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useDemoAccounts } from '../api/useDemoAccounts';
import { DemoAccountList } from './DemoAccountList';
import { TokenForm } from './TokenForm';

export function SignIn({ errors, onSignIn }: { errors: string[]; onSignIn: (token: string) => void }) {
  const { t } = useTranslation();
  const demoAccounts = useDemoAccounts();

  return (
    <section className="card sign-in" aria-labelledby="sign-in-title" aria-busy={demoAccounts === undefined}>
      <h1 id="sign-in-title">{t('auth.signIn')}</h1>
      <ErrorNotice messages={errors} />
      {/* The form waits for the demo accounts: a prefill arriving later would land in what someone is typing. */}
      {demoAccounts && <TokenForm initialToken={demoAccounts[0]?.token ?? ''} onSignIn={onSignIn} />}
      {demoAccounts && demoAccounts.length > 0 && <DemoAccountList accounts={demoAccounts} onSignIn={onSignIn} />}
    </section>
  );
}
