/**
 * How the database failed a request that can succeed later unchanged (clients get HTTP 503 and a
 * retryable code instead of a 500): `unavailable` — the server is down or unreachable, the connection
 * died, a statement outran its timeout, the file cannot be written; `busy` — a lock or a write slot
 * stayed taken longer than we wait.
 */
export type DatabaseFailure = 'unavailable' | 'busy';

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
