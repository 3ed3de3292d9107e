import { getIntrospectionQuery } from 'graphql';
import { QUERY_LIMITS } from '../src/graphql/plugins/query-limits';
import { describeEachDatabase, withSqliteServer } from './support/each-database';
import { INVITE, TEAM_ACCESS } from './support/operations';
import { MODERN_CLIENT_ACCEPT, type GraphQLResponse, type TestServer } from './support/test-server';

/** `{ locales { code } locales { code } … }`: the document whose overlapping-fields validation took seconds. */
const repeatedLocales = (count: number) => `{ ${'locales { code } '.repeat(count)}}`;
/** `[[[…]]]` as JSON text (JSON.stringify itself overflows the stack on 10 000 levels). */
const nestedJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** `[[[…]]]`, as deep as asked, built without recursion. */
const nestedList = (depth: number): unknown => {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
};

async function expectStillServing(server: TestServer) {
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  const response = await server.gql('{ locales { code } }');
  expect(response.errors).toBeUndefined();
  expect(response.data.locales.length).toBeGreaterThan(0);
}

// Refused before Apollo parses or validates the document: no database work, one SQLite server.
describe('documents bounded before validation', () => {
  const server = withSqliteServer();

  it('lets the largest documents a client sends through: introspection with every option, a full page', async () => {
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const response = await server().gql(introspection, {}, { token: null });
    expect(response.errors).toBeUndefined();
    expect(response.data.__schema.types.length).toBeGreaterThan(10);
    expect((await server().gql(TEAM_ACCESS, { first: 100 })).errors).toBeUndefined();
  });

  it('refuses a document of more selections than allowed, localized, with 400, before any validation', async () => {
    const count = QUERY_LIMITS.maxSelections / 2 + 1;
    const response = await server().gql(repeatedLocales(count), {}, { token: null, headers: { 'accept-language': 'sv' } });
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      {
        message: `Frågan väljer för många fält: ${count * 2}, högst ${QUERY_LIMITS.maxSelections} är tillåtna.`,
        extensions: {
          code: 'GRAPHQL_VALIDATION_FAILED',
          reason: 'TOO_MANY_FIELDS',
          i18nKey: 'errors:graphql.TOO_MANY_FIELDS',
          count: count * 2,
          max: QUERY_LIMITS.maxSelections,
        },
      },
    ]);
    await expectStillServing(server());
  });

  it('counts fragment spreads and inline fragments as selections too', async () => {
    const spreads = Array.from({ length: QUERY_LIMITS.maxSelections }, (_, i) => `...F${i % 3}`).join(' ');
    const query = `{ ${spreads} } fragment F0 on Query { locales { code } } fragment F1 on Query { __typename } fragment F2 on Query { ... on Query { __typename } }`;
    const response = await server().gql(query, {}, { headers: { 'accept-language': 'fr' } });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions.reason).toBe('TOO_MANY_FIELDS');
    // The spreads, then F0's two fields, F1's one, and F2's inline fragment and its field.
    const selections = QUERY_LIMITS.maxSelections + 5;
    expect(response.errors![0].message).toBe(
      `La requête sélectionne trop de champs\u00a0: ${selections}, au plus ${QUERY_LIMITS.maxSelections} sont autorisés.`,
    );
  });

  it('answers 200 to a client that accepts only application/json, and refuses a GET query the same way', async () => {
    const body = JSON.stringify({ query: repeatedLocales(100) });
    const legacy = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await legacy.json()) as GraphQLResponse).errors![0].extensions.reason).toBe('TOO_MANY_FIELDS');
    const get = await fetch(`${server().url}/graphql?query=${encodeURIComponent(repeatedLocales(100))}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as GraphQLResponse).errors![0].extensions.reason).toBe('TOO_MANY_FIELDS');
  });

  it('refuses the 4 000-repeat document of the report by its length', async () => {
    const response = await server().gql(repeatedLocales(4000), {}, { token: null });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', reason: 'TOO_MANY_TOKENS' });
    await expectStillServing(server());
  });

  it('lets a document with a syntax error reach Apollo, which answers it in its own words', async () => {
    const response = await server().gql('{ locales { code }', {}, { token: null });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('variables bounded before GraphQL sees them', () => {
  const server = withSqliteServer();

  it.each([
    ['undeclared', '{ locales { code } }', 10_000],
    ['declared', 'query Q($x: [[Int]]) { locales { code } }', QUERY_LIMITS.maxVariableDepth + 1],
  ])('refuses nested brackets (%s) with BAD_USER_INPUT / VARIABLES_TOO_DEEP, 400, localized', async (_kind, query, depth) => {
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: MODERN_CLIENT_ACCEPT, 'accept-language': 'fr' },
      body: `{"query": ${JSON.stringify(query)}, "variables": {"x": ${nestedJson(depth)}}}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphQLResponse).errors).toEqual([
      {
        message: `Les variables sont trop profondément imbriquées\u00a0: au plus ${QUERY_LIMITS.maxVariableDepth} niveaux sont autorisés.`,
        extensions: { code: 'BAD_USER_INPUT', reason: 'VARIABLES_TOO_DEEP', i18nKey: 'errors:graphql.VARIABLES_TOO_DEEP', max: QUERY_LIMITS.maxVariableDepth },
      },
    ]);
    await expectStillServing(server());
  });

  it('refuses nested variables sent with GET too', async () => {
    const variables = encodeURIComponent(`{"x": ${nestedJson(1_000)}}`);
    const response = await fetch(`${server().url}/graphql?query=${encodeURIComponent('{ locales { code } }')}&variables=${variables}`, {
      headers: { accept: MODERN_CLIENT_ACCEPT, 'apollo-require-preflight': 'true', 'accept-language': 'sv' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors![0].extensions.reason).toBe('VARIABLES_TOO_DEEP');
    expect(body.errors![0].message).toMatch(/^Variablerna är för djupt nästlade/);
  });

  it('refuses more variable values than allowed with VARIABLES_TOO_LARGE', async () => {
    const response = await server().gql('{ locales { code } }', { x: new Array(QUERY_LIMITS.maxVariableValues).fill(0) });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIABLES_TOO_LARGE', max: QUERY_LIMITS.maxVariableValues });
  });

  it('answers undeclared variables within the bounds, and replays the cached answer whatever they hold', async () => {
    const first = await server().gql('{ locales { code } }', { x: nestedList(QUERY_LIMITS.maxVariableDepth - 1) });
    const second = await server().gql('{ locales { code } }', { y: 'anything' });
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
  });
});

describeEachDatabase('nested variables in a mutation write nothing', (server) => {
  it('refuses an invite whose input nests too deeply, and invites no one', async () => {
    const before = await server().gql(TEAM_ACCESS, { first: 1 });
    const users = [{ name: 'Deep Nest', email: 'deep.nest@acme.example', extra: nestedList(50) }];
    const response = await server().gql(INVITE, { input: { users } });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions.reason).toBe('VARIABLES_TOO_DEEP');
    const after = await server().gql(TEAM_ACCESS, { first: 1 });
    expect(after.data.teamAccess.totalCount).toBe(before.data.teamAccess.totalCount);
    expect((await fetch(`${server().url}/health`)).status).toBe(200);
  });
});
