import { connect, type Socket } from 'node:net';
import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import MultiloadAdapter from 'i18next-multiload-backend-adapter';
import { withSqliteServer } from './support/each-database';
import { INVITE, TEAM_ACCESS } from './support/operations';

const FIRST_TEAM_PAGE = { first: 5 };

/** A normal caller's calls still answer: liveness, a catalog and the Team Access page. */
async function expectHealthy(url: string, gql: () => Promise<{ status: number; errors?: unknown }>) {
  expect((await fetch(`${url}/health`)).status).toBe(200);
  expect((await fetch(`${url}/locales/resources.json?lng=sv&ns=ui`)).status).toBe(200);
  const page = await gql();
  expect(page.status).toBe(200);
  expect(page.errors).toBeUndefined();
}

describe('GET /locales/resources.json: bounded lists, shared bytes, a fallback instead of a failed batch', () => {
  const server = withSqliteServer();
  const resources = (query: string, headers: Record<string, string> = {}) => fetch(`${server().url}/locales/resources.json?${query}`, { headers });

  it('refuses more than 10 languages, or a value longer than 35 characters, with a localized 400 LOCALE_QUERY_TOO_LARGE', async () => {
    const variants = Array.from({ length: 1500 }, (_, i) => `sv-${i}`).join(',');
    const cases = [
      [`lng=${variants}&ns=ui+errors`, 'sv'],
      [`lng=${Array.from({ length: 11 }, (_, i) => `sv-${i}`).join('+')}&ns=ui`, 'fr'],
      [`lng=en&ns=${Array.from({ length: 11 }, (_, i) => `ns${i}`).join('+')}`, 'en'],
      [`lng=sv-${'x'.repeat(40)}&ns=ui`, 'sv'],
    ];
    const messages = new Set<string>();
    for (const [query, language] of cases) {
      const response = await resources(query, { 'accept-language': language });
      expect(response.status).toBe(400);
      const body: any = await response.json();
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', reason: 'LOCALE_QUERY_TOO_LARGE', maxValues: 10, maxLength: 35 });
      messages.add(body.errors[0].message);
    }
    expect(messages).toEqual(
      new Set([
        'Be om högst 10 språk och 10 namnrymder åt gången, var och en högst 35 tecken lång.',
        'Demandez au plus 10 langues et 10 espaces de noms à la fois, chacun d’au plus 35 caractères.',
        'Ask for at most 10 languages and 10 namespaces at once, each at most 35 characters long.',
      ]),
    );
    await expectHealthy(server().url, () => server().gql(TEAM_ACCESS, FIRST_TEAM_PAGE));
  });

  it('reads a repeated lng or ns parameter as one list, and drops duplicates', async () => {
    const response = await resources('lng=en&lng=sv&lng=sv&ns=ui&ns=errors+ui');
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(Object.keys(body)).toEqual(['en', 'sv']);
    expect(Object.keys(body.sv)).toEqual(['ui', 'errors']);
    expect(JSON.stringify(body.sv.ui)).toContain('Anslut');
    expect(JSON.stringify(body.en.ui)).toContain('Connect');
  });

  it('gives a region variant its language, and an unknown language the default (English) catalogs, without failing the batch', async () => {
    const response = await resources('lng=sv-SE+xx+en&ns=ui');
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(Object.keys(body)).toEqual(['sv-SE', 'xx', 'en']);
    expect(body['sv-SE'].ui).toEqual(await (await fetch(`${server().url}/locales/sv/ui.json`)).json());
    expect(body.xx).toEqual(body.en);
    expect(body.en.ui.actions.connect).toBe('Connect');
  });

  it('answers the same bytes as the single-catalog route, with an exact Content-Length', async () => {
    const response = await resources('lng=fr&ns=errors');
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const single = await (await fetch(`${server().url}/locales/fr/errors.json`)).text();
    expect(text).toBe(`{"fr":{"errors":${single}}}`);
  });

  it('still answers an unknown namespace with a JSON 404', async () => {
    const response = await resources('lng=en+sv&ns=ui+nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('serves i18next-multiload-backend-adapter a region variant, its fallback and an unknown preloaded language in one request', async () => {
    const client = i18next.createInstance();
    await client.use(MultiloadAdapter).init({
      lng: 'sv-SE',
      fallbackLng: 'en',
      preload: ['fr', 'xx'],
      ns: ['ui'],
      defaultNS: 'ui',
      backend: {
        backend: HttpBackend,
        backendOption: { loadPath: `${server().url}/locales/resources.json?lng={{lng}}&ns={{ns}}`, allowMultiLoading: true },
      },
    });
    expect(client.t('actions.connect')).toBe('Anslut');
    expect(client.getFixedT('fr')('actions.connect')).toBe('Se connecter');
    expect(client.getFixedT('xx')('actions.connect')).toBe('Connect');
  });
});

describe('the HTTP rate limit: requests per client address a minute, 429 with Retry-After and a localized RATE_LIMITED', () => {
  const PER_MINUTE = 4;
  // TRUST_PROXY lets each test play several clients through X-Forwarded-For.
  const server = withSqliteServer({ httpRateLimit: { perMinute: PER_MINUTE }, trustProxy: true, demo: true });
  const from = (address: string, path: string, init: RequestInit = {}) =>
    fetch(`${server().url}${path}`, { ...init, headers: { 'x-forwarded-for': address, ...(init.headers as Record<string, string>) } });
  const anonymousQuery = (address: string, language = 'en') =>
    from(address, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify({ query: '{ locales { code } }' }),
    });

  it('refuses an address past its count on every route Fastify serves, /graphql included, and not other addresses', async () => {
    for (let call = 0; call < PER_MINUTE; call += 1) expect((await from('203.0.113.1', '/locales/resources.json?lng=en&ns=ui')).status).toBe(200);
    const refusals = [
      await from('203.0.113.1', '/locales/resources.json?lng=en&ns=ui', { headers: { 'accept-language': 'fr' } }),
      await anonymousQuery('203.0.113.1', 'sv'),
      await from('203.0.113.1', '/demo.json'),
      await from('203.0.113.1', '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-admin-token' },
        body: JSON.stringify({ query: TEAM_ACCESS, variables: FIRST_TEAM_PAGE }),
      }),
    ];
    const bodies: any[] = [];
    for (const response of refusals) {
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      const body: any = await response.json();
      expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', i18nKey: 'errors:http.RATE_LIMITED' });
      expect(body.errors[0].extensions.retryAfterSeconds).toBe(Number(response.headers.get('retry-after')));
      bodies.push(body);
    }
    expect(bodies[0].errors[0].message).toMatch(/^Trop de requêtes depuis votre adresse\. Réessayez dans \d+ secondes\.$/);
    expect(bodies[1].errors[0].message).toMatch(/^För många begäranden från din adress\. Försök igen om \d+ sekunder\.$/);
    expect(bodies[2].errors[0].message).toMatch(/^Too many requests from your address\. Try again in \d+ seconds\.$/);

    const other = await anonymousQuery('203.0.113.2');
    expect(other.status).toBe(200);
    expect(((await other.json()) as any).data.locales.length).toBeGreaterThan(0);
  });

  it('never refuses the health probes, nor the precomputed catalog bundles answered before Fastify', async () => {
    for (let call = 0; call < PER_MINUTE + 1; call += 1) await from('203.0.113.3', '/demo.json');
    expect((await from('203.0.113.3', '/demo.json')).status).toBe(429);
    for (const path of ['/health', '/ready', '/locales/sv/ui.json']) {
      for (let call = 0; call < PER_MINUTE + 2; call += 1) expect((await from('203.0.113.3', path)).status).toBe(200);
    }
  });

  it('counts each address behind the trusted proxy apart, so the server keeps answering others', async () => {
    for (let call = 0; call < PER_MINUTE + 3; call += 1) await anonymousQuery('203.0.113.4');
    expect((await anonymousQuery('203.0.113.4')).status).toBe(429);
    await expectHealthy(server().url, () => server().gql(TEAM_ACCESS, FIRST_TEAM_PAGE, { headers: { 'x-forwarded-for': '203.0.113.5' } }));
  });
});

