import { utcDate } from '../db/sql';
import type { Role, TeamUser } from './team-user.entity';

/** A team_user row as plain SQL returns it (the hot reads skip TypeORM's query builder and hydration). */
export interface TeamUserRow {
  id: string;
  organization_id: string;
  name: string;
  email: string;
  search_text: string;
  role: string;
  invited_at: Date | string;
  invited_by_id: string | null;
}

/** The select list of a team_user row under `alias`. */
export const TEAM_USER_COLUMNS = (alias: string): string =>
  ['id', 'organization_id', 'name', 'email', 'search_text', 'role', 'invited_at', 'invited_by_id'].map((column) => `${alias}.${column}`).join(', ');

export function teamUserOf(row: TeamUserRow): TeamUser {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    email: row.email,
    searchText: row.search_text,
    role: row.role as Role,
    invitedAt: utcDate(row.invited_at),
    invitedById: row.invited_by_id,
  };
}
