import { ConcurrentChangeError, ConflictRetriesExhaustedError, databaseFailure, retryReason } from '../../src/db/database-errors';

describe('retryReason', () => {
  it('retries conflicts by error number (MySQL, MariaDB, Galera, TiDB), whatever the code name or wrapper says', () => {
    expect(retryReason({ driverError: { errno: 1213, code: 'ER_LOCK_DEADLOCK' } })).toEqual({ kind: 'conflict', code: 'ER_LOCK_DEADLOCK', errno: 1213 });
    expect(retryReason({ errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' })).toMatchObject({ kind: 'conflict', errno: 1205 });
    expect(retryReason(new Error('wrapped', { cause: { errno: 9007 } }))).toEqual({ kind: 'conflict', code: 'TIDB_WRITE_CONFLICT', errno: 9007 });
    expect(retryReason({ driverError: { errno: 8022 } })).toMatchObject({ kind: 'conflict', errno: 8022 });
    expect(retryReason({ driverError: { errno: 8028 } })).toMatchObject({ kind: 'conflict', errno: 8028 });
    expect(retryReason({ code: 'SQLITE_BUSY_SNAPSHOT' })).toEqual({ kind: 'conflict', code: 'SQLITE_BUSY_SNAPSHOT' });
    expect(retryReason(new ConcurrentChangeError('2 grants were already removed'))).toMatchObject({ kind: 'conflict', code: 'CONCURRENT_CHANGE' });
  });

  it('retries unique-key races apart from conflicts, and nothing else', () => {
    expect(retryReason({ driverError: { errno: 1062, code: 'ER_DUP_ENTRY' } })).toMatchObject({ kind: 'unique-key' });
    expect(retryReason({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toMatchObject({ kind: 'unique-key' });
    expect(retryReason({ driverError: { errno: 1146, code: 'ER_NO_SUCH_TABLE' } })).toBeNull();
    expect(retryReason({ code: 'ECONNRESET', errno: -104 })).toBeNull();
    expect(retryReason(new TypeError('bug'))).toBeNull();
  });
});

describe('databaseFailure of the write path', () => {
  it('calls an exhausted retry budget a conflict, and a Galera node outside the primary component unavailable', () => {
    expect(databaseFailure(new ConflictRetriesExhaustedError(12, 'ER_LOCK_DEADLOCK', { code: 'ER_LOCK_DEADLOCK' }))).toBe('conflict');
    expect(databaseFailure({ driverError: { code: 'ER_UNKNOWN_COM_ERROR', errno: 1047 } })).toBe('unavailable');
  });
});
