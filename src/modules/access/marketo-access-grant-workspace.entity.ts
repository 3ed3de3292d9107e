import { Entity, Index, PrimaryColumn } from 'typeorm';
import { RefColumn } from '../../db/columns';

/** One workspace assigned by a grant. */
@Entity('marketo_access_grant_workspace')
@Index('ix_grant_workspace_workspace', ['workspaceId'])
export class MarketoAccessGrantWorkspace {
  @PrimaryColumn({ name: 'grant_id', type: 'varchar', length: 36 })
  grantId: string;

  @PrimaryColumn({ name: 'workspace_id', type: 'varchar', length: 36 })
  workspaceId: string;

  @RefColumn('organization_id')
  organizationId: string;
}
