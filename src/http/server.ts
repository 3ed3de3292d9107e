import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import type { GraphQLContext } from '../graphql/context';
import type { Catalog } from '../modules/localization/catalog';
import { registerCors, type CorsOrigins } from './cors';
import { registerGraphQLGetEtags } from './graphql-etag';
import { registerHealthRoutes } from './health.routes';
import { registerHttpErrorHandler } from './http-errors';
import { registerLocaleRoutes, serveBundleFast } from './locale.routes';
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
}

/**
 * The HTTP server: the web UI at /, GraphQL at /graphql, catalogs at /locales, liveness at /health,
 * readiness at /ready. It knows the routes and the request's headers, and no service.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { catalog, corsOrigins } = options;
  const app = Fastify({
    // Catalog bundles are answered before Fastify's routing: they are the hottest, simplest requests.
    serverFactory: (handler) => createServer((request, response) => serveBundleFast(catalog, corsOrigins, request, response) || handler(request, response)),
    logger: options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: { req: requestForLog } } : false,
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
  registerGraphQLGetEtags(app);
  const apollo = new ApolloServer<GraphQLContext>({
    ...options.apollo,
    plugins: [fastifyApolloDrainPlugin(app), ...(options.apollo.plugins ?? [])],
  } as ApolloServerOptions<GraphQLContext>);
  await apollo.start();
  registerHttpErrorHandler(app, options.i18n, catalog.languages); // before the routes, which inherit it
  await registerCors(app, corsOrigins); // its hook answers preflights before any route
  await app.register(fastifyApollo(apollo), { context: options.contextFor });
  registerLocaleRoutes(app, catalog);
  registerWebAppRoutes(app, options.webDist ?? DEFAULT_WEB_DIST);
  if (options.demoAccounts) registerDemoAccountsRoute(app, options.demoAccounts);
  registerHealthRoutes(app, options.unreadiness);
  return app;
}

/** What a log line says of a request: no query string (GET variables can hold e-mails), no headers (tokens). */
function requestForLog(request: { method: string; url: string; ip?: string }) {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}
