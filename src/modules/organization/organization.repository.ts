import { In, type EntityManager } from 'typeorm';
import { chunk, insertMany } from '../../db/sql';
import { Organization } from '../../kernel/organization.entity';
import { MarketoWorkspace, newWorkspace } from './marketo-workspace.entity';

/** Every SQL statement of the organization module: the Marketo connection and its workspaces. */
export class OrganizationRepository {
  async recordMarketoConnected(manager: EntityManager, organization: Organization, at: Date, workspacesEnabled: boolean): Promise<void> {
    organization.marketoConnectedAt = at;
    organization.marketoWorkspacesEnabled = workspacesEnabled;
    await manager.update(Organization, { id: organization.id }, { marketoConnectedAt: at, marketoWorkspacesEnabled: workspacesEnabled });
  }

  workspaces(manager: EntityManager, organizationId: string): Promise<MarketoWorkspace[]> {
    return manager.findBy(MarketoWorkspace, { organizationId });
  }

  async workspacesByIds(manager: EntityManager, organizationId: string, ids: readonly string[]): Promise<MarketoWorkspace[]> {
    const parts = await Promise.all(chunk([...ids]).map((part) => manager.findBy(MarketoWorkspace, { organizationId, id: In(part) })));
    return parts.flat();
  }

  /** Creates the named workspaces (the caller checked they are new: organization/workspace-names); "Default" is marked so. */
  async addWorkspaces(manager: EntityManager, organizationId: string, names: string[], now: Date): Promise<void> {
    await insertMany(
      manager,
      MarketoWorkspace,
      names.map((name) => newWorkspace(organizationId, name, now)),
    );
  }
}
