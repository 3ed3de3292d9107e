import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  Environment,
  Network,
  RecordSource,
  Store,
  commitMutation,
  createOperationDescriptor,
  fetchQuery,
  type GraphQLResponse,
  type GraphQLTaggedNode,
  type MutationParameters,
  type OperationType,
} from 'relay-runtime';
import ConnectMarketoMutation, { type relayOperationsConnectMarketoMutation } from './relay/__generated__/relayOperationsConnectMarketoMutation.graphql';
import ConnectMutation, { type relayOperationsConnectMutation } from './relay/__generated__/relayOperationsConnectMutation.graphql';
import HelpArticleQuery, { type relayOperationsHelpArticleQuery } from './relay/__generated__/relayOperationsHelpArticleQuery.graphql';
import MarketoConnectionQuery, { type relayOperationsMarketoConnectionQuery } from './relay/__generated__/relayOperationsMarketoConnectionQuery.graphql';
import NodeQuery, { type relayOperationsNodeQuery } from './relay/__generated__/relayOperationsNodeQuery.graphql';
import TeamAccessQuery, { type relayOperationsTeamAccessQuery } from './relay/__generated__/relayOperationsTeamAccessQuery.graphql';
import { describeEachDatabase } from './support/each-database';
import { ensureMarketoReady, workspacesByName } from './support/fixtures';
import { DEMO_TOKENS, MODERN_CLIENT_ACCEPT, type TestServer } from './support/test-server';

/**
 * Relay's own runtime (relay-runtime 21) against the API, with artifacts made by relay-compiler from
 * test/relay/relayOperations.ts and schema/schema.graphql: what a Relay app does, and what its
 * normalized store needs (global ids, `node(id:)`, connections, payloads that return the changed objects).
 */
function relayEnvironment(server: TestServer, token: string | null): Environment {
  const network = Network.create(async (request, variables) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: MODERN_CLIENT_ACCEPT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: request.text, variables, operationName: request.name }),
    });
    return (await response.json()) as GraphQLResponse;
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}

/** Runs a query and keeps it in the store (a mounted component's retain), answering its data as the store reads it. */
async function fetchRetained<T extends OperationType>(environment: Environment, query: GraphQLTaggedNode, variables: T['variables']) {
  await fetchQuery<T>(environment, query, variables).toPromise();
  const operation = createOperationDescriptor(query as never, variables);
  environment.retain(operation);
  return { operation, read: () => environment.lookup(operation.fragment).data as T['response'] };
}

function commit<T extends MutationParameters>(environment: Environment, mutation: GraphQLTaggedNode, variables: T['variables']): Promise<T['response']> {
  return new Promise((resolve, reject) => {
    commitMutation<T>(environment, {
      mutation,
      variables,
      onCompleted: (response, errors) => (errors?.length ? reject(new Error(JSON.stringify(errors))) : resolve(response)),
      onError: reject,
    });
  });
}

describe('the Relay artifacts', () => {
  it('are current: relay-compiler --validate finds nothing to change against schema/schema.graphql', () => {
    const compiler = join(require.resolve('relay-compiler/package.json'), '..', 'cli.js');
    // Throws (exit 2) with the artifacts to regenerate (`npm run relay`) when the operations or the schema changed.
    expect(() => execFileSync(process.execPath, [compiler, '--validate'], { cwd: join(__dirname, '..', '..', 'test', 'relay'), stdio: 'pipe' })).not.toThrow();
  });
});

