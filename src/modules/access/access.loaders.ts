import DataLoader from 'dataloader';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import type { GraphQLContext } from '../../graphql/context';
import { rowsByIdLoader } from '../../graphql/loader-scope';
import type { AccessRepository } from './access.repository';
import type { MarketoAccess } from './access.types';
import type { GrantView } from './marketo-access-grant.entity';

/** Per-request loaders of the access module, scoped to the caller's organization. */
export class AccessLoaders {
  constructor(
    private readonly db: Database,
    private readonly repository: AccessRepository,
  ) {}

  grantById(ctx: GraphQLContext, viewer: Viewer): DataLoader<string, GrantView | null> {
    return ctx.loaders.get(this, 'grantById', () => rowsByIdLoader((ids) => this.repository.grantsByIds(this.db.manager, viewer.organizationId, ids)));
  }

  /** Complete (grant, grantor, workspaces): the Team Access page's `marketoAccess` of each user. */
  marketoAccessByUserId(ctx: GraphQLContext, viewer: Viewer): DataLoader<string, MarketoAccess> {
    return ctx.loaders.get(
      this,
      'marketoAccessByUserId',
      () =>
        new DataLoader(async (userIds: readonly string[]) => {
          const access = await this.repository.marketoAccessOfUsers(this.db.manager, viewer.organizationId, userIds, ctx.locale);
          return userIds.map((userId) => access.get(userId)!);
        }),
    );
  }
}
