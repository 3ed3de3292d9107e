import { Column, Entity, Index } from 'typeorm';
import { IdColumn, RefColumn, TimestampColumn } from '../db/columns';

/** A workspace of the organization's Marketo subscription; one is the Default (R5). */
@Entity('marketo_workspace')
@Index('uq_marketo_workspace_org_name', ['organizationId', 'name'], { unique: true })
export class MarketoWorkspace {
  @IdColumn()
  id: string;

  @RefColumn('organization_id')
  organizationId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @TimestampColumn('created_at')
  createdAt: Date;
}
