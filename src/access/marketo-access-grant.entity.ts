import { Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../db/columns';

/**
 * A user's access to the Marketo connection. At most one per user (a unique key, so concurrent
 * grants cannot both land); its workspaces are fixed when it is made (R6).
 */
@Entity('marketo_access_grant')
@Index('uq_marketo_access_grant_user', ['userId'], { unique: true })
@Index('ix_marketo_access_grant_org', ['organizationId'])
export class MarketoAccessGrant {
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @RefColumn('user_id')
  userId: string;

  @RefColumn('granted_by_id')
  grantedById: string;

  @TimestampColumn('granted_at')
  grantedAt: Date;
}
