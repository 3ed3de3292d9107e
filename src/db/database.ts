import type { DataSource, EntityManager } from 'typeorm';

const MAX_ATTEMPTS = 4;

/**
 * The DataSource plus the transaction runner: `transaction` commits all of its work or none of it,
 * and runs it again (a bounded number of times) when the database reports a deadlock or a unique-key
 * race, so the retry sees the winner's rows and answers from them. Retries live here and nowhere else.
 */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private sqliteTransactionsStarted = 0;
  private sqliteTransactionActive = false;

  constructor(readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
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

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  private runOnce<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    // TypeORM keeps one connection for SQLite, so two transactions must not overlap on it.
    const run = this.sqliteQueue.then(async () => {
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

const RETRYABLE_CODES = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_DUP_ENTRY',
  'SQLITE_BUSY',
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

function isRetryable(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE_CODES.has(err.driverError?.code ?? err.code ?? '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
