import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import { QueryLimitReason } from '../graphql-errors';

/**
 * The limits a query must stay within. The deepest query the API needs is 7 levels; a Team Access page
 * of 100 with every field costs about 11 000 by GraphQL Armor's estimate (objects 2, scalars 1, ×1.5 per level).
 */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 15, maxCost: 20_000, maxTokens: 20_000, maxDirectives: 50 };

/**
 * Depth, alias, cost and directive limits from GraphQL Armor (maintained validation rules) and the
 * token limit of graphql-js's parser, reported with a stable `extensions.reason` so the
 * translate-errors plugin can localize them.
 */
export function queryLimits(production: boolean) {
  const reject = (reason: QueryLimitReason): GraphQLArmorRejectCallback[] => [
    (context, error) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { reason } })),
  ];
  const common = { propagateOnRejection: false, exposeLimits: true };
  const protection = new ApolloArmor({
    maxDepth: { ...common, n: QUERY_LIMITS.maxDepth, onReject: reject(QueryLimitReason.QUERY_TOO_DEEP) },
    maxAliases: { ...common, n: QUERY_LIMITS.maxAliases, onReject: reject(QueryLimitReason.TOO_MANY_ALIASES) },
    costLimit: { ...common, maxCost: QUERY_LIMITS.maxCost, onReject: reject(QueryLimitReason.QUERY_TOO_COSTLY) },
    // graphql-js's own parser option counts tokens (parseOptions below), inside Apollo's error pipeline.
    maxTokens: { enabled: false },
    maxDirectives: { ...common, n: QUERY_LIMITS.maxDirectives, onReject: reject(QueryLimitReason.TOO_MANY_DIRECTIVES) },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: protection.plugins, validationRules: protection.validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}

/** graphql-js's parse error for a document over `maxTokens` (its words: "contains more that N tokens"). */
export const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;
