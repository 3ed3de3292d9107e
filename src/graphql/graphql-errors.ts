/**
 * Message keys (`graphql.<key>`) of the errors graphql-js and Apollo raise before any resolver runs
 * (their code stays Apollo's; graphql-js's English detail goes into the message as {{details}}).
 */
export enum GraphQLRequestErrorKey {
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT = 'INVALID_VARIABLES',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** Ours (http-semantics.plugin.ts): a subscription sent over HTTP, which serves queries and mutations only. */
  SUBSCRIPTIONS_NOT_SUPPORTED = 'SUBSCRIPTIONS_NOT_SUPPORTED',
}

/** Why a query was refused before it ran (code GRAPHQL_VALIDATION_FAILED, `extensions.reason`). */
export enum QueryLimitReason {
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  /** More selections than QUERY_LIMITS.maxSelections, refused before validation (http/graphql-document-limits.ts). */
  TOO_MANY_FIELDS = 'TOO_MANY_FIELDS',
}

/** Why a request's `variables` were refused before GraphQL saw them (code BAD_USER_INPUT, `extensions.reason`). */
export enum VariablesLimitReason {
  VARIABLES_TOO_DEEP = 'VARIABLES_TOO_DEEP',
  VARIABLES_TOO_LARGE = 'VARIABLES_TOO_LARGE',
}

/** `extensions.code` (and message key `graphql.THROTTLED`) of a call refused by the rate limit, with HTTP 429. */
export const THROTTLED = 'THROTTLED';

/** The `errors` catalog keys of the errors above. */
export const GRAPHQL_ERROR_KEYS: string[] = [
  ...Object.values(GraphQLRequestErrorKey),
  ...Object.values(QueryLimitReason),
  ...Object.values(VariablesLimitReason),
  THROTTLED,
].map((key) => `graphql.${key}`);
