import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../context';

/**
 * One structured log line per GraphQL operation: its name and type, how long it took, and its
 * outcome with the error codes and the write retries, on the request's logger (which carries the request id). Variables,
 * tokens and results are never logged: they hold e-mails and names.
 */
export function operationLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, operationName, operation, errors }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const errorCodes = [...new Set((errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          contextValue.log.info(
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              durationMs: Math.round(durationMs * 100) / 100,
              outcome: errorCodes.length === 0 ? 'ok' : 'error',
              errorCodes,
              organizationId: contextValue.viewer?.organizationId ?? null,
              // Conflicts the write path retried (README, "Concurrency and retries"): summed per process or organization from the logs.
              writeRetries: contextValue.counts?.writeRetries ?? 0,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
