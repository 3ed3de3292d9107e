import type { DataSource, EntityManager } from 'typeorm';
import { POOL_SIZE } from './data-source';
import { causalReadStatement, type GaleraUnreadiness } from './galera';
import { ConflictRetriesExhaustedError, retryReason, type RetryReason } from './database-errors';
import { WriteSlots, type WriteSlotLimits } from './write-slots';

/**
 * How a write transaction that lost a conflict is run again: a full-jitter exponential backoff (a wait
 * drawn between 0 and min(capMs, baseMs · 2^(retry − 1))), so transactions that collided do not
 * collide again in step; and retried only while the time since the first attempt plus the next wait
 * stays within `budgetMs` (WRITE_RETRY_BUDGET_MS). Past it the caller gets CONFLICT_RETRY.
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 5, capMs: 250, budgetMs: 5000 };

/**
 * A unique-key race is settled by the next attempt, which sees the winner's row: a key that still
 * collides after this many attempts is a bug, not a race, and fails at once.
 */
const MAX_UNIQUE_KEY_ATTEMPTS = 4;

/** Where a retry is reported: the request's logger (pino's signature). */
export interface RetryLog {
  warn(details: object, message: string): void;
}

/** What `Database.transaction` needs to know of its caller besides the work. */
export interface TransactionOptions {
  /** Whose write it is (an organization's id): its write slot (see WriteSlots). */
  slotKey?: string;
  /** The request's logger: each retry is logged there with its code, attempt and wait, never the SQL. */
  log?: RetryLog;
  /** Called before each retry (the request counts them for its operation log line). */
  onRetry?: (reason: RetryReason) => void;
}

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
export type Unreadiness = 'database_unreachable' | 'database_timeout' | 'database_read_only' | GaleraUnreadiness;

/** One of `/ready`'s checks: null when it passes, else why the database cannot serve (a failure throws: unreachable). */
export type ReadinessCheck = () => Promise<Unreadiness | null>;

/**
 * The DataSource plus the transaction runner: `transaction` commits all of its work or none of it,
 * and runs it again (a bounded number of times) when the database reports a deadlock or a unique-key
 * race, so the retry sees the winner's rows and answers from them. Retries live here and nowhere else.
 */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private sqliteTransactionsStarted = 0;
  private sqliteTransactionActive = false;

  /** What `/ready` checks, in order; the first that fails gives its reason. */
  private readonly readinessChecks: ReadinessCheck[] = [() => this.readsARealTable(), async () => ((await this.acceptsWrites()) ? null : 'database_read_only')];

  /** Admission of write transactions, keyed by organization (see WRITE_SLOT_LIMITS). */
  readonly writeSlots: WriteSlots;

  constructor(
    readonly dataSource: DataSource,
    writeSlotLimits: WriteSlotLimits = WRITE_SLOT_LIMITS,
    readonly retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
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
   * Runs `work` in a transaction, all of it again when the database reports a conflict (see
   * retryReason in database-errors.ts) or a unique-key race, within the retry policy. `slotKey` (an
   * organization's id) names whose write it is: the transaction opens only once a write slot is free
   * for that key (see WriteSlots), waiting without holding a connection, and retries keep the slot.
   * On MySQL/MariaDB it runs at READ COMMITTED: under the organization's row lock every read then sees
   * the latest commit (TiDB's pessimistic mode otherwise reads the snapshot from before a lock wait).
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.writeSlots.run(options.slotKey ?? '', () => this.withRetries(work, options));
  }

  private async withRetries<T>(work: (manager: EntityManager) => Promise<T>, { log, onRetry }: TransactionOptions): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.runOnce(work);
      } catch (error) {
        const reason = retryReason(error);
        if (!reason) throw error;
        const waitMs = this.backoffMs(attempt);
        if (!this.mayRetry(reason, attempt, Date.now() - started + waitMs)) {
          // A first attempt that used the whole budget (a lock wait that ran out: BUSY) was never retried: it keeps its own answer.
          if (reason.kind === 'unique-key' || attempt === 1) throw error;
          throw this.budgetExhausted(reason, attempt, error, log);
        }
        onRetry?.(reason);
        log?.warn({ code: reason.code, errno: reason.errno, attempt, waitMs }, 'write transaction retried');
        await sleep(waitMs);
      }
    }
  }

  private budgetExhausted(reason: RetryReason, attempts: number, error: unknown, log: RetryLog | undefined): ConflictRetriesExhaustedError {
    log?.warn({ code: reason.code, errno: reason.errno, attempts, budgetMs: this.retryPolicy.budgetMs }, 'write transaction retry budget exhausted');
    return new ConflictRetriesExhaustedError(attempts, reason.code, error);
  }

  /** Full jitter: uniform between 0 and the exponential ceiling of this retry. */
  private backoffMs(attempt: number): number {
    const { baseMs, capMs } = this.retryPolicy;
    return Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
  }

  private mayRetry(reason: RetryReason, attempt: number, elapsedAfterWaitMs: number): boolean {
    if (reason.kind === 'unique-key') return attempt < MAX_UNIQUE_KEY_ATTEMPTS;
    return elapsedAfterWaitMs <= this.retryPolicy.budgetMs;
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

  /**
   * Adds a check to `/ready`'s list, before those there: an engine's own state (a cluster node's) names
   * the cause that the generic read would only see as an unreachable database.
   */
  addReadinessCheck(check: ReadinessCheck): void {
    this.readinessChecks.unshift(check);
  }

  private async probe(): Promise<Unreadiness | null> {
    if (!this.dataSource.isInitialized) return 'database_unreachable';
    for (const check of this.readinessChecks) {
      const reason = await check();
      if (reason) return reason;
    }
    return null;
  }

  private async readsARealTable(): Promise<null> {
    // A real table, not `SELECT 1`: a server (or cluster node) that answers but cannot serve data fails here.
    await this.dataSource.query('SELECT id FROM organization LIMIT 1');
    return null;
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
    // SQLite has one writer at a time and no isolation levels to choose (documented in the README).
    if (!this.isSqlite) return this.dataSource.transaction('READ COMMITTED', work);
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

/** Thrown to roll the write probe back. */
const ROLLBACK = Symbol('rollback');

function isReadOnly(error: unknown): boolean {
  const err = error as { code?: string; driverError?: { code?: string } };
  return (err.driverError?.code ?? err.code ?? '').startsWith('SQLITE_READONLY');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
