import { describeEachDatabase } from './support/each-database';
import { countRows, notConnectedUsers } from './support/fixtures';
import { CONNECT, DISCONNECT, INVITE } from './support/operations';
import { DEMO_TOKENS } from './support/test-server';

const WRITES = /^\s*(INSERT|UPDATE|DELETE)/i;

const invitees = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i}`, email: `${prefix.toLowerCase()}.${i}@acme.example` }));

describeEachDatabase('bulk limits, idempotent retries and all-or-nothing mutations', (server) => {
  it('refuses more than 1 000 users, or none, before writing anything', async () => {
    const users = await notConnectedUsers(server());
    const ids = Array.from({ length: 1001 }, (_, i) => users[i % users.length].id);
    const grantsBefore = await countRows(server(), 'marketo_access_grant');
    const usersBefore = await countRows(server(), 'team_user');
    const cases: [string, Record<string, unknown>, string][] = [
      [CONNECT, { input: { assignments: [{ userIds: ids.slice(0, 600) }, { userIds: ids.slice(600) }] } }, 'BATCH_TOO_LARGE'],
      [CONNECT, { input: { assignments: [{ userIds: [] }] } }, 'EMPTY_BATCH'],
      [CONNECT, { input: { assignments: [] } }, 'EMPTY_BATCH'],
      [DISCONNECT, { input: { userIds: ids } }, 'BATCH_TOO_LARGE'],
      [DISCONNECT, { input: { userIds: [] } }, 'EMPTY_BATCH'],
      [INVITE, { input: { users: invitees(1001, 'Over') } }, 'BATCH_TOO_LARGE'],
      [INVITE, { input: { users: [] } }, 'EMPTY_BATCH'],
    ];
    for (const [query, variables, reason] of cases) {
      const response = await server().gql(query, variables);
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, i18nKey: `errors:request.${reason}` });
    }
    expect(await countRows(server(), 'marketo_access_grant')).toBe(grantsBefore);
    expect(await countRows(server(), 'team_user')).toBe(usersBefore);
  });

  it('invites and connects 1 000 users with a bounded number of SQL statements, not one per user', async () => {
    let invited: any;
    const inviteStatements = await server().statements.during(async () => {
      invited = await server().gql(INVITE, { input: { users: invitees(1000, 'Bulk') } });
    });
    expect(invited.data.inviteUsers).toMatchObject({ invitedCount: 1000, errorCount: 0 });
    const userIds = invited.data.inviteUsers.results.map((result: any) => result.user.id);
    let connected: any;
    const connectStatements = await server().statements.during(async () => {
      connected = await server().gql(CONNECT, { input: { assignments: [{ userIds }] } });
    });
    expect(connected.data.connectMarketoUsers).toMatchObject({ connectedCount: 1000, errorCount: 0 });
    console.log(`1 000 users: inviteUsers sent ${inviteStatements.length} SQL statements, connectMarketoUsers ${connectStatements.length}`);
    expect(inviteStatements.length).toBeLessThan(40);
    expect(connectStatements.length).toBeLessThan(40);
    expect(await countRows(server(), 'marketo_access_grant', "user_id IN (SELECT id FROM team_user WHERE email LIKE 'bulk.%')")).toBe(1000);
  });

  it('replays a retried call with the same idempotency key without writing anything', async () => {
    const [a, b] = (await notConnectedUsers(server())).map((user) => user.id);
    const input = { idempotencyKey: 'retry-1', assignments: [{ userIds: [a, b, 'ghost'] }] };
    const first = await server().gql(CONNECT, { input });
    expect(first.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, errorCount: 1, replayed: false });
    const auditAfterFirst = await countRows(server(), 'audit_event');
    let retry: any;
    const statements = await server().statements.during(async () => {
      retry = await server().gql(CONNECT, { input });
    });
    expect(retry.data.connectMarketoUsers.replayed).toBe(true);
    expect({ ...retry.data.connectMarketoUsers, replayed: false }).toEqual(first.data.connectMarketoUsers);
    expect(statements.filter((sql) => WRITES.test(sql))).toEqual([]);
    expect(await countRows(server(), 'audit_event')).toBe(auditAfterFirst);

    const reused = await server().gql(CONNECT, { input: { ...input, assignments: [{ userIds: [a] }] } });
    expect(reused.errors?.[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const disconnectInput = { idempotencyKey: 'retry-2', userIds: [a] };
    const revoked = await server().gql(DISCONNECT, { input: disconnectInput });
    const revokedAgain = await server().gql(DISCONNECT, { input: disconnectInput });
    expect(revoked.data.disconnectMarketoUsers).toMatchObject({ disconnectedCount: 1, replayed: false });
    expect(revokedAgain.data.disconnectMarketoUsers).toMatchObject({ disconnectedCount: 1, replayed: true });
  });

  it('scopes idempotency keys to the organization', async () => {
    await server().gql('mutation { connectMarketo(input: { workspacesEnabled: false }) { connected } }', {}, { token: DEMO_TOKENS.globexAdmin });
    server().clock.advance(11 * 60_000);
    const globexUser = (await notConnectedUsers(server(), DEMO_TOKENS.globexAdmin))[0].id;
    const response = await server().gql(CONNECT, { input: { idempotencyKey: 'retry-1', assignments: [{ userIds: [globexUser] }] } }, { token: DEMO_TOKENS.globexAdmin });
    expect(response.data.connectMarketoUsers).toMatchObject({ connectedCount: 1, replayed: false });
  });

  it('writes nothing when the transaction fails midway, and a retry then succeeds', async () => {
    const [a, b] = (await notConnectedUsers(server())).map((user) => user.id);
    const input = { idempotencyKey: 'fault-1', assignments: [{ userIds: [a, b] }] };
    await server().dataSource.query('ALTER TABLE audit_event RENAME TO audit_event_off');
    let failed: any;
    try {
      failed = await server().gql(CONNECT, { input });
    } finally {
      await server().dataSource.query('ALTER TABLE audit_event_off RENAME TO audit_event');
    }
    expect(failed.data).toBeNull();
    expect(failed.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await countRows(server(), 'marketo_access_grant', 'user_id IN (?, ?)', [a, b])).toBe(0);
    expect(await countRows(server(), 'idempotency_record', 'idempotency_key = ?', ['fault-1'])).toBe(0);
    const grantEvents = () => countRows(server(), 'audit_event', "action = 'MARKETO_ACCESS_GRANTED' AND target_id IN (?, ?)", [a, b]);
    const eventsBefore = await grantEvents();
    const retry = await server().gql(CONNECT, { input });
    expect(retry.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, replayed: false });
    expect(await grantEvents()).toBe(eventsBefore + 2);
  });

  it('ends concurrent identical calls with exactly one grant per user', async () => {
    const userIds = (await notConnectedUsers(server())).slice(0, 5).map((user) => user.id);
    const responses = await Promise.all(Array.from({ length: 10 }, () => server().gql(CONNECT, { input: { assignments: [{ userIds }] } })));
    for (const response of responses) expect(response.errors).toBeUndefined();
    const granted = responses.reduce((sum, response) => sum + response.data.connectMarketoUsers.connectedCount, 0);
    expect(granted).toBe(5);
    expect(await countRows(server(), 'marketo_access_grant', `user_id IN (${userIds.map(() => '?').join(',')})`, userIds)).toBe(5);
    expect(await countRows(server(), 'audit_event', `action = 'MARKETO_ACCESS_GRANTED' AND target_id IN (${userIds.map(() => '?').join(',')})`, userIds)).toBe(5);
  });
});
