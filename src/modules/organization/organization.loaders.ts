import type DataLoader from 'dataloader';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import type { GraphQLContext } from '../../graphql/context';
import { rowsByIdLoader } from '../../graphql/loader-scope';
import { findOrganization } from '../../kernel/mutation.repository';
import type { Organization } from '../../kernel/organization.entity';
import type { MarketoWorkspace } from './marketo-workspace.entity';
import type { OrganizationRepository } from './organization.repository';

/** Per-request loaders of the organization module, scoped to the caller's organization. */
export class OrganizationLoaders {
  constructor(
    private readonly db: Database,
    private readonly repository: OrganizationRepository,
  ) {}

  /** The caller's organization, read once per request. */
  ownOrganization(ctx: GraphQLContext, viewer: Viewer): Promise<Organization> {
    return ctx.loaders.get(this, 'ownOrganization', () => findOrganization(this.db.manager, viewer.organizationId));
  }

  workspaceById(ctx: GraphQLContext, viewer: Viewer): DataLoader<string, MarketoWorkspace | null> {
    return ctx.loaders.get(this, 'workspaceById', () => rowsByIdLoader((ids) => this.repository.workspacesByIds(this.db.manager, viewer.organizationId, ids)));
  }
}
