import type { ResultOf } from '@graphql-typed-document-node/core';
import type { CombinedError } from 'urql';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { Role } from '../../../gql/graphql';
import { newIdempotencyKey } from '../../../lib/idempotencyKey';

// The invited user's TeamUser (id, name) is what tells urql's cache that Team Access pages are out of date.
const InviteUsersMutation = graphql(`
  mutation InviteUsers($input: InviteUsersInput!) {
    inviteUsers(input: $input) {
      invitedCount
      errorCount
      results {
        __typename
        ... on UserInvited {
          index
          user {
            id
            name
            email
          }
        }
        ... on InviteUserError {
          index
          code
          i18nKey
          i18nParams
        }
      }
    }
  }
`);

type InviteResult = NonNullable<ResultOf<typeof InviteUsersMutation>['inviteUsers']>['results'][number];

export interface Invitee {
  name: string;
  email: string;
  role: Role;
}

/** What came of one invitee: added, or why not (a catalog key and its variables, so it follows the page's language). */
export type InviteeResult = { invitee: Invitee } & ({ kind: 'invited' } | { kind: 'error'; i18nKey: string; params: Record<string, unknown> });

export type InviteOutcome = { ok: true; results: InviteeResult[]; invitedCount: number; errorCount: number } | { ok: false; error: CombinedError | undefined };

function inviteeResultOf(result: InviteResult, invitees: Invitee[]): InviteeResult {
  const invitee = invitees[result.index];
  if (result.__typename === 'UserInvited') return { invitee, kind: 'invited' };
  return { invitee, kind: 'error', i18nKey: result.i18nKey, params: result.i18nParams };
}

/** Invites users to the organization (R1, R8); each invitee is added or refused on its own. */
export function useInviteUsers() {
  const [{ fetching }, mutate] = useMutation(InviteUsersMutation);
  const inviteUsers = async (invitees: Invitee[]): Promise<InviteOutcome> => {
    const result = await mutate({ input: { idempotencyKey: newIdempotencyKey(), users: invitees } });
    const payload = result.data?.inviteUsers;
    if (!payload) return { ok: false, error: result.error };
    return {
      ok: true,
      results: payload.results.map((item) => inviteeResultOf(item, invitees)),
      invitedCount: payload.invitedCount,
      errorCount: payload.errorCount,
    };
  };
  return { inviteUsers, inviting: fetching };
}
