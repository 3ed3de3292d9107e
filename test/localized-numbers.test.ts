import { describeEachDatabase, withSqliteServer } from './support/each-database';
import { allTeamUsers, tableCounts } from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE, VIEWER, type TeamUser } from './support/operations';
import { expectRequestError, kinds, ok } from './support/responses';
import { DEMO_TOKENS, type TestServer } from './support/test-server';

/**
 * What a reader of each language expects to see, through GraphQL over HTTP: numbers in the language's
 * digits (issue 14: "1 000" with a narrow no-break space in French, a no-break space in Swedish,
 * "1,000" in English), and French sentences about a person that need neither the person's gender nor
 * an elision before the name ("Camille Durand est déjà connecté" was wrong for Camille).
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const LANGUAGES = ['en', 'sv', 'fr'] as const;

/** Digits grouped by three, written out by hand so the expectation does not come from Intl itself. */
const grouped = (value: number, separator: string) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
const digits = { en: (n: number) => grouped(n, ','), sv: (n: number) => grouped(n, NBSP), fr: (n: number) => grouped(n, NNBSP) };

const inLanguage = (lng: string) => ({ headers: { 'accept-language': lng } });

async function expectHealthy(server: TestServer) {
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  expect(ok(await server.gql(VIEWER)).viewer.organization.name).toBe('Acme');
}

describeEachDatabase("numbers in each language's format, and French sentences built from names", (server) => {
  const userNamed = async (name: string): Promise<TeamUser> => (await allTeamUsers(server(), undefined, { search: name }))[0];

  afterEach(async () => {
    await expectHealthy(server());
  });

  it('says BATCH_TOO_LARGE with 1 000 and 1 001 in the digits of each language, writing nothing', async () => {
    const users = await allTeamUsers(server());
    const ids = Array.from({ length: 1001 }, (_, i) => users[i % users.length].id);
    const before = await tableCounts(server());
    const messages: Record<string, string> = {};
    for (const lng of LANGUAGES) {
      const response = await server().gql(DISCONNECT, { input: { userIds: ids } }, inLanguage(lng));
      expect(response.status).toBe(200);
      const error = expectRequestError(response, 'BAD_USER_INPUT', { reason: 'BATCH_TOO_LARGE' });
      messages[lng] = error.message;
    }
    expect(messages).toEqual({
      en: 'At most 1,000 users can be handled in one call; this one has 1,001.',
      sv: `Högst 1${NBSP}000 användare kan hanteras i ett anrop; det här har 1${NBSP}001.`,
      fr: `Un appel peut traiter au plus 1${NNBSP}000 utilisateurs${NNBSP}; celui-ci en contient 1${NNBSP}001.`,
    });
    expect(await tableCounts(server())).toEqual(before);
  });

  it('says VARIABLES_TOO_LARGE with its limit of 50 000 values in the digits of each language', async () => {
    const messages: Record<string, string> = {};
    for (const lng of LANGUAGES) {
      const response = await server().gql('{ locales { code } }', { x: new Array(50_000).fill(0) }, inLanguage(lng));
      expect(response.status).toBe(400);
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VARIABLES_TOO_LARGE', max: 50_000 });
      messages[lng] = response.errors![0].message;
    }
    expect(messages).toEqual({
      en: 'The variables hold too many values: at most 50,000 are allowed.',
      sv: `Variablerna innehåller för många värden: högst 50${NBSP}000 är tillåtna.`,
      fr: `Les variables contiennent trop de valeurs${NBSP}: au plus 50${NNBSP}000 sont autorisées.`,
    });
  });

  it('names the user after a colon in French for ALREADY_CONNECTED and DUPLICATE, so no agreement or elision depends on the name, writing nothing', async () => {
    // Camille Durand is seeded connected with another workspace; connecting her with the Default one is refused.
    const camille = await userNamed('Camille Durand');
    const before = await tableCounts(server());
    const response = await server().gql(CONNECT, { input: { assignments: [{ userIds: [camille.id, camille.id] }] } }, inLanguage('fr'));
    const payload = ok(response).connectMarketoUsers;
    expect(kinds(payload.results)).toEqual(['ALREADY_CONNECTED', 'DUPLICATE']);
    expect(payload.results.map((result) => ('message' in result ? result.message : null))).toEqual([
      `Utilisateur déjà connecté avec d’autres espaces de travail${NBSP}: Camille Durand. Déconnectez d’abord l’utilisateur pour les modifier.`,
      `Cet utilisateur figure plusieurs fois dans cet appel${NBSP}: seule la première occurrence (élément 0) a été traitée.`,
    ]);
    expect(await tableCounts(server())).toEqual(before);
  });

  it('says NOT_CONNECTED in French without "n’est pas connecté" after a name, and in Swedish as before, writing nothing', async () => {
    const lea = await userNamed('Léa Fournier');
    expect(lea.marketoAccess.status).toBe('NOT_CONNECTED');
    const before = await tableCounts(server());
    const messages: Record<string, string> = {};
    for (const lng of ['fr', 'sv']) {
      const payload = ok(await server().gql(DISCONNECT, { input: { userIds: [lea.id] } }, inLanguage(lng))).disconnectMarketoUsers;
      expect(kinds(payload.results)).toEqual(['NOT_CONNECTED']);
      messages[lng] = (payload.results[0] as { message: string }).message;
    }
    expect(messages).toEqual({ fr: `Utilisateur non connecté à Marketo${NBSP}: Léa Fournier.`, sv: 'Léa Fournier är inte ansluten till Marketo.' });
    expect(await tableCounts(server())).toEqual(before);
  });

  it('says EMAIL_ALREADY_INVITED in French about the invitation, not the person ("déjà invité" agreed with nobody), writing nothing', async () => {
    const before = await tableCounts(server());
    const response = await server().gql(INVITE, { input: { users: [{ name: 'Sam Again', email: 'sam.rivera@acme.example' }] } }, inLanguage('fr'));
    const payload = ok(response).inviteUsers;
    expect(kinds(payload.results)).toEqual(['EMAIL_ALREADY_INVITED']);
    expect((payload.results[0] as { message: string }).message).toBe(`Une invitation a déjà été envoyée à cette adresse${NBSP}: sam.rivera@acme.example.`);
    expect(await tableCounts(server())).toEqual(before);
  });
});

