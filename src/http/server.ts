import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import type { GraphQLContext } from '../graphql/context';
import { spliceReplayedData } from '../graphql/plugins/response-cache.plugin';
import type { Catalog } from '../modules/localization/catalog';
import { registerCors, type CorsOrigins } from './cors';
import { registerCsrfPrevention } from './csrf';
import { errorForLog, withoutQuotedValues } from './error-for-log';
import { registerGraphQLDocumentLimits } from './graphql-document-limits';
import { registerGraphQLGetEtags } from './graphql-etag';
import { registerHealthRoutes } from './health.routes';
import { registerHttpErrorHandler } from './http-errors';
import { registerLocaleRoutes, serveBundleFast } from './locale.routes';
import { registerHttpRateLimit, type HttpRateLimitSettings } from './rate-limit';
import { DEFAULT_WEB_DIST, registerDemoAccountsRoute, registerWebAppRoutes } from './web-app.routes';

export interface HttpServerOptions {
  /** Apollo Server's options (schema, plugins, limits); the server adds the drain plugin for graceful shutdown. */
  apollo: ApolloServerOptions<GraphQLContext>;
  /** The context of a GraphQL request, made from its headers. */
  contextFor(request: FastifyRequest): Promise<GraphQLContext>;
  /** Null while the database can serve requests, else why not (reported by `/ready`). */
  unreadiness(): Promise<string | null>;
  catalog: Catalog;
  i18n: i18n;
  /** Which origins' pages may call /graphql and /locales (CORS); never with credentials. */
  corsOrigins: CorsOrigins;
  /** Which proxies' X-Forwarded-For gives `request.ip` (the anonymous rate-limit bucket and the logs): Fastify's trustProxy. */
  trustProxy: boolean | string[];
  /** The accounts offered on the sign-in form at /demo.json (demo mode only). */
  demoAccounts?: readonly object[];
  /** The built web UI to serve at /; default dist/web. */
  webDist?: string;
  /** Fastify's logger (pino) options; off when absent. */
  logger?: boolean | object;
  /** The per-address request count (rate-limit.ts); no limit when absent. */
  httpRateLimit?: HttpRateLimitSettings;
  /** Overrides of HTTP_TIMEOUTS, for tests that must see a slow client cut off quickly. */
  timeouts?: Partial<HttpTimeouts>;
}

export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  idleMs: number;
  keepAliveMs: number;
}

/**
 * Node's defaults let a client hold a socket for minutes (60 s to send headers, 300 s for a request, no
 * idle limit, all checked only every 30 s): slowloris clients and clients that never read their answer
 * would pile up sockets and buffered responses. The bounds:
 * - headers: 10 s — a real client sends its headers at once; a trickle is the slowloris attack.
 * - request: 30 s for the whole request, the 1 MB body included (35 KB/s, slower than any real client).
 * - idle: 60 s without a byte read or written, which also frees a socket whose client stopped reading the answer.
 * - keep-alive: 65 s between requests, longer than the usual 60 s idle timeout of load balancers, so the
 *   balancer, not this server, closes a reused connection (no race on a request sent as it closes).
 * maxRequestsPerSocket stays unlimited: a keep-alive socket costs nothing between requests, and the
 * per-address rate limit bounds what it can ask.
 */
export const HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 60_000, keepAliveMs: 65_000 };

/**
 * The HTTP server: the web UI at /, GraphQL at /graphql, catalogs at /locales, liveness at /health,
 * readiness at /ready. It knows the routes and the request's headers, and no service.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { catalog, corsOrigins } = options;
  const timeouts = { ...HTTP_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    // Catalog bundles are answered before Fastify's routing: they are the hottest, simplest requests.
    serverFactory: (handler) =>
      withTimeouts(
        createServer(
          {
            headersTimeout: timeouts.headersMs,
            requestTimeout: timeouts.requestMs,
            keepAliveTimeout: timeouts.keepAliveMs,
            // How often Node checks the two limits above: its default, 30 s, would let a 10 s headers limit run to 40 s.
            connectionsCheckingInterval: Math.min(1000, timeouts.headersMs / 2),
          },
          (request, response) => serveBundleFast(catalog, corsOrigins, request, response) || handler(request, response),
        ),
        timeouts,
      ),
    logger: options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: { req: requestForLog, err: errorForLog } } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy,
    // A caller's X-Request-Id (if sane) ties our logs to theirs; otherwise a fresh one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const contexts = new WeakMap<FastifyRequest, GraphQLContext>();
  // Before the ETag hook, which tags the answer as the client gets it.
  app.addHook('onSend', async (request, _reply, payload) => {
    const replay = contexts.get(request)?.cache.replay;
    return replay && typeof payload === 'string' ? spliceReplayedData(payload, replay) : payload;
  });
  registerGraphQLGetEtags(app);
  const apollo = new ApolloServer<GraphQLContext>({
    ...options.apollo,
    logger: structuredLogger(app.log),
    plugins: [fastifyApolloDrainPlugin(app), ...(options.apollo.plugins ?? [])],
  } as ApolloServerOptions<GraphQLContext>);
  await apollo.start();
  registerHttpErrorHandler(app, options.i18n, catalog.languages); // before the routes, which inherit it
  await registerCors(app, corsOrigins); // its hook answers preflights before any route
  if (options.httpRateLimit) await registerHttpRateLimit(app, options.httpRateLimit); // before the routes it counts
  registerCsrfPrevention(app);
  registerGraphQLDocumentLimits(app, options.i18n, catalog.languages);
  await app.register(fastifyApollo(apollo), {
    context: async (request) => {
      const context = await options.contextFor(request);
      contexts.set(request, context);
      return context;
    },
  });
  registerLocaleRoutes(app, catalog);
  registerWebAppRoutes(app, options.webDist ?? DEFAULT_WEB_DIST);
  if (options.demoAccounts) registerDemoAccountsRoute(app, options.demoAccounts);
  registerHealthRoutes(app, options.unreadiness);
  return app;
}

/** Fastify applies its timeout options only to a server it creates itself; this one comes from serverFactory. */
function withTimeouts(server: Server, timeouts: HttpTimeouts): Server {
  server.setTimeout(timeouts.idleMs);
  return server;
}

/** What a log line says of a request: no query string (GET variables can hold e-mails), no headers (tokens). */
function requestForLog(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}

/** Apollo Server's own log lines (its default logger prints plain text to the console) as pino lines, without the values errors quote. */
function structuredLogger(log: FastifyBaseLogger): NonNullable<ApolloServerOptions<GraphQLContext>['logger']> {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) => log[level]({ component: 'apollo' }, withoutQuotedValues(String(message)));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
