import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '../db/database';
import { chunk } from '../db/database';
import { TeamUser } from '../team/team-user.entity';
import type { GrantView } from './access-plan';
import { findGrantsOfUsers } from './grant-queries';
import { MarketoWorkspace } from './marketo-workspace.entity';

/**
 * Per-request batch loaders for the fields of a page of users, so a page costs one query per kind
 * of data, not one per row. Every query is scoped to the caller's organization.
 */
export interface Loaders {
  userById: DataLoader<string, TeamUser | null>;
  grantByUserId: DataLoader<string, GrantView | null>;
  workspaceById: DataLoader<string, MarketoWorkspace | null>;
}

export function createLoaders(db: Database, organizationId: string): Loaders {
  const manager = db.manager;
  return {
    userById: new DataLoader(async (ids) => {
      const users = await findIn(ids, (part) => manager.findBy(TeamUser, { organizationId, id: In(part) }));
      return byKey(ids, users, (user) => user.id);
    }),
    grantByUserId: new DataLoader(async (userIds) => {
      const grants = await findIn(userIds, (part) => findGrantsOfUsers(manager, organizationId, part));
      return byKey(userIds, grants, (grant) => grant.userId);
    }),
    workspaceById: new DataLoader(async (ids) => {
      const workspaces = await findIn(ids, (part) => manager.findBy(MarketoWorkspace, { organizationId, id: In(part) }));
      return byKey(ids, workspaces, (workspace) => workspace.id);
    }),
  };
}

/** The Default workspace first, then by name: the order the Workspace drop-down shows. */
export const byDefaultThenName = (a: MarketoWorkspace, b: MarketoWorkspace): number =>
  Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name);

async function findIn<K, V>(keys: readonly K[], find: (part: K[]) => Promise<V[]>): Promise<V[]> {
  const results = await Promise.all(chunk([...keys]).map(find));
  return results.flat();
}

function byKey<V>(keys: readonly string[], values: V[], keyOf: (value: V) => string): (V | null)[] {
  const map = new Map(values.map((value) => [keyOf(value), value]));
  return keys.map((key) => map.get(key) ?? null);
}
