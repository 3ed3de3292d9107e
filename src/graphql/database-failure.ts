import { HeaderMap } from '@apollo/server';
import { AppError } from '../core/app-error';
import { RequestErrorCode } from '../core/error-codes';
import { databaseFailure } from '../db/database-errors';

/** Seconds a client should wait before it retries, by failure: a busy tenant clears fast, an outage less so. */
const RETRY_AFTER_SECONDS = { busy: 1, unavailable: 5 } as const;

/**
 * The answer to a request the database could not serve for now: HTTP 503 with `Retry-After`, code
 * SERVICE_UNAVAILABLE (or BUSY) and `extensions.retryable`, nothing of the driver's message; undefined
 * for any other error. The message is written by the translate-errors plugin (or by the caller).
 */
export function databaseFailureError(error: unknown): AppError | undefined {
  const failure = databaseFailure(error);
  if (!failure) return undefined;
  const code = failure === 'busy' ? RequestErrorCode.BUSY : RequestErrorCode.SERVICE_UNAVAILABLE;
  const retryAfterSeconds = RETRY_AFTER_SECONDS[failure];
  return new AppError(code, `request.${code}`, {
    extensions: { retryable: true, retryAfterSeconds, http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } },
  });
}
