import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../../core/app-error';
import { BadInputReason, RequestErrorCode } from '../../core/error-codes';
import type { GraphQLContext } from '../context';
import { databaseFailureDetail } from '../../db/database-errors';
import { databaseFailureError } from '../database-failure';
import { GraphQLRequestErrorKey, QueryLimitReason } from '../graphql-errors';
import { TOO_MANY_TOKENS } from './query-limits';

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

const INVALID_INPUT_KEY = `errors:request.${BadInputReason.INVALID_INPUT}`;
/** The catalog key of the message of an unexpected error. */
export const INTERNAL_ERROR_KEY = `errors:request.${RequestErrorCode.INTERNAL_SERVER_ERROR}`;

/**
 * The one place where request errors get their message in the request's language: each error's
 * catalog key and variables become its `message`; `extensions.code` and `extensions.i18nKey` stay
 * for clients. Errors the API did not throw on purpose are logged and, in production, reduced to
 * INTERNAL_SERVER_ERROR so nothing of the server's insides leaks. (Per-item results of bulk
 * mutations are data, not errors: their messages are written by ErrorResultResolver.)
 */
export function translateErrorsPlugin(options: { production: boolean }): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) translate(error, contextValue, options);
        },
      };
    },
    // A throw outside Apollo's error handling (a plugin hook, a stack overflow): Apollo answers 500 and
    // maskedUnexpectedErrors masks it; the detail goes to the request's structured log.
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      requestContext.contextValue.log?.error({ err: error }, 'unexpected error processing a GraphQL request');
    },
  };
}

function translate(error: GraphQLError, ctx: GraphQLContext, options: { production: boolean }): void {
  const original = asDatabaseFailure(unwrapResolverError(error), ctx);
  const extensions = error.extensions as Record<string, unknown>;
  if (original instanceof AppError) {
    error.message = ctx.t(`errors:${original.messageKey}`, original.params) as string;
    Object.assign(extensions, original.extensions);
    return;
  }
  const validationErrors = (original as GraphQLError | undefined)?.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (validationErrors) {
    const invalidFields = fieldPaths(validationErrors);
    error.message = ctx.t(INVALID_INPUT_KEY, { details: invalidFields.join(', ') }) as string;
    delete extensions.validationErrors;
    Object.assign(extensions, { code: RequestErrorCode.BAD_USER_INPUT, reason: BadInputReason.INVALID_INPUT, i18nKey: INVALID_INPUT_KEY, invalidFields });
    return;
  }
  // graphql-js's and Apollo's request errors (parse, validation, variables) and ours all carry a code by now.
  if (error.path === undefined && (extensions.code !== undefined || extensions.reason !== undefined)) return translateRequestError(error, ctx, options);
  if (original instanceof GraphQLError && extensions.code !== undefined) return;
  const cause = original instanceof GraphQLError ? (original.originalError ?? original) : original;
  ctx.log.error({ err: cause, path: error.path }, 'unexpected error');
  Object.assign(extensions, { code: RequestErrorCode.INTERNAL_SERVER_ERROR, i18nKey: INTERNAL_ERROR_KEY });
  if (options.production) error.message = ctx.t(INTERNAL_ERROR_KEY) as string;
}

/** A database outage or a busy tenant becomes a retryable 503 (database-failure.ts); the log keeps the driver's detail. */
function asDatabaseFailure(original: unknown, ctx: GraphQLContext): unknown {
  const failure = databaseFailureError(original);
  if (!failure) return original;
  ctx.log.warn({ database: databaseFailureDetail(original), code: failure.code }, 'database could not serve the request');
  return failure;
}

/** Parse, validation and variable errors: a message in the request's language around graphql-js's detail. */
function translateRequestError(error: GraphQLError, ctx: GraphQLContext, options: { production: boolean }): void {
  const extensions = error.extensions as Record<string, unknown>;
  if (TOO_MANY_TOKENS.test(error.message)) extensions.reason = QueryLimitReason.TOO_MANY_TOKENS;
  const key = (extensions.reason as QueryLimitReason | undefined) ?? GraphQLRequestErrorKey[extensions.code as keyof typeof GraphQLRequestErrorKey];
  if (!key || extensions.i18nKey) return;
  // graphql-js suggests names of the schema ("Did you mean the enum value …?") in validation and variable
  // errors; in production the schema is not published (hideSchemaDetailsFromClientErrors covers validation only).
  const details = options.production ? error.message.replace(SUGGESTION, '') : error.message;
  const i18nKey = `errors:graphql.${key}`;
  error.message = ctx.t(i18nKey, { details }) as string;
  Object.assign(extensions, { i18nKey, details });
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Apollo's `formatError`. Only unexpected errors keep their stack trace (outside production); the rest are
 * answers, not bugs. In production, an unexpected error that escaped the plugin above (one Apollo answers
 * itself, with no request language known) still says nothing of the server's insides: `internalMessage`.
 */
export function maskedUnexpectedErrors(options: { production: boolean; internalMessage: string }) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code ?? RequestErrorCode.INTERNAL_SERVER_ERROR;
    if (code === RequestErrorCode.INTERNAL_SERVER_ERROR) {
      if (!options.production) return formatted;
      const masked = formatted.extensions?.i18nKey === INTERNAL_ERROR_KEY ? formatted.message : options.internalMessage;
      return { message: masked, locations: formatted.locations, path: formatted.path, extensions: { code, i18nKey: INTERNAL_ERROR_KEY } };
    }
    if (!formatted.extensions?.stacktrace) return formatted;
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
    return { ...formatted, extensions };
  };
}

/** `assignments.0.userIds` style paths of the fields class-validator refused. */
function fieldPaths(failures: ValidationFailure[], prefix = ''): string[] {
  return failures.flatMap((failure) => {
    const path = prefix ? `${prefix}.${failure.property}` : failure.property;
    return failure.children?.length ? fieldPaths(failure.children, path) : [path];
  });
}
