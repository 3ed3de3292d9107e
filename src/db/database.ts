import type { DataSource, EntityManager } from 'typeorm';
import { POOL_SIZE } from './data-source';
import { causalReadStatement } from './galera';
import { WriteSlots, type WriteSlotLimits } from './write-slots';

const MAX_ATTEMPTS = 4;

/**
 * Write transactions: at most 6 of the 10 pooled connections at once, so reads (and the token lookup
 * of every request) always find one; two per organization, as its row lock lets only one proceed
 * anyway (the second waits on the lock, so it starts the moment the first commits: half the
 * throughput of one tenant is lost with one); a write that waits longer than 5 s for its turn is
 * refused as BUSY (retryable).
 */
export const WRITE_SLOT_LIMITS: WriteSlotLimits = { total: POOL_SIZE - 4, perKey: 2, maxWaitMs: 5000 };

/** How long `/ready` waits for the database before it calls it unavailable. */
export const READINESS_TIMEOUT_MS = 2000;

/** Why the database cannot serve the application, as `/ready` reports it. */
export type Unreadiness = 'database_unreachable' | 'database_timeout' | 'database_read_only';

/**
 * The DataSource plus the transaction runner: `transaction` commits all of its work or none of it,
 * and runs it again (a bounded number of times) when the database reports a deadlock or a unique-key
 * race, so the retry sees the winner's rows and answers from them. Retries live here and nowhere else.
 */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private sqliteTransactionsStarted = 0;
  private sqliteTransactionActive = false;

  /** Admission of write transactions, keyed by organization (see WRITE_SLOT_LIMITS). */
  readonly writeSlots: WriteSlots;

  constructor(
    readonly dataSource: DataSource,
    writeSlotLimits: WriteSlotLimits = WRITE_SLOT_LIMITS,
  ) {
    this.writeSlots = new WriteSlots(writeSlotLimits);
  }

  /** The server is a MariaDB Galera node: set at start (see galera.ts). */
  galera = false;

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** `sql` (a request's first read) as a causal read on Galera (see galera.ts); unchanged elsewhere. */
  causalRead(sql: string): string {
    return this.galera ? causalReadStatement(sql) : sql;
  }

  /**
   * Runs `work` in a transaction. `slotKey` (an organization's id) names whose write it is: the
   * transaction opens only once a write slot is free for that key (see WriteSlots), waiting without
   * holding a connection.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, slotKey = ''): Promise<T> {
    return this.writeSlots.run(slotKey, () => this.withRetries(work));
  }

  private async withRetries<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await sleep(5 * attempt + Math.random() * 20);
      }
    }
  }

  /**
   * A stamp for reads that must not have seen uncommitted data: on SQLite every read shares the one
   * connection, so a read made while a transaction is open sees its uncommitted writes. Null while one
   * is open; otherwise it changes whenever one has begun since. MySQL reads outside a transaction see
   * committed data only: always 0.
   */
  cleanReadStamp(): number | null {
    if (!this.isSqlite) return 0;
    return this.sqliteTransactionActive ? null : this.sqliteTransactionsStarted;
  }

  /**
   * Null when the database answers a real read of a real table within READINESS_TIMEOUT_MS and
   * accepts writes; otherwise why not.
   */
  async unreadiness(): Promise<Unreadiness | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Unreadiness>((resolve) => {
      timer = setTimeout(() => resolve('database_timeout'), READINESS_TIMEOUT_MS);
    });
    const probe = this.probe().catch((): Unreadiness => 'database_unreachable');
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async probe(): Promise<Unreadiness | null> {
    if (!this.dataSource.isInitialized) return 'database_unreachable';
    await this.dataSource.query('SELECT id FROM organization LIMIT 1');
    return (await this.acceptsWrites()) ? null : 'database_read_only';
  }

  private async acceptsWrites(): Promise<boolean> {
    if (!this.isSqlite) {
      const [flags] = await this.dataSource.query('SELECT @@read_only AS readOnly, @@innodb_read_only AS innodbReadOnly');
      if (Number(flags.readOnly) || Number(flags.innodbReadOnly)) return false;
    }
    try {
      await this.writeProbe();
    } catch (error) {
      if (error === ROLLBACK) return true;
      if (isReadOnly(error)) return false;
      throw error;
    }
    return true;
  }

  /**
   * A write that changes nothing, rolled back (always rejects): SQLite opens a read-only file without
   * complaint and refuses only writes; a MariaDB whose tables are locked for reading answers reads
   * and makes writes wait, which the readiness timeout then reports.
   */
  private writeProbe(): Promise<never> {
    const probe = () =>
      this.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE organization SET data_version = data_version WHERE 1 = 0');
        throw ROLLBACK;
      });
    if (!this.isSqlite) return probe();
    const queued = this.sqliteQueue.then(probe);
    this.sqliteQueue = queued.catch(() => undefined);
    return queued;
  }

  private runOnce<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    // TypeORM keeps one connection for SQLite, so two transactions must not overlap on it.
    const run = this.sqliteQueue.then(async () => {
      // better-sqlite3 answers synchronously, so queued transactions would run back to back in
      // microtasks and starve every other request (another tenant's reads) until the queue is empty.
      await new Promise((resolve) => setImmediate(resolve));
      this.sqliteTransactionsStarted += 1;
      this.sqliteTransactionActive = true;
      try {
        return await this.dataSource.transaction(work);
      } finally {
        this.sqliteTransactionActive = false;
      }
    });
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }
}

// Not ER_LOCK_WAIT_TIMEOUT: a lock held for the whole lock-wait timeout is no race, and waiting again
// would keep the caller (and a write slot) for minutes; the caller gets BUSY and retries later.
const RETRYABLE_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_DUP_ENTRY', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Thrown to roll the write probe back. */
const ROLLBACK = Symbol('rollback');

function isReadOnly(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } };
  return (err.driverError?.code ?? err.code ?? '').startsWith('SQLITE_READONLY');
}

function isRetryable(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE_CODES.has(err.driverError?.code ?? err.code ?? '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
