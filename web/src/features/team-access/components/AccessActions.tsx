import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  isAdmin: boolean;
  selectedCount: number;
  /** How many of the selected users are connected: Disconnect has nothing to do without one. */
  connectedSelectedCount: number;
  /** A Connect or Disconnect is under way. */
  busy: boolean;
  /** R2: Connect waits until ten minutes after Marketo was connected. */
  connectionReady: boolean;
  onConnect: () => void;
  onDisconnect: () => void;
}

/** The selected count, Connect and Disconnect; members see the buttons disabled, with the reason (R9). */
export function AccessActions({ isAdmin, selectedCount, connectedSelectedCount, busy, connectionReady, onConnect, onDisconnect }: Props) {
  const { t } = useTranslation();
  const adminsOnlyId = useId();
  const describedBy = isAdmin ? undefined : adminsOnlyId;
  const cannotAct = !isAdmin || busy || selectedCount === 0;

  return (
    <>
      <div className="actions">
        {isAdmin && <p className="selected-count">{t('counts.usersSelected', { count: selectedCount })}</p>}
        <button type="button" className="primary" disabled={cannotAct || !connectionReady} aria-describedby={describedBy} onClick={onConnect}>
          {t('actions.connect')}
        </button>
        <button type="button" disabled={cannotAct || connectedSelectedCount === 0} aria-describedby={describedBy} onClick={onDisconnect}>
          {t('actions.disconnect')}
        </button>
      </div>
      {!isAdmin && (
        <p id={adminsOnlyId} className="notice">
          {t('notices.adminsOnly')}
        </p>
      )}
    </>
  );
}
