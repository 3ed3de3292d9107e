import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorMessages } from '../../../lib/graphqlErrors';
import { useConnectMarketo } from '../api/useConnectMarketo';
import type { MarketoConnectionState } from '../api/useMarketoConnection';

/** The state of the product's Marketo connection: not connected (with a way for admins to connect), the ten-minute wait (R2), workspaces off. */
export function MarketoConnectionPanel({ connection, isAdmin, onChanged }: { connection: MarketoConnectionState; isAdmin: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [waited, setWaited] = useState(false);
  const waiting = connection.connected && !connection.ready;
  useEffect(() => {
    if (waiting) setWaited(true);
  }, [waiting]);

  if (!connection.connected) return <NotConnected isAdmin={isAdmin} onConnected={onChanged} />;
  return (
    <>
      {waiting && <Countdown seconds={connection.retryAfterSeconds ?? 0} onReady={onChanged} />}
      <div role="status" className="live">
        {waited && connection.ready && <p className="notice notice-success">{t('notices.connectionReady')}</p>}
      </div>
      {!connection.workspacesEnabled && <p className="notice">{t('notices.workspacesDisabled')}</p>}
    </>
  );
}

function NotConnected({ isAdmin, onConnected }: { isAdmin: boolean; onConnected: () => void }) {
  const { t } = useTranslation();
  const namesId = useId();
  const [workspacesEnabled, setWorkspacesEnabled] = useState(false);
  const [names, setNames] = useState('');
  const [error, setError] = useState<CombinedError>();
  const { connectMarketo, connecting } = useConnectMarketo();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const workspaceNames = workspacesEnabled ? names.split(',').map((name) => name.trim()).filter(Boolean) : [];
    setError(await connectMarketo(workspacesEnabled, workspaceNames));
    // Connected now, or already connected by someone else (MARKETO_ALREADY_CONNECTED): either way, read the connection again.
    onConnected();
  };

  return (
    <div className="notice notice-warning">
      <p>{t('notices.marketoNotConnected')}</p>
      {isAdmin && (
        <form className="connect-marketo" onSubmit={submit}>
          <label className="check">
            <input type="checkbox" checked={workspacesEnabled} onChange={(event) => setWorkspacesEnabled(event.target.checked)} />
            {t('connection.workspacesEnabled')}
          </label>
          {workspacesEnabled && (
            <div className="field">
              <label htmlFor={namesId}>{t('connection.workspaceNames')}</label>
              <input id={namesId} type="text" value={names} onChange={(event) => setNames(event.target.value)} />
            </div>
          )}
          <button type="submit" className="primary" disabled={connecting}>
            {t('actions.connectMarketo')}
          </button>
        </form>
      )}
      <ErrorNotice messages={errorMessages(error, t)} />
    </div>
  );
}

/** R2: access can be granted ten minutes after connecting. Counts down from the server's retryAfterSeconds. */
function Countdown({ seconds, onReady }: { seconds: number; onReady: () => void }) {
  const { t } = useTranslation();
  // A new answer from the server (seconds) restarts the count.
  const deadline = useMemo(() => Date.now() + seconds * 1000, [seconds]);
  const [now, setNow] = useState(() => Date.now());
  const remaining = Math.max(0, Math.ceil((deadline - now) / 1000));

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (remaining > 0) return;
    // Ask the server until it says ready (its clock decides).
    onReady();
    const timer = setInterval(onReady, 2000);
    return () => clearInterval(timer);
  }, [remaining, onReady]);

  const clock = `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`;
  return (
    <div className="notice notice-warning">
      <p>{t('notices.waitBeforeGranting', { count: Math.max(1, Math.ceil(remaining / 60)) })}</p>
      <p role="timer" className="countdown">
        {t('notices.timeLeft', { time: clock })}
      </p>
    </div>
  );
}
