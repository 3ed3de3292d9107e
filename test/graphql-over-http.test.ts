import { serverAudits, type AuditResult } from 'graphql-http';
import type * as GraphQLRequest from 'graphql-request' with { 'resolution-mode': 'import' };
import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS } from './support/test-server';

// graphql-request ships CommonJS code (main.cjs) but only ESM typings: the types from its ESM entry, the code from require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ClientError, GraphQLClient } = require('graphql-request') as typeof GraphQLRequest;

/** The audits that did not pass: `id name: reason`. */
async function failedAudits(url: string, headers: Record<string, string>): Promise<{ must: string[]; should: string[] }> {
  const results: AuditResult[] = [];
  const fetchWithHeaders: typeof fetch = (input, init) => {
    const merged = new Headers(init?.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return fetch(input, { ...init, headers: merged });
  };
  for (const audit of serverAudits({ url: `${url}/graphql`, fetchFn: fetchWithHeaders })) results.push(await audit.fn());
  const failed = (status: AuditResult['status']) =>
    results.filter((result) => result.status === status).map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
  return { must: failed('error'), should: failed('warn') };
}

describe('the GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  describe('development server, anonymous with Apollo’s preflight header', () => {
    const server = withSqliteServer();

    it('passes every MUST and every SHOULD', async () => {
      // The audit's GETs carry no content-type: without a token they need Apollo's preflight header (CSRF prevention).
      const failed = await failedAudits(server().url, { 'apollo-require-preflight': 'true' });
      expect(failed.must).toEqual([]);
      expect(failed.should).toEqual([]);
    });
  });

  describe('production server, with a bearer token and nothing else', () => {
    const server = withSqliteServer({ production: true });

    it('passes every MUST and every SHOULD', async () => {
      const failed = await failedAudits(server().url, { authorization: `Bearer ${DEMO_TOKENS.acmeMember}` });
      expect(failed.must).toEqual([]);
      expect(failed.should).toEqual([]);
    });
  });
});

describe('graphql-request as a client', () => {
  const server = withSqliteServer({ production: true });
  const VIEWER = /* GraphQL */ `
    query Viewer {
      viewer {
        role
        organization {
          name
        }
      }
    }
  `;

  it('runs a query by POST with a bearer token', async () => {
    const client = new GraphQLClient(`${server().url}/graphql`, { headers: { authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}` } });
    await expect(client.request(VIEWER)).resolves.toEqual({ viewer: { role: 'ADMIN', organization: { name: expect.any(String) } } });
  });

  it('runs a query by GET with a bearer token (CSRF prevention lets a token through)', async () => {
    const client = new GraphQLClient(`${server().url}/graphql`, { method: 'GET', headers: { authorization: `Bearer ${DEMO_TOKENS.acmeMember}` } });
    await expect(client.request(VIEWER)).resolves.toEqual({ viewer: { role: 'MEMBER', organization: { name: expect.any(String) } } });
  });

  it('gets the 401 and its GraphQL error as a ClientError', async () => {
    const client = new GraphQLClient(`${server().url}/graphql`, { headers: { authorization: 'Bearer not-a-token' } });
    const error = await client.request(VIEWER).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as GraphQLRequest.ClientError).response.status).toBe(401);
    expect((error as GraphQLRequest.ClientError).response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
