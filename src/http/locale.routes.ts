import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { DEFAULT_LOCALE, supportedLanguage } from '../core/language';
import type { Bundle, Catalog } from '../modules/localization/catalog';
import { simpleCorsHeaders, type CorsOrigins } from './cors';
import { etagMatches } from './etag';
import { HttpErrorKey, HttpRefusal, NotFound, NotFoundKey } from './http-errors';

const CACHE_CONTROL = 'public, max-age=300, must-revalidate';
/** A versioned URL (`?v=` the catalogs' build version) names bytes that never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A version not ours (a page of an older or newer build): today's catalogs, kept by no cache under that name. */
const OTHER_VERSION = 'no-store';

/**
 * The Cache-Control of a catalog: long-lived for our version, none for another, revalidated without one
 * (and for a language made at start-up, the pseudo-locale, which the build's version does not cover).
 */
function cacheControl(catalog: Catalog, lng: string, version: string | undefined): string {
  const ours = catalog.versionOf(lng);
  if (version === undefined || ours === undefined) return CACHE_CONTROL;
  return version === ours ? IMMUTABLE : OTHER_VERSION;
}

/**
 * REST for i18next clients: `GET /locales/{lng}/{ns}.json` (i18next-http-backend's default loadPath)
 * and `GET /locales/resources.json?lng=en+sv&ns=ui+errors` (i18next-multiload-backend-adapter), with
 * ETags and 304s. `?v=<version>` (the web build's catalogVersion) makes a catalog URL cacheable for a year when
 * the version is the server's own, and uncacheable when it is not (see cacheControl). A region code (sv-SE) gets its language's bundle; unknown ones get a JSON 404 from the
 * single-catalog route and the default language's catalogs in a batch (see multiBundle).
 */
export function registerLocaleRoutes(app: FastifyInstance, catalog: Catalog): void {
  app.get<{ Querystring: { lng?: string | string[]; ns?: string | string[] } }>('/locales/resources.json', async (request, reply) => {
    const languages = list(request.query.lng);
    const namespaces = list(request.query.ns);
    if (languages.length === 0 || namespaces.length === 0) throw new NotFound(NotFoundKey.LOCALE_QUERY_MISSING);
    refuseOversizedLists(languages, namespaces);
    const unknown = namespaces.filter((ns) => !catalog.namespaces.includes(ns));
    if (unknown.length > 0) throw new NotFound(NotFoundKey.UNKNOWN_NAMESPACE, { namespaces: unknown.join(', ') });
    const chunks = multiBundle(catalog, languages, namespaces);
    const length = chunks.reduce((total, chunk) => total + chunk.length, 0);
    return reply.header('cache-control', CACHE_CONTROL).header('content-length', length).type('application/json; charset=utf-8').send(Readable.from(chunks));
  });

  app.get<{ Params: { lng: string; file: string }; Querystring: { v?: string | string[] } }>('/locales/:lng/:file', async (request, reply) => {
    const lng = supportedLanguage(request.params.lng, catalog.languages);
    const ns = request.params.file.replace(/\.json$/, '');
    const bundle = lng && request.params.file.endsWith('.json') ? catalog.bundle(lng, ns) : undefined;
    if (!bundle) throw new NotFound(NotFoundKey.CATALOG_NOT_FOUND, { catalog: `${request.params.lng}/${request.params.file}` });
    const version = [request.query.v ?? []].flat()[0];
    return sendBundle(request, reply, bundle, cacheControl(catalog, lng!, version));
  });
}

const BUNDLE_PATH = /^\/locales\/([\w-]+)\/(\w+)\.json(?:\?v=([\w-]+))?$/;

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
  const headers = {
    ...cors,
    etag: bundle.etag,
    'cache-control': cacheControl(catalog, lng!, match![3]),
    vary: corsVary ? `accept-encoding, ${corsVary}` : 'accept-encoding',
  };
  if (etagMatches(request.headers['if-none-match'], bundle.etag)) {
    response.writeHead(304, headers).end();
  } else {
    response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': bundle.bytes.length }).end(bundle.bytes);
  }
  return true;
}

function sendBundle(request: FastifyRequest, reply: FastifyReply, bundle: Bundle, cache: string) {
  // Added to, not replaced: @fastify/cors may already vary on Origin.
  const vary = reply.getHeader('vary');
  reply
    .header('etag', bundle.etag)
    .header('cache-control', cache)
    .header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  if (etagMatches(request.headers['if-none-match'], bundle.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(bundle.body);
}

/**
 * The resources.json bounds: i18next asks for a language's hierarchy (sv-SE, sv, the fallback) plus what it
 * preloads, a handful of codes; 35 characters is the longest language tag RFC 5646 (4.4.1) asks systems to keep.
 */
export const LOCALE_QUERY_LIMITS = { maxValues: 10, maxLength: 35 };

/**
 * `en+sv` arrives as `en sv` (a + in a query string is a space); commas work too, and so does a repeated
 * parameter (`?lng=en&lng=sv`, an array here). Duplicates are dropped.
 */
function list(value: string | string[] | undefined): string[] {
  const values = [value ?? []].flat().flatMap((part) => part.split(/[\s+,]+/));
  return [...new Set(values.filter(Boolean))];
}

function refuseOversizedLists(languages: string[], namespaces: string[]): void {
  const { maxValues, maxLength } = LOCALE_QUERY_LIMITS;
  const oversized = [languages, namespaces].some((values) => values.length > maxValues || values.some((value) => value.length > maxLength));
  if (oversized) throw new HttpRefusal(HttpErrorKey.LOCALE_QUERY_TOO_LARGE, 400, LOCALE_QUERY_LIMITS, LOCALE_QUERY_LIMITS);
}

/**
 * `{"sv-SE":{"ui":…,"errors":…},"xx":{…}}` as a list of buffers: each catalog's precomputed bytes, shared by
 * every response and every code that resolves to it (sv-SE and sv send the same bytes), never copied, so a
 * socket that never reads its answer holds references, not a serialized copy. A language we do not have
 * gets the default language's catalogs, as the single-catalog GraphQL field does, instead of failing the batch.
 */
function multiBundle(catalog: Catalog, languages: string[], namespaces: string[]): Buffer[] {
  const chunks: Buffer[] = [];
  languages.forEach((code, i) => {
    const lng = supportedLanguage(code, catalog.languages) ?? DEFAULT_LOCALE;
    chunks.push(Buffer.from(`${i === 0 ? '{' : ','}${JSON.stringify(code)}:`));
    namespaces.forEach((ns, j) => {
      chunks.push(Buffer.from(`${j === 0 ? '{' : ','}${JSON.stringify(ns)}:`), (catalog.bundle(lng, ns) ?? EMPTY_BUNDLE).bytes);
    });
    chunks.push(CLOSE_BRACE);
  });
  chunks.push(CLOSE_BRACE);
  return chunks;
}

const CLOSE_BRACE = Buffer.from('}');
// A namespace the default language has but another lacks (a catalog in progress): an empty object, as i18next reads it.
const EMPTY_BUNDLE = { bytes: Buffer.from('{}') };
