import { createConnection, type Connection } from 'mysql2/promise';
import { DEMO_TOKENS } from '../src/app/demo-seed';
import { WRITE_SLOT_LIMITS } from '../src/db/database';
import { mysqlTarget } from './support/databases';
import { describeEachDatabase, describeOnMariaDb, requireMysqlServerUrl } from './support/each-database';
import { connectMarketo, countRows, grantsOf, notConnectedUsers, organizationId } from './support/fixtures';
import { CONNECT, TEAM_ACCESS } from './support/operations';
import { ok } from './support/responses';
import { MODERN_CLIENT_ACCEPT, startTestServer, type TestServer } from './support/test-server';

const connectOne = (server: TestServer, userId: string, idempotencyKey?: string, headers?: Record<string, string>) =>
  server.gql(CONNECT, { input: { idempotencyKey, assignments: [{ userIds: [userId] }] } }, { headers });

// Distinct page sizes, so the response cache answers none of them: each is a real read.
const globexReads = (server: TestServer, count: number) =>
  Promise.all(Array.from({ length: count }, (_, index) => server.gql(TEAM_ACCESS, { first: index + 1 }, { token: DEMO_TOKENS.globexAdmin })));

describeEachDatabase('a tenant flooding writes', (server) => {
  it('has every write done while another tenant reads', async () => {
    const users = (await notConnectedUsers(server())).slice(0, 30);
    const [writes, reads] = await Promise.all([Promise.all(users.map((user) => connectOne(server(), user.id))), globexReads(server(), 10)]);

    for (const write of writes) expect(ok(write).connectMarketoUsers.connectedCount).toBe(1);
    for (const read of reads) expect(ok(read).teamAccess.edges.length).toBeGreaterThan(0);
    expect(
      await grantsOf(
        server(),
        users.map((user) => user.id),
      ),
    ).toBe(30);
    expect((await fetch(`${server().url}/ready`)).status).toBe(200);
  });
});

// Acme's row lock held by another client (another replica, a slow transaction): Acme's writes must wait
// without holding the pool's connections, so Globex still gets them.
describeOnMariaDb('a tenant whose writes are stuck on its lock', () => {
  let server: TestServer;
  let admin: Connection;
  beforeAll(async () => {
    server = await startTestServer(mysqlTarget(requireMysqlServerUrl()));
    admin = await createConnection(databaseUrl(server));
  });
  afterAll(async () => {
    await admin?.end();
    await server?.close();
  });

  it('queues 20 writes on its share of connections (2) while the other tenant reads and writes', async () => {
    const users = (await notConnectedUsers(server)).slice(0, 20);
    const blocker = await holdAcmeLock(server);
    const writes = users.map((user) => connectOne(server, user.id));
    try {
      await waitUntil(async () => (await lockWaiters(admin, blocker)) === WRITE_SLOT_LIMITS.perKey);
      // More reads than the pool has connections: before write slots, 10 stuck writes took them all.
      const reads = await globexReads(server, 12);
      for (const read of reads) expect(ok(read).teamAccess.edges.length).toBeGreaterThan(0);
      const globexConnected = await connectMarketo(server, DEMO_TOKENS.globexAdmin, { workspacesEnabled: false });
      expect(globexConnected.connected).toBe(true);
      expect(await lockWaiters(admin, blocker)).toBe(WRITE_SLOT_LIMITS.perKey);
    } finally {
      await release(blocker);
    }
    for (const write of await Promise.all(writes)) expect(ok(write).connectMarketoUsers.connectedCount).toBe(1);
    expect(
      await grantsOf(
        server,
        users.map((user) => user.id),
      ),
    ).toBe(20);
  });

  it('answers BUSY (503, Retry-After, retryable, in Swedish) to writes kept waiting past the bound, and writes nothing', async () => {
    const users = (await notConnectedUsers(server)).slice(0, 3);
    const blocker = await holdAcmeLock(server);
    const answers = await Promise.all(users.map((user, index) => postConnect(server, user.id, `busy-${index}`))).finally(() => release(blocker));

    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('1');
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BUSY', retryable: true, i18nKey: 'errors:request.BUSY' });
      expect(answer.body.errors[0].message).toBe('Din organisation har för många ändringar på gång. Försök igen om en stund.');
    }
    expect(
      await grantsOf(
        server,
        users.map((user) => user.id),
      ),
    ).toBe(0);
    expect(await countRows(server, 'idempotency_record', "idempotency_key LIKE 'busy-%'")).toBe(0);
    expect(ok(await connectOne(server, users[0].id, 'busy-0')).connectMarketoUsers.connectedCount).toBe(1);
  });
});

function databaseUrl(server: TestServer): string {
  return (server.dataSource.options as { url: string }).url;
}

async function holdAcmeLock(server: TestServer): Promise<Connection> {
  const blocker = await createConnection(databaseUrl(server));
  await blocker.query('START TRANSACTION');
  // By primary key: a lookup by name would scan, and lock, Globex's row too.
  await blocker.query('SELECT id FROM organization WHERE id = ? FOR UPDATE', [await organizationId(server, 'Acme')]);
  return blocker;
}

async function release(blocker: Connection): Promise<void> {
  await blocker.query('ROLLBACK');
  await blocker.end();
}

/** The server's connections waiting for an organization's row lock. */
async function lockWaiters(admin: Connection, blocker: Connection): Promise<number> {
  const [rows] = await admin.query('SELECT ID, INFO FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> ?', [blocker.threadId]);
  return (rows as { INFO: string | null }[]).filter((row) => /FOR UPDATE/.test(row.INFO ?? '') && /organization/.test(row.INFO ?? '')).length;
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached');
}

async function postConnect(server: TestServer, userId: string, idempotencyKey: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: MODERN_CLIENT_ACCEPT, authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}`, 'accept-language': 'sv' },
    body: JSON.stringify({ query: CONNECT, variables: { input: { idempotencyKey, assignments: [{ userIds: [userId] }] } } }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}
