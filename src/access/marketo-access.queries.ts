import type { EntityManager } from 'typeorm';
import { placeholders, utcDate } from '../db/sql';
import { MarketoAccessStatus } from '../team/team.service';
import { teamUserOf, TEAM_USER_COLUMNS, type TeamUserRow } from '../team/team-user.queries';
import type { GrantView } from './access-plan';
import type { MarketoAccessType } from './access.types';
import type { MarketoWorkspace } from './marketo-workspace.entity';

interface AccessRow extends TeamUserRow {
  grant_id: string;
  user_id: string;
  granted_at: Date | string;
  granted_by_id: string;
  workspace_id: string | null;
  workspace_name: string | null;
  workspace_is_default: number | boolean | null;
}

/**
 * The Team Access page's view of some users' Marketo access, complete (grant, grantor, workspaces
 * in drop-down order) from one plain SQL query, so a page of 50 users costs one query and no field
 * resolver below `marketoAccess`. Users without a grant are NOT_CONNECTED.
 */
export async function findMarketoAccessOfUsers(manager: EntityManager, organizationId: string, userIds: readonly string[]): Promise<Map<string, MarketoAccessType>> {
  const access = new Map<string, MarketoAccessType>(userIds.map((id) => [id, notConnected()]));
  if (userIds.length === 0) return access;
  const rows: AccessRow[] = await manager.query(
    `SELECT g.id AS grant_id, g.user_id, g.granted_at, g.granted_by_id,
            w.id AS workspace_id, w.name AS workspace_name, w.is_default AS workspace_is_default,
            ${TEAM_USER_COLUMNS('u')}
       FROM marketo_access_grant g
       LEFT JOIN team_user u ON u.id = g.granted_by_id AND u.organization_id = g.organization_id
       LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id
       LEFT JOIN marketo_workspace w ON w.id = gw.workspace_id AND w.organization_id = g.organization_id
      WHERE g.organization_id = ? AND g.user_id IN (${placeholders(userIds)})`,
    [organizationId, ...userIds],
  );
  for (const row of rows) {
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
  for (const entry of access.values()) {
    entry.grant?.workspaceIds.sort();
    entry.workspaces.sort(byDefaultThenName);
  }
  return access;
}

/** The Default workspace first, then by name: the order the Workspace drop-down shows. */
export const byDefaultThenName = (a: Pick<MarketoWorkspace, 'isDefault' | 'name'>, b: Pick<MarketoWorkspace, 'isDefault' | 'name'>): number =>
  Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name);

const notConnected = (): MarketoAccessType => ({ status: MarketoAccessStatus.NOT_CONNECTED, grant: null, grantedAt: null, grantedBy: null, workspaces: [] });
