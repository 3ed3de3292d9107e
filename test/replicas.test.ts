import { mysqlTarget, type TestDatabase } from './support/databases';
import { describeOnMariaDb, requireMysqlServerUrl } from './support/each-database';
import { invitees } from './support/fixtures';
import { localId } from './support/ids';
import { CONNECT, DISCONNECT, INVITE, TEAM_ACCESS } from './support/operations';
import { post, startServerProcess, type ServerProcess } from './support/server-process';
import { createConnection } from 'mysql2/promise';

/** Two server processes on one MariaDB database, as two replicas behind a load balancer. */
describeOnMariaDb('two replicas on one MariaDB', () => {
  let database: TestDatabase;
  let replicas: ServerProcess[] = [];
  const query = async (sql: string, params: unknown[] = []) => {
    const connection = await createConnection(database.url);
    try {
      const [rows] = await connection.query(sql, params);
      return rows as any[];
    } finally {
      await connection.end();
    }
  };

  beforeAll(async () => {
    database = await mysqlTarget(requireMysqlServerUrl()).create();
    const env = { DATABASE_URL: database.url, SEED_DEMO: '1' };
    replicas.push(await startServerProcess(env));
    replicas.push(await startServerProcess(env)); // its migrations and seed find the work done
  });
  afterAll(async () => {
    for (const replica of replicas) replica.process.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => replica.exited));
    await database?.drop();
    replicas = [];
  });

  it('ends 50 concurrent identical grants, spread over both, with exactly one grant and one audit event per user', async () => {
    const invited = await post(replicas[0].url, INVITE, { input: { users: invitees(20, 'Replica a') } });
    const userIds: string[] = invited.data.inviteUsers.results.map((result: any) => result.user.id);
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => post(replicas[i % 2].url, CONNECT, { input: { assignments: [{ userIds }] } })));
    for (const response of responses) expect(response.errors).toBeUndefined();
    const granted = responses.reduce((sum, response) => sum + response.data.connectMarketoUsers.connectedCount, 0);
    const unchanged = responses.reduce((sum, response) => sum + response.data.connectMarketoUsers.unchangedCount, 0);
    expect([granted, unchanged]).toEqual([20, 49 * 20]);
    const placeholders = userIds.map(() => '?').join(',');
    const localIds = userIds.map(localId);
    expect((await query(`SELECT COUNT(*) AS n FROM marketo_access_grant WHERE user_id IN (${placeholders})`, localIds))[0].n).toBe(20);
    expect(
      (await query(`SELECT COUNT(*) AS n FROM audit_event WHERE action = 'MARKETO_ACCESS_GRANTED' AND target_id IN (${placeholders})`, localIds))[0].n,
    ).toBe(20);
  });

  it('keeps grants and the audit trail consistent when connects and disconnects race', async () => {
    const invited = await post(replicas[1].url, INVITE, { input: { users: invitees(10, 'Replica b') } });
    const userIds: string[] = invited.data.inviteUsers.results.map((result: any) => result.user.id);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0
          ? post(replicas[i % 4 < 2 ? 0 : 1].url, CONNECT, { input: { assignments: [{ userIds }] } })
          : post(replicas[i % 4 < 2 ? 1 : 0].url, DISCONNECT, { input: { userIds } }),
      ),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    const placeholders = userIds.map(() => '?').join(',');
    const localIds = userIds.map(localId);
    const events = await query(`SELECT target_id, action FROM audit_event WHERE target_id IN (${placeholders}) ORDER BY occurred_at, id`, localIds);
    const grants = await query(`SELECT user_id FROM marketo_access_grant WHERE user_id IN (${placeholders})`, localIds);
    for (const userId of localIds) {
      const actions = events.filter((event) => event.target_id === userId && event.action !== 'USER_INVITED').map((event) => event.action);
      const grantedCount = actions.filter((action) => action === 'MARKETO_ACCESS_GRANTED').length;
      const revokedCount = actions.filter((action) => action === 'MARKETO_ACCESS_REVOKED').length;
      // Every grant and revoke that happened is recorded once; what is left agrees with the trail.
      const connectedNow = grants.some((grant) => grant.user_id === userId);
      expect(grantedCount - revokedCount).toBe(connectedNow ? 1 : 0);
    }
    const reported = responses.reduce(
      (sum, response) => sum + (response.data.connectMarketoUsers?.connectedCount ?? 0) - (response.data.disconnectMarketoUsers?.disconnectedCount ?? 0),
      0,
    );
    expect(reported).toBe(grants.length);
  });

  it('shows a grant made through one replica at once on the other, whose answer was cached', async () => {
    const invited = await post(replicas[0].url, INVITE, { input: { users: invitees(1, 'Replica c') } });
    const userId: string = invited.data.inviteUsers.results[0].user.id;
    const statusOn = async (replica: ServerProcess) => {
      const page = await post(replica.url, TEAM_ACCESS, { first: 100, search: 'replica c' });
      return page.data.teamAccess.edges.map((edge: any) => edge.node.marketoAccess.status);
    };
    expect(await statusOn(replicas[1])).toEqual(['NOT_CONNECTED']);
    expect(await statusOn(replicas[1])).toEqual(['NOT_CONNECTED']); // answered from replica 1's memory
    await post(replicas[0].url, CONNECT, { input: { assignments: [{ userIds: [userId] }] } });
    expect(await statusOn(replicas[1])).toEqual(['CONNECTED']);
  });
});
