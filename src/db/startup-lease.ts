import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';

/**
 * How long a lease lasts without renewal: a holder that died (SIGKILL, a lost host) blocks the others
 * this long at most. The holder renews it every third of that while its work runs.
 */
export const STARTUP_LEASE_MS = 60_000;
/** How long a server waits for another's lease before it gives up starting (and exits non-zero). */
export const STARTUP_LEASE_WAIT_MS = 10 * 60_000;

const LEASE_NAME = 'schema';

/**
 * The one table the application creates outside its migrations, since it guards them: a row per lease,
 * its holder and when it lapses (epoch milliseconds of the holder's clock). Plain SQL that MySQL,
 * MariaDB, Galera and SQLite all run the same way.
 */
const CREATE_LEASE_TABLE =
  'CREATE TABLE IF NOT EXISTS startup_lease (name VARCHAR(64) NOT NULL PRIMARY KEY, holder VARCHAR(200) NOT NULL, expires_at BIGINT NOT NULL)';

/**
 * Runs `work` (pending migrations, the demo seed) in one server at a time, however many replicas start
 * together. The lock is a row inserted under a primary key, not GET_LOCK: a lock function holds on
 * one node of a Galera cluster only, while a row conflicts on every node (two nodes inserting it at
 * once: one fails with a duplicate key or at certification). A lease that lapsed (its holder died)
 * is taken over by an UPDATE guarded by its expiry, so exactly one waiter wins it.
 */
export async function underStartupLease<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  await dataSource.query(CREATE_LEASE_TABLE);
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  await acquire(dataSource, holder);
  const renewal = setInterval(() => void renew(dataSource, holder).catch(() => undefined), STARTUP_LEASE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await dataSource.query('DELETE FROM startup_lease WHERE name = ? AND holder = ?', [LEASE_NAME, holder]);
  }
}

/**
 * Whether a migration is not recorded yet, read without writing anything (TypeORM's own check creates
 * its table when missing, which replicas starting together would race on).
 */
export async function hasPendingMigrations(dataSource: DataSource): Promise<boolean> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable(table))) return dataSource.migrations.length > 0;
    const recorded = new Set(((await runner.query(`SELECT name FROM ${table}`)) as { name: string }[]).map((row) => row.name));
    return dataSource.migrations.some((migration) => !recorded.has(migration.name ?? migration.constructor.name));
  } finally {
    await runner.release();
  }
}

async function acquire(dataSource: DataSource, holder: string): Promise<void> {
  const giveUpAt = Date.now() + STARTUP_LEASE_WAIT_MS;
  while (!(await tryAcquire(dataSource, holder))) {
    if (Date.now() > giveUpAt) throw new Error(`another server held the start-up lease for more than ${STARTUP_LEASE_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}

async function tryAcquire(dataSource: DataSource, holder: string): Promise<boolean> {
  const now = Date.now();
  try {
    await dataSource.query('INSERT INTO startup_lease (name, holder, expires_at) VALUES (?, ?, ?)', [LEASE_NAME, holder, now + STARTUP_LEASE_MS]);
    return true;
  } catch (error) {
    if (!isLeaseTaken(error)) throw error;
  }
  const takeOver = 'UPDATE startup_lease SET holder = ?, expires_at = ? WHERE name = ? AND expires_at < ?';
  return (await affectedRows(dataSource, takeOver, [holder, now + STARTUP_LEASE_MS, LEASE_NAME, now])) === 1;
}

function renew(dataSource: DataSource, holder: string): Promise<number> {
  const sql = 'UPDATE startup_lease SET expires_at = ? WHERE name = ? AND holder = ?';
  return affectedRows(dataSource, sql, [Date.now() + STARTUP_LEASE_MS, LEASE_NAME, holder]);
}

async function affectedRows(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    return (await runner.query(sql, parameters, true)).affected ?? 0;
  } catch (error) {
    if (isLeaseTaken(error)) return 0;
    throw error;
  } finally {
    await runner.release();
  }
}

/** Someone else's row was there first: a duplicate key, a Galera certification failure, a deadlock, SQLite's busy file. */
function isLeaseTaken(error: unknown): boolean {
  const err = error as { errno?: number; code?: string; driverError?: { errno?: number; code?: string } };
  const errno = err.driverError?.errno ?? err.errno;
  const code = err.driverError?.code ?? err.code ?? '';
  return errno === 1062 || errno === 1213 || /^SQLITE_(CONSTRAINT|BUSY)/.test(code);
}
