import { createConnection } from 'mysql2/promise';
import { mysqlServerUrl, mysqlTarget } from './support/databases';
import { countRows, notConnectedUsers } from './support/fixtures';
import { CONNECT } from './support/operations';
import { startTestServer, type TestServer } from './support/test-server';

const describeOnMariaDb = mysqlServerUrl || process.env.CI === 'true' ? describe : describe.skip;

// The database connection of a grant call dies mid-transaction: nothing of it may remain.
describeOnMariaDb('a database connection dropped inside a bulk grant', () => {
  let server: TestServer;
  beforeAll(async () => {
    if (!mysqlServerUrl) throw new Error('TEST_MYSQL_URL is not set: in CI the MariaDB suites must run (see .ci/run)');
    server = await startTestServer(mysqlTarget(mysqlServerUrl));
  });
  afterAll(() => server?.close());

  it('leaves no grant, audit event or idempotency record, answers with an error, and a retry succeeds', async () => {
    const userIds = (await notConnectedUsers(server)).slice(0, 3).map((user) => user.id);
    const input = { idempotencyKey: 'dropped-1', assignments: [{ userIds }] };
    const databaseUrl = (server.dataSource.options as { url: string }).url;
    // Hold Acme's row lock, so the grant call's transaction waits inside, where we can find it.
    const blocker = await createConnection(databaseUrl);
    await blocker.query('START TRANSACTION');
    await blocker.query("SELECT id FROM organization WHERE name = 'Acme' FOR UPDATE");
    const call = server.gql(CONNECT, { input });
    const admin = await createConnection(databaseUrl);
    let victim: number | undefined;
    for (let attempt = 0; attempt < 100 && victim === undefined; attempt += 1) {
      const [rows] = await admin.query('SHOW FULL PROCESSLIST');
      victim = (rows as any[]).find((row) => /FOR UPDATE/.test(row.Info ?? '') && /organization/.test(row.Info ?? '') && row.Id !== (blocker as any).threadId)?.Id;
      if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(victim).toBeDefined();
    await admin.query(`KILL CONNECTION ${victim}`);
    const failed = await call;
    await blocker.query('ROLLBACK');
    await blocker.end();
    await admin.end();

    expect(failed.data).toBeNull();
    expect(failed.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const placeholders = userIds.map(() => '?').join(',');
    expect(await countRows(server, 'marketo_access_grant', `user_id IN (${placeholders})`, userIds)).toBe(0);
    expect(await countRows(server, 'audit_event', `target_id IN (${placeholders}) AND action = 'MARKETO_ACCESS_GRANTED'`, userIds)).toBe(0);
    expect(await countRows(server, 'idempotency_record', 'idempotency_key = ?', ['dropped-1'])).toBe(0);

    const retry = await server.gql(CONNECT, { input });
    expect(retry.data.connectMarketoUsers).toMatchObject({ connectedCount: 3, replayed: false });
  });
});
