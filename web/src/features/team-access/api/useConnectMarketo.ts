import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../../gql';

const ConnectMarketoMutation = graphql(`
  mutation ConnectMarketo($input: ConnectMarketoInput!) {
    connectMarketo(input: $input) {
      ...MarketoConnectionState
    }
  }
`);

/** Connects the organization with Marketo (admins); resolves to the error, if any. */
export function useConnectMarketo() {
  const [{ fetching }, mutate] = useMutation(ConnectMarketoMutation);
  const connectMarketo = async (workspacesEnabled: boolean, workspaceNames: string[]): Promise<CombinedError | undefined> => {
    const result = await mutate({ input: { workspacesEnabled, workspaceNames } });
    return result.error;
  };
  return { connectMarketo, connecting: fetching };
}
