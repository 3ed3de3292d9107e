import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import { bearerToken } from '../auth/token-hash';
import type { Clock } from '../common/clock';
import { createContext, type RequestContext } from '../context';
import { Catalog } from '../i18n/catalog';
import { registerLocaleRoutes, serveBundleFast } from '../i18n/locale.routes';
import { negotiateLanguage } from '../i18n/negotiate';
import { buildSchema } from '../schema/build-schema';
import { DEFAULT_WEB_DIST, registerDemoAccountsRoute, registerWebAppRoutes } from '../web/web-app.routes';
import type { Services } from '../services';
import { registerHttpErrorHandler } from './http-errors';
import { operationLogPlugin } from './logging.plugin';
import { responseCachePlugin } from './response-cache.plugin';
import { queryLimits } from './query-limits';
import { translateErrorsPlugin, withoutStacktraceOfExpectedErrors } from './translate-errors.plugin';

export interface AppOptions {
  services: Services;
  clock: Clock;
  i18n: i18n;
  production: boolean;
  /** Serve the demo accounts' tokens at /demo.json (only when the demo data is seeded). */
  demo?: boolean;
  /** The built web UI to serve at /; default dist/web. */
  webDist?: string;
  /** Fastify's logger (pino) options; off when absent. */
  logger?: boolean | object;
}

/**
 * The HTTP server: the web UI at /, GraphQL at /graphql, catalogs at /locales, liveness at /health,
 * readiness (database reachable) at /ready.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const catalog = new Catalog(options.i18n.store.data);
  const app = Fastify({
    // Catalog bundles are answered before Fastify's routing: they are the hottest, simplest requests.
    serverFactory: (handler) => createServer((request, response) => serveBundleFast(catalog, request, response) || handler(request, response)),
    logger: options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: { req: requestForLog } } : false,
    bodyLimit: 1024 * 1024,
    // A caller's X-Request-Id (if sane) ties our logs to theirs; otherwise a fresh one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const limits = queryLimits(options.production);
  const apollo = new ApolloServer<RequestContext>({
    schema: buildSchema(),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: !options.production,
    formatError: withoutStacktraceOfExpectedErrors,
    introspection: !options.production,
    plugins: [
      fastifyApolloDrainPlugin(app),
      ...limits.plugins,
      translateErrorsPlugin({ production: options.production }),
      operationLogPlugin(),
      responseCachePlugin(),
      // No HTTP caching hints are used; without this plugin Apollo stops wrapping every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  registerHttpErrorHandler(app, options.i18n, catalog); // before the routes, which inherit it
  await app.register(fastifyApollo(apollo), { context: (request) => contextFor(request, options, catalog) });
  registerLocaleRoutes(app, catalog);
  registerWebAppRoutes(app, options.webDist ?? DEFAULT_WEB_DIST);
  if (options.demo) registerDemoAccountsRoute(app);

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    try {
      await options.services.db.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  return app;
}

/** What a log line says of a request: no query string (GET variables can hold e-mails), no headers (tokens). */
function requestForLog(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}

async function contextFor(request: FastifyRequest, options: AppOptions, catalog: Catalog): Promise<RequestContext> {
  const readStamp = options.services.db.cleanReadStamp();
  const token = bearerToken(request.headers.authorization);
  const viewer = token ? await options.services.auth.viewerForToken(token) : null;
  const acceptLanguage = request.headers['accept-language'];
  const locale = negotiateLanguage(catalog.languages, null, acceptLanguage);
  const t = options.i18n.getFixedT(locale);
  return createContext({ readStamp, viewer, locale, acceptLanguage, catalog, t, clock: options.clock, services: options.services, log: request.log });
}
