import { Entity, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { IdColumn, RefColumn, TimestampColumn } from '../../db/columns';
import { Node } from '../../graphql/node';

/**
 * A user's access to the Marketo connection. At most one per user (a unique key, so concurrent
 * grants cannot both land); its workspaces are fixed when it is made (R6).
 */
@Entity('marketo_access_grant')
@Index('uq_marketo_access_grant_user', ['userId'], { unique: true })
@Index('ix_marketo_access_grant_org', ['organizationId'])
@Index('ix_marketo_access_grant_org_time', ['organizationId', 'grantedAt', 'userId'])
@ObjectType('MarketoAccessGrant', { description: "A user's access to the Marketo connection; its workspaces are fixed (R6).", implements: Node })
export class MarketoAccessGrant {
  /** The local id (a UUID); the schema's `id` is the global id (the Node interface). */
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @RefColumn('user_id')
  userId: string;

  @RefColumn('granted_by_id')
  grantedById: string;

  @TimestampColumn('granted_at')
  @Field({ description: 'When the access was granted (UTC).' })
  grantedAt: Date;

  /** Not a column: the grant's workspaces, rows of marketo_access_grant_workspace (sorted ids). */
  workspaceIds: string[];

  // user, grantedBy and workspaces are field resolvers (access.resolver.ts)
}

/** A grant as the rules plan it, results report it and idempotent replays store it. */
export type GrantView = Pick<MarketoAccessGrant, 'id' | 'userId' | 'workspaceIds' | 'grantedAt' | 'grantedById'>;
