import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import Negotiator from 'negotiator';
import { RequestErrorCode } from '../../core/error-codes';
import type { GraphQLContext } from '../context';
import { GraphQLRequestErrorKey } from '../graphql-errors';
import { cacheScope } from './response-cache.plugin';

/**
 * Apollo's CSRF prevention, with `authorization` among the headers that mark a request a browser
 * must have preflighted: a page cannot make a browser send an Authorization header cross-site
 * without a CORS preflight, and the API authenticates by bearer token only (no cookies), so a GET
 * query with a token cannot be forged. Simple requests without one (a form post, an <img> GET) stay
 * refused unless they carry Apollo's own preflight headers (its defaults, listed again here).
 */
export const CSRF_PREVENTION = { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] };

/**
 * HTTP status codes and headers that say what GraphQL's answer says:
 * - an `UNAUTHENTICATED` error → 401 with `WWW-Authenticate: Bearer` (RFC 6750; `error="invalid_token"`
 *   when a token was sent but is unknown), the GraphQL errors unchanged in the body;
 * - a subscription → 400 `SUBSCRIPTIONS_NOT_SUPPORTED`: HTTP serves queries and mutations only;
 * - introspection by an anonymous caller → 400 `GRAPHQL_VALIDATION_FAILED` when `introspectionNeedsViewer`
 *   (production: the schema is not published, but signed-in developers and tools may read it);
 * - a document that does not parse or validate, or variables that do not fit it, → 400 for a client that
 *   accepts `application/graphql-response+json`, and 200 for one that accepts only `application/json`
 *   (the GraphQL over HTTP spec's legacy mode: such clients read the errors from the body of a 200);
 * - a GET query (a persisted query a CDN or browser may keep) → `Cache-Control: public, max-age=300` with
 *   `Vary: Accept-Language` when it reads deploy-time content only (help, catalogs) and succeeded, else
 *   `private, no-store` (tenant data never lands in a shared cache). The HTTP layer adds the ETag.
 */
export function httpSemanticsPlugin(options: { introspectionNeedsViewer: boolean }): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not served over HTTP', {
              extensions: { code: GraphQLRequestErrorKey.SUBSCRIPTIONS_NOT_SUPPORTED, http: { status: 400 } },
            });
          }
          if (options.introspectionNeedsViewer && !contextValue.viewer && asksForIntrospection(document)) {
            throw new GraphQLError('Introspection needs a bearer token in production', {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },

        async willSendResponse({ request, response, operation }) {
          if (response.body.kind !== 'single') return;
          if (request.http?.method === 'GET') setCacheControl(response.http.headers, operation, !response.body.singleResult.errors);
          if (
            request.http &&
            isLegacyRequestError(response.body.singleResult, response.http.status) &&
            acceptsLegacyJsonOnly(request.http.headers.get('accept'))
          ) {
            response.http.status = 200;
            response.http.headers.set('content-type', APPLICATION_JSON);
          }
          const unauthenticated = response.body.singleResult.errors?.some((error) => error.extensions?.code === RequestErrorCode.UNAUTHENTICATED);
          if (!unauthenticated) return;
          response.http.status = 401;
          const tokenSent = Boolean(request.http?.headers.get('authorization'));
          response.http.headers.set('www-authenticate', tokenSent ? 'Bearer error="invalid_token"' : 'Bearer');
        },
      };
    },
  };
}

const DEPLOY_TIME_MAX_AGE_SECONDS = 300;

export const APPLICATION_JSON = 'application/json; charset=utf-8';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/** Codes of a request that never ran because of the document or its variables; the spec's legacy mode answers them with 200. */
const DOCUMENT_ERROR_CODES = new Set<unknown>(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

function isLegacyRequestError(
  result: { data?: unknown; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> },
  status: number | undefined,
): boolean {
  if (status !== 400 || 'data' in result || !result.errors?.length) return false;
  return result.errors.every((error) => DOCUMENT_ERROR_CODES.has(error.extensions?.code));
}

/**
 * Whether the client gets `application/json`: the media type Apollo Server picks the same way (no
 * Accept header, or one preferring `application/json`). A client that accepts
 * `application/graphql-response+json` (Apollo Client, urql, graphql-request) keeps its 400.
 */
export function acceptsLegacyJsonOnly(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) === APPLICATION_JSON;
}

function setCacheControl(headers: Map<string, string>, operation: OperationDefinitionNode | undefined, succeeded: boolean): void {
  const publicContent = succeeded && operation?.operation === 'query' && cacheScope(operation) === 'deploy';
  headers.set('cache-control', publicContent ? `public, max-age=${DEPLOY_TIME_MAX_AGE_SECONDS}` : 'private, no-store');
  // The default language of help articles, catalogs and messages comes from Accept-Language.
  if (publicContent) headers.set('vary', 'accept-language');
}

/** Remembered per parsed document (Apollo keeps one per query text): the walk would run on every anonymous request. */
const introspecting = new WeakMap<DocumentNode, boolean>();

/** Whether the document reads the schema (`__schema`, `__type`); `__typename` is an ordinary field. */
function asksForIntrospection(document: DocumentNode): boolean {
  let found = introspecting.get(document);
  if (found === undefined) introspecting.set(document, (found = findsIntrospection(document)));
  return found;
}

function findsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(field) {
      if (field.name.value === '__schema' || field.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
