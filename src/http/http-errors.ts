import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { i18n, TFunction } from 'i18next';
import { negotiateLanguage } from '../core/language';

/** Why the HTTP layer refused a request before GraphQL saw it (code BAD_REQUEST, `extensions.reason`). */
export enum HttpErrorKey {
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  INVALID_JSON = 'INVALID_JSON',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  BAD_REQUEST = 'BAD_REQUEST',
  LOCALE_QUERY_TOO_LARGE = 'LOCALE_QUERY_TOO_LARGE',
  RATE_LIMITED = 'RATE_LIMITED',
  CSRF_PREFLIGHT_REQUIRED = 'CSRF_PREFLIGHT_REQUIRED',
}

/**
 * A refusal raised by the HTTP layer's own routes and hooks (not Fastify's body parser): its key, status,
 * the values its message interpolates and the machine-readable facts added to `extensions`.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly key: HttpErrorKey,
    readonly statusCode: number,
    readonly params: Record<string, unknown> = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

/** Why there is nothing to answer (HTTP 404, `{ error: "NOT_FOUND", message, i18nKey }`). */
export enum NotFoundKey {
  NOT_FOUND = 'NOT_FOUND',
  CATALOG_NOT_FOUND = 'CATALOG_NOT_FOUND',
  UNKNOWN_NAMESPACE = 'UNKNOWN_NAMESPACE',
  LOCALE_QUERY_MISSING = 'LOCALE_QUERY_MISSING',
}

/** A 404 raised by a route (a catalog that does not exist) or by Fastify (no such route), answered in the request's language. */
export class NotFound extends Error {
  constructor(
    readonly key: NotFoundKey,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

/** The `errors` catalog keys of the HTTP layer's refusals. */
export const HTTP_ERROR_KEYS: string[] = [...Object.values(HttpErrorKey), ...Object.values(NotFoundKey)].map((key) => `http.${key}`);

// Fastify's body errors, before GraphQL sees the request.
const BODY_ERRORS: Record<string, HttpErrorKey> = {
  FST_ERR_CTP_BODY_TOO_LARGE: HttpErrorKey.REQUEST_TOO_LARGE,
  FST_ERR_CTP_INVALID_JSON_BODY: HttpErrorKey.INVALID_JSON,
  FST_ERR_CTP_EMPTY_JSON_BODY: HttpErrorKey.INVALID_JSON,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: HttpErrorKey.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: HttpErrorKey.INVALID_JSON,
};

/**
 * Answers requests Fastify refuses before GraphQL runs (too large, malformed JSON, wrong content type)
 * the way GraphQL errors look: `{ errors: [{ message, extensions: { code, i18nKey } }] }`, localized.
 */
export function registerHttpErrorHandler(app: FastifyInstance, i18n: i18n, languages: readonly string[]): void {
  // Fastify's own 404 ("Route GET:/x not found") is English and names the method: ours says it in the caller's language.
  app.setNotFoundHandler((request) => {
    throw new NotFound(NotFoundKey.NOT_FOUND, { path: request.url.split('?')[0] });
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const t = translatorFor(i18n, languages, request);
    if (error instanceof HttpRefusal) return sendRefusal(t, error, reply);
    if (error instanceof NotFound) return sendNotFound(t, error, reply);
    const key = BODY_ERRORS[error.code];
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (!key && status === 500) request.log.error({ err: error }, 'unexpected HTTP error');
    const reason = key ?? (status === 500 ? 'INTERNAL_SERVER_ERROR' : HttpErrorKey.BAD_REQUEST);
    const i18nKey = status === 500 && !key ? 'errors:request.INTERNAL_SERVER_ERROR' : `errors:http.${reason}`;
    return reply.code(status).send({
      errors: [{ message: t(i18nKey), extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', reason, i18nKey } }],
    });
  });
}

/** The catalogs' `t` in the language the request's Accept-Language asks for: every refusal of the HTTP layer speaks it. */
export function translatorFor(i18n: i18n, languages: readonly string[], request: FastifyRequest): TFunction {
  return i18n.getFixedT(negotiateLanguage(languages, null, request.headers['accept-language']));
}

/** The 404 body clients of the REST routes already read (`error`, `message`), the message localized, with its catalog key. */
function sendNotFound(t: TFunction, notFound: NotFound, reply: FastifyReply) {
  const i18nKey = `errors:http.${notFound.key}`;
  return reply.code(404).send({ error: 'NOT_FOUND', message: t(i18nKey, notFound.params), i18nKey });
}

/** `RATE_LIMITED` for a 429, `BAD_REQUEST` otherwise; the refusal's key as `reason`, its facts beside it. */
function sendRefusal(t: TFunction, refusal: HttpRefusal, reply: FastifyReply) {
  const i18nKey = `errors:http.${refusal.key}`;
  const code = refusal.statusCode === 429 ? HttpErrorKey.RATE_LIMITED : HttpErrorKey.BAD_REQUEST;
  return reply.code(refusal.statusCode).send({
    errors: [{ message: t(i18nKey, refusal.params), extensions: { code, reason: refusal.key, i18nKey, ...refusal.extensions } }],
  });
}
