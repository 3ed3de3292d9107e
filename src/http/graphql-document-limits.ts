import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { i18n } from 'i18next';
import { selectionCounter, variablesProblem } from '../graphql/document-limits';
import { QueryLimitReason, VariablesLimitReason } from '../graphql/graphql-errors';
import { acceptsLegacyJsonOnly, APPLICATION_JSON, GRAPHQL_RESPONSE_JSON } from '../graphql/plugins/http-semantics.plugin';
import { QUERY_LIMITS } from '../graphql/plugins/query-limits';
import { translatorFor } from './http-errors';

interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
}

/**
 * Refuses, before Apollo Server sees them, documents with more than QUERY_LIMITS.maxSelections
 * selections and variables nested deeper than maxVariableDepth or holding more than maxVariableValues.
 *
 * Why here and not in Apollo: Apollo validates with all rules in one pass of graphql-js's visitor, so a
 * custom validation rule cannot stop OverlappingFieldsCanBeMerged (quadratic in repeated fields) from
 * running, and an error thrown from a rule or a plugin hook becomes a 500; Apollo 5 has no parse hook
 * other than `parseOptions` (whose `maxTokens` applies). This hook runs after the body is parsed and
 * before the context is made (no token lookup, no database), and costs one parse of at most maxTokens
 * tokens per distinct query text (counts are remembered: selectionCounter). Documents that do not parse are left to Apollo, which answers them in its own words. The
 * answer has the shape, status and media type Apollo gives other refusals of a document or its
 * variables (400; 200 with `application/json` for clients that accept only that: http-semantics.plugin.ts).
 */
export function registerGraphQLDocumentLimits(app: FastifyInstance, i18n: i18n, languages: readonly string[]): void {
  const countSelections = selectionCounter(QUERY_LIMITS.maxTokens);
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || (request.method !== 'GET' && request.method !== 'POST')) return;
    const params = (request.method === 'GET' ? request.query : request.body) as GraphQLParams | null;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return;
    const refusal = refusalOf(params, countSelections);
    if (!refusal) return;
    const t = translatorFor(i18n, languages, request);
    const i18nKey = `errors:graphql.${refusal.reason}`;
    const message = t(i18nKey, refusal.params);
    request.log.info({ reason: refusal.reason }, 'GraphQL request refused before validation');
    return sendRefusal(reply, request, { message, extensions: { code: refusal.code, reason: refusal.reason, i18nKey, ...refusal.params } });
  });
}

interface Refusal {
  code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT';
  reason: QueryLimitReason | VariablesLimitReason;
  params: Record<string, number>;
}

function refusalOf({ query, variables }: GraphQLParams, countSelections: (query: string) => number | null): Refusal | null {
  if (typeof query === 'string') {
    const selections = countSelections(query);
    if (selections !== null && selections > QUERY_LIMITS.maxSelections) {
      return { code: 'GRAPHQL_VALIDATION_FAILED', reason: QueryLimitReason.TOO_MANY_FIELDS, params: { count: selections, max: QUERY_LIMITS.maxSelections } };
    }
  }
  // GET carries the variables as JSON text; JSON.parse itself does not recurse, the walk below does not either.
  const parsed = typeof variables === 'string' ? parseJson(variables) : variables;
  const reason = variablesProblem(parsed, { maxDepth: QUERY_LIMITS.maxVariableDepth, maxValues: QUERY_LIMITS.maxVariableValues });
  if (!reason) return null;
  const max = reason === VariablesLimitReason.VARIABLES_TOO_DEEP ? QUERY_LIMITS.maxVariableDepth : QUERY_LIMITS.maxVariableValues;
  return { code: 'BAD_USER_INPUT', reason, params: { max } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Apollo refuses it as a bad request
  }
}

function sendRefusal(reply: FastifyReply, request: FastifyRequest, error: { message: string; extensions: Record<string, unknown> }) {
  const legacy = acceptsLegacyJsonOnly(request.headers.accept);
  return reply
    .code(legacy ? 200 : 400)
    .header('content-type', legacy ? APPLICATION_JSON : GRAPHQL_RESPONSE_JSON)
    .header('cache-control', 'private, no-store')
    .send(JSON.stringify({ errors: [error] }));
}
