import { Writable } from 'node:stream';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DEMO_TOKENS } from '../src/app/demo-seed';
import { mysqlTarget, type DatabaseTarget } from './support/databases';
import { describeEachDatabase, describeOnMariaDb, requireMysqlServerUrl } from './support/each-database';
import { countRows, notConnectedUsers } from './support/fixtures';
import { CONNECT, TEAM_ACCESS } from './support/operations';
import { ok } from './support/responses';
import { TcpProxy } from './support/tcp-proxy';
import { MODERN_CLIENT_ACCEPT, startTestServer, type TestServer } from './support/test-server';

const UNAVAILABLE_FR = 'Le service est momentanément indisponible. Veuillez réessayer dans quelques secondes.';
const UNAVAILABLE_SV = 'Tjänsten är tillfälligt otillgänglig. Försök igen om några sekunder.';

// The server reaches MariaDB through a proxy the test can close or freeze; the shared MariaDB keeps running.
describeOnMariaDb('a MariaDB outage', () => {
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    const serverUrl = new URL(requireMysqlServerUrl());
    proxy = new TcpProxy(serverUrl.hostname, Number(serverUrl.port || 3306));
    await proxy.start();
    server = await startTestServer(throughProxy(mysqlTarget(serverUrl.toString()), proxy));
  });
  afterAll(async () => {
    proxy.thaw();
    if (!proxy.port || !(await isListening(proxy))) await proxy.start();
    await server?.close();
    await proxy.stop();
  });

  it('answers 503 DATABASE_UNAVAILABLE, retryable, localized, with nothing internal; /ready says 503; both recover', async () => {
    ok(await server.gql(TEAM_ACCESS, { first: 1 }));
    await proxy.stop();

    const down = await post(server, TEAM_ACCESS, { first: 2 }, 'fr');
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBe('5');
    expect(down.body.errors).toHaveLength(1);
    expect(down.body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true, i18nKey: 'errors:request.DATABASE_UNAVAILABLE' });
    expect(down.body.errors[0].message).toBe(UNAVAILABLE_FR);
    expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|ECONN|connect|SELECT|stacktrace|Context creation/);

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database_unreachable' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    await proxy.start();
    ok(await server.gql(TEAM_ACCESS, { first: 3 }));
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it('answers /ready 503 database_timeout while the database is frozen, a query 503 once its connect or statement timeout runs out, and recovers', async () => {
    ok(await server.gql(TEAM_ACCESS, { first: 4 }));
    proxy.freeze();

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database_timeout' });
    const stuck = await post(server, TEAM_ACCESS, { first: 5 }, 'sv');
    expect(stuck.status).toBe(503);
    expect(stuck.body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(stuck.body.errors[0].message).toBe(UNAVAILABLE_SV);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    proxy.thaw();
    await waitUntil(async () => (await fetch(`${server.url}/ready`)).status === 200);
    ok(await server.gql(TEAM_ACCESS, { first: 6 }));
  }, 60_000);

  it('answers /ready 503 database_timeout while its tables are locked against writes, and 200 once they are not', async () => {
    const locker = await createConnection(requireMysqlServerUrl());
    await locker.query(`USE \`${new URL(databaseUrl(server)).pathname.slice(1)}\``);
    await locker.query('LOCK TABLES organization READ');
    try {
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database_timeout' });
      ok(await server.gql(TEAM_ACCESS, { first: 7 }));
    } finally {
      await locker.query('UNLOCK TABLES');
      await locker.end();
    }
    await waitUntil(async () => (await fetch(`${server.url}/ready`)).status === 200);
  });
});

