import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describeInChromium, useE2E } from './browser';

const I18NEXT_DIR = join(require.resolve('i18next/package.json'), '..');
const HTTP_BACKEND_DIR = join(require.resolve('i18next-http-backend/package.json'), '..');

/**
 * The page of another origin: i18next with i18next-http-backend (their browser builds, served as they
 * are from node_modules: no bundler) loads the Swedish `ui` catalog from the API's /locales, then the
 * page POSTs a GraphQL query with a bearer token and GETs one. It writes what it got into #result.
 */
const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Another origin</title><link rel="icon" href="data:,"></head>
  <body>
    <pre id="result"></pre>
    <script src="/i18next.min.js"></script>
    <script src="/i18nextHttpBackend.min.js"></script>
    <script type="module">
      const api = new URLSearchParams(location.search).get('api');
      const headers = { authorization: 'Bearer demo-admin-token', 'accept-language': 'sv', 'x-request-id': 'cross-origin-e2e' };
      const query = '{ viewer { role organization { name } } }';
      await i18next.use(i18nextHttpBackend).init({
        lng: 'sv', fallbackLng: false, ns: ['ui'], defaultNS: 'ui',
        backend: { loadPath: api + '/locales/{{lng}}/{{ns}}.json' },
      });
      const posted = await fetch(api + '/graphql', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const got = await fetch(api + '/graphql?' + new URLSearchParams({ query }), { headers });
      document.getElementById('result').textContent = JSON.stringify({
        translated: i18next.t('actions.connect'),
        post: { status: posted.status, requestId: posted.headers.get('x-request-id'), body: await posted.json() },
        get: { status: got.status, body: await got.json() },
      });
    </script>
  </body>
</html>`;

const FILES: Record<string, { type: string; body: string | Buffer }> = {
  '/': { type: 'text/html; charset=utf-8', body: PAGE },
  '/i18next.min.js': { type: 'text/javascript', body: readFileSync(join(I18NEXT_DIR, 'i18next.min.js')) },
  '/i18nextHttpBackend.min.js': { type: 'text/javascript', body: readFileSync(join(HTTP_BACKEND_DIR, 'i18nextHttpBackend.min.js')) },
};

describeInChromium('a page of another origin calling the API in Chromium (CORS)', () => {
  const e2e = useE2E();
  let pageServer: Server;
  let pageOrigin: string;

  beforeAll(async () => {
    pageServer = createServer((request, response) => {
      const file = FILES[new URL(request.url ?? '/', 'http://page').pathname];
      if (!file) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': file.type }).end(file.body);
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => pageServer.close(resolve));
  });

  it('loads a catalog through i18next-http-backend and runs GraphQL queries with a bearer token', async () => {
    const { url } = e2e();
    expect(new URL(url).origin).not.toBe(pageOrigin);
    const page = await e2e().newPage();
    await page.goto(`${pageOrigin}/?api=${encodeURIComponent(url)}`);
    await page.locator('#result:not(:empty)').waitFor();
    const result = JSON.parse((await page.locator('#result').textContent())!);
    expect(result).toMatchObject({
      translated: 'Anslut',
      post: { status: 200, requestId: 'cross-origin-e2e', body: { data: { viewer: { role: 'ADMIN', organization: { name: 'Acme' } } } } },
      get: { status: 200, body: { data: { viewer: { role: 'ADMIN', organization: { name: 'Acme' } } } } },
    });
  });
});
