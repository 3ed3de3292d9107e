import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { MarketoAccessStatus } from '../../../gql/graphql';
import { errorCode, errorMessages } from '../../../lib/graphqlErrors';
import { usePageLanguage } from '../../../lib/usePageLanguage';
import { useConnectMarketoUsers } from '../api/useConnectMarketoUsers';
import { useDisconnectMarketoUsers } from '../api/useDisconnectMarketoUsers';
import type { MarketoConnectionState } from '../api/useMarketoConnection';
import { useWorkspaceOptions } from '../api/useMarketoWorkspaces';
import { useTeamAccess } from '../api/useTeamAccess';
import type { AccessActionOutcome, ActionSummary, RowResult } from '../api/userResults';
import { formatList } from '../utils/formatList';

const SEARCH_DELAY_MS = 250;

interface Props {
  connection: MarketoConnectionState;
  isAdmin: boolean;
  /** The connection turned out not to be ready (or not connected): read it again. */
  onConnectionError: () => void;
}

/** The Team Access list: search, status filter, paging, selection, the Workspace drop-down, Connect and Disconnect with per-user results. */
export function TeamTable({ connection, isAdmin, onConnectionError }: Props) {
  const { t } = useTranslation();
  const language = usePageLanguage();
  const ids = { search: useId(), status: useId(), workspace: useId(), workspaceHint: useId(), adminsOnly: useId() };

  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MarketoAccessStatus | ''>('');
  // cursors[i] is the `after` of page i + 1; the last one is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = searchText.trim();
      if (next !== search) {
        setSearch(next);
        setCursors([null]);
      }
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, search]);

  const team = useTeamAccess({ after: cursors[cursors.length - 1], search, status });
  const workspacesEnabled = connection.connected && connection.workspacesEnabled;
  const workspaceOptions = useWorkspaceOptions(workspacesEnabled);

  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [workspaceIds, setWorkspaceIds] = useState<string[]>([]);
  const [results, setResults] = useState<ReadonlyMap<string, RowResult>>(new Map());
  const [summary, setSummary] = useState<ActionSummary>();
  const [actionError, setActionError] = useState<CombinedError>();
  const { connectUsers, connecting } = useConnectMarketoUsers();
  const { disconnectUsers, disconnecting } = useDisconnectMarketoUsers();
  const busy = connecting || disconnecting;

  const page = team.page;
  const rows = team.users;
  const allOnPageSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const someOnPageSelected = rows.some((row) => selected.has(row.id));

  const toggle = (users: { id: string; name: string }[], on: boolean) =>
    setSelected((previous) => {
      const next = new Map(previous);
      for (const user of users) {
        if (on) next.set(user.id, user.name);
        else next.delete(user.id);
      }
      return next;
    });

  const run = async (action: () => Promise<AccessActionOutcome>) => {
    setSummary(undefined);
    setActionError(undefined);
    const outcome = await action();
    if (!outcome.ok) {
      setActionError(outcome.error);
      const code = errorCode(outcome.error);
      if (code === 'MARKETO_CONNECTION_NOT_READY' || code === 'MARKETO_NOT_CONNECTED') onConnectionError();
      return;
    }
    setResults((previous) => new Map([...previous, ...outcome.rowResults]));
    setSummary(outcome.summary);
    setSelected(new Map());
    setWorkspaceIds([]);
    team.reload();
  };
  const connect = () => run(() => connectUsers([...selected.keys()], workspaceIds));
  const disconnect = () => run(() => disconnectUsers([...selected.keys()]));

  const summaryText = !summary
    ? ''
    : summary.action === 'connect'
      ? [t('counts.usersConnected', { count: summary.connected }), t('counts.usersUnchanged', { count: summary.unchanged }), t('counts.errors', { count: summary.errors })].join(' · ')
      : [t('counts.usersDisconnected', { count: summary.disconnected }), t('counts.errors', { count: summary.errors })].join(' · ');

  const selectedWorkspaceNames = workspaceOptions.filter((workspace) => workspaceIds.includes(workspace.id)).map((workspace) => workspace.name);

  return (
    <>
      <div className="filters">
        <div className="field">
          <label htmlFor={ids.search}>{t('search.label')}</label>
          <input id={ids.search} type="search" placeholder={t('search.placeholder')} value={searchText} onChange={(event) => setSearchText(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('status.label')}</label>
          <select
            id={ids.status}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as MarketoAccessStatus | '');
              setCursors([null]);
            }}
          >
            <option value="">{t('status.all')}</option>
            <option value="CONNECTED">{t('status.CONNECTED')}</option>
            <option value="NOT_CONNECTED">{t('status.NOT_CONNECTED')}</option>
          </select>
        </div>
      </div>

      <div className="toolbar">
        {workspacesEnabled && isAdmin && (
          <div className="field workspace">
            <div className="label-row">
              <label htmlFor={ids.workspace}>{t('workspace.dropdown')}</label>
              <span className="tag">{t('workspace.optionalStep')}</span>
            </div>
            <select
              id={ids.workspace}
              multiple
              size={Math.min(4, Math.max(2, workspaceOptions.length))}
              value={workspaceIds}
              aria-describedby={ids.workspaceHint}
              onChange={(event) => setWorkspaceIds(Array.from(event.target.selectedOptions, (option) => option.value))}
            >
              {workspaceOptions.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
            <p id={ids.workspaceHint} className="hint">
              {selectedWorkspaceNames.length > 0 ? t('workspace.selected', { names: formatList(selectedWorkspaceNames, language) }) : t('workspace.selectedNone')}{' '}
              {t('workspace.multiHint')}
            </p>
          </div>
        )}
        <div className="actions">
          {isAdmin && <p className="selected-count">{t('counts.usersSelected', { count: selected.size })}</p>}
          <button
            type="button"
            className="primary"
            disabled={!isAdmin || busy || selected.size === 0 || !connection.ready}
            aria-describedby={isAdmin ? undefined : ids.adminsOnly}
            onClick={connect}
          >
            {t('actions.connect')}
          </button>
          <button type="button" disabled={!isAdmin || busy || selected.size === 0} aria-describedby={isAdmin ? undefined : ids.adminsOnly} onClick={disconnect}>
            {t('actions.disconnect')}
          </button>
        </div>
        {!isAdmin && (
          <p id={ids.adminsOnly} className="notice">
            {t('notices.adminsOnly')}
          </p>
        )}
      </div>

      <div role="status" aria-live="polite" className="summary">
        {summaryText}
      </div>
      <ErrorNotice messages={[...errorMessages(actionError, t), ...errorMessages(team.error, t)]} />

      <div className="table-wrap">
        <table aria-busy={team.fetching}>
          <caption>{page ? t('counts.users', { count: page.totalCount }) : t('app.loading')}</caption>
          <thead>
            <tr>
              {isAdmin && (
                <th scope="col" className="select">
                  <input
                    type="checkbox"
                    aria-label={t('actions.selectAll')}
                    checked={allOnPageSelected}
                    ref={(input) => {
                      if (input) input.indeterminate = someOnPageSelected && !allOnPageSelected;
                    }}
                    disabled={rows.length === 0}
                    onChange={(event) => toggle(rows, event.target.checked)}
                  />
                </th>
              )}
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.email')}</th>
              <th scope="col">{t('columns.role')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.workspaces')}</th>
              <th scope="col">{t('columns.result')}</th>
            </tr>
          </thead>
          <tbody>
            {page && rows.length === 0 && (
              <tr>
                <td colSpan={isAdmin ? 7 : 6} className="empty">
                  {t('teamAccess.empty')}
                </td>
              </tr>
            )}
            {rows.map((user) => {
              const result = results.get(user.id);
              return (
                <tr key={user.id} className={selected.has(user.id) ? 'selected' : undefined}>
                  {isAdmin && (
                    <td className="select">
                      <input
                        type="checkbox"
                        aria-label={t('actions.selectUser', { name: user.name })}
                        checked={selected.has(user.id)}
                        onChange={(event) => toggle([user], event.target.checked)}
                      />
                    </td>
                  )}
                  <th scope="row">{user.name}</th>
                  <td className="email">{user.email}</td>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>
                    <span className={`badge badge-${user.marketoAccess.status.toLowerCase()}`}>{t(`status.${user.marketoAccess.status}`)}</span>
                  </td>
                  <td>{user.marketoAccess.workspaces.map((workspace) => (workspace.isDefault ? t('workspace.default') : workspace.name)).join(', ')}</td>
                  <td className={`result result-${result?.kind ?? 'none'}`}>
                    {result && (result.kind === 'error' ? t(result.code, { ...result.params, ns: 'errors' }) : t(`results.${result.kind}`))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <nav className="pagination" aria-label={t('teamAccess.pagination')}>
        <button type="button" disabled={cursors.length === 1} onClick={() => setCursors((previous) => previous.slice(0, -1))}>
          {t('actions.previous')}
        </button>
        <span>{t('teamAccess.page', { page: cursors.length })}</span>
        <button
          type="button"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => {
            const endCursor = page?.pageInfo.endCursor;
            if (endCursor) setCursors((previous) => [...previous, endCursor]);
          }}
        >
          {t('actions.next')}
        </button>
      </nav>
    </>
  );
}
