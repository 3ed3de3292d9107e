import { request, type IncomingHttpHeaders } from 'node:http';
import { TEAM_ACCESS } from './support/operations';
import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS } from './support/test-server';

/** A small bucket, so a few pages empty it: 300 points, 10 back per second (of the server's manual clock). */
const BUCKET = { points: 300, refillPerSecond: 10 };
/** TEAM_ACCESS with `first: 10`: 1 + 10 × (pageInfo 1 + edges 1, node 1, marketoAccess 1, grantedBy 1, workspaces 1). */
const PAGE_OF_10 = 61;

/** The help article 15 times with 3 of its lists: a query anyone may send, 15 × 4 points, that gets all it asks for (105 selections, within the limit). */
const PUBLIC_HELP = `{ ${Array.from(
  { length: 15 },
  (_, i) => `a${i}: helpArticle(id: "grant-marketo-access-to-users") { alternates { locale } callouts { kind } steps { number } }`,
).join(' ')} }`;

/** Sends PUBLIC_HELP until the bucket refuses it (at most 20 times), answering the refusal. */
async function drainAnonymously(send: (query: string) => Promise<{ status: number; body: any }>) {
  for (let call = 0; call < 20; call += 1) {
    const response = await send(PUBLIC_HELP);
    expect(response.body.errors?.[0].extensions.code ?? 'none').toBe(response.status === 200 ? 'none' : 'THROTTLED');
    expect(response.body.extensions.cost.actualQueryCost).toBe(response.status === 200 ? response.body.extensions.cost.requestedQueryCost : 0);
    if (response.status !== 200) return response;
  }
  throw new Error('the bucket never ran dry');
}

