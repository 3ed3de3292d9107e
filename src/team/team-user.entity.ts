import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../db/columns';

export enum Role {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/** A user invited to the product (R1): only invited users appear on the Team Access page. */
@Entity('team_user')
@Index('uq_team_user_org_email', ['organizationId', 'email'], { unique: true })
@Index('ix_team_user_org_name', ['organizationId', 'name', 'id'])
export class TeamUser {
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Stored lower-cased, so uniqueness does not depend on the database's collation. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** Lower-cased name and e-mail, searched with LIKE the same way on SQLite and MySQL. */
  @Column({ name: 'search_text', type: 'varchar', length: 460 })
  searchText: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @TimestampColumn('invited_at')
  invitedAt: Date;

  @RefColumn('invited_by_id', { nullable: true })
  invitedById: string | null;
}
