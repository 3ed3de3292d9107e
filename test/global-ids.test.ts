// The CommonJS build: the tests compile to CommonJS, and @apollo/client 3's package root is an ES module.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client/core/core.cjs';
import { describeEachDatabase } from './support/each-database';
import { allTeamUsers, connectMarketo, ensureMarketoReady, invitees, notConnectedUsers, organizationId, workspacesByName } from './support/fixtures';
import { AUDIT_EVENTS, CONNECT, DISCONNECT, INVITE } from './support/operations';
import { expectRequestError, granted, ok } from './support/responses';
import { DEMO_TOKENS, type TestServer } from './support/test-server';

/** How the server spells a global id (README, "Global ids"): tests build only wrong-type and foreign ones with it. */
const globalId = (typeName: string, localId: string): string => Buffer.from(`${typeName}:${localId}`).toString('base64url');
const decoded = (id: string): string => Buffer.from(id, 'base64url').toString('utf8');
const localId = (id: string): string => decoded(id).split(':')[1];

const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on TeamUser {
        email
      }
      ... on MarketoWorkspace {
        name
      }
      ... on MarketoAccessGrant {
        user {
          id
        }
        workspaces {
          id
        }
      }
      ... on AuditEvent {
        action
        targetId
      }
      ... on Organization {
        name
      }
      ... on MarketoConnection {
        connected
      }
      ... on HelpArticle {
        topic
        locale
        title
      }
    }
  }
