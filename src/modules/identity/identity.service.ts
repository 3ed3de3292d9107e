import type { Viewer } from '../../core/viewer';
import type { Database } from '../../db/database';
import type { IdentityRepository } from './identity.repository';
import { bearerToken, hashToken } from './token-hash';

/** Who calls: the viewer of a request, and the organization's data version as the request began. */
export interface Authentication {
  viewer: Viewer;
  dataVersion: number;
  /** The token's SHA-256: the rate limit keeps one bucket per token. */
  tokenHash: string;
}

export class IdentityService {
  constructor(
    private readonly db: Database,
    private readonly repository: IdentityRepository,
  ) {}

  /** The caller an `Authorization: Bearer <token>` header names, or null for none or an unknown token. */
  async authenticate(authorization: string | undefined): Promise<Authentication | null> {
    const token = bearerToken(authorization);
    if (!token) return null;
    const tokenHash = hashToken(token);
    const found = await this.repository.userOfTokenHash(this.db.manager, tokenHash, (sql) => this.db.causalRead(sql));
    if (!found) return null;
    const { user, dataVersion } = found;
    return { viewer: { userId: user.id, organizationId: user.organizationId, role: user.role }, dataVersion, tokenHash };
  }
}
