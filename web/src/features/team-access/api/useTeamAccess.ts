import type { ResultOf } from '@graphql-typed-document-node/core';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { MarketoAccessStatus } from '../../../gql/graphql';

export const PAGE_SIZE = 20;

// Users invited on Team Management come back as TeamUser: any such mutation drops the cached pages, even a page that listed no one.
const QUERY_CONTEXT = { additionalTypenames: ['TeamUser'] };

const TeamAccessQuery = graphql(`
  query TeamAccess($first: Int, $after: String, $search: String, $status: MarketoAccessStatus) {
    teamAccess(first: $first, after: $after, search: $search, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          role
          marketoAccess {
            status
            grantedAt
            grantedBy {
              id
              name
            }
            workspaces {
              id
              name
              isDefault
            }
          }
        }
      }
    }
  }
`);

type TeamPage = NonNullable<ResultOf<typeof TeamAccessQuery>['teamAccess']>;
export type TeamUser = TeamPage['edges'][number]['node'];

export interface TeamAccessRequest {
  /** The `endCursor` of the page before, null for the first page. */
  after: string | null;
  /** Name or e-mail, any case; empty for everyone. */
  search: string;
  /** Empty for any status. */
  status: MarketoAccessStatus | '';
}

/** One page of the Team Access list (R1: invited users only). */
export function useTeamAccess({ after, search, status }: TeamAccessRequest) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: TeamAccessQuery,
    variables: { first: PAGE_SIZE, after, search: search || null, status: status || null },
    context: QUERY_CONTEXT,
  });
  // After a change: the list must show it, not urql's cached page.
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const page = data?.teamAccess ?? undefined;
  return { page, users: page?.edges.map((edge) => edge.node) ?? [], fetching, error, reload };
}
