import { HeaderMap } from '@apollo/server';
import { AppError } from '../core/app-error';
import { RequestErrorCode } from '../core/error-codes';
import { databaseFailure, type DatabaseFailure } from '../db/database-errors';

/**
 * Seconds a client should wait before it retries, by failure: a busy tenant or lost conflicts clear
 * fast, an outage less so.
 */
const RETRY_AFTER_SECONDS: Record<DatabaseFailure, number> = { busy: 1, conflict: 1, unavailable: 5 };

const CODE_OF_FAILURE: Record<DatabaseFailure, RequestErrorCode> = {
  busy: RequestErrorCode.BUSY,
  conflict: RequestErrorCode.CONFLICT_RETRY,
  unavailable: RequestErrorCode.DATABASE_UNAVAILABLE,
};

/**
 * The answer to a request the database could not serve for now: HTTP 503 with `Retry-After`, code
 * DATABASE_UNAVAILABLE, BUSY or CONFLICT_RETRY and `extensions.retryable`, nothing of the driver's
 * message; undefined for any other error. The message is written by the translate-errors plugin (or
 * by the caller).
 */
export function databaseFailureError(error: unknown): AppError | undefined {
  const failure = databaseFailure(error);
  if (!failure) return undefined;
  return databaseFailureOf(failure);
}

/** The retryable 503 of one kind of database failure. */
export function databaseFailureOf(failure: DatabaseFailure): AppError {
  const code = CODE_OF_FAILURE[failure];
  const retryAfterSeconds = RETRY_AFTER_SECONDS[failure];
  return new AppError(code, `request.${code}`, {
    extensions: { retryable: true, retryAfterSeconds, http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
  });
}
