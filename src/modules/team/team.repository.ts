import { In, type EntityManager } from 'typeorm';
import type { Role } from '../../core/viewer';
import { chunk, insertMany, placeholders, utcDate } from '../../db/sql';
import { TeamUser } from './team-user.entity';

/** A team_user row as plain SQL returns it (the hot reads skip TypeORM's query builder and hydration). */
export interface TeamUserRow {
  id: string;
  organization_id: string;
  name: string;
  name_sort_root: string;
  name_sort_sv: string;
  email: string;
  search_text: string;
  role: string;
  invited_at: Date | string;
  invited_by_id: string | null;
}

/**
 * A user as lists read them: what the schema shows, without the search text and the sort keys (up to
 * 1 700 characters a row that a page of 100 would read, copy and drop). A list adds the key it orders by.
 */
export type ListedTeamUser = Omit<TeamUser, 'nameSortRoot' | 'nameSortSv' | 'searchText'>;
export type ListedTeamUserRow = Pick<TeamUserRow, 'id' | 'organization_id' | 'name' | 'email' | 'role' | 'invited_at' | 'invited_by_id'>;

const LISTED_COLUMNS = ['id', 'organization_id', 'name', 'email', 'role', 'invited_at', 'invited_by_id'];
const columnsOf = (columns: string[], alias: string) => columns.map((column) => `${alias}.${column}`).join(', ');

/** The select list of a listed user under `alias`. */
export const LISTED_TEAM_USER_COLUMNS = (alias: string): string => columnsOf(LISTED_COLUMNS, alias);

/** The select list of a whole team_user row under `alias`, for other modules' plain SQL that joins users. */
export const TEAM_USER_COLUMNS = (alias: string): string => columnsOf([...LISTED_COLUMNS, 'name_sort_root', 'name_sort_sv', 'search_text'], alias);

export function listedTeamUserOf(row: ListedTeamUserRow): ListedTeamUser {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    invitedAt: utcDate(row.invited_at),
    invitedById: row.invited_by_id,
  };
}

export function teamUserOf(row: TeamUserRow): TeamUser {
  return { ...listedTeamUserOf(row), nameSortRoot: row.name_sort_root, nameSortSv: row.name_sort_sv, searchText: row.search_text };
}

/** Every SQL statement of the team module. */
export class TeamRepository {
  /** Plain SQL: a bulk call reads 1 000 users here, and TypeORM's hydration of them cost more than the query. */
  async usersByIds(manager: EntityManager, organizationId: string, ids: readonly string[]): Promise<TeamUser[]> {
    const users: TeamUser[] = [];
    for (const part of chunk([...new Set(ids)])) {
      const rows: TeamUserRow[] = await manager.query(
        `SELECT ${TEAM_USER_COLUMNS('u')} FROM team_user u WHERE u.organization_id = ? AND u.id IN (${placeholders(part)})`,
        [organizationId, ...part],
      );
      users.push(...rows.map(teamUserOf));
    }
    return users;
  }

  /**
   * Which of these (canonical, NFC) e-mails are invited, answered in NFC. Rows stored before e-mails were
   * canonical may hold the decomposed form (NFD), so that form is looked up too.
   */
  async invitedEmails(manager: EntityManager, organizationId: string, emails: string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    const spellings = [...new Set(emails.flatMap((email) => [email, email.normalize('NFD')]))];
    for (const part of chunk(spellings)) {
      const existing = await manager.findBy(TeamUser, { organizationId, email: In(part) });
      existing.forEach((user) => taken.add(user.email.normalize('NFC')));
    }
    return taken;
  }

  insertUsers(manager: EntityManager, users: TeamUser[]): Promise<void> {
    return insertMany(manager, TeamUser, users);
  }
}
