import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../db/columns';

/** The stored result of a mutation called with an idempotency key, replayed on retry. */
@Entity('idempotency_record')
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 128 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  operation: string;

  /** SHA-256 of the operation's input: the same key with another input is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'text' })
  response: string;

  @TimestampColumn('created_at')
  createdAt: Date;
}
