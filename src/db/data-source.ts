import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type Logger, type MixedList, type EntitySchema } from 'typeorm';

export const DEFAULT_SQLITE_PATH = './data/app.sqlite';

/** The MySQL/MariaDB pool's size. */
export const POOL_SIZE = 10;
export const CONNECT_TIMEOUT_MS = 3000;
export const STATEMENT_TIMEOUT_MS = 15_000;
/** Row and metadata lock waits on MySQL/MariaDB (their defaults: 50 s and a year), and SQLite's busy timeout. */
export const LOCK_WAIT_TIMEOUT_SECONDS = 5;

export type DatabaseKind = 'sqlite' | 'mysql';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
type Classes = MixedList<Function | string | EntitySchema>;

export interface DataSourceParts {
  /** The entity classes; the composition root lists them. */
  entities: Classes;
  /** The migration classes, oldest first. */
  migrations: Classes;
  /** A TypeORM logger, for example one that counts statements in tests. */
  logger?: Logger;
}

/**
 * The one DataSource factory, used by the server, the TypeORM CLI (`ormconfig.ts`) and the tests.
 * `DATABASE_URL` unset → SQLite file `./data/app.sqlite`; `sqlite:PATH` → that file (`sqlite::memory:`
 * for memory); `mysql://user:pass@host:port/db` → MySQL/MariaDB through mysql2.
 */
export function createDataSource(databaseUrl: string | undefined, parts: DataSourceParts): DataSource {
  // No TypeORM logging by default: its failed-query line prints the parameters (names, e-mails) as plain
  // text. A failed query throws; the request's error path logs it, redacted, with the request id.
  const logging = parts.logger ? { logger: parts.logger, logging: true } : { logging: false };
  return new DataSource({ ...driverOptions(databaseUrl), entities: parts.entities, migrations: parts.migrations, ...logging } as DataSourceOptions);
}

export function databaseKind(databaseUrl: string | undefined): DatabaseKind {
  if (!databaseUrl || databaseUrl.startsWith('sqlite:')) return 'sqlite';
  if (/^(mysql|mariadb):\/\//.test(databaseUrl)) return 'mysql';
  throw new Error(`DATABASE_URL must start with sqlite: or mysql://, got "${redactUrl(databaseUrl)}"`);
}

function driverOptions(databaseUrl: string | undefined): Partial<DataSourceOptions> {
  const common = { migrationsTableName: 'schema_migrations', synchronize: false };
  if (databaseKind(databaseUrl) === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      url: databaseUrl!.replace(/^mariadb:/, 'mysql:'),
      // Datetimes are stored and read in UTC, whatever the server's time zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      // A database that cannot be reached fails the request in 3 s instead of mysql2's 10 s.
      connectTimeout: CONNECT_TIMEOUT_MS,
      // A statement with no answer (a frozen server, a lost network) fails after 15 s, and its connection is dropped.
      enableQueryTimeout: true,
      maxQueryExecutionTime: STATEMENT_TIMEOUT_MS,
      extra: { connectionLimit: POOL_SIZE },
    };
  }
  const database = sqlitePath(databaseUrl);
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return { ...common, type: 'better-sqlite3', database, enableWAL: database !== ':memory:', timeout: LOCK_WAIT_TIMEOUT_SECONDS * 1000 };
}

function sqlitePath(databaseUrl: string | undefined): string {
  if (!databaseUrl) return DEFAULT_SQLITE_PATH;
  const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
  return path === '' ? DEFAULT_SQLITE_PATH : path;
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

interface PooledConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

interface ConnectionPool {
  on(event: 'acquire', listener: (connection: PooledConnection) => void): void;
}

const SESSION_TIMEOUTS = `SET SESSION innodb_lock_wait_timeout = ${LOCK_WAIT_TIMEOUT_SECONDS}, lock_wait_timeout = ${LOCK_WAIT_TIMEOUT_SECONDS}`;

/**
 * Bounds lock waits on every pooled MySQL/MariaDB connection: the SET is queued on a connection the
 * first time it is handed out, ahead of the statement it was taken for (mysql2 has no init SQL).
 * Call it right after `initialize()`.
 */
export function boundLockWaits(dataSource: DataSource): void {
  const pool = (dataSource.driver as { pool?: ConnectionPool }).pool;
  if (dataSource.options.type !== 'mysql' || !pool) return;
  const prepared = new WeakSet<PooledConnection>();
  pool.on('acquire', (connection) => {
    if (prepared.has(connection)) return;
    prepared.add(connection);
    // A failure here surfaces on the statement that follows, on the same connection.
    connection.query(SESSION_TIMEOUTS, () => undefined);
  });
}
