import { In } from 'typeorm';
import { newId } from '../common/ids';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../common/pagination';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';
import { chunk, insertMany } from '../db/database';
import { ItemErrorCode } from '../errors/error-codes';
import { AuditAction } from '../audit/audit-event.entity';
import type { AuditService } from '../audit/audit.service';
import { viewerOf } from '../auth/auth-checker';
import { lockOrganization } from '../organization/organization.service';
import type { IdempotencyService, Replayable } from '../idempotency/idempotency.service';
import { assertBatchSize } from '../access/batch';
import { Role, TeamUser } from './team-user.entity';
import { TEAM_USER_COLUMNS, teamUserOf, type TeamUserRow } from './team-user.queries';
import { foldForSearch, MAX_NAME_LENGTH, normalizeEmail, searchTextOf, validateInvitee } from './invitee';

export enum MarketoAccessStatus {
  CONNECTED = 'CONNECTED',
  NOT_CONNECTED = 'NOT_CONNECTED',
}

export interface TeamAccessArgs extends PageArgs {
  search?: string | null;
  status?: MarketoAccessStatus | null;
}

export interface InviteeInput {
  name: string;
  email: string;
  role?: Role | null;
}

export type InviteOutcome =
  | { kind: 'invited'; userId: string }
  | { kind: 'error'; code: ItemErrorCode; email: string; params: Record<string, string | number> };

export class TeamService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The Team Access page (R1): invited users by name, with search and a filter on Marketo access. */
  async teamAccess(ctx: RequestContext, args: TeamAccessArgs): Promise<Page<TeamUser>> {
    const { organizationId } = viewerOf(ctx);
    const size = pageSize(args.first);
    // Plain SQL: this is the API's hottest read, and the query builder and hydration were most of its cost.
    const conditions = ['u.organization_id = ?'];
    const params: unknown[] = [organizationId];
    const search = args.search ? foldForSearch(args.search.trim()) : '';
    if (search) {
      conditions.push("u.search_text LIKE ? ESCAPE '!'");
      params.push(`%${search.replace(/[!%_]/g, '!$&')}%`);
    }
    if (args.status) {
      const exists = 'EXISTS (SELECT 1 FROM marketo_access_grant g WHERE g.user_id = u.id)';
      conditions.push(args.status === MarketoAccessStatus.CONNECTED ? exists : `NOT ${exists}`);
    }
    const matching = conditions.join(' AND ');
    const [{ total }] = await this.db.manager.query(`SELECT COUNT(*) AS total FROM team_user u WHERE ${matching}`, params);
    let after = '';
    if (args.after) {
      const [name, id] = decodeCursor(args.after, (values) => values.length === 2);
      after = ' AND (u.name > ? OR (u.name = ? AND u.id > ?))';
      params.push(name, name, id);
    }
    const rows: TeamUserRow[] = await this.db.manager.query(
      `SELECT ${TEAM_USER_COLUMNS('u')} FROM team_user u WHERE ${matching}${after} ORDER BY u.name, u.id LIMIT ${size + 1}`,
      params,
    );
    const nodes = rows.slice(0, size).map(teamUserOf);
    return { nodes, hasNextPage: rows.length > size, totalCount: Number(total), cursorOf: (user) => encodeCursor([user.name, user.id]) };
  }

  /** Team Management (R8): invites users; each one is invited or gets its own error. */
  async invite(ctx: RequestContext, invitees: InviteeInput[], idempotencyKey?: string | null): Promise<Replayable<InviteOutcome[]>> {
    const viewer = viewerOf(ctx);
    assertBatchSize(invitees.length);
    return this.db.transaction(async (manager) => {
      await lockOrganization(manager, viewer.organizationId);
      return this.idempotency.run(manager, { organizationId: viewer.organizationId, operation: 'inviteUsers', key: idempotencyKey, input: invitees }, async () => {
        const emails = [...new Set(invitees.map((invitee) => normalizeEmail(invitee.email)))];
        const taken = new Set<string>();
        for (const part of chunk(emails)) {
          const existing = await manager.findBy(TeamUser, { organizationId: viewer.organizationId, email: In(part) });
          existing.forEach((user) => taken.add(user.email));
        }
        const now = ctx.clock.now();
        const users: TeamUser[] = [];
        const outcomes = invitees.map((invitee): InviteOutcome => {
          const invalid = validateInvitee(invitee, taken);
          if (invalid) return { kind: 'error', code: invalid, email: invitee.email, params: { email: invitee.email, max: MAX_NAME_LENGTH } };
          const name = invitee.name.trim();
          const email = normalizeEmail(invitee.email);
          taken.add(email);
          const user = manager.create(TeamUser, {
            id: newId(),
            organizationId: viewer.organizationId,
            name,
            email,
            searchText: searchTextOf(name, email),
            role: invitee.role ?? Role.MEMBER,
            invitedAt: now,
            invitedById: viewer.user.id,
          });
          users.push(user);
          return { kind: 'invited', userId: user.id };
        });
        await insertMany(manager, TeamUser, users);
        await this.audit.record(
          manager,
          viewer.organizationId,
          viewer.user.id,
          now,
          users.map((user) => ({ action: AuditAction.USER_INVITED, targetType: 'TeamUser', targetId: user.id, details: { role: user.role } })),
        );
        return outcomes;
      });
    });
  }
}
