/**
 * How the database failed a request that can succeed later unchanged (clients get HTTP 503 and a
 * retryable code instead of a 500): `unavailable` — the server is down or unreachable, the connection
 * died, a statement outran its timeout, the file cannot be written, a cluster node is not part of
 * the primary component; `busy` — a lock or a write slot stayed taken longer than we wait;
 * `conflict` — a write transaction kept losing conflicts until its retry budget ran out.
 */
export type DatabaseFailure = 'unavailable' | 'busy' | 'conflict';

/**
 * Error numbers after which the whole write transaction is run again: the database rolled it back
 * (or will) because it collided with another, and the same work may well succeed a moment later.
 * By number, not by message or code name, so that engines that reuse MySQL's numbering match too.
 * ER_LOCK_WAIT_TIMEOUT waited the whole lock-wait timeout (5 s) already, which the retry budget (5 s
 * by default) leaves no room to repeat; it is here for deployments with a longer budget.
 */
export const RETRYABLE_ERRNOS: ReadonlyMap<number, string> = new Map([
  [1213, 'ER_LOCK_DEADLOCK'], // InnoDB deadlock; Galera: a certification failure at commit, or a brute-force abort
  [1205, 'ER_LOCK_WAIT_TIMEOUT'],
  [9007, 'TIDB_WRITE_CONFLICT'], // TiDB optimistic transaction: write conflict
  [8022, 'TIDB_TXN_RETRY'], // TiDB: "transaction commit failed, please retry"
  [8028, 'TIDB_SCHEMA_CHANGED'], // TiDB: the information schema changed during the transaction
]);

/** A unique key another transaction took first: the next attempt sees its row and answers from it. */
const UNIQUE_KEY_ERRNO = 1062; // ER_DUP_ENTRY
const SQLITE_UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Why a write transaction may run again: a conflict (retried within the time budget) or a unique-key race (a few times). */
export interface RetryReason {
  kind: 'conflict' | 'unique-key';
  /** The driver's code, for logs and counts (never the message: it can quote the row's values). */
  code: string;
  errno?: number;
}

/** Whether (and why) a failed write transaction should be run again; null when it should not. */
export function retryReason(error: unknown): RetryReason | null {
  if (error instanceof ConcurrentChangeError) return { kind: 'conflict', code: error.code };
  const { code, errno } = driverCode(error);
  if (errno !== undefined && RETRYABLE_ERRNOS.has(errno)) return { kind: 'conflict', code: code ?? RETRYABLE_ERRNOS.get(errno)!, errno };
  if (errno === UNIQUE_KEY_ERRNO) return { kind: 'unique-key', code: code ?? 'ER_DUP_ENTRY', errno };
  if (code === 'SQLITE_BUSY' || code?.startsWith('SQLITE_BUSY_')) return { kind: 'conflict', code };
  if (code && SQLITE_UNIQUE_CODES.has(code)) return { kind: 'unique-key', code };
  return null;
}

/** The driver error's code and number, wherever TypeORM's wrapper keeps them. */
function driverCode(error: unknown): { code?: string; errno?: number } {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, errno } = current as { code?: unknown; errno?: unknown };
    if (typeof errno === 'number' && errno > 0) return { errno, code: typeof code === 'string' ? code : undefined };
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return { code };
    const wrapper = current as { driverError?: unknown; cause?: unknown };
    current = wrapper.driverError ?? wrapper.cause;
  }
  return {};
}

/**
 * A statement changed fewer rows than the transaction had just read: another transaction got there
 * first. Retried like a deadlock, so the next attempt plans from what is there now.
 */
export class ConcurrentChangeError extends Error {
  readonly code = 'CONCURRENT_CHANGE';
}

/** A write transaction that kept losing conflicts until the retry budget ran out; nothing of it was committed. */
export class ConflictRetriesExhaustedError extends Error {
  readonly code = 'CONFLICT_RETRIES_EXHAUSTED';

  constructor(
    readonly attempts: number,
    readonly lastCode: string,
    cause: unknown,
  ) {
    super(`write transaction gave up after ${attempts} attempts (${lastCode})`, { cause });
  }
}

/** Driver error codes (and their extended `<CODE>_…` forms) that mean the database is unavailable. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CONNECTION_KILLED',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_OPTION_PREVENTS_STATEMENT',
  'ER_STATEMENT_TIMEOUT',
  'ER_QUERY_TIMEOUT',
  // Galera: "WSREP has not yet prepared node for application use" (a node outside the primary component).
  'ER_UNKNOWN_COM_ERROR',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);

/** Codes of lock waits that ran out (after `Database.transaction`'s retries) and of our own write-slot wait. */
const BUSY_CODES = new Set(['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'WRITE_SLOT_TIMEOUT']);

/** mysql2's pool and connection messages that carry no code. */
const UNAVAILABLE_MESSAGES = [
  /Pool is closed/i,
  /connect ETIMEDOUT/i,
  /Can't add new command when connection is in closed state/i,
  /Query inactivity timeout/i,
  // A Galera node outside the primary component (quorum lost) or not yet synced (ER_UNKNOWN_COM_ERROR, 1047).
  /WSREP has not yet prepared node for application use/i,
];

/** A write that found no free write slot in time (WriteSlots). */
export class WriteSlotTimeoutError extends Error {
  readonly code = 'WRITE_SLOT_TIMEOUT';
}

/** How the error (or the driver error or cause it wraps) says the database failed, or null for any other error. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (code === 'CONFLICT_RETRIES_EXHAUSTED') return 'conflict';
    if (typeof code === 'string' && hasCode(BUSY_CODES, code)) return 'busy';
    if (typeof code === 'string' && hasCode(UNAVAILABLE_CODES, code)) return 'unavailable';
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return 'unavailable';
    const wrapper = current as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    current = wrapper.driverError ?? wrapper.cause ?? wrapper.originalError;
  }
  return null;
}

function hasCode(codes: Set<string>, code: string): boolean {
  return codes.has(code) || [...codes].some((known) => code.startsWith(`${known}_`));
}

/**
 * What the log keeps of a database failure: the driver's code and message (an address, a lock
 * timeout), never TypeORM's wrapper, which carries the statement's SQL and parameters (names, e-mails).
 */
export function databaseFailureDetail(error: unknown): { code?: string; message?: string } {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') return { code, message: typeof message === 'string' ? message : undefined };
    const wrapper = current as { driverError?: unknown; cause?: unknown; originalError?: unknown };
    current = wrapper.driverError ?? wrapper.cause ?? wrapper.originalError;
  }
  return {};
}