// A SQLite file the process may read but not write. chmod does not stop root (CI containers often run
// as root), so the file's header says it: a write version above 2 makes SQLite open it read-only for anyone.
describe('a read-only SQLite file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'read-only-sqlite-'));
  const file = join(directory, 'app.sqlite');
  const target: DatabaseTarget = { name: 'sqlite', create: async () => ({ url: `sqlite:${file}`, drop: async () => undefined }) };
  const logLines: Record<string, any>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().trim().split('\n')) logLines.push(JSON.parse(line));
      done();
    },
  });
  let server: TestServer;
  beforeAll(async () => {
    await (await startTestServer(target)).close();
    markReadOnly(file);
    server = await startTestServer(target, { logger: { level: 'warn', stream: logStream } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('starts and serves reads, and /ready says 503 database_read_only', async () => {
    ok(await server.gql(TEAM_ACCESS, { first: 1 }));
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database_read_only' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('answers a write 503 DATABASE_UNAVAILABLE, retryable, in French, and writes nothing', async () => {
    const user = (await notConnectedUsers(server))[0];
    const userId = user.id;
    const grantsBefore = await countRows(server, 'marketo_access_grant');
    const refused = await post(server, CONNECT, { input: { assignments: [{ userIds: [userId] }] } }, 'fr');

    expect(refused.status).toBe(503);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(refused.body.errors[0].message).toBe(UNAVAILABLE_FR);
    expect(JSON.stringify(refused.body)).not.toMatch(/SQLITE|readonly|INSERT/i);
    expect(await countRows(server, 'marketo_access_grant')).toBe(grantsBefore);
    // The log keeps the driver's detail with the request id, and no statement or personal data.
    const logged = logLines.filter((line) => line.msg === 'database could not serve the request');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ reqId: expect.any(String), code: 'DATABASE_UNAVAILABLE', database: { code: expect.stringMatching(/^SQLITE_READONLY/) } });
    expect(JSON.stringify(logLines)).not.toMatch(new RegExp(`INSERT|${user.email}|${user.name}`));
    ok(await server.gql(TEAM_ACCESS, { first: 2 }, { token: DEMO_TOKENS.globexAdmin }));
  });
});

function databaseUrl(server: TestServer): string {
  return (server.dataSource.options as { url: string }).url;
}

function throughProxy(target: DatabaseTarget, proxy: TcpProxy): DatabaseTarget {
  return {
    name: target.name,
    async create() {
      const database = await target.create();
      const url = new URL(database.url);
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      return { url: url.toString(), drop: database.drop };
    },
  };
}

async function isListening(proxy: TcpProxy): Promise<boolean> {
  return fetch(`http://127.0.0.1:${proxy.port}`).then(
    () => true,
    (error: { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
  );
}

/** Byte 18 of the header is the file format's write version; SQLite treats a file above 2 as read-only. */
function markReadOnly(path: string): void {
  const descriptor = openSync(path, 'r+');
  writeSync(descriptor, Buffer.from([3]), 0, 1, 18);
  closeSync(descriptor);
}

async function post(server: TestServer, query: string, variables: Record<string, unknown>, language: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: MODERN_CLIENT_ACCEPT,
      authorization: `Bearer ${DEMO_TOKENS.acmeAdmin}`,
      'accept-language': language,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}

async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached');
}

// The token lookup that starts every request fails for a reason no list names (here: its table is gone):
// still a retryable 503 in the caller's language, never a 500.
describeEachDatabase('a token lookup that fails', (server) => {
  it('answers 503 DATABASE_UNAVAILABLE, retryable, in Swedish, with nothing internal, and recovers', async () => {
    await server().dataSource.query('ALTER TABLE api_token RENAME TO api_token_off');
    let failed: Awaited<ReturnType<typeof post>>;
    try {
      failed = await post(server(), TEAM_ACCESS, { first: 1 }, 'sv');
    } finally {
      await server().dataSource.query('ALTER TABLE api_token_off RENAME TO api_token');
    }
    expect(failed.status).toBe(503);
    expect(failed.retryAfter).toBe('5');
    expect(failed.body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true, i18nKey: 'errors:request.DATABASE_UNAVAILABLE' });
    expect(failed.body.errors[0].message).toBe(UNAVAILABLE_SV);
    expect(JSON.stringify(failed.body)).not.toMatch(/api_token|SELECT|stacktrace|Context creation/);
    ok(await server().gql(TEAM_ACCESS, { first: 1 }));
  });
});
