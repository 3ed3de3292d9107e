import { In, type EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';
import { chunk, insertMany } from '../db/database';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditService } from '../audit/audit.service';
import { viewerOf } from '../auth/auth-checker';
import type { Viewer } from '../auth/auth.service';
import type { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { assertReadyForGrants } from '../organization/marketo-connection';
import { lockOrganization } from '../organization/organization.service';
import { TeamUser } from '../team/team-user.entity';
import { assertBatchSize } from './batch';
import { MarketoAccessGrantWorkspace } from './marketo-access-grant-workspace.entity';
import { MarketoAccessGrant } from './marketo-access-grant.entity';
import { MarketoWorkspace } from './marketo-workspace.entity';
import { findGrantsOfUsers } from './grant-queries';
import { byDefaultThenName } from './marketo-access.queries';
import { planConnect, planDisconnect, type ConnectOutcome, type DisconnectOutcome, type GrantView } from './access-plan';

export interface WorkspaceAssignment {
  userIds: string[];
  /** Empty or absent: the Default Marketo workspace (R5). */
  workspaceIds?: string[] | null;
}

export class AccessService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** R3/R4/R5/R6: grants access in bulk, one typed outcome per user in input order. */
  async connect(ctx: RequestContext, assignments: WorkspaceAssignment[], idempotencyKey?: string | null): Promise<Replayable<ConnectOutcome[]>> {
    const viewer = viewerOf(ctx);
    assertBatchSize(assignments.reduce((sum, assignment) => sum + assignment.userIds.length, 0));
    const scope = { organizationId: viewer.organizationId, operation: 'connectMarketoUsers', key: idempotencyKey, input: assignments };
    return this.db.transaction(async (manager) => {
      const organization = await lockOrganization(manager, viewer.organizationId);
      return this.idempotency.run(manager, scope, async () => {
        const now = ctx.clock.now();
        assertReadyForGrants(organization, now);
        const userIds = assignments.flatMap((assignment) => assignment.userIds);
        const state = await this.loadState(manager, viewer, userIds);
        const plan = planConnect({
          ...state,
          workspacesEnabled: organization.marketoWorkspacesEnabled,
          assignments,
          newGrant: (userId, workspaceIds) => ({ id: newId(), userId, workspaceIds, grantedAt: now, grantedById: viewer.user.id }),
        });
        await this.insertGrants(manager, viewer.organizationId, plan.created);
        await this.audit.record(
          manager,
          viewer.organizationId,
          viewer.user.id,
          now,
          plan.created.map((grant) => ({ action: AuditAction.MARKETO_ACCESS_GRANTED, targetType: 'TeamUser', targetId: grant.userId, details: { grantId: grant.id, workspaceIds: grant.workspaceIds } })),
        );
        return plan.outcomes;
      });
    });
  }

  async workspaces(ctx: RequestContext): Promise<MarketoWorkspace[]> {
    const workspaces = await this.db.manager.findBy(MarketoWorkspace, { organizationId: viewerOf(ctx).organizationId });
    return workspaces.sort(byDefaultThenName);
  }

  /** R6: removes access, so the user can be connected again with other workspaces. */
  async disconnect(ctx: RequestContext, userIds: string[], idempotencyKey?: string | null): Promise<Replayable<DisconnectOutcome[]>> {
    const viewer = viewerOf(ctx);
    assertBatchSize(userIds.length);
    const scope = { organizationId: viewer.organizationId, operation: 'disconnectMarketoUsers', key: idempotencyKey, input: userIds };
    return this.db.transaction(async (manager) => {
      await lockOrganization(manager, viewer.organizationId);
      return this.idempotency.run(manager, scope, async () => {
        const state = await this.loadState(manager, viewer, userIds);
        const plan = planDisconnect({ ...state, userIds });
        const grantIds = plan.removed.map((grant) => grant.id);
        for (const part of chunk(grantIds)) {
          await manager.delete(MarketoAccessGrantWorkspace, { grantId: In(part) });
          await manager.delete(MarketoAccessGrant, { id: In(part) });
        }
        await this.audit.record(
          manager,
          viewer.organizationId,
          viewer.user.id,
          ctx.clock.now(),
          plan.removed.map((grant) => ({ action: AuditAction.MARKETO_ACCESS_REVOKED, targetType: 'TeamUser', targetId: grant.userId, details: { grantId: grant.id, workspaceIds: grant.workspaceIds } })),
        );
        return plan.outcomes;
      });
    });
  }

  /** The named users of the caller's organization, their current grants, and the workspaces. */
  private async loadState(manager: EntityManager, viewer: Viewer, userIds: string[]) {
    const organizationId = viewer.organizationId;
    const users = new Map<string, TeamUser>();
    const grants = new Map<string, GrantView>();
    for (const part of chunk([...new Set(userIds)])) {
      for (const user of await manager.findBy(TeamUser, { organizationId, id: In(part) })) users.set(user.id, user);
      for (const grant of await findGrantsOfUsers(manager, organizationId, part)) grants.set(grant.userId, grant);
    }
    const workspaces = await manager.findBy(MarketoWorkspace, { organizationId });
    return { users, grants, workspaces };
  }

  private async insertGrants(manager: EntityManager, organizationId: string, grants: GrantView[]): Promise<void> {
    await insertMany(
      manager,
      MarketoAccessGrant,
      grants.map(({ id, userId, grantedAt, grantedById }) => ({ id, organizationId, userId, grantedAt, grantedById })),
    );
    await insertMany(
      manager,
      MarketoAccessGrantWorkspace,
      grants.flatMap((grant) => grant.workspaceIds.map((workspaceId) => ({ grantId: grant.id, workspaceId, organizationId }))),
    );
  }
}
