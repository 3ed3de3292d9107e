import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../../db/columns';

/** An API token of a user. Only its SHA-256 hash is stored; the token itself is never kept. */
@Entity('api_token')
@Index('uq_api_token_hash', ['tokenHash'], { unique: true })
export class ApiToken {
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @RefColumn('user_id')
  userId: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @TimestampColumn('created_at')
  createdAt: Date;
}
