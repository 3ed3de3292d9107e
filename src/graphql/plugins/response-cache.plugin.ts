import { randomBytes } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { getVariableValues, type FormattedExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext, ReplayedData } from '../context';

/** Root fields whose answers change only on deploy and never depend on the caller. */
const DEPLOY_TIME_FIELDS = new Set(['helpArticle', 'helpArticles', 'locales', 'translations', '__typename']);
/**
 * Root fields whose answers depend only on the caller and their organization's stored data (never on
 * the clock: marketoConnection and viewer count down R2's ten minutes, so they are not here).
 */
const ORGANIZATION_DATA_FIELDS = new Set(['teamAccess', 'marketoWorkspaces', 'auditEvents']);
/** What the kept answers may weigh, as JSON: the hot pages of a few dozen callers. Memory stays bounded however many pages are read. */
const MAX_BYTES = 1024 * 1024;
/** Keys seen once that are remembered (as 32-bit hashes, 4 bytes each), waiting for a second sighting. */
const SIGHTINGS_REMEMBERED = 16_384;

export interface ResponseCacheOptions {
  /** The database's clean-read stamp now (Database.cleanReadStamp), compared with the one the request began with. */
  cleanReadStamp(): number | null;
}

type Request = Pick<GraphQLRequestContext<GraphQLContext>, 'request' | 'contextValue' | 'operation' | 'schema'>;

/**
 * Replays the answer of a repeated read instead of executing it again (up to 1 MB of answers as JSON,
 * oldest dropped first). Deploy-time content (help articles, catalogs) is keyed by query, variables and
 * language. Organization data is keyed by caller and by the organization's data version, read with
 * the caller's token in the same query: every change moves the version on inside its transaction
 * (kernel/organization-mutation.ts), so an answer is replayed only while the data it was computed from is unchanged,
 * on this replica or any other. Answers with errors, mutations and clock-dependent fields never are.
 * An answer is kept from its second computation on (the first is only noted): most searches are typed
 * once, and keeping them would cost a serialization each and push hot pages out.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GraphQLContext> {
  const cache = new Map<string, CachedAnswer>();
  const sightings = new Sightings(SIGHTINGS_REMEMBERED);
  let cachedBytes = 0;
  let answersKept = 0;
  const keep = (key: string, result: FormattedExecutionResult) => {
    // Admitted on its second sighting: a search typed once is never serialized twice nor pushes a hot page out.
    if (!sightings.seenBefore(key)) return;
    const json = JSON.stringify(result.data);
    const bytes = key.length + json.length;
    if (bytes > MAX_BYTES / 8) return;
    for (const [oldest, entry] of cache) {
      if (cachedBytes + bytes <= MAX_BYTES) break;
      cache.delete(oldest);
      cachedBytes -= entry.bytes;
    }
    cache.set(key, cachedAnswer(result, json, (answersKept += 1), bytes));
    cachedBytes += bytes;
  };
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation(requestContext) {
          key = cacheKey(requestContext);
          const cached = key ? cache.get(key) : undefined;
          if (!cached) return null;
          requestContext.contextValue.cache.replay = cached.replay;
          return { http: requestContext.response.http, body: { kind: 'single', singleResult: cached.result } };
        },
        async willSendResponse(requestContext) {
          const body = requestContext.response.body;
          if (!key || body.kind !== 'single' || body.singleResult.errors || cache.has(key) || !readOnlyCommitted(requestContext.contextValue, options)) return;
          keep(key, body.singleResult);
        },
      };
    },
  };
}

/** A kept answer: its data serialized once, and what stands in for that data when Apollo serializes a replay. */
interface CachedAnswer {
  result: FormattedExecutionResult;
  replay: ReplayedData;
  bytes: number;
}

/**
 * The data of a kept answer is serialized once, when it is kept. A replay hands Apollo the same data
 * object (plugins read it: the query cost counts its rows) with a `toJSON` that writes a placeholder
 * instead, and the HTTP layer puts the kept JSON in its place (`spliceReplayedData`), so Apollo serializes
 * only the envelope and this request's `extensions`.
 */
function cachedAnswer(result: FormattedExecutionResult, json: string, id: number, bytes: number): CachedAnswer {
  const replay = { placeholder: `${REPLAY_PLACEHOLDER}${id}`, json };
  const data = Object.defineProperty({ ...result.data }, 'toJSON', { value: () => replay.placeholder });
  return { result: { ...result, data }, replay, bytes };
}

/** Unique to this process: a placeholder is recognized only at the very start of the answer, where `data` is. */
const REPLAY_PLACEHOLDER = `replayed-answer-${randomBytes(8).toString('hex')}-`;

/**
 * The answer Apollo serialized for a replay, with the kept JSON of its data in place of the placeholder.
 * A cached answer has no errors, so `data` is its first member; anything else is returned unchanged.
 */
export function spliceReplayedData(payload: string, replay: ReplayedData): string {
  const envelope = `{"data":"${replay.placeholder}"`;
  return payload.startsWith(envelope) ? `{"data":${replay.json}${payload.slice(envelope.length)}` : payload;
}

function cacheKey({ request, contextValue, operation, schema }: Request): string | null {
  if (!operation || operation.operation !== 'query') return null;
  const scope = cacheScope(operation);
  if (scope === null) return null;
  // Keyed on the variables as execution sees them: declared and coerced (an ID sent as 5 or as "5" is one
  // answer); undeclared ones, which execution ignores, never reach the key. Variables that do not coerce get an error, never a replay.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  let caller: unknown[] = [];
  if (scope === 'organization') {
    const viewer = contextValue.viewer;
    if (!viewer || contextValue.dataVersion === null) return null;
    caller = [viewer.userId, contextValue.dataVersion];
  }
  // The language is part of every key: messages are written in it, and lists by name are in its order
  // (an English page of Team Access is not the Swedish one).
  return JSON.stringify([...caller, contextValue.locale, contextValue.acceptLanguage ?? '', request.query, request.operationName ?? '', coerced.coerced]);
}

/** An answer computed while a SQLite transaction was open may hold writes that later rolled back. */
function readOnlyCommitted(context: GraphQLContext, options: ResponseCacheOptions): boolean {
  return context.cache.readStamp !== null && options.cleanReadStamp() === context.cache.readStamp;
}

/** What an operation's answer depends on: deploy-time content only, the caller's organization's data, or more (null). */
export function cacheScope(operation: OperationDefinitionNode): 'deploy' | 'organization' | null {
  let scope: 'deploy' | 'organization' = 'deploy';
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') return null;
    if (ORGANIZATION_DATA_FIELDS.has(selection.name.value)) scope = 'organization';
    else if (!DEPLOY_TIME_FIELDS.has(selection.name.value)) return null;
  }
  return scope;
}

/**
 * The keys of answers computed once, as 32-bit FNV-1a hashes in arrival order, the oldest forgotten
 * first. A collision only admits an answer on its first sighting, which is harmless.
 */
export class Sightings {
  private readonly hashes = new Set<number>();

  constructor(private readonly capacity: number) {}

  /** Whether `key` was seen since it was last forgotten; remembers it either way. */
  seenBefore(key: string): boolean {
    const hash = fnv1a(key);
    const seen = this.hashes.delete(hash);
    if (!seen && this.hashes.size >= this.capacity) this.hashes.delete(this.hashes.values().next().value!);
    this.hashes.add(hash);
    return seen;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