describe("THROTTLED's points and seconds in the digits of each language", () => {
  // Four pages of 100 ask for 4 × (1 + 100 × 3) = 1 204 points; the 52 Acme users they return cost 628,
  // and the rest is given back. A slow refill makes the wait run into thousands of seconds.
  const server = withSqliteServer({ rateLimit: { points: 2000, refillPerSecond: 0.1 } });
  const page = 'teamAccess(first: 100) { totalCount edges { node { id name email role invitedAt marketoAccess { status grantedAt } } } }';
  const FOUR_PAGES = `{ a: ${page} b: ${page} c: ${page} d: ${page} }`;

  it('spells cost, the points left and the wait as each language writes numbers', async () => {
    const token = DEMO_TOKENS.acmeAdmin;
    let refused = await server().gql(FOUR_PAGES, {}, { token, ...inLanguage('en') });
    for (let call = 0; refused.status === 200 && call < 10; call += 1) refused = await server().gql(FOUR_PAGES, {}, { token, ...inLanguage('en') });
    expect(refused.status).toBe(429);
    const { cost, available, retryAfterSeconds } = refused.errors![0].extensions as { cost: number; available: number; retryAfterSeconds: number };
    expect(cost).toBeGreaterThanOrEqual(1000);
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(1000);
    const messages: Record<string, string> = { en: refused.errors![0].message };
    // A refused call takes nothing from the bucket and the test clock stands still: the same numbers in each language.
    for (const lng of ['sv', 'fr'] as const) {
      const again = await server().gql(FOUR_PAGES, {}, { token, ...inLanguage(lng) });
      expect(again.status).toBe(429);
      expect(again.errors![0].extensions).toMatchObject({ code: 'THROTTLED', cost, available, retryAfterSeconds });
      messages[lng] = again.errors![0].message;
    }
    const [en, sv, fr] = [digits.en, digits.sv, digits.fr];
    expect(messages).toEqual({
      en: `Too many requests: this query costs ${en(cost)} points and ${en(available)} are left; try again in ${en(retryAfterSeconds)} s.`,
      sv: `För många anrop: frågan kostar ${sv(cost)} poäng och ${sv(available)} återstår; försök igen om ${sv(retryAfterSeconds)} s.`,
      fr: `Trop de requêtes${NBSP}: cette requête coûte ${fr(cost)} points et il en reste ${fr(available)}${NNBSP}; réessayez dans ${fr(retryAfterSeconds)} s.`,
    });
    expect((await fetch(`${server().url}/health`)).status).toBe(200);
  });
});
