import { describeEachDatabase } from './support/each-database';
import { allTeamUsers, connectMarketo, workspacesByName } from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { kinds, withoutBucketLevel } from './support/responses';
import { DEMO_TOKENS, type GraphQLResponse } from './support/test-server';

const MISSING = '00000000-0000-7000-8000-00000000abcd';
const asGlobex = { token: DEMO_TOKENS.globexAdmin };

/** The response with one id replaced by a placeholder, so answers about two ids can be compared. */
const withoutId = (response: GraphQLResponse, id: string) => JSON.stringify(withoutBucketLevel(response)).split(id).join('<id>');

describeEachDatabase("tenant isolation: another organization's ids behave exactly like ids that do not exist", (server) => {
  let acmeUser: string;
  let acmeConnectedUser: string;
  let acmeWorkspace: string;

  beforeAll(async () => {
    const acme = await allTeamUsers(server());
    acmeUser = acme.find((user) => user.marketoAccess.status === 'NOT_CONNECTED')!.id;
    acmeConnectedUser = acme.find((user) => user.marketoAccess.status === 'CONNECTED')!.id;
    acmeWorkspace = (await workspacesByName(server())).EMEA;
    await connectMarketo(server(), DEMO_TOKENS.globexAdmin, { workspacesEnabled: true, workspaceNames: ['Sales'] });
    server().clock.advance(11 * 60_000);
  });

  const cases: [string, (id: string) => [string, Record<string, unknown>]][] = [
    ['connectMarketoUsers with a user id', (id) => [CONNECT, { input: { assignments: [{ userIds: [id] }] } }]],
    ['disconnectMarketoUsers with a user id', (id) => [DISCONNECT, { input: { userIds: [id] } }]],
  ];

  it.each(cases)('%s', async (_name, operation) => {
    for (const foreign of [() => acmeUser, () => acmeConnectedUser]) {
      const [query, variables] = operation(foreign());
      const [missingQuery, missingVariables] = operation(MISSING);
      const answer = await server().gql(query, variables, asGlobex);
      const missing = await server().gql(missingQuery, missingVariables, asGlobex);
      expect(withoutId(answer, foreign())).toBe(withoutId(missing, MISSING));
      expect(JSON.stringify(answer)).toContain('USER_NOT_FOUND');
    }
  });

  it('connectMarketoUsers with a workspace id', async () => {
    const globexUser = (await allTeamUsers(server(), asGlobex.token))[1].id;
    const foreign = await server().gql(CONNECT, { input: { assignments: [{ userIds: [globexUser], workspaceIds: [acmeWorkspace] }] } }, asGlobex);
    const missing = await server().gql(CONNECT, { input: { assignments: [{ userIds: [globexUser], workspaceIds: [MISSING] }] } }, asGlobex);
    expect(withoutId(foreign, acmeWorkspace)).toBe(withoutId(missing, MISSING));
    expect(kinds(foreign.data.connectMarketoUsers.results)).toEqual(['WORKSPACE_NOT_FOUND']);
  });

  it("reads: viewer, marketoConnection, marketoWorkspaces, teamAccess, auditEvents show only the caller's organization", async () => {
    const everything = await server().gql(
      `{ viewer { organization { name } } marketoConnection { workspacesEnabled } marketoWorkspaces { id name }
         teamAccess(first: 100) { totalCount edges { node { id email } } } auditEvents(first: 100) { edges { node { targetId actor { id } } } } }`,
      {},
      asGlobex,
    );
    const text = JSON.stringify(everything);
    expect(everything.data.viewer.organization.name).toBe('Globex');
    expect(everything.data.marketoWorkspaces.map((w: any) => w.name).sort()).toEqual(['Default', 'Sales']);
    expect(text).not.toContain('acme.example');
    for (const id of [acmeUser, acmeConnectedUser, acmeWorkspace]) expect(text).not.toContain(id);
  });

  it("a cursor taken from another organization's page reveals nothing of it", async () => {
    const acmePage = await server().gql(TEAM_ACCESS, { first: 10 });
    const cursor = acmePage.data.teamAccess.pageInfo.endCursor;
    const globexPage = await server().gql(TEAM_ACCESS, { first: 100, after: cursor }, asGlobex);
    expect(JSON.stringify(globexPage)).not.toContain('acme.example');
  });

  it('inviting an e-mail another organization already invited is not refused (no existence leak)', async () => {
    const acmeEmail = (await allTeamUsers(server()))[0].email;
    const response = await server().gql(INVITE, { input: { users: [{ name: 'Same Mail', email: acmeEmail }] } }, asGlobex);
    expect(response.data.inviteUsers.results[0].__typename).toBe('UserInvited');
  });

  it('idempotency keys of another organization are invisible', async () => {
    const acmeInput = { idempotencyKey: 'shared-key', assignments: [{ userIds: [acmeUser] }] };
    await server().gql(CONNECT, { input: acmeInput });
    const globexUser = (await allTeamUsers(server(), asGlobex.token))[2].id;
    const response = await server().gql(CONNECT, { input: { idempotencyKey: 'shared-key', assignments: [{ userIds: [globexUser] }] } }, asGlobex);
    expect(response.data.connectMarketoUsers).toMatchObject({ connectedCount: 1, replayed: false });
  });
});
