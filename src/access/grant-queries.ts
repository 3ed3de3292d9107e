import { In, type EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';
import type { GrantView } from './access-plan';
import { MarketoAccessGrantWorkspace } from './marketo-access-grant-workspace.entity';
import { MarketoAccessGrant } from './marketo-access-grant.entity';

/** The current grants of some users of one organization, with their workspace ids: two queries. */
export async function findGrantsOfUsers(manager: EntityManager, organizationId: string, userIds: string[]): Promise<GrantView[]> {
  if (userIds.length === 0) return [];
  const grants = await manager.findBy(MarketoAccessGrant, { organizationId, userId: In(userIds) });
  if (grants.length === 0) return [];
  const links = await manager.findBy(MarketoAccessGrantWorkspace, { organizationId, grantId: In(grants.map((grant) => grant.id)) });
  const linksByGrant = groupBy(links, (link) => link.grantId);
  return grants.map((grant) => ({
    id: grant.id,
    userId: grant.userId,
    workspaceIds: (linksByGrant.get(grant.id) ?? []).map((link) => link.workspaceId).sort(),
    grantedAt: grant.grantedAt,
    grantedById: grant.grantedById,
  }));
}
