import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localesDir } from '../src/core/paths';
import { describeEachDatabase } from './support/each-database';
import { CONNECT, CONNECT_MARKETO, TEAM_ACCESS } from './support/operations';
import { ofKind } from './support/responses';
import { DEMO_TOKENS } from './support/test-server';

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

describeEachDatabase('catalogs over REST and GraphQL, and the language of a request', (server) => {
  it("serves /locales/{lng}/{ns}.json with the documents' words, an ETag and a 304 on If-None-Match", async () => {
    const sv = await get(`${server().url}/locales/sv/ui.json`);
    expect(sv.status).toBe(200);
    expect(sv.headers.get('content-type')).toMatch(/application\/json/);
    expect(sv.headers.get('cache-control')).toMatch(/max-age=/);
    const etag = sv.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(JSON.stringify(await sv.json())).toContain('Anslut');
    const fr = await (await get(`${server().url}/locales/fr/ui.json`)).json();
    expect(JSON.stringify(fr)).toContain('Se connecter');

    const again = await get(`${server().url}/locales/sv/ui.json`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get(`${server().url}/locales/fr/ui.json`, { 'if-none-match': etag });
    expect(other.status).toBe(200);
  });

  it('serves a region code with its language, and answers unknown ones with a JSON 404', async () => {
    const svSE = await get(`${server().url}/locales/sv-SE/ui.json`);
    expect(svSE.status).toBe(200);
    expect(JSON.stringify(await svSE.json())).toContain('Anslut');
    for (const path of ['/locales/xx/ui.json', '/locales/sv/nope.json', '/locales/sv/ui.txt', '/locales/resources.json?lng=en&ns=nope']) {
      const response = await get(`${server().url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'NOT_FOUND' });
    }
  });

  it('says what it cannot find in the caller’s language, for catalogs and for any path', async () => {
    const cases = [
      { path: '/locales/xx/ui.json', lng: 'sv', message: 'Det finns ingen katalog xx/ui.json.', key: 'CATALOG_NOT_FOUND' },
      { path: '/locales/resources.json?lng=en&ns=nope', lng: 'fr', message: 'Espace de noms inconnu\u00a0: nope.', key: 'UNKNOWN_NAMESPACE' },
      {
        path: '/locales/resources.json',
        lng: 'en',
        message: 'Give lng and ns, for example /locales/resources.json?lng=en+sv&ns=ui+errors.',
        key: 'LOCALE_QUERY_MISSING',
      },
      { path: '/no/such/page?token=secret', lng: 'fr', message: 'Il n’y a rien à l’adresse /no/such/page.', key: 'NOT_FOUND' },
      { path: '/graphql/v2', lng: 'sv', message: 'Det finns inget på /graphql/v2.', key: 'NOT_FOUND' },
    ];
    for (const { path, lng, message, key } of cases) {
      const response = await get(`${server().url}${path}`, { 'accept-language': lng });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'NOT_FOUND', message, i18nKey: `errors:http.${key}` });
    }
  });

  it('serves several languages and namespaces at once, as i18next-multiload-backend-adapter asks (+ arrives as a space)', async () => {
    const response = await get(`${server().url}/locales/resources.json?lng=en+sv&ns=ui+errors`);
    expect(response.status).toBe(200);
    const body: any = await response.json();
    expect(Object.keys(body).sort()).toEqual(['en', 'sv']);
    expect(Object.keys(body.sv).sort()).toEqual(['errors', 'ui']);
    expect(JSON.stringify(body.sv.ui)).toContain('Anslut');
  });

  it('lists the locales with native names and completeness, and returns bundles for a locale', async () => {
    const response = await server().gql(
      '{ locales { code nativeName completeness } sv: translations(locale: "sv-SE", namespaces: ["ui"]) { locale bundles } xx: translations(locale: "xx") { locale } }',
      {},
      { token: null },
    );
    expect(response.errors).toBeUndefined();
    const byCode = Object.fromEntries(response.data.locales.map((locale: { code: string }) => [locale.code, locale]));
    expect(byCode.sv).toMatchObject({ nativeName: 'svenska', completeness: 100 });
    expect(byCode.fr).toMatchObject({ nativeName: 'français', completeness: 100 });
    expect(byCode.en).toMatchObject({ nativeName: 'English', completeness: 100 });
    expect(response.data.sv.locale).toBe('sv');
    expect(JSON.stringify(response.data.sv.bundles.ui)).toContain('Anslut');
    expect(response.data.xx.locale).toBe('en');
  });

  it("reports the localization check's findings per language in the locales query: nothing stale or untranslated today", async () => {
    const response = await server().gql(
      '{ locales { code staleKeys untranslatedKeys problems { severity kind key message } } }',
      {},
      { token: null, headers: { 'accept-language': 'sv' } },
    );
    expect(response.errors).toBeUndefined();
    const byCode = Object.fromEntries(response.data.locales.map((locale: { code: string }) => [locale.code, locale]));
    for (const code of ['sv', 'fr']) expect(byCode[code]).toEqual({ code, staleKeys: [], untranslatedKeys: [], problems: [] });
    // English carries what the code scan finds: nothing fails; only keys kept unused (locales/keys-kept.json, none today) warn.
    const kept = Object.keys(JSON.parse(readFileSync(join(localesDir, 'keys-kept.json'), 'utf8')).keys).sort();
    expect(byCode.en.staleKeys).toEqual([]);
    expect(byCode.en.problems.map((problem: { key: string }) => problem.key).sort()).toEqual(kept);
    for (const problem of byCode.en.problems) {
      expect(problem).toMatchObject({ severity: 'WARNING', kind: 'UNUSED' });
      expect(problem.message).toMatch(/^en: "ui:[\w.]+" is (kept unused: .+|used now: remove it from locales\/keys-kept\.json)$/);
    }
  });

  it('writes errors in the language of Accept-Language (with q-values), code and key unchanged', async () => {
    const tooLarge = { first: 1000 };
    const english = await server().gql(TEAM_ACCESS, tooLarge);
    const swedish = await server().gql(TEAM_ACCESS, tooLarge, { headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' } });
    const french = await server().gql(TEAM_ACCESS, tooLarge, { headers: { 'accept-language': 'de-DE, fr;q=0.8' } });
    for (const response of [english, swedish, french]) {
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', i18nKey: 'errors:request.PAGE_SIZE_OUT_OF_RANGE' });
    }
    const messages = new Set([english, swedish, french].map((response) => response.errors?.[0].message));
    expect(messages.size).toBe(3);
    expect(english.errors?.[0].message).toContain('100');
    expect(swedish.errors?.[0].message).toContain('100');
  });

  it('states the minutes left before R2 allows a grant, in Swedish and French', async () => {
    await server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: false } }, { token: DEMO_TOKENS.globexAdmin });
    server().clock.advance(4 * 60_000);
    const input = { assignments: [{ userIds: ['00000000-0000-7000-8000-000000000000'] }] };
    const sv = await server().gql(CONNECT, { input }, { token: DEMO_TOKENS.globexAdmin, headers: { 'accept-language': 'sv' } });
    const fr = await server().gql(CONNECT, { input }, { token: DEMO_TOKENS.globexAdmin, headers: { 'accept-language': 'fr-FR' } });
    expect(sv.errors?.[0].extensions).toMatchObject({ code: 'MARKETO_CONNECTION_NOT_READY', retryAfterSeconds: 360 });
    expect(sv.errors?.[0].message).toMatch(/\b6 minuter\b/);
    expect(fr.errors?.[0].message).toMatch(/\b6 minutes\b/);
    expect(fr.errors?.[0].message).not.toBe(sv.errors?.[0].message);
  });

  it('writes graphql-js request errors in the request language too, keeping the detail', async () => {
    const invalid = await server().gql('{ viewer { nope } }', {}, { headers: { 'accept-language': 'fr' } });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', i18nKey: 'errors:graphql.GRAPHQL_VALIDATION_FAILED' });
    expect(invalid.errors?.[0].message).toMatch(/^La requête ne correspond pas au schéma\u00a0: Cannot query field "nope"/);
    const unparsable = await server().gql('{ viewer {', {}, { headers: { 'accept-language': 'sv' } });
    expect(unparsable.errors?.[0].message).toMatch(/^Begäran är inte giltig GraphQL: Syntax Error/);
    const badVariable = await server().gql('query($n: Int!) { teamAccess(first: $n) { totalCount } }', { n: 'x' });
    expect(badVariable.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', i18nKey: 'errors:graphql.INVALID_VARIABLES' });
    expect(JSON.stringify([invalid, unparsable, badVariable])).not.toContain('stacktrace');
  });

  it('writes per-item error messages in the request language', async () => {
    const input = { assignments: [{ userIds: ['no-such-user'] }] };
    const sv = await server().gql(CONNECT, { input }, { headers: { 'accept-language': 'sv' } });
    const en = await server().gql(CONNECT, { input });
    const item = ofKind(sv.data.connectMarketoUsers.results[0], 'UserAccessError');
    expect(item).toMatchObject({ code: 'USER_NOT_FOUND', i18nKey: 'errors:access.USER_NOT_FOUND' });
    expect(item.message).not.toBe(ofKind(en.data.connectMarketoUsers.results[0], 'UserAccessError').message);
    expect(item.message).toContain('no-such-user');
  });
});
