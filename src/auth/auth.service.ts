import { ApiToken } from './api-token.entity';
import { hashToken } from './token-hash';
import type { Database } from '../db/database';
import { TeamUser } from '../team/team-user.entity';

/** The caller of a request, resolved once from its bearer token. */
export interface Viewer {
  user: TeamUser;
  organizationId: string;
}

export class AuthService {
  constructor(private readonly db: Database) {}

  /** The viewer a token belongs to, or null for an unknown token. */
  async viewerForToken(token: string): Promise<Viewer | null> {
    const user = await this.db.manager
      .createQueryBuilder(TeamUser, 'user')
      .innerJoin(ApiToken, 'token', 'token.user_id = user.id AND token.organization_id = user.organization_id')
      .where('token.token_hash = :hash', { hash: hashToken(token) })
      .getOne();
    return user ? { user, organizationId: user.organizationId } : null;
  }
}
