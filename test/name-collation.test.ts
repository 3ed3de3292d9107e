/**
 * Names sorted as each language sorts them (issue 14, item 6), over HTTP on SQLite and MariaDB: the
 * Team Access page by NAME in English, French and Swedish, paged by 2 forward and backward, ASC and
 * DESC; cursors bound to the language's order; the response cache never replaying one language's order
 * to another; and the migration that gives existing users their sort keys.
 */
import { DEMO_TOKENS } from '../src/app/demo-seed';
import { collationKey } from '../src/core/collation-key';
import { createDataSource } from '../src/db/data-source';
import { migrations } from '../src/db/migrations';
import { NameSortKeys1764400000000 } from '../src/db/migrations/1764400000000-name-sort-keys';
import { databaseTargets } from './support/databases';
import { describeEachDatabase } from './support/each-database';
import { CONNECT_MARKETO, INVITE, type Operation, type PageInfo, WORKSPACES } from './support/operations';
import { expectRequestError, ok } from './support/responses';

interface Page {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: { name: string } }[];
}

const TEAM = /* GraphQL */ `
  query Team($first: Int, $after: String, $last: Int, $before: String, $orderBy: TeamAccessOrder, $search: String) {
    teamAccess(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, search: $search) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { name } }
    }
  }
` as Operation<{ teamAccess: Page }>;

// Invited in this (unsorted) order; their e-mails share a domain that the search narrows the list to.
const NAMES = ['Zoran', 'Örjan', 'Léa', 'Ärla', 'Lucas', 'zoé', 'Åsa', 'Émile', 'Anna', 'Zoé', 'Øystein', 'lea'];
const DOMAIN = 'collation.example';

// As a native reader expects them (reviewed per language). English and French ignore accents and case
// first (Ärla before Åsa: "arla" < "asa"), then put the plain name before the accented one and lower
// case before upper case. Swedish puts Å, Ä, Ö (and Ø, its Ö) after Z, in that order.
const EXPECTED: Record<'en' | 'fr' | 'sv', string[]> = {
  en: ['Anna', 'Ärla', 'Åsa', 'Émile', 'lea', 'Léa', 'Lucas', 'Örjan', 'Øystein', 'zoé', 'Zoé', 'Zoran'],
  fr: ['Anna', 'Ärla', 'Åsa', 'Émile', 'lea', 'Léa', 'Lucas', 'Örjan', 'Øystein', 'zoé', 'Zoé', 'Zoran'],
  sv: ['Anna', 'Émile', 'lea', 'Léa', 'Lucas', 'zoé', 'Zoé', 'Zoran', 'Åsa', 'Ärla', 'Örjan', 'Øystein'],
};
const LANGUAGES = Object.keys(EXPECTED) as (keyof typeof EXPECTED)[];