describe('HTTP timeouts: a client that never finishes its headers or its body is cut off, others are answered', () => {
  // Short limits, so the test need not wait the production ones (10 s for headers, 30 s for a request).
  const server = withSqliteServer({ httpTimeouts: { headersMs: 400, requestMs: 800 } });

  /** Opens a raw socket, writes `start`, and resolves with what the server wrote once it closed the connection. */
  function sendAndWaitForClose(start: string, trickle?: string): Promise<string> {
    const { port } = new URL(server().url);
    return new Promise((resolve, reject) => {
      const socket: Socket = connect(Number(port), '127.0.0.1', () => socket.write(start));
      let received = '';
      // A slowloris client: one more header byte now and then, never the blank line that ends them.
      const dripping = trickle ? setInterval(() => socket.writable && socket.write(trickle), 100) : undefined;
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('error', reject);
      socket.on('close', () => {
        clearInterval(dripping);
        resolve(received);
      });
    });
  }

  it('closes a connection whose headers never end (slowloris) with a 408, while /health and a query still answer', async () => {
    const cutOff = sendAndWaitForClose('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 'a');
    await expectHealthy(server().url, () => server().gql(TEAM_ACCESS, FIRST_TEAM_PAGE));
    expect(await cutOff).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose announced body never arrives with a 408, and the invitation it carried is never written', async () => {
    const invite = { input: { users: [{ name: 'Never Arrives', email: 'never.arrives@acme.example' }] } };
    const body = JSON.stringify({ query: INVITE, variables: invite });
    const before = await server().gql(TEAM_ACCESS, FIRST_TEAM_PAGE);
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer demo-admin-token\r\nContent-Length: ${body.length + 100}\r\n\r\n`;
    const cutOff = sendAndWaitForClose(head + body);
    await expectHealthy(server().url, () => server().gql(TEAM_ACCESS, FIRST_TEAM_PAGE));
    expect(await cutOff).toMatch(/^HTTP\/1\.1 408 /);
    const after = await server().gql(TEAM_ACCESS, FIRST_TEAM_PAGE);
    expect(after.data.teamAccess.totalCount).toBe(before.data.teamAccess.totalCount);
  });
});
