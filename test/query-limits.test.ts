import { QUERY_LIMITS } from '../src/graphql/plugins/query-limits';
import { CONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { withSqliteServer } from './support/each-database';

const PAGE_FIELDS = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name email role invitedAt
  marketoAccess { status grantedAt workspaces { id name isDefault } grantedBy { id name email marketoAccess { status workspaces { name } } } } } }`;
/** A Team Access page of 100 rows with every field: 1 + 100 × (pageInfo 1 + edges 1, node 1, marketoAccess 1, workspaces 1, grantedBy 1, its marketoAccess 1 and workspaces 1). */
const FULL_PAGE = `{ teamAccess(first: 100) { ${PAGE_FIELDS} } }`;
const FULL_PAGE_COST = 801;
const aliasedPages = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `p${i}: teamAccess(first: 100) { ${PAGE_FIELDS} }`).join(' ')} }`;

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
      `${QUERY_LIMITS.maxAliases + 1} aliases of an expensive field`,
      `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: teamAccess(first: 100) { totalCount }`).join(' ')} }`,
      'TOO_MANY_ALIASES',
    ],
    [
      'a query too costly',
      `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: teamAccess(first: 100) { edges { node { marketoAccess { workspaces { name } grantedBy { name email } } } } }`).join(' ')} }`,
      'QUERY_TOO_COSTLY',
    ],
    ['3 aliased full pages (within the alias and selection limits, over the cost limit)', aliasedPages(3), 'QUERY_TOO_COSTLY'],
    [
      'a fragment used 25^3 times (three fragments of 25 spreads each: within the depth limit, beyond a walk of 10 000 fields)',
      `{ viewer { user { ...F3 } } } fragment F0 on TeamUser { id name } ${[1, 2, 3].map((level) => `fragment F${level} on TeamUser { ${`...F${level - 1} `.repeat(25)}}`).join(' ')}`,
      'QUERY_TOO_COSTLY',
    ],
    ['a query of over 1 000 tokens', `{ ${'viewer { role } '.repeat(300)} }`, 'TOO_MANY_TOKENS'],
  ])('refuses %s with a stable reason and a localized message, and stays up', async (_name, query, reason) => {
    const response = await server().gql(query, {}, { headers: { 'accept-language': 'sv' } });
    expect(response.data).toBeUndefined();
    const refusal = response.errors!.find((error) => error.extensions.reason === reason);
    expect(refusal?.extensions).toMatchObject({ i18nKey: `errors:graphql.${reason}` });
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(refusal?.extensions.code);
    expect(refusal?.message).toMatch(/^Frågan /);
    expect((await fetch(`${server().url}/health`)).status).toBe(200);
  });

  it('prices 3 aliased full pages by cost alone, in the refusal and in extensions.cost', async () => {
    const response = await server().gql(aliasedPages(3));
    expect(response.status).toBe(400);
    expect(response.errors!.map((error) => error.extensions.reason)).toEqual(['QUERY_TOO_COSTLY']);
    expect(response.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 3 * FULL_PAGE_COST, maxCost: QUERY_LIMITS.maxCost });
    expect(response.extensions?.cost).toMatchObject({ requestedQueryCost: 3 * FULL_PAGE_COST });
  });
});

describe('the calculated cost (after variables are coerced)', () => {
  const server = withSqliteServer();
  const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await server().gql(query, variables);
    expect(response.errors).toBeUndefined();
    return response.extensions!.cost.requestedQueryCost as number;
  };

  it('lets a full page of 100 rows with every field through, at a cost far under the maximum', async () => {
    expect(await costOf(FULL_PAGE)).toBe(FULL_PAGE_COST);
    expect(FULL_PAGE_COST).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });

  it('costs the same with `first: $n` as with the literal, and by the default page of 20 without it', async () => {
    const withVariable = `query Page($n: Int) { teamAccess(first: $n) { ${PAGE_FIELDS} } }`;
    expect(await costOf(withVariable, { n: 100 })).toBe(FULL_PAGE_COST);
    expect(await costOf(withVariable, {})).toBe(1 + 20 * 8);
    expect(await costOf(TEAM_ACCESS, { first: 100 })).toBe(await costOf(TEAM_ACCESS.replace('$first: Int, ', '').replace('first: $first', 'first: 100'), {}));
  });

  it('costs a named fragment what the same fields inline cost, once per use', async () => {
    const withFragment = `query { teamAccess(first: 100) { ...Page } } fragment Page on TeamAccessConnection { ${PAGE_FIELDS} }`;
    expect(await costOf(withFragment)).toBe(FULL_PAGE_COST);
    const twice = `query { a: teamAccess(first: 100) { ...Page } b: teamAccess(first: 100) { ...Page } } fragment Page on TeamAccessConnection { ${PAGE_FIELDS} }`;
    expect(await costOf(twice)).toBe(2 * FULL_PAGE_COST);
  });

  it('costs a mutation 10 plus the items of its input', async () => {
    const connect = (count: number) => ({ input: { assignments: [{ userIds: Array.from({ length: count }, (_, i) => `user-${i}`) }] } });
    const one = await costOf(CONNECT, connect(1));
    expect(await costOf(CONNECT, connect(1000))).toBe(one + 999);
    const invitees = (count: number) => ({ input: { users: Array.from({ length: count }, (_, i) => ({ name: `N${i}`, email: `not-an-email-${i}` })) } });
    expect((await costOf(INVITE, invitees(5))) - (await costOf(INVITE, invitees(2)))).toBe(3);
  });

  it('puts extensions.cost on every answer, refusals included', async () => {
    const answers = [await server().gql(TEAM_ACCESS, { first: 10 }), await server().gql('{ nope }'), await server().gql('{', {})];
    for (const answer of answers) {
      expect(answer.extensions?.cost).toEqual({
        requestedQueryCost: expect.any(Number),
        actualQueryCost: answer.extensions!.cost.requestedQueryCost,
        throttleStatus: { maximumAvailable: expect.any(Number), currentlyAvailable: expect.any(Number), restoreRate: expect.any(Number) },
      });
    }
    expect(answers.map((answer) => answer.extensions!.cost.requestedQueryCost)).toEqual([1 + 10 * 6, 0, 0]);
  });
});
