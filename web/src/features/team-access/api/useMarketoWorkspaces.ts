import { useQuery } from 'urql';
import { graphql } from '../../../gql';

const MarketoWorkspacesQuery = graphql(`
  query MarketoWorkspaces {
    marketoWorkspaces {
      id
      name
      isDefault
    }
  }
`);

export interface WorkspaceOption {
  id: string;
  name: string;
}

/**
 * The workspaces an admin can pick (R4), asked for only when the subscription has them. The Default
 * workspace is not offered: choosing none means it (R5).
 */
export function useWorkspaceOptions(workspacesEnabled: boolean): WorkspaceOption[] {
  const [{ data }] = useQuery({ query: MarketoWorkspacesQuery, pause: !workspacesEnabled });
  return (data?.marketoWorkspaces ?? []).filter((workspace) => !workspace.isDefault);
}
