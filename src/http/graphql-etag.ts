import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { etagMatches } from './etag';

/**
 * ETags on GraphQL GET answers (persisted queries a browser or CDN revalidates), and 304 with no body
 * when the client already has the answer. The tag is weak and covers `data` and `errors` only: every
 * answer also carries `extensions.cost` with the caller's bucket level, which changes from call to
 * call while the answer itself does not. POST answers are never revalidated, so they get none.
 */
export function registerGraphQLGetEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || !request.url.startsWith('/graphql') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `W/"${createHash('sha256').update(answerWithoutExtensions(payload.toString())).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    if (!etagMatches(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    return '';
  });
}

function answerWithoutExtensions(body: string): string {
  try {
    const { data, errors } = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return JSON.stringify([data ?? null, errors ?? null]);
  } catch {
    return body; // not JSON: tag the bytes as they are
  }
}
