import { withSqliteServer } from './support/each-database';
import { withoutBucketLevel } from './support/responses';

const ARTICLE = /* GraphQL */ `
  query Help($id: ID!, $locale: String) {
    helpArticle(id: $id, locale: $locale) {
      id
      locale
      exlId
      title
      anchor
      intro
      closing
      html
      markdown
      steps {
        number
        text
        optional
        optionalLabel
        screenshots
        notes {
          kind
          text
        }
      }
      callouts {
        kind
        position
      }
      links {
        text
        href
      }
      alternates {
        locale
        exlId
        title
      }
    }
  }
`;

// Help content does not touch the database: one SQLite server is enough.
describe('help articles over GraphQL', () => {
  const server = withSqliteServer();

  const help = async (variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await server().gql(ARTICLE, { id: 'grant-marketo-access-to-users', ...variables }, { token: null, headers });
    expect(response.errors).toBeUndefined();
    return response.data.helpArticle;
  };

  it("serves each language's article, structured, with its alternates", async () => {
    const en = await help({ locale: 'en' });
    expect(en).toMatchObject({ locale: 'en', title: 'Grant Marketo Access to Users', anchor: 'grant-marketo-access-to-users' });
    expect(en.steps).toHaveLength(5);
    expect(en.alternates.map((a: any) => a.locale).sort()).toEqual(['fr', 'sv']);
    expect(en.alternates.find((a: any) => a.locale === 'sv').exlId).toBe(en.exlId);
    const fr = await help({ locale: 'fr-CA' });
    expect(fr).toMatchObject({ locale: 'fr', title: 'Octroi de l’accès aux utilisateurs', exlId: 'd9577401-7aa2-4ce1-bc4d-c0514d01d953' });
    expect(fr.steps.map((s: any) => s.text)).toEqual([
      'Sélectionnez un ou plusieurs utilisateurs, puis cliquez sur Se connecter.',
      expect.stringContaining('Si les espaces de travail sont activés'),
      expect.stringContaining('Cliquez sur la liste déroulante Workspace'),
    ]);
    expect(fr.html).toContain('<strong>Se connecter</strong>');
  });

  it('picks the language from Accept-Language when no locale is given', async () => {
    const sv = await help({}, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' });
    expect(sv.locale).toBe('sv');
    expect(sv.steps[2].text).toBe('Klicka på Användaråtkomst -fliken. Markera en eller flera användare och klicka sedan på Anslut.');
    expect(sv.callouts).toEqual([
      { kind: 'CAUTION', position: 'intro' },
      { kind: 'NOTE', position: 'step 3' },
    ]);
    expect((await help({}, { 'accept-language': 'de' })).locale).toBe('en');
  });

  it('lists the articles and answers null for an unknown topic', async () => {
    const list = await server().gql('{ all: helpArticles { id locale } sv: helpArticles(locale: "sv") { title } }', {}, { token: null });
    expect(list.data.all).toHaveLength(3);
    expect(list.data.sv).toEqual([{ title: 'Ge Marketo åtkomst till användare' }]);
    const missing = await server().gql(ARTICLE, { id: 'no-such-topic' }, { token: null });
    expect(missing.data.helpArticle).toBeNull();
  });
});

describe('help content served again from memory', () => {
  const server = withSqliteServer();

  it('answers a repeated query identically, per language, and never caches what reads the caller or the database', async () => {
    const query = '{ helpArticle(id: "grant-marketo-access-to-users") { locale title } }';
    const sv1 = await server().gql(query, {}, { token: null, headers: { 'accept-language': 'sv' } });
    const fr = await server().gql(query, {}, { token: null, headers: { 'accept-language': 'fr' } });
    const sv2 = await server().gql(query, {}, { token: null, headers: { 'accept-language': 'sv' } });
    expect([sv1.data.helpArticle.locale, fr.data.helpArticle.locale, sv2.data.helpArticle.locale]).toEqual(['sv', 'fr', 'sv']);
    expect(withoutBucketLevel(sv2)).toEqual(withoutBucketLevel(sv1));
    const mixed = '{ locales { code } viewer { role } }';
    const admin = await server().gql(mixed);
    const anonymous = await server().gql(mixed, {}, { token: null });
    expect(admin.data.viewer.role).toBe('ADMIN');
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
