import { In, type EntityManager } from 'typeorm';
import { newId } from '../../core/ids';
import { chunk, insertMany } from '../../db/sql';
import { Organization } from '../../kernel/organization.entity';
import { DEFAULT_WORKSPACE_NAME, MarketoWorkspace } from './marketo-workspace.entity';

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

  /** Creates the named workspaces the organization does not have yet; the Default one is marked so. */
  async addWorkspaces(manager: EntityManager, organizationId: string, names: string[], now: Date): Promise<void> {
    const existing = new Set((await this.workspaces(manager, organizationId)).map((workspace) => workspace.name));
    const workspaces = names
      .filter((name) => !existing.has(name))
      .map((name) => manager.create(MarketoWorkspace, { id: newId(), organizationId, name, isDefault: name === DEFAULT_WORKSPACE_NAME, createdAt: now }));
    await insertMany(manager, MarketoWorkspace, workspaces);
  }
}
