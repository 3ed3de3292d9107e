import type { ResultOf } from '@graphql-typed-document-node/core';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      unlockedFeatures
      user {
        id
        name
      }
      organization {
        id
        name
      }
    }
  }
`);

export type Viewer = ResultOf<typeof ViewerQuery>['viewer'];

/** Who is signed in: their role decides what the page offers (R9), their features what access unlocked (R7). */
export function useViewer() {
  const [{ data, error }] = useQuery({ query: ViewerQuery });
  return { viewer: data?.viewer, error };
}
