import { describeEachDatabase } from './support/each-database';
import { connectMarketo, notConnectedUsers } from './support/fixtures';
import { CONNECT, DISCONNECT } from './support/operations';
import { ok } from './support/responses';
import { DEMO_TOKENS } from './support/test-server';

/** What normalized client caches (Apollo Client, Relay, urql's graphcache) and partial-data clients rely on. */
describeEachDatabase('the contract clients rely on: partial data, cache-safe payloads', (server) => {
  it('answers the fields a member may read when another root field of the same query is refused (partial data)', async () => {
    const response = await server().gql('{ viewer { role } auditEvents(first: 1) { totalCount } }', {}, { token: DEMO_TOKENS.acmeMember });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ viewer: { role: 'MEMBER' }, auditEvents: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['auditEvents'], extensions: { code: 'FORBIDDEN', i18nKey: 'errors:request.FORBIDDEN' } });
  });

  it('returns each changed user with its new Marketo access, and each item with its input position', async () => {
    const [first, second] = await notConnectedUsers(server());
    const granted = ok(await server().gql(CONNECT, { input: { assignments: [{ userIds: [first.id, 'no-such-user', second.id] }] } })).connectMarketoUsers;
    expect(granted.results.map((result) => [result.index, result.user?.id ?? null, result.user?.marketoAccess.status ?? null])).toEqual([
      [0, first.id, 'CONNECTED'],
      [1, null, null],
      [2, second.id, 'CONNECTED'],
    ]);
    const revoked = ok(await server().gql(DISCONNECT, { input: { userIds: [second.id] } })).disconnectMarketoUsers;
    expect(revoked.results[0]).toMatchObject({ index: 0, user: { id: second.id, marketoAccess: { status: 'NOT_CONNECTED', workspaces: [] } } });
  });

  it('gives the Marketo connection an id, the same from the query and from connectMarketo, so a cached connection updates', async () => {
    const before = ok(await server().gql<any>('{ marketoConnection { id connected } }', {}, { token: DEMO_TOKENS.globexAdmin })).marketoConnection;
    expect(before).toMatchObject({ connected: false });
    const after = await connectMarketo(server(), DEMO_TOKENS.globexAdmin, { workspacesEnabled: false });
    const read = ok(await server().gql<any>('{ marketoConnection { id connected } }', {}, { token: DEMO_TOKENS.globexAdmin })).marketoConnection;
    expect(read).toEqual({ id: before.id, connected: true });
    const acme = ok(await server().gql<any>('{ marketoConnection { id } }')).marketoConnection;
    expect(acme.id).not.toBe(before.id);
    expect(after.connected).toBe(true);
  });
});
