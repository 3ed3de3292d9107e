import type { FastifyBaseLogger } from 'fastify';
import type { TFunction } from 'i18next';
import { createLoaders, type Loaders } from './access/access.loaders';
import type { Viewer } from './auth/auth.service';
import type { Clock } from './common/clock';
import type { Catalog } from './i18n/catalog';
import type { Services } from './services';

/** What every resolver gets: who calls, in which language, the per-request loaders, and the services. */
export interface RequestContext {
  viewer: Viewer | null;
  /** The request's language, negotiated from Accept-Language (sv-SE → sv), else English. */
  locale: string;
  /** The raw Accept-Language header, for fields that take an explicit locale argument. */
  acceptLanguage: string | undefined;
  catalog: Catalog;
  /** `t` fixed to the request's language. */
  t: TFunction;
  clock: Clock;
  /** The request's logger (it carries the request id). */
  log: FastifyBaseLogger;
  services: Services;
  /** Taken before the first read: whether this request's reads saw only committed data (Database.cleanReadStamp). */
  readStamp: number | null;
  /** Per-request DataLoaders, scoped to the viewer's organization. */
  loaders: Loaders;
}

/**
 * The context of one request. Loaders are made eagerly (Apollo copies the context object, so a lazy
 * getter would run anyway); without a viewer they are scoped to no organization and find nothing.
 */
export function createContext(args: Omit<RequestContext, 'loaders'>): RequestContext {
  return { ...args, loaders: createLoaders(args.services.db, args.viewer?.organizationId ?? '') };
}
