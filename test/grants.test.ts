import { describeEachDatabase } from './support/each-database';
import { connectMarketo, countRows, notConnectedUsers, workspacesByName } from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE } from './support/operations';
import { DEMO_TOKENS, type TestServer } from './support/test-server';

const VIEWER = '{ viewer { unlockedFeatures user { id } } }';
const AUDIT = '{ auditEvents(first: 100) { edges { node { action targetId actor { name } details } } } }';

/** Takes the next not-connected Acme users, so tests sharing one database never reuse a user. */
function userPool(server: () => TestServer) {
  let pool: string[] | undefined;
  return async (count: number): Promise<string[]> => {
    pool ??= (await notConnectedUsers(server())).map((user) => user.id);
    if (pool.length < count) throw new Error('user pool exhausted');
    return pool.splice(0, count);
  };
}

const kinds = (response: { data?: any }) =>
  response.data.connectMarketoUsers.results.map((result: any) => result.code ?? result.__typename);

describeEachDatabase('granting Marketo access (R2-R7)', (server) => {
  const take = userPool(server);

  it('connects several users in one call, Default workspace when none is selected (R3, R5)', async () => {
    const [a, b] = await take(2);
    const workspaces = await workspacesByName(server());
    const response = await server().gql(CONNECT, { input: { assignments: [{ userIds: [a] }, { userIds: [b], workspaceIds: [] }] } });
    expect(response.errors).toBeUndefined();
    const payload = response.data.connectMarketoUsers;
    expect(payload).toMatchObject({ connectedCount: 2, unchangedCount: 0, errorCount: 0, replayed: false });
    expect(payload.results.map((r: any) => [r.__typename, r.userId])).toEqual([['MarketoAccessGranted', a], ['MarketoAccessGranted', b]]);
    for (const result of payload.results) {
      expect(result.grant.workspaces).toEqual([{ id: workspaces.Default, name: 'Default', isDefault: true }]);
      expect(result.grant.user.id).toBe(result.userId);
    }
    expect(await countRows(server(), 'marketo_access_grant', 'user_id IN (?, ?)', [a, b])).toBe(2);
  });

  it('gives each set of users its own workspaces in one call (R4)', async () => {
    const [a, b, c] = await take(3);
    const ws = await workspacesByName(server());
    const response = await server().gql(CONNECT, {
      input: { assignments: [{ userIds: [a, b], workspaceIds: [ws.EMEA, ws.APAC] }, { userIds: [c], workspaceIds: [ws['North America']] }] },
    });
    const names = response.data.connectMarketoUsers.results.map((r: any) => r.grant.workspaces.map((w: any) => w.name));
    expect(names).toEqual([['APAC', 'EMEA'], ['APAC', 'EMEA'], ['North America']]);
  });

  it('answers each bad item on its own and grants the others', async () => {
    const [a] = await take(1);
    const ws = await workspacesByName(server());
    const globexUser = (await notConnectedUsers(server(), DEMO_TOKENS.globexAdmin))[0].id;
    const before = await countRows(server(), 'marketo_access_grant');
    const response = await server().gql(CONNECT, {
      input: {
        assignments: [
          { userIds: ['00000000-0000-7000-8000-000000000000', 'not-an-id', globexUser, a] },
          { userIds: [a], workspaceIds: [ws.EMEA, '00000000-0000-7000-8000-000000000001'] },
        ],
      },
    });
    expect(kinds(response)).toEqual(['USER_NOT_FOUND', 'USER_NOT_FOUND', 'USER_NOT_FOUND', 'MarketoAccessGranted', 'WORKSPACE_NOT_FOUND']);
    for (const result of response.data.connectMarketoUsers.results.filter((r: any) => r.code)) {
      expect(result.message.length).toBeGreaterThan(10);
      expect(result.i18nKey).toBe(`errors:access.${result.code}`);
    }
    expect(response.data.connectMarketoUsers).toMatchObject({ connectedCount: 1, errorCount: 4 });
    expect(await countRows(server(), 'marketo_access_grant')).toBe(before + 1);
  });

  it('reports the same workspaces as unchanged and other ones as already connected, changing nothing (R6)', async () => {
    const [a] = await take(1);
    const ws = await workspacesByName(server());
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [a], workspaceIds: [ws.EMEA, ws.APAC] }] } });
    const auditBefore = await countRows(server(), 'audit_event');
    const same = await server().gql(CONNECT, { input: { assignments: [{ userIds: [a], workspaceIds: [ws.APAC, ws.EMEA] }] } });
    expect(kinds(same)).toEqual(['MarketoAccessUnchanged']);
    expect(same.data.connectMarketoUsers.unchangedCount).toBe(1);
    const other = await server().gql(CONNECT, { input: { assignments: [{ userIds: [a] }] } });
    expect(kinds(other)).toEqual(['ALREADY_CONNECTED']);
    expect(other.data.connectMarketoUsers.results[0].message).toContain('Disconnect');
    expect(await countRows(server(), 'marketo_access_grant_workspace gw JOIN marketo_access_grant g ON g.id = gw.grant_id', 'g.user_id = ?', [a])).toBe(2);
    expect(await countRows(server(), 'audit_event')).toBe(auditBefore);
  });

  it('disconnects, after which the user can be connected with other workspaces (R6)', async () => {
    const [a, b] = await take(2);
    const ws = await workspacesByName(server());
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [a] }] } });
    const response = await server().gql(DISCONNECT, { input: { userIds: [a, a, b, 'ghost'] } });
    const results = response.data.disconnectMarketoUsers.results.map((r: any) => r.code ?? r.__typename);
    expect(results).toEqual(['MarketoAccessRevoked', 'NOT_CONNECTED', 'NOT_CONNECTED', 'USER_NOT_FOUND']);
    expect(response.data.disconnectMarketoUsers.results[0].revokedGrant.workspaces).toEqual([{ name: 'Default' }]);
    expect(await countRows(server(), 'marketo_access_grant', 'user_id = ?', [a])).toBe(0);
    const again = await server().gql(CONNECT, { input: { assignments: [{ userIds: [a], workspaceIds: [ws.APAC] }] } });
    expect(again.data.connectMarketoUsers.results[0].grant.workspaces.map((w: any) => w.name)).toEqual(['APAC']);
  });

  it('grants a user named twice in one call once', async () => {
    const [a] = await take(1);
    const ws = await workspacesByName(server());
    const response = await server().gql(CONNECT, { input: { assignments: [{ userIds: [a, a] }, { userIds: [a], workspaceIds: [ws.EMEA] }] } });
    expect(kinds(response)).toEqual(['MarketoAccessGranted', 'MarketoAccessUnchanged', 'ALREADY_CONNECTED']);
    expect(await countRows(server(), 'marketo_access_grant', 'user_id = ?', [a])).toBe(1);
  });

  it('records who granted and revoked what, newest first; unchanged and failed items record nothing', async () => {
    const [a] = await take(1);
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [a] }] } });
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [a, 'ghost'] }] } });
    await server().gql(DISCONNECT, { input: { userIds: [a] } });
    const events = (await server().gql(AUDIT)).data.auditEvents.edges.map((edge: any) => edge.node).filter((e: any) => e.targetId === a);
    expect(events.map((e: any) => e.action)).toEqual(['MARKETO_ACCESS_REVOKED', 'MARKETO_ACCESS_GRANTED']);
    expect(events[1]).toMatchObject({ actor: { name: 'Alex Morgan' }, details: { workspaceIds: [expect.any(String)] } });
  });

  it('unlocks Interesting Moments and Marketing Campaigns for a connected user (R7)', async () => {
    const member = (await server().gql(VIEWER, {}, { token: DEMO_TOKENS.acmeMember })).data.viewer;
    expect(member.unlockedFeatures).toEqual([]);
    await server().gql(CONNECT, { input: { assignments: [{ userIds: [member.user.id] }] } });
    const after = (await server().gql(VIEWER, {}, { token: DEMO_TOKENS.acmeMember })).data.viewer;
    expect(after.unlockedFeatures).toEqual(['INTERESTING_MOMENTS_LIVE_FEED', 'MARKETING_CAMPAIGNS']);
  });

  it('lets only admins change access or invite (R9), and nobody without a valid token', async () => {
    const [a] = await take(1);
    const attempts: [string, Record<string, unknown>][] = [
      [CONNECT, { input: { assignments: [{ userIds: [a] }] } }],
      [DISCONNECT, { input: { userIds: [a] } }],
      [INVITE, { input: { users: [{ name: 'Eve', email: 'eve@acme.example' }] } }],
      ['mutation { connectMarketo(input: { workspacesEnabled: true }) { connected } }', {}],
      [AUDIT, {}],
    ];
    for (const [query, variables] of attempts) {
      const member = await server().gql(query, variables, { token: DEMO_TOKENS.acmeMember });
      expect(member.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', i18nKey: 'errors:request.FORBIDDEN' });
      for (const token of [null, 'not-a-token']) {
        const anonymous = await server().gql(query, variables, { token });
        expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await countRows(server(), 'marketo_access_grant', 'user_id = ?', [a])).toBe(0);
  });
});