describeEachDatabase('names sorted as each language sorts them', (server) => {
  beforeAll(async () => {
    const users = NAMES.map((name, index) => ({ name, email: `user${index}@${DOMAIN}` }));
    expect(ok(await server().gql(INVITE, { input: { users } })).inviteUsers.invitedCount).toBe(NAMES.length);
  });

  const team = async (language: string, variables: Record<string, unknown>): Promise<Page> =>
    ok(await server().gql(TEAM, { search: DOMAIN, ...variables }, { headers: { 'accept-language': language } })).teamAccess;

  /** Every name, in pages of 2: first/after from the start, or last/before from the end. */
  async function walk(language: string, backward: boolean, orderBy?: Record<string, string>): Promise<string[]> {
    const names: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < NAMES.length; pages += 1) {
      const page: Page = await team(language, backward ? { last: 2, before: cursor, orderBy } : { first: 2, after: cursor, orderBy });
      expect(page.totalCount).toBe(NAMES.length);
      const pageNames = page.edges.map((edge) => edge.node.name);
      if (backward) names.unshift(...pageNames);
      else names.push(...pageNames);
      const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
      expect(more).toBe(names.length < NAMES.length);
      if (!more) return names;
      cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it.each(LANGUAGES)('lists names by NAME in the order of %s, paging by 2 forward and backward', async (language) => {
    expect(await walk(language, false)).toEqual(EXPECTED[language]);
    expect(await walk(language, true)).toEqual(EXPECTED[language]);
    expect(await walk(language, false, { field: 'NAME', direction: 'ASC' })).toEqual(EXPECTED[language]);
  });

  it.each(LANGUAGES)('lists names by NAME DESC in the reverse order of %s, forward and backward', async (language) => {
    const descending = [...EXPECTED[language]].reverse();
    expect(await walk(language, false, { field: 'NAME', direction: 'DESC' })).toEqual(descending);
    expect(await walk(language, true, { field: 'NAME', direction: 'DESC' })).toEqual(descending);
  });

  it('takes the language from Accept-Language with its region and q-values (sv-SE, then en)', async () => {
    const page = await team('sv-SE, en;q=0.5', { first: 12 });
    expect(page.edges.map((edge) => edge.node.name)).toEqual(EXPECTED.sv);
  });

  it("refuses a cursor of one language's name order in another (INVALID_CURSOR), and accepts it where it belongs", async () => {
    const english = await team('en', { first: 2 });
    const cursor = english.pageInfo.endCursor!;
    const swedish = await server().gql(TEAM, { search: DOMAIN, first: 2, after: cursor }, { headers: { 'accept-language': 'sv' } });
    expectRequestError(swedish, 'BAD_USER_INPUT', { reason: 'INVALID_CURSOR' });
    // French shares the English (root) order, so the cursor goes on there.
    expect((await team('fr', { first: 2, after: cursor })).edges.map((edge) => edge.node.name)).toEqual(EXPECTED.fr.slice(2, 4));
    // An e-mail order is the same in every language: its cursors cross languages.
    const byEmail = await team('en', { first: 2, orderBy: { field: 'EMAIL' } });
    expect((await team('sv', { first: 2, after: byEmail.pageInfo.endCursor, orderBy: { field: 'EMAIL' } })).edges).toHaveLength(2);
  });

  it('never replays a page cached in one language to a reader of another (the response cache is per language)', async () => {
    for (let round = 0; round < 2; round += 1) {
      for (const language of ['en', 'sv'] as const) {
        const page = await team(language, { first: 12 });
        expect(page.edges.map((edge) => edge.node.name)).toEqual(EXPECTED[language]);
      }
    }
  });

  it('stores the sort keys with the name when users are invited', async () => {
    const rows: { name: string; name_sort_root: string; name_sort_sv: string }[] = await server().dataSource.query(
      'SELECT name, name_sort_root, name_sort_sv FROM team_user WHERE email LIKE ?',
      [`%@${DOMAIN}`],
    );
    expect(rows).toHaveLength(NAMES.length);
    for (const row of rows) {
      expect(row.name_sort_root).toBe(collationKey(row.name, 'root'));
      expect(row.name_sort_sv).toBe(collationKey(row.name, 'sv'));
    }
  });
});

describe.each(databaseTargets().map((target) => [target.name, target] as const))('the migration to name sort keys [%s]', (_name, target) => {
  it('gives users invited before it their keys, so they sort in every language, and the database compares keys by code point', async () => {
    const database = await target.create();
    const dataSource = createDataSource(database.url, { entities: [], migrations });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      for (const Migration of migrations.slice(0, migrations.indexOf(NameSortKeys1764400000000))) await new Migration().up(runner);
      const at = '2026-03-02 09:00:00.000';
      await runner.query("INSERT INTO organization (id, name, marketo_workspaces_enabled, created_at) VALUES ('org-1', 'Old', 1, ?)", [at]);
      for (const [index, name] of NAMES.entries()) {
        await runner.query(
          "INSERT INTO team_user (id, organization_id, name, email, search_text, role, invited_at) VALUES (?, 'org-1', ?, ?, '', 'MEMBER', ?)",
          [`u${String(index).padStart(2, '0')}`, name, `user${index}@${DOMAIN}`, at],
        );
      }
      await new NameSortKeys1764400000000().up(runner);
      const namesBy = async (column: string, direction = 'ASC') =>
        (
          (await runner.query(`SELECT name FROM team_user WHERE organization_id = 'org-1' ORDER BY ${column} ${direction}, id ${direction}`)) as {
            name: string;
          }[]
        ).map((row) => row.name);
      expect(await namesBy('name_sort_root')).toEqual(EXPECTED.en);
      expect(await namesBy('name_sort_sv')).toEqual(EXPECTED.sv);
      expect(await namesBy('name_sort_sv', 'DESC')).toEqual([...EXPECTED.sv].reverse());
      // Undone and redone, the keys come back the same.
      await new NameSortKeys1764400000000().down(runner);
      await new NameSortKeys1764400000000().up(runner);
      expect(await namesBy('name_sort_sv')).toEqual(EXPECTED.sv);
    } finally {
      await runner.release();
      await dataSource.destroy();
      await database.drop();
    }
  });
});

// The Workspace drop-down: Default first, then the names as the reader's language sorts them.
const WORKSPACE_NAMES = ['Östra', 'Zenit', 'Åre', 'Alfa', 'Ängby', 'Émeraude'];
const WORKSPACE_ORDER: Record<'en' | 'sv', string[]> = {
  en: ['Default', 'Alfa', 'Ängby', 'Åre', 'Émeraude', 'Östra', 'Zenit'],
  sv: ['Default', 'Alfa', 'Émeraude', 'Zenit', 'Åre', 'Ängby', 'Östra'],
};

describeEachDatabase('workspaces in the drop-down order of the reader’s language', (server) => {
  const token = DEMO_TOKENS.globexAdmin;

  beforeAll(async () => {
    ok(await server().gql(CONNECT_MARKETO, { input: { workspacesEnabled: true, workspaceNames: WORKSPACE_NAMES } }, { token }));
  });

  it.each(Object.keys(WORKSPACE_ORDER) as (keyof typeof WORKSPACE_ORDER)[])('%s', async (language) => {
    const { marketoWorkspaces } = ok(await server().gql(WORKSPACES, {}, { token, headers: { 'accept-language': language } }));
    expect(marketoWorkspaces.map((workspace) => workspace.name)).toEqual(WORKSPACE_ORDER[language]);
  });
});
