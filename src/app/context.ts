import type { FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import type { Clock } from '../core/clock';
import { negotiateLanguage } from '../core/language';
import type { Database } from '../db/database';
import type { GraphQLContext } from '../graphql/context';
import { LoaderScope } from '../graphql/loader-scope';
import { databaseFailureDetail } from '../db/database-errors';
import { databaseFailureError, databaseFailureOf } from '../graphql/database-failure';
import type { Authentication, IdentityService } from '../modules/identity/identity.service';

export interface ContextSources {
  db: Database;
  identity: IdentityService;
  i18n: i18n;
  languages: readonly string[];
  clock: Clock;
}

/** Makes each GraphQL request's context: the caller from the bearer token, the language, fresh loaders. */
export function contextFactory(sources: ContextSources): (request: FastifyRequest) => Promise<GraphQLContext> {
  return async (request) => {
    // Taken before the token lookup, the request's first read (see Database.cleanReadStamp).
    const readStamp = sources.db.cleanReadStamp();
    const acceptLanguage = request.headers['accept-language'];
    const locale = negotiateLanguage(sources.languages, null, acceptLanguage);
    const authentication = await authenticate(sources, request, locale);
    return {
      viewer: authentication?.viewer ?? null,
      dataVersion: authentication?.dataVersion ?? null,
      locale,
      acceptLanguage,
      t: sources.i18n.getFixedT(locale),
      clock: sources.clock,
      log: request.log,
      counts: { writeRetries: 0 },
      loaders: new LoaderScope(),
      cache: { readStamp },
      // Anonymous calls and unknown tokens share their address's bucket, so a made-up token buys no fresh one.
      client: authentication ? `token:${authentication.tokenHash}` : `ip:${request.ip}`,
    };
  };
}

/**
 * The token lookup; any failure of it fails the request with a retryable 503 in the caller's language
 * (DATABASE_UNAVAILABLE, or BUSY for a lock wait), never a 500: the lookup is one read of the database,
 * so whatever breaks it (an error code we do not list, a cluster node that refuses the read) is the
 * database's state, and another node or a moment later serves it.
 */
async function authenticate(sources: ContextSources, request: FastifyRequest, locale: string): Promise<Authentication | null> {
  try {
    return await sources.identity.authenticate(request.headers.authorization);
  } catch (error) {
    const classified = databaseFailureError(error);
    const failure = classified ?? databaseFailureOf('unavailable');
    if (classified) request.log.warn({ database: databaseFailureDetail(error), code: failure.code }, 'database could not serve the request');
    else request.log.error({ database: databaseFailureDetail(error), code: failure.code }, 'token lookup failed');
    // Plugins do not run for a failed context, so the message is written here.
    failure.message = sources.i18n.getFixedT(locale)(`errors:${failure.messageKey}`);
    throw failure;
  }
}
