import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { migrations } from '../src/db/migrations';
import { mysqlServerUrl, mysqlTarget } from './support/databases';
import { startServerProcess, type ServerProcess } from './support/server-process';

/**
 * Replicas that start at the same moment on an empty database (README, "Concurrency and retries"):
 * one of them runs the migrations and the demo seed under the start-up lease, the others wait for it
 * and find the work done. All become ready; each migration is recorded once; the demo is seeded once.
 */

interface EmptyDatabase {
  name: string;
  url: string;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  write(...statements: string[]): Promise<void>;
  drop(): Promise<void>;
}

interface SqliteFile {
  prepare(sql: string): { all(): Record<string, unknown>[]; run(): unknown };
  close(): void;
}
const Sqlite = createRequire(__filename)('better-sqlite3') as new (file: string, options?: { readonly?: boolean }) => SqliteFile;

function emptySqliteFile(): EmptyDatabase {
  const directory = mkdtempSync(join(tmpdir(), 'startup-together-'));
  const file = join(directory, 'app.sqlite');
  return {
    name: 'one SQLite file',
    url: `sqlite:${file}`,
    async rows(sql) {
      const connection = new Sqlite(file, { readonly: true });
      try {
        return connection.prepare(sql).all();
      } finally {
        connection.close();
      }
    },
    async write(...statements) {
      const connection = new Sqlite(file);
      try {
        for (const statement of statements) connection.prepare(statement).run();
      } finally {
        connection.close();
      }
    },
    drop: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

async function emptyMariaDb(serverUrl: string): Promise<EmptyDatabase> {
  const database = await mysqlTarget(serverUrl).create();
  return {
    name: 'an empty MariaDB database',
    url: database.url,
    async rows(sql) {
      const connection = await createConnection(database.url);
      try {
        return (await connection.query(sql))[0] as Record<string, unknown>[];
      } finally {
        await connection.end();
      }
    },
    async write(...statements) {
      const connection = await createConnection(database.url);
      try {
        for (const statement of statements) await connection.query(statement);
      } finally {
        await connection.end();
      }
    },
    drop: () => database.drop(),
  };
}

const targets: [string, () => Promise<EmptyDatabase>][] = [
  ['sqlite', async () => emptySqliteFile()],
  ...(mysqlServerUrl ? [['mariadb', () => emptyMariaDb(mysqlServerUrl!)] as [string, () => Promise<EmptyDatabase>]] : []),
];

for (const [kind, makeDatabase] of targets) {
  describe(`three servers started together on an empty database [${kind}]`, () => {
    let database: EmptyDatabase;
    let servers: ServerProcess[] = [];
    beforeAll(async () => {
      database = await makeDatabase();
    });
    afterAll(async () => {
      for (const server of servers) server.process.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
      await database?.drop();
      servers = [];
    });

    it('all become ready; each migration is recorded once and the demo seeded once', async () => {
      const env = { DATABASE_URL: database.url, SEED_DEMO: '1' };
      servers = await Promise.all([startServerProcess(env), startServerProcess(env), startServerProcess(env)]);
      for (const server of servers) {
        const ready = await fetch(`${server.url}/ready`);
        expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready' } });
      }
      const recorded = await database.rows('SELECT name, COUNT(*) AS times FROM schema_migrations GROUP BY name ORDER BY name');
      expect(recorded.map((row) => [row.name, Number(row.times)])).toEqual(
        migrations.map((migration) => [migration.name, 1]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
      const organizations = await database.rows('SELECT name FROM organization ORDER BY name');
      expect(organizations.map((row) => row.name)).toEqual(['Acme', 'Globex']);
      // The lease was given back: a later start (a deploy) does not wait for it.
      expect(await database.rows('SELECT name FROM startup_lease')).toEqual([]);
    });
  });

  describe(`a server starting after one that died holding the start-up lease [${kind}]`, () => {
    let database: EmptyDatabase;
    let server: ServerProcess | undefined;
    beforeAll(async () => {
      database = await makeDatabase();
    });
    afterAll(async () => {
      server?.process.kill('SIGTERM');
      await server?.exited;
      await database?.drop();
    });

    it('takes the lapsed lease over, migrates, seeds and becomes ready', async () => {
      await database.write(
        'CREATE TABLE startup_lease (name VARCHAR(64) NOT NULL PRIMARY KEY, holder VARCHAR(200) NOT NULL, expires_at BIGINT NOT NULL)',
        `INSERT INTO startup_lease (name, holder, expires_at) VALUES ('schema', 'killed-host:1:x', ${Date.now() - 1000})`,
      );
      server = await startServerProcess({ DATABASE_URL: database.url, SEED_DEMO: '1' });
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      expect((await database.rows('SELECT COUNT(*) AS n FROM schema_migrations'))[0]).toEqual({ n: migrations.length });
      expect(await database.rows('SELECT name FROM startup_lease')).toEqual([]);
    });
  });
}
