import { createHash } from 'node:crypto';
import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS, MODERN_CLIENT_ACCEPT } from './support/test-server';

const HELP = '{ helpArticle(id: "grant-marketo-access-to-users") { title locale } }';
const TEAM = '{ teamAccess(first: 2) { totalCount } }';
// Apollo's CSRF prevention needs a non-simple request: a token, a JSON content type or this header.
const PREFLIGHTED = { 'apollo-require-preflight': 'true' };

/** GraphQL over GET, as a browser or CDN sends a persisted query: the operation in the URL. */
describe('GET queries: cache headers, ETags and persisted queries', () => {
  const server = withSqliteServer();
  const get = (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const query = new URLSearchParams(
      Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
    return fetch(`${server().url}/graphql?${query}`, { headers });
  };

  it('lets shared caches keep deploy-time content, per language, and revalidates it with an ETag (304, no body)', async () => {
    const first = await get({ query: HELP }, { ...PREFLIGHTED, 'accept-language': 'sv' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(first.headers.get('vary')).toMatch(/accept-language/i);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(((await first.json()) as any).data.helpArticle.locale).toBe('sv');

    const again = await get({ query: HELP }, { ...PREFLIGHTED, 'accept-language': 'sv', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const english = await get({ query: HELP }, { ...PREFLIGHTED, 'accept-language': 'en', 'if-none-match': etag! });
    expect(english.status).toBe(200);
  });

  it('keeps tenant data out of shared caches: private, no-store', async () => {
    const response = await get({ query: TEAM }, { authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(((await response.json()) as any).data.teamAccess.totalCount).toBeGreaterThan(0);
  });

  it('answers a persisted query by its hash over GET, once the hash is known (automatic persisted queries)', async () => {
    const sha256Hash = createHash('sha256').update(HELP).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = ((await (await get({ extensions }, PREFLIGHTED)).json()) as any).errors[0];
    expect(unknown.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await get({ query: HELP, extensions }, PREFLIGHTED);
    expect(registered.status).toBe(200);
    const byHash = await get({ extensions }, PREFLIGHTED);
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=300');
    expect(((await byHash.json()) as any).data.helpArticle.title).toBeTruthy();
  });

  it('gives POST answers no ETag and GET errors no public caching', async () => {
    const post = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: HELP }),
    });
    expect(post.headers.get('etag')).toBeNull();
    const failed = await get({ query: '{ helpArticle { title } }' }, { ...PREFLIGHTED, accept: MODERN_CLIENT_ACCEPT });
    expect(failed.status).toBe(400);
    expect(failed.headers.get('cache-control')).not.toMatch(/public/);
  });
});
