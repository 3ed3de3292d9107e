/** Codes of errors that fail a whole request; stable, clients switch on them (`extensions.code`). */
export enum RequestErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  MARKETO_NOT_CONNECTED = 'MARKETO_NOT_CONNECTED',
  MARKETO_CONNECTION_NOT_READY = 'MARKETO_CONNECTION_NOT_READY',
  MARKETO_ALREADY_CONNECTED = 'MARKETO_ALREADY_CONNECTED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Message keys of `BAD_USER_INPUT` errors: the code stays `BAD_USER_INPUT`, the key (in
 * `extensions.i18nKey`) says which rule the input broke.
 */
export enum BadInputReason {
  INVALID_INPUT = 'INVALID_INPUT',
  EMPTY_BATCH = 'EMPTY_BATCH',
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  PAGE_SIZE_OUT_OF_RANGE = 'PAGE_SIZE_OUT_OF_RANGE',
  INVALID_CURSOR = 'INVALID_CURSOR',
  WORKSPACES_NOT_ENABLED = 'WORKSPACES_NOT_ENABLED',
}

/**
 * Message keys of the errors graphql-js and Apollo raise before any resolver runs (their code stays
 * Apollo's; the English detail from graphql-js goes into the message as {{details}}).
 */
export enum GraphQLRequestErrorKey {
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT = 'INVALID_VARIABLES',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
}

/** Why a query was refused before it ran (code GRAPHQL_VALIDATION_FAILED, `extensions.reason`). */
export enum QueryLimitReason {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
}

/** Why the HTTP layer refused a request before GraphQL saw it (code BAD_REQUEST, `extensions.reason`). */
export enum HttpErrorKey {
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  INVALID_JSON = 'INVALID_JSON',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  BAD_REQUEST = 'BAD_REQUEST',
}

/** Codes of per-item results of bulk mutations (the item failed; the others went on). */
export enum ItemErrorCode {
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  WORKSPACE_NOT_FOUND = 'WORKSPACE_NOT_FOUND',
  WORKSPACES_NOT_ENABLED = 'WORKSPACES_NOT_ENABLED',
  ALREADY_CONNECTED = 'ALREADY_CONNECTED',
  NOT_CONNECTED = 'NOT_CONNECTED',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_NAME = 'INVALID_NAME',
  EMAIL_ALREADY_INVITED = 'EMAIL_ALREADY_INVITED',
}

export type MessageParams = Record<string, string | number | boolean | undefined>;
