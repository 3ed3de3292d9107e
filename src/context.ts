import type { TFunction } from 'i18next';
import { createLoaders, type Loaders } from './access/access.loaders';
import type { Viewer } from './auth/auth.service';
import type { Clock } from './common/clock';
import type { Services } from './services';

/** What every resolver gets: who calls, in which language, the per-request loaders, and the services. */
export interface RequestContext {
  viewer: Viewer | null;
  locale: string;
  /** `t` fixed to the request's language. */
  t: TFunction;
  clock: Clock;
  services: Services;
  /** Per-request DataLoaders; created on first use, scoped to the viewer's organization. */
  readonly loaders: Loaders;
}

export function createContext(args: Omit<RequestContext, 'loaders'>): RequestContext {
  let loaders: Loaders | undefined;
  return {
    ...args,
    get loaders() {
      if (!args.viewer) throw new Error('Loaders need a viewer: guard the resolver with @Authorized()');
      loaders ??= createLoaders(args.services.db, args.viewer.organizationId);
      return loaders;
    },
  };
}
