import { request, type IncomingHttpHeaders } from 'node:http';
import { TEAM_ACCESS } from './support/operations';
import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS } from './support/test-server';

/** A small bucket, so a few pages empty it: 300 points, 10 back per second (of the server's manual clock). */
const BUCKET = { points: 300, refillPerSecond: 10 };
/** TEAM_ACCESS with `first: 10`: 1 + 10 × (pageInfo 1 + edges 1, node 1, marketoAccess 1, grantedBy 1, workspaces 1). */
const PAGE_OF_10 = 61;

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

  it('buckets anonymous calls per client IP', async () => {
    // 1 + 40 × 6 = 241: one such call per full bucket. Anonymous callers are refused by the resolver, after paying.
    const first = await fromAddress('127.0.0.1', TEAM_ACCESS, { first: 40 });
    expect(first.status).toBe(401);
    expect(first.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(first.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(BUCKET.points - 241);
    const second = await fromAddress('127.0.0.1', TEAM_ACCESS, { first: 40 });
    expect(second.status).toBe(429);
    expect(second.body.errors[0].extensions.code).toBe('THROTTLED');
    const elsewhere = await fromAddress('127.0.0.2', TEAM_ACCESS, { first: 40 });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(BUCKET.points - 241);
  });

  it('refuses a query that costs more than a full bucket as too costly, not as throttled', async () => {
    const response = await server().gql(TEAM_ACCESS, { first: 100 }, { token: DEMO_TOKENS.acmeMember });
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', cost: 601, maxCost: BUCKET.points });
  });
});
