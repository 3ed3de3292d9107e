import { catalogVersion } from '../src/modules/localization/catalog';
import { loadResources } from '../src/modules/localization/i18n';
import { withSqliteServer } from './support/each-database';
import type { TestServer } from './support/test-server';

const get = (server: TestServer, path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

/** The version the web build puts in catalog URLs (web/vite.config.mts computes it from the same files). */
const VERSION = catalogVersion(loadResources());

describe('the pseudo-locale en-XA in development', () => {
  const server = withSqliteServer();

  it('is served like a language: REST, resources.json, the locales and translations queries', async () => {
    const single = await get(server(), '/locales/en-XA/ui.json');
    expect(single.status).toBe(200);
    const ui: any = await single.json();
    expect(ui.pages.teamAccess).toBe('[Ţéåɱ Åççéšš ·····]');
    expect(ui.counts.usersConnected_other).toBe('[{{count, number}} ûšéŕš çöññéçţéð ····· ··]');
    // Codes compare case-insensitively, and the lower-case spelling gets the same catalog.
    expect(await (await get(server(), '/locales/en-xa/ui.json')).json()).toEqual(ui);

    const batch: any = await (await get(server(), '/locales/resources.json?lng=en-XA+sv&ns=ui')).json();
    expect(batch['en-XA'].ui.pages.teamAccess).toBe('[Ţéåɱ Åççéšš ·····]');

    const response = await server().gql(
      '{ locales { code nativeName completeness } translations(locale: "en-XA", namespaces: ["ui"]) { locale bundles } }',
      {},
      { token: null },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.locales).toContainEqual({ code: 'en-XA', nativeName: 'English (Pseudo-Accents)', completeness: 100 });
    expect(response.data.translations.locale).toBe('en-XA');
    expect(response.data.translations.bundles.ui.pages.teamAccess).toBe('[Ţéåɱ Åççéšš ·····]');
  });

  it('answers errors in it, by Accept-Language, over REST and GraphQL', async () => {
    const missing = await get(server(), '/no/such/page', { 'accept-language': 'en-XA' });
    expect(await missing.json()).toMatchObject({ message: '[Ţĥéŕé îš ñöţĥîñĝ åţ /no/such/page. ····· ····]' });

    const response = await server().gql('{ teamAccess(first: 1000) { totalCount } }', {}, { headers: { 'accept-language': 'en-XA' } });
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/^\[.*[ÅÉÎÖÛåéîöû].* ·+\]$/);
  });

  it('is not what an English or unknown Accept-Language gets', async () => {
    for (const lng of ['en', 'en-US', 'de']) {
      const response = await get(server(), '/no/such/page', { 'accept-language': lng });
      expect(await response.json()).toMatchObject({ message: 'There is nothing at /no/such/page.' });
    }
  });
});

describe('the pseudo-locale in production', () => {
  const server = withSqliteServer({ production: true });

  it('is not listed or served', async () => {
    expect((await get(server(), '/locales/en-XA/ui.json')).status).toBe(200); // en-XA is English's region: it gets English
    const english: any = await (await get(server(), '/locales/en-XA/ui.json')).json();
    expect(english.pages.teamAccess).toBe('Team Access');
    const response = await server().gql('{ locales { code } }', {}, { token: null });
    expect(response.data.locales.map((locale: { code: string }) => locale.code).sort()).toEqual(['en', 'fr', 'sv']);
  });
});

describe('catalog URLs versioned per build', () => {
  const server = withSqliteServer();

  it('caches the URL of the server’s own version for a year, immutable, on the fast path and the routed one', async () => {
    for (const path of [`/locales/sv/ui.json?v=${VERSION}`, `/locales/sv/ui.json?v=${VERSION}&x=1`, `/locales/sv-SE/errors.json?v=${VERSION}`]) {
      const response = await get(server(), path);
      expect([path, response.status, response.headers.get('cache-control')]).toEqual([path, 200, 'public, max-age=31536000, immutable']);
      expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
    }
    const sv: any = await (await get(server(), `/locales/sv/ui.json?v=${VERSION}`)).json();
    expect(sv.pages.teamAccess).toBe('Team Access');
    expect(sv.actions.connect).toBe('Anslut');
  });

  it('lets no cache keep a version that is not the server’s, and revalidates an unversioned URL as before', async () => {
    for (const path of ['/locales/fr/ui.json?v=0123456789abcdef', '/locales/fr/ui.json?v=0123456789abcdef&x=1']) {
      const response = await get(server(), path);
      expect([path, response.status, response.headers.get('cache-control')]).toEqual([path, 200, 'no-store']);
      expect(((await response.json()) as any).actions.connect).toBe('Se connecter');
    }
    const unversioned = await get(server(), '/locales/fr/ui.json');
    expect(unversioned.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    const again = await get(server(), `/locales/fr/ui.json?v=${VERSION}`, { 'if-none-match': unversioned.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it('revalidates the pseudo-locale even under the version: the build’s version does not cover it', async () => {
    const response = await get(server(), `/locales/en-XA/ui.json?v=${VERSION}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
  });
});