describeEachDatabase('the ten-minute wait after connecting with Marketo (R2)', (server) => {
  const globex = { token: DEMO_TOKENS.globexAdmin };
  const connectAll = async (workspaceIds?: string[]) => {
    const userIds = (await notConnectedUsers(server(), globex.token)).slice(0, 2).map((user) => user.id);
    return server().gql(CONNECT, { input: { assignments: [{ userIds, workspaceIds }] } }, globex);
  };

  it('refuses grants before the product is connected with Marketo', async () => {
    const response = await connectAll();
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions.code).toBe('MARKETO_NOT_CONNECTED');
  });

  it('refuses grants for ten minutes after connecting, saying how long to wait', async () => {
    const connection = await connectMarketo(server(), globex.token, { workspacesEnabled: false });
    expect(connection).toMatchObject({ connected: true, ready: false, retryAfterSeconds: 600, workspacesEnabled: false });
    expect(Date.parse(connection.readyAt) - Date.parse(connection.connectedAt)).toBe(600_000);
    const now = await connectAll();
    expect(now.errors?.[0].extensions).toMatchObject({ code: 'MARKETO_CONNECTION_NOT_READY', retryAfterSeconds: 600, readyAt: connection.readyAt });
    expect(now.errors?.[0].message).toContain('10 minutes');
    server().clock.advance(270_000);
    const later = await connectAll();
    expect(later.errors?.[0].extensions.retryAfterSeconds).toBe(330);
    expect(later.errors?.[0].message).toContain('6 minutes');
    expect(await countRows(server(), 'marketo_access_grant', 'organization_id = (SELECT id FROM organization WHERE name = ?)', ['Globex'])).toBe(0);
    const second = await server().gql('mutation { connectMarketo(input: { workspacesEnabled: true }) { connected } }', {}, globex);
    expect(second.errors?.[0].extensions.code).toBe('MARKETO_ALREADY_CONNECTED');
  });

  it('grants once ten minutes have passed; workspaces are refused while the subscription has them disabled', async () => {
    server().clock.advance(330_000);
    expect((await server().gql('{ marketoConnection { ready retryAfterSeconds } }', {}, globex)).data.marketoConnection).toEqual({ ready: true, retryAfterSeconds: 0 });
    const acmeWorkspace = (await workspacesByName(server())).EMEA;
    const refused = await connectAll([acmeWorkspace]);
    expect(refused.data.connectMarketoUsers.results.map((r: any) => r.code)).toEqual(['WORKSPACES_NOT_ENABLED', 'WORKSPACES_NOT_ENABLED']);
    const granted = await connectAll();
    expect(granted.data.connectMarketoUsers.results.map((r: any) => r.grant.workspaces[0].name)).toEqual(['Default', 'Default']);
  });

  it('does not let one organization use another\'s workspace', async () => {
    const globexDefault = (await workspacesByName(server(), globex.token)).Default;
    const acmeUser = (await notConnectedUsers(server()))[0].id;
    const response = await server().gql(CONNECT, { input: { assignments: [{ userIds: [acmeUser], workspaceIds: [globexDefault] }] } });
    expect(response.data.connectMarketoUsers.results[0].code).toBe('WORKSPACE_NOT_FOUND');
  });
});