describeEachDatabase('Relay (relay-runtime’s normalized store)', (server) => {
  it('updates a Team Access row in the store from connectMarketoUsers, without a refetch, and answers a repeated id with DUPLICATE at its position', async () => {
    await ensureMarketoReady(server(), DEMO_TOKENS.acmeAdmin);
    const relay = relayEnvironment(server(), DEMO_TOKENS.acmeAdmin);
    const team = await fetchRetained<relayOperationsTeamAccessQuery>(relay, TeamAccessQuery, { first: 100, status: 'NOT_CONNECTED' });
    const user = team.read().teamAccess!.edges[0].node;
    expect(user.marketoAccess.status).toBe('NOT_CONNECTED');
    const notified: string[] = [];
    relay.subscribe(relay.lookup(team.operation.fragment), (snapshot) => {
      const row = (snapshot.data as relayOperationsTeamAccessQuery['response']).teamAccess!.edges.find((edge) => edge.node.id === user.id);
      notified.push(row!.node.marketoAccess.status);
    });

    const emea = (await workspacesByName(server(), DEMO_TOKENS.acmeAdmin)).EMEA;
    const payload = await commit<relayOperationsConnectMutation>(relay, ConnectMutation, {
      input: { assignments: [{ userIds: [user.id, user.id], workspaceIds: [emea] }] },
    });
    expect(payload.connectMarketoUsers!.results.map((result) => [result.__typename, result.index, result.code])).toEqual([
      ['MarketoAccessGranted', 0, undefined],
      ['UserAccessError', 1, 'DUPLICATE'],
    ]);

    const statements = await server().statements.during(async () => {
      const row = team.read().teamAccess!.edges.find((edge) => edge.node.id === user.id)!.node;
      expect(row.marketoAccess).toEqual({ status: 'CONNECTED', workspaces: [{ id: emea, name: 'EMEA' }] });
    });
    expect(statements).toEqual([]);
    expect(notified).toEqual(['CONNECTED']);
  });

  it('refetches any object by node(id:), and reads another organization’s id as null', async () => {
    const relay = relayEnvironment(server(), DEMO_TOKENS.acmeAdmin);
    const team = await fetchRetained<relayOperationsTeamAccessQuery>(relay, TeamAccessQuery, { first: 5 });
    const someone = team.read().teamAccess!.edges[1].node;
    const byNode = await fetchRetained<relayOperationsNodeQuery>(relay, NodeQuery, { id: someone.id });
    expect(byNode.read().node).toMatchObject({ __typename: 'TeamUser', id: someone.id, name: someone.name });
    // One record per id: the row of the page and the node are the same record in the store.
    expect(relay.getStore().getSource().get(someone.id)).toMatchObject({ __typename: 'TeamUser', name: someone.name });

    const globexUser = (
      await fetchRetained<relayOperationsTeamAccessQuery>(relayEnvironment(server(), DEMO_TOKENS.globexAdmin), TeamAccessQuery, { first: 1 })
    ).read().teamAccess!.edges[0].node;
    const foreign = await fetchRetained<relayOperationsNodeQuery>(relay, NodeQuery, { id: globexUser.id });
    expect(foreign.read().node).toBeNull();
  });

  it('keeps the English and the Swedish help article apart in one store', async () => {
    const relay = relayEnvironment(server(), null);
    const en = (await fetchRetained<relayOperationsHelpArticleQuery>(relay, HelpArticleQuery, { locale: 'en' })).read;
    const sv = (await fetchRetained<relayOperationsHelpArticleQuery>(relay, HelpArticleQuery, { locale: 'sv' })).read;
    expect([en().helpArticle!.locale, sv().helpArticle!.locale]).toEqual(['en', 'sv']);
    expect(en().helpArticle!.topic).toBe(sv().helpArticle!.topic);
    expect(en().helpArticle!.id).not.toBe(sv().helpArticle!.id);
    expect(en().helpArticle!.title).not.toBe(sv().helpArticle!.title);
  });

  it('updates the stored Marketo connection from connectMarketo', async () => {
    const relay = relayEnvironment(server(), DEMO_TOKENS.globexAdmin);
    const connection = await fetchRetained<relayOperationsMarketoConnectionQuery>(relay, MarketoConnectionQuery, {});
    expect(connection.read().marketoConnection).toMatchObject({ connected: false });
    const payload = await commit<relayOperationsConnectMarketoMutation>(relay, ConnectMarketoMutation, { input: { workspacesEnabled: false } });
    expect(payload.connectMarketo!.id).toBe(connection.read().marketoConnection!.id);
    expect(connection.read().marketoConnection).toMatchObject({ connected: true, workspacesEnabled: false });
  });
});
