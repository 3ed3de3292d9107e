import type { EntityManager } from 'typeorm';
import { placeholders, utcDate } from '../db/sql';
import type { GrantView } from './access-plan';

interface GrantRow {
  id: string;
  user_id: string;
  granted_by_id: string;
  granted_at: Date | string;
  workspace_id: string | null;
}

/**
 * The current grants of some users of one organization, with their workspace ids, in one query.
 * Plain SQL (the same on SQLite and MySQL) rather than TypeORM's finders: this runs for every Team
 * Access page and every bulk grant, and entity hydration was most of its cost.
 */
export async function findGrantsOfUsers(manager: EntityManager, organizationId: string, userIds: string[]): Promise<GrantView[]> {
  if (userIds.length === 0) return [];
  const rows: GrantRow[] = await manager.query(
    `SELECT g.id, g.user_id, g.granted_by_id, g.granted_at, gw.workspace_id
       FROM marketo_access_grant g
       LEFT JOIN marketo_access_grant_workspace gw ON gw.grant_id = g.id
      WHERE g.organization_id = ? AND g.user_id IN (${placeholders(userIds)})`,
    [organizationId, ...userIds],
  );
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
