import { loadConfig } from '../src/app/config';
import { withSqliteServer } from './support/each-database';
import { DEMO_TOKENS } from './support/test-server';

const PAGE_ORIGIN = 'https://app.example.com';

function preflight(url: string, origin = PAGE_ORIGIN, requestHeaders = 'authorization, content-type, accept-language, x-request-id') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

function headerList(response: Response, name: string): string[] {
  return (response.headers.get(name) ?? '').split(',').map((value) => value.trim().toLowerCase());
}

describe('CORS with CORS_ORIGINS unset (any origin, no credentials)', () => {
  const server = withSqliteServer();

  it('answers a preflight for POST /graphql with 204 and the headers a bearer-token client sends', async () => {
    const response = await preflight(`${server().url}/graphql`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(headerList(response, 'access-control-allow-methods')).toEqual(expect.arrayContaining(['get', 'post']));
    expect(headerList(response, 'access-control-allow-headers')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'accept-language', 'x-request-id']),
    );
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('lets a page of another origin read a GraphQL answer and its x-request-id, etag and retry-after', async () => {
    const response = await fetch(`${server().url}/graphql`, {
      method: 'POST',
      headers: { origin: PAGE_ORIGIN, 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}` },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(headerList(response, 'access-control-expose-headers')).toEqual(['x-request-id', 'etag', 'retry-after']);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('sends CORS headers with a catalog from the fast path, and with its 304', async () => {
    const response = await fetch(`${server().url}/locales/sv/ui.json`, { headers: { origin: PAGE_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(headerList(response, 'access-control-expose-headers')).toContain('etag');
    const revalidated = await fetch(`${server().url}/locales/sv/ui.json`, { headers: { origin: PAGE_ORIGIN, 'if-none-match': response.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends CORS headers with the catalogs Fastify routes (several at once, a 404)', async () => {
    const several = await fetch(`${server().url}/locales/resources.json?lng=en+sv&ns=ui`, { headers: { origin: PAGE_ORIGIN } });
    expect(several.status).toBe(200);
    expect(several.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await fetch(`${server().url}/locales/xx/ui.json`, { headers: { origin: PAGE_ORIGIN } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers a preflight for a catalog (i18next-http-backend sends none by default, but a custom header makes one)', async () => {
    const response = await fetch(`${server().url}/locales/sv/ui.json`, {
      method: 'OPTIONS',
      headers: { origin: PAGE_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps the web UI, health checks and demo accounts same-origin', async () => {
    const health = await fetch(`${server().url}/health`, { headers: { origin: PAGE_ORIGIN } });
    expect(health.status).toBe(200);
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    const preflightHealth = await preflight(`${server().url}/health`);
    expect(preflightHealth.status).toBe(404);
    expect(preflightHealth.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS with CORS_ORIGINS listing origins', () => {
  const server = withSqliteServer({ corsOrigins: [PAGE_ORIGIN, 'http://localhost:5173'] });

  it('allows a listed origin, naming it, and varies on Origin', async () => {
    const response = await preflight(`${server().url}/graphql`);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(headerList(response, 'vary')).toContain('origin');
    const bundle = await fetch(`${server().url}/locales/en/ui.json`, { headers: { origin: 'http://localhost:5173' } });
    expect(bundle.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(headerList(bundle, 'vary')).toEqual(expect.arrayContaining(['accept-encoding', 'origin']));
  });

  it('refuses an unlisted origin: no Access-Control-Allow-Origin, so the browser keeps the answer from the page', async () => {
    const answer = await preflight(`${server().url}/graphql`, 'https://evil.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const bundle = await fetch(`${server().url}/locales/en/ui.json`, { headers: { origin: 'https://evil.example' } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('access-control-allow-origin')).toBeNull();
    expect(headerList(bundle, 'vary')).toContain('origin');
    const query = await fetch(`${server().url}/locales/resources.json?lng=en&ns=ui`, { headers: { origin: 'https://evil.example' } });
    expect(query.headers.get('access-control-allow-origin')).toBeNull();
    expect(headerList(query, 'vary')).toContain('origin');
  });
});

describe('CORS_ORIGINS in the configuration', () => {
  it('is any origin when unset, empty or *', () => {
    expect(loadConfig({}).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: ' ' }).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it('is a list of origins, trimmed, without a trailing slash', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com/, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('refuses what can never be an Origin header', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/path' })).toThrow(/CORS_ORIGINS/);
  });
});
