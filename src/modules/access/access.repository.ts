import { In, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '../../core/pagination';
import { chunk, insertMany, placeholders, utcDate } from '../../db/sql';
import { byDefaultThenName, type MarketoWorkspace } from '../organization/marketo-workspace.entity';
import { foldForSearch } from '../team/invitee.rules';
import { TEAM_USER_COLUMNS, teamUserOf, type TeamUserRow } from '../team/team.repository';
import type { TeamUser } from '../team/team-user.entity';
import { MarketoAccessStatus, type MarketoAccess } from './access.types';
import { MarketoAccessGrantWorkspace } from './marketo-access-grant-workspace.entity';
import { MarketoAccessGrant, type GrantView } from './marketo-access-grant.entity';

interface GrantRow {
  id: string;
  user_id: string;
  granted_by_id: string;
  granted_at: Date | string;
  workspace_id: string | null;
}

interface AccessRow extends TeamUserRow {
  grant_id: string;
  user_id: string;
  granted_at: Date | string;
  granted_by_id: string;
  workspace_id: string | null;
  workspace_name: string | null;
  workspace_is_default: number | boolean | null;
}

export interface TeamAccessFilter {
  search?: string | null;
  status?: MarketoAccessStatus | null;
  after?: string | null;
}

/**
 * Every SQL statement of the access module. The hot reads (the Team Access page, the grants of a bulk
 * call) are plain SQL, the same text on SQLite and MySQL: TypeORM's query builder and entity hydration
 * were most of their cost when profiled (bench/RESULTS.md).
 */
export class AccessRepository {
  /** The Team Access page (R1): invited users by name, with search and a filter on Marketo access. */
  async teamAccessPage(manager: EntityManager, organizationId: string, filter: TeamAccessFilter, size: number): Promise<Page<TeamUser>> {
    const conditions = ['u.organization_id = ?'];
    const params: unknown[] = [organizationId];
    const search = filter.search ? foldForSearch(filter.search.trim()) : '';
    if (search) {
      conditions.push("u.search_text LIKE ? ESCAPE '!'");
      params.push(`%${search.replace(/[!%_]/g, '!$&')}%`);
    }
    if (filter.status) {
      const exists = 'EXISTS (SELECT 1 FROM marketo_access_grant g WHERE g.user_id = u.id)';
      conditions.push(filter.status === MarketoAccessStatus.CONNECTED ? exists : `NOT ${exists}`);
    }
    const matching = conditions.join(' AND ');
    const [{ total }] = await manager.query(`SELECT COUNT(*) AS total FROM team_user u WHERE ${matching}`, params);
    let after = '';
    if (filter.after) {
      const [name, id] = decodeCursor(filter.after, (values) => values.length === 2);
      after = ' AND (u.name > ? OR (u.name = ? AND u.id > ?))';
      params.push(name, name, id);
    }
    const rows: TeamUserRow[] = await manager.query(
      `SELECT ${TEAM_USER_COLUMNS('u')} FROM team_user u WHERE ${matching}${after} ORDER BY u.name, u.id LIMIT ${size + 1}`,
      params,
    );
    const nodes = rows.slice(0, size).map(teamUserOf);
    return { nodes, hasNextPage: rows.length > size, totalCount: Number(total), cursorOf: (user) => encodeCursor([user.name, user.id]) };
  }

  /** The current grants of some users of one organization, with their workspace ids, in one query. */
  async grantsOfUsers(manager: EntityManager, organizationId: string, userIds: string[]): Promise<GrantView[]> {
    const rows: GrantRow[] = [];
    for (const part of chunk(userIds)) {
      const partRows: GrantRow[] = await manager.query(
        `SELECT g.id, g.user_id, g.granted_by_id, g.granted_at, gw.workspace_id
           FROM marketo_access_grant g
           LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id
          WHERE g.organization_id = ? AND g.user_id IN (${placeholders(part)})`,
        [organizationId, ...part],
      );
      rows.push(...partRows);
    }
    const grants = new Map<string, GrantView>();
    for (const row of rows) {
      let grant = grants.get(row.id);
      if (!grant) {
        grant = { id: row.id, userId: row.user_id, workspaceIds: [], grantedAt: utcDate(row.granted_at), grantedById: row.granted_by_id };
        grants.set(row.id, grant);
      }
      if (row.workspace_id) grant.workspaceIds.push(row.workspace_id);
    }
    for (const grant of grants.values()) grant.workspaceIds.sort();
    return [...grants.values()];
  }

  /**
   * The Team Access page's view of some users' Marketo access, complete (grant, grantor, workspaces
   * in drop-down order) from one query, so a page of 50 users costs one query and no field resolver
   * below `marketoAccess`. Users without a grant are NOT_CONNECTED.
   */
  async marketoAccessOfUsers(manager: EntityManager, organizationId: string, userIds: readonly string[]): Promise<Map<string, MarketoAccess>> {
    const access = new Map<string, MarketoAccess>(userIds.map((id) => [id, notConnected()]));
    for (const part of chunk([...userIds])) {
      const rows: AccessRow[] = await manager.query(
        `SELECT g.id AS grant_id, g.user_id, g.granted_at, g.granted_by_id,
                w.id AS workspace_id, w.name AS workspace_name, w.is_default AS workspace_is_default,
                ${TEAM_USER_COLUMNS('u')}
           FROM marketo_access_grant g
           LEFT JOIN team_user u ON u.id = g.granted_by_id AND u.organization_id = g.organization_id
           LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id
           LEFT JOIN marketo_workspace w ON w.id = gw.workspace_id AND w.organization_id = g.organization_id
          WHERE g.organization_id = ? AND g.user_id IN (${placeholders(part)})`,
        [organizationId, ...part],
      );
      rows.forEach((row) => addAccessRow(access, row));
    }
    for (const entry of access.values()) {
      entry.grant?.workspaceIds.sort();
      entry.workspaces.sort(byDefaultThenName);
    }
    return access;
  }

  async insertGrants(manager: EntityManager, organizationId: string, grants: GrantView[]): Promise<void> {
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

  async deleteGrants(manager: EntityManager, grantIds: string[]): Promise<void> {
    for (const part of chunk(grantIds)) {
      await manager.delete(MarketoAccessGrantWorkspace, { grantId: In(part) });
      await manager.delete(MarketoAccessGrant, { id: In(part) });
    }
  }
}

function addAccessRow(access: Map<string, MarketoAccess>, row: AccessRow): void {
  let entry = access.get(row.user_id)!;
  if (!entry.grant) {
    const grant: GrantView = { id: row.grant_id, userId: row.user_id, workspaceIds: [], grantedAt: utcDate(row.granted_at), grantedById: row.granted_by_id };
    entry = { status: MarketoAccessStatus.CONNECTED, grant, grantedAt: grant.grantedAt, grantedBy: row.id ? teamUserOf(row) : null, workspaces: [] };
    access.set(row.user_id, entry);
  }
  if (row.workspace_id) {
    entry.grant!.workspaceIds.push(row.workspace_id);
    entry.workspaces.push({ id: row.workspace_id, name: row.workspace_name!, isDefault: Boolean(row.workspace_is_default) } as MarketoWorkspace);
  }
}

const notConnected = (): MarketoAccess => ({ status: MarketoAccessStatus.NOT_CONNECTED, grant: null, grantedAt: null, grantedBy: null, workspaces: [] });
