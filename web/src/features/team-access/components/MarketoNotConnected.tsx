import { useTranslation } from 'react-i18next';
import { ConnectMarketoForm } from './ConnectMarketoForm';

/** Marketo is not connected: members are told so, admins can connect it here. */
export function MarketoNotConnected({ isAdmin, onConnected }: { isAdmin: boolean; onConnected: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning">
      <p>{t('notices.marketoNotConnected')}</p>
      {isAdmin && <ConnectMarketoForm onConnected={onConnected} />}
    </div>
  );
}
