import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketoConnectionState } from '../api/useMarketoConnection';
import { Countdown } from './Countdown';
import { MarketoNotConnected } from './MarketoNotConnected';

interface Props {
  connection: MarketoConnectionState;
  isAdmin: boolean;
  /** The connection changed, or may have: read it again. */
  onChanged: () => void;
}

/** The state of the product's Marketo connection: not connected (with a way for admins to connect), the ten-minute wait (R2), workspaces off. */
export function MarketoConnectionPanel({ connection, isAdmin, onChanged }: Props) {
  const { t } = useTranslation();
  const waiting = connection.connected && !connection.ready;
  // "Connection ready" is announced only to someone who saw the wait. Remembered by setting state while
  // rendering, React's way to keep what an earlier render saw (an effect would render everything twice).
  const [sawWait, setSawWait] = useState(waiting);
  if (waiting && !sawWait) setSawWait(true);

  if (!connection.connected) return <MarketoNotConnected isAdmin={isAdmin} onConnected={onChanged} />;
  return (
    <>
      {waiting && <Countdown seconds={connection.retryAfterSeconds ?? 0} onReady={onChanged} />}
      <div role="status" className="live">
        {sawWait && connection.ready && <p className="notice notice-success">{t('notices.connectionReady')}</p>}
      </div>
      {!connection.workspacesEnabled && <p className="notice">{t('notices.workspacesDisabled')}</p>}
    </>
  );
}
