import type { EntityManager } from 'typeorm';
import { assertBatchSize } from '../../core/bulk-limits';
import { hasForbiddenCharacter } from '../../core/canonical-text';
import { collationOf } from '../../core/collation-key';
import { newId } from '../../core/ids';
import { pageRequest, type Page } from '../../core/pagination';
import type { RequestContext } from '../../core/request-context';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import { VersionedReadCache } from '../../db/versioned-read-cache';
import { AuditAction } from '../../kernel/audit-event.entity';
import type { AuditEntry } from '../../kernel/mutation.repository';
import type { OrganizationMutations, Replayable } from '../../kernel/organization-mutation';
import { assertReadyForGrants } from '../organization/marketo-connection';
import type { OrganizationRepository } from '../organization/organization.repository';
import type { ListedTeamUser, TeamRepository } from '../team/team.repository';
import { searchWithForbiddenCharacter } from './access.errors';
import type { ConnectMarketoUsersInput, DisconnectMarketoUsersInput, TeamAccessArgs } from './access.inputs';
import { teamAccessSearchOf, type AccessRepository } from './access.repository';
import { planConnect, planDisconnect, type ConnectOutcome, type DisconnectOutcome } from './access.rules';
import type { GrantView } from './marketo-access-grant.entity';

/** Counts kept per organization, data version, search and status: a few hundred lists being paged through. */
const MAX_KEPT_COUNTS = 1000;

export class AccessService {
  private readonly counts: VersionedReadCache<number>;

  constructor(
    private readonly db: Database,
    private readonly mutations: OrganizationMutations,
    private readonly repository: AccessRepository,
    private readonly team: TeamRepository,
    private readonly organizations: OrganizationRepository,
  ) {
    this.counts = new VersionedReadCache(db, MAX_KEPT_COUNTS);
  }

  /**
   * The Team Access page (R1): invited users by name in the order of the request's language
   * (`ctx.locale`), with search and a filter on Marketo access. Its total is counted once per data
   * version, search and status, so paging through a list counts it once.
   */
  async teamAccess(ctx: RequestContext, viewer: Viewer, args: TeamAccessArgs): Promise<Page<ListedTeamUser>> {
    // Refused rather than stripped: a search the user did not type is a client bug to surface.
    if (args.search && hasForbiddenCharacter(args.search)) throw searchWithForbiddenCharacter();
    const { organizationId } = viewer;
    const page = await this.repository.teamAccessPage(this.db.manager, organizationId, args, pageRequest(args), collationOf(ctx.locale));
    const count = page.totalCount;
    if (typeof count !== 'function') return page;
    const key = JSON.stringify([teamAccessSearchOf(args.search), args.status ?? null]);
    return { ...page, totalCount: () => this.counts.get(organizationId, ctx.dataVersion, key, count) };
  }

  /** R3/R4/R5/R6: grants access in bulk, one typed outcome per user in input order. */
  async connect(ctx: RequestContext, viewer: Viewer, input: ConnectMarketoUsersInput): Promise<Replayable<ConnectOutcome[]>> {
    const { assignments } = input;
    assertBatchSize(assignments.reduce((sum, assignment) => sum + assignment.userIds.length, 0));
    const mutation = { operation: 'connectMarketoUsers', idempotencyKey: input.idempotencyKey, input: assignments.map(canonicalAssignment) };
    return this.mutations.run(ctx, viewer, mutation, async ({ manager, organization, now }) => {
      assertReadyForGrants(organization, now);
      const userIds = assignments.flatMap((assignment) => assignment.userIds);
      const plan = planConnect({
        ...(await this.loadState(manager, viewer, userIds)),
        workspaces: await this.organizations.workspaces(manager, viewer.organizationId),
        workspacesEnabled: organization.marketoWorkspacesEnabled,
        assignments,
        newGrant: (userId, workspaceIds) => ({ id: newId(), userId, workspaceIds, grantedAt: now, grantedById: viewer.userId }),
      });
      await this.repository.insertGrants(manager, viewer.organizationId, plan.created);
      return { result: plan.outcomes, audit: plan.created.map((grant) => grantAudit(AuditAction.MARKETO_ACCESS_GRANTED, grant)) };
    });
  }

  /** R6: removes access, so the user can be connected again with other workspaces. */
  async disconnect(ctx: RequestContext, viewer: Viewer, input: DisconnectMarketoUsersInput): Promise<Replayable<DisconnectOutcome[]>> {
    const { userIds } = input;
    assertBatchSize(userIds.length);
    const mutation = { operation: 'disconnectMarketoUsers', idempotencyKey: input.idempotencyKey, input: userIds };
    return this.mutations.run(ctx, viewer, mutation, async ({ manager }) => {
      const plan = planDisconnect({ ...(await this.loadState(manager, viewer, userIds)), userIds });
      await this.repository.deleteGrants(
        manager,
        viewer.organizationId,
        plan.removed.map((grant) => grant.id),
      );
      return { result: plan.outcomes, audit: plan.removed.map((grant) => grantAudit(AuditAction.MARKETO_ACCESS_REVOKED, grant)) };
    });
  }

  /** The named users of the caller's organization and their current grants. */
  private async loadState(manager: EntityManager, viewer: Viewer, userIds: string[]) {
    const unique = [...new Set(userIds)];
    const users = new Map((await this.team.usersByIds(manager, viewer.organizationId, unique)).map((user) => [user.id, user]));
    const grants = new Map<string, GrantView>();
    for (const grant of await this.repository.grantsOfUsers(manager, viewer.organizationId, unique)) grants.set(grant.userId, grant);
    return { users, grants };
  }
}

/**
 * An assignment as a retry must repeat it: user ids in their order (results follow it), workspace ids as
 * the set they are (order and repeats mean nothing; omitted, null and [] all mean the Default workspace).
 * Ids are local already: a global id and the raw UUID of one object are one id here.
 */
function canonicalAssignment(assignment: { userIds: string[]; workspaceIds?: string[] | null }) {
  return { userIds: assignment.userIds, workspaceIds: [...new Set(assignment.workspaceIds ?? [])].sort() };
}

function grantAudit(action: AuditAction, grant: GrantView): AuditEntry {
  return { action, targetType: 'TeamUser', targetId: grant.userId, details: { grantId: grant.id, workspaceIds: grant.workspaceIds } };
}
