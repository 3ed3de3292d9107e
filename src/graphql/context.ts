import type { RequestContext } from '../core/request-context';
import type { LoaderScope } from './loader-scope';

/** What the response cache needs to know of a request's reads (plugins/response-cache.plugin.ts). */
export interface CacheFacts {
  /** Taken before the first read: whether the reads could see only committed data (Database.cleanReadStamp). */
  readStamp: number | null;
  /** Set when the answer is a replay: the JSON of its data, which the HTTP layer puts in the serialized answer. */
  replay?: ReplayedData;
}

/** A replayed answer's data as it was serialized once, and what Apollo writes in its place (plugins/response-cache.plugin.ts). */
export interface ReplayedData {
  placeholder: string;
  json: string;
}

/** A request's context as resolvers see it: the request facts, plus this request's DataLoaders. */
export interface GraphQLContext extends RequestContext {
  loaders: LoaderScope;
  cache: CacheFacts;
  /** Whose rate-limit bucket the request spends: `token:<sha-256 of the token>`, or `ip:<address>` without a valid one. */
  client: string;
}
