import type DataLoader from 'dataloader';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import type { GraphQLContext } from '../../graphql/context';
import { rowsByIdLoader } from '../../graphql/loader-scope';
import type { TeamUser } from './team-user.entity';
import type { TeamRepository } from './team.repository';

/** Per-request loaders of the team module, scoped to the caller's organization. */
export class TeamLoaders {
  constructor(
    private readonly db: Database,
    private readonly repository: TeamRepository,
  ) {}

  userById(ctx: GraphQLContext, viewer: Viewer): DataLoader<string, TeamUser | null> {
    return ctx.loaders.get(this, 'userById', () => rowsByIdLoader((ids) => this.repository.usersByIds(this.db.manager, viewer.organizationId, ids)));
  }
}
