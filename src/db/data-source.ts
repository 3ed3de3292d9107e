import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export const DEFAULT_SQLITE_PATH = './data/app.sqlite';

export type DatabaseKind = 'sqlite' | 'mysql';

export interface DataSourceExtras {
  /** A TypeORM logger, for example one that counts statements in tests. */
  logger?: Logger;
}

/**
 * The one DataSource factory, used by the server, the TypeORM CLI (`ormconfig.ts`) and the tests.
 * `DATABASE_URL` unset → SQLite file `./data/app.sqlite`; `sqlite:PATH` → that file (`sqlite::memory:`
 * for memory); `mysql://user:pass@host:port/db` → MySQL/MariaDB through mysql2.
 */
export function createDataSource(databaseUrl: string | undefined, extras: DataSourceExtras = {}): DataSource {
  return new DataSource({ ...dataSourceOptions(databaseUrl), ...loggingOptions(extras) } as DataSourceOptions);
}

export function databaseKind(databaseUrl: string | undefined): DatabaseKind {
  if (!databaseUrl || databaseUrl.startsWith('sqlite:')) return 'sqlite';
  if (/^(mysql|mariadb):\/\//.test(databaseUrl)) return 'mysql';
  throw new Error(`DATABASE_URL must start with sqlite: or mysql://, got "${redactUrl(databaseUrl)}"`);
}

function dataSourceOptions(databaseUrl: string | undefined): DataSourceOptions {
  const common = { entities, migrations, migrationsTableName: 'schema_migrations', synchronize: false };
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

function loggingOptions(extras: DataSourceExtras): Partial<DataSourceOptions> {
  return extras.logger ? { logger: extras.logger, logging: true } : { logging: ['error'] };
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
