import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** Which origins' pages may call the API: any (`*`), or exactly these `scheme://host[:port]`. */
export type CorsOrigins = '*' | readonly string[];

/** The paths other origins' pages may call: the GraphQL API and the catalogs. The web UI, health and demo routes stay same-origin. */
const CORS_PATH = /^\/(graphql(\?|$)|locales\/)/;

/**
 * Headers a cross-origin page may send. `authorization` carries the bearer token; the two Apollo
 * headers let a GET pass CSRF prevention without a token; `if-none-match` revalidates catalogs.
 */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'accept-language',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'if-none-match',
];

/** Response headers a cross-origin page may read: our request id, the catalogs' ETag, R2's wait. */
const EXPOSED_HEADERS = ['x-request-id', 'etag', 'retry-after'];

/** Browsers cache a preflight up to this long (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS on /graphql and /locales/* (preflights answered with 204). Never with credentials: the API
 * authenticates by bearer token, not by cookie, so a page of another origin can do nothing the
 * browser would not let it do anyway without the token.
 */
export async function registerCors(app: FastifyInstance, origins: CorsOrigins): Promise<void> {
  const options: FastifyCorsOptions = {
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  };
  await app.register(cors, {
    delegator: (request, callback) => callback(null, CORS_PATH.test(request.url) ? options : { origin: false }),
  });
}

/**
 * The CORS headers of a simple (non-preflight) response, for the catalog fast path that answers
 * before Fastify (and so before @fastify/cors) sees the request; the same rules as `registerCors`.
 */
export function simpleCorsHeaders(origins: CorsOrigins, requestOrigin: string | undefined): Record<string, string> {
  const exposed = { 'access-control-expose-headers': EXPOSED_HEADERS.join(', ') };
  if (origins === '*') return { 'access-control-allow-origin': '*', ...exposed };
  // The answer depends on Origin, so caches must key on it even when the origin is refused.
  if (!requestOrigin || !origins.includes(requestOrigin)) return { vary: 'origin' };
  return { 'access-control-allow-origin': requestOrigin, vary: 'origin', ...exposed };
}
