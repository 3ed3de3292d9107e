import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { RequestErrorCode } from '../../core/error-codes';
import type { GraphQLContext } from '../context';
import { GraphQLRequestErrorKey } from '../graphql-errors';

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
 *   (production: the schema is not published, but signed-in developers and tools may read it).
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

        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
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

/** Whether the document reads the schema (`__schema`, `__type`); `__typename` is an ordinary field. */
function asksForIntrospection(document: DocumentNode): boolean {
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
