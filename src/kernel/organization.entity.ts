import { Column, Entity } from 'typeorm';
import { IdColumn, TimestampColumn } from '../db/columns';

/** A customer of the product; owns its users, workspaces, grants and audit trail. */
@Entity('organization')
export class Organization {
  @IdColumn()
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** When an admin connected the product with Marketo; grants wait ten minutes after it (R2). */
  @TimestampColumn('marketo_connected_at', { nullable: true })
  marketoConnectedAt: Date | null;

  @Column({ name: 'marketo_workspaces_enabled', type: 'boolean', default: false })
  marketoWorkspacesEnabled: boolean;

  /** Moved on by every change of the organization's data, in the change's transaction (kernel/organization-mutation.ts). */
  @Column({ name: 'data_version', type: 'integer', default: 0 })
  dataVersion: number;

  @TimestampColumn('created_at')
  createdAt: Date;
}
