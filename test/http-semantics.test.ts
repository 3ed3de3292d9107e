import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS, MODERN_CLIENT_ACCEPT } from './support/test-server';

/** The body of a refusal by the HTTP layer. */
type RefusalBody = { errors: { message: string; extensions: Record<string, unknown> }[] };

/** A GET /graphql with only the headers given: what a link, an <img> or a script tag would send. */
function get(url: string, query: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql?${new URLSearchParams({ query })}`, { headers });
}

/** A POST as a GraphQL client sends it (Accept preferring application/graphql-response+json, unless `headers` says otherwise). */
async function post(url: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: MODERN_CLIENT_ACCEPT, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, any> }[] } };
}

describe('CSRF prevention lets bearer-token requests through', () => {
  const server = withSqliteServer();

  it('runs a GET query that carries a bearer token and nothing else', async () => {
    const response = await get(server().url, '{ viewer { role } }', { authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { viewer: { role: 'ADMIN' } } });
  });

  it('still refuses a simple GET without a token or a preflight header, before running it, in the caller’s language', async () => {
    const response = await get(server().url, '{ locales { code } }', { 'accept-language': 'sv' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'Anropet liknar en förfalskad begäran från en annan webbplats (CSRF) och avvisades: skicka en bearer-token, Content-Type application/json eller någon av rubrikerna authorization, x-apollo-operation-name, apollo-require-preflight.',
          extensions: { code: 'BAD_REQUEST', reason: 'CSRF_PREFLIGHT_REQUIRED', i18nKey: 'errors:http.CSRF_PREFLIGHT_REQUIRED' },
        },
      ],
    });
  });

  it('still refuses a simple text/plain POST (what an HTML form can send) without a token', async () => {
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ locales { code } }' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as RefusalBody).errors[0].extensions.reason).toBe('CSRF_PREFLIGHT_REQUIRED');
  });

  it('still refuses a text/plain POST with an empty preflight header, as Apollo does', async () => {
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'apollo-require-preflight': '', 'accept-language': 'fr' },
      body: JSON.stringify({ query: '{ locales { code } }' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as RefusalBody).errors[0].message).toMatch(/^Cette requête ressemble à une falsification de requête intersite \(CSRF\)/);
  });

  it('runs a public GET query with Apollo’s apollo-require-preflight header', async () => {
    const response = await get(server().url, '{ locales { code } }', { 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(200);
  });
});

describe('HTTP status codes that say what the GraphQL answer says', () => {
  const server = withSqliteServer();

  it('answers 401 with WWW-Authenticate: Bearer when a field needs a token and none was sent', async () => {
    const { response, body } = await post(server().url, '{ viewer { role } }', { 'accept-language': 'sv' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0].message).toBe('Logga in med en giltig API-token (Authorization: Bearer <token>).');
  });

  it('says error="invalid_token" when the token sent is unknown', async () => {
    const { response, body } = await post(server().url, '{ teamAccess(first: 1) { totalCount } }', { authorization: 'Bearer not-a-token' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the public fields open without a token, with 200', async () => {
    const { response, body } = await post(
      server().url,
      '{ locales { code } translations(locale: "sv", namespaces: ["ui"]) { locale } helpArticle(id: "grant-marketo-access-to-users") { title } }',
      {},
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(body.errors).toBeUndefined();
    expect(body.data.translations.locale).toBe('sv');
    expect(body.data.helpArticle.title).toBeTruthy();
  });

  it('answers a subscription with 400 SUBSCRIPTIONS_NOT_SUPPORTED, in the request’s language', async () => {
    for (const [language, message] of [
      ['en', 'Subscriptions are not served over HTTP: send a query or a mutation.'],
      ['fr', 'Les abonnements (subscriptions) ne sont pas servis en HTTP\u00a0: envoyez une query ou une mutation.'],
    ]) {
      const { response, body } = await post(server().url, 'subscription { locales { code } }', {
        authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}`,
        'accept-language': language,
      });
      expect(response.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0].message).toBe(message);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'SUBSCRIPTIONS_NOT_SUPPORTED', i18nKey: 'errors:graphql.SUBSCRIPTIONS_NOT_SUPPORTED' });
    }
  });

  it('lets anyone introspect outside production', async () => {
    const { response, body } = await post(server().url, '{ __schema { queryType { name } } }', {});
    expect(response.status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('the status of a document or variables that cannot run, by media type', () => {
  const server = withSqliteServer();
  const BAD_REQUESTS = [
    { query: '{ viewer { role }', code: 'GRAPHQL_PARSE_FAILED' },
    { query: '{ viewer { noSuchField } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { query: 'query ($n: Int!) { teamAccess(first: $n) { totalCount } }', variables: { n: 'ten' }, code: 'BAD_USER_INPUT' },
  ];
  const auth = { authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}` };

  it('is 400 with application/graphql-response+json', async () => {
    for (const { query, variables, code } of BAD_REQUESTS) {
      const { response, body } = await post(server().url, query, auth, variables);
      expect([response.status, body.errors?.[0].extensions.code]).toEqual([400, code]);
      expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    }
  });

  it('is 200 with application/json only, or no Accept (the spec’s legacy mode), the errors the same', async () => {
    for (const accept of ['application/json', '']) {
      for (const { query, variables, code } of BAD_REQUESTS) {
        const { response, body } = await post(server().url, query, { ...auth, accept }, variables);
        expect([response.status, body.errors?.[0].extensions.code]).toEqual([200, code]);
        expect(body.data).toBeUndefined();
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      }
    }
  });

  it('keeps 401 for an unknown token whatever the media type: it refuses the caller, not the document', async () => {
    const { response } = await post(server().url, '{ viewer { role } }', { authorization: 'Bearer not-a-token', accept: 'application/json' });
    expect(response.status).toBe(401);
  });
});

describe('introspection in production', () => {
  const server = withSqliteServer({ production: true });

  it('is refused to an anonymous caller (400 GRAPHQL_VALIDATION_FAILED), also inside a fragment', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ ...Q } fragment Q on Query { __type(name: "Query") { name } }']) {
      const { response, body } = await post(server().url, query, {});
      expect(response.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('is refused with an unknown token too', async () => {
    const { response } = await post(server().url, '{ __schema { types { name } } }', { authorization: 'Bearer not-a-token' });
    expect(response.status).toBe(400);
  });

  it('is allowed to a signed-in caller', async () => {
    const { response, body } = await post(server().url, '{ __schema { queryType { name } } }', { authorization: `Bearer ${DEMO_TOKENS.acmeMember}` });
    expect(response.status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it('leaves __typename to anyone', async () => {
    const { response, body } = await post(server().url, '{ __typename }', {});
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
  });
});
