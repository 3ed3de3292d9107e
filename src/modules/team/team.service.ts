import { assertBatchSize } from '../../core/bulk-limits';
import { newId } from '../../core/ids';
import type { RequestContext } from '../../core/request-context';
import { Role, type Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import { AuditAction } from '../../kernel/audit-event.entity';
import type { OrganizationMutations, Replayable } from '../../kernel/organization-mutation';
import { MAX_NAME_LENGTH, normalizeEmail, searchTextOf, validateInvitee } from './invitee.rules';
import type { InviteErrorCode } from './team.errors';
import type { InviteeInput, InviteUsersInput } from './team.inputs';
import type { TeamRepository } from './team.repository';
import { TeamUser } from './team-user.entity';

export type InviteOutcome =
  { kind: 'invited'; userId: string } | { kind: 'error'; code: InviteErrorCode; email: string; params: Record<string, string | number> };

export class TeamService {
  constructor(
    private readonly db: Database,
    private readonly mutations: OrganizationMutations,
    private readonly repository: TeamRepository,
  ) {}

  async usersByIds(viewer: Viewer, ids: string[]): Promise<TeamUser[]> {
    return this.repository.usersByIds(this.db.manager, viewer.organizationId, ids);
  }

  /** Team Management (R8): invites users; each one is invited or gets its own error. */
  async invite(ctx: RequestContext, viewer: Viewer, input: InviteUsersInput): Promise<Replayable<InviteOutcome[]>> {
    const invitees = input.users;
    assertBatchSize(invitees.length);
    const mutation = { operation: 'inviteUsers', idempotencyKey: input.idempotencyKey, input: invitees };
    return this.mutations.run(ctx, viewer, mutation, async ({ manager, now }) => {
      const taken = await this.repository.invitedEmails(manager, viewer.organizationId, [...new Set(invitees.map((invitee) => normalizeEmail(invitee.email)))]);
      const users: TeamUser[] = [];
      const outcomes = invitees.map((invitee): InviteOutcome => {
        const invalid = validateInvitee(invitee, taken);
        if (invalid) return { kind: 'error', code: invalid, email: invitee.email, params: { email: invitee.email, max: MAX_NAME_LENGTH } };
        const user = newTeamUser(invitee, viewer, now);
        taken.add(user.email);
        users.push(user);
        return { kind: 'invited', userId: user.id };
      });
      await this.repository.insertUsers(manager, users);
      const audit = users.map((user) => ({
        action: AuditAction.USER_INVITED,
        targetType: 'TeamUser' as const,
        targetId: user.id,
        details: { role: user.role },
      }));
      return { result: outcomes, audit };
    });
  }
}

function newTeamUser(invitee: InviteeInput, viewer: Viewer, now: Date): TeamUser {
  const name = invitee.name.trim();
  const email = normalizeEmail(invitee.email);
  return Object.assign(new TeamUser(), {
    id: newId(),
    organizationId: viewer.organizationId,
    name,
    email,
    searchText: searchTextOf(name, email),
    role: invitee.role ?? Role.MEMBER,
    invitedAt: now,
    invitedById: viewer.userId,
  });
}
