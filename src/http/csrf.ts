import type { FastifyInstance } from 'fastify';
import { CSRF_PREVENTION } from '../graphql/plugins/http-semantics.plugin';
import { HttpErrorKey, HttpRefusal } from './http-errors';

/** The content types an HTML form or a simple fetch can send cross-site without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Apollo Server's CSRF prevention, applied first and refused in the caller's language: a /graphql request
 * that a browser could send cross-site without a preflight — no content type, or a simple one, and none of
 * CSRF_PREVENTION's headers (a bearer token among them) — is refused with 400 `CSRF_PREFLIGHT_REQUIRED`
 * before its body is read. Apollo's own check stays on behind it, with the same rule and headers, so the two
 * can only differ in wording. (Apollo's refusal is an English sentence; the HTTP layer answers it localized.)
 */
export function registerCsrfPrevention(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url !== '/graphql' || (request.method !== 'GET' && request.method !== 'POST')) return;
    const contentType = request.headers['content-type'];
    const essence = contentType?.split(';')[0].trim().toLowerCase();
    if (essence !== undefined && !SIMPLE_CONTENT_TYPES.has(essence)) return;
    const preflighted = CSRF_PREVENTION.requestHeaders.some((header) => {
      const value = request.headers[header];
      return typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0;
    });
    if (!preflighted) throw new HttpRefusal(HttpErrorKey.CSRF_PREFLIGHT_REQUIRED, 400, { headers: CSRF_PREVENTION.requestHeaders.join(', ') });
  });
}
