import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { createConnection, type Connection } from 'mysql2/promise';
import { mysqlServerUrl, mysqlTarget, type DatabaseTarget } from './support/databases';
import { auditEventsOf, countRows, grantsOf, notConnectedUsers, organizationId, tableCounts } from './support/fixtures';
import { localId } from './support/ids';
import { CONNECT } from './support/operations';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server';

/**
 * The write path's retries (README, "Concurrency and retries"): a write transaction that loses a
 * conflict runs again, whole, until it succeeds or its time budget runs out; then the caller gets
 * CONFLICT_RETRY (503, Retry-After, retryable, in its language) and nothing is written.
 */

/** better-sqlite3 (the server's SQLite driver, untyped here): a second connection to the server's file. */
interface SqliteConnection {
  exec(sql: string): void;
  close(): void;
}
const Sqlite = createRequire(__filename)('better-sqlite3') as new (file: string) => SqliteConnection;

const CONFLICT_MESSAGES = {
  en: 'Other changes to your organization were being saved at the same time, so this change was not saved. Please try again in a moment.',
  sv: 'Andra ändringar i din organisation sparades samtidigt, så den här ändringen sparades inte. Försök igen om en stund.',
  fr: 'D’autres modifications de votre organisation étaient enregistrées au même moment\u202f; celle-ci n’a donc pas été enregistrée. Veuillez réessayer dans un instant.',
};

/** A conflict the test switches on and off from outside the server, with what the server's log then names. */
interface ConflictFault {
  /** The driver code the server's retry log lines carry. */
  code: RegExp;
  on(): Promise<void>;
  off(): Promise<void>;
}

interface Setup {
  target: DatabaseTarget;
  /** Every write transaction fails with a retryable conflict while it is on. */
  fault(server: TestServer): ConflictFault;
}

/** MariaDB: a trigger on the organization row raises error 1213 (ER_LOCK_DEADLOCK) on the write path's data_version update. */
const mariadb = (serverUrl: string): Setup => ({
  target: mysqlTarget(serverUrl),
  fault: (server) => ({
    code: /^ER_LOCK_DEADLOCK$/,
    on: () =>
      server.dataSource.query(
        "CREATE TRIGGER injected_deadlock BEFORE UPDATE ON organization FOR EACH ROW SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'injected deadlock'",
      ),
    off: () => server.dataSource.query('DROP TRIGGER injected_deadlock'),
  }),
});

/** SQLite: another connection to the file holds the write lock, so the server's write gets SQLITE_BUSY (after busy_timeout). */
function sqliteFile(): Setup {
  const directory = mkdtempSync(join(tmpdir(), 'write-retries-'));
  const file = join(directory, 'app.sqlite');
  return {
    target: { name: 'sqlite', create: async () => ({ url: `sqlite:${file}`, drop: async () => rmSync(directory, { recursive: true, force: true }) }) },
    fault: () => {
      let holder: SqliteConnection | undefined;
      return {
        code: /^SQLITE_BUSY/,
        on: async () => {
          holder = new Sqlite(file);
          holder.exec('BEGIN IMMEDIATE');
        },
        off: async () => {
          holder?.exec('ROLLBACK');
          holder?.close();
          holder = undefined;
        },
      };
    },
  };
}

const setups = (): Setup[] => [sqliteFile(), ...(mysqlServerUrl ? [mariadb(mysqlServerUrl)] : [])];

/** The server's warn-level log lines, parsed, and a hook called on each. */
function logCapture() {
  const lines: Record<string, any>[] = [];
  let onLine: (line: Record<string, any>) => void = () => undefined;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().trim().split('\n')) {
        const line = JSON.parse(text);
        lines.push(line);
        onLine(line);
      }
      done();
    },
  });
  return { lines, stream, onEachLine: (hook: typeof onLine) => (onLine = hook) };
}

const retriedLines = (lines: Record<string, any>[]) => lines.filter((line) => line.msg === 'write transaction retried');

