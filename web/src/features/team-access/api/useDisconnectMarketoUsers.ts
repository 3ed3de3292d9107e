import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { newIdempotencyKey } from '../../../lib/idempotencyKey';
import { rowResultsOf, type AccessActionOutcome } from './userResults';

const DisconnectMarketoUsersMutation = graphql(`
  mutation DisconnectMarketoUsers($input: DisconnectMarketoUsersInput!) {
    disconnectMarketoUsers(input: $input) {
      disconnectedCount
      errorCount
      results {
        ...UserResult
      }
    }
  }
`);

/** Removes users' access, workspaces and all (R6: the way to change them). */
export function useDisconnectMarketoUsers() {
  const [{ fetching }, mutate] = useMutation(DisconnectMarketoUsersMutation);
  const disconnectUsers = async (userIds: string[]): Promise<AccessActionOutcome> => {
    const result = await mutate({ input: { idempotencyKey: newIdempotencyKey(), userIds } });
    const payload = result.data?.disconnectMarketoUsers;
    if (!payload) return { ok: false, error: result.error };
    return {
      ok: true,
      rowResults: rowResultsOf(payload.results),
      summary: { action: 'disconnect', disconnected: payload.disconnectedCount, errors: payload.errorCount },
    };
  };
  return { disconnectUsers, disconnecting: fetching };
}
