/**
 * Codes of errors that fail a whole request, whoever raises them; stable, clients switch on them
 * (`extensions.code`). Modules add their own codes next to their rules (`*.errors.ts`).
 */
export enum RequestErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /**
   * The database cannot be reached or answer in time, or its node cannot serve (HTTP 503, `Retry-After`,
   * `extensions.retryable`). Was SERVICE_UNAVAILABLE (README, "Breaking changes").
   */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  /** The organization's writes are queued too long, or a lock stayed held (HTTP 503, `Retry-After`, `extensions.retryable`). */
  BUSY = 'BUSY',
  /** A write kept colliding with concurrent writes until its retry budget ran out; nothing was written (HTTP 503, `Retry-After`, `extensions.retryable`). */
  CONFLICT_RETRY = 'CONFLICT_RETRY',
}

/**
 * Why a request's input was refused: the code stays `BAD_USER_INPUT`, `extensions.reason` says which
 * rule the input broke and its message key is `request.<reason>`.
 */
export enum BadInputReason {
  INVALID_INPUT = 'INVALID_INPUT',
  EMPTY_BATCH = 'EMPTY_BATCH',
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  PAGE_SIZE_OUT_OF_RANGE = 'PAGE_SIZE_OUT_OF_RANGE',
  INVALID_CURSOR = 'INVALID_CURSOR',
  PAGE_DIRECTION_CONFLICT = 'PAGE_DIRECTION_CONFLICT',
}

/** The `errors` catalog keys of the request-level errors above. */
export const REQUEST_ERROR_KEYS: string[] = [
  ...Object.values(RequestErrorCode).filter((code) => code !== RequestErrorCode.BAD_USER_INPUT),
  ...Object.values(BadInputReason),
].map((key) => `request.${key}`);