for (const setup of setups()) {
  describe(`write retries [${setup.target.name}]`, () => {
    describe('a write whose conflicts outlast the retry budget', () => {
      const logs = logCapture();
      let server: TestServer;
      beforeAll(async () => {
        server = await startTestServer(setup.target, { writeRetryBudgetMs: 300, logger: { level: 'warn', stream: logs.stream } });
      });
      afterAll(() => server?.close());

      it('answers CONFLICT_RETRY (503, Retry-After, retryable) in the caller’s language, writes nothing, and the same key then writes once', async () => {
        const fault = setup.fault(server);
        const userIds = (await notConnectedUsers(server)).slice(0, 2).map((user) => user.id);
        const input = { idempotencyKey: 'conflict-1', assignments: [{ userIds }] };
        const before = await tableCounts(server);
        const refused: Record<string, GraphQLResponse> = {};
        await fault.on();
        try {
          for (const language of ['sv', 'fr'] as const) {
            refused[language] = await server.gql(CONNECT, { input }, { headers: { 'accept-language': language } });
          }
        } finally {
          await fault.off();
        }

        for (const language of ['sv', 'fr'] as const) {
          const answer = refused[language];
          expect(answer.status).toBe(503);
          expect(answer.headers?.get('retry-after')).toBe('1');
          expect(answer.data).toEqual({ connectMarketoUsers: null });
          expect(answer.errors?.[0]).toMatchObject({
            message: CONFLICT_MESSAGES[language],
            extensions: { code: 'CONFLICT_RETRY', retryable: true, retryAfterSeconds: 1, i18nKey: 'errors:request.CONFLICT_RETRY' },
          });
          expect(JSON.stringify(answer)).not.toMatch(/deadlock|SQLITE|INSERT|UPDATE/i);
        }
        expect(await tableCounts(server)).toEqual(before);

        // Each retry is logged with the driver's code, the attempt and the wait; each exhausted budget once.
        const exhausted = logs.lines.filter((line) => line.msg === 'write transaction retry budget exhausted');
        expect(exhausted).toHaveLength(2);
        for (const line of exhausted) expect(line).toMatchObject({ reqId: expect.any(String), code: expect.stringMatching(fault.code), budgetMs: 300 });
        for (const line of retriedLines(logs.lines)) {
          expect(line).toMatchObject({
            reqId: expect.any(String),
            code: expect.stringMatching(fault.code),
            attempt: expect.any(Number),
            waitMs: expect.any(Number),
          });
          expect(line.waitMs).toBeLessThanOrEqual(250);
        }
        expect(JSON.stringify(logs.lines)).not.toMatch(/INSERT|UPDATE organization|conflict-1/);

        const retry = await server.gql(CONNECT, { input });
        expect(retry.errors).toBeUndefined();
        expect(retry.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, replayed: false });
        const replay = await server.gql(CONNECT, { input });
        expect(replay.data.connectMarketoUsers).toMatchObject({ connectedCount: 2, replayed: true });
        expect(await grantsOf(server, userIds)).toBe(2);
        expect(await auditEventsOf(server, 'MARKETO_ACCESS_GRANTED', userIds)).toBe(2);
        expect(await countRows(server, 'idempotency_record', 'idempotency_key = ?', [input.idempotencyKey])).toBe(1);
      });
    });

    describe('a write that loses a conflict once', () => {
      const logs = logCapture();
      let server: TestServer;
      beforeAll(async () => {
        // Room for SQLite's busy_timeout (5 s) and a retry after it.
        server = await startTestServer(setup.target, { writeRetryBudgetMs: 20_000, logger: { level: 'info', stream: logs.stream } });
      });
      afterAll(() => server?.close());

      it('is retried, whole, to success: one grant and one audit event per user', async () => {
        const fault = setup.fault(server);
        const userIds = (await notConnectedUsers(server)).slice(0, 3).map((user) => user.id);
        await fault.on();
        // The conflict ends once the server has logged its first retry.
        let released: Promise<void> | undefined;
        logs.onEachLine((line) => {
          if (line.msg === 'write transaction retried' && !released) released = fault.off();
        });
        let answer: GraphQLResponse;
        try {
          answer = await server.gql(CONNECT, { input: { assignments: [{ userIds }] } });
        } finally {
          await (released ?? fault.off());
        }
        expect(answer.errors).toBeUndefined();
        expect(answer.data.connectMarketoUsers).toMatchObject({ connectedCount: 3, errorCount: 0 });
        expect(retriedLines(logs.lines).length).toBeGreaterThanOrEqual(1);
        expect(retriedLines(logs.lines)[0]).toMatchObject({ code: expect.stringMatching(fault.code), attempt: 1 });
        // The operation's log line counts them.
        const operation = logs.lines.find((line) => line.msg === 'graphql operation' && line.operationName === 'Connect');
        expect(operation).toMatchObject({ outcome: 'ok', writeRetries: retriedLines(logs.lines).length });
        expect(await grantsOf(server, userIds)).toBe(3);
        expect(await auditEventsOf(server, 'MARKETO_ACCESS_GRANTED', userIds)).toBe(3);
      });
    });
  });
}