describe('the rate limit: a leaky bucket of query-cost points per token, per IP without one', () => {
  const server = withSqliteServer({ rateLimit: BUCKET });

  /**
   * POSTs from a given loopback address (127.0.0.2 is another client, and fetch cannot choose its
   * source), answering the HTTP headers too.
   */
  const fromAddress = (localAddress: string, query: string, variables: object, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: any }>((resolve, reject) => {
      const call = request(
        `${server().url}/graphql`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(text) }));
        },
      );
      call.on('error', reject);
      call.end(JSON.stringify({ query, variables }));
    });

  it('spends each call’s cost until the bucket is empty, then answers 429 with Retry-After and a localized THROTTLED, and lets calls through once the clock has refilled it', async () => {
    const options = { token: DEMO_TOKENS.acmeAdmin, headers: { 'accept-language': 'sv' } };
    let available = BUCKET.points;
    // Repeated pages are replays of the response cache after the first: they are charged all the same.
    while (available >= PAGE_OF_10) {
      const response = await server().gql(TEAM_ACCESS, { first: 10 }, options);
      expect(response.errors).toBeUndefined();
      available -= PAGE_OF_10;
      expect(response.extensions!.cost).toEqual({
        requestedQueryCost: PAGE_OF_10,
        actualQueryCost: PAGE_OF_10,
        throttleStatus: { maximumAvailable: BUCKET.points, currentlyAvailable: available, restoreRate: BUCKET.refillPerSecond },
      });
    }

    const refused = await fromAddress('127.0.0.1', TEAM_ACCESS, { first: 10 }, { authorization: `Bearer ${options.token}`, ...options.headers });
    const retryAfter = Math.ceil((PAGE_OF_10 - available) / BUCKET.refillPerSecond);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(retryAfter));
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'THROTTLED', i18nKey: 'errors:graphql.THROTTLED', retryAfterSeconds: retryAfter });
    expect(refused.body.errors[0].message).toBe(
      `För många anrop: frågan kostar ${PAGE_OF_10} poäng och ${available} återstår; försök igen om ${retryAfter} s.`,
    );
    // A refused call takes nothing from the bucket.
    expect(refused.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(available);
    const refusedAgain = await server().gql(TEAM_ACCESS, { first: 10 }, options);
    expect(refusedAgain.status).toBe(429);

    server().clock.advance(retryAfter * 1000);
    const again = await server().gql(TEAM_ACCESS, { first: 10 }, options);
    expect(again.status).toBe(200);
    expect(again.errors).toBeUndefined();
    expect(again.extensions!.cost.throttleStatus.currentlyAvailable).toBe(available + retryAfter * BUCKET.refillPerSecond - PAGE_OF_10);
  });

  it('keeps each token’s bucket apart', async () => {
    const drained = await server().gql(TEAM_ACCESS, { first: 40 }, { token: DEMO_TOKENS.acmeAdmin });
    expect(drained.status).toBe(429);
    const other = await server().gql(TEAM_ACCESS, { first: 10 }, { token: DEMO_TOKENS.globexAdmin });
    expect(other.errors).toBeUndefined();
    expect(other.extensions!.cost.throttleStatus.currentlyAvailable).toBe(BUCKET.points - PAGE_OF_10);
  });

  it('gives back what a page did not return: actualQueryCost prices the rows the answer held', async () => {
    // A search that finds one or two people pays 1 + rows × 6, not 1 + 40 × 6.
    const response = await server().gql(TEAM_ACCESS, { first: 40, search: 'Camille' }, { token: DEMO_TOKENS.acmeMember });
    const rows = response.data.teamAccess.edges.length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(5);
    expect(response.extensions!.cost).toEqual({
      requestedQueryCost: 241,
      actualQueryCost: 1 + rows * 6,
      throttleStatus: { maximumAvailable: BUCKET.points, currentlyAvailable: BUCKET.points - (1 + rows * 6), restoreRate: BUCKET.refillPerSecond },
    });
  });

  it('buckets anonymous calls per client IP, and charges a refused page only its field', async () => {
    // Anonymous callers are refused by the resolver (teamAccess: null): 241 are taken up front, 240 given back.
    const refused = await fromAddress('127.0.0.1', TEAM_ACCESS, { first: 40 });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.body.extensions.cost).toMatchObject({ requestedQueryCost: 241, actualQueryCost: 1 });
    expect(refused.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(BUCKET.points - 1);

    // Public help: what it asks for, it gets, so it is charged in full.
    const costly = await drainAnonymously((query) => fromAddress('127.0.0.1', query, {}));
    expect(costly.status).toBe(429);
    expect(costly.body.errors[0].extensions.code).toBe('THROTTLED');
    const elsewhere = await fromAddress('127.0.0.2', PUBLIC_HELP, {});
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(BUCKET.points - elsewhere.body.extensions.cost.actualQueryCost);
  });

  it('refuses a query that costs more than a full bucket as too costly, not as throttled', async () => {
    const response = await server().gql(TEAM_ACCESS, { first: 100 }, { token: DEMO_TOKENS.acmeMember });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', cost: 601, maxCost: BUCKET.points });
  });
});

describe('the anonymous bucket behind a proxy (TRUST_PROXY)', () => {
  const BEHIND_PROXY = { rateLimit: BUCKET, trustProxy: ['127.0.0.1'] };
  const viaProxy = (url: string, clientAddress: string) => async (query: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  describe('with the proxy trusted', () => {
    const server = withSqliteServer(BEHIND_PROXY);

    it('keeps one bucket per forwarded client address', async () => {
      expect((await drainAnonymously(viaProxy(server().url, '203.0.113.5'))).status).toBe(429);
      const other = await viaProxy(server().url, '203.0.113.6')(PUBLIC_HELP);
      expect(other.status).toBe(200);
      expect(other.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(BUCKET.points - other.body.extensions.cost.actualQueryCost);
    });
  });

  describe('without it (the default)', () => {
    const server = withSqliteServer({ rateLimit: BUCKET });

    it('ignores X-Forwarded-For, which any client can send: a made-up address buys no fresh bucket', async () => {
      expect((await drainAnonymously(viaProxy(server().url, '203.0.113.5'))).status).toBe(429);
      expect((await viaProxy(server().url, '203.0.113.6')(PUBLIC_HELP)).status).toBe(429);
    });
  });
});
