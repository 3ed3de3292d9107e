import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpErrorKey, HttpRefusal } from './http-errors';

/** How many requests one client address may send a minute (HTTP_RATE_LIMIT_PER_MINUTE). */
export interface HttpRateLimitSettings {
  perMinute: number;
}

/**
 * Liveness and readiness probes come from the load balancer, whose address may also be the one every
 * client shares when TRUST_PROXY is unset: a 429 there would take a healthy replica out of rotation.
 */
const UNLIMITED_PATHS = new Set(['/health', '/ready']);

/**
 * A per-address request count over every route Fastify serves (the web app, /demo.json, /locales, /graphql),
 * refused with 429, `Retry-After` and a localized `RATE_LIMITED` body. It bounds what one address can make the
 * server do per minute whatever the request costs — including GraphQL documents refused before execution,
 * which cost nothing in the per-token query-cost bucket. The key is `request.ip`, which honours TRUST_PROXY.
 * Catalog bundles answered by serveBundleFast never reach Fastify and are not counted: see the README.
 * Must be registered before the routes (it hooks each route as it is added).
 */
export async function registerHttpRateLimit(app: FastifyInstance, settings: HttpRateLimitSettings): Promise<void> {
  await app.register(rateLimit, {
    max: settings.perMinute,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => UNLIMITED_PATHS.has(request.routeOptions.url ?? ''),
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpRefusal(HttpErrorKey.RATE_LIMITED, context.statusCode, { count: retryAfterSeconds }, { retryAfterSeconds });
    },
  });
}