`;

async function nodeOf(server: TestServer, id: string, token: string | null = DEMO_TOKENS.acmeAdmin): Promise<any> {
  return ok(await server.gql(NODE, { id }, { token })).node;
}

/** One id of every node type, as the Acme admin reads them from the API. */
async function acmeIds(server: TestServer): Promise<Record<string, string>> {
  await ensureMarketoReady(server, DEMO_TOKENS.acmeAdmin);
  const [user] = await notConnectedUsers(server);
  const grant = granted(ok(await server.gql(CONNECT, { input: { assignments: [{ userIds: [user.id] }] } })).connectMarketoUsers.results[0]);
  const data = ok(
    await server.gql(`{
      viewer { organization { id } }
      marketoConnection { id }
      marketoWorkspaces { id }
      auditEvents(first: 1) { edges { node { id } } }
      helpArticles(locale: "sv") { id }
    }`),
  );
  return {
    TeamUser: user.id,
    MarketoWorkspace: data.marketoWorkspaces[0].id,
    MarketoAccessGrant: grant.id,
    AuditEvent: data.auditEvents.edges[0].node.id,
    Organization: data.viewer.organization.id,
    MarketoConnection: data.marketoConnection.id,
    HelpArticle: data.helpArticles[0].id,
  };
}

describeEachDatabase('global ids (Relay Global Object Identification)', (server) => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = await acmeIds(server());
  });

  it('gives every object an opaque id that names its type and answers node(id:) with the object, for each type', async () => {
    for (const [typeName, id] of Object.entries(ids)) {
      expect(decoded(id).startsWith(`${typeName}:`)).toBe(true);
      expect(await nodeOf(server(), id)).toMatchObject({ __typename: typeName, id });
    }
  });

  it("answers another organization's objects with null, exactly like unknown and malformed ids", async () => {
    for (const [typeName, id] of Object.entries(ids)) {
      const expected = typeName === 'HelpArticle' ? { id } : null;
      const fromGlobex = await nodeOf(server(), id, DEMO_TOKENS.globexAdmin);
      expect(fromGlobex === null ? null : { id: fromGlobex.id }).toEqual(expected);
    }
    const unknown = [
      globalId('TeamUser', '00000000-0000-7000-8000-000000000000'),
      globalId('NoSuchType', localId(ids.TeamUser)),
      'not a global id',
      '',
      'VGVhbVVzZXI', // "TeamUser", no local id
      localId(ids.TeamUser), // a raw UUID is no global id
    ];
    const response = ok(await server().gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: unknown }));
    expect(response.nodes).toEqual(unknown.map(() => null));
  });

  it('reads a global id of the wrong type as not found', async () => {
    const user = localId(ids.TeamUser);
    for (const typeName of ['MarketoWorkspace', 'MarketoAccessGrant', 'AuditEvent', 'Organization', 'MarketoConnection', 'HelpArticle']) {
      expect(await nodeOf(server(), globalId(typeName, user))).toBeNull();
    }
    expect(await nodeOf(server(), globalId('MarketoConnection', localId(ids.Organization)))).toMatchObject({ __typename: 'MarketoConnection' });
  });

  it('serves help articles without a token, and nothing of an organization', async () => {
    const nodes = ok(await server().gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: Object.values(ids) }, { token: null })).nodes;
    expect(nodes.filter(Boolean)).toEqual([{ __typename: 'HelpArticle', id: ids.HelpArticle }]);
  });

  it('serves audit events to admins only', async () => {
    expect(await nodeOf(server(), ids.AuditEvent, DEMO_TOKENS.acmeMember)).toBeNull();
    expect(await nodeOf(server(), ids.TeamUser, DEMO_TOKENS.acmeMember)).toMatchObject({ id: ids.TeamUser });
  });

  it('loads 100 users in a constant number of statements, and refuses more than 100 ids', async () => {
    const invited = ok(await server().gql(INVITE, { input: { users: invitees(100, 'Node Batch') } })).inviteUsers;
    const userIds = invited.results.map((result: any) => result.user.id);
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on TeamUser { email marketoAccess { status } } } }';
    const statements = await server().statements.during(async () => {
      const nodes = ok(await server().gql(query, { ids: userIds })).nodes;
      expect(nodes.map((node: any) => node.id)).toEqual(userIds);
    });
    // The token lookup, the users, their Marketo access: independent of the number of ids.
    expect(statements.length).toBeLessThanOrEqual(4);
    expectRequestError(await server().gql(query, { ids: [...userIds, ids.TeamUser] }), 'BAD_USER_INPUT');
  });

  it('answers AuditEvent.target with the user or organization it was done to', async () => {
    await connectMarketo(server(), DEMO_TOKENS.globexAdmin, { workspacesEnabled: false });
    const events = ok(
      await server().gql(
        '{ auditEvents(first: 100) { edges { node { action targetType targetId target { __typename id ... on TeamUser { email } ... on Organization { name } } } } } }',
        {},
        { token: DEMO_TOKENS.globexAdmin },
      ),
    ).auditEvents.edges.map((edge: any) => edge.node);
    const connected = events.find((event: any) => event.action === 'MARKETO_CONNECTED');
    expect(connected.target).toEqual({ __typename: 'Organization', id: connected.targetId, name: 'Globex' });
    const acme = ok(await server().gql(AUDIT_EVENTS, { first: 100, targetId: ids.TeamUser })).auditEvents.edges.map((edge) => edge.node);
    expect(acme.length).toBeGreaterThan(0);
    const withTarget = ok(
      await server().gql('query($t: ID) { auditEvents(first: 1, targetId: $t) { edges { node { targetId target { id } } } } }', { t: ids.TeamUser }),
    );
    expect(withTarget.auditEvents.edges[0].node).toEqual({ targetId: ids.TeamUser, target: { id: ids.TeamUser } });
  });

  it('filters audit events by global id, by raw UUID (deprecated), and finds nothing for an id of another type', async () => {
    const count = async (variables: Record<string, string>) =>
      ok(await server().gql('query($a: ID, $t: ID) { auditEvents(first: 1, actorId: $a, targetId: $t) { totalCount } }', variables)).auditEvents.totalCount;
    const viewer = ok(await server().gql('{ viewer { user { id } } }')).viewer.user.id;
    const byGlobal = await count({ a: viewer, t: ids.TeamUser });
    expect(byGlobal).toBeGreaterThan(0);
    expect(await count({ a: localId(viewer), t: localId(ids.TeamUser) })).toBe(byGlobal);
    expect(await count({ t: globalId('MarketoWorkspace', localId(ids.TeamUser)) })).toBe(0);
    expect(await count({ a: ids.Organization })).toBe(0);
  });

  it('gives each language of a help article its own id, and the topic they share', async () => {
    const articles = ok(await server().gql('{ helpArticles { id topic locale } }', {}, { token: null })).helpArticles;
    const topic = 'grant-marketo-access-to-users';
    const versions = articles.filter((article: any) => article.topic === topic);
    expect(versions.map((article: any) => article.locale).sort()).toEqual(['en', 'fr', 'sv']);
    expect(new Set(versions.map((article: any) => article.id)).size).toBe(3);
    const sv = versions.find((article: any) => article.locale === 'sv');
    const byId = ok(
      await server().gql('query($id: ID!) { helpArticle(id: $id, locale: "en") { id topic locale alternates { id locale } } }', { id: sv.id }, { token: null }),
    );
    expect(byId.helpArticle).toMatchObject({ id: sv.id, topic, locale: 'sv' });
    expect(byId.helpArticle.alternates.map((alternate: any) => alternate.id).sort()).toEqual(
      versions
        .filter((v: any) => v !== sv)
        .map((v: any) => v.id)
        .sort(),
    );
    const byTopic = ok(await server().gql('{ helpArticle(id: "grant-marketo-access-to-users", locale: "sv") { id } }', {}, { token: null }));
    expect(byTopic.helpArticle.id).toBe(sv.id);
    expect(ok(await server().gql('query($id: ID!) { helpArticle(id: $id) { id } }', { id: ids.TeamUser }, { token: null })).helpArticle).toBeNull();
  });

  it('takes global ids and raw UUIDs (deprecated) in mutations, and answers userId as given', async () => {
    const [a, b, c] = await notConnectedUsers(server());
    const workspace = (await workspacesByName(server())).Default;
    const input = { assignments: [{ userIds: [a.id, localId(b.id), globalId('MarketoWorkspace', localId(c.id))], workspaceIds: [workspace] }] };
    const results = ok(await server().gql(CONNECT, { input })).connectMarketoUsers.results;
    expect(results.map((result) => [result.__typename, result.userId, result.user?.id ?? null])).toEqual([
      ['MarketoAccessGranted', a.id, a.id],
      ['MarketoAccessGranted', localId(b.id), b.id],
      ['UserAccessError', globalId('MarketoWorkspace', localId(c.id)), null],
    ]);
    const repeated = ok(await server().gql(CONNECT, { input: { assignments: [{ userIds: [a.id, localId(a.id)] }] } })).connectMarketoUsers.results;
    expect(repeated.map((result: any) => result.code ?? result.__typename)).toEqual(['MarketoAccessUnchanged', 'DUPLICATE']);
    const wrongWorkspace = ok(await server().gql(CONNECT, { input: { assignments: [{ userIds: [c.id], workspaceIds: [ids.TeamUser] }] } })).connectMarketoUsers
      .results;
    expect(wrongWorkspace[0]).toMatchObject({ code: expect.stringMatching(/WORKSPACE/) });
    const revoked = ok(await server().gql(DISCONNECT, { input: { userIds: [localId(a.id), b.id] } })).disconnectMarketoUsers.results;
    expect(revoked.map((result) => [result.__typename, result.user?.id])).toEqual([
      ['MarketoAccessRevoked', a.id],
      ['MarketoAccessRevoked', b.id],
    ]);
    expect(await organizationId(server(), 'Acme')).toBe(localId(ids.Organization));
  });
});

describeEachDatabase('a normalized client cache (Apollo Client 3, InMemoryCache)', (server) => {
  // What Apollo's docs prescribe for interfaces and unions: possibleTypes from the schema, so a fragment
  // on UserItemResult matches MarketoAccessGranted when the result is written to the cache.
  let possibleTypes: Record<string, string[]>;
  beforeAll(async () => {
    const schema = ok(await server().gql('{ __schema { types { name possibleTypes { name } } } }')).__schema;
    possibleTypes = Object.fromEntries(
      schema.types.filter((type: any) => type.possibleTypes).map((type: any) => [type.name, type.possibleTypes.map((possible: any) => possible.name)]),
    );
  });

  const client = (token: string | null = DEMO_TOKENS.acmeAdmin) =>
    new ApolloClient({
      link: new HttpLink({ uri: `${server().url}/graphql`, fetch, headers: token ? { authorization: `Bearer ${token}` } : {} }),
      cache: new InMemoryCache({ possibleTypes }),
    });

  it('keeps the Swedish and the English help article apart in one cache', async () => {
    const apollo = client(null);
    const ARTICLE = gql`
      query Article($locale: String!) {
        helpArticle(id: "grant-marketo-access-to-users", locale: $locale) {
          id
          topic
          locale
          title
        }
      }
    `;
    const sv = (await apollo.query({ query: ARTICLE, variables: { locale: 'sv' } })).data.helpArticle;
    const en = (await apollo.query({ query: ARTICLE, variables: { locale: 'en' } })).data.helpArticle;
    expect(sv.locale).toBe('sv');
    expect(en.locale).toBe('en');
    expect(sv.title).not.toBe(en.title);
    const cached = (locale: string) => apollo.readQuery({ query: ARTICLE, variables: { locale } })?.helpArticle;
    expect(cached('sv')).toEqual(sv);
    expect(cached('en')).toEqual(en);
  });

  it('updates a cached Team Access row from connectMarketoUsers, without a refetch', async () => {
    await ensureMarketoReady(server(), DEMO_TOKENS.acmeAdmin);
    const apollo = client();
    const TEAM = gql`
      query Team {
        teamAccess(first: 100, status: NOT_CONNECTED) {
          edges {
            node {
              id
              name
              marketoAccess {
                status
              }
            }
          }
        }
      }
    `;
    const rows = (await apollo.query({ query: TEAM })).data.teamAccess.edges.map((edge: any) => edge.node);
    const user = rows[0];
    expect(user.marketoAccess.status).toBe('NOT_CONNECTED');
    const result = await apollo.mutate({
      mutation: gql`
        mutation Connect($input: ConnectMarketoUsersInput!) {
          connectMarketoUsers(input: $input) {
            results {
              ... on UserItemResult {
                user {
                  id
                  marketoAccess {
                    status
                  }
                }
              }
            }
          }
        }
      `,
      variables: { input: { assignments: [{ userIds: [user.id] }] } },
    });
    expect(result.data.connectMarketoUsers.results[0].user).toMatchObject({ id: user.id, marketoAccess: { status: 'CONNECTED' } });
    const statements = await server().statements.during(async () => {
      const cachedRows = apollo.readQuery({ query: TEAM })!.teamAccess.edges.map((edge: any) => edge.node);
      expect(cachedRows.find((row: any) => row.id === user.id).marketoAccess.status).toBe('CONNECTED');
    });
    expect(statements).toEqual([]);
    expect((await allTeamUsers(server(), DEMO_TOKENS.acmeAdmin)).find((row) => row.id === user.id)!.marketoAccess.status).toBe('CONNECTED');
  });
});
