import type { ResultOf } from '@graphql-typed-document-node/core';
import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';

/** What the page shows of the Marketo connection: connected, the ten-minute wait (R2), workspaces on or off. */
export const MarketoConnectionStateFragment = graphql(`
  fragment MarketoConnectionState on MarketoConnection {
    connected
    ready
    readyAt
    retryAfterSeconds
    workspacesEnabled
  }
`);

export type MarketoConnectionState = ResultOf<typeof MarketoConnectionStateFragment>;

const MarketoConnectionQuery = graphql(`
  query MarketoConnection {
    marketoConnection {
      ...MarketoConnectionState
    }
  }
`);

export function useMarketoConnection() {
  // Depends on the clock (R2): never from urql's cache.
  const [{ data, error }, refetch] = useQuery({ query: MarketoConnectionQuery, requestPolicy: 'network-only' });
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return { connection: data?.marketoConnection, error, reload };
}