/**
 * A real InnoDB deadlock: another transaction locks the user's row, which the API's grant insert
 * checks (foreign key), and then asks for the organization's row the API holds. The other one has written more rows,
 * so InnoDB rolls the API's transaction back (1213); it runs again once the other has finished.
 */
(mysqlServerUrl ? describe : describe.skip)('a real deadlock on MariaDB', () => {
  const logs = logCapture();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(mysqlTarget(mysqlServerUrl!), { logger: { level: 'warn', stream: logs.stream } });
  });
  afterAll(() => server?.close());

  it('is retried to success, with exactly one grant and one audit event', async () => {
    const [user] = await notConnectedUsers(server);
    const acme = await organizationId(server, 'Acme');
    const databaseUrl = (server.dataSource.options as { url: string }).url;
    const localUserId = localId(user.id);
    const other = await createConnection(databaseUrl);
    const admin = await createConnection(databaseUrl);
    try {
      await other.query('CREATE TABLE ballast (n INT PRIMARY KEY)');
      await other.query('START TRANSACTION');
      // Weight, so that InnoDB picks the API's transaction as the deadlock's victim.
      await other.query(`INSERT INTO ballast (n) VALUES ${Array.from({ length: 500 }, (_, n) => `(${n})`).join(',')}`);
      // The user's row, which the API's grant insert checks (its foreign key) once it holds the organization's row.
      await other.query('SELECT id FROM team_user WHERE id = ? FOR UPDATE', [localUserId]);
      const call = server.gql(CONNECT, { input: { assignments: [{ userIds: [user.id] }] } });
      await waitForLockWait(admin, /INSERT INTO .?marketo_access_grant.? ?\(/i);
      await other.query('SELECT id FROM organization WHERE id = ? FOR UPDATE', [acme]);
      await other.query('ROLLBACK');
      const answer = await call;

      expect(answer.errors).toBeUndefined();
      expect(answer.data.connectMarketoUsers).toMatchObject({ connectedCount: 1, errorCount: 0 });
      expect(retriedLines(logs.lines)[0]).toMatchObject({ code: 'ER_LOCK_DEADLOCK', errno: 1213, attempt: 1 });
      expect(await grantsOf(server, [user.id])).toBe(1);
      expect(await auditEventsOf(server, 'MARKETO_ACCESS_GRANTED', [user.id])).toBe(1);
    } finally {
      await other.query('DROP TABLE IF EXISTS ballast');
      await other.end();
      await admin.end();
    }
  });
});

/** Waits until a statement matching `statement` runs on another connection (the API's transaction, inside, waiting for the lock). */
async function waitForLockWait(admin: Connection, statement: RegExp): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [rows] = await admin.query('SHOW FULL PROCESSLIST');
    if ((rows as { Info: string | null }[]).some((row) => statement.test(row.Info ?? ''))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no statement matching ${statement} waited for a lock`);
}
