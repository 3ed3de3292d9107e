import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../core/viewer';
import { IdColumn, RefColumn, TimestampColumn } from '../../db/columns';
import { Node } from '../../graphql/node';

registerEnumType(Role, { name: 'Role', description: 'ADMIN manages access (R9); MEMBER uses it.' });

/** A user invited to the product (R1): only invited users appear on the Team Access page. */
@Entity('team_user')
@Index('uq_team_user_org_email', ['organizationId', 'email'], { unique: true })
@Index('ix_team_user_org_name', ['organizationId', 'name', 'id'])
@Index('ix_team_user_org_email_id', ['organizationId', 'email', 'id'])
@ObjectType('TeamUser', { description: 'A user invited to the product (R1).', implements: Node, simpleResolvers: true })
export class TeamUser {
  /** The local id (a UUID); the schema's `id` is the global id (the Node interface). */
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name: string;

  /** Stored lower-cased, so uniqueness does not depend on the database's collation. */
  @Column({ type: 'varchar', length: 254 })
  @Field()
  email: string;

  /** Lower-cased name and e-mail, searched with LIKE the same way on SQLite and MySQL. */
  @Column({ name: 'search_text', type: 'varchar', length: 460 })
  searchText: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => Role)
  role: Role;

  @TimestampColumn('invited_at')
  @Field()
  invitedAt: Date;

  @RefColumn('invited_by_id', { nullable: true })
  invitedById: string | null;

  // marketoAccess is a field resolver of the access module (team-access.resolver.ts)
}
