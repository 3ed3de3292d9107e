import { CONNECT, TEAM_ACCESS } from './support/operations';
import { withSqliteServer } from './support/each-database';

const FULL_PAGE = `{ teamAccess(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name email role invitedAt
  marketoAccess { status grantedAt workspaces { id name isDefault } grantedBy { id name email marketoAccess { status workspaces { name } } } } } } } }`;

const nested = (levels: number) => `{ viewer { user { ${'marketoAccess { grantedBy { '.repeat(levels)}name${' } }'.repeat(levels)} } } }`;

// Query limits are validation rules: no database work is involved, so one SQLite server is enough.
describe('query depth, alias, cost and size limits', () => {
  const server = withSqliteServer();

  it('lets the queries a client needs through', async () => {
    for (const [query, variables] of [
      [FULL_PAGE, {}],
      [TEAM_ACCESS, { first: 100 }],
      [nested(2), {}],
    ] as const) {
      const response = await server().gql(query, variables);
      expect(response.errors).toBeUndefined();
    }
    const bulk = await server().gql(CONNECT, { input: { assignments: [{ userIds: Array.from({ length: 1000 }, (_, i) => `user-${i}`) }] } });
    expect(bulk.data.connectMarketoUsers.errorCount).toBe(1000);
  });

  it.each([
    ['a 50-level deep query', nested(25), 'QUERY_TOO_DEEP'],
    [
      '1 000 aliases of an expensive field',
      `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: teamAccess(first: 100) { totalCount }`).join(' ')} }`,
      'TOO_MANY_ALIASES',
    ],
    [
      'a query too costly',
      `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: teamAccess(first: 100) { edges { node { marketoAccess { workspaces { name } grantedBy { name email } } } } }`).join(' ')} }`,
      'QUERY_TOO_COSTLY',
    ],
    ['a query of over 20 000 tokens', `{ ${'viewer { role } '.repeat(5000)} }`, 'TOO_MANY_TOKENS'],
  ])('refuses %s with a stable reason and a localized message, and stays up', async (_name, query, reason) => {
    const response = await server().gql(query, {}, { headers: { 'accept-language': 'sv' } });
    expect(response.data).toBeUndefined();
    const refusal = response.errors!.find((error) => error.extensions.reason === reason);
    expect(refusal?.extensions).toMatchObject({ i18nKey: `errors:graphql.${reason}` });
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(refusal?.extensions.code);
    expect(refusal?.message).toMatch(/^Frågan /);
    expect((await fetch(`${server().url}/health`)).status).toBe(200);
  });
});
