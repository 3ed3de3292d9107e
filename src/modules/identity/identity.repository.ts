import type { EntityManager } from 'typeorm';
import { TEAM_USER_COLUMNS, teamUserOf, type TeamUserRow } from '../team/team.repository';
import type { TeamUser } from '../team/team-user.entity';

/** Every SQL statement of the identity module. */
export class IdentityRepository {
  /**
   * The user a token hash belongs to, with the organization's data version (for the response cache),
   * in one indexed lookup. Plain SQL: every request runs this, first. `asFirstRead` turns the statement
   * into a causal read on a cluster (Database.causalRead), so it sees every write committed before it.
   */
  async userOfTokenHash(
    manager: EntityManager,
    tokenHash: string,
    asFirstRead: (sql: string) => string = (sql) => sql,
  ): Promise<{ user: TeamUser; dataVersion: number } | null> {
    const [row]: (TeamUserRow & { data_version: number })[] = await manager.query(
      asFirstRead(`SELECT ${TEAM_USER_COLUMNS('u')}, o.data_version FROM api_token t
         JOIN team_user u ON u.id = t.user_id AND u.organization_id = t.organization_id
         JOIN organization o ON o.id = t.organization_id
        WHERE t.token_hash = ?`),
      [tokenHash],
    );
    return row ? { user: teamUserOf(row), dataVersion: Number(row.data_version) } : null;
  }
}
