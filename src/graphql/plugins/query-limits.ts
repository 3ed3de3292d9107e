import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import { QueryLimitReason } from '../graphql-errors';

/**
 * The limits a query must stay within. The deepest query the API needs is 7 levels. `maxCost` is the
 * calculated cost (query-cost.ts, checked by query-cost.plugin.ts): a Team Access page of 100 rows
 * with every field costs 801 and connecting 1 000 users about 1 020, so 2 000 lets each through
 * while two full pages at once pass and three (let alone 15 aliased ones, 12 015) do not.
 *
 * `maxTokens` and `maxSelections` bound validation, which costs more than linear time (graphql-js's
 * OverlappingFieldsCanBeMerged compares fields of one name pairwise). The largest documents a client
 * sends are graphql-js's introspection query with every option (183 tokens, 80 selections: 73 fields
 * and 7 fragment spreads; GraphiQL and Apollo Sandbox send about the same) and the app's CONNECT
 * mutation (94 tokens, 39 selections), so 1 000 tokens and 120 selections leave 5× and 1.5× headroom,
 * while the worst documents within both validate in about 4 ms (`node dist/bench/validation.js`).
 * Variables nest 4 levels at most (`input.assignments[].userIds[]`) and a bulk call of 1 000 invitees
 * holds about 3 000 values.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 2_000,
  maxTokens: 1_000,
  maxSelections: 120,
  maxDirectives: 50,
  maxVariableDepth: 10,
  maxVariableValues: 50_000,
};

/**
 * Depth, alias and directive limits from GraphQL Armor (maintained validation rules) and the token
 * limit of graphql-js's parser, reported with a stable `extensions.reason` so the translate-errors
 * plugin can localize them. The cost is not Armor's: its estimate follows how a query is written
 * (a literal `first: 100` costs 100 times `first: $n`), so query-cost.plugin.ts prices the operation
 * once its variables are known.
 */
export function queryLimits(production: boolean) {
  const reject = (reason: QueryLimitReason): GraphQLArmorRejectCallback[] => [
    (context, error) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { reason } })),
  ];
  const common = { propagateOnRejection: false, exposeLimits: true };
  const protection = new ApolloArmor({
    maxDepth: { ...common, n: QUERY_LIMITS.maxDepth, onReject: reject(QueryLimitReason.QUERY_TOO_DEEP) },
    maxAliases: { ...common, n: QUERY_LIMITS.maxAliases, onReject: reject(QueryLimitReason.TOO_MANY_ALIASES) },
    costLimit: { enabled: false },
    // graphql-js's own parser option counts tokens (parseOptions below), inside Apollo's error pipeline.
    maxTokens: { enabled: false },
    maxDirectives: { ...common, n: QUERY_LIMITS.maxDirectives, onReject: reject(QueryLimitReason.TOO_MANY_DIRECTIVES) },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins: protection.plugins, validationRules: protection.validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}

/** graphql-js's parse error for a document over `maxTokens` (its words: "contains more that N tokens"). */
export const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;
