import { foldForSearch } from '../src/modules/team/invitee.rules';
import { describeEachDatabase } from './support/each-database';
import { allTeamUsers } from './support/fixtures';
import { INVITE, TEAM_ACCESS } from './support/operations';
import { ok } from './support/responses';

/**
 * Search and counts that cost what they find (issue 16): on SQLite a search of three characters or more
 * is read from the trigram index (FTS5), a shorter one from an index of the organization; on both
 * databases the total is counted only when asked for, not when the first page holds every match, and once
 * per data version while a client pages. None of it may change an answer.
 */
describeEachDatabase('search indexes and counted totals', (server) => {
  const matches = (user: { name: string; email: string }, search: string) => foldForSearch(`${user.name} ${user.email}`).includes(foldForSearch(search.trim()));

  it('answers every search exactly as a substring match of the folded name and e-mail, below and above three characters', async () => {
    const team = await allTeamUsers(server());
    const fragments = team.slice(0, 12).flatMap((user) => {
      const text = foldForSearch(`${user.name} ${user.email}`);
      return [2, 3, 4, 7].map((length) => text.slice(3, 3 + length));
    });
    // The trigram index's query language must stay out of reach: quotes, operators, prefixes and column filters are text.
    const hostile = [
      '"',
      'a"b',
      'son"',
      '""',
      '"an"',
      'NEAR',
      'an AND on',
      'an OR x',
      'NOT an',
      'son*',
      '^ol',
      '-an',
      'search_text:an',
      '(an)',
      'o b',
      'ÉTÉ',
      'ß',
      '🙂an',
    ];
    for (const search of [...new Set(fragments), ...hostile]) {
      const response = await server().gql(TEAM_ACCESS, { first: 100, search });
      const page = ok(response).teamAccess;
      const expected = team.filter((user) => matches(user, search)).map((user) => user.id);
      expect({ search, totalCount: page.totalCount, ids: page.edges.map((edge: any) => edge.node.id).sort() }).toEqual({
        search,
        totalCount: expected.length,
        ids: [...expected].sort(),
      });
    }
  });

  it('finds a user invited a moment ago by any three letters of the name or e-mail (the index follows every insert)', async () => {
    ok(await server().gql(INVITE, { input: { users: [{ name: 'Zyxwv Qutsr', email: 'qutsr.zyxwv@acme.example' }] } }));
    for (const search of ['xwv', 'TSR', 'sr.zy', 'zyxwv qutsr']) {
      const page = ok(await server().gql(TEAM_ACCESS, { first: 10, search })).teamAccess;
      expect({ search, names: page.edges.map((edge: any) => edge.node.name) }).toEqual({ search, names: ['Zyxwv Qutsr'] });
    }
  });

  it('counts the total only when asked, never when the first page holds every match, and once per data version while paging', async () => {
    const counts = async (work: () => Promise<unknown>) => (await server().statements.during(work)).filter((sql) => /COUNT\(\*\)/.test(sql)).length;
    const withoutTotal = /* GraphQL */ `
      query ($search: String) {
        teamAccess(first: 2, search: $search) {
          edges {
            node {
              id
            }
          }
        }
      }
    `;
    expect(await counts(() => server().gql(withoutTotal, { search: 'an' }))).toBe(0);
    expect(await counts(() => server().gql(TEAM_ACCESS, { first: 100, search: 'an' }))).toBe(0);

    const first = ok(await server().gql(TEAM_ACCESS, { first: 3, search: 'on' })).teamAccess;
    const all = (await allTeamUsers(server())).filter((user) => matches(user, 'on'));
    expect(first.totalCount).toBe(all.length);
    // The next pages reuse the count of this data version (and learn what lies behind the cursor with one EXISTS).
    const next = await server().statements.during(async () => {
      const page = ok(await server().gql(TEAM_ACCESS, { first: 3, search: 'on', after: first.pageInfo.endCursor })).teamAccess;
      expect(page.totalCount).toBe(all.length);
      expect(page.pageInfo.hasPreviousPage).toBe(true);
    });
    expect(next.filter((sql) => /COUNT\(\*\)/.test(sql))).toHaveLength(0);
    expect(next.filter((sql) => /EXISTS \(SELECT 1 FROM/.test(sql))).toHaveLength(1);

    // A change moves the data version on: the total is counted again, and is right.
    ok(await server().gql(INVITE, { input: { users: [{ name: 'Onno Count', email: 'onno.count@acme.example' }] } }));
    let after!: number;
    expect(await counts(async () => (after = ok(await server().gql(TEAM_ACCESS, { first: 3, search: 'on' })).teamAccess.totalCount))).toBe(1);
    expect(after).toBe(all.length + 1);
  });
});
