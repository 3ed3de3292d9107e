import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '../db/database';
import { chunk } from '../db/database';
import { TeamUser } from '../team/team-user.entity';
import type { MarketoAccessType } from './access.types';
import { findMarketoAccessOfUsers } from './marketo-access.queries';
import { MarketoWorkspace } from './marketo-workspace.entity';

/**
 * Per-request batch loaders for the fields of a page of users, so a page costs one query per kind
 * of data, not one per row. Every query is scoped to the caller's organization.
 */
export interface Loaders {
  userById: DataLoader<string, TeamUser | null>;
  /** Complete (grant, grantor, workspaces): the Team Access page's `marketoAccess` of each user. */
  marketoAccessByUserId: DataLoader<string, MarketoAccessType>;
  workspaceById: DataLoader<string, MarketoWorkspace | null>;
}

export function createLoaders(db: Database, organizationId: string): Loaders {
  const manager = db.manager;
  return {
    userById: new DataLoader(async (ids) => {
      const users = await findIn(ids, (part) => manager.findBy(TeamUser, { organizationId, id: In(part) }));
      return byKey(ids, users, (user) => user.id);
    }),
    marketoAccessByUserId: new DataLoader(async (userIds) => {
      const access = new Map<string, MarketoAccessType>();
      for (const part of chunk([...userIds])) {
        for (const [userId, entry] of await findMarketoAccessOfUsers(manager, organizationId, part)) access.set(userId, entry);
      }
      return userIds.map((userId) => access.get(userId)!);
    }),
    workspaceById: new DataLoader(async (ids) => {
      const workspaces = await findIn(ids, (part) => manager.findBy(MarketoWorkspace, { organizationId, id: In(part) }));
      return byKey(ids, workspaces, (workspace) => workspace.id);
    }),
  };
}

async function findIn<K, V>(keys: readonly K[], find: (part: K[]) => Promise<V[]>): Promise<V[]> {
  const results = await Promise.all(chunk([...keys]).map(find));
  return results.flat();
}

function byKey<V>(keys: readonly string[], values: V[], keyOf: (value: V) => string): (V | null)[] {
  const map = new Map(values.map((value) => [keyOf(value), value]));
  return keys.map((key) => map.get(key) ?? null);
}
