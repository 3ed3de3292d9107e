import type { RequestContext } from '../core/request-context';
import type { LoaderScope } from './loader-scope';

/** What the response cache needs to know of a request's reads (plugins/response-cache.plugin.ts). */
export interface CacheFacts {
  /** Taken before the first read: whether the reads could see only committed data (Database.cleanReadStamp). */
  readStamp: number | null;
}

/** A request's context as resolvers see it: the request facts, plus this request's DataLoaders. */
export interface GraphQLContext extends RequestContext {
  loaders: LoaderScope;
  cache: CacheFacts;
  /** Whose rate-limit bucket the request spends: `token:<sha-256 of the token>`, or `ip:<address>` without a valid one. */
  client: string;
}
