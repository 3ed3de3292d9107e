import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorMessages } from '../../../lib/graphqlErrors';
import { useConnectMarketo } from '../api/useConnectMarketo';

/** Connects the organization with Marketo, with workspaces (named, comma-separated) or without. */
export function ConnectMarketoForm({ onConnected }: { onConnected: () => void }) {
  const { t } = useTranslation();
  const namesId = useId();
  const [workspacesEnabled, setWorkspacesEnabled] = useState(false);
  const [names, setNames] = useState('');
  const [error, setError] = useState<CombinedError>();
  const { connectMarketo, connecting } = useConnectMarketo();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const workspaceNames = workspacesEnabled
      ? names
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : [];
    setError(await connectMarketo(workspacesEnabled, workspaceNames));
    // Connected now, or already connected by someone else (MARKETO_ALREADY_CONNECTED): either way, read the connection again.
    onConnected();
  };

  return (
    <>
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
      <ErrorNotice messages={errorMessages(error, t)} />
    </>
  );
}
