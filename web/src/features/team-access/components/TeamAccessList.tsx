import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorMessages } from '../../../lib/graphqlErrors';
import type { MarketoConnectionState } from '../api/useMarketoConnection';
import { useWorkspaceOptions } from '../api/useMarketoWorkspaces';
import { PAGE_SIZE, useTeamAccess } from '../api/useTeamAccess';
import { useAccessActions } from '../hooks/useAccessActions';
import { useTeamListParams } from '../hooks/useTeamListParams';
import { useUserSelection } from '../hooks/useUserSelection';
import { AccessActions } from './AccessActions';
import { ActionCounts } from './ActionCounts';
import { Pagination } from './Pagination';
import { TeamFilters } from './TeamFilters';
import { TeamTable } from './TeamTable';
import { WorkspacePicker } from './WorkspacePicker';

interface Props {
  connection: MarketoConnectionState;
  isAdmin: boolean;
  /** The connection turned out not to be ready (or not connected): read it again. */
  onConnectionError: () => void;
}

/** The Team Access list: search, status filter, paging, selection, the Workspace drop-down, Connect and Disconnect with per-user results. */
export function TeamAccessList({ connection, isAdmin, onConnectionError }: Props) {
  const { t } = useTranslation();
  const params = useTeamListParams();
  const team = useTeamAccess(params.request);
  const { selection, connectedCount, setSelected, clearSelection } = useUserSelection();
  const workspacesEnabled = connection.connected && connection.workspacesEnabled;
  const workspaceOptions = useWorkspaceOptions(workspacesEnabled);
  const [workspaceIds, setWorkspaceIds] = useState<string[]>([]);
  const actions = useAccessActions({
    onSucceeded: () => {
      clearSelection();
      setWorkspaceIds([]);
      team.reload();
    },
    onConnectionError,
  });

  return (
    <>
      <TeamFilters searchText={params.searchText} onSearchTextChange={params.setSearchText} status={params.status} onStatusChange={params.setStatus} />
      <div className="toolbar">
        {workspacesEnabled && isAdmin && <WorkspacePicker options={workspaceOptions} selectedIds={workspaceIds} onChange={setWorkspaceIds} />}
        <AccessActions
          isAdmin={isAdmin}
          selectedCount={selection.size}
          connectedSelectedCount={connectedCount}
          busy={actions.busy}
          connectionReady={connection.ready}
          onConnect={() => actions.connect([...selection.keys()], workspaceIds)}
          onDisconnect={() => actions.disconnect([...selection.keys()])}
        />
      </div>
      <ActionCounts summary={actions.summary} />
      <ErrorNotice messages={[...errorMessages(actions.error, t), ...errorMessages(team.error, t)]} />
      <TeamTable
        users={team.users}
        totalCount={team.page?.totalCount}
        fetching={team.fetching}
        isAdmin={isAdmin}
        selection={selection}
        rowResults={actions.rowResults}
        onSelect={setSelected}
      />
      <Pagination
        pageNumber={params.pageNumber}
        pageInfo={team.page?.pageInfo}
        totalCount={team.page?.totalCount}
        pageSize={PAGE_SIZE}
        onPrevious={params.goToPreviousPage}
        onNext={params.goToNextPage}
      />
    </>
  );
}
