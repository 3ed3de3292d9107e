import { describeEachDatabase } from './support/each-database';
import { allTeamUsers, countRows } from './support/fixtures';
import { CONNECT, INVITE, TEAM_ACCESS, WORKSPACES } from './support/operations';
import { DEMO_TOKENS } from './support/test-server';

const names = (users: { name: string }[]) => users.map((user) => user.name);

describeEachDatabase('the Team Access page and Team Management (R1, R8)', (server) => {
  it('lists exactly the organization\'s invited users, page by page, by name', async () => {
    const seen: { id: string; name: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: any = await server().gql(TEAM_ACCESS, { first: 20, after });
      const connection = response.data.teamAccess;
      expect(connection.totalCount).toBe(52);
      expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((edge: any) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(52);
    expect(new Set(seen.map((user) => user.id)).size).toBe(52);
    // Sorted by name in the database's collation, then id: the pages join up into one ordered list.
    const ordered = await server().dataSource.query(
      "SELECT u.name FROM team_user u JOIN organization o ON o.id = u.organization_id WHERE o.name = 'Acme' ORDER BY u.name, u.id",
    );
    expect(names(seen)).toEqual(names(ordered));
    expect(names(seen).slice(0, 2)).toEqual(['Agnes Wallin', 'Alex Morgan']);
    const globex = await allTeamUsers(server(), DEMO_TOKENS.globexAdmin);
    expect(globex).toHaveLength(11);
    expect(globex.some((user) => seen.some((acme) => acme.id === user.id))).toBe(false);
    expect(await allTeamUsers(server(), DEMO_TOKENS.acmeMember)).toHaveLength(52);
  });

  it('searches names and e-mails, case-insensitively, taking LIKE and SQL metacharacters literally', async () => {
    const search = async (text: string) => (await server().gql(TEAM_ACCESS, { first: 100, search: text })).data.teamAccess;
    expect(names((await search('LINDBERG')).edges.map((edge: any) => edge.node))).toEqual(['Oscar Lindberg']);
    expect((await search('chloé')).edges.map((edge: any) => edge.node.email)).toEqual(['chloe.moreau@acme.example']);
    expect((await search('@acme.example')).totalCount).toBe(52);
    for (const literal of ['%', '_', "'; DROP TABLE team_user; --", '\\']) expect((await search(literal)).totalCount).toBe(0);
    expect(await countRows(server(), 'team_user')).toBeGreaterThan(0);
  });

  it('filters by Marketo access status, with the grant\'s details on connected users', async () => {
    const connected = await allTeamUsers(server(), undefined, { status: 'CONNECTED' });
    const notConnected = await allTeamUsers(server(), undefined, { status: 'NOT_CONNECTED' });
    expect([connected.length, notConnected.length]).toEqual([5, 47]);
    for (const user of connected as any[]) {
      expect(user.marketoAccess).toMatchObject({ status: 'CONNECTED', grantedAt: expect.any(String), grantedBy: { name: 'Alex Morgan' } });
      expect(user.marketoAccess.workspaces.length).toBeGreaterThan(0);
    }
    for (const user of notConnected as any[]) expect(user.marketoAccess).toEqual({ status: 'NOT_CONNECTED', grantedAt: null, grantedBy: null, workspaces: [] });
  });

  it('refuses page sizes outside 1-100 and cursors it did not make', async () => {
    for (const first of [0, -1, 101]) {
      const response = await server().gql(TEAM_ACCESS, { first });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_OUT_OF_RANGE' });
    }
    for (const after of ['garbage', Buffer.from('{"x":1}').toString('base64url')]) {
      const response = await server().gql(TEAM_ACCESS, { first: 10, after });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
    }
  });

  it('loads a page with a constant number of SQL statements, whatever its size (no N+1)', async () => {
    const count = async (first: number) => (await server().statements.during(() => server().gql(TEAM_ACCESS, { first }))).length;
    const small = await count(5);
    const large = await count(100);
    console.log(`teamAccess statements: first 5 → ${small}, first 100 → ${large}`);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(8);
  });

  it('invites users with one typed result each; they then appear and can be connected (R8)', async () => {
    const response = await server().gql(INVITE, {
      input: {
        users: [
          { name: 'Åsa Öberg', email: 'Asa.Oberg@Acme.example', role: 'ADMIN' },
          { name: 'José Núñez 🚀', email: 'jose.nunez@acme.example' },
          { name: 'No Mail', email: 'not-an-email' },
          { name: '   ', email: 'blank@acme.example' },
          { name: 'x'.repeat(201), email: 'long@acme.example' },
          { name: 'Olivia Again', email: 'OLIVIA.BENNETT@acme.example' },
          { name: 'Twice', email: 'asa.oberg@acme.example' },
        ],
      },
    });
    const payload = response.data.inviteUsers;
    expect(payload.results.map((result: any) => result.code ?? result.__typename)).toEqual([
      'UserInvited',
      'UserInvited',
      'INVALID_EMAIL',
      'INVALID_NAME',
      'INVALID_NAME',
      'EMAIL_ALREADY_INVITED',
      'EMAIL_ALREADY_INVITED',
    ]);
    expect(payload).toMatchObject({ invitedCount: 2, errorCount: 5 });
    expect(payload.results[0].user).toMatchObject({ name: 'Åsa Öberg', email: 'asa.oberg@acme.example', role: 'ADMIN' });
    expect(payload.results[1].user.name).toBe('José Núñez 🚀');
    const found = (await server().gql(TEAM_ACCESS, { search: 'núñez' })).data.teamAccess.edges.map((edge: any) => edge.node);
    expect(found).toMatchObject([{ name: 'José Núñez 🚀', marketoAccess: { status: 'NOT_CONNECTED' } }]);
    const connected = await server().gql(CONNECT, { input: { assignments: [{ userIds: [found[0].id] }] } });
    expect(connected.data.connectMarketoUsers.results[0].__typename).toBe('MarketoAccessGranted');
  });

  it('records invitations in the audit trail, newest first, paginated without duplicates', async () => {
    const page1 = (await server().gql('{ auditEvents(first: 2) { totalCount pageInfo { endCursor hasNextPage } edges { node { id action actor { name } } } } }')).data.auditEvents;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = (await server().gql('query($after: String) { auditEvents(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { id action } } } }', { after: page1.pageInfo.endCursor })).data.auditEvents;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const events = [...page1.edges, ...page2.edges].map((edge: any) => edge.node);
    expect(events.map((event: any) => event.action)).toEqual(['MARKETO_ACCESS_GRANTED', 'USER_INVITED', 'USER_INVITED']);
    expect(page1.edges[1].node.actor.name).toBe('Alex Morgan');
    expect(new Set(events.map((event: any) => event.id)).size).toBe(3);
  });

  it('lists the organization\'s workspaces, the Default one first', async () => {
    const acme = (await server().gql(WORKSPACES)).data.marketoWorkspaces;
    expect(acme.map((w: any) => [w.name, w.isDefault])).toEqual([['Default', true], ['APAC', false], ['EMEA', false], ['North America', false]]);
    expect((await server().gql(WORKSPACES, {}, { token: DEMO_TOKENS.globexAdmin })).data.marketoWorkspaces).toEqual([]);
  });
});
