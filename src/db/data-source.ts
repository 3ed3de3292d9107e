import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type Logger, type MixedList, type EntitySchema } from 'typeorm';

export const DEFAULT_SQLITE_PATH = './data/app.sqlite';

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
      extra: { connectionLimit: 10 },
    };
  }
  const database = sqlitePath(databaseUrl);
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return { ...common, type: 'better-sqlite3', database, enableWAL: database !== ':memory:', timeout: 5000 };
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
