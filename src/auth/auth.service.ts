import { hashToken } from './token-hash';
import type { Database } from '../db/database';
import type { TeamUser } from '../team/team-user.entity';
import { TEAM_USER_COLUMNS, teamUserOf, type TeamUserRow } from '../team/team-user.queries';

/** The caller of a request, resolved once from its bearer token. */
export interface Viewer {
  user: TeamUser;
  organizationId: string;
  /** The organization's data version as this request began (response-cache.plugin.ts). */
  dataVersion: number;
}

export class AuthService {
  constructor(private readonly db: Database) {}

  /** The viewer a token belongs to, or null for an unknown token. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    // Plain SQL: every request runs this, and it is one indexed lookup.
    const [row]: (TeamUserRow & { data_version: number })[] = await this.db.manager.query(
      `SELECT ${TEAM_USER_COLUMNS('u')}, o.data_version FROM api_token t
         JOIN team_user u ON u.id = t.user_id AND u.organization_id = t.organization_id
         JOIN organization o ON o.id = t.organization_id
        WHERE t.token_hash = ?`,
      [hashToken(token)],
    );
    if (!row) return null;
    const user = teamUserOf(row);
    return { user, organizationId: user.organizationId, dataVersion: Number(row.data_version) };
  }
}
