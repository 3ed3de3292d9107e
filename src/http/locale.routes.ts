import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { supportedLanguage } from '../core/language';
import type { Bundle, Catalog } from '../modules/localization/catalog';
import { simpleCorsHeaders, type CorsOrigins } from './cors';
import { etagMatches } from './etag';

const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

/**
 * REST for i18next clients: `GET /locales/{lng}/{ns}.json` (i18next-http-backend's default loadPath)
 * and `GET /locales/resources.json?lng=en+sv&ns=ui+errors` (i18next-multiload-backend-adapter), with
 * ETags and 304s. A region code (sv-SE) gets its language's bundle; unknown ones get a JSON 404.
 */
export function registerLocaleRoutes(app: FastifyInstance, catalog: Catalog): void {
  app.get<{ Querystring: { lng?: string; ns?: string } }>('/locales/resources.json', async (request, reply) => {
    const languages = list(request.query.lng);
    const namespaces = list(request.query.ns);
    const unknown = [
      ...languages.filter((lng) => !supportedLanguage(lng, catalog.languages)).map((lng) => `language "${lng}"`),
      ...namespaces.filter((ns) => !catalog.namespaces.includes(ns)).map((ns) => `namespace "${ns}"`),
    ];
    if (languages.length === 0 || namespaces.length === 0) return notFound(reply, 'Give lng and ns, for example ?lng=en+sv&ns=ui+errors');
    if (unknown.length > 0) return notFound(reply, `Unknown ${unknown.join(', ')}`);
    const body: Record<string, Record<string, unknown>> = {};
    for (const lng of languages) {
      body[lng] = Object.fromEntries(namespaces.map((ns) => [ns, catalog.content(supportedLanguage(lng, catalog.languages)!, ns)]));
    }
    return reply.header('cache-control', CACHE_CONTROL).send(body);
  });

  app.get<{ Params: { lng: string; file: string } }>('/locales/:lng/:file', async (request, reply) => {
    const lng = supportedLanguage(request.params.lng, catalog.languages);
    const ns = request.params.file.replace(/\.json$/, '');
    const bundle = lng && request.params.file.endsWith('.json') ? catalog.bundle(lng, ns) : undefined;
    if (!bundle) return notFound(reply, `No catalog ${request.params.lng}/${request.params.file}`);
    return sendBundle(request, reply, bundle);
  });
}

const BUNDLE_PATH = /^\/locales\/([\w-]+)\/(\w+)\.json$/;

/**
 * The hot path of `GET /locales/{lng}/{ns}.json`, on the raw node:http request, before Fastify's
 * routing: a known bundle is answered with its precomputed bytes and ETag (or a 304). Returns false
 * for anything else, which Fastify then handles (including every 404).
 */
export function serveBundleFast(catalog: Catalog, corsOrigins: CorsOrigins, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' || !request.url) return false;
  const match = BUNDLE_PATH.exec(request.url);
  const lng = match && supportedLanguage(match[1], catalog.languages);
  const bundle = lng ? catalog.bundle(lng, match![2]) : undefined;
  if (!bundle) return false;
  // Pages of other origins load catalogs too (i18next-http-backend): CORS as @fastify/cors answers it on the routes.
  const { vary: corsVary, ...cors } = simpleCorsHeaders(corsOrigins, request.headers.origin);
  const headers = { ...cors, etag: bundle.etag, 'cache-control': CACHE_CONTROL, vary: corsVary ? `accept-encoding, ${corsVary}` : 'accept-encoding' };
  if (etagMatches(request.headers['if-none-match'], bundle.etag)) {
    response.writeHead(304, headers).end();
  } else {
    response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': bundle.bytes.length }).end(bundle.bytes);
  }
  return true;
}

function sendBundle(request: FastifyRequest, reply: FastifyReply, bundle: Bundle) {
  // Added to, not replaced: @fastify/cors may already vary on Origin.
  const vary = reply.getHeader('vary');
  reply
    .header('etag', bundle.etag)
    .header('cache-control', CACHE_CONTROL)
    .header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  if (etagMatches(request.headers['if-none-match'], bundle.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(bundle.body);
}

/** `en+sv` arrives as `en sv` (a + in a query string is a space); commas work too. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(/[\s+,]+/).filter(Boolean);
}

function notFound(reply: FastifyReply, message: string) {
  return reply.code(404).send({ error: 'NOT_FOUND', message });
}
