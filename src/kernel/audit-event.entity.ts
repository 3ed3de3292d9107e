import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../db/columns';

export enum AuditAction {
  MARKETO_CONNECTED = 'MARKETO_CONNECTED',
  USER_INVITED = 'USER_INVITED',
  MARKETO_ACCESS_GRANTED = 'MARKETO_ACCESS_GRANTED',
  MARKETO_ACCESS_REVOKED = 'MARKETO_ACCESS_REVOKED',
}

/** Who did what to whom, and when; written in the same transaction as the change it records. */
@Entity('audit_event')
@Index('ix_audit_event_org_time', ['organizationId', 'occurredAt', 'id'])
@Index('ix_audit_event_org_actor_time', ['organizationId', 'actorId', 'occurredAt', 'id'])
@Index('ix_audit_event_org_target_time', ['organizationId', 'targetId', 'occurredAt', 'id'])
export class AuditEvent {
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @RefColumn('actor_id')
  actorId: string;

  @Column({ type: 'varchar', length: 64 })
  action: AuditAction;

  @Column({ name: 'target_type', type: 'varchar', length: 64 })
  targetType: string;

  @RefColumn('target_id')
  targetId: string;

  /** JSON object with the change's details (for example the workspace ids of a grant). */
  @Column({ type: 'text' })
  details: string;

  @TimestampColumn('occurred_at')
  occurredAt: Date;
}
