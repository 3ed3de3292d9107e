import { assertBatchSize } from '../../core/bulk-limits';
import { newId } from '../../core/ids';
import type { RequestContext } from '../../core/request-context';
import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import { AuditAction } from '../../kernel/audit-event.entity';
import type { OrganizationMutations, Replayable } from '../../kernel/organization-mutation';
import { canonicalInvitee, MAX_NAME_LENGTH, nameSortKeysOf, searchTextOf, validateInvitee, type CanonicalInvitee } from './invitee.rules';
import type { InvalidTextReason, InviteErrorCode } from './team.errors';
import type { InviteUsersInput } from './team.inputs';
import type { TeamRepository } from './team.repository';
import { TeamUser } from './team-user.entity';

export type InviteOutcome =
  | { kind: 'invited'; userId: string }
  | { kind: 'error'; code: InviteErrorCode; reason?: InvalidTextReason; email: string; params: Record<string, string | number> };

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
    assertBatchSize(input.users.length);
    // Canonical before anything compares them: the same e-mail in two Unicode forms is one user, and a
    // retry that spells the same invitees differently (NFC or not, role omitted or MEMBER) replays.
    const invitees = input.users.map(canonicalInvitee);
    const mutation = { operation: 'inviteUsers', idempotencyKey: input.idempotencyKey, input: invitees };
    return this.mutations.run(ctx, viewer, mutation, async ({ manager, now }) => {
      const taken = await this.repository.invitedEmails(manager, viewer.organizationId, [...new Set(invitees.map((invitee) => invitee.email))]);
      const users: TeamUser[] = [];
      const outcomes = invitees.map((invitee, index): InviteOutcome => {
        const invalid = validateInvitee(invitee, taken);
        const email = input.users[index].email;
        if (invalid) return { kind: 'error', ...invalid, email, params: { email, max: MAX_NAME_LENGTH, ...(invalid.reason && { reason: invalid.reason }) } };
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

function newTeamUser({ name, email, role }: CanonicalInvitee, viewer: Viewer, now: Date): TeamUser {
  return Object.assign(new TeamUser(), {
    id: newId(),
    organizationId: viewer.organizationId,
    name,
    ...nameSortKeysOf(name),
    email,
    searchText: searchTextOf(name, email),
    role,
    invitedAt: now,
    invitedById: viewer.userId,
  });
}
