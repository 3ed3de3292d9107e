import { useTranslation } from 'react-i18next';
import type { ActionSummary } from '../api/userResults';

/** The counts of the last Connect or Disconnect, announced when they change. */
export function ActionCounts({ summary }: { summary: ActionSummary | undefined }) {
  const { t } = useTranslation();
  const counts = !summary
    ? []
    : summary.action === 'connect'
      ? [
          t('counts.usersConnected', { count: summary.connected }),
          t('counts.usersUnchanged', { count: summary.unchanged }),
          t('counts.errors', { count: summary.errors }),
        ]
      : [t('counts.usersDisconnected', { count: summary.disconnected }), t('counts.errors', { count: summary.errors })];

  return (
    <div role="status" aria-live="polite" className="summary">
      {counts.join(' · ')}
    </div>
  );
}
