import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';
import { insertMany } from '../db/database';
import { AppError, badInput } from '../errors/app-error';
import { BadInputReason, RequestErrorCode } from '../errors/error-codes';
import { MarketoWorkspace } from '../access/marketo-workspace.entity';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditService } from '../audit/audit.service';
import { viewerOf } from '../auth/auth-checker';
import { Organization } from './organization.entity';

export const DEFAULT_WORKSPACE_NAME = 'Default';

export interface ConnectMarketoInput {
  workspacesEnabled: boolean;
  /** The subscription's workspaces besides Default, when it has workspaces enabled. */
  workspaceNames?: string[] | null;
}

/**
 * Takes the organization's row lock for the rest of the transaction, before anything else is read:
 * the access mutations of one organization then run one after another on MySQL (SQLite runs one
 * transaction at a time anyway), so concurrent calls, on any replica, see each other's commits
 * instead of racing on them.
 */
export async function lockOrganization(manager: EntityManager, organizationId: string): Promise<Organization> {
  const query = manager.createQueryBuilder(Organization, 'organization').where('organization.id = :organizationId', { organizationId });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  return query.getOneOrFail();
}

export class OrganizationService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async get(ctx: RequestContext): Promise<Organization> {
    return this.db.manager.findOneByOrFail(Organization, { id: viewerOf(ctx).organizationId });
  }

  /** Records that the product is now connected with Marketo: starts R2's ten-minute clock. */
  async connectMarketo(ctx: RequestContext, input: ConnectMarketoInput): Promise<Organization> {
    const viewer = viewerOf(ctx);
    const names = [...new Set((input.workspaceNames ?? []).map((name) => name.trim()).filter((name) => name && name !== DEFAULT_WORKSPACE_NAME))];
    if (names.length > 0 && !input.workspacesEnabled) throw badInput(BadInputReason.WORKSPACES_NOT_ENABLED);
    return this.db.transaction(async (manager) => {
      const organization = await lockOrganization(manager, viewer.organizationId);
      if (organization.marketoConnectedAt) throw new AppError(RequestErrorCode.MARKETO_ALREADY_CONNECTED);
      const now = ctx.clock.now();
      organization.marketoConnectedAt = now;
      organization.marketoWorkspacesEnabled = input.workspacesEnabled;
      await manager.update(Organization, { id: organization.id }, { marketoConnectedAt: now, marketoWorkspacesEnabled: input.workspacesEnabled });
      const existing = new Set((await manager.findBy(MarketoWorkspace, { organizationId: organization.id })).map((workspace) => workspace.name));
      const wanted = [DEFAULT_WORKSPACE_NAME, ...names].filter((name) => !existing.has(name));
      const workspaces = wanted.map((name) =>
        manager.create(MarketoWorkspace, { id: newId(), organizationId: organization.id, name, isDefault: name === DEFAULT_WORKSPACE_NAME, createdAt: now }),
      );
      await insertMany(manager, MarketoWorkspace, workspaces);
      await this.audit.record(manager, organization.id, viewer.user.id, now, [
        { action: AuditAction.MARKETO_CONNECTED, targetType: 'Organization', targetId: organization.id, details: { workspacesEnabled: input.workspacesEnabled, workspaceNames: names } },
      ]);
      return organization;
    });
  }
}
