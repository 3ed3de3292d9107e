import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { COLLATION_KEY_LENGTH } from '../../core/collation-key';
import { Role } from '../../core/viewer';
import { IdColumn, RefColumn, TimestampColumn } from '../../db/columns';
import { Node } from '../../graphql/node';

registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN manages access (R9); MEMBER uses it.',
  valuesConfig: {
    ADMIN: { description: 'May invite users, grant and revoke Marketo access, and read the audit trail.' },
    MEMBER: { description: 'May read the team and its own access; every mutation answers FORBIDDEN.' },
  },
});

/** A user invited to the product (R1): only invited users appear on the Team Access page. */
@Entity('team_user')
@Index('uq_team_user_org_email', ['organizationId', 'email'], { unique: true })
@Index('ix_team_user_org_name_sort_root', ['organizationId', 'nameSortRoot', 'id'])
@Index('ix_team_user_org_name_sort_sv', ['organizationId', 'nameSortSv', 'id'])
@Index('ix_team_user_org_email_id', ['organizationId', 'email', 'id'])
@Index('ix_team_user_org_search', ['organizationId', 'searchText'])
@ObjectType('TeamUser', { description: 'A user invited to the product (R1).', implements: Node, simpleResolvers: true })
export class TeamUser {
  /** The local id (a UUID); the schema's `id` is the global id (the Node interface). */
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'Display name, as given when invited (1 to 200 characters).' })
  name: string;

  /**
   * The name's sort keys (core/collation-key), written with the name: English and French read the root
   * order, Swedish its own (Å Ä Ö after Z). Compared by code point on both databases.
   */
  @Column({ name: 'name_sort_root', type: 'varchar', length: COLLATION_KEY_LENGTH })
  nameSortRoot: string;

  @Column({ name: 'name_sort_sv', type: 'varchar', length: COLLATION_KEY_LENGTH })
  nameSortSv: string;

  /** Stored lower-cased, so uniqueness does not depend on the database's collation. */
  @Column({ type: 'varchar', length: 254 })
  @Field({ description: 'E-mail address, lower-cased; unique in the organization.' })
  email: string;

  /** Lower-cased name and e-mail, searched with LIKE the same way on SQLite and MySQL. */
  @Column({ name: 'search_text', type: 'varchar', length: 460 })
  searchText: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => Role, { description: 'What the user may do in the product.' })
  role: Role;

  @TimestampColumn('invited_at')
  @Field({ description: 'When the user was invited (UTC).' })
  invitedAt: Date;

  @RefColumn('invited_by_id', { nullable: true })
  invitedById: string | null;

  // marketoAccess is a field resolver of the access module (team-access.resolver.ts)
}
