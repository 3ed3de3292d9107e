import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { newIdempotencyKey } from '../../../lib/idempotencyKey';
import { rowResultsOf, type AccessActionOutcome } from './userResults';

const ConnectMarketoUsersMutation = graphql(`
  mutation ConnectMarketoUsers($input: ConnectMarketoUsersInput!) {
    connectMarketoUsers(input: $input) {
      connectedCount
      unchangedCount
      errorCount
      results {
        ...UserResult
      }
    }
  }
`);

/** Grants users access (R3), in the chosen workspaces (R4); none chosen means the Default one (R5). */
export function useConnectMarketoUsers() {
  const [{ fetching }, mutate] = useMutation(ConnectMarketoUsersMutation);
  const connectUsers = async (userIds: string[], workspaceIds: string[]): Promise<AccessActionOutcome> => {
    const assignment = { userIds, workspaceIds: workspaceIds.length > 0 ? workspaceIds : null };
    const result = await mutate({ input: { idempotencyKey: newIdempotencyKey(), assignments: [assignment] } });
    const payload = result.data?.connectMarketoUsers;
    if (!payload) return { ok: false, error: result.error };
    return {
      ok: true,
      rowResults: rowResultsOf(payload.results),
      summary: { action: 'connect', connected: payload.connectedCount, unchanged: payload.unchangedCount, errors: payload.errorCount },
    };
  };
  return { connectUsers, connecting: fetching };
}
