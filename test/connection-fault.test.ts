import { createConnection } from 'mysql2/promise';
import { mysqlTarget } from './support/databases';
import { describeOnMariaDb, requireMysqlServerUrl } from './support/each-database';
import { auditEventsOf, countRows, grantsOf, notConnectedUsers } from './support/fixtures';
import { CONNECT } from './support/operations';
import { startTestServer, type TestServer } from './support/test-server';

// The database connection of a grant call dies mid-transaction: nothing of it may remain.
describeOnMariaDb('a database connection dropped inside a bulk grant', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(mysqlTarget(requireMysqlServerUrl()));
  });
  afterAll(() => server?.close());

  it('leaves no grant, audit event or idempotency record, answers a retryable 503, and a retry succeeds', async () => {
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
      victim = (rows as any[]).find(
        (row) => /FOR UPDATE/.test(row.Info ?? '') && /organization/.test(row.Info ?? '') && row.Id !== (blocker as any).threadId,
      )?.Id;
      if (victim === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(victim).toBeDefined();
    await admin.query(`KILL CONNECTION ${victim}`);
    const failed = await call;
    await blocker.query('ROLLBACK');
    await blocker.end();
    await admin.end();

    expect(failed.data).toEqual({ connectMarketoUsers: null });
    // A lost connection is an outage, not a bug: retryable, and the retry below succeeds.
    expect(failed.status).toBe(503);
    expect(failed.errors?.[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(await grantsOf(server, userIds)).toBe(0);
    expect(await auditEventsOf(server, 'MARKETO_ACCESS_GRANTED', userIds)).toBe(0);
    expect(await countRows(server, 'idempotency_record', 'idempotency_key = ?', ['dropped-1'])).toBe(0);

    const retry = await server.gql(CONNECT, { input });
    expect(retry.data.connectMarketoUsers).toMatchObject({ connectedCount: 3, replayed: false });
  });
});
