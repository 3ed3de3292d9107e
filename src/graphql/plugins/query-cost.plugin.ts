import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context';
import { CostBuckets, type RateLimitSettings, type ThrottleStatus } from '../cost-buckets';
import { QueryLimitReason, THROTTLED } from '../graphql-errors';
import { memoizedQueryCost, returnedRows } from '../query-cost';

export interface QueryCostOptions {
  /** The most one query may cost (a query above the bucket's capacity could never run, so the smaller of the two applies). */
  maxQueryCost: number;
  rateLimit: RateLimitSettings;
}

/** Shopify's `extensions.cost`, on every response. */
export interface CostExtension {
  /** Null only for a walk too large to price (over 10 000 fields through fragments), refused as too costly. */
  requestedQueryCost: number | null;
  /** The cost of what the answer held: pages priced by the rows they returned, 0 for a refused call. The difference to the requested cost is given back. */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

const THROTTLED_KEY = `errors:graphql.${THROTTLED}`;

/**
 * The calculated query cost and the rate limit (Shopify's model). Once the operation is resolved and
 * before anything runs, its cost is computed with the coerced variables (query-cost.ts): above the
 * maximum it is refused as GRAPHQL_VALIDATION_FAILED / QUERY_TOO_COSTLY; otherwise it is taken from the
 * caller's leaky bucket, or refused with HTTP 429 and Retry-After when the bucket holds too little.
 * Replays of the response cache run after this hook, so they are charged like any other call. Once the
 * answer is known, its actual cost is computed and the difference given back to the bucket.
 */
export function queryCostPlugin(options: QueryCostOptions): ApolloServerPlugin<GraphQLContext> {
  const buckets = new CostBuckets(options.rateLimit);
  const maxQueryCost = Math.min(options.maxQueryCost, options.rateLimit.points);
  let costOf: ReturnType<typeof memoizedQueryCost> | undefined;
  return {
    async requestDidStart() {
      // Stays 0 for a request refused before its operation is known (parse and validation errors): nothing ran.
      let requestedQueryCost: number | null = 0;
      let throttleStatus: ThrottleStatus | null = null;
      let charged = false;
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          // The schema is the server's one and only; the memo is made with it on the first request.
          costOf ??= memoizedQueryCost(schema);
          const cost = costOf(document, request.variables, operationName ?? undefined);
          // Variables that do not match the query cost nothing: execution refuses them with BAD_USER_INPUT.
          requestedQueryCost = cost === null ? 0 : Number.isFinite(cost) ? cost : null;
          if (cost !== null && cost > maxQueryCost) {
            const pricing = requestedQueryCost === null ? 'the query spans over 10 000 fields' : `the query costs ${requestedQueryCost} points`;
            throw new GraphQLError(`${pricing}, at most ${maxQueryCost} are allowed`, {
              extensions: {
                code: 'GRAPHQL_VALIDATION_FAILED',
                reason: QueryLimitReason.QUERY_TOO_COSTLY,
                cost: requestedQueryCost,
                maxCost: maxQueryCost,
                http: { status: 400 },
              },
            });
          }
          const charge = buckets.charge(contextValue.client, requestedQueryCost ?? 0, contextValue.clock.now());
          throttleStatus = charge.status;
          charged = charge.allowed;
          if (!charge.allowed) {
            const params = { cost: requestedQueryCost, available: charge.status.currentlyAvailable, retryAfterSeconds: charge.retryAfterSeconds };
            throw new GraphQLError(contextValue.t(THROTTLED_KEY, params) as string, {
              extensions: {
                code: THROTTLED,
                i18nKey: THROTTLED_KEY,
                ...params,
                http: { status: 429, headers: new HeaderMap([['retry-after', String(charge.retryAfterSeconds)]]) },
              },
            });
          }
        },
        async willSendResponse({ response, contextValue, document, request, operation, operationName }) {
          if (response.body.kind !== 'single') return;
          // Nothing ran for a call that was refused (too costly, throttled, or never resolved to an operation).
          let actualQueryCost = charged ? requestedQueryCost : 0;
          const rows = operation?.operation === 'query' ? returnedRows(response.body.singleResult.data) : {};
          if (charged && requestedQueryCost !== null && document && Object.keys(rows).length > 0) {
            actualQueryCost = Math.min(requestedQueryCost, costOf?.(document, request.variables, operationName ?? undefined, rows) ?? requestedQueryCost);
            throttleStatus = buckets.refund(contextValue.client, requestedQueryCost - actualQueryCost, contextValue.clock.now());
          }
          const cost: CostExtension = {
            requestedQueryCost,
            actualQueryCost,
            throttleStatus: throttleStatus ?? buckets.peek(contextValue.client, contextValue.clock.now()),
          };
          // A new object: the response cache may hold the one it replays, which must not carry this request's cost.
          const result = response.body.singleResult;
          response.body.singleResult = { ...result, extensions: { ...result.extensions, cost } };
        },
      };
    },
  };
}
