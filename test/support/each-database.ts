import { databaseTargets, mysqlServerUrl } from './databases';
import { startTestServer, type TestServer } from './test-server';

/**
 * Runs a suite once per database: SQLite always, MariaDB when TEST_MYSQL_URL is set. Without it the
 * MariaDB run is skipped with a visible message, except in CI (CI=true), where that is a failure.
 * Each run gets its own server and fresh database; `server()` returns it inside tests.
 */
export function describeEachDatabase(title: string, suite: (server: () => TestServer) => void, options: Parameters<typeof startTestServer>[1] = {}): void {
  for (const target of databaseTargets()) {
    describe(`${title} [${target.name}]`, () => {
      let current: TestServer | undefined;
      beforeAll(async () => {
        current = await startTestServer(target, options);
      });
      afterAll(async () => {
        await current?.close();
      });
      suite(() => current!);
    });
  }
  if (!mysqlServerUrl) {
    if (process.env.CI === 'true') {
      describe(`${title} [mariadb]`, () => {
        it('runs on MariaDB', () => {
          throw new Error('TEST_MYSQL_URL is not set: in CI the MariaDB suite must run (see .ci/run)');
        });
      });
    } else {
      describe.skip(`${title} [mariadb] — SKIPPED: set TEST_MYSQL_URL=mysql://user:pass@127.0.0.1:3306/ to run it`, () => {
        it('runs on MariaDB', () => undefined);
      });
    }
  }
}

/**
 * One server on a fresh SQLite database for a suite whose subject does not touch the database kind
 * (help content, catalogs, query limits, logs); `server()` returns it inside tests.
 */
export function withSqliteServer(options: Parameters<typeof startTestServer>[1] = {}): () => TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startTestServer(databaseTargets()[0], options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => current!;
}

/**
 * For a suite that needs MariaDB itself (several processes on one database, killed connections):
 * it runs when TEST_MYSQL_URL is set, and in CI (where `requireMysqlServerUrl` then fails it);
 * otherwise it is skipped.
 */
export const describeOnMariaDb = mysqlServerUrl || process.env.CI === 'true' ? describe : describe.skip;

/** TEST_MYSQL_URL, for a `describeOnMariaDb` suite's beforeAll. */
export function requireMysqlServerUrl(): string {
  if (!mysqlServerUrl) throw new Error('TEST_MYSQL_URL is not set: in CI the MariaDB suites must run (see .ci/run)');
  return mysqlServerUrl;
}
