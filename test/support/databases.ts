import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** A fresh, empty database for one test file, and how to get rid of it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseTarget {
  name: 'sqlite' | 'mariadb';
  create(): Promise<TestDatabase>;
}

const sqlite: DatabaseTarget = {
  name: 'sqlite',
  create: async () => ({ url: 'sqlite::memory:', drop: async () => undefined }),
};

/** MariaDB/MySQL from TEST_MYSQL_URL (mysql://user:pass@host:port/): one new database per test file. */
export function mysqlTarget(serverUrl: string): DatabaseTarget {
  return {
    name: 'mariadb',
    async create() {
      const name = `test_${randomBytes(6).toString('hex')}`;
      const admin = await createConnection(serverUrl);
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async drop() {
          const connection = await createConnection(serverUrl);
          await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
          await connection.end();
        },
      };
    },
  };
}

export const mysqlServerUrl = process.env.TEST_MYSQL_URL?.trim() || undefined;

/** SQLite always; MariaDB when TEST_MYSQL_URL is set. */
export function databaseTargets(): DatabaseTarget[] {
  return mysqlServerUrl ? [sqlite, mysqlTarget(mysqlServerUrl)] : [sqlite];
}
