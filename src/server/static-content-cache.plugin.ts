import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context';

/** Root fields whose answers change only on deploy (and never depend on the caller). */
const STATIC_FIELDS = new Set(['helpArticle', 'helpArticles', 'locales', 'translations', '__typename']);
const MAX_ENTRIES = 500;

/**
 * Answers repeated queries that read only deploy-time content (help articles, catalogs) from memory:
 * the first answer per query, variables and language is kept (up to 500, oldest dropped first) and
 * replayed without executing again. Anything touching the database or the caller is never cached.
 */
export function staticContentCachePlugin(): ApolloServerPlugin<RequestContext> {
  const cache = new Map<string, FormattedExecutionResult>();
  const keyOf = ({ request, contextValue, operation }: Pick<GraphQLRequestContext<RequestContext>, 'request' | 'contextValue' | 'operation'>) =>
    operation && readsOnlyStaticContent(operation)
      ? JSON.stringify([contextValue.locale, contextValue.acceptLanguage ?? '', request.query, request.operationName ?? '', request.variables ?? {}])
      : null;
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const key = keyOf(requestContext);
          const cached = key ? cache.get(key) : undefined;
          return cached ? { http: requestContext.response.http, body: { kind: 'single', singleResult: cached } } : null;
        },
        async willSendResponse(requestContext) {
          const key = keyOf(requestContext);
          const body = requestContext.response.body;
          if (!key || body.kind !== 'single' || body.singleResult.errors || cache.has(key)) return;
          if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
          cache.set(key, body.singleResult);
        },
      };
    },
  };
}

function readsOnlyStaticContent(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === 'Field' && STATIC_FIELDS.has(selection.name.value))
  );
}
